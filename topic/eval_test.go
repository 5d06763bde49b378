package topic

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/cputime"
	"github.com/newsmon/newsmon/internal/dataset"
)

// Accuracy on publisher-copyright datasets (BBC, RIA). They are used here
// for evaluation only: nothing in the package is derived from them.

// dataDir returns the shared datasets directory, or "" when absent.
func dataDir() string {
	if d := os.Getenv("NEWSMON_DATA"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	d := filepath.Join(filepath.Dir(file), "..", "..", "shared", "datasets")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

type labelled struct {
	text, label string
}

// readBBC reads the BBC corpus: one directory per class, one file per article.
func readBBC(t testing.TB) []labelled {
	d := dataDir()
	if d == "" {
		t.Skip("datasets not found (set NEWSMON_DATA)")
	}
	root := filepath.Join(d, "bbc-news-en", "bbc")
	var out []labelled
	for _, class := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		files, err := filepath.Glob(filepath.Join(root, class, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Skipf("BBC corpus not found under %s", root)
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, labelled{string(b), class})
		}
	}
	return out
}

// readRIA reads the RIA rubrics (economy, culture, society), deduplicated by
// URL; the text is the title and the body.
func readRIA(t testing.TB) []labelled {
	d := dataDir()
	if d == "" {
		t.Skip("datasets not found (set NEWSMON_DATA)")
	}
	files, _ := filepath.Glob(filepath.Join(d, "ria-news-topics-ru-partial", "data", "ria_news_topics_*.csv"))
	if len(files) == 0 {
		t.Skip("RIA data not found")
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var out []labelled
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(fh)
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		head, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			url := rec[col["url"]]
			if seen[url] {
				continue
			}
			seen[url] = true
			out = append(out, labelled{rec[col["title"]] + "\n" + rec[col["content"]], rec[col["topic"]]})
		}
		fh.Close()
	}
	return out
}

// bestTop returns the best-scoring top-level topic, or "".
func bestTop(ts []Topic) string {
	best, score := "", -1.0
	for _, t := range ts {
		if t.Parent == "" && t.Score > score {
			best, score = t.ID, t.Score
		}
	}
	return best
}

// accuracy classifies data with the built-in rules and reports accuracy and
// a confusion table.
func accuracy(t *testing.T, data []labelled, lang string, class func(string) string) float64 {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	conf := map[[2]string]int{}
	ok := 0
	size := 0
	for _, d := range data {
		size += len(d.text)
	}
	// Reliability of the best top-level topic's score: per score decile,
	// the mean score and the share of right answers.
	var binN, binOK [10]int
	var binScore [10]float64
	start, cpu0 := time.Now(), cputime.Used()
	for _, d := range data {
		ts := c.Classify(Document{Text: d.text})
		top := bestTop(ts)
		got := class(top)
		conf[[2]string{d.label, got}]++
		sc := scoreOf(ts, top)
		bin := min(int(sc*10), 9)
		binN[bin]++
		binScore[bin] += sc
		if got == d.label {
			ok++
			binOK[bin]++
		}
	}
	wall, cpu := time.Since(start), cputime.Used()-cpu0
	if cpu == 0 {
		cpu = wall
	}
	t.Logf("%s: %.1f MB in %v wall, %v CPU: %.1f MB/s per CPU second", lang, float64(size)/1e6,
		wall.Round(time.Millisecond), cpu.Round(time.Millisecond), float64(size)/1e6/cpu.Seconds())
	var rel strings.Builder
	for i := range binN {
		if binN[i] > 0 {
			fmt.Fprintf(&rel, " [%.1f,%.1f): n=%d score=%.2f right=%.2f;", float64(i)/10, float64(i+1)/10, binN[i], binScore[i]/float64(binN[i]), float64(binOK[i])/float64(binN[i]))
		}
	}
	t.Logf("%s: reliability of the best top-level score:%s", lang, rel.String())
	acc := float64(ok) / float64(len(data))
	var b strings.Builder
	for k, v := range conf {
		if k[0] != k[1] {
			fmt.Fprintf(&b, "  %s -> %q: %d\n", k[0], k[1], v)
		}
	}
	t.Logf("%s: accuracy %.4f on %d texts; errors:\n%s", lang, acc, len(data), b.String())
	return acc
}

func TestAccuracyBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	if acc := accuracy(t, readBBC(t), "bbc", dataset.BBCClass); acc < 0.85 {
		t.Errorf("BBC accuracy %.4f < 0.85", acc)
	}
}

func TestAccuracyRIA(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	data := readRIA(t)
	labels := map[string]bool{}
	for _, d := range data {
		labels[d.label] = true
	}
	ria := func(top string) string { return dataset.RIAClass(top, labels) }
	if acc := accuracy(t, data, "ria", ria); acc < 0.80 {
		t.Errorf("RIA accuracy %.4f < 0.80", acc)
	}
}
