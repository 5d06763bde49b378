package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Reader of the geoparsing corpora collected by Gritta et al. ("A Pragmatic
// Guide to Geoparsing Evaluation"), one XML file each:
//
//   - LGL and TR-News: <article><text> + <toponyms><toponym><start><end>
//     <phrase><gaztag geonameid><lat><lon><country>NAME</country>;
//   - GeoWebNews (GWN.xml): <toponym><extractedName><type><start><end>
//     <geonamesID><latitude><longitude>;
//   - GeoVirus: <locations><location><name><start><end><lat><lon>.
//
// Offsets are in characters of <text>, and not always exact: GeoVirus counts
// from 1, and about a tenth of TR-News drifts by 1 to 10 characters. A gold
// toponym is therefore placed at the occurrence of its phrase nearest to the
// stated start (within [alignWindow] characters), and at the stated offsets
// when there is none.

// geoDoc is one article with its gold toponyms.
type geoDoc struct {
	Name      string
	Text      string
	Toponyms  []geoGold
	Unaligned int // gold toponyms whose phrase was not found near its offsets
}

// geoGold is one gold toponym: a byte span of the text, and its place when
// the corpus gives one. Recognize is false for GeoWebNews annotations that
// are not toponyms (Non_Toponym, Demonym, the *_Expression wrappers ...):
// they are neither recognition gold nor resolved.
type geoGold struct {
	Start, End int
	Text       string
	Place      goldPlace
	Recognize  bool
}

const alignWindow = 20

type xmlArticles struct {
	Articles []xmlArticle `xml:"article"`
}

type xmlArticle struct {
	Text      string       `xml:"text"`
	Toponyms  []xmlToponym `xml:"toponyms>toponym"`
	Locations []xmlToponym `xml:"locations>location"`
}

type xmlToponym struct {
	Start string `xml:"start"`
	End   string `xml:"end"`
	// LGL, TR-News
	Phrase string    `xml:"phrase"`
	Gaztag *xmlGaztg `xml:"gaztag"`
	// GeoWebNews
	ExtractedName string `xml:"extractedName"`
	Type          string `xml:"type"`
	GeonamesID    string `xml:"geonamesID"`
	Latitude      string `xml:"latitude"`
	Longitude     string `xml:"longitude"`
	// GeoVirus
	Name string `xml:"name"`
	Lat  string `xml:"lat"`
	Lon  string `xml:"lon"`
}

type xmlGaztg struct {
	GeonameID string `xml:"geonameid,attr"`
	Lat       string `xml:"lat"`
	Lon       string `xml:"lon"`
	Country   string `xml:"country"`
}

// gwnNotToponym lists the GeoWebNews types that are not toponyms; the
// corpus's own generator gives them no coordinates.
var gwnNotToponym = map[string]bool{
	"Non_Toponym": true, "Non_Lit_Expression": true, "Literal_Expression": true,
	"Demonym": true, "Homonym": true, "Language": true,
}

// readGritta reads one corpus file.
func readGritta(path string, sk *skips) ([]geoDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var x xmlArticles
	if err := xml.NewDecoder(f).Decode(&x); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(x.Articles) == 0 {
		return nil, fmt.Errorf("%s: no <article> elements", path)
	}
	var docs []geoDoc
	for i, a := range x.Articles {
		d := geoDoc{Name: fmt.Sprintf("%s#%d", path, i+1), Text: a.Text}
		offs := runeOffsets(a.Text)
		nChars := len(offs) - 1
		for _, t := range append(a.Toponyms, a.Locations...) {
			s, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
			e, err2 := strconv.Atoi(strings.TrimSpace(t.End))
			if err1 != nil || err2 != nil {
				sk.add("%s: article %d: bad toponym offsets %q..%q", path, i+1, t.Start, t.End)
				continue
			}
			phrase := firstNonEmpty(t.Phrase, t.ExtractedName, t.Name)
			g := geoGold{Recognize: t.Type == "" || !gwnNotToponym[strings.TrimSpace(t.Type)]}
			cs, ce, found := align(a.Text, offs, phrase, s)
			if !found {
				d.Unaligned++
				cs, ce = min(max(s, 0), nChars), min(max(e, 0), nChars)
				if ce < cs {
					ce = cs
				}
			}
			g.Start, g.End = offs[cs], offs[ce]
			g.Text = a.Text[g.Start:g.End]
			if g.Recognize {
				g.Place = placeOf(t)
			}
			d.Toponyms = append(d.Toponyms, g)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// align finds the occurrence of phrase nearest to character start, at most
// alignWindow characters away, preferring the earlier one on a tie. It
// returns character offsets.
func align(text string, offs []int, phrase string, start int) (s, e int, ok bool) {
	n := utf8.RuneCountInString(phrase)
	if n == 0 {
		return 0, 0, false
	}
	nChars := len(offs) - 1
	for d := 0; d <= alignWindow; d++ {
		for _, c := range [2]int{start - d, start + d} {
			if c < 0 || c+n > nChars {
				continue
			}
			if text[offs[c]:offs[c+n]] == phrase {
				return c, c + n, true
			}
		}
	}
	return 0, 0, false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// placeOf reads the gold place of a toponym in any of the three schemas.
func placeOf(t xmlToponym) goldPlace {
	var p goldPlace
	lat, lon := t.Lat, t.Lon
	id := t.GeonamesID
	if t.Gaztag != nil {
		lat, lon, id = t.Gaztag.Lat, t.Gaztag.Lon, t.Gaztag.GeonameID
		p.Country = countryCode(t.Gaztag.Country)
	}
	lat, lon = firstNonEmpty(lat, t.Latitude), firstNonEmpty(lon, t.Longitude)
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err1 == nil && err2 == nil {
		p.HasCoords, p.Lat, p.Lon = true, la, lo
	}
	if n, err := strconv.Atoi(strings.TrimSpace(id)); err == nil && n > 0 {
		p.GeonameID = n
	}
	return p
}

// geonamesCountry holds GeoNames country names that differ from CLDR's
// English names.
var geonamesCountry = map[string]string{
	"palestinian territory": "PS", "czech republic": "CZ", "bonaire": "BQ",
	"bonaire, saint eustatius and saba": "BQ", "macao": "MO", "hong kong": "HK",
	"myanmar [burma]": "MM", "burma": "MM", "republic of the congo": "CG",
	"democratic republic of the congo": "CD", "dr congo": "CD", "ivory coast": "CI",
	"swaziland": "SZ", "east timor": "TL", "macedonia": "MK",
	"vatican": "VA", "u.s. virgin islands": "VI", "saint martin": "MF",
	"sint maarten": "SX", "st kitts and nevis": "KN", "kosovo": "XK",
	"south georgia and the south sandwich islands": "GS", "cape verde": "CV",
	"micronesia": "FM", "turkey": "TR", "united states": "US", "russia": "RU",
}

var countryByName = func() map[string]string {
	m := map[string]string{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			// skip reserved and withdrawn codes (UK, FX) named like current ones
			if err != nil || !r.IsCountry() || r.Canonicalize() != r {
				continue
			}
			if n := foldCountry(names.Name(r)); n != "" && m[n] == "" {
				m[n] = r.String()
			}
		}
	}
	for k, v := range geonamesCountry {
		m[foldCountry(k)] = v
	}
	return m
}()

// foldCountry normalizes a country name for lookup: lower case, `&` and
// `and`, `St.` and `Saint`, curly apostrophes.
func foldCountry(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("&", "and", "’", "'", "st. ", "saint ", "sar china", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// countryCode maps a GeoNames country name to ISO 3166-1 alpha-2; "" when
// unknown.
func countryCode(name string) string {
	if name = strings.TrimSpace(name); name == "" {
		return ""
	}
	return countryByName[foldCountry(name)]
}
