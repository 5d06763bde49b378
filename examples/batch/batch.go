package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsmon/newsmon"
	"github.com/newsmon/newsmon/examples/internal/jsonl"
)

// Doc is one input line.
type Doc = jsonl.Doc

// Result is one output line: the input's id and where it was, and either
// the report or why there is none.
type Result struct {
	ID     json.RawMessage `json:"id"`
	Source string          `json:"source,omitempty"` // input file; empty for stdin
	Line   int             `json:"line"`             // 1-based line number in Source
	Report *newsmon.Report `json:"report,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// Input is one named stream of JSON Lines.
type Input struct {
	Name string // shown in messages and Result.Source; "" for stdin
	R    io.Reader
}

// Config controls [Run].
type Config struct {
	// MaxLine is the longest line accepted, in bytes; longer lines are
	// reported and skipped without being held in memory. Zero means 64 MiB.
	MaxLine int
	// Progress, when not nil, is called from the writing goroutine with the
	// number of input bytes consumed so far, after every result.
	Progress func(consumed int64)
	// Warn, when not nil, receives one message per malformed line, in line
	// order, from the writing goroutine.
	Warn func(msg string)
}

// Summary totals one [Run].
type Summary struct {
	Documents int           // lines analyzed and written with a report
	Failed    int           // well-formed lines whose analysis failed (written with an error)
	Malformed int           // lines reported and skipped
	Blank     int           // empty or whitespace-only lines, skipped silently
	Bytes     int64         // bytes of text analyzed
	Elapsed   time.Duration // wall time of the run
	// Entities counts, per type, the documents naming each entity by its
	// canonical name.
	Entities map[string]map[string]int
	// Topics counts the documents per topic id.
	Topics map[string]int
	// Languages counts the documents per main language.
	Languages map[string]int
}

func (s *Summary) add(rep *newsmon.Report, n int) {
	s.Documents++
	s.Bytes += int64(n)
	s.Languages[rep.Language.String()]++
	for _, e := range rep.Entities {
		m := s.Entities[e.Type]
		if m == nil {
			m = map[string]int{}
			s.Entities[e.Type] = m
		}
		m[e.Name]++
	}
	for _, t := range rep.Topics {
		s.Topics[t.ID]++
	}
}

// item is what the reader knows about one well-formed line, queued in
// input order beside the text handed to AnalyzeAll.
type item struct {
	res      Result
	size     int      // bytes of text analyzed
	consumed int64    // input bytes read up to the end of this line
	warnings []string // malformed lines just before this one
}

// queue passes items from the reader, which runs inside AnalyzeAll's
// producer goroutine, to the writer; AnalyzeAll keeps it short.
type queue struct {
	mu    sync.Mutex
	items []item
}

func (q *queue) push(it item) {
	q.mu.Lock()
	q.items = append(q.items, it)
	q.mu.Unlock()
}

func (q *queue) pop() (item, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return item{}, false
	}
	it := q.items[0]
	q.items = q.items[1:]
	return it, true
}

// reader turns the inputs into documents, skipping malformed lines.
type reader struct {
	inputs   []Input
	maxLine  int
	q        *queue
	consumed int64
	pending  []string // warnings not yet attached to an item
	malform  int
	blank    int
	err      error
}

// where names a line in messages.
func where(src string, line int) string {
	if src == "" {
		return "line " + strconv.Itoa(line)
	}
	return src + ":" + strconv.Itoa(line)
}

// docs yields the text of every well-formed line and queues its item. It
// stops at the first read error, kept in r.err.
func (r *reader) docs() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, in := range r.inputs {
			br := bufio.NewReaderSize(in.R, 64<<10)
			for line := 1; ; line++ {
				raw, n, tooLong, err := readLine(br, r.maxLine)
				r.consumed += n
				if n == 0 && err != nil {
					if !errors.Is(err, io.EOF) {
						r.err = fmt.Errorf("%s: %w", where(in.Name, line), err)
						return
					}
					break
				}
				if tooLong {
					r.warn(in.Name, line, fmt.Errorf("line longer than %d bytes", r.maxLine))
				} else if text, it, ok := r.parse(in.Name, line, raw); ok {
					it.consumed = r.consumed
					it.warnings, r.pending = r.pending, nil
					r.q.push(it)
					if !yield(text) {
						return
					}
				}
				if err != nil {
					if !errors.Is(err, io.EOF) {
						r.err = fmt.Errorf("%s: %w", where(in.Name, line+1), err)
						return
					}
					break
				}
			}
		}
	}
}

func (r *reader) warn(src string, line int, err error) {
	r.malform++
	r.pending = append(r.pending, where(src, line)+": "+err.Error()+"; skipped")
}

// parse decodes one line. Blank lines are skipped silently; anything else
// that is not a JSON object with string title and text is malformed.
func (r *reader) parse(src string, line int, raw []byte) (string, item, bool) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		r.blank++
		return "", item{}, false
	}
	if trimmed[0] != '{' {
		r.warn(src, line, errors.New("not a JSON object"))
		return "", item{}, false
	}
	var d Doc
	if err := json.Unmarshal(trimmed, &d); err != nil {
		r.warn(src, line, fmt.Errorf("invalid JSON: %w", err))
		return "", item{}, false
	}
	id := d.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	text := d.Document()
	return text, item{res: Result{ID: id, Source: src, Line: line}, size: len(text)}, true
}

// readLine reads one line without its end of line. A line longer than max
// is drained and reported as tooLong without being kept. n counts every
// byte consumed, the newline included.
func readLine(br *bufio.Reader, max int) (line []byte, n int64, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		if !tooLong && len(buf) > max {
			tooLong, buf = true, nil
		}
		return buf, n, tooLong, err
	}
}

// Run analyzes every well-formed line of the inputs with a, writes one
// [Result] per such line to w in input order, and reports malformed lines
// through cfg.Warn. It returns the totals and the first read or write
// error; malformed lines and failed analyses are not errors.
func Run(ctx context.Context, a *newsmon.Analyzer, inputs []Input, w io.Writer, cfg Config) (Summary, error) {
	start := time.Now()
	sum := Summary{Entities: map[string]map[string]int{}, Topics: map[string]int{}, Languages: map[string]int{}}
	if cfg.MaxLine <= 0 {
		cfg.MaxLine = 64 << 20
	}
	warn := func(msgs []string) {
		if cfg.Warn != nil {
			for _, m := range msgs {
				cfg.Warn(m)
			}
		}
	}
	r := &reader{inputs: inputs, maxLine: cfg.MaxLine, q: &queue{}}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var werr error
	for rep, err := range a.AnalyzeAll(ctx, r.docs()) {
		it, ok := r.q.pop()
		if !ok { // AnalyzeAll's closing error after a cancellation
			werr = cmp.Or(werr, err)
			break
		}
		warn(it.warnings)
		res := it.res
		if err != nil {
			if ctx.Err() != nil {
				werr = cmp.Or(werr, err)
				break
			}
			res.Error = err.Error()
			sum.Failed++
		} else {
			res.Report = rep
			sum.add(rep, it.size)
		}
		if err := enc.Encode(res); err != nil {
			werr = cmp.Or(werr, err)
			break
		}
		if cfg.Progress != nil {
			cfg.Progress(it.consumed)
		}
	}
	if werr == nil {
		warn(r.pending) // malformed lines after the last document
		if cfg.Progress != nil {
			cfg.Progress(r.consumed)
		}
	}
	sum.Malformed, sum.Blank = r.malform, r.blank
	sum.Elapsed = time.Since(start)
	if err := bw.Flush(); err != nil {
		werr = cmp.Or(werr, err)
	}
	return sum, cmp.Or(werr, r.err)
}

// ranked returns the keys of m by count, highest first, then by key, at
// most n of them.
func ranked(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b))
	})
	return keys[:min(n, len(keys))]
}

// counts formats the top n keys of m as "key N, key N".
func counts(m map[string]int, n int) string {
	var parts []string
	for _, k := range ranked(m, n) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// WriteSummary prints the closing summary: documents, MB/s, the most
// frequent entities per type, topic counts and languages.
func (s *Summary) WriteSummary(w io.Writer, workers int) {
	mbs := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		mbs = float64(s.Bytes) / 1e6 / sec
	}
	fmt.Fprintf(w, "%d documents, %.2f MB in %v (%.2f MB/s, %d workers); %d malformed lines skipped, %d failed, %d blank\n",
		s.Documents, float64(s.Bytes)/1e6, s.Elapsed.Round(time.Millisecond), mbs, workers, s.Malformed, s.Failed, s.Blank)
	fmt.Fprintf(w, "languages: %s\n", counts(s.Languages, 20))
	for _, typ := range []string{"PER", "ORG", "LOC", "EVENT"} {
		fmt.Fprintf(w, "%-6s %s\n", typ+":", counts(s.Entities[typ], 10))
	}
	fmt.Fprintf(w, "topics: %s\n", counts(s.Topics, 30))
}
