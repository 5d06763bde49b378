package main

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/newsmon/newsmon"
	"github.com/newsmon/newsmon/topic"
)

func TestCountsPRF(t *testing.T) {
	for _, c := range []struct {
		in   counts
		want prf
	}{
		{counts{TP: 3, FP: 1, FN: 2}, prf{P: 0.75, R: 0.6, F1: 0.6667, Gold: 5}},
		{counts{TP: 0, FP: 0, FN: 4}, prf{Gold: 4}},
		{counts{TP: 0, FP: 3, FN: 0}, prf{}},
		{counts{}, prf{}},
		{counts{TP: 2}, prf{P: 1, R: 1, F1: 1, Gold: 2}},
	} {
		assert.Equal(t, c.want, c.in.prf(), "%+v.prf()", c.in)
	}
}

func TestSpanScorer(t *testing.T) {
	s := newSpanScorer("PER", "ORG", "LOC")
	// document 1: one exact hit, one wrong type, one wrong boundary, one
	// unscored gold type and one unscored predicted type.
	s.add(
		[]span{{0, 5, "PER"}, {10, 15, "ORG"}, {20, 30, "LOC"}, {40, 45, "MISC"}},
		[]span{{0, 5, "PER"}, {10, 15, "LOC"}, {20, 29, "LOC"}, {40, 45, "EVENT"}, {0, 5, "PER"}},
	)
	// document 2: the same spans are another document's, so no match.
	s.add([]span{{0, 5, "PER"}}, nil)
	scores, micro := s.scores()
	assert.Equal(t, map[string]prf{
		"PER": {P: 1, R: 0.5, F1: 0.6667, Gold: 2},
		"ORG": {P: 0, R: 0, F1: 0, Gold: 1},
		"LOC": {P: 0, R: 0, F1: 0, Gold: 1},
	}, scores)
	// tp 1, fp 2, fn 3: p 1/3, r 1/4, f1 2/7
	assert.Equal(t, prf3{P: 0.3333, R: 0.25, F1: 0.2857}, micro)
}

func TestClassScorer(t *testing.T) {
	c := newClassScorer()
	for _, x := range [][2]string{
		{"sport", "sport"}, {"sport", "sport"}, {"sport", "politics"},
		{"tech", "tech"}, {"tech", ""}, {"business", "politics"},
	} {
		c.add(x[0], x[1])
	}
	assert.Equal(t, 0.5, c.accuracy())
	assert.Equal(t, map[string]prf{
		"business": {Gold: 1},
		"politics": {}, // predicted twice, never right
		"sport":    {P: 1, R: 0.6667, F1: 0.8, Gold: 3},
		"tech":     {P: 1, R: 0.5, F1: 0.6667, Gold: 2},
	}, c.perClass())
	// (0 + 0 + 0.8 + 2/3) / 4
	assert.Equal(t, 0.3667, c.macroF1())
	assert.Equal(t, 0.0, newClassScorer().macroF1())
	assert.Equal(t, 0.0, newClassScorer().accuracy())
}

func TestLangScorer(t *testing.T) {
	l := newLangScorer()
	for i := range 4 {
		l.add("kk", i < 3)
	}
	l.add("ru", false)
	acc, mean := l.accuracy()
	assert.Equal(t, map[string]float64{"kk": 0.75, "ru": 0}, acc)
	assert.Equal(t, 0.375, mean)
	_, mean = newLangScorer().accuracy()
	assert.Equal(t, 0.0, mean)
}

func TestSameLanguage(t *testing.T) {
	assert.True(t, sameLanguage(language.English, "en"))
	assert.True(t, sameLanguage(language.MustParse("en-US"), "en"))
	assert.True(t, sameLanguage(language.Kazakh, "kk"))
	assert.False(t, sameLanguage(language.Russian, "kk"))
	assert.False(t, sameLanguage(language.Und, "und"))
	assert.False(t, sameLanguage(language.English, "not a tag!"))
}

func TestHaversine(t *testing.T) {
	// Astana (51.1801, 71.4460) to Almaty (43.2567, 76.9286): about 971 km.
	assert.InDelta(t, 971, haversineKm(51.1801, 71.4460, 43.2567, 76.9286), 5)
	// one degree of latitude: 111.2 km
	assert.InDelta(t, 111.2, haversineKm(10, 20, 11, 20), 0.1)
	assert.Equal(t, 0.0, haversineKm(1, 2, 1, 2))
}

func TestGeoScorer(t *testing.T) {
	var g geoScorer
	astana := goldPlace{HasCoords: true, Lat: 51.1801, Lon: 71.4460, GeonameID: 1526273, Country: "KZ"}
	g.add(astana, predPlace{OK: true, Lat: 51.18, Lon: 71.45, GeonameID: 1526273, Country: "KZ"}) // all right
	g.add(astana, predPlace{OK: true, Lat: 52.0, Lon: 71.45, GeonameID: 1, Country: "kz"})        // 91 km, wrong id
	g.add(astana, predPlace{OK: true, Lat: 43.2567, Lon: 76.9286, GeonameID: 2, Country: "KZ"})   // Almaty
	g.add(astana, predPlace{})                                                                    // unresolved
	g.add(goldPlace{HasCoords: true, Lat: 0, Lon: 0}, predPlace{OK: true})                        // coordinates only
	g.add(goldPlace{}, predPlace{OK: true})                                                       // nothing to judge
	assert.Equal(t, geoScorer{coords: 5, within: 3, ids: 4, exact: 1, countries: 4, country: 3}, g)
}

func TestTopLevel(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []topic.Topic
		want string
	}{
		{"none", nil, ""},
		{"best top-level, not first", []topic.Topic{
			{ID: "military-exercises", Parent: "defence", Score: 0.9},
			{ID: "economy", Score: 0.4},
			{ID: "politics", Score: 0.7},
		}, "politics"},
		{"only subtopics: walk returned parents", []topic.Topic{
			{ID: "x-sub", Parent: "x-mid", Score: 0.5},
			{ID: "y-sub", Parent: "y", Score: 0.8},
			{ID: "x-mid", Parent: "x", Score: 0.4},
		}, "y"},
		{"only subtopics: known ancestors", []topic.Topic{
			{ID: "military-cooperation", Parent: "defence", Score: 0.8},
		}, "politics"},
		{"unknown parent stays", []topic.Topic{{ID: "a", Parent: "b", Score: 1}}, "b"},
	} {
		assert.Equal(t, c.want, topLevel(c.in), c.name)
	}
}

func BenchmarkSpanScorer(b *testing.B) {
	var gold, pred []span
	for i := range 1000 {
		gold = append(gold, span{i * 10, i*10 + 5, []string{"PER", "ORG", "LOC"}[i%3]})
		pred = append(pred, span{i * 10, i*10 + 5 + i%2, []string{"PER", "LOC", "LOC"}[i%3]})
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(gold)))
	for b.Loop() {
		s := newSpanScorer("PER", "ORG", "LOC")
		s.add(gold, pred)
		s.scores()
	}
}

func TestBSNLPScores(t *testing.T) {
	g := func(s, e int, typ, lemma, id string) goldMention {
		return goldMention{span: span{Start: s, End: e, Type: typ}, Lemma: lemma, ID: id}
	}
	docs := []nerDoc{
		{Gold: []goldMention{
			g(0, 10, "PER", "Тереза Мэй", "PER-May"),
			g(20, 23, "PER", "Мэй", "PER-May"),
			g(30, 37, "LOC", "Лондон", "GPE-London"),
			g(40, 47, "EVENT", "Брексит", "EVT-Brexit"),
		}},
		{Gold: []goldMention{
			g(0, 3, "PER", "Мэй", "PER-May"),
			g(5, 11, "LOC", "Лондон", "GPE-London"),
			g(12, 14, "ORG", "ЕС", "ORG-EU"),
		}},
	}
	m := func(s, e int) newsmon.Mention { return newsmon.Mention{Start: s, End: e} }
	reps := []*newsmon.Report{
		{Entities: []newsmon.Entity{
			{ID: "may", Name: "Тереза Мэй", Type: "PER", Mentions: []newsmon.Mention{m(0, 10), m(20, 23)}},
			{ID: "london", Name: "Лондон", Type: "LOC", Mentions: []newsmon.Mention{m(30, 37)}},
			// Брексит not found: its span is cut
			{ID: "brexit", Name: "Брексит", Type: "EVENT", Mentions: []newsmon.Mention{m(40, 46)}},
		}},
		{Entities: []newsmon.Entity{
			{ID: "may", Name: "Мэй", Type: "PER", Mentions: []newsmon.Mention{m(0, 3)}},
			{ID: "london-2", Name: "Лондон", Type: "LOC", Mentions: []newsmon.Mention{m(5, 11)}},
			{ID: "", Name: "ЕС", Type: "ORG", Mentions: []newsmon.Mention{m(12, 14)}},
		}},
	}
	lemma, agree := bsnlpScores(docs, reps)
	// PER: Тереза Мэй right, Мэй named Тереза Мэй wrong, Мэй right: 2/3.
	// LOC 2/2, ORG 1/1, EVENT 0/1; all 5/7.
	assert.Equal(t, map[string]float64{"PER": 0.6667, "LOC": 1, "ORG": 1, "EVENT": 0, "all": 0.7143}, lemma)
	// PER-May agrees (may everywhere); GPE-London does not (two ids);
	// EVT-Brexit was not found; ORG-EU's entity has no id: 1/4.
	assert.Equal(t, 0.25, agree)
}

func TestLemmaCeiling(t *testing.T) {
	docs := []nerDoc{{Gold: []goldMention{
		{span: span{Type: "PER"}, Lemma: "Дональд Трамп", ID: "PER-Trump"},
		{span: span{Type: "PER"}, Lemma: "Трамп", ID: "PER-Trump"},
		{span: span{Type: "PER"}, Lemma: "Трамп", ID: "PER-Trump"},
		{span: span{Type: "LOC"}, Lemma: "Москва", ID: "GPE-Moscow"},
	}}}
	got := lemmaCeiling(docs)
	if math.Abs(got["PER"]-2.0/3) > 1e-4 || got["LOC"] != 1 || got["all"] != 0.75 {
		t.Errorf("lemmaCeiling = %v; want PER 2/3, LOC 1, all 3/4", got)
	}
}
