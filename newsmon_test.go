package newsmon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// shared is one Analyzer for all tests, as a service would hold it.
var shared = sync.OnceValues(func() (*Analyzer, error) { return New() })

func analyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := shared()
	require.NoError(t, err)
	return a
}

func marshal(t testing.TB, rep *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(rep))
	return buf.Bytes()
}

func TestGoldenSeed(t *testing.T) {
	rep, err := analyzer(t).Analyze(context.Background(), SamplePage)
	require.NoError(t, err)
	got := marshal(t, rep)
	const golden = "testdata/seed.golden.json"
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestGoldenSeed -update to create it")
	assert.Equal(t, string(want), string(got), "Analyze(seed) differs from %s; rerun with -update if the change is intended", golden)
}

// keys returns the sorted keys of a JSON object.
func keys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &m))
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestReportJSONContract checks the field names of DESIGN.md's Report JSON.
func TestReportJSONContract(t *testing.T) {
	rep := &Report{
		Segments: []Segment{{Start: 0, End: 5}},
		Entities: []Entity{{ID: "x", Name: "Astana", Type: "LOC", Mentions: []Mention{{0, 6, "Astana"}}, Place: &Place{Name: "Astana"}}},
		Topics:   []Topic{{ID: "politics", Evidence: []string{}}},
	}
	raw, err := json.Marshal(rep)
	require.NoError(t, err)
	var doc struct {
		Language string
		Segments []json.RawMessage
		Entities []struct {
			Mentions []json.RawMessage
			Place    json.RawMessage
		}
		Topics []json.RawMessage
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	assert.Equal(t, "und", doc.Language)
	assert.Equal(t, []string{"entities", "language", "segments", "topics"}, keys(t, raw))
	assert.Equal(t, []string{"confidence", "end", "language", "start"}, keys(t, doc.Segments[0]))
	var ents []json.RawMessage
	var top struct{ Entities []json.RawMessage }
	require.NoError(t, json.Unmarshal(raw, &top))
	ents = top.Entities
	assert.Equal(t, []string{"id", "mentions", "name", "place", "salience", "type"}, keys(t, ents[0]))
	assert.Equal(t, []string{"end", "start", "text"}, keys(t, doc.Entities[0].Mentions[0]))
	assert.Equal(t, []string{"admin1", "country", "geonameid", "kind", "lat", "lon", "name"}, keys(t, doc.Entities[0].Place))
	assert.Equal(t, []string{"evidence", "id", "label", "parent", "score"}, keys(t, doc.Topics[0]))

	// No place key for an entity that did not resolve.
	rep.Entities[0].Place = nil
	raw, err = json.Marshal(rep.Entities[0])
	require.NoError(t, err)
	assert.NotContains(t, string(raw), `"place"`)
}

// checkReport asserts the invariants every report keeps.
func checkReport(t testing.TB, text string, rep *Report) {
	t.Helper()
	pos := 0
	for _, s := range rep.Segments {
		if s.Start != pos || s.End < s.Start || s.End > len(text) {
			t.Fatalf("segment %d-%d does not continue at %d (len %d)", s.Start, s.End, pos, len(text))
		}
		pos = s.End
	}
	if len(rep.Segments) > 0 && pos != len(text) {
		t.Fatalf("segments end at %d, text at %d", pos, len(text))
	}
	for _, e := range rep.Entities {
		if len(e.Mentions) == 0 {
			t.Fatalf("entity %q has no mentions", e.Name)
		}
		if e.Salience < 0 || e.Salience > 1 {
			t.Fatalf("entity %q salience %v out of [0,1]", e.Name, e.Salience)
		}
		prev := -1
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v does not index the text", m)
			}
			if !utf8.ValidString(m.Text) || m.Start < prev {
				t.Fatalf("mention %+v: invalid UTF-8 or unsorted", m)
			}
			prev = m.Start
		}
	}
	for _, tp := range rep.Topics {
		if tp.Score < 0 || tp.Score > 1 || tp.ID == "" {
			t.Fatalf("topic %+v: bad id or score", tp)
		}
	}
}

func TestSeedInvariants(t *testing.T) {
	rep, err := analyzer(t).Analyze(context.Background(), SamplePage)
	require.NoError(t, err)
	checkReport(t, SamplePage, rep)
	assert.Equal(t, "en", rep.Language.String())
	assert.NotEmpty(t, rep.Entities)
	assert.NotEmpty(t, rep.Topics)
}

func TestBadInput(t *testing.T) {
	a := analyzer(t)
	inputs := map[string]string{
		"empty":        "",
		"whitespace":   " \n\t\n ",
		"invalid":      "\xff\xfe Astana \x80 Алматы \xc3",
		"nul":          "NATO\x00 and CSTO\x00",
		"punctuation":  strings.Repeat("!?.", 20000),
		"html":         "<html><body><p class=\"x\">Kazakhstan &amp; <b>Russia</b></p><script>var a=1;</script>",
		"mixed":        "Kazakhstanқазақ Алматыalmaty 中文 العربية",
		"one-mb-token": strings.Repeat("Ш", 1<<19),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			rep, err := a.Analyze(context.Background(), in)
			require.NoError(t, err)
			checkReport(t, in, rep)
		})
	}
}

func TestLargeDocumentLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large document in -short mode")
	}
	a := analyzer(t)
	unit := SamplePage + "\n\n"
	small := strings.Repeat(unit, 16)
	large := strings.Repeat(unit, 128) // about 1 MB
	if os.Getenv("NEWSMON_LONG") != "" {
		large = strings.Repeat(unit, 50<<20/len(unit)) // 50 MB
	}
	elapsed := func(s string) time.Duration {
		start := time.Now()
		rep, err := a.Analyze(context.Background(), s)
		require.NoError(t, err)
		checkReport(t, s, rep)
		return time.Since(start)
	}
	ts, tl := elapsed(small), elapsed(large)
	ratio := float64(len(large)) / float64(len(small))
	// Linear time with generous slack for a loaded machine.
	assert.Less(t, tl.Seconds(), 4*ratio*ts.Seconds()+1, "Analyze time grows faster than linear: %v for %d bytes vs %v for %d", tl, len(large), ts, len(small))
}

func TestMaxBytes(t *testing.T) {
	a, err := New(WithMaxBytes(10))
	require.NoError(t, err)
	_, err = a.Analyze(context.Background(), "this text is longer than ten bytes")
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = a.Analyze(context.Background(), "short")
	assert.NoError(t, err)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := analyzer(t).Analyze(ctx, SamplePage)
	assert.ErrorIs(t, err, context.Canceled)
}

func corpus() []string {
	lines := strings.Split(SamplePage, "\n")
	docs := []string{SamplePage, "", "NATO and the CSTO met in Astana."}
	return append(docs, lines...)
}

func TestAnalyzeAllOrder(t *testing.T) {
	a, err := New(WithWorkers(4))
	require.NoError(t, err)
	docs := corpus()
	i := 0
	for rep, err := range a.AnalyzeAll(context.Background(), slices.Values(docs)) {
		require.NoError(t, err)
		want, err := a.Analyze(context.Background(), docs[i])
		require.NoError(t, err)
		assert.Equal(t, want, rep, "AnalyzeAll result %d differs from Analyze", i)
		i++
	}
	assert.Equal(t, len(docs), i)
}

func TestAnalyzeAllStops(t *testing.T) {
	a := analyzer(t)
	before := runtime.NumGoroutine()
	docs := corpus()
	for range 3 {
		n := 0
		for _, err := range a.AnalyzeAll(context.Background(), slices.Values(docs)) {
			require.NoError(t, err)
			if n++; n == 2 {
				break
			}
		}
		assert.Equal(t, 2, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	n := 0
	for _, err := range a.AnalyzeAll(ctx, slices.Values(docs)) {
		if err != nil {
			errs = append(errs, err)
		}
		if n++; n == 1 {
			cancel()
		}
	}
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[0], context.Canceled))
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines leaked")
}

// TestParallel runs one shared Analyzer from 8 goroutines; run with -race.
func TestParallel(t *testing.T) {
	a := analyzer(t)
	want, err := a.Analyze(context.Background(), SamplePage)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, d := range []string{SamplePage, "Токаев провел встречу в Астане."} {
				rep, err := a.Analyze(context.Background(), d)
				assert.NoError(t, err)
				if d == SamplePage {
					assert.Equal(t, want, rep)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{SamplePage[:400], "Токаев в Астане.", "\xff\x00NATO", "Zapad-2021 «Запад-2021»"} {
		f.Add(s)
	}
	a, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rep, err := a.Analyze(context.Background(), s)
		if err != nil {
			t.Fatalf("Analyze(%q): %v", s, err)
		}
		checkReport(t, s, rep)
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a := analyzer(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(SamplePage)))
	for b.Loop() {
		if _, err := a.Analyze(ctx, SamplePage); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
