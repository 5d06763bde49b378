// Command evaluate scores the newsmon library on annotated data.
//
//	go run ./examples/evaluate TASK -format FORMAT [-lang L] [-limit N] [-j N] [-v] PATH
//
// It prints, as the last line of standard output, one JSON object with the
// scores (with -v, human-readable tables come before it). TASK and FORMAT:
//
//	lang  lingua  dir of <iso639-1>.txt, one sample per line   accuracy per language, mean
//	lang  lines   file, one sample per line (-lang gives it)   accuracy
//	ner   conll   CoNLL-2003 file (-lang en)                   PER ORG LOC
//	ner   factru  factRuEval-2016 dir                          PER ORG LOC (LocOrg -> LOC)
//	ner   iob2    KazNERD file (-lang kk)                      PER ORG LOC (GPE, LOCATION) EVENT
//	ner   brat    NEREL dir (-lang ru)                         PER ORG LOC, outermost spans
//	ner   bsnlp   SlavicNER dir with raw/ and ner/ (-lang ru)  PER ORG LOC EVENT, lemma, id_agreement
//	geo   gritta  LGL / TR-News / GeoVirus / GWN XML           acc161, exact, country, recognition
//	topic agnews  AG News CSV                                  accuracy, macro_f1, per_class
//	topic bbc     BBC dir (business/ entertainment/ ...)       accuracy, macro_f1, per_class
//	topic ria     RIA news CSV file or dir                     accuracy, macro_f1, per_class
//
// NER matching is exact span + type; gold and predicted mentions of types a
// format does not score are ignored. The JSON shape is a contract (see
// DESIGN.md, "Evaluation CLI"); every share is a number in [0, 1] rounded to
// four decimals, and a share whose denominator is empty is 0.
//
// # Gold conventions
//
//   - conll, iob2: the text is rebuilt from the tokens (one space between
//     tokens, one sentence per line), one Extract call per document
//     (KazNERD has no documents: each sentence is one); a predicted mention
//     that cuts a token matches nothing. Tags are read as conlleval does.
//   - factru: an object of layer 2 spans from its first to its last span;
//     objects made only of descriptions (`правительство`) and mentions
//     nested in longer ones are dropped. Offsets are characters. The
//     tagger runs with entity.WithDescriptors: factRuEval's mentions take in
//     the noun of their kind (партии «Яблоко», реку Нарву).
//   - brat: unscored types are dropped first, then nested mentions;
//     a discontinuous entity spans its first to its last fragment. The
//     tagger runs with entity.WithPlaceAdjectives: NEREL marks adjectives
//     of countries and big towns as places (британской, московского).
//   - factru, brat: a span that opens a quote takes the closing quote
//     right after it (`газета «Ведомости»`).
//   - bsnlp: PRO is not scored; lemma and id_agreement come from
//     newsmon.Analyzer.Analyze (see scoreBSNLP).
//   - gritta: a toponym sits at the occurrence of its phrase nearest the
//     stated offset (GeoVirus counts from 1, TR-News drifts); each share's
//     denominator is the gold toponyms that carry what it needs, reported
//     under "gold". GeoWebNews annotations that are not toponyms (Demonym,
//     Non_Toponym, the *_Expression wrappers) are skipped.
//   - topic: the best-scoring top-level topic is mapped to a class; for ria
//     economy and labour -> economy, arts-culture -> culture, and anything
//     else -> society unless the data has a rubric for it (science,
//     incidents, religion, politics, defense_army in the full corpus).
//
// Malformed annotation lines are skipped and counted on standard error, so
// that one bad line does not cost a whole run; unreadable files are errors
// (exit status 1), command-line mistakes exit with 2.
//
// -limit N scores only the first N items (documents, articles, or samples
// of each language for lingua; topic data is taken round-robin by class, so
// that the first N cover every class). -j sets the number of parallel
// workers (default: the number of CPUs).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
)

// options are the parsed command line.
type options struct {
	Task, Format, Lang, Path string
	Limit, Workers           int
	Verbose                  bool
}

// summary is the JSON object printed last. Fields a task does not use are
// left out.
type summary struct {
	Task    string  `json:"task"`
	Format  string  `json:"format"`
	Lang    string  `json:"lang"`
	Items   int     `json:"items"`
	Seconds float64 `json:"seconds"`

	// ner
	Scores      map[string]prf     `json:"scores,omitempty"`
	Micro       *prf3              `json:"micro,omitempty"`
	Lemma       map[string]float64 `json:"lemma,omitempty"`
	IDAgreement *float64           `json:"id_agreement,omitempty"`

	// lang: map[string]float64; topic: float64
	Accuracy any            `json:"accuracy,omitempty"`
	Mean     *float64       `json:"mean,omitempty"`
	MacroF1  *float64       `json:"macro_f1,omitempty"`
	PerClass map[string]prf `json:"per_class,omitempty"`

	// geo
	Acc161      *float64 `json:"acc161,omitempty"`
	Exact       *float64 `json:"exact,omitempty"`
	Country     *float64 `json:"country,omitempty"`
	Recognition *prf3    `json:"recognition,omitempty"`
	// GeoGold counts the gold toponyms behind each geo share (not in the
	// contract; it tells a 0 from an empty denominator, e.g. GeoVirus has
	// no GeoNames ids).
	GeoGold *geoDenoms `json:"gold,omitempty"`

	skipped *skips // malformed annotations the readers stepped over
}

// skips collects malformed annotations that readers step over instead of
// failing, so that one bad line does not cost a whole evaluation; the
// command reports them on standard error. A nil *skips discards them.
type skips struct {
	n     int
	first []string // the first few messages
}

func (s *skips) add(format string, args ...any) {
	if s == nil {
		return
	}
	s.n++
	if len(s.first) < 3 {
		s.first = append(s.first, fmt.Sprintf(format, args...))
	}
}

// geoDenoms are the denominators of the geo shares.
type geoDenoms struct {
	Toponyms  int `json:"toponyms"`  // recognition gold
	Coords    int `json:"coords"`    // acc161
	IDs       int `json:"ids"`       // exact
	Countries int `json:"countries"` // country
}

var formats = map[string][]string{
	"lang":  {"lingua", "lines"},
	"ner":   {"conll", "factru", "iob2", "brat", "bsnlp"},
	"geo":   {"gritta"},
	"topic": {"agnews", "bbc", "ria"},
}

const usage = `usage: evaluate TASK -format FORMAT [-lang L] [-limit N] [-j N] [-v] PATH
tasks and formats: lang (lingua, lines), ner (conll, factru, iob2, brat, bsnlp),
geo (gritta), topic (agnews, bbc, ria)`

// errUsage marks command-line mistakes (exit status 2).
var errUsage = errors.New("usage")

// parseArgs reads TASK, the flags and PATH; flags may come before or after
// PATH.
func parseArgs(args []string) (options, error) {
	var o options
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return o, fmt.Errorf("%w: TASK first", errUsage)
	}
	o.Task, args = args[0], args[1:]
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Format, "format", "", "data format")
	fs.StringVar(&o.Lang, "lang", "", "language code (comma-separated list for lingua)")
	fs.IntVar(&o.Limit, "limit", 0, "score only the first N items (0: all)")
	fs.IntVar(&o.Workers, "j", runtime.NumCPU(), "parallel workers")
	fs.BoolVar(&o.Verbose, "v", false, "print tables before the JSON line")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return o, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	fmts, ok := formats[o.Task]
	switch {
	case !ok:
		return o, fmt.Errorf("%w: unknown task %q", errUsage, o.Task)
	case o.Format == "":
		return o, fmt.Errorf("%w: -format is required", errUsage)
	case !contains(fmts, o.Format):
		return o, fmt.Errorf("%w: task %s has formats %s, not %q", errUsage, o.Task, strings.Join(fmts, ", "), o.Format)
	case len(pos) != 1:
		return o, fmt.Errorf("%w: want one PATH, got %d", errUsage, len(pos))
	case o.Format == "lines" && o.Lang == "":
		return o, fmt.Errorf("%w: -format lines needs -lang", errUsage)
	case o.Limit < 0:
		return o, fmt.Errorf("%w: -limit must be >= 0", errUsage)
	}
	o.Path = pos[0]
	o.Workers = max(o.Workers, 1)
	return o, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// evaluate runs one evaluation, writing tables to tables when it is not nil.
func evaluate(o options, tables io.Writer) (*summary, error) {
	start := time.Now()
	var (
		s   *summary
		err error
	)
	switch o.Task {
	case "lang":
		s, err = runLang(o, tables)
	case "ner":
		s, err = runNER(o, tables)
	case "geo":
		s, err = runGeo(o, tables)
	case "topic":
		s, err = runTopic(o, tables)
	}
	if err != nil {
		return nil, err
	}
	s.Task, s.Format = o.Task, o.Format
	s.Seconds = float64(time.Since(start).Round(10*time.Millisecond).Milliseconds()) / 1000
	return s, nil
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the command: it returns the exit status (0 ok, 1 failure, 2 usage).
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n%s\n", err, usage)
		return 2
	}
	var tables io.Writer
	if o.Verbose {
		tables = stdout
	}
	s, err := evaluate(o, tables)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	if sk := s.skipped; sk != nil && sk.n > 0 {
		fmt.Fprintf(stderr, "evaluate: skipped %d malformed annotations, e.g.\n\t%s\n", sk.n, strings.Join(sk.first, "\n\t"))
	}
	line, err := json.Marshal(s)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n", line)
	return 0
}
