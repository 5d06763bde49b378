package entity

import (
	"strings"

	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

// kkCaseEndings are the Kazakh case endings ([kkSuffixes]) that close a noun
// phrase: locative, dative, ablative, instrumental and accusative.
// The genitive (-ның, -дың, -тың) and the attributive locative (-дағы) are
// left out: they link the words inside a name (Қазақстан Республикасының
// Президенті; Еуропадағы қауіпсіздік және ынтымақтастық ұйымы).
var kkCaseEndings = func() []string {
	var out []string
	for _, e := range kkSuffixes { // longest first within each group
		switch {
		case strings.HasSuffix(e, "ың"), strings.HasSuffix(e, "ің"), strings.HasSuffix(e, "ғы"), strings.HasSuffix(e, "гі"):
		default:
			out = append(out, e)
		}
	}
	return out
}()

// splitKazakhCases splits a Kazakh mention whose inner word carries a case
// ending that closes a noun phrase: in "Ақордада Ресей Федерациясының" and
// "Лавровқа Қазақстан" the tagger ran two names together, and Ақордада
// (in Akorda) and Лавровқа (to Lavrov) end the first one. The next word
// must start with a capital: a lower-case one continues a descriptive name
// (Жұмыспен қамтудың жол картасы). The word must not
// be a known name as it stands (Алматы облысы keeps Алматы), and what is left
// without the ending must be a known name (and the word no first name:
// Маргарита is not Маргари + -та): a knowledge-base alias, a place, a
// first name, a word with a surname ending, or a word the document uses on
// its own. The first part takes the type the knowledge base or gazetteer
// gives its stem, else keeps the mention's type; the rest becomes a place
// when the gazetteer knows it, else keeps the type.
func splitKazakhCases(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	if langCode(lang) != "kk" || len(ms) == 0 {
		return ms
	}
	words := map[string]bool{} // lower-cased words of the document
	for _, t := range toks {
		if t.Kind == token.Word {
			words[runes.Lower(t.Text)] = true
		}
	}
	var out []Mention
	k := 0
	for _, m := range ms {
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		cut := -1
		for j := k; j < len(toks) && toks[j].End < m.End; j++ {
			if toks[j].Start >= m.Start && (closesName(toks[j].Text, words) || m.Type == LOC && placeOfPlace(text, toks, j, m.End)) {
				cut = j
				break
			}
		}
		if cut < 0 || cut+1 >= len(toks) || toks[cut+1].Start >= m.End || !isCapital(toks[cut+1].Text) {
			out = append(out, m)
			continue
		}
		first, rest := m, m
		first.End = toks[cut].End
		rest.Start = toks[cut+1].Start
		if t, ok := nameType(stemOf(toks[cut].Text)); ok {
			first.Type = t
		}
		if g := gazetteer(); g != nil {
			if _, ok := g.Lookup(text[rest.Start:rest.End]); ok {
				rest.Type = LOC
			}
		}
		out = append(out, first, rest)
	}
	return out
}

// placeOfPlace reports, inside a place mention that ends at end, a word
// toks[j] in the genitive or the attributive locative (Ресейдің,
// Өзбекстандағы) whose stem the gazetteer knows as a place, followed by a
// capitalized rest that it knows too, or by any capitalized rest after a
// country: two places, as KazNERD marks them, not one name (Ресейдің |
// Оңтүстік Орал өңірі; Өзбекстандағы | Қазақстан елшілігі).
func placeOfPlace(text string, toks []token.Token, j, end int) bool {
	w := toks[j].Text
	if !isCapital(w) || !isCyrillicWord(w) || j+1 >= len(toks) || !isCapital(toks[j+1].Text) {
		return false
	}
	lw := runes.Lower(w)
	for _, e := range []string{"ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің"} {
		if !strings.HasSuffix(lw, e) || runes.Count(lw)-runes.Count(e) < 3 {
			continue
		}
		g := gazetteer()
		if g == nil {
			return false
		}
		kind, ok := g.KindOf(w[:len(w)-len(e)])
		if !ok {
			return false
		}
		if kind == geo.Country {
			return true // a country's part: Ресейдің | Оңтүстік Орал
		}
		_, ok = g.KindOf(text[toks[j+1].Start:end])
		return ok
	}
	return false
}

// closesName reports whether w is a capitalized Cyrillic word with a
// phrase-closing case ending on a known name (see splitKazakhCases).
func closesName(w string, words map[string]bool) bool {
	if !isCapital(w) || !isCyrillicWord(w) {
		return false
	}
	if _, ok := nameType(w); ok {
		return false
	}
	if _, ok := firstNames[runes.Lower(w)]; ok {
		return false // Полина, Маргарита: first names, not Поли + на
	}
	stem := stemOf(w)
	if stem == "" {
		return false
	}
	if _, ok := nameType(stem); ok {
		return true
	}
	ls := runes.Lower(stem)
	if _, ok := firstNames[ls]; ok || words[ls] {
		return true
	}
	for _, e := range []string{"ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы"} {
		if strings.HasSuffix(ls, e) {
			return true
		}
	}
	return false
}

// stemOf returns w without its phrase-closing case ending, or "" when it has
// none or less than three letters would be left.
func stemOf(w string) string {
	lw := runes.Lower(w)
	for _, e := range kkCaseEndings {
		if strings.HasSuffix(lw, e) && runes.Count(lw)-runes.Count(e) >= 3 {
			return w[:len(w)-len(e)]
		}
	}
	return ""
}

// nameType returns the type of a name the knowledge base (its first entry)
// or the gazetteer (LOC) knows as written.
func nameType(s string) (Type, bool) {
	if kb, err := builtinIndex(); err == nil && kb != nil {
		if t, ok := kb.typeOf(s); ok {
			return t, true
		}
	}
	if g := gazetteer(); g != nil {
		if _, ok := g.KindOf(s); ok {
			return LOC, true
		}
	}
	return "", false
}

// kkOrgNouns are the stems of Kazakh nouns that name the kind of an
// organization after its quoted name: «Бөбек» қорының, «Нұр Отан»
// партиясы, «Зейнеткер-екі» саяжай серіктестігі. Words that also name
// places or buildings (орталығы, кешені, ғимараты) are left out.
var kkOrgNouns = strings.Fields(`қоры қорын қорына қорынан қорында мекеме серіктест серістест партия телеарна
	телеканал ұйым компания зауыт банк бірлест қауымдаст корпорация холдинг агентт университет колледж газет
	журнал кооператив фабрика фирма кәсіпорн кәсіпорын академия институт қоғамы қоғамын қоғамына`)

// kkQuotedOrgs makes a quoted Kazakh name an organization when an
// organization noun follows its closing quote, perhaps after one
// lower-case word (саяжай серіктестігі): «Бөбек» қорының мамандары. A
// mention of the quoted words alone takes the type ORG; quoted words that
// no mention touches become one.
func kkQuotedOrgs(toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	if langCode(lang) != "kk" {
		return ms
	}
	var add []Mention
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Text != "«" {
			continue
		}
		end := -1 // index of the closing quote
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			if toks[j].Text == "»" {
				end = j
				break
			}
			if toks[j].Kind != token.Word && toks[j].Kind != token.Number && toks[j].Text != "-" {
				break
			}
		}
		if end < i+2 || end+1 >= len(toks) || !isCapital(toks[i+1].Text) {
			continue
		}
		next := end + 1
		if !kkOrgNoun(toks[next].Text) && !(next+1 < len(toks) && isLowerWord(toks[next].Text) && kkOrgNoun(toks[next+1].Text)) {
			continue
		}
		start, stop := toks[i+1].Start, toks[end-1].End
		touched := false
		for k := range ms {
			m := &ms[k]
			if m.Start == start && m.End == stop {
				m.Type = ORG
				touched = true
			} else if m.Start < stop && start < m.End {
				touched = true
			}
		}
		if !touched {
			add = append(add, Mention{Start: start, End: stop, Type: ORG, Language: lang})
		}
		i = end
	}
	return withAdded(ms, add)
}

// kkOrgNoun reports a word that starts with one of kkOrgNouns.
func kkOrgNoun(w string) bool {
	lw := runes.Lower(w)
	for _, n := range kkOrgNouns {
		if strings.HasPrefix(lw, n) {
			return true
		}
	}
	return false
}

// isLowerWord reports a word whose first letter is lower case.
func isLowerWord(w string) bool {
	r, _ := runes.Decode(w)
	return runes.IsLower(r)
}
