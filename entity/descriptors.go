package entity

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// Descriptors: with [WithDescriptors], an organization or place mention
// takes in the common noun that names its kind right before it, and the
// adjectives before that noun: партии «Яблоко», социальной сети Twitter,
// реку Нарву, штата Аризона, ООО «Алтек». That is how factRuEval marks
// mentions; NEREL, SlavicNER and CoNLL mark the name alone, which is the
// default, and [withoutDescriptors] takes such a noun off a mention that
// the tagger (trained on all these corpora) found with it.

// descriptorNoun is a stem of a kind noun, the most runes its endings add
// and the kind it names.
type descriptorNoun struct {
	stem  string
	max   int
	level uint8
}

// Kinds a descriptor noun names: an organization's, or a place's at the
// level of a country (республики, штата), of a town (города, посёлка), of
// a part of a town (улицы, района, тюрьмы), or of a natural feature (реки,
// острова), whose names are often towns' names too. A town's noun takes no
// name the gazetteer knows as a country or first-level division, and a
// country's or a town part's noun no town's: in городе Германии and улицы
// Лондона the name is a genitive after the noun, not the noun's name.
const (
	kindOrg uint8 = iota
	kindCountry
	kindTown
	kindPart
	kindNature
	// kindBody is a state body's noun before its country (руководство
	// Грузии, делегация США): the two are one organization.
	kindBody
)

// descriptorTable is one language's data for [withDescriptors].
type descriptorTable struct {
	nouns      []descriptorNoun
	forms      map[string]uint8 // short nouns, as whole forms
	notNouns   []string         // prefixes of words that a stem catches but are no kind noun
	plural     []string         // endings of plural forms: компаний Oracle и Sun names several
	legalForms []string         // acronyms of legal forms, taken as they are (ООО «Алтек»)
	notAdj     []string         // words with adjective endings that are no part of a name
	notAdjEnds []string         // endings of nouns and participles that end as adjectives do
	adjEnds    []string
}

// descriptorTables holds the tables per model language.
var descriptorTables = map[string]descriptorTable{
	"ru": {
		nouns: slices.Concat(
			descriptorList(kindOrg, 3, `парти движени команд клуб компани газет корпораци агентств организаци
				концерн фонд холдинг банк завод комбинат телеканал радиостанци журнал издани портал
				профсоюз федераци ассоциаци издательств авиакомпани фирм предприяти групп театр телекомпани
				интернет-издани интернет-ресурс еженедельник альянс объединени комисси центр агенств
				администраци фракци медиакомпани`),
			descriptorList(kindOrg, 4, `сборн`),
			descriptorList(kindCountry, 3, `республик штат провинци округ графств княжеств эмират регион`),
			descriptorList(kindTown, 3, `город городок городк поселк поселок деревн местечк`),
			descriptorList(kindPart, 3, `район улиц площад проспект бульвар переул тюрьм порт аэропорт станци кварта`),
			descriptorList(kindNature, 3, `остров полуостров озер мыс залив пролив хребт`),
			descriptorList(kindBody, 3, `руководств делегаци ведомств служб представительств`)),
		forms: map[string]uint8{
			"река": kindNature, "реки": kindNature, "реке": kindNature, "реку": kindNature, "рекой": kindNature,
			"село": kindTown, "села": kindTown, "селе": kindTown, "селом": kindTown,
			"гора": kindNature, "горы": kindNature, "горе": kindNature, "гору": kindNature, "горой": kindNature,
			"сеть": kindOrg, "сети": kindOrg, "сетью": kindOrg,
			"дом": kindOrg, "дома": kindOrg, "доме": kindOrg, "дому": kindOrg, "домом": kindOrg,
		},
		notNouns: strings.Fields(`журналист банкир банкет банкнот портрет портфел портье клубник групповой
			фирменн озерн штатн районн городск окружн островн`),
		plural:     strings.Fields(`ах ях ами ями ам ям ов ев аний аций иций ений`),
		legalForms: strings.Fields(`ООО ЗАО ОАО ПАО АО НКО ГУП ФГУП МУП АНО`),
		notAdj: strings.Fields(`этой этого этом этому этих этими эти этот эта это той того том тому тех те
			тот та свой своей своего своем своём своих свою своя наш нашей нашего наших нашу
			ваш вашей вашего весь всей всего всех всю вся самый самого самой самом самых такой такого такие таких
			каждый каждой каждого другой другого других которая который которой которого которых
			новой нового новых новый новая новую одной одного одном один одна данным
			главой страной стороной`),
		notAdjEnds: strings.Fields(`ние тие щий щая щее щие щего щему щим щем щей щую щих щими`),
		adjEnds: strings.Fields(`ый ий ой ая яя ое ее ые ие ого его ому ему ым им ую юю ых их ыми ими
			ском цком ном ком нем шем жем чем щем`),
	},
}

func descriptorList(level uint8, max int, stems string) []descriptorNoun {
	var out []descriptorNoun
	for _, s := range strings.Fields(stems) {
		out = append(out, descriptorNoun{s, max, level})
	}
	return out
}

// kindOf reports whether w is a singular kind noun of the table, and the
// kind it names.
func (tab *descriptorTable) kindOf(w string) (kind uint8, ok bool) {
	lw := strings.ToLower(w)
	if k, ok := tab.forms[lw]; ok {
		return k, true
	}
	if hasPrefixAny(lw, tab.notNouns) || hasSuffixAny(lw, tab.plural) {
		return 0, false
	}
	for _, n := range tab.nouns {
		if rest, ok := foldPrefix(lw, n.stem); ok && rest <= n.max {
			return n.level, true
		}
	}
	return 0, false
}

// adjective reports a lower-case Cyrillic word with an adjective ending
// that may stand in a descriptor (социальной сети).
func (tab *descriptorTable) adjective(w string) bool {
	r, _ := runes.Decode(w)
	if !runes.IsLower(r) || !unicode.Is(unicode.Cyrillic, r) || runes.Count(w) < 4 || slices.Contains(tab.notAdj, w) {
		return false
	}
	return !hasSuffixAny(w, tab.notAdjEnds) && hasSuffixAny(w, tab.adjEnds)
}

// descriptorFits reports whether a kind noun of kind may name the mention
// m: an organization's noun an organization, a place's noun a place that
// the gazetteer does not rank above or below it (see kindCountry), a
// body's noun a country or first-level region.
func descriptorFits(kind uint8, m Mention, text string) bool {
	if m.Type == ORG || kind == kindOrg {
		return m.Type == ORG && kind == kindOrg
	}
	g := gazetteer()
	if g == nil {
		return kind != kindBody
	}
	k, ok := g.KindOf(text[m.Start:m.End])
	if kind == kindBody {
		return ok && (k == geo.Country || k == geo.Admin1)
	}
	switch {
	case !ok:
		return true
	case k == geo.Country || k == geo.Admin1:
		return kind != kindTown
	case k == geo.City:
		return kind == kindTown || kind == kindNature
	}
	return true
}

// maxDescriptorAdjectives bounds the adjectives taken before a kind noun.
const maxDescriptorAdjectives = 3

// withDescriptors extends each organization and place mention of ms to the
// kind noun right before it (an opening quote may stand between) and the
// adjectives before that noun, on the same line and outside other
// mentions. lang is the base language of the model that labelled text.
func withDescriptors(text string, toks []token.Token, ms []Mention, lang string) []Mention {
	tab, ok := descriptorTables[lang]
	if !ok {
		return ms
	}
	// An organization without a name (правительство, сборной) is no
	// mention in this convention, unless a place's adjective names its body
	// (американского правительства, российской сборной: [nationBodies]).
	ms = slices.DeleteFunc(ms, func(m Mention) bool {
		s := text[m.Start:m.End]
		words := strings.Fields(s)
		named := len(words) >= 2 && nationAdjective(words[0]) && nationBody(words[1])
		return m.Type == ORG && !named && !strings.ContainsFunc(s, func(r rune) bool { return runes.IsUpper(r) || unicode.IsDigit(r) })
	})
	prevEnd := 0
	for i := range ms {
		m := &ms[i]
		k := tokenAt(toks, m.Start)
		if m.Type != ORG && m.Type != LOC || k <= 0 {
			prevEnd = max(prevEnd, m.End)
			continue
		}
		j := k - 1
		quoted := false
		if j > 0 && openQuote(toks[j].Text) && toks[j].Newlines == 0 && toks[k].Newlines == 0 {
			j--
			quoted = true
		}
		if toks[j+1].Newlines > 0 || toks[j].Start < prevEnd {
			prevEnd = max(prevEnd, m.End)
			continue
		}
		w := toks[j].Text
		start := -1
		if kind, ok := tab.kindOf(toks[k].Text); ok && m.Type == ORG && kind == kindOrg && !quoted {
			// The mention starts with its kind noun: the adjectives before
			// it join (государственной Комиссии по атомной энергии).
			if a := tab.adjectivesBefore(toks, k, prevEnd); a < k {
				start = toks[a].Start
			}
		} else if m.Type == ORG && slices.Contains(tab.legalForms, w) {
			start = toks[j].Start
		} else if kind, ok := tab.kindOf(w); ok && (isLowerWord(w) || sentenceStart(toks, j)) && descriptorFits(kind, *m, text) {
			start = toks[tab.adjectivesBefore(toks, j, prevEnd)].Start
			if kind == kindBody {
				m.Type = ORG
			}
		}
		if start >= 0 {
			m.Start = start
			// A quote opened inside the mention closes inside it.
			if e := tokenAt(toks, m.End); quoted && e >= 0 && closeQuoteOf(toks[k-1].Text, toks[e].Text) {
				m.End = toks[e].End
			}
		}
		prevEnd = max(prevEnd, m.End)
	}
	return ms
}

// adjectivesBefore returns the index of the first of the adjectives
// ([descriptorTable.adjective], at most [maxDescriptorAdjectives]) right
// before toks[j] on its line and after prevEnd, or j if there are none.
func (tab *descriptorTable) adjectivesBefore(toks []token.Token, j, prevEnd int) int {
	for n := 0; n < maxDescriptorAdjectives && j > 0; n++ {
		a := toks[j-1]
		if toks[j].Newlines > 0 || a.Start < prevEnd || !tab.adjective(a.Text) {
			break
		}
		j--
	}
	return j
}

// withoutDescriptors starts an organization or place mention of ms that
// begins with a kind noun of lang's table (or a legal form), after
// adjectives, at the name that follows the noun: a capitalized word, or a
// quoted name, whose quotes are then left out too.
func withoutDescriptors(text string, toks []token.Token, ms []Mention, lang string) []Mention {
	tab, ok := descriptorTables[lang]
	if !ok {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		k := tokenAt(toks, m.Start)
		if m.Type != ORG && m.Type != LOC || k < 0 {
			continue
		}
		j := k
		for j < len(toks) && toks[j].End < m.End && j-k < maxDescriptorAdjectives && tab.adjective(toks[j].Text) {
			j++
		}
		if j+1 >= len(toks) || toks[j+1].End > m.End {
			continue
		}
		w := toks[j].Text
		kind, isKind := tab.kindOf(w)
		legal := slices.Contains(tab.legalForms, w)
		if !legal && (!isKind || kind == kindBody || !isLowerWord(w) && !sentenceStart(toks, j)) {
			continue // a body's noun makes one name with its country
		}
		n := j + 1
		quote := ""
		if openQuote(toks[n].Text) {
			quote = toks[n].Text
			n++
		}
		if n >= len(toks) || toks[n].End > m.End || toks[n].Newlines > 0 {
			continue
		}
		r, _ := runes.Decode(toks[n].Text)
		if !runes.IsUpper(r) && !unicode.IsDigit(r) && quote == "" {
			continue
		}
		// A capitalized noun at a sentence start may begin an
		// organization's name itself (Банк России, Театр Вахтангова): only a
		// quoted or Latin-script name is taken to follow it (Компания
		// Microsoft). Places are named after their noun (Река Волга).
		if m.Type == ORG && !legal && !isLowerWord(w) && quote == "" && r >= 0x250 {
			continue
		}
		m.Start = toks[n].Start
		if quote != "" {
			// Leave out the closing quote when it ends the mention.
			for e := n; e < len(toks) && toks[e].End <= m.End; e++ {
				if toks[e].End == m.End && e > n && closeQuoteOf(quote, toks[e].Text) {
					m.End = toks[e-1].End
				}
			}
		}
	}
	return ms
}

// maxQuotedName bounds the tokens of a quoted name that quotedKindOrgs
// takes.
const maxQuotedName = 6

// quotedKindOrgs makes a quoted name right after an organization's kind
// noun or a legal form an organization when no mention touches it:
// радиостанции «Эхо Москвы», газета «Труд», ЗАО «Медиа-Мост». The mention
// is the name inside the quotes.
func quotedKindOrgs(toks []token.Token, ms []Mention, lang string) []Mention {
	tab, ok := descriptorTables[lang]
	if !ok {
		return ms
	}
	var add []Mention
	for j, t := range freeTokens(toks, ms) {
		if j+2 >= len(toks) || t.Kind != token.Word || !openQuote(toks[j+1].Text) || toks[j+1].Newlines > 0 {
			continue
		}
		kind, isKind := tab.kindOf(t.Text)
		if !(isKind && kind == kindOrg && (isLowerWord(t.Text) || sentenceStart(toks, j))) && !slices.Contains(tab.legalForms, t.Text) {
			continue
		}
		first := j + 2
		if r, _ := runes.Decode(toks[first].Text); !runes.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		end := -1
		for e := first; e < len(toks) && e < first+maxQuotedName && toks[e].Newlines == 0; e++ {
			if closeQuoteOf(toks[j+1].Text, toks[e].Text) {
				end = e
				break
			}
		}
		if end <= first {
			continue
		}
		m := Mention{Start: toks[first].Start, End: toks[end-1].End, Type: ORG}
		if overlapsAny(ms, m) {
			continue
		}
		add = append(add, m)
	}
	ms = withAdded(ms, add)
	return quotedKindRetype(toks, ms, tab)
}

// quotedKindRetype makes the places and people inside a quoted name right
// after an organization's kind noun one organization mention of the whole
// name: радиостанции «Говорит Москва», телеканал «Россия». A mention that
// crosses the quotes, or an organization inside them, leaves it alone.
func quotedKindRetype(toks []token.Token, ms []Mention, tab descriptorTable) []Mention {
	var out []Mention
	changed := false
	k := 0
	for j := 0; j+2 < len(toks); j++ {
		t := toks[j]
		if t.Kind != token.Word || !openQuote(toks[j+1].Text) || toks[j+1].Newlines > 0 {
			continue
		}
		kind, isKind := tab.kindOf(t.Text)
		if !isKind || kind != kindOrg || !isLowerWord(t.Text) {
			continue
		}
		if r, _ := runes.Decode(toks[j+2].Text); !runes.IsUpper(r) {
			continue // a quoted phrase, not a name
		}
		end := -1
		for e := j + 2; e < len(toks) && e < j+2+maxQuotedName && toks[e].Newlines == 0; e++ {
			if closeQuoteOf(toks[j+1].Text, toks[e].Text) {
				end = e
				break
			}
		}
		if end <= j+2 {
			continue
		}
		whole := Mention{Start: toks[j+2].Start, End: toks[end-1].End, Type: ORG}
		for k < len(ms) && ms[k].End <= whole.Start {
			k++
		}
		n := k
		ok := n < len(ms) && ms[n].Start < whole.End
		for ; n < len(ms) && ms[n].Start < whole.End; n++ {
			if ms[n].Start < whole.Start || ms[n].End > whole.End || ms[n].Type != LOC && ms[n].Type != PER {
				ok = false
			}
		}
		if !ok {
			continue
		}
		if !changed {
			out = append(out, ms...)
			changed = true
		}
		whole.Language = ms[k].Language
		out = slices.DeleteFunc(out, func(x Mention) bool { return x.Start >= whole.Start && x.End <= whole.End })
		out = append(out, whole)
	}
	if !changed {
		return ms
	}
	sortByStart(out)
	return out
}

// overlapsAny reports whether m overlaps a mention of ms.
func overlapsAny(ms []Mention, m Mention) bool {
	for _, x := range ms {
		if x.Start < m.End && m.Start < x.End {
			return true
		}
	}
	return false
}
