package entity

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// Place adjectives: with [WithPlaceAdjectives], a lower-case adjective of a
// country that stands in no mention (британской, российских, казахстанского)
// is a place mention of its own, as the Russian corpora mark it (NEREL
// COUNTRY, SlavicNER LOC, factRuEval's geo_adj). By default it is none: the
// adjective says where something is from, the place is not named.

// placeAdjectiveTables are, per model language whose corpora mark place
// adjectives and whose adjectives [geo.Gazetteer.Demonym] knows (not yet
// Ukrainian's), the endings of its adjective forms (nouns such as американцу
// or армянина are people) and the adjectives that name a people or a
// language rather than a country (русский язык).
var placeAdjectiveTables = map[string]struct{ ends, not []string }{
	"ru": {strings.Fields(`ий ый ой ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими`),
		strings.Fields(`русск`)},
}

// placeAdjectives adds a LOC mention for each lower-case Cyrillic adjective
// of a country ([geo.Gazetteer.Demonym]) or of a big town or region
// ([townAdjective]) outside the mentions of ms, and for one capitalized at
// a sentence start before a lower-case word or a quote (Американская
// компания, Лондонский «Арсенал»), but not before an institution's noun,
// with which it makes a name (Британский музей).
func placeAdjectives(toks []token.Token, ms []Mention, lang string) []Mention {
	g := gazetteer()
	tab, ok := placeAdjectiveTables[lang]
	if g == nil || !ok {
		return ms
	}
	var add []Mention
	for j, t := range freeTokens(toks, ms) {
		r, _ := runes.Decode(t.Text)
		w := t.Text
		if runes.IsUpper(r) && sentenceStart(toks, j) && j+1 < len(toks) && !isInstitution(toks[j+1].Text) &&
			(isLowerWord(toks[j+1].Text) || openQuote(toks[j+1].Text)) {
			w = runes.Lower(w) // Американская компания, Лондонский «Арсенал»
		} else if !runes.IsLower(r) {
			continue
		}
		if !unicode.Is(unicode.Cyrillic, r) || runes.Count(w) < 5 || !hasSuffixAny(w, tab.ends) || hasPrefixAny(w, tab.not) {
			continue
		}
		if _, ok := g.Demonym(w); ok || townAdjective(w, tab.ends) {
			add = append(add, Mention{Start: t.Start, End: t.End, Type: LOC})
		}
	}
	return withAdded(ms, add)
}

// minTownAdjective is the least population of a town whose adjective
// ([townAdjective]) is a place mention: small towns' names are common words.
const minTownAdjective = 100000

// townAdjective reports an adjective in -ск- of a big town or a region the
// gazetteer knows: московского (Москва), лондонский (Лондон), уфимской
// (Уфа), калифорнийской (Калифорния), нью-йоркском (Нью-Йорк).
func townAdjective(w string, ends []string) bool {
	var base string
	for _, e := range ends {
		if b, ok := strings.CutSuffix(w, "ск"+e); ok && len(b) >= 4 {
			base = b
			break
		}
	}
	if base == "" {
		return false
	}
	g := gazetteer()
	cands := []string{base, base + "а", base + "ь", base + "я"}
	if b, ok := strings.CutSuffix(base, "ий"); ok {
		cands = append(cands, b+"ия")
	}
	if b, ok := strings.CutSuffix(base, "ов"); ok {
		cands = append(cands, b+"ва") // москов-ский: Москва
	}
	if b, ok := strings.CutSuffix(base, "им"); ok {
		cands = append(cands, b+"а") // уфим-ский: Уфа
	}
	for _, c := range cands {
		ps, ok := g.Lookup(c)
		if !ok || len(ps) == 0 {
			continue
		}
		switch p := ps[0]; p.Kind {
		case geo.City:
			if p.Population >= minTownAdjective {
				return true
			}
		case geo.Admin1, geo.Region:
			return true
		}
	}
	return false
}
