package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon"
	"github.com/newsmon/newsmon/entity"
	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/dataset"
	"github.com/newsmon/newsmon/lang"
	"github.com/newsmon/newsmon/topic"
)

// The runners: each reads its data, calls the library on every item (in
// parallel, results in input order) and fills a summary.

// parallel returns fn applied to every item, using up to workers goroutines.
func parallel[T, R any](items []T, workers int, fn func(T) R) []R {
	out := make([]R, len(items))
	if workers <= 1 || len(items) < 2 {
		for i, it := range items {
			out[i] = fn(it)
		}
		return out
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = fn(items[i])
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func limit[T any](items []T, n int) []T {
	if n > 0 && len(items) > n {
		return items[:n]
	}
	return items
}

func ptr(x float64) *float64 { return &x }

// sameLanguage reports whether got names the language of the gold code,
// comparing base languages (so "en-US" is "en", "zh-Hant" is "zh").
func sameLanguage(got language.Tag, gold string) bool {
	if got == language.Und {
		return false
	}
	g, err := language.Parse(gold)
	if err != nil {
		return false
	}
	gb, _ := g.Base()
	b, _ := got.Base()
	return gb == b
}

func runLang(o options, tables io.Writer) (*summary, error) {
	var (
		samples []langSample
		err     error
	)
	switch o.Format {
	case "lingua":
		var langs []string
		for _, l := range strings.Split(o.Lang, ",") {
			if l = strings.TrimSpace(l); l != "" {
				langs = append(langs, l)
			}
		}
		samples, err = readLingua(o.Path, langs, o.Limit)
	case "lines":
		samples, err = readLines(o.Path, o.Lang, o.Limit)
	}
	if err != nil {
		return nil, err
	}
	d, err := lang.New()
	if err != nil {
		return nil, err
	}
	ok := parallel(samples, o.Workers, func(s langSample) bool {
		return sameLanguage(d.Detect(s.Text).Language, s.Lang)
	})
	sc := newLangScorer()
	for i, s := range samples {
		sc.add(s.Lang, ok[i])
	}
	acc, mean := sc.accuracy()
	if tables != nil {
		w := tabwriter.NewWriter(tables, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "lang\tsamples\taccuracy\t")
		for _, k := range sortedKeys(acc) {
			fmt.Fprintf(w, "%s\t%d\t%.4f\t\n", k, sc.n[k], acc[k])
		}
		fmt.Fprintf(w, "mean\t%d\t%.4f\t\n", len(samples), mean)
		w.Flush()
	}
	return &summary{Lang: o.Lang, Items: len(samples), Accuracy: acc, Mean: ptr(mean)}, nil
}

// nerDefaults are the default language and scored types per format.
var nerDefaults = map[string]struct {
	lang  string
	types []string
}{
	"conll":  {"en", []string{"PER", "ORG", "LOC"}},
	"factru": {"ru", []string{"PER", "ORG", "LOC"}},
	"iob2":   {"kk", []string{"PER", "ORG", "LOC", "EVENT"}},
	"brat":   {"ru", []string{"PER", "ORG", "LOC"}},
	"bsnlp":  {"", []string{"PER", "ORG", "LOC", "EVENT"}},
}

func runNER(o options, tables io.Writer) (*summary, error) {
	var (
		docs []nerDoc
		err  error
		sk   = &skips{}
	)
	switch o.Format {
	case "conll":
		docs, err = readTokenFile(o.Path, conllType, sk)
	case "iob2":
		docs, err = readTokenFile(o.Path, kaznerdType, sk)
	case "factru":
		docs, err = readFactRu(o.Path, sk)
	case "brat":
		docs, err = readBrat(o.Path, sk)
	case "bsnlp":
		docs, err = readBSNLP(o.Path, o.Lang, sk)
	}
	if err != nil {
		return nil, err
	}
	docs = limit(docs, o.Limit)
	def := nerDefaults[o.Format]
	docLang := cmp.Or(o.Lang, def.lang)
	// The corpora's conventions where they differ from the library's
	// defaults (see the package comment).
	var opts []entity.Option
	switch o.Format {
	case "factru":
		opts = append(opts, entity.WithDescriptors(true))
	case "brat":
		opts = append(opts, entity.WithPlaceAdjectives(true))
	}
	tagger, err := entity.New(opts...)
	if err != nil {
		return nil, err
	}
	preds := parallel(docs, o.Workers, func(d nerDoc) []span {
		tag := language.Make(cmp.Or(d.Lang, docLang, "und"))
		var out []span
		for _, m := range tagger.Extract(d.Text, tag) {
			out = append(out, span{Start: m.Start, End: m.End, Type: string(m.Type)})
		}
		return out
	})
	sc := newSpanScorer(def.types...)
	for i, d := range docs {
		gold := make([]span, len(d.Gold))
		for j, g := range d.Gold {
			gold[j] = g.span
		}
		sc.add(gold, preds[i])
	}
	scores, micro := sc.scores()
	s := &summary{Lang: docLang, Items: len(docs), Scores: scores, Micro: &micro, skipped: sk}
	if o.Format == "bsnlp" {
		if err := scoreBSNLP(o, docs, s); err != nil {
			return nil, err
		}
	}
	if tables != nil {
		w := tabwriter.NewWriter(tables, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "type\tgold\ttp\tfp\tfn\tp\tr\tf1\t")
		for _, t := range def.types {
			c, x := sc.by[t], scores[t]
			fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", t, x.Gold, c.TP, c.FP, c.FN, x.P, x.R, x.F1)
		}
		fmt.Fprintf(w, "micro\t\t\t\t\t%.4f\t%.4f\t%.4f\t\n", micro.P, micro.R, micro.F1)
		if s.Lemma != nil {
			ceil := lemmaCeiling(docs)
			for _, t := range append(def.types, "all") {
				fmt.Fprintf(w, "lemma %s\t\t\t\t\t\t\t%.4f\t  ceiling %.4f\t\n", t, s.Lemma[t], ceil[t])
			}
			fmt.Fprintf(w, "id_agreement\t\t\t\t\t\t\t%.4f\t\n", *s.IDAgreement)
		}
		w.Flush()
	}
	return s, nil
}

// scoreBSNLP adds lemma accuracy and cross-document id agreement, both from
// the whole pipeline ([newsmon.Analyzer.Analyze]). A gold mention is found
// when some entity has a mention with exactly its byte span; its lemma is
// right when that entity's canonical name equals the gold lemma. A gold id
// agrees when every one of its mentions, in every document, was found in
// entities that all have one and the same id.
func scoreBSNLP(o options, docs []nerDoc, s *summary) error {
	a, err := newsmon.New(newsmon.WithWorkers(1))
	if err != nil {
		return err
	}
	type result struct {
		rep *newsmon.Report
		err error
	}
	reps := parallel(docs, o.Workers, func(d nerDoc) result {
		r, err := a.Analyze(context.Background(), d.Text)
		return result{r, err}
	})
	out := make([]*newsmon.Report, len(docs))
	for i, d := range docs {
		if reps[i].err != nil {
			return fmt.Errorf("%s: %w", d.Name, reps[i].err)
		}
		out[i] = reps[i].rep
	}
	lemma, agreement := bsnlpScores(docs, out)
	s.Lemma, s.IDAgreement = lemma, ptr(agreement)
	return nil
}

// bsnlpScores computes lemma accuracy per type (and "all") and id agreement
// from the gold documents and the reports on them, in the same order.
func bsnlpScores(docs []nerDoc, reps []*newsmon.Report) (lemma map[string]float64, idAgreement float64) {
	lemmaN, lemmaOK := map[string]int{}, map[string]int{}
	ids := map[string][]string{} // gold id -> entity ids of its mentions
	for i, d := range docs {
		type key struct{ s, e int }
		ent := map[key]newsmon.Entity{}
		for _, e := range reps[i].Entities {
			for _, m := range e.Mentions {
				if _, dup := ent[key{m.Start, m.End}]; !dup {
					ent[key{m.Start, m.End}] = e
				}
			}
		}
		for _, g := range d.Gold {
			e, found := ent[key{g.Start, g.End}]
			lemmaN[g.Type]++
			if found && e.Name == g.Lemma {
				lemmaOK[g.Type]++
			}
			if g.ID != "" {
				id := "" // not found, or found in an entity without an id
				if found {
					id = e.ID
				}
				ids[g.ID] = append(ids[g.ID], id)
			}
		}
	}
	lemma = map[string]float64{}
	var n, ok int
	for _, t := range nerDefaults["bsnlp"].types {
		lemma[t] = share(lemmaOK[t], lemmaN[t])
		n += lemmaN[t]
		ok += lemmaOK[t]
	}
	lemma["all"] = share(ok, n)
	agree := 0
	for _, got := range ids {
		if got[0] != "" && !slices.ContainsFunc(got, func(x string) bool { return x != got[0] }) {
			agree++
		}
	}
	return lemma, share(agree, len(ids))
}

// lemmaCeiling is the best lemma accuracy any system that keeps one entity
// per gold id and document can reach: an entity has one name, while the gold
// lemmas of its mentions differ (Трамп for "Трампа", Дональд Трамп for
// "Дональда Трампа"), so at most the most frequent lemma of each gold entity
// in each document can be right. It is printed beside the lemma scores so
// that they read against what is possible, per type and for "all".
func lemmaCeiling(docs []nerDoc) map[string]float64 {
	n, best := map[string]int{}, map[string]int{}
	for _, d := range docs {
		type key struct{ id, typ string }
		lemmas := map[key]map[string]int{}
		for i, g := range d.Gold {
			k := key{g.ID, g.Type}
			if g.ID == "" {
				k.id = "#" + strconv.Itoa(i) // no id: a mention of its own
			}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][g.Lemma]++
			n[g.Type]++
		}
		for k, ls := range lemmas {
			top := 0
			for _, c := range ls {
				top = max(top, c)
			}
			best[k.typ] += top
		}
	}
	out := map[string]float64{}
	var all, allN int
	for t := range n {
		out[t] = share(best[t], n[t])
		all += best[t]
		allN += n[t]
	}
	out["all"] = share(all, allN)
	return out
}

func runGeo(o options, tables io.Writer) (*summary, error) {
	sk := &skips{}
	docs, err := readGritta(o.Path, sk)
	if err != nil {
		return nil, err
	}
	docs = limit(docs, o.Limit)
	tag := language.Make(cmp.Or(o.Lang, "en"))
	res, err := geo.New()
	if err != nil {
		return nil, err
	}
	tagger, err := entity.New()
	if err != nil {
		return nil, err
	}
	type result struct {
		places []predPlace // per gold toponym with Recognize
		locs   []span
	}
	results := parallel(docs, o.Workers, func(d geoDoc) result {
		var tops []geo.Toponym
		for _, g := range d.Toponyms {
			if g.Recognize {
				tops = append(tops, geo.Toponym{Start: g.Start, End: g.End, Text: g.Text})
			}
		}
		var r result
		for _, x := range res.Resolve(d.Text, tops, tag) {
			p := x.Place
			r.places = append(r.places, predPlace{OK: x.Resolved, Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID, Country: p.Country})
		}
		for _, m := range tagger.Extract(d.Text, tag) {
			if m.Type == entity.LOC {
				r.locs = append(r.locs, span{Start: m.Start, End: m.End, Type: "LOC"})
			}
		}
		return r
	})
	var gs geoScorer
	rec := newSpanScorer("LOC")
	unaligned, toponyms := 0, 0
	for i, d := range docs {
		unaligned += d.Unaligned
		var gold []span
		k := 0
		for _, g := range d.Toponyms {
			if !g.Recognize {
				continue
			}
			toponyms++
			gold = append(gold, span{Start: g.Start, End: g.End, Type: "LOC"})
			var p predPlace
			if k < len(results[i].places) {
				p = results[i].places[k]
			}
			k++
			gs.add(g.Place, p)
		}
		rec.add(gold, results[i].locs)
	}
	_, recognition := rec.scores()
	s := &summary{
		Lang: tag.String(), Items: len(docs),
		Acc161:      ptr(share(gs.within, gs.coords)),
		Exact:       ptr(share(gs.exact, gs.ids)),
		Country:     ptr(share(gs.country, gs.countries)),
		Recognition: &recognition,
		GeoGold:     &geoDenoms{Toponyms: toponyms, Coords: gs.coords, IDs: gs.ids, Countries: gs.countries},
		skipped:     sk,
	}
	if tables != nil {
		w := tabwriter.NewWriter(tables, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "measure\tgold\tright\tshare\t")
		fmt.Fprintf(w, "acc161\t%d\t%d\t%.4f\t\n", gs.coords, gs.within, *s.Acc161)
		fmt.Fprintf(w, "exact id\t%d\t%d\t%.4f\t\n", gs.ids, gs.exact, *s.Exact)
		fmt.Fprintf(w, "country\t%d\t%d\t%.4f\t\n", gs.countries, gs.country, *s.Country)
		c := rec.by["LOC"]
		fmt.Fprintf(w, "recognition p/r/f1\t%d\t%d\t%.4f / %.4f / %.4f\t\n", toponyms, c.TP, recognition.P, recognition.R, recognition.F1)
		w.Flush()
		if unaligned > 0 {
			fmt.Fprintf(tables, "(%d gold toponyms not found near their stated offsets; scored at those offsets)\n", unaligned)
		}
	}
	return s, nil
}

// knownParent gives the parents of the taxonomy ids DESIGN.md requires, for
// when the classifier returns a subtopic without its ancestors.
var knownParent = map[string]string{
	"defence": "politics", "diplomacy": "politics", "elections": "politics",
	"military-cooperation": "defence", "military-exercises": "defence",
	"drugs": "crime", "corruption": "crime", "cybercrime": "crime",
	"agriculture": "economy", "energy": "economy", "transport": "economy", "budget": "economy",
	"accident": "disaster",
}

// topLevel returns the best-scoring top-level topic (Parent ""), or, when
// only subtopics were returned, the top-level ancestor of the best one; ""
// when there is no topic.
func topLevel(ts []topic.Topic) string {
	best := -1
	for i, t := range ts {
		if t.Parent == "" && (best < 0 || t.Score > ts[best].Score) {
			best = i
		}
	}
	if best >= 0 {
		return ts[best].ID
	}
	if len(ts) == 0 {
		return ""
	}
	for i, t := range ts {
		if best < 0 || t.Score > ts[best].Score {
			best = i
		}
	}
	parent := map[string]string{}
	for _, t := range ts {
		parent[t.ID] = t.Parent
	}
	id := ts[best].ID
	for range 16 { // the taxonomy is shallow; the bound guards against cycles
		p, ok := parent[id]
		if !ok {
			p = knownParent[id]
		}
		if p == "" {
			break
		}
		id = p
	}
	return id
}

func runTopic(o options, tables io.Writer) (*summary, error) {
	var (
		docs   []topicDoc
		labels map[string]bool
		err    error
		class  func(string) string
		sk     = &skips{}
	)
	switch o.Format {
	case "agnews":
		docs, err = readAGNews(o.Path, sk)
		class = dataset.AGNewsClass
	case "bbc":
		docs, err = readBBC(o.Path)
		class = dataset.BBCClass
	case "ria":
		docs, labels, err = readRIA(o.Path)
		class = func(t string) string { return dataset.RIAClass(t, labels) }
	}
	if err != nil {
		return nil, err
	}
	docs = limit(interleave(docs), o.Limit)
	tagName := cmp.Or(o.Lang, map[string]string{"ria": "ru"}[o.Format], "en")
	tag := language.Make(tagName)
	c, err := topic.New()
	if err != nil {
		return nil, err
	}
	preds := parallel(docs, o.Workers, func(d topicDoc) string {
		return class(topLevel(c.Classify(topic.Document{Text: d.Text, Language: tag})))
	})
	sc := newClassScorer()
	for i, d := range docs {
		sc.add(d.Class, preds[i])
	}
	per := sc.perClass()
	s := &summary{Lang: tagName, Items: len(docs), Accuracy: sc.accuracy(), MacroF1: ptr(sc.macroF1()), PerClass: per, skipped: sk}
	if tables != nil {
		w := tabwriter.NewWriter(tables, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "class\tgold\tpredicted\tp\tr\tf1\t")
		for _, k := range sortedKeys(per) {
			fmt.Fprintf(w, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", k, sc.gold[k], sc.pred[k], per[k].P, per[k].R, per[k].F1)
		}
		fmt.Fprintf(w, "no topic\t\t%d\t\t\t\t\n", len(docs)-sum(sc.pred))
		fmt.Fprintf(w, "accuracy\t\t\t\t\t%.4f\t\n", s.Accuracy)
		fmt.Fprintf(w, "macro F1\t\t\t\t\t%.4f\t\n", *s.MacroF1)
		w.Flush()
	}
	return s, nil
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
