package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsmon/newsmon"
)

// TestMain runs the pipelines on the direct runner unless -runner says
// otherwise.
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "direct") }

// readLines reads a JSON Lines output file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}

// writeInputs writes two JSONL files: the corpus documents as well-formed
// lines, with malformed and blank lines among them. It returns the glob, the
// documents by id and the number of malformed lines.
func writeInputs(t *testing.T, dir string) (string, map[string]string, int) {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/corpus/*-*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	want := map[string]string{}
	var files [2]strings.Builder
	for i, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		title, text, _ := strings.Cut(string(b), "\n")
		id := fmt.Sprintf("doc-%d", i)
		line, err := json.Marshal(map[string]any{"id": id, "title": title, "text": text, "published": "2025-01-01"})
		require.NoError(t, err)
		files[i%2].Write(line)
		files[i%2].WriteString("\n")
		want[id] = (&Doc{Title: title, Text: text}).Document()
	}
	files[0].WriteString("not json\n\n{\"id\": 1, \"text\": 5}\n")
	files[1].WriteString("{\"id\": \"x\", \"text\": \"unterminated\n")
	for i := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("in-%d.jsonl", i)), []byte(files[i].String()), 0o644))
	}
	return filepath.Join(dir, "in-*.jsonl"), want, 3
}

func runPipeline(t *testing.T, runner string) {
	dir := t.TempDir()
	glob, want, bad := writeInputs(t, dir)
	out := filepath.Join(dir, "results.jsonl")
	errs := filepath.Join(dir, "results.jsonl.errors")

	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Input: glob, Output: out, Errors: errs, MaxBytes: 1 << 20})
	var err error
	if runner == "" {
		err = ptest.Run(p)
	} else {
		_, err = beam.Run(context.Background(), runner, p)
	}
	require.NoError(t, err)

	a, err := newsmon.New()
	require.NoError(t, err)
	got := map[string]bool{}
	for _, line := range readLines(t, out) {
		var r struct {
			ID     string          `json:"id"`
			Source string          `json:"source"`
			Report json.RawMessage `json:"report"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r), "result line %q", line)
		text, ok := want[r.ID]
		require.True(t, ok, "unexpected id %q", r.ID)
		assert.False(t, got[r.ID], "id %q twice", r.ID)
		got[r.ID] = true
		assert.True(t, strings.HasPrefix(filepath.Base(r.Source), "in-"), "source %q", r.Source)
		rep, err := a.Analyze(context.Background(), text)
		require.NoError(t, err)
		direct, err := json.Marshal(rep)
		require.NoError(t, err)
		assert.JSONEq(t, string(direct), string(r.Report), "report for %s differs from Analyze", r.ID)
	}
	assert.Len(t, got, len(want), "every well-formed line comes out once")

	failures := readLines(t, errs)
	require.Len(t, failures, bad, "one error record per malformed line: %q", failures)
	for _, line := range failures {
		var f Failure
		require.NoError(t, json.Unmarshal([]byte(line), &f))
		assert.NotEmpty(t, f.Error)
		assert.NotEmpty(t, f.Source)
		assert.NotEmpty(t, f.Input)
	}
}

// TestPipelineDirect runs the pipeline on the direct runner, in process.
func TestPipelineDirect(t *testing.T) { runPipeline(t, "") }

// TestPipelinePrism runs it on prism, Beam's portable local runner, which
// serializes the DoFn and runs it in a worker as Flink, Spark and Dataflow
// do.
func TestPipelinePrism(t *testing.T) {
	if testing.Short() {
		t.Skip("prism in -short mode")
	}
	runPipeline(t, "prism")
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		line    string
		ok, err bool
		doc     string
	}{
		{"", false, false, ""},
		{" \t", false, false, ""},
		{`{"id":1,"title":"T","text":"X"}`, true, false, "T\n\nX"},
		{`{"title":"T"}`, true, false, "T"},
		{`{"text":"X","extra":[1]}`, true, false, "X"},
		{`[1]`, true, true, ""},
		{`{"text":1}`, true, true, ""},
		{`{"text":"a"} x`, true, true, ""},
	} {
		d, ok, err := parse(tc.line)
		assert.Equal(t, tc.ok, ok, "parse(%q) ok", tc.line)
		assert.Equal(t, tc.err, err != nil, "parse(%q) error %v", tc.line, err)
		if ok && err == nil {
			assert.Equal(t, tc.doc, d.Document(), "parse(%q) document", tc.line)
		}
	}
	assert.Equal(t, "ab", prefix("abc", 2))
	assert.Equal(t, "a", prefix("aЖ", 2), "cut on a rune boundary")
}

func FuzzProcessElement(f *testing.F) {
	f.Add(`{"id":1,"title":"Astana","text":"Tokayev met Putin."}`)
	f.Add(`{"text":"\ud800 Алматы"}`)
	f.Add("\xff{")
	fn := &analyzeFn{MaxBytes: 4096}
	if err := fn.Setup(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var outs, fails []string
		err := fn.ProcessElement(context.Background(), "f.jsonl", line,
			func(s string) { outs = append(outs, s) }, func(s string) { fails = append(fails, s) })
		if err != nil {
			t.Fatalf("ProcessElement(%q): %v", line, err)
		}
		_, ok, _ := parse(line)
		if n := len(outs) + len(fails); (ok && n != 1) || (!ok && n != 0) {
			t.Fatalf("ProcessElement(%q): %d results, %d failures", line, len(outs), len(fails))
		}
		for _, s := range append(outs, fails...) {
			if !json.Valid([]byte(s)) {
				t.Fatalf("output %q is not JSON", s)
			}
		}
	})
}
