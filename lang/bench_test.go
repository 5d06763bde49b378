package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/langmodel"
)

func BenchmarkDetect(b *testing.B) {
	d := newDetector(b)
	cases := []struct{ name, text string }{
		{"word", "Мажилис"},
		{"headline", "ru Олжас Бектенов: Диверсификация экономики – одна из главных задач Правительства"},
		{"sentence-en", detectTests[0].text},
		{"sentence-kk", detectTests[2].text},
		{"article", strings.Repeat(detectTests[0].text+" ", 40)},
		{"long-page", strings.Repeat(detectTests[1].text+"\n"+detectTests[0].text+"\n", 2000)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				d.Detect(c.text)
			}
		})
	}
}

func BenchmarkSegments(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "seed.txt"))
	if err != nil {
		b.Skip(err)
	}
	d := newDetector(b)
	for _, c := range []struct {
		name string
		text string
	}{{"seed", string(seed)}, {"seed-x100", strings.Repeat(string(seed), 100)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				d.Segments(c.text)
			}
		})
	}
}

// BenchmarkNew measures the cold start: decoding the embedded model, which
// New does once per process.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(modelBin)))
	for b.Loop() {
		if _, err := langmodel.Decode(modelBin); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetectDev detects the held-out Lingua lines of the three sets
// (skipped without the datasets); ns/op is per detection.
func BenchmarkDetectDev(b *testing.B) {
	dir := os.Getenv("NEWSMON_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "datasets")
	}
	dir = filepath.Join(dir, "lingua-testdata", "cmd", "language-testdata")
	var lines []string
	size := 0
	for _, set := range []string{"sentences", "word-pairs", "single-words"} {
		files, _ := filepath.Glob(filepath.Join(dir, set, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Skip(err)
			}
			for i, l := range strings.Split(string(data), "\n") {
				if (i+1)%5 == 0 && l != "" {
					lines = append(lines, l)
					size += len(l)
				}
			}
		}
	}
	if len(lines) == 0 {
		b.Skip("no Lingua test data")
	}
	d := newDetector(b)
	b.ReportAllocs()
	b.SetBytes(int64(size / len(lines)))
	i := 0
	for b.Loop() {
		d.Detect(lines[i%len(lines)])
		i++
	}
}
