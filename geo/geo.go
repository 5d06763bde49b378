// Package geo resolves place names to places: country, ISO 3166-2 region,
// coordinates and GeoNames id.
//
// This is the foundation's placeholder implementation: a [Gazetteer] of the
// few facts written in facts.go, matched by folded name. The generated world
// gazetteer replaces it.
//
// A [Gazetteer] and a [Resolver] are immutable after construction and safe
// for concurrent use.
package geo

import (
	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/normalize"
)

// Kind is the kind of a place.
type Kind string

// Place kinds.
const (
	Country Kind = "country"
	Admin1  Kind = "admin1" // first-level administrative division
	City    Kind = "city"
	Water   Kind = "water"  // seas, lakes, rivers
	Region  Kind = "region" // macro-regions: Central Asia, Baltic States
	Land    Kind = "land"   // mountains, deserts, peninsulas
)

// Place is a gazetteer entry.
type Place struct {
	GeonameID  int     // GeoNames id; 0 where there is none
	Name       string  // English name
	Kind       Kind    //
	Country    string  // ISO 3166-1 alpha-2; "" for places beyond one country
	Admin1     string  // ISO 3166-2 code of the first-level region, where known
	Lat, Lon   float64 // degrees
	Population int     //
}

// Gazetteer looks places up by name.
type Gazetteer struct {
	byName map[string][]Place
}

// NewGazetteer returns the built-in gazetteer.
func NewGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{byName: map[string][]Place{}}
	for _, f := range facts {
		for _, n := range f.names {
			k := normalize.Fold(n)
			g.byName[k] = append(g.byName[k], f.place)
		}
	}
	return g, nil
}

// Lookup returns the candidates for name, most important first; ok is false
// when there are none.
func (g *Gazetteer) Lookup(name string) (cands []Place, ok bool) {
	c := g.byName[normalize.Fold(name)]
	return c, len(c) > 0
}

// Toponym is a place mention to resolve.
type Toponym struct {
	Start, End int    // half-open byte offsets into the text
	Text       string // text[Start:End]
}

// Resolution is the place chosen for a toponym.
type Resolution struct {
	Toponym
	Place    Place
	Resolved bool // false when no candidate was found
}

type config struct {
	focus []string
}

// Option configures a [Resolver].
type Option func(*config)

// WithFocus gives countries (ISO 3166-1 alpha-2) that the caller's documents
// are about, as a prior for ambiguous names. The default is no prior.
func WithFocus(countries ...string) Option {
	return func(c *config) { c.focus = append(c.focus, countries...) }
}

// Resolver picks one place per toponym using the whole document.
type Resolver struct {
	gaz *Gazetteer
	cfg config
}

// New returns a Resolver over the built-in gazetteer.
func New(opts ...Option) (*Resolver, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	g, err := NewGazetteer()
	if err != nil {
		return nil, err
	}
	return &Resolver{gaz: g, cfg: c}, nil
}

// Resolve returns one Resolution per toponym, in the order given. text is the
// whole document and lang its main language.
func (r *Resolver) Resolve(text string, toponyms []Toponym, lang language.Tag) []Resolution {
	out := make([]Resolution, len(toponyms))
	for i, t := range toponyms {
		out[i].Toponym = t
		if c, ok := r.gaz.Lookup(t.Text); ok {
			out[i].Place, out[i].Resolved = c[0], true
		}
	}
	return out
}
