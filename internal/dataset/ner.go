package dataset

import (
	"bufio"
	"os"
	"strings"
)

// Readers of the NER corpora: factRuEval-2016, NEREL (brat) and SlavicNER
// (BSNLP) in stand-off files over raw text (stand-off.go), CoNLL-2003 and
// KazNERD in token files (tokens.go). They return what the files say, with
// the corpus's own types and every mention, nested or not, in byte offsets
// of the text; what a caller keeps of it (the contract's types below, the
// outermost of nested mentions, training conventions) is the caller's.
// examples/evaluate and internal/cmd/train-ner both read the corpora here.

// Skip is told about a malformed annotation that a reader steps over
// instead of failing, so that one bad line does not cost a whole corpus.
// A nil Skip discards them.
type Skip func(format string, args ...any)

func (s Skip) add(format string, args ...any) {
	if s != nil {
		s(format, args...)
	}
}

// Doc is one annotated document.
type Doc struct {
	// Name says where the document is, for messages: <dir>/<id> for
	// factRuEval and brat, the text file for SlavicNER, <file>#<n> for token
	// files.
	Name string
	// Ann is the file the mentions were read from (the .objects, .ann or
	// .tsv file; the token file).
	Ann string
	// Lang is SlavicNER's language folder; "" for the other corpora.
	Lang     string
	Text     string
	Mentions []Mention // in the order of the annotation file
}

// Mention is an annotated mention: a half-open byte span of Doc.Text with
// the corpus's own type (factRuEval `Person`, NEREL `CITY`, SlavicNER
// `EVT`, CoNLL `PER`, KazNERD `GPE`).
type Mention struct {
	Start, End int
	Type       string
	// Surface, Lemma and ID are SlavicNER's surface form, lemma and
	// cross-document entity id.
	Surface, Lemma, ID string
	// Parts are the spans of a factRuEval object, in the object's order;
	// Start and End run from the first byte of the first to the last of the
	// last.
	Parts []Part
}

// Part is one span of a factRuEval object: a name part (name, surname,
// org_name, loc_name, ...) or a description (org_descr, loc_descr, job).
type Part struct {
	Kind       string
	Start, End int
}

// Named reports whether the part is (a part of) a name rather than a
// description (org_descr `правительство`, loc_descr `площади`, job `мэр`).
// An object without a named part is not a named entity.
func (p Part) Named() bool { return factruNamed[p.Kind] }

var factruNamed = map[string]bool{
	"name": true, "surname": true, "patronymic": true, "nickname": true,
	"org_name": true, "loc_name": true, "geo_adj": true, "prj_name": true,
}

// The contract's types (DESIGN.md: PER, ORG, LOC, EVENT) of each corpus's
// own; "" for the types that are not scored.

// FactRuType maps factRuEval object types: LocOrg (a place acting as an
// organization, "Россия заявила") is LOC; Project and Facility are not
// scored.
func FactRuType(t string) string {
	switch t {
	case "Person":
		return "PER"
	case "Org":
		return "ORG"
	case "Location", "LocOrg":
		return "LOC"
	}
	return ""
}

// NERELType maps NEREL's 29 types: PERSON, ORGANIZATION, and the places
// COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION. NEREL's EVENT marks
// event words (`стрельба`, `выступили`), not named events, and is not
// scored.
func NERELType(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORGANIZATION":
		return "ORG"
	case "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION":
		return "LOC"
	}
	return ""
}

// BSNLPType maps SlavicNER categories; products (PRO) are not scored.
func BSNLPType(t string) string {
	switch t {
	case "PER", "ORG", "LOC":
		return t
	case "EVT":
		return "EVENT"
	}
	return ""
}

// CoNLLType maps CoNLL-2003 types (and WikiANN's); MISC is not scored.
func CoNLLType(t string) string {
	switch t {
	case "PER", "ORG", "LOC":
		return t
	}
	return ""
}

// KazNERDType maps KazNERD's 25 types (and the short forms, for other IOB2
// files): GPE and LOCATION are LOC; FACILITY, NORP and the rest are not
// scored.
func KazNERDType(t string) string {
	switch t {
	case "PERSON", "PER":
		return "PER"
	case "ORGANISATION", "ORGANIZATION", "ORG":
		return "ORG"
	case "GPE", "LOCATION", "LOC":
		return "LOC"
	case "EVENT", "EVT":
		return "EVENT"
	}
	return ""
}

// RuneOffsets returns the byte offset of every code point of text, followed
// by len(text): RuneOffsets(text)[i] is where character i starts. The
// stand-off corpora count characters (code points, as Python does).
func RuneOffsets(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// byteSpan converts a character span to a byte span; ok is false when it is
// out of range.
func byteSpan(offs []int, start, end int) (s, e int, ok bool) {
	if start < 0 || end < start || end >= len(offs) {
		return 0, 0, false
	}
	return offs[start], offs[end], true
}

// EachLine calls fn with every line of the file (1-based number, no line
// terminator). Lines may be up to 64 MB long.
func EachLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		if err := fn(n, strings.TrimRight(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	return sc.Err()
}
