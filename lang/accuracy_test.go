package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/dataset"
)

// dataDir returns the shared datasets directory, or skips the test.
func dataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSMON_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "datasets")
	}
	if _, err := os.Stat(filepath.Join(dir, "lingua-testdata")); err != nil {
		t.Skipf("datasets not found (%v); set NEWSMON_DATA", err)
	}
	return dir
}

// devLines returns the held-out lines of a dataset file: every 5th
// non-empty line (5, 10, ...), the lines that train-lang -holdout 5 (the
// shipped model) does not train on.
func devLines(t *testing.T, path string) []string {
	t.Helper()
	out, err := dataset.EveryNth(path, 5)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// accuracy compares canonical base languages, as examples/evaluate does
// (Tagalog "tl" is "fil").
func accuracy(d *Detector, want string, lines []string) (acc, conf float64) {
	right := 0
	wb, _ := language.Make(want).Base()
	for _, l := range lines {
		r := d.Detect(l)
		conf += r.Confidence
		if b, _ := r.Language.Base(); b == wb && r.Language != Und {
			right++
		}
	}
	n := float64(max(len(lines), 1))
	return float64(right) / n, conf / n
}

// TestDevAccuracy checks the targets on the held-out fifth of the
// data at hand (see devLines).
func TestDevAccuracy(t *testing.T) {
	data := dataDir(t)
	d := newDetector(t)
	dir := filepath.Join(data, "lingua-testdata", "cmd", "language-testdata")
	files, err := filepath.Glob(filepath.Join(dir, "sentences", "*.txt"))
	if err != nil || len(files) != 75 {
		t.Fatalf("lingua sentences: %d files, %v; want 75", len(files), err)
	}
	targets := map[string]float64{"sentences": 0.96, "word-pairs": 0.90, "single-words": 0.75}
	focus := map[string]bool{"en": true, "ru": true, "kk": true, "uk": true, "be": true, "mn": true, "az": true, "tr": true}
	for _, set := range []string{"sentences", "word-pairs", "single-words"} {
		sum, confSum := 0.0, 0.0
		for _, f := range files {
			code := strings.TrimSuffix(filepath.Base(f), ".txt")
			a, c := accuracy(d, code, devLines(t, filepath.Join(dir, set, code+".txt")))
			sum += a
			confSum += c
			if set == "sentences" && focus[code] && a < 0.98 {
				t.Errorf("%s sentences: accuracy %.3f; want >= 0.98", code, a)
			}
		}
		mean, meanConf := sum/float64(len(files)), confSum/float64(len(files))
		t.Logf("%s: mean accuracy over 75 languages %.4f, mean confidence %.4f", set, mean, meanConf)
		if mean < targets[set] {
			t.Errorf("%s: mean accuracy %.4f; want >= %.2f", set, mean, targets[set])
		}
		if meanConf < mean-0.08 || meanConf > mean+0.08 {
			t.Errorf("%s: mean confidence %.4f, accuracy %.4f; want within 0.08 (calibrated)", set, meanConf, mean)
		}
	}
	extra := filepath.Join(data, "lid-extra-ky-uz-tt-tg", "sentences")
	for code, file := range map[string]string{"ky": "ky.ud-ktmu.txt", "uz": "uz.ud-ut.txt", "tg": "tg.presidential-addresses.txt", "tt": "tt.ud-nmctt.txt"} {
		a, _ := accuracy(d, code, devLines(t, filepath.Join(extra, file)))
		t.Logf("%s sentences: accuracy %.3f", code, a)
		if a < 0.98 {
			t.Errorf("%s sentences: accuracy %.3f; want >= 0.98", code, a)
		}
	}
}
