package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// Russian rules after decoding for what the tagger splits or mistypes in a
// way that factRuEval and NEREL annotate alike. Each was checked against the
// conventions of both corpora (NEREL train, factRuEval devset) before it was
// written; conventions where the two differ (descriptors before names:
// агентству Рейтер, реки Славянки) are left to the model.

// ruGovNouns are Russian nouns of state bodies and teams that form one
// organization name with the place in the genitive after them (мэрии
// Москвы, правительства Киргизии, сборной Бразилии, посольства США): both
// corpora mark the whole as one organization. Bodies that the corpora
// mark both ways are left out (власти Москвы, суд Москвы, руководство
// Грузии, спецслужбы Северной Кореи). Each entry is a stem and the most
// runes an ending may add.
var ruGovNouns = []struct {
	stem string
	max  int
}{
	{"правительств", 4}, {"администраци", 3}, {"министерств", 4}, {"парламент", 3},
	{"посольств", 4}, {"мэри", 3}, {"департамент", 3}, {"полици", 3}, {"прокуратур", 3},
	{"генштаб", 3}, {"сборн", 4}, {"сенат", 3}, {"конгресс", 3}, {"минюст", 3}, {"минфин", 3},
	{"минобороны", 0}, {"госдеп", 8}, {"минздрав", 3}, {"генпрокуратур", 3}, {"кабмин", 3}, {"кабинет", 3},
}

// isRuGovNoun reports a word (any case form, any capitalization) of
// [ruGovNouns]. Сборник, сенатор and конгрессмен and their forms are
// none.
func isRuGovNoun(w string) bool {
	r, _ := runes.Decode(w)
	switch runes.ToLower(r) {
	case 'п', 'а', 'м', 'д', 'г', 'с', 'к': // the stems' first letters: most words stop here
	default:
		return false
	}
	for _, n := range ruGovNouns {
		if rest, ok := foldPrefix(w, n.stem); ok && rest <= n.max {
			for _, x := range []string{"сборник", "сенатор", "конгрессмен"} {
				if _, ok := foldPrefix(w, x); ok {
					return false // a book, a person
				}
			}
			return true
		}
	}
	return false
}

// ruGenitiveWord reports a lower-case Cyrillic word that may stand between
// a body's noun and its place as part of the name (министерства юстиции
// США, департамента здравоохранения Москвы): a noun or adjective in the
// genitive, not a preposition, conjunction or verb.
func ruGenitiveWord(w string) bool {
	if w == "дел" {
		return true // министерства иностранных дел
	}
	r, _ := runes.Decode(w)
	if !unicode.Is(unicode.Cyrillic, r) || !runes.IsLower(r) || runes.Count(w) < 4 {
		return false
	}
	for _, e := range []string{"ли", "ла", "ло", "ть", "ет", "ит", "ют", "ят", "ут", "ат", "ся", "сь"} {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	for _, e := range []string{"а", "я", "ы", "и", "ов", "ев", "ей", "ий", "ого", "его", "ых", "их", "ой", "дел"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// foldPrefix reports whether w starts with stem, a lower-case word with е
// for ё, ignoring case and ё, and how many runes of w follow it. It does not
// allocate: the rules call it for many tokens.
func foldPrefix(w, stem string) (rest int, ok bool) {
	i := 0
	for _, want := range stem {
		if i >= len(w) {
			return 0, false
		}
		r, n := runes.Decode(w[i:])
		r = runes.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		if r != want {
			return 0, false
		}
		i += n
	}
	return runes.Count(w[i:]), true
}

// cyrCapital reports a word that starts with a Cyrillic capital letter.
func cyrCapital(w string) bool {
	r, _ := runes.Decode(w)
	return unicode.Is(unicode.Cyrillic, r) && runes.IsUpper(r)
}

// tokenAt returns the index of the token that starts at byte offset pos, or
// -1.
func tokenAt(toks []token.Token, pos int) int {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= pos })
	if k < len(toks) && toks[k].Start == pos {
		return k
	}
	return -1
}

// ruOrgOfPlace joins a Cyrillic place mention to the organization before it
// when the two make one name with the place in the genitive: an
// organization mention right before it on the same line (Министерство
// обороны России, МВД Киргизии), or a noun of [ruGovNouns], possibly
// followed by genitive words, that is in no mention (мэрии Москвы,
// департамента культуры Москвы). The place becomes part of one ORG
// mention. A place coordinated with another (правительства России и
// Белоруссии) is left alone: the corpora do not agree on it.
func ruOrgOfPlace(text string, toks []token.Token, ms []Mention) []Mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Type != LOC || !cyrCapital(m.textIn(text)) {
			out = append(out, m)
			continue
		}
		k := tokenAt(toks, m.Start)
		if k <= 0 || toks[k].Newlines > 0 || coordinatedAfter(text, ms, i) {
			out = append(out, m)
			continue
		}
		// An organization mention ends right before the place.
		if n := len(out); n > 0 && out[n-1].Type == ORG && out[n-1].End == toks[k-1].End &&
			text[out[n-1].End:m.Start] == " " && orgJoinsPlace(out[n-1].textIn(text)) {
			out[n-1].End = m.End
			continue
		}
		// A body's noun and genitive words, in no mention.
		j := k - 1
		prevEnd := 0
		if n := len(out); n > 0 {
			prevEnd = out[n-1].End
		}
		for g := 0; g < 2 && j > 0 && toks[j].Start >= prevEnd && toks[j+1].Newlines == 0 && ruGenitiveWord(toks[j].Text) && !isRuGovNoun(toks[j].Text); g++ {
			j--
		}
		if j >= 0 && toks[j].Start >= prevEnd && toks[j+1].Newlines == 0 && isRuGovNoun(toks[j].Text) {
			m.Start, m.Type = toks[j].Start, ORG
			// An adjective of the body's level or kind before it is part of
			// the name (федеральная прокуратура Бельгии, государственный
			// департамент США).
			if j > 0 && toks[j-1].Start >= prevEnd && toks[j].Newlines == 0 && bodyAdjective(toks[j-1].Text) {
				m.Start = toks[j-1].Start
			}
		}
		out = append(out, m)
	}
	return out
}

// textIn returns the mention's text in text (its Text field is filled in
// only at the end of extractChunk).
func (m Mention) textIn(text string) string { return text[m.Start:m.End] }

// coordinatedAfter reports a place mention ms[i] followed by a comma or "и"
// and another place mention.
func coordinatedAfter(text string, ms []Mention, i int) bool {
	if i+1 >= len(ms) || ms[i+1].Type != LOC {
		return false
	}
	switch strings.TrimSpace(text[ms[i].End:ms[i+1].Start]) {
	case ",", "и", "или":
		return true
	}
	return false
}

// orgJoinsPlace reports an organization mention that a genitive place may
// complete: its last word is Cyrillic (МВД, Министерство обороны), not a
// closing quote or a Latin-script name.
func orgJoinsPlace(s string) bool {
	last := s[strings.LastIndexByte(s, ' ')+1:]
	r, _ := utf8.DecodeLastRuneInString(last)
	return unicode.Is(unicode.Cyrillic, r)
}

// ruRules runs the rules of this file, in order, on text labelled with the
// Russian model (model is the base language of that model): Ukrainian
// (SlavicNER) and Kazakh (KazNERD) annotate an organization and the place
// after it as two names (Верховний суд США; Еуропалық Одақтың Орталық Азия),
// and Kazakh puts the genitive first.
func ruRules(text string, toks []token.Token, ms []Mention, model string) []Mention {
	if model != "ru" {
		return ms
	}
	ms = congressOrgs(text, ms)
	ms = splitPersons(text, ms)
	ms = joinInitials(text, ms)
	ms = joinParticles(text, toks, ms)
	ms = trimTitles(text, ms)
	ms = ruOrgOfPlace(text, toks, ms)
	ms = nationBodies(text, toks, ms)
	ms = celestialPlaces(toks, ms)
	ms = namedAfter(text, toks, ms)
	ms = surnameTypes(text, ms)
	ms = stemMajority(text, toks, ms)
	ms = placePersons(text, ms)
	ms = surnameForms(text, toks, ms)
	ms = untaggedCountries(toks, ms)
	ms = chambers(toks, ms)
	ms = orgTopics(text, toks, ms)
	ms = adjectiveOrgs(toks, ms)
	ms = fieldLists(text, toks, ms)
	ms = reportSources(text, toks, ms)
	ms = addressOrgs(text, toks, ms)
	ms = latinNames(text, toks, ms)
	ms = splitPrepPlace(text, toks, ms)
	ms = eventKindNames(toks, ms)
	ms = trimAdjectiveTails(text, ms)
	ms = commonAcronyms(text, ms)
	return ms
}

// ruCelestial are the Russian names of the Moon, the Sun and planets, as
// stems with the endings of their case forms: both corpora mark them as
// places (на Луне, полюсах Марса, жителем Земли), where the tagger takes
// Луну or Марс for a person. Венера and Меркурий are also given names
// and are left out.
var ruCelestial = []struct{ stem, ends string }{
	{"лун", "аыеуойю"}, {"марс", "аеуо"}, {"земл", "яиеюёй"}, {"солнц", "аеуо"}, {"юпитер", "аеуо"},
	{"сатурн", "аеуо"}, {"нептун", "аеуо"}, {"плутон", "аеуо"},
}

// celestialName reports a capitalized word that is a case form of
// [ruCelestial] (Луна, Луной, Марсом, Земле).
func celestialName(w string) bool {
	r, _ := runes.Decode(w)
	switch r {
	case 'Л', 'М', 'З', 'С', 'Ю', 'Н', 'П': // the stems' first letters: most words stop here
	default:
		return false
	}
	for _, c := range ruCelestial {
		stem, ends := c.stem, c.ends
		n, ok := foldPrefix(w, stem)
		if !ok {
			continue
		}
		rest := lastRunes(w, n)
		r, _ := runes.Decode(rest)
		switch {
		case n == 0:
			return stem == "марс" || stem == "юпитер" || stem == "сатурн" || stem == "нептун" || stem == "плутон"
		case n == 1:
			return strings.ContainsRune(ends, r)
		case n == 2:
			return rest == "ом" || rest == "ой" || rest == "ею"
		}
	}
	return false
}

// celestialPlaces makes a one-word person or organization mention that is
// a celestial name ([celestialName]) a place, and marks such a word as a
// place where it stands untagged inside a sentence (a capital there is a
// name).
func celestialPlaces(toks []token.Token, ms []Mention) []Mention {
	var add []Mention
	k := 0
	for i, t := range toks {
		if t.Kind != token.Word || !celestialName(t.Text) {
			continue
		}
		for k < len(ms) && ms[k].End <= t.Start {
			k++
		}
		switch {
		case k < len(ms) && ms[k].Start == t.Start && ms[k].End == t.End:
			if ms[k].Type == PER || ms[k].Type == ORG {
				ms[k].Type = LOC
			}
		case k < len(ms) && ms[k].Start < t.End:
			// inside a longer mention
		case i > 0 && t.Newlines == 0 && !sentenceEnd(toks[i-1].Text) && !(toks[i-1].Kind == token.Word && isCapital(toks[i-1].Text)):
			// Not after a capitalized word: part of a title (Пляска Солнца).
			add = append(add, Mention{Start: t.Start, End: t.End, Type: LOC})
		}
	}
	return withAdded(ms, add)
}

// sentenceEnd reports a token that may end a sentence.
func sentenceEnd(p string) bool {
	switch p {
	case ".", "!", "?", "…", ":", "«", "\"", "„", "(", "—", "-", "–":
		return true
	}
	return false
}

// ruInstitutions are stems of Russian nouns of institutions that are named
// after a person (театр имени Вахтангова, МГУ им. Ломоносова, больнице
// имени Кащенко): both corpora mark the institution with the person's name
// as one organization. Places and facilities named so (стадион, аэропорт,
// площадь) are left out: NEREL marks them as facilities.
var ruInstitutions = strings.Fields(`театр институт университет училищ академи музе филармони консерватори
	завод больниц библиотек школ гимнази лицей колледж хор центр комбинат фабрик ансамбл оркестр
	клиник госпитал студи цирк полк батальон дивизи бригад`)

// isInstitution reports a word of [ruInstitutions] (at most four runes of
// ending) or a Cyrillic acronym (МХТ, НИИ, МГУ).
func isInstitution(w string) bool {
	if runes.Count(w) >= 2 && runes.Count(w) <= 6 && allCaps(w) && cyrCapital(w) {
		return true
	}
	for _, h := range ruInstitutions {
		if rest, ok := foldPrefix(w, h); ok && rest <= 4 {
			return true
		}
	}
	return false
}

// namedAfter joins an institution and the name after имени or им. into one
// organization mention: Музыкального театра имени Станиславского и
// Немировича-Данченко, театре им. Галиаскара Камала. The institution is an
// organization mention that ends right before имени and has an
// institution word ([isInstitution]), or such a word in no mention; the
// name is a run of capitalized words and initials, two names joined by и
// included.
func namedAfter(text string, toks []token.Token, ms []Mention) []Mention {
	for i := 1; i+1 < len(toks); i++ {
		w := toks[i].Text
		next := i + 1
		switch {
		case w == "имени":
		case w == "им" && toks[i+1].Text == "." && i+2 < len(toks):
			next = i + 2
		default:
			continue
		}
		// The institution.
		start, end := -1, -1
		k := sort.Search(len(ms), func(j int) bool { return ms[j].End > toks[i-1].Start })
		switch {
		case k < len(ms) && ms[k].Start < toks[i].Start:
			m := ms[k]
			if m.Type != ORG || m.End != toks[i-1].End && m.End <= toks[next].Start {
				continue
			}
			if m.End > toks[next].Start {
				// The mention has the name already (Музыкального
				// театра имени Станиславского); a second one may follow.
				end = sort.Search(len(toks), func(j int) bool { return toks[j].End > m.End }) - 1
			}
			first := tokenAt(toks, m.Start)
			if first < 0 {
				continue
			}
			for _, t := range toks[first:i] {
				if isInstitution(t.Text) {
					start = m.Start
					break
				}
			}
		case isInstitution(toks[i-1].Text) && toks[i].Newlines == 0:
			start = toks[i-1].Start
		}
		if start < 0 {
			continue
		}
		// The name.
		if end < 0 {
			end = nameEnd(toks, ms, next)
		}
		if end < 0 {
			continue
		}
		if j := end + 1; j+1 < len(toks) && toks[j].Text == "и" && toks[j+1].Newlines == 0 {
			// A second name (имени Станиславского и Немировича-Данченко):
			// only a person mention, not another institution (Театре имени
			// Ермоловой и МХТ имени Чехова).
			if e2 := personEnd(toks, ms, j+1); e2 >= 0 {
				end = e2
			}
		}
		a, b := start, toks[end].End
		out := ms[:0:0]
		for _, m := range ms {
			if m.End <= a || m.Start >= b {
				out = append(out, m)
			}
		}
		out = append(out, Mention{Start: a, End: b, Type: ORG})
		sortByStart(out)
		ms = out
		i = end
	}
	return ms
}

// nameEnd returns the index of the last token of a person's name that
// starts at toks[i]: the end of a person mention that starts there, else
// initials (А., А.П.) and one or two capitalized words on the same line;
// -1 if no name starts there.
func nameEnd(toks []token.Token, ms []Mention, i int) int {
	if j := personEnd(toks, ms, i); j >= 0 {
		return j
	}
	last, words := -1, 0
	for j := i; j < len(toks) && words < 2; j++ {
		t := toks[j]
		if t.Newlines > 0 || t.Kind != token.Word {
			break
		}
		r, _ := runes.Decode(t.Text)
		if !runes.IsUpper(r) {
			break
		}
		if strings.HasSuffix(t.Text, ".") {
			continue // an initial
		}
		if j+1 < len(toks) && toks[j+1].Text == "." && runes.Count(t.Text) == 1 {
			j++ // an initial split from its dot
			continue
		}
		last, words = j, words+1
	}
	return last
}

// personEnd returns the index of the last token of the person mention that
// starts at toks[i], or -1.
func personEnd(toks []token.Token, ms []Mention, i int) int {
	k := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= toks[i].Start })
	if k >= len(ms) || ms[k].Start != toks[i].Start || ms[k].Type != PER {
		return -1
	}
	j := i
	for j+1 < len(toks) && toks[j+1].End <= ms[k].End {
		j++
	}
	return j
}

// ruSurnameEndings are the case endings of Russian surnames and of foreign
// names declined in Russian (Лужкова, Лужковым; Кана, Каном), longest
// first.
var ruSurnameEndings = strings.Fields(`ого ому ым ом ой ей ем ий а у е ы и ю`)

// surnameStem returns w without a case ending, keeping at least three
// runes. The name's capital stays: the stems are compared with each other
// only, and slicing w does not allocate.
func surnameStem(w string) string {
	n := runes.Count(w)
	for _, e := range ruSurnameEndings {
		if strings.HasSuffix(w, e) && n-runes.Count(e) >= 3 {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// surnameTypes makes a one-word place or organization mention a person
// when its word, in any case form, is the last word of a person mention of
// two or more words in the same text (Оливер Кан … Каном; Юрий Лужков …
// мэр города Лужков): both corpora mark such repeats as people. Well-known
// places give no surname (Джордж Вашингтон does not make Вашингтон a
// person: [bigPlace]), nor does a person mention that ends in a place or
// an adjective (Нетаньяху Иерусалим, Роман Коноплев Русской), and a
// country keeps its type. The gazetteer is not asked about the mention itself beyond that:
// its tolerance of case endings reads Кана and Кану as Kano.
func surnameTypes(text string, ms []Mention) []Mention {
	var stems map[string]bool
	for _, m := range ms {
		s := m.textIn(text)
		i := strings.LastIndexByte(s, ' ')
		last := s[i+1:]
		if m.Type != PER || i < 0 || !cyrCapital(last) || runes.Count(last) < 3 || placeAdjective(last) || bigPlace(last) {
			continue // no surname, or a name run into a place (Нетаньяху Иерусалим)
		}
		if stems == nil {
			stems = map[string]bool{}
		}
		stems[surnameStem(last)] = true
	}
	if stems == nil {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		s := m.textIn(text)
		if m.Type != LOC && m.Type != ORG || strings.ContainsAny(s, " -") || !cyrCapital(s) || !stems[surnameStem(s)] {
			continue
		}
		if m.Type == LOC && countryName(s) {
			continue
		}
		m.Type = PER
	}
	return ms
}

// bigPlace reports a name that the gazetteer knows as a country, a
// first-level division or a city of 300,000 people or more (Washington,
// Jerusalem; Caen, 110,000, is also a surname: Кан).
func bigPlace(s string) bool {
	g := gazetteer()
	if g == nil || !seqtag.IsPlace(s) { // cached; the tagger's features asked already
		return false
	}
	kind, ok := g.KindOf(s) // no allocation: most words are no places
	if !ok {
		return false
	}
	if kind == geo.Country || kind == geo.Admin1 {
		return true
	}
	cands, _ := g.Lookup(s)
	for _, c := range cands {
		switch {
		case c.Kind == geo.Country, c.Kind == geo.Admin1:
			return true
		case c.Kind == geo.City && c.Population >= 300_000:
			return true
		}
	}
	return false
}

// placeAdjective reports a word in an oblique form of an adjective in -ский
// or -цкий (Русской, Московскую), which names no person on its own.
func placeAdjective(w string) bool {
	for _, e := range []string{"ской", "ского", "скому", "скую", "ском", "ских", "цкой", "цкого", "цкому", "цкую", "цком"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// countryName reports a name whose best gazetteer candidate (towns of under
// 1,000 people aside) is a country.
func countryName(s string) bool {
	g := gazetteer()
	if g == nil || !seqtag.IsPlace(s) { // cached; the tagger's features asked already
		return false
	}
	kind, ok := g.KindOf(s)
	return ok && kind == geo.Country
}

// stemMajority gives one-word Cyrillic person and place mentions the type
// that the same word, in any case form, has more often in the text:
// a person more often a place becomes a place if the gazetteer knows the
// word, a place more often a person becomes a person unless it is a
// country or a noun for a kind of place stands before it (на реке Эльба).
func stemMajority(text string, toks []token.Token, ms []Mention) []Mention {
	var n map[string][2]int // PER, LOC
	conflict := false
	for _, m := range ms {
		s := m.textIn(text)
		if m.Type != PER && m.Type != LOC || strings.ContainsAny(s, " -") || !cyrCapital(s) {
			continue
		}
		if n == nil {
			n = map[string][2]int{}
		}
		k := surnameStem(s)
		c := n[k]
		if m.Type == PER {
			c[0]++
		} else {
			c[1]++
		}
		n[k] = c
		conflict = conflict || c[0] > 0 && c[1] > 0
	}
	if !conflict {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		s := m.textIn(text)
		if m.Type != PER && m.Type != LOC || strings.ContainsAny(s, " -") || !cyrCapital(s) {
			continue
		}
		c := n[surnameStem(s)]
		switch {
		case m.Type == PER && c[1] > c[0] && seqtag.IsPlace(s):
			m.Type = LOC
		case m.Type == LOC && c[0] > c[1] && !countryName(s):
			if k := tokenAt(toks, m.Start); k > 0 && placeNounBefore(toks[k-1].Text) {
				continue
			}
			m.Type = PER
		}
	}
	return ms
}

// ruPlaceKinds are stems of Russian nouns for kinds of places that stand
// before a place's name (на реке Эльба, в городе Феникс).
var ruPlaceKinds = strings.Fields(`рек город сел деревн поселк посёлк остров озер област район штат провинци
	столиц мыс залив пролив гор улиц площад`)

// placeNounBefore reports a lower-case word of [ruPlaceKinds], with at most
// three runes of ending.
func placeNounBefore(w string) bool {
	r, _ := runes.Decode(w)
	if !runes.IsLower(r) {
		return false
	}
	for _, h := range ruPlaceKinds {
		if strings.HasPrefix(w, h) && runes.Count(w)-runes.Count(h) <= 3 {
			return true
		}
	}
	return false
}

// surnameForms marks an untagged capitalized Cyrillic word inside a
// sentence as a person when it is a case form of the surname of a person
// mention of two or more words in the text (Юрий Лужков … у Лужкова): the
// tagger's repeat rule ([propagate]) takes exact repeats only.
func surnameForms(text string, toks []token.Token, ms []Mention) []Mention {
	stems := map[string]bool{}
	for _, m := range ms {
		s := m.textIn(text)
		i := strings.LastIndexByte(s, ' ')
		if m.Type != PER || i < 0 {
			continue
		}
		last := s[i+1:]
		if cyrCapital(last) && runes.Count(last) >= 4 && !placeAdjective(last) && !bigPlace(last) {
			stems[surnameStem(last)] = true
		}
	}
	if len(stems) == 0 {
		return ms
	}
	var add []Mention
	for i, t := range freeTokens(toks, ms) {
		if t.Kind != token.Word || !cyrCapital(t.Text) || strings.Contains(t.Text, "-") {
			continue
		}
		if i == 0 || t.Newlines > 0 || sentenceEnd(toks[i-1].Text) || !stems[surnameStem(t.Text)] {
			continue
		}
		add = append(add, Mention{Start: t.Start, End: t.End, Type: PER})
	}
	return withAdded(ms, add)
}

// ruTopicHeads are stems of Russian nouns of committees and agencies whose
// names go on with по and their field (Комитета по иностранным делам,
// Агентство по страхованию вкладов): both corpora mark the field as part
// of the name.
var ruTopicHeads = strings.Fields(`комитет комисси совет центр агентств бюро служб управлени департамент отдел
	групп организаци фонд`)

// ruByPhrases are words after по that make an adverbial phrase, not a field
// (по данным, по словам, по итогам).
var ruByPhrases = strings.Fields(`результат данн слов мнени итог повод дел случа причин приглашени решени
	просьб инициатив требовани сведени информаци оценк подсчет заказ состояни линии ошибк техническ
	подозрени обвинени факт неосторожност указани приказ специальност поручени предложени просьб согласовани`)

// ruStopWords end the field of an organization's name: prepositions and
// words that start another phrase.
var ruStopWords = map[string]bool{"в": true, "на": true, "с": true, "со": true, "от": true, "для": true, "о": true,
	"об": true, "к": true, "из": true, "у": true, "при": true, "по": true, "до": true, "после": true, "что": true,
	"как": true, "который": true, "которая": true, "которое": true, "которые": true, "не": true,
	// Nouns of a person's office start the phrase after the name (… общества глава РФ).
	"глава": true, "председатель": true, "президент": true, "министр": true, "директор": true,
	"руководитель": true, "заместитель": true, "член": true, "спикер": true}

// orgTopics extends a Cyrillic organization mention that ends in a word of
// [ruTopicHeads], or in a place after one, or that starts with one and
// goes on with при (Совета при Президенте РФ), over по and the lower-case
// words of its field, at most four, two joined by и included; a verb or a
// participle, a preposition or punctuation ends the field.
func orgTopics(text string, toks []token.Token, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != ORG {
			continue
		}
		k := sort.Search(len(toks), func(j int) bool { return toks[j].Start >= m.End })
		if k+1 >= len(toks) || toks[k].Text != "по" || toks[k].Newlines > 0 || i+1 < len(ms) && ms[i+1].Start <= toks[k+1].Start {
			continue
		}
		head := false
		for j := k - 1; j >= 0 && toks[j].Start >= m.Start; j-- {
			if j < k-3 && !(toks[j].Start == m.Start && strings.Contains(text[m.Start:m.End], " при ")) {
				continue // a head further left only before при (Совета при Президенте РФ | по развитию …)
			}
			for _, h := range ruTopicHeads {
				if rest, ok := foldPrefix(toks[j].Text, h); ok && rest <= 4 {
					head = true
				}
			}
		}
		if !head {
			continue
		}
		byPhrase := false
		for _, h := range ruByPhrases {
			_, ok := foldPrefix(toks[k+1].Text, h)
			byPhrase = byPhrase || ok
		}
		if byPhrase {
			continue
		}
		end := -1
		for j := k + 1; j < len(toks) && j <= k+4 && toks[j].Newlines == 0; j++ {
			w := toks[j].Text
			r, _ := runes.Decode(w)
			if toks[j].Kind != token.Word || !unicode.Is(unicode.Cyrillic, r) || !runes.IsLower(r) || ruStopWords[w] || verbLike(w) {
				break
			}
			if i+1 < len(ms) && ms[i+1].Start < toks[j].End {
				break
			}
			if w != "и" {
				end = j
			}
		}
		if end > k {
			m.End = toks[end].End
		}
	}
	return ms
}

// verbLike reports a Russian word with the ending of a verb or a short
// participle (заявил, стал, объявлен, будет, считают).
func verbLike(w string) bool {
	for _, e := range []string{"л", "ла", "ли", "ло", "ет", "ит", "ют", "ят", "ут", "ать", "ить", "еть", "ся", "сь", "ен", "ена", "ено", "ены", "ан", "ана", "ано", "аны", "ат"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// congressOrgs gives back the type ORG to a mention that the event rule
// ([eventHeaded]) took for an event because a word of it is конгресс, when
// that word is capitalized and only capitalized words follow it: a
// legislature (Конгресса США, нижней палате Конгресса), as both corpora
// annotate; a congress that meets (конгресса УЕФА) is written in lower
// case.
func congressOrgs(text string, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != EVENT {
			continue
		}
		words := strings.Fields(m.textIn(text))
		at := -1
		for j, w := range words {
			if rest, ok := foldPrefix(w, "конгресс"); ok && rest <= 3 && cyrCapital(w) {
				at = j
			}
		}
		if at < 0 || strings.ContainsAny(m.textIn(text), "0123456789") {
			continue
		}
		ok := true
		for _, w := range words[at+1:] {
			r, _ := runes.Decode(w)
			ok = ok && runes.IsUpper(r)
		}
		if ok {
			m.Type = ORG
		}
	}
	return ms
}

// placePersons makes a Cyrillic person mention of one word a place when
// the gazetteer's best candidate for it is a country or a city of a million
// people (просили Анкару, Мехико гарантирует) and no person mention of two
// or more words in the text has the word in any case form (Кобе Брайант).
func placePersons(text string, ms []Mention) []Mention {
	g := gazetteer()
	if g == nil {
		return ms
	}
	var surnames map[string]bool
	for i := range ms {
		m := &ms[i]
		s := m.textIn(text)
		if m.Type != PER || strings.Contains(s, " ") || !cyrCapital(s) || !seqtag.IsPlace(s) {
			continue
		}
		kind, ok := g.KindOf(s)
		if !ok || kind != geo.Country && kind != geo.City {
			continue
		}
		if kind == geo.City {
			if cands, _ := g.Lookup(s); len(cands) == 0 || cands[0].Population < 1_000_000 {
				continue
			}
		}
		if surnames == nil {
			surnames = map[string]bool{}
			for _, o := range ms {
				t := o.textIn(text)
				if o.Type == PER && strings.Contains(t, " ") {
					for _, w := range strings.Fields(t) {
						surnames[surnameStem(w)] = true
					}
				}
			}
		}
		if !surnames[surnameStem(s)] {
			m.Type = LOC
		}
	}
	return ms
}

// splitPersons splits a place or an organization off a Cyrillic person
// mention that the tagger ran into it: a last word that the gazetteer
// knows as a country, after two or more words or written as an acronym
// (Кима Чен Ира КНДР → Кима Чен Ира, КНДР; not Мартин Куба), and a first
// word that is an acronym with two or more words after it (МИДа Сэйдзи
// Маэхара → МИДа, Сэйдзи Маэхара). Neither corpus lets a person's name
// take them in.
func splitPersons(text string, ms []Mention) []Mention {
	var out []Mention
	changed := false
	for _, m := range ms {
		s := m.textIn(text)
		sp := strings.LastIndexByte(s, ' ')
		if m.Type != PER || sp < 0 || !cyrCapital(s) {
			out = append(out, m)
			continue
		}
		head, last := strings.TrimRight(s[:sp], " "), s[sp+1:]
		if head == "" || last == "" {
			out = append(out, m)
			continue
		}
		prev := head[strings.LastIndexByte(head, ' ')+1:]
		if cyrCapital(last) && !placePrefix[prev] && (strings.Contains(head, " ") || acronymForm(last)) && countryName(last) && !seqtag.IsPlace(s) {
			out = append(out, Mention{Start: m.Start, End: m.Start + len(head), Type: PER, Language: m.Language},
				Mention{Start: m.Start + sp + 1, End: m.End, Type: LOC, Language: m.Language})
			changed = true
			continue
		}
		first := s[:strings.IndexByte(s, ' ')]
		if rest := strings.TrimLeft(s[len(first):], " "); strings.Count(strings.TrimSpace(rest), " ") >= 1 && acronymForm(first) {
			out = append(out, Mention{Start: m.Start, End: m.Start + len(first), Type: ORG, Language: m.Language},
				Mention{Start: m.End - len(rest), End: m.End, Type: PER, Language: m.Language})
			changed = true
			continue
		}
		out = append(out, m)
	}
	if !changed {
		return ms
	}
	return out
}

// acronymForm reports a Cyrillic acronym of two or more capitals, possibly
// with a case ending of at most two lower-case letters (МИД, МИДа, ФСБ).
func acronymForm(w string) bool {
	caps, lower := 0, 0
	for _, r := range w {
		switch {
		case !unicode.Is(unicode.Cyrillic, r):
			return false
		case runes.IsUpper(r):
			if lower > 0 {
				return false
			}
			caps++
		default:
			lower++
		}
	}
	return caps >= 2 && lower <= 2
}

// placePrefix are words that begin place names (Эль Сальвадор, Нью Джерси)
// written without their hyphen.
var placePrefix = map[string]bool{"Эль": true, "Сан": true, "Санта": true, "Лос": true, "Лас": true, "Ла": true,
	"Ле": true, "Сен": true, "Сент": true, "Нью": true, "Коста": true, "Пуэрто": true, "Порт": true}

// lastRunes returns the last n runes of w.
func lastRunes(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// untaggedCountries marks capitalized Cyrillic words in no mention that the
// gazetteer knows as a country, in any case form and of up to four words
// (Нидерланды, Южной Корее), as places: both corpora mark every country.
// The word before must be a list mark, a bracket, a comma, и or a
// preposition ([countryContext]): after a noun the country is often part
// of a longer place that NEREL marks whole (на юге Англии, у берегов
// Туниса), and a capitalized word before it makes it part of a name
// (Единая Россия).
func untaggedCountries(toks []token.Token, ms []Mention) []Mention {
	g := gazetteer()
	if g == nil {
		return ms
	}
	var add []Mention
	k := 0
	var words [geo.MaxWords]string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for k < len(ms) && ms[k].End <= t.Start {
			k++
		}
		if k < len(ms) && ms[k].Start < t.End || t.Kind != token.Word || !cyrCapital(t.Text) || !seqtag.IsPlace(t.Text) {
			continue
		}
		if i > 0 && toks[i-1].Kind == token.Word && toks[i-1].Newlines == 0 && t.Newlines == 0 {
			if r, _ := runes.Decode(toks[i-1].Text); runes.IsUpper(r) {
				continue
			}
		}
		if i == 0 || t.Newlines > 0 && toks[i-1].Text != "•" && toks[i-1].Text != "·" {
			continue
		}
		if !countryContext[runes.Lower(toks[i-1].Text)] {
			continue
		}
		if ruCommonCountry[t.Text] {
			continue
		}
		// The longest run of capitalized words in no mention that is a country.
		n := 0
		for j := i; j < len(toks) && n < len(words) && toks[j].Kind == token.Word && cyrCapital(toks[j].Text) &&
			(j == i || toks[j].Newlines == 0) && (k >= len(ms) || toks[j].End <= ms[k].Start); j++ {
			words[n] = toks[j].Text
			n++
		}
		m, kind := g.LongestMatch(words[:n])
		if m == 0 || kind != geo.Country {
			continue
		}
		if i+m < len(toks) && toks[i+m].Kind == token.Word && toks[i+m].Newlines == 0 && cyrCapital(toks[i+m].Text) {
			continue // part of a longer name
		}
		add = append(add, Mention{Start: t.Start, End: toks[i+m-1].End, Type: LOC})
		i += m - 1
	}
	return withAdded(ms, add)
}

// ruCommonCountry are capitalized forms of ordinary Russian words that the
// gazetteer's tolerance of case endings reads as countries (Самое as
// Samoa, Того as Togo).
var ruCommonCountry = map[string]bool{"Самое": true, "Самой": true, "Самом": true, "Того": true, "Тому": true, "Тем": true}

// ruBodyAdjectives are stems of adjectives of a state body's level or kind
// (федеральная, государственный, городской, коалиционное).
var ruBodyAdjectives = strings.Fields(`федеральн государственн генеральн городск областн краев региональн
	национальн верховн конституционн центральн муниципальн районн временн переходн коалиционн`)

// bodyAdjective reports a word of [ruBodyAdjectives] with an adjective's
// ending (at most three runes).
func bodyAdjective(w string) bool {
	for _, h := range ruBodyAdjectives {
		if rest, ok := foldPrefix(w, h); ok && rest >= 2 && rest <= 3 {
			return true
		}
	}
	return false
}

// joinInitials joins a person mention made only of initials (Дж., Ю. А.)
// to the person mention right after it (Дж. Буш-младший): both corpora
// keep initials in the name.
func joinInitials(text string, ms []Mention) []Mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Type == PER && i+1 < len(ms) && ms[i+1].Type == PER && initialsOnly(m.textIn(text)) {
			if gap := text[m.End:ms[i+1].Start]; gap == "" || gap == " " || gap == "\u00a0" {
				m.End = ms[i+1].End
				i++
			}
		}
		out = append(out, m)
	}
	return out
}

// initialsOnly reports a text of one or more initials: a capital letter
// and at most one more letter, then a dot (А., Дж., Ю. А.).
func initialsOnly(s string) bool {
	n := 0
	for _, part := range strings.Fields(strings.ReplaceAll(s, ".", ". ")) {
		body, ok := strings.CutSuffix(part, ".")
		r, _ := runes.Decode(body)
		if !ok || body == "" || !runes.IsUpper(r) || runes.Count(body) > 2 {
			return false
		}
		n++
	}
	return n > 0
}

// ruTitles are stems of Russian titles and occupations that stand before a
// person's name, capitalized at the start of a sentence (Президент Обама,
// Архиепископ Лонгин, Судья Зорькин): both corpora leave them out of the
// name. Мать (Мать Тереза) and святой, which the corpora keep, are not
// listed, nor titles that begin given names (эмир: Эмир Кустурица; мэр:
// Мэри).
var ruTitles = []struct {
	stem string
	max  int
}{
	{"президент", 3}, {"премьер-министр", 3}, {"премьер", 3}, {"министр", 3}, {"архиепископ", 3},
	{"митрополит", 3}, {"патриарх", 3}, {"ксендз", 3}, {"генерал", 3}, {"полковник", 3},
	{"сенатор", 3}, {"губернатор", 3}, {"посол", 2}, {"депутат", 3}, {"судья", 2}, {"судьи", 0},
	{"профессор", 3}, {"доктор", 3}, {"актер", 3}, {"актёр", 3}, {"актриса", 2}, {"певица", 2}, {"певец", 0},
	{"режиссер", 3}, {"режиссёр", 3}, {"тренер", 3}, {"канцлер", 3}, {"король", 2}, {"королева", 2},
	{"принц", 3}, {"принцесса", 2}, {"сэр", 0}, {"лорд", 2}, {"князь", 0}, {"граф", 0}, {"царь", 0},
	{"император", 3}, {"императрица", 2},
}

// trimTitles drops a capitalized title ([ruTitles]) from the start of a
// person mention of two or more words.
func trimTitles(text string, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		s := m.textIn(text)
		sp := strings.IndexByte(s, ' ')
		if m.Type != PER || sp < 0 || !cyrCapital(s) {
			continue
		}
		first, rest := s[:sp], strings.TrimSpace(s[sp+1:])
		if !cyrCapital(rest) && !latinCapital(rest) || !strings.Contains(rest, " ") && strings.HasSuffix(rest, "ий") {
			continue // no name follows (Президент России, Папа Римский)
		}
		for _, t := range ruTitles {
			if rest, ok := foldPrefix(first, strings.ReplaceAll(t.stem, "ё", "е")); ok && rest <= t.max {
				m.Start += sp + 1
				break
			}
		}
	}
	return ms
}

// latinCapital reports a text that starts with a Latin capital letter.
func latinCapital(s string) bool {
	r, _ := runes.Decode(s)
	return r < 0x250 && runes.IsUpper(r)
}

// countryContext are the words and marks after which a country's name
// stands on its own.
var countryContext = map[string]bool{"(": true, "•": true, "·": true, ",": true, "и": true, "или": true, "—": true,
	"в": true, "во": true, "из": true, "с": true, "со": true, "до": true, "от": true, "к": true, "ко": true,
	"по": true, "для": true, "у": true, "о": true, "об": true, "между": true, "через": true, "против": true,
	"на": true, "за": true, "при": true, "без": true}
