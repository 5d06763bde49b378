package geo

//go:generate go run gen.go -out tables.go

import (
	"strings"
	"sync"
)

// Kind is the kind of a place.
type Kind string

// Place kinds.
const (
	Country Kind = "country"
	Admin1  Kind = "admin1" // first-level administrative division: state, oblast, province
	Admin2  Kind = "admin2" // second-level division: county, district (raion)
	City    Kind = "city"   // populated place
	Water   Kind = "water"  // seas, lakes, rivers
	Region  Kind = "region" // continents, UN regions and macro-regions: Central Asia, Baltic States
	Land    Kind = "land"   // mountains, deserts, peninsulas
)

// Place is a gazetteer entry.
type Place struct {
	GeonameID  int     // GeoNames id; 0 where there is none
	Name       string  // English name
	Kind       Kind    // what kind of place it is
	Country    string  // ISO 3166-1 alpha-2; "" for places beyond one country
	Admin1     string  // ISO 3166-2 code of the first-level region, where known
	Lat, Lon   float64 // WGS 84 degrees: latitude in [-90, 90], longitude in [-180, 180]
	Population int     // people; for divisions and regions the sum of their known parts, 0 where unknown
}

// Gazetteer looks places up by name. It is immutable and safe for
// concurrent use; every Gazetteer shares one copy of the built-in tables.
type Gazetteer struct {
	t *tables
}

// NewGazetteer returns the built-in gazetteer. The tables are decoded once
// per process, on first use; later calls are cheap. The error is always nil
// today and is kept for gazetteers loaded from other sources.
func NewGazetteer() (*Gazetteer, error) {
	return &Gazetteer{t: defaultTables()}, nil
}

// Lookup returns the candidates for name, most important first (countries
// and regions before divisions before cities, then by population); ok is
// false when there are none.
//
// Matching ignores case, ё/е, typographic quotes and dashes, and
// diacritics that the name in the tables lacks. Russian, Kazakh and
// Ukrainian case endings are tolerated (Павлодаре, Астанада, Карагандинской
// области, Қарағанды облысының, Києві, Запорізькій області), as are type
// words around the name (Pavlodar Region, город Алматы, Lake Balkhash),
// which then restrict the kinds returned; a division's other type word
// finds it too (Aqtobe Oblast for Aqtobe Region). The returned slice is the caller's.
func (g *Gazetteer) Lookup(name string) (cands []Place, ok bool) {
	if g == nil || g.t == nil {
		return nil, false
	}
	var buf [16]int32
	ids := g.t.lookup(name, buf[:0])
	if len(ids) == 0 {
		return nil, false
	}
	cands = make([]Place, len(ids))
	for i, id := range ids {
		cands[i] = g.t.place(id)
	}
	return cands, true
}

// KindOf reports whether name is a known place name and the kind of its
// best candidate, without building the candidate list: a cheap check (about
// a microsecond, no allocation for lower-case ASCII) for taggers that use
// gazetteer membership as a feature. name may be one token or several
// joined by spaces ("Black Sea", "Карагандинской области"); it matches as
// [Gazetteer.Lookup] does, case forms and type words included. Lone compass
// words (East, Centre) are no place names, nor are names that only towns of
// under 1,000 people bear: such names are too often ordinary words to
// count as evidence of a place.
func (g *Gazetteer) KindOf(name string) (Kind, bool) {
	if g == nil || g.t == nil {
		return "", false
	}
	var buf [8]int32
	ids := g.t.lookup(name, buf[:0])
	for _, id := range ids {
		if !g.t.hamlet(id) {
			return g.t.kind(id), true
		}
	}
	return "", false
}

// MaxWords is the longest name, in words, that [Gazetteer.LongestMatch]
// tries.
const MaxWords = 6

// LongestMatch returns the length n (in words, at most [MaxWords]) of the
// longest run of words at the start of words that is a known place name,
// joined by single spaces, and the kind of its best candidate; n is 0 when
// none is. A tagger can call it at each token to mark gazetteer spans:
// ["Black", "Sea", "coast"] gives 2, Water.
func (g *Gazetteer) LongestMatch(words []string) (n int, kind Kind) {
	if g == nil || g.t == nil {
		return 0, ""
	}
	m := min(len(words), MaxWords)
	size := 0
	for _, w := range words[:m] {
		size += len(w) + 1
	}
	buf := make([]byte, 0, size)
	ends := make([]int, 0, MaxWords)
	for i, w := range words[:m] {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, w...)
		ends = append(ends, len(buf))
	}
	for k := m; k >= 1; k-- {
		if kind, ok := g.KindOf(string(buf[:ends[k-1]])); ok {
			return k, kind
		}
	}
	return 0, ""
}

// Demonym reports the country (ISO 3166-1 alpha-2) of a demonym or country
// adjective in English, Russian or Kazakh: Belarusian, белорусский,
// казахстанской, қазақстандық. Demonyms are not place names: [Gazetteer.Lookup]
// does not return them.
func (g *Gazetteer) Demonym(word string) (country string, ok bool) {
	if g == nil || g.t == nil {
		return "", false
	}
	cc, ok := g.t.demonym(word)
	if !ok || len(cc) != 2 {
		return "", false // adjectives of regions (European) are no demonyms of a country
	}
	return cc, true
}

// Members returns the member countries (ISO 3166-1 alpha-2) of a region
// such as Central Asia or the Baltic States, nil for other places. The
// returned slice is the caller's.
func (g *Gazetteer) Members(p Place) []string {
	if g == nil || g.t == nil || p.Kind != Region {
		return nil
	}
	m := g.t.members[regionKey{p.Name, p.GeonameID}]
	return append([]string(nil), m...)
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
	// Inferred is true when no place of the toponym's name was found and
	// Place is the place the document is most about (see
	// [Resolver.Resolve]): the toponym most likely lies in or near it.
	Inferred bool
}

type config struct {
	focus []string
}

// Option configures a [Resolver].
type Option func(*config)

// WithFocus gives countries (ISO 3166-1 alpha-2, any case) that the
// caller's documents are about, as a prior for ambiguous names. The default
// is no prior. Codes that are not two ASCII letters make [New] fail with
// [ErrBadCountry].
func WithFocus(countries ...string) Option {
	return func(c *config) { c.focus = append(c.focus, countries...) }
}

// ErrBadCountry is returned by [New] for a focus that is not an ISO 3166-1
// alpha-2 code.
var ErrBadCountry = errorString("geo: bad country code")

type errorString string

func (e errorString) Error() string { return string(e) }

// Resolver picks one place per toponym using the whole document. It is
// immutable after [New] and safe for concurrent use.
type Resolver struct {
	gaz   *Gazetteer
	focus map[string]bool
}

// New returns a Resolver over the built-in gazetteer. It is cheap: the
// tables are shared and decoded once per process.
func New(opts ...Option) (*Resolver, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	focus := map[string]bool{}
	for _, cc := range c.focus {
		if len(cc) != 2 || !isASCIILetter(cc[0]) || !isASCIILetter(cc[1]) {
			return nil, ErrBadCountry
		}
		focus[strings.ToUpper(cc)] = true
	}
	g, err := NewGazetteer()
	if err != nil {
		return nil, err
	}
	return &Resolver{gaz: g, focus: focus}, nil
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Gazetteer returns the gazetteer the resolver uses.
func (r *Resolver) Gazetteer() *Gazetteer { return r.gaz }

var defaultTables = sync.OnceValue(decodeTables)
