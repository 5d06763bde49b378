package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newsmon/newsmon"
	"github.com/newsmon/newsmon/examples/internal/jsonl"
)

// Options are the pipeline's inputs and outputs.
type Options struct {
	Input    string // glob of JSON Lines files
	Output   string // results file
	Errors   string // error records file
	MaxBytes int    // largest document analyzed; < 1 means no limit
}

// Build adds the analysis to the pipeline: read the files line by line
// with their names, analyze each document, write results and errors.
func Build(s beam.Scope, o Options) {
	s = s.Scope("newsmon")
	lines := textio.ReadWithFilename(s, o.Input)
	results, failed := beam.ParDo2(s, &analyzeFn{MaxBytes: o.MaxBytes}, lines)
	textio.Write(s, o.Output, results)
	textio.Write(s, o.Errors, failed)
}

func init() {
	register.DoFn5x1[context.Context, string, string, func(string), func(string), error](&analyzeFn{})
	register.Emitter1[string]()
}

var (
	documents = beam.NewCounter("newsmon", "documents")
	malformed = beam.NewCounter("newsmon", "malformed")
	failures  = beam.NewCounter("newsmon", "failed")
	textBytes = beam.NewCounter("newsmon", "bytes")
)

// analyzers holds one Analyzer per worker process and size limit: the
// Analyzer is safe for concurrent use, and its models are worth loading
// once, not once per bundle or DoFn instance.
var analyzers struct {
	mu sync.Mutex
	m  map[int]*newsmon.Analyzer
}

func analyzerFor(maxBytes int) (*newsmon.Analyzer, error) {
	analyzers.mu.Lock()
	defer analyzers.mu.Unlock()
	if a := analyzers.m[maxBytes]; a != nil {
		return a, nil
	}
	a, err := newsmon.New(newsmon.WithMaxBytes(maxBytes))
	if err != nil {
		return nil, err
	}
	if analyzers.m == nil {
		analyzers.m = map[int]*newsmon.Analyzer{}
	}
	analyzers.m[maxBytes] = a
	return a, nil
}

// analyzeFn analyzes one input line. Its exported fields are what the
// runner serializes to the workers.
type analyzeFn struct {
	MaxBytes int `json:"max_bytes"`

	a *newsmon.Analyzer
}

// Setup takes the worker's Analyzer.
func (fn *analyzeFn) Setup() error {
	a, err := analyzerFor(fn.MaxBytes)
	fn.a = a
	return err
}

// Doc is one input line.
type Doc = jsonl.Doc

// Result is one output line.
type Result struct {
	ID     json.RawMessage `json:"id"`
	Source string          `json:"source"`
	Report *newsmon.Report `json:"report"`
}

// Failure is one error line.
type Failure struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Source string          `json:"source"`
	Error  string          `json:"error"`
	Input  string          `json:"input"` // the line's first 200 bytes
}

// parse decodes one line; ok is false for a blank line.
func parse(line string) (d Doc, ok bool, err error) {
	trimmed := bytes.TrimSpace([]byte(line))
	if len(trimmed) == 0 {
		return d, false, nil
	}
	if trimmed[0] != '{' {
		return d, true, errors.New("not a JSON object")
	}
	if err := json.Unmarshal(trimmed, &d); err != nil {
		return d, true, fmt.Errorf("invalid JSON: %w", err)
	}
	if len(d.ID) == 0 {
		d.ID = json.RawMessage("null")
	}
	return d, true, nil
}

// prefix returns at most n bytes of s, cut on a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ProcessElement analyzes the line read from file and emits a Result, or a
// Failure for a malformed line or a failed analysis.
func (fn *analyzeFn) ProcessElement(ctx context.Context, file, line string, emit, emitFailure func(string)) error {
	fail := func(id json.RawMessage, err error) error {
		b, merr := json.Marshal(Failure{ID: id, Source: file, Error: err.Error(), Input: strings.ToValidUTF8(prefix(line, 200), "\uFFFD")})
		if merr != nil {
			return merr
		}
		emitFailure(string(b))
		return nil
	}
	d, ok, err := parse(line)
	if !ok {
		return nil
	}
	if err != nil {
		malformed.Inc(ctx, 1)
		return fail(nil, err)
	}
	text := d.Document()
	rep, err := fn.a.Analyze(ctx, text)
	if err != nil {
		if ctx.Err() != nil {
			return err // the bundle is being cancelled: let the runner retry it
		}
		failures.Inc(ctx, 1)
		return fail(d.ID, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Result{ID: d.ID, Source: file, Report: rep}); err != nil {
		return err
	}
	documents.Inc(ctx, 1)
	textBytes.Inc(ctx, int64(len(text)))
	emit(strings.TrimSuffix(buf.String(), "\n"))
	return nil
}
