// Command compare measures newsmon's language identifier side by side with
// lingua-go v1.4.0 (all languages, high accuracy mode) and whatlanggo
// v1.0.1 on the held-out fifth of the Lingua test data at hand (lines 5, 10,
// ... of lines 1-500 of each file, the lines that the shipped lang model is
// not trained on).
//
// It lives in its own module so that the library's go.mod does not pull
// lingua-go's 120 MB of models. Run each detector in its own process, so
// that resident memory is its own:
//
//	cd examples/compare
//	go run . -impl newsmon
//	go run . -impl lingua
//	go run . -impl whatlanggo
//
// Each run prints accuracy per set (mean over the 75 languages), load time,
// microseconds per detection (wall and CPU, one goroutine) and the peak
// resident memory of the process. Binary sizes: build ./size/... (see
// size/README).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/cputime"
	"github.com/newsmon/newsmon/internal/dataset"
	"github.com/newsmon/newsmon/lang"
)

func main() {
	impl := flag.String("impl", "newsmon", "detector: newsmon, lingua or whatlanggo")
	data := flag.String("data", "", "datasets dir (default $NEWSMON_DATA or ../../../shared/datasets)")
	every := flag.Int("every", 5, "use every Nth line (lines N, 2N, ...) of each file")
	detail = flag.Bool("detail", false, "also print accuracy per language")
	flag.Parse()
	if *data == "" {
		*data = os.Getenv("NEWSMON_DATA")
	}
	if *data == "" {
		*data = filepath.Join("..", "..", "..", "shared", "datasets")
	}
	runtime.GOMAXPROCS(1)
	if err := run(*impl, *data, *every); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

var detail *bool

type detectFunc func(string) string // ISO 639-1 code, "" for none

func load(impl string) (detectFunc, error) {
	switch impl {
	case "newsmon":
		d, err := lang.New()
		if err != nil {
			return nil, err
		}
		return func(s string) string {
			r := d.Detect(s)
			if r.Language == lang.Und {
				return ""
			}
			return r.Language.String()
		}, nil
	case "lingua":
		d := lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithPreloadedLanguageModels().Build()
		return func(s string) string {
			l, ok := d.DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		}, nil
	case "whatlanggo":
		return func(s string) string {
			return whatlanggo.DetectLang(s).Iso6391()
		}, nil
	}
	return nil, fmt.Errorf("unknown -impl %q", impl)
}

type sample struct{ set, gold, text string }

func run(impl, data string, every int) error {
	dir := filepath.Join(data, "lingua-testdata", "cmd", "language-testdata")
	files, err := filepath.Glob(filepath.Join(dir, "sentences", "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no Lingua test data under %s", dir)
	}
	sets := []string{"sentences", "word-pairs", "single-words"}
	var samples []sample
	for _, set := range sets {
		for _, f := range files {
			code := strings.TrimSuffix(filepath.Base(f), ".txt")
			lines, err := dataset.EveryNth(filepath.Join(dir, set, code+".txt"), every)
			if err != nil {
				return err
			}
			for _, l := range lines {
				samples = append(samples, sample{set, code, l})
			}
		}
	}

	t0, c0 := time.Now(), cputime.Used()
	detect, err := load(impl)
	if err != nil {
		return err
	}
	detect("warm up")
	loadWall, loadCPU := time.Since(t0), cputime.Used()-c0

	right := map[[2]string]int{}
	total := map[[2]string]int{}
	setWall := map[string]time.Duration{}
	setN := map[string]int{}
	t1, c1 := time.Now(), cputime.Used()
	for _, s := range samples {
		ts := time.Now()
		got := detect(s.text)
		setWall[s.set] += time.Since(ts)
		setN[s.set]++
		k := [2]string{s.set, s.gold}
		total[k]++
		if same(got, s.gold) {
			right[k]++
		}
	}
	wall, cpuUsed := time.Since(t1), cputime.Used()-c1

	out := map[string]any{
		"impl":            impl,
		"samples":         len(samples),
		"load_ms":         loadWall.Milliseconds(),
		"load_cpu_ms":     loadCPU.Milliseconds(),
		"us_per_detect":   round(float64(wall.Microseconds()) / float64(len(samples))),
		"cpu_us_per_det":  round(float64(cpuUsed.Microseconds()) / float64(len(samples))),
		"peak_rss_mb":     round(float64(peakRSS()) / (1 << 20)),
		"accuracy":        map[string]float64{},
		"us_per_detect_s": map[string]float64{},
	}
	for _, set := range sets {
		sum, n := 0.0, 0
		var codes []string
		for k := range total {
			if k[0] == set {
				codes = append(codes, k[1])
			}
		}
		slices.Sort(codes)
		per := map[string]float64{}
		for _, c := range codes {
			k := [2]string{set, c}
			per[c] = round(float64(right[k]) / float64(total[k]))
			sum += per[c]
			n++
		}
		if *detail {
			out["per_language_"+set] = per
		}
		out["accuracy"].(map[string]float64)[set] = round(sum / float64(max(n, 1)))
		out["us_per_detect_s"].(map[string]float64)[set] = round(float64(setWall[set].Microseconds()) / float64(max(setN[set], 1)))
	}
	b, _ := json.Marshal(out)
	fmt.Println(string(b))
	return nil
}

// same reports whether two language codes have the same canonical base
// language, as examples/evaluate compares them (Tagalog "tl" is "fil").
func same(got, gold string) bool {
	if got == "" {
		return false
	}
	g, err1 := language.Parse(got)
	w, err2 := language.Parse(gold)
	if err1 != nil || err2 != nil {
		return false
	}
	gb, _ := g.Base()
	wb, _ := w.Base()
	return gb == wb
}

func round(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

// peakRSS returns the peak resident set size of the process in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // kilobytes on Linux
}
