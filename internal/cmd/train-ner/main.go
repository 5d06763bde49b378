// Command train-ner trains the NER models embedded in package entity.
//
// It reads the corpora under ../shared/datasets (or $NEWSMON_DATA), trains
// an averaged structured perceptron per language over the features of
// entity/seqtag, writes entity/models/<lang>.bin, and scores each model
// through entity.Tagger.Extract on held-out data that was not used for
// training (exact span and type):
//
//	en: train CoNLL-2003 train; report CoNLL-2003 valid (testa)
//	ru: train factRuEval devset (4/5 of documents), NEREL train,
//	    SlavicNER/BSNLP ru (4/5 of documents); report the other fifths
//	    and NEREL dev
//	kk: train KazNERD valid (4/5 of sentences); report the other fifth
//
// With -all the held-out fifths, CoNLL-2003 valid and NEREL dev are
// trained on as well; that is how the shipped models are built, after
// their held-out scores were measured without it.
//
// Usage:
//
//	go run ./internal/cmd/train-ner [-lang en,ru,kk] [-epochs 8] [-out entity/models]
//
// The held-out fifth is index mod 5 == 4; -fold picks another, and -cv
// trains once per fold and prints the counts pooled over all five (every
// factRuEval, SlavicNER and KazNERD document is then scored once, by a
// model that did not see it), which moves far less between retrains than
// one fifth does. With -cv the fold models are written as
// <lang>-fold<k>.bin in -out, and -cv -eval scores those again (to measure
// a change of the rules without retraining).
//
// Training is deterministic: documents are read in sorted order and the
// per-epoch shuffle uses a fixed seed.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity"
	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/token"
)

func main() {
	langs := flag.String("lang", "en,ru,kk", "comma-separated languages to train")
	epochs := flag.Int("epochs", 8, "training epochs")
	bits := flag.Int("bits", 0, "log2 of the number of weight rows (default: 18 for kk, 19 for en and ru)")
	out := flag.String("out", "entity/models", "output directory")
	data := flag.String("data", "", "datasets directory (default $NEWSMON_DATA or ../shared/datasets)")
	evalOnly := flag.Bool("eval", false, "score the existing models in -out instead of training")
	flag.IntVar(&factruWeight, "factru-weight", 3, "times each factRuEval training document is repeated (ru)")
	flag.BoolVar(&factruNames, "factru-names", false, "train on factRuEval mentions without leading descriptors and adjectives (see readFactRu)")
	flag.StringVar(&useWikiANN, "wikiann", "en,ru", "languages (en, ru) whose WikiANN train split is added to the training data")
	flag.IntVar(&augmentShare, "augment", 1, "add a headline-cased copy of every n-th training document (0: none)")
	flag.IntVar(&wikiannEvery, "wikiann-every", 4, "for en, add only every n-th WikiANN pseudo-document")
	flag.BoolVar(&skipTables, "skip-tables", false, "for en, leave out CoNLL documents that are mostly result tables")
	flag.BoolVar(&ukWithRu, "uk-ru", true, "for uk, add all SlavicNER ru documents to the training data")
	flag.BoolVar(&trainAll, "all", false, "train on the held-out parts too (for shipping; held-out scores become meaningless)")
	flag.BoolVar(&withProse, "prose", false, "for en, also score prose v2 on the held-out data")
	flag.StringVar(&rules, "rules", "orgs,propagate", "post-decoding rules of entity.WithRules to apply when scoring; nodescr and noadj score factRuEval and NEREL without their conventions (entity.WithDescriptors, WithPlaceAdjectives)")
	flag.StringVar(&errorsTo, "errors", "", "write the held-out errors (false and missed mentions in context) to this file")
	flag.IntVar(&seeds, "seeds", 1, "train this many times with different shuffles and average the weights")
	flag.BoolVar(&crossVal, "cv", false, "train and score once per fold (-fold 0..4) and print the counts pooled over the folds")
	flag.IntVar(&heldFold, "fold", 4, "which fifth (index mod 5) of the split corpora is held out, 0..4")
	flag.Parse()
	if heldFold < 0 || heldFold > 4 {
		fmt.Fprintln(os.Stderr, "train-ner: -fold must be 0..4")
		os.Exit(2)
	}
	dir := *data
	if dir == "" {
		dir = os.Getenv("NEWSMON_DATA")
	}
	if dir == "" {
		dir = "../shared/datasets"
	}
	for _, l := range strings.Split(*langs, ",") {
		b := *bits
		if b == 0 {
			b = 19
			if l == "kk" {
				b = 18 // less data: a smaller table loses nothing
			}
		}
		folds := []int{heldFold}
		if crossVal {
			folds = []int{0, 1, 2, 3, 4}
			pooled = map[string]map[int]*prf{}
			pooledOrder = nil
		}
		for _, k := range folds {
			heldFold = k
			if crossVal {
				fmt.Printf("%s: fold %d\n", l, k)
			}
			if err := run(l, dir, *out, *epochs, uint8(b), *evalOnly); err != nil {
				fmt.Fprintln(os.Stderr, "train-ner:", l+":", err)
				os.Exit(1)
			}
		}
		if crossVal {
			fmt.Printf("%s: pooled over the five folds (held-out fifths: every document once; NEREL dev: five times)\n", l)
			for _, name := range pooledOrder {
				report(set{name: name}, pooled[name])
			}
		}
	}
}

// pooled sums the counts of each scored set over the folds of -cv, in
// pooledOrder.
var (
	pooled      map[string]map[int]*prf
	pooledOrder []string
)

// pool adds the counts res of set name to pooled when -cv is on.
func pool(name string, res map[int]*prf) {
	if pooled == nil {
		return
	}
	acc, ok := pooled[name]
	if !ok {
		acc = map[int]*prf{}
		pooled[name] = acc
		pooledOrder = append(pooledOrder, name)
	}
	for t, x := range res {
		if acc[t] == nil {
			acc[t] = &prf{}
		}
		acc[t].tp += x.tp
		acc[t].fp += x.fp
		acc[t].fn += x.fn
	}
}

type set struct {
	name   string
	docs   []doc
	scored []int           // type numbers scored
	conv   []entity.Option // the corpus's conventions: entity.WithDescriptors for factRuEval, WithPlaceAdjectives for NEREL
}

// heldOut selects the held-out fifth of a split corpus: index mod 5 ==
// heldFold (4 unless -fold says otherwise; the other folds measure how
// much a figure moves with the split).
func heldOut(i int) bool { return i%5 == heldFold }

// trainPart selects the training part of a split corpus: four fifths, or
// everything with -all (for the shipped models; the held-out scores are
// then no longer honest and the trainer marks them "(seen)").
func trainPart(i int) bool { return trainAll || i%5 != heldFold }

func load(lang, dir string) (train []doc, dev []set, err error) {
	must := func(d []doc, e error) []doc {
		if e != nil && err == nil {
			err = e
		}
		return d
	}
	switch lang {
	case "en":
		for _, d := range must(readCoNLL(filepath.Join(dir, "conll2003-en/CONLL2003/train.txt"))) {
			if skipTables && isTable(d.text) {
				continue
			}
			train = append(train, d)
		}
		if trainAll {
			train = append(train, must(readCoNLL(filepath.Join(dir, "conll2003-en/CONLL2003/valid.txt")))...)
		}
		if strings.Contains(useWikiANN, "en") {
			// WikiANN's Wikipedia fragments follow other conventions than
			// Reuters news; only every wikiannEvery-th pseudo-document is
			// added, for vocabulary.
			for i, d := range must(readWikiANN(filepath.Join(dir, "wikiann-ru-en/data/wikiann/en/train.conllu"))) {
				if i%wikiannEvery == 0 {
					train = append(train, d)
				}
			}
		}
		dev = []set{{"conll2003-valid", must(readCoNLL(filepath.Join(dir, "conll2003-en/CONLL2003/valid.txt"))), []int{tPER, tORG, tLOC}, nil}}
	case "ru":
		fr := filepath.Join(dir, "factruEval-2016/devset")
		bs := filepath.Join(dir, "SlavicNER-bsnlp")
		// factRuEval marks descriptors inside mentions (реки Славянки,
		// пресс-служба президента Украины) where NEREL and BSNLP do not; its
		// documents count factruWeight times so that its conventions hold.
		frTrain := must(readFactRu(fr, trainPart, factruNames))
		for k := 0; k < factruWeight; k++ {
			train = append(train, frTrain...)
		}
		train = append(train, must(readBrat(filepath.Join(dir, "NEREL/NEREL-v1.1/train"), true))...)
		if trainAll {
			train = append(train, must(readBrat(filepath.Join(dir, "NEREL/NEREL-v1.1/dev"), true))...)
		}
		train = append(train, must(readBSNLP(bs, "ru", trainPart, true))...)
		if strings.Contains(useWikiANN, "ru") {
			train = append(train, must(readWikiANN(filepath.Join(dir, "wikiann-ru-en/data/wikiann/ru/train.conllu")))...)
		}
		dev = []set{
			{"factru-dev-heldout", must(readFactRu(fr, heldOut, false)), []int{tPER, tORG, tLOC}, []entity.Option{entity.WithDescriptors(!strings.Contains(rules, "nodescr"))}},
			{"factru-heldout-names", must(readFactRu(fr, heldOut, true)), []int{tPER, tORG, tLOC}, nil},
			{"nerel-dev", must(readBrat(filepath.Join(dir, "NEREL/NEREL-v1.1/dev"), false)), []int{tPER, tORG, tLOC}, []entity.Option{entity.WithPlaceAdjectives(!strings.Contains(rules, "noadj"))}},
			// The training conventions (dropLower): lower-case places and
			// people (британской, американцев) are no mentions.
			{"nerel-dev-proper", must(readBrat(filepath.Join(dir, "NEREL/NEREL-v1.1/dev"), true)), []int{tPER, tORG, tLOC}, nil},
			{"bsnlp-ru-heldout", must(readBSNLP(bs, "ru", heldOut, false)), []int{tPER, tORG, tLOC, tEVENT}, nil},
		}
	case "uk":
		bs := filepath.Join(dir, "SlavicNER-bsnlp")
		train = must(readBSNLP(bs, "uk", trainPart, true))
		if ukWithRu {
			// Russian news of the same topics: more names in Cyrillic.
			train = append(train, must(readBSNLP(bs, "ru", func(int) bool { return true }, true))...)
		}
		dev = []set{{"bsnlp-uk-heldout", must(readBSNLP(bs, "uk", heldOut, false)), []int{tPER, tORG, tLOC, tEVENT}, nil}}
	case "kk":
		p := filepath.Join(dir, "KazNERD/KazNERD/IOB2_valid.txt")
		train = must(readKazNERD(p, trainPart))
		dev = []set{{"kaznerd-valid-heldout", must(readKazNERD(p, heldOut)), []int{tPER, tORG, tLOC, tEVENT}, nil}}
	default:
		return nil, nil, fmt.Errorf("unknown language")
	}
	return train, dev, err
}

func run(lang, dir, out string, epochs int, bits uint8, evalOnly bool) error {
	t0 := time.Now()
	train, dev, err := load(lang, dir)
	if err != nil {
		return err
	}
	path := filepath.Join(out, lang+".bin")
	if crossVal {
		// One model per fold, so that -cv -eval can score them again.
		path = filepath.Join(out, fmt.Sprintf("%s-fold%d.bin", lang, heldFold))
	}
	var data []byte
	if evalOnly {
		if data, err = os.ReadFile(path); err != nil {
			return err
		}
	} else {
		fmt.Printf("%s: %d training documents, loaded in %v\n", lang, len(train), time.Since(t0).Round(time.Millisecond))
		m := trainModel(train, epochs, bits)
		body, err := m.MarshalBinary()
		if err != nil {
			return err
		}
		all := ""
		if trainAll {
			all = " -all"
		}
		if seeds > 1 {
			all += fmt.Sprintf(" -seeds %d", seeds)
		}
		if factruNames && lang == "ru" {
			all += " -factru-names"
		}
		header := fmt.Sprintf("# Code generated by go run ./internal/cmd/train-ner%s -lang %s -epochs %d -bits %d; DO NOT EDIT.\n", all, lang, epochs, bits)
		data = append([]byte(header), body...)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: wrote %s (%d bytes) in %v\n", lang, path, len(data), time.Since(t0).Round(time.Second))
	}
	tag := language.MustParse(lang)
	if lang == "uk" && !evalOnly {
		// Without a model of its own, Ukrainian goes to the Russian model.
		ru, _ := os.ReadFile(filepath.Join(out, "ru.bin"))
		def, err := entity.New(entity.WithModel(tag, ru))
		if err == nil {
			for _, s := range dev {
				s.name += " (ru model)"
				report(s, score(func(text string) []entity.Mention { return def.Extract(text, tag) }, s))
			}
		}
	}
	ruleOpt := entity.WithRules(strings.Contains(rules, "orgs"), strings.Contains(rules, "propagate"))
	taggers := map[int]*entity.Tagger{}
	for i, s := range dev {
		tg, err := entity.New(append([]entity.Option{entity.WithModel(tag, data), ruleOpt}, s.conv...)...)
		if err != nil {
			return err
		}
		taggers[i] = tg
	}
	for i, s := range dev {
		if trainAll {
			s.name += " (seen)"
		}
		logSet(s.name)
		tg := taggers[i]
		res := score(func(text string) []entity.Mention { return tg.Extract(text, tag) }, s)
		report(s, res)
		pool(s.name, res)
		if withProse && lang == "en" {
			s.name = "prose-v2 " + s.name
			report(s, score(proseExtractor(), s))
		}
	}
	return nil
}

// instance is one training sentence.
type instance struct {
	feats []uint32 // row indexes
	offs  []int32  // relative to feats, len(gold)+1
	gold  []seqtag.Label
}

// labelDoc tokenizes d and returns its sentences as training instances.
func labelDoc(d doc, bits uint8, buf *seqtag.Buffer, misaligned *int) []instance {
	toks := token.Tokenize(d.text)
	sents := seqtag.Sentences(d.text, toks)
	labels := make([]seqtag.Label, len(toks))
	k := 0
	for _, g := range d.spans {
		for k < len(toks) && toks[k].End <= g.start {
			k++
		}
		if k < len(toks) && toks[k].Start != g.start {
			*misaligned++
		}
		first := true
		for j := k; j < len(toks) && toks[j].Start < g.end; j++ {
			if first {
				labels[j] = seqtag.B(g.typ)
				first = false
			} else {
				labels[j] = seqtag.I(g.typ)
			}
			if toks[j].End > g.end {
				*misaligned++
			}
		}
	}
	buf.Extract(d.text, toks, sents)
	mask := uint32(1)<<bits - 1
	var out []instance
	for _, s := range sents {
		base := buf.Offs[s.Start]
		in := instance{
			feats: make([]uint32, buf.Offs[s.End]-base),
			offs:  make([]int32, s.End-s.Start+1),
			gold:  append([]seqtag.Label(nil), labels[s.Start:s.End]...),
		}
		for i, f := range buf.Feats[base:buf.Offs[s.End]] {
			in.feats[i] = f & mask
		}
		for i := range in.offs {
			in.offs[i] = buf.Offs[s.Start+i] - base
		}
		if t := in.gold[0].Type(); t >= 0 && !in.gold[0].Begins() {
			in.gold[0] = seqtag.B(t)
		}
		out = append(out, in)
	}
	return out
}

func trainModel(docs []doc, epochs int, bits uint8) *seqtag.Model {
	if seeds <= 1 {
		w, tw := trainWeights(docs, epochs, bits, 1)
		return seqtag.Quantize(bits, w, tw)
	}
	// Several passes over the data in different orders, averaged: the
	// perceptron's result depends on the order, and the average of the
	// runs varies less than any one of them.
	var w []float32
	var tw [seqtag.NumLabels + 1][seqtag.NumLabels]float32
	for seed := 1; seed <= seeds; seed++ {
		ws, ts := trainWeights(docs, epochs, bits, int64(seed))
		if w == nil {
			w = ws
		} else {
			for i := range w {
				w[i] += ws[i]
			}
		}
		for a := range tw {
			for b := range tw[a] {
				tw[a][b] += ts[a][b]
			}
		}
	}
	return seqtag.Quantize(bits, w, tw)
}

// trainWeights trains the averaged perceptron with the per-epoch shuffle
// seeded by seed and returns its float weights and transitions.
func trainWeights(docs []doc, epochs int, bits uint8, seed int64) ([]float32, [seqtag.NumLabels + 1][seqtag.NumLabels]float32) {
	var buf seqtag.Buffer
	var data []instance
	misaligned, ntok := 0, 0
	if augmentShare > 0 {
		n := len(docs)
		for i := 0; i < n; i += augmentShare {
			docs = append(docs, augment(docs[i], i))
		}
	}
	for _, d := range docs {
		for _, in := range labelDoc(d, bits, &buf, &misaligned) {
			ntok += len(in.gold)
			data = append(data, in)
		}
	}
	fmt.Printf("  %d sentences, %d tokens, %d misaligned span edges\n", len(data), ntok, misaligned)
	const L = seqtag.NumLabels
	rows := 1 << bits
	w := make([]float32, rows*L)
	u := make([]float32, rows*L)
	var tw, tu [L + 1][L]float32
	c := float32(1)
	rng := rand.New(rand.NewSource(seed))
	var emis seqtag.Emissions
	var back [][L]uint8
	pred := make([]seqtag.Label, 0, 256)
	for ep := 0; ep < epochs; ep++ {
		errs := 0
		for _, si := range rng.Perm(len(data)) {
			in := &data[si]
			n := len(in.gold)
			if cap(emis) < n {
				emis = make(seqtag.Emissions, n)
			}
			emis = emis[:n]
			for k := 0; k < n; k++ {
				var acc [L]float32
				for _, f := range in.feats[in.offs[k]:in.offs[k+1]] {
					row := w[int(f)*L : int(f)*L+L]
					for l := range acc {
						acc[l] += row[l]
					}
				}
				emis[k] = acc
			}
			if cap(pred) < n {
				pred = make([]seqtag.Label, n)
			}
			p := seqtag.Viterbi(emis, &tw, pred[:n], &back)
			wrong := false
			for k := 0; k < n; k++ {
				g, q := in.gold[k], p[k]
				pg, pq := seqtag.Label(L), seqtag.Label(L)
				if k > 0 {
					pg, pq = in.gold[k-1], p[k-1]
				}
				if g != q {
					wrong = true
					for _, f := range in.feats[in.offs[k]:in.offs[k+1]] {
						i := int(f) * L
						w[i+int(g)]++
						u[i+int(g)] += c
						w[i+int(q)]--
						u[i+int(q)] -= c
					}
				}
				if g != q || pg != pq {
					tw[pg][g]++
					tu[pg][g] += c
					tw[pq][q]--
					tu[pq][q] -= c
				}
			}
			if wrong {
				errs++
			}
			c++
		}
		fmt.Printf("  epoch %d: %d/%d sentences wrong\n", ep+1, errs, len(data))
	}
	for i := range w {
		w[i] -= u[i] / c
	}
	for a := range tw {
		for b := range tw[a] {
			tw[a][b] -= tu[a][b] / c
		}
	}
	return w, tw
}

var (
	seeds    int
	crossVal bool
	errorsTo string
	heldFold = 4
)

var (
	factruWeight = 1
	useWikiANN   string
	rules        string
	wikiannEvery = 1
	skipTables   bool
	withProse    bool
	trainAll     bool
	factruNames  bool
	ukWithRu     bool
	augmentShare = 1
)

type prf struct{ tp, fp, fn int }

func (x prf) f1() (p, r, f float64) {
	if x.tp+x.fp > 0 {
		p = float64(x.tp) / float64(x.tp+x.fp)
	}
	if x.tp+x.fn > 0 {
		r = float64(x.tp) / float64(x.tp+x.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

var typeNames = []entity.Type{entity.PER, entity.ORG, entity.LOC, entity.EVENT}

// score runs Extract on each document and counts exact span+type matches
// for the scored types; predictions of other types are ignored.
func score(extract func(string) []entity.Mention, s set) map[int]*prf {
	res := map[int]*prf{}
	scored := map[entity.Type]int{}
	for _, t := range s.scored {
		res[t] = &prf{}
		scored[typeNames[t]] = t
	}
	type key struct{ a, b, t int }
	for _, d := range s.docs {
		g := map[key]bool{}
		for _, sp := range d.spans {
			if _, ok := res[sp.typ]; ok {
				a, b := trimQuotes(d.text, sp.start, sp.end)
				g[key{a, b, sp.typ}] = true
			}
		}
		for _, m := range extract(d.text) {
			t, ok := scored[m.Type]
			if !ok {
				continue
			}
			a, b := trimQuotes(d.text, m.Start, m.End)
			k := key{a, b, t}
			if g[k] {
				res[t].tp++
				delete(g, k)
			} else {
				res[t].fp++
				logErr("FP", d, m.Start, m.End, t)
			}
		}
		for k := range g {
			res[k.t].fn++
			logErr("FN", d, k.a, k.b, k.t)
		}
	}
	return res
}

var errLog *os.File

// trimQuotes narrows text[a:b] by the quotation marks at its ends, on gold
// and predicted spans alike: the corpora cut a name at its closing quote
// (промзоны «Рыбацкое) where this library balances the quotes, and
// neither choice changes what was found.
func trimQuotes(text string, a, b int) (int, int) {
	const quotes = "«»„“”\"'‹›"
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !strings.ContainsRune(quotes, r) {
			break
		}
		a += n
	}
	for a < b {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !strings.ContainsRune(quotes, r) {
			break
		}
		b -= n
	}
	return a, b
}

// openErrLog opens the -errors file on first use; false means no logging.
func openErrLog() bool {
	if errorsTo == "" {
		return false
	}
	if errLog == nil {
		var err error
		if errLog, err = os.Create(errorsTo); err != nil {
			errorsTo = ""
			return false
		}
	}
	return true
}

// logSet starts the section of the errors file for the data set name.
func logSet(name string) {
	if !openErrLog() {
		return
	}
	fmt.Fprintf(errLog, "## %s\n", name)
}

// logErr writes one false (FP) or missed (FN) mention of document d, at
// byte offsets a:b, with its context: kind, type, document, offsets, text.
func logErr(kind string, d doc, a, b, t int) {
	if !openErrLog() {
		return
	}
	text := d.text
	lo, hi := max(0, a-60), min(len(text), b+60)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	ctx := strings.ReplaceAll(text[lo:a]+"[["+text[a:b]+"]]"+text[b:hi], "\n", " ")
	fmt.Fprintf(errLog, "%s %-5s %s %d %d %-30q %s\n", kind, typeNames[t], d.name, a, b, text[a:b], ctx)
}

func report(s set, res map[int]*prf) {
	var ts []int
	for t := range res {
		ts = append(ts, t)
	}
	sort.Ints(ts)
	var all prf
	fmt.Printf("%-24s", s.name)
	for _, t := range ts {
		x := res[t]
		all.tp += x.tp
		all.fp += x.fp
		all.fn += x.fn
		_, _, f := x.f1()
		fmt.Printf(" %s %.3f (%d)", typeNames[t], f, x.tp+x.fn)
	}
	p, r, f := all.f1()
	fmt.Printf(" | micro P %.3f R %.3f F1 %.3f\n", p, r, f)
}

// isTable reports a document of sports results or market tables: more
// than a quarter of its tokens are numbers.
func isTable(text string) bool {
	toks := token.Tokenize(text)
	n := 0
	for _, t := range toks {
		if t.Kind == token.Number {
			n++
		}
	}
	return n*4 > len(toks)
}
