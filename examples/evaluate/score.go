package main

import (
	"math"
	"slices"
	"strings"
)

// Scores are plain counts turned into shares at the end, so that every
// scorer can be checked against hand-computed numbers in the tests.

// prf is precision, recall and F1 of one class with its gold count, as the
// JSON summary prints it.
type prf struct {
	P    float64 `json:"p"`
	R    float64 `json:"r"`
	F1   float64 `json:"f1"`
	Gold int     `json:"gold"`
}

// prf3 is precision, recall and F1 without a count (the "micro" and
// "recognition" objects of the summary).
type prf3 struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// counts are true positives, false positives and false negatives.
type counts struct{ TP, FP, FN int }

func (c *counts) add(d counts) { c.TP += d.TP; c.FP += d.FP; c.FN += d.FN }

// share returns n/d, or 0 when d is 0, rounded to 4 decimals.
func share(n, d int) float64 {
	if d <= 0 {
		return 0
	}
	return round4(float64(n) / float64(d))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// prf turns counts into precision, recall and F1; each is 0 when its
// denominator is 0.
func (c counts) prf() prf {
	p := share(c.TP, c.TP+c.FP)
	r := share(c.TP, c.TP+c.FN)
	var f float64
	if c.TP > 0 {
		f = round4(2 * float64(c.TP) / float64(2*c.TP+c.FP+c.FN))
	}
	return prf{P: p, R: r, F1: f, Gold: c.TP + c.FN}
}

func (c counts) prf3() prf3 {
	x := c.prf()
	return prf3{P: x.P, R: x.R, F1: x.F1}
}

// span is a typed half-open byte span of a document.
type span struct {
	Start, End int
	Type       string
}

// spanScorer accumulates exact span + type matches per type. Only the types
// it was made with are scored: gold and predicted spans of other types are
// ignored, so that a system is not charged for types the data does not
// annotate (EVENT on CoNLL) nor credited for ones the format drops (MISC).
type spanScorer struct {
	types []string
	by    map[string]*counts
}

func newSpanScorer(types ...string) *spanScorer {
	s := &spanScorer{types: types, by: map[string]*counts{}}
	for _, t := range types {
		s.by[t] = &counts{}
	}
	return s
}

// add scores one document. Duplicate spans count once.
func (s *spanScorer) add(gold, pred []span) {
	g := map[span]bool{}
	for _, x := range gold {
		if s.by[x.Type] != nil {
			g[x] = true
		}
	}
	p := map[span]bool{}
	for _, x := range pred {
		if s.by[x.Type] != nil {
			p[x] = true
		}
	}
	for x := range p {
		if g[x] {
			s.by[x.Type].TP++
		} else {
			s.by[x.Type].FP++
		}
	}
	for x := range g {
		if !p[x] {
			s.by[x.Type].FN++
		}
	}
}

// scores returns the per-type scores and the micro average over the types.
func (s *spanScorer) scores() (map[string]prf, prf3) {
	out := map[string]prf{}
	var all counts
	for _, t := range s.types {
		out[t] = s.by[t].prf()
		all.add(*s.by[t])
	}
	return out, all.prf3()
}

// classScorer accumulates single-label classification results.
type classScorer struct {
	n, correct int
	gold       map[string]int
	pred       map[string]int
	tp         map[string]int
}

func newClassScorer() *classScorer {
	return &classScorer{gold: map[string]int{}, pred: map[string]int{}, tp: map[string]int{}}
}

// add records one item; pred "" means the system gave no answer, which is
// wrong but charged to no class's precision.
func (c *classScorer) add(gold, pred string) {
	c.n++
	c.gold[gold]++
	if pred != "" {
		c.pred[pred]++
	}
	if pred == gold {
		c.correct++
		c.tp[gold]++
	}
}

func (c *classScorer) accuracy() float64 { return share(c.correct, c.n) }

// perClass returns P/R/F1 for every class seen in gold or predictions.
func (c *classScorer) perClass() map[string]prf {
	out := map[string]prf{}
	for _, k := range c.labels() {
		tp := c.tp[k]
		out[k] = counts{TP: tp, FP: c.pred[k] - tp, FN: c.gold[k] - tp}.prf()
	}
	return out
}

// macroF1 is the unweighted mean F1 over the classes seen in gold or
// predictions (scikit-learn's default label set), unrounded before the mean.
func (c *classScorer) macroF1() float64 {
	ls := c.labels()
	if len(ls) == 0 {
		return 0
	}
	var sum float64
	for _, k := range ls {
		tp := c.tp[k]
		if d := c.pred[k] + c.gold[k]; d > 0 {
			sum += 2 * float64(tp) / float64(d)
		}
	}
	return round4(sum / float64(len(ls)))
}

func (c *classScorer) labels() []string {
	var ls []string
	for k := range c.gold {
		ls = append(ls, k)
	}
	for k := range c.pred {
		if c.gold[k] == 0 {
			ls = append(ls, k)
		}
	}
	slices.Sort(ls)
	return ls
}

// langScorer accumulates language identification accuracy per gold
// language.
type langScorer struct {
	n, ok map[string]int
}

func newLangScorer() *langScorer { return &langScorer{n: map[string]int{}, ok: map[string]int{}} }

func (l *langScorer) add(gold string, correct bool) {
	l.n[gold]++
	if correct {
		l.ok[gold]++
	}
}

// accuracy returns the share correct per language and their unweighted mean.
func (l *langScorer) accuracy() (map[string]float64, float64) {
	out := map[string]float64{}
	var sum float64
	for k, n := range l.n {
		out[k] = share(l.ok[k], n)
		sum += float64(l.ok[k]) / float64(n)
	}
	if len(l.n) == 0 {
		return out, 0
	}
	return out, round4(sum / float64(len(l.n)))
}

// geoScorer accumulates toponym resolution results. Each share has its own
// denominator: the gold toponyms that carry what it needs (coordinates, a
// GeoNames id, a country).
type geoScorer struct {
	coords, within, ids, exact, countries, country int
}

// goldPlace is what a gold toponym says about its place.
type goldPlace struct {
	HasCoords bool
	Lat, Lon  float64
	GeonameID int    // 0 when unknown
	Country   string // ISO 3166-1 alpha-2, "" when unknown
}

// predPlace is the place a system chose; ok is false when it chose none.
type predPlace struct {
	OK        bool
	Lat, Lon  float64
	GeonameID int
	Country   string
}

// accKm is the distance within which a resolution counts as right for
// acc@161: 161 km, i.e. 100 miles, as in the geoparsing literature.
const accKm = 161

func (g *geoScorer) add(gold goldPlace, pred predPlace) {
	if gold.HasCoords {
		g.coords++
		if pred.OK && haversineKm(gold.Lat, gold.Lon, pred.Lat, pred.Lon) <= accKm {
			g.within++
		}
	}
	if gold.GeonameID != 0 {
		g.ids++
		if pred.OK && pred.GeonameID == gold.GeonameID {
			g.exact++
		}
	}
	if gold.Country != "" {
		g.countries++
		if pred.OK && strings.EqualFold(pred.Country, gold.Country) {
			g.country++
		}
	}
}

// haversineKm is the great-circle distance between two points in degrees.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088 // mean Earth radius, km
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
