package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsmon/newsmon"
)

var shared = sync.OnceValues(func() (*newsmon.Analyzer, error) { return newsmon.New(newsmon.WithWorkers(4)) })

func analyzer(tb testing.TB) *newsmon.Analyzer {
	tb.Helper()
	a, err := shared()
	require.NoError(tb, err)
	return a
}

// corpusDocs returns the project's corpus files and their lines as Docs.
func corpusDocs(tb testing.TB) []Doc {
	tb.Helper()
	paths, err := filepath.Glob("../../testdata/corpus/*-*.txt")
	require.NoError(tb, err)
	require.NotEmpty(tb, paths, "no corpus in ../../testdata/corpus")
	slices.Sort(paths)
	var docs []Doc
	for i, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(tb, err)
		title, text, _ := strings.Cut(string(b), "\n")
		docs = append(docs, Doc{ID: json.RawMessage(fmt.Sprintf(`"%s"`, filepath.Base(p))), Title: title, Text: text})
		docs = append(docs, Doc{ID: json.RawMessage(fmt.Sprint(i)), Text: title})
	}
	docs = append(docs, Doc{ID: json.RawMessage(`{"k":[1,2]}`), Text: newsmon.SamplePage, Published: json.RawMessage(`"2021-08-05"`)})
	return docs
}

func jsonLine(tb testing.TB, d Doc) string {
	tb.Helper()
	b, err := json.Marshal(d)
	require.NoError(tb, err)
	return string(b)
}

// decode parses the output lines.
func decode(tb testing.TB, out []byte) []Result {
	tb.Helper()
	var rs []Result
	for line := range bytes.Lines(out) {
		var r Result
		require.NoError(tb, json.Unmarshal(line, &r), "output line %q", line)
		rs = append(rs, r)
	}
	return rs
}

func TestRunOrderMalformedNothingLost(t *testing.T) {
	a := analyzer(t)
	docs := corpusDocs(t)
	const maxLine = 16 << 10
	long := jsonLine(t, Doc{ID: json.RawMessage(`"long"`), Text: strings.Repeat("Astana. ", maxLine/8+1)})
	malformed := map[int]string{ // position in the input -> line
		1:  "not json at all",
		4:  `{"id": 5, "text": "unterminated`,
		5:  `[1, 2, 3]`,
		7:  `{"id": 6, "text": 42}`,
		8:  `{"id": 7, "text": "x"} {"id": 8}`,
		10: long,
		11: "\x00\xff{",
	}
	blank := map[int]bool{3: true, 9: true}
	var lines []string
	var want []Doc
	var wantLines []int
	var wantWarn []int
	for len(want) < len(docs) {
		pos := len(lines)
		switch {
		case malformed[pos] != "":
			lines = append(lines, malformed[pos])
			wantWarn = append(wantWarn, pos+1)
		case blank[pos]:
			lines = append(lines, " \t")
		default:
			d := docs[len(want)]
			lines = append(lines, jsonLine(t, d))
			want = append(want, d)
			wantLines = append(wantLines, pos+1)
		}
	}
	lines = append(lines, "trailing garbage") // last line, no newline after it
	wantWarn = append(wantWarn, len(lines))
	in := strings.Join(lines, "\r\n")

	var out bytes.Buffer
	var warns []string
	var progress []int64
	sum, err := Run(context.Background(), a, []Input{{Name: "in.jsonl", R: strings.NewReader(in)}}, &out,
		Config{MaxLine: maxLine, Warn: func(m string) { warns = append(warns, m) }, Progress: func(n int64) { progress = append(progress, n) }})
	require.NoError(t, err)

	got := decode(t, out.Bytes())
	require.Len(t, got, len(want), "one result per well-formed line")
	for i, r := range got {
		assert.JSONEq(t, string(want[i].ID), string(r.ID), "result %d id", i)
		assert.Equal(t, wantLines[i], r.Line, "result %d line", i)
		assert.Equal(t, "in.jsonl", r.Source)
		require.Empty(t, r.Error)
		direct, err := a.Analyze(context.Background(), want[i].Document())
		require.NoError(t, err)
		wantJSON, _ := json.Marshal(direct)
		gotJSON, _ := json.Marshal(r.Report)
		assert.JSONEq(t, string(wantJSON), string(gotJSON), "result %d differs from Analyze", i)
	}

	require.Len(t, warns, len(wantWarn), "warnings: %q", warns)
	for i, n := range wantWarn {
		assert.True(t, strings.HasPrefix(warns[i], fmt.Sprintf("in.jsonl:%d: ", n)), "warning %d = %q; want line %d", i, warns[i], n)
		assert.True(t, strings.HasSuffix(warns[i], "; skipped"), "warning %q", warns[i])
	}
	assert.Contains(t, warns[slices.Index(wantWarn, 11)], "longer than")
	assert.Contains(t, warns[slices.Index(wantWarn, 8)], "invalid JSON")

	assert.Equal(t, len(want), sum.Documents)
	assert.Equal(t, len(wantWarn), sum.Malformed)
	assert.Equal(t, len(blank), sum.Blank)
	assert.Zero(t, sum.Failed)
	assert.True(t, slices.IsSorted(progress), "progress goes backwards: %v", progress)
	assert.Equal(t, int64(len(in)), progress[len(progress)-1], "progress ends at the input size")
	var langs int
	for _, n := range sum.Languages {
		langs += n
	}
	assert.Equal(t, sum.Documents, langs, "every document has a language in the summary")
}

func TestRunSameForAnyWorkers(t *testing.T) {
	var in strings.Builder
	for _, d := range corpusDocs(t) {
		in.WriteString(jsonLine(t, d) + "\n")
	}
	var outs [][]byte
	for _, w := range []int{1, 3} {
		a, err := newsmon.New(newsmon.WithWorkers(w))
		require.NoError(t, err)
		var out bytes.Buffer
		_, err = Run(context.Background(), a, []Input{{R: strings.NewReader(in.String())}}, &out, Config{})
		require.NoError(t, err)
		outs = append(outs, out.Bytes())
	}
	assert.Equal(t, string(outs[0]), string(outs[1]), "output differs between 1 and 3 workers")
}

func TestRunAnalysisFailureIsPerItem(t *testing.T) {
	a, err := newsmon.New(newsmon.WithMaxBytes(100))
	require.NoError(t, err)
	in := `{"id":1,"text":"Short text from Almaty."}` + "\n" +
		`{"id":2,"text":"` + strings.Repeat("Long text. ", 20) + `"}` + "\n" +
		`{"id":3,"text":"Another short one."}` + "\n"
	var out bytes.Buffer
	sum, err := Run(context.Background(), a, []Input{{R: strings.NewReader(in)}}, &out, Config{})
	require.NoError(t, err)
	got := decode(t, out.Bytes())
	require.Len(t, got, 3)
	assert.NotNil(t, got[0].Report)
	assert.Nil(t, got[1].Report)
	assert.Contains(t, got[1].Error, "too large")
	assert.Equal(t, 2, got[1].Line)
	assert.NotNil(t, got[2].Report)
	assert.Equal(t, 2, sum.Documents)
	assert.Equal(t, 1, sum.Failed)
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	_, err := Run(ctx, analyzer(t), []Input{{R: strings.NewReader(`{"id":1,"text":"Astana"}` + "\n")}}, &out, Config{})
	assert.ErrorIs(t, err, context.Canceled)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

type failReader struct{ data *strings.Reader }

func (r failReader) Read(p []byte) (int, error) {
	if r.data.Len() == 0 {
		return 0, errors.New("connection reset")
	}
	return r.data.Read(p)
}

func TestRunIOErrors(t *testing.T) {
	a := analyzer(t)
	var in strings.Builder
	for range 2000 {
		in.WriteString(`{"id":1,"text":"Astana and Almaty."}` + "\n")
	}
	_, err := Run(context.Background(), a, []Input{{R: strings.NewReader(in.String())}}, failWriter{}, Config{})
	assert.ErrorContains(t, err, "disk full")

	var out bytes.Buffer
	sum, err := Run(context.Background(), a, []Input{{Name: "net", R: failReader{strings.NewReader(`{"id":1,"text":"Astana"}` + "\n")}}}, &out, Config{})
	assert.ErrorContains(t, err, "net:2: connection reset")
	assert.Equal(t, 1, sum.Documents, "the line read before the error still comes out")
}

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	docs := corpusDocs(t)
	f1 := filepath.Join(dir, "a.jsonl")
	f2 := filepath.Join(dir, "b.jsonl")
	outPath := filepath.Join(dir, "out.jsonl")
	require.NoError(t, os.WriteFile(f1, []byte(jsonLine(t, docs[0])+"\n"+jsonLine(t, docs[1])+"\n"), 0o644))
	require.NoError(t, os.WriteFile(f2, []byte(jsonLine(t, docs[2])+"\n{oops\n"), 0o644))

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-workers", "2", "-o", outPath, f1, f2}, strings.NewReader(""), &stdout, &stderr, false)
	assert.Equal(t, 2, code, "exit status with a malformed line; stderr:\n%s", stderr.String())
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), f2+":2: invalid JSON")
	assert.Contains(t, stderr.String(), "3 documents")
	assert.Contains(t, stderr.String(), "MB/s")
	assert.Contains(t, stderr.String(), "languages:")
	b, err := os.ReadFile(outPath)
	require.NoError(t, err)
	got := decode(t, b)
	require.Len(t, got, 3)
	assert.Equal(t, []string{f1, f1, f2}, []string{got[0].Source, got[1].Source, got[2].Source})
	assert.Equal(t, []int{1, 2, 1}, []int{got[0].Line, got[1].Line, got[2].Line})

	stdout.Reset()
	stderr.Reset()
	code = run(context.Background(), []string{"-q"}, strings.NewReader(jsonLine(t, docs[3])), &stdout, &stderr, false)
	assert.Equal(t, 0, code, "stderr: %s", stderr.String())
	assert.Empty(t, stderr.String(), "-q prints no summary")
	assert.Len(t, decode(t, stdout.Bytes()), 1)

	assert.Equal(t, 1, run(context.Background(), []string{"-workers", "0"}, strings.NewReader(""), &stdout, &stderr, false))
	assert.Equal(t, 1, run(context.Background(), []string{filepath.Join(dir, "missing")}, strings.NewReader(""), &stdout, &stderr, false))
}

func TestReadLine(t *testing.T) {
	for _, tc := range []struct {
		in    string
		max   int
		lines []string // "!" for a line too long
	}{
		{"a\nbb\r\n\nccc", 10, []string{"a", "bb", "", "ccc"}},
		{"abcdef\nab\n", 3, []string{"!", "ab"}},
		{"abc\r\n", 3, []string{"abc"}},
		{"abcd\r\n", 3, []string{"!"}},
		{strings.Repeat("x", 200000) + "\nok", 100, []string{"!", "ok"}},
	} {
		br := newTestReader(tc.in)
		var got []string
		var total int64
		for {
			line, n, tooLong, err := readLine(br, tc.max)
			total += n
			if n == 0 && err != nil {
				break
			}
			if tooLong {
				got = append(got, "!")
			} else {
				got = append(got, string(line))
			}
			if err != nil {
				break
			}
		}
		assert.Equal(t, tc.lines, got, "readLine(%.20q, %d)", tc.in, tc.max)
		assert.Equal(t, int64(len(tc.in)), total, "bytes consumed for %.20q", tc.in)
	}
}

// countLines counts lines as the reader does: a last line without a newline
// counts.
func countLines(b []byte) int {
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n
}

func FuzzRun(f *testing.F) {
	f.Add([]byte(`{"id":1,"title":"Astana","text":"Tokayev met Putin."}` + "\n" + "bad\n\n" + `{"text":"Алматы"}`))
	f.Add([]byte("{\"id\":null}\r\n{\"id\":\n\x00\n"))
	f.Add([]byte(`{"id":1,"text":"` + strings.Repeat("a", 300) + `"}`))
	f.Add([]byte("[]\n\"x\"\n{}\n{\"text\":\"\\ud800\"}"))
	a, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		var warns int
		sum, err := Run(context.Background(), a, []Input{{R: bytes.NewReader(in)}}, &out, Config{MaxLine: 256, Warn: func(string) { warns++ }})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if got, want := sum.Documents+sum.Failed+sum.Malformed+sum.Blank, countLines(in); got != want {
			t.Fatalf("%d documents + %d failed + %d malformed + %d blank = %d; want %d lines", sum.Documents, sum.Failed, sum.Malformed, sum.Blank, got, want)
		}
		if warns != sum.Malformed {
			t.Fatalf("%d warnings for %d malformed lines", warns, sum.Malformed)
		}
		prev := 0
		n := 0
		for line := range bytes.Lines(out.Bytes()) {
			var r Result
			if err := json.Unmarshal(line, &r); err != nil {
				t.Fatalf("output line %q: %v", line, err)
			}
			if r.Line <= prev || (r.Report == nil) == (r.Error == "") {
				t.Fatalf("output line %q after line %d", line, prev)
			}
			prev = r.Line
			n++
		}
		if n != sum.Documents+sum.Failed {
			t.Fatalf("%d output lines; want %d", n, sum.Documents+sum.Failed)
		}
	})
}

func BenchmarkRun(b *testing.B) {
	a := analyzer(b)
	var in strings.Builder
	for _, d := range corpusDocs(b) {
		in.WriteString(jsonLine(b, d) + "\n")
	}
	b.ReportAllocs()
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		if _, err := Run(context.Background(), a, []Input{{R: strings.NewReader(in.String())}}, &bytes.Buffer{}, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// newTestReader buffers 16 bytes, the least bufio allows, so that lines
// span many reads.
func newTestReader(s string) *bufio.Reader { return bufio.NewReaderSize(strings.NewReader(s), 16) }
