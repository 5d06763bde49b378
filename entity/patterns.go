package entity

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// applyPatterns corrects the decoded mentions with fixed rules for what the
// training data lacks or marks differently from this library:
//
//   - a capitalized name joined to a year by a hyphen (Zapad-2021,
//     «Восток-2022») is an event;
//   - a mention headed by an event noun (Astana International Forum,
//     Форум работников сельского хозяйства, Тәуелсіздік күні) is an event;
//   - a mention never runs across a bracket, comma or semicolon: it is cut
//     there;
//   - a lone adjective (Казахстанские, Belarusian) is not a place;
//   - a site name written as a domain (Lenta.ru, NEWSru.com) is one
//     organization mention.
func applyPatterns(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	ms = cutAtPunct(toks, ms)
	ms = siteNames(toks, ms, lang)
	ms = balanceQuotes(text, toks, ms)
	ms = extendPlaces(text, toks, ms)
	ms = ruOrgShapes(text, toks, ms)
	out := ms[:0]
	for _, m := range ms {
		if m.Type == LOC && (isAdjective(text[m.Start:m.End]) || demonymBefore(text, m)) {
			continue
		}
		if m.Type == ORG || m.Type == LOC {
			if eventHeaded(text[m.Start:m.End]) {
				m.Type = EVENT
			}
		}
		out = append(out, m)
	}
	ms = out
	j := 0
	for _, tk := range toks {
		if tk.Kind != token.Word || !isNameYear(tk.Text) {
			continue
		}
		for j < len(ms) && ms[j].End <= tk.Start {
			j++
		}
		switch {
		case j < len(ms) && ms[j].Start <= tk.Start:
			if ms[j].Start == tk.Start && ms[j].End == tk.End {
				ms[j].Type = EVENT
			}
		default:
			ms = append(ms, Mention{})
			copy(ms[j+1:], ms[j:])
			ms[j] = Mention{Start: tk.Start, End: tk.End, Type: EVENT, Language: lang}
		}
	}
	return ms
}

// siteTLDs are the top-level domains of news sites that the news names as
// organizations.
var siteTLDs = map[string]bool{"ru": true, "com": true, "net": true, "org": true, "ua": true, "kz": true,
	"by": true, "kg": true, "uz": true, "info": true, "su": true, "рф": true}

// siteNames makes a name written as a domain, Word "." TLD with no space
// between (Lenta.ru, NEWSru.com, Gzt.Ru), one ORG mention: the tokenizer
// and the sentence splitter cut it at its dot, so the model sees a name
// that ends a sentence. Mentions inside it or overlapping it are replaced;
// a name with a letter or dot right before it (a host of a longer address)
// is left alone.
func siteNames(toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	var add []Mention
	for i := 0; i+2 < len(toks); i++ {
		a, dot, tld := toks[i], toks[i+1], toks[i+2]
		if a.Kind != token.Word || dot.Text != "." || tld.Kind != token.Word || dot.Start != a.End || tld.Start != dot.End ||
			!siteTLDs[runes.Lower(tld.Text)] || runes.Count(a.Text) < 2 {
			continue
		}
		if i > 0 && toks[i-1].End == a.Start {
			continue
		}
		if i+3 < len(toks) && toks[i+3].Start == tld.End && (toks[i+3].Kind == token.Word || toks[i+3].Text == "/") {
			continue
		}
		add = append(add, Mention{Start: a.Start, End: tld.End, Type: ORG, Language: lang})
		i += 2
	}
	if len(add) == 0 {
		return ms
	}
	out := make([]Mention, 0, len(ms)+len(add))
	k := 0
	for _, m := range ms {
		for k < len(add) && add[k].End <= m.Start {
			out = append(out, add[k])
			k++
		}
		if k < len(add) && m.Start < add[k].End && add[k].Start < m.End {
			if m.Start < add[k].Start || m.End > add[k].End {
				// A longer mention holds the site name: keep it, drop the site.
				if m.Start <= add[k].Start && m.End >= add[k].End {
					k++
					out = append(out, m)
				}
				continue
			}
			continue // inside the site name
		}
		out = append(out, m)
	}
	out = append(out, add[k:]...)
	return out
}

// cutAtPunct ends a mention before the first bracket, comma or semicolon
// inside it.
func cutAtPunct(toks []token.Token, ms []Mention) []Mention {
	k := 0
	out := ms[:0]
	for _, m := range ms {
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		end := m.End
		for i := k; i < len(toks) && toks[i].End <= m.End; i++ {
			if toks[i].Kind == token.Punct && i > k && strings.ContainsAny(toks[i].Text, "()[]{},;") {
				end = toks[i-1].End
				break
			}
		}
		m.End = end
		out = append(out, m)
	}
	return out
}

// adjectiveEndings are the endings of Russian adjectives of place (-ский in
// every case form) and English and Kazakh demonyms.
var adjectiveEndings = []string{
	"ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских", "скими",
	"цкий", "цкого", "цкая", "цкой", "цкое", "цкие", "цких",
	"ian", "ese", "ish", "стандық", "дық", "дік", "лық", "лік", "тық", "тік",
}

// isAdjective reports a single word that is an adjective of place.
func isAdjective(s string) bool {
	if strings.ContainsAny(s, " -") || runes.Count(s) < 6 {
		return false
	}
	low := normalize.Fold(s)
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(low, e) {
			return true
		}
	}
	return false
}

// demonymBefore reports a one-word Latin-script place mention that is a
// country's demonym ([geo.Gazetteer.Demonym]: Welsh, Philippine) right
// before a lower-case word: an adjective (Welsh referee), which names no
// place. (Also dropping words the gazetteer does not know that end as
// such adjectives do, Chechen or Jewish, took Spitzbergen too.)
func demonymBefore(text string, m Mention) bool {
	s := text[m.Start:m.End]
	if m.End+2 > len(text) || text[m.End] != ' ' || !latinName(s) || strings.ContainsAny(s, " .-") {
		return false
	}
	if r, _ := runes.Decode(text[m.End+1:]); !runes.IsLower(r) || r >= 0x250 {
		return false
	}
	g := gazetteer()
	if g == nil {
		return false
	}
	_, ok := g.Demonym(s)
	return ok
}

// eventNouns are nouns that head event names, as stems (any case form) or
// whole words.
var eventNouns = strings.Fields(`forum summit congress olympics olympiad championship festival tournament
	форум саммит съезд конгресс олимпиад чемпионат фестивал турнир
	форумы саммиті съезі құрылтай мерекесі күні`)

// eventHeaded reports a mention of two or more words whose head is an event
// noun: its first word after at most two adjectives (Шахматный турнир
// Корус) or its last word before a year or number (Corus Chess Tournament
// 2006). English "congress", and Russian "конгресс" after an adjective,
// head an event only with a number or an ordinal (20th Party Congress);
// without one they mostly name a legislature or a party (U.S. Congress,
// African National Congress, Народный консультативный конгресс Индонезии).
func eventHeaded(s string) bool {
	var buf [8]string
	words := buf[:0]
	for w := range strings.FieldsSeq(s) {
		words = append(words, w)
	}
	if len(words) < 2 {
		return false
	}
	first := 0
	for first < 2 && first < len(words)-1 && ruAdjective(words[first]) {
		first++
	}
	last := len(words) - 1
	for last > 0 && strings.Trim(words[last], "0123456789-–") == "" {
		last--
	}
	for i, w := range []string{words[first], words[last]} {
		w = normalize.Fold(w)
		for _, e := range eventNouns {
			if strings.HasPrefix(w, e) && runes.Count(w)-runes.Count(e) <= 3 {
				body := e == "congress" || e == "конгресс" && i == 0 && first > 0
				if body && !hasOrdinal(words) {
					continue
				}
				return true
			}
		}
	}
	return false
}

// hasOrdinal reports whether a word is a number or an English ordinal
// (20th, first ... twelfth), in any case.
func hasOrdinal(words []string) bool {
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789") || englishOrdinals[normalize.Fold(w)] {
			return true
		}
	}
	return false
}

var englishOrdinals = map[string]bool{}

func init() {
	for _, w := range strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth") {
		englishOrdinals[w] = true
	}
}

// isNameYear reports words like Zapad-2021: a capitalized name of two or
// more letters, a hyphen, and a year 1900–2099.
func isNameYear(w string) bool {
	i := len(w) - 5
	if i < 2 || w[i] != '-' || !(w[i+1:i+3] == "19" || w[i+1:i+3] == "20") {
		return false
	}
	for k := i + 3; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	r, _ := runes.Decode(w)
	if !runes.IsUpper(r) {
		return false
	}
	for _, c := range w[:i] {
		if !runes.IsLetter(c) {
			return false
		}
	}
	return true
}

// orgHeads are English nouns that end organization names.
var orgHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ministry agency organization organisation union committee council service bureau
		commission company corporation group bank fund party parliament government court university institute academy
		association federation foundation alliance authority administration army navy forces force center centre
		news staff command police guard board senate assembly congress office department channel network times post
		club treaty inc ltd corp llc plc`) {
		orgHeads[w] = true
	}
}

// joiners may stand inside an organization name: General Staff of the
// Armed Forces, Bank of America.
var joiners = map[string]bool{"of": true, "the": true, "for": true, "&": true, "and": true}

// orgTitles are offices that precede an organization name without being
// part of it: Chief of the General Staff.
var orgTitles = map[string]bool{"minister": true, "chief": true, "deputy": true, "president": true, "director": true,
	"secretary": true, "chairman": true, "head": true, "spokesman": true, "ambassador": true, "commander": true,
	"first": true, "vice": true, "member": true, "members": true}

// extendOrgs turns a run of capitalized Latin-script words that ends in an
// organization noun (Collective Security Treaty Organization, Belarusian
// Defense Ministry, Information Center, Test and County Cricket Board; an
// "and" after an organization noun or a legal form joins two names) into
// one ORG mention, replacing any
// organization mentions inside it. Runs that fill their whole sentence
// (headlines), all-capitals heads, and runs that hold a mention of another
// type (West Bank, Russian Federation) or cross a mention's edge are left
// alone.
func extendOrgs(text string, toks []token.Token, sents []token.Sentence, ms []Mention, lang language.Tag) []Mention {
	var add []Mention
	for _, s := range sents {
		i := s.Start
		for i < s.End {
			if !capWord(toks[i]) {
				i++
				continue
			}
			j := i + 1
			last := i
			for j < s.End && toks[j].Newlines == 0 {
				if capWord(toks[j]) {
					last = j
				} else if !(joiners[runes.Lower(toks[j].Text)] && j+1 < s.End && (capWord(toks[j+1]) || joiners[runes.Lower(toks[j+1].Text)])) {
					break
				} else if toks[j].Text == "and" && (orgHeads[runes.Lower(toks[j-1].Text)] || legalForms[strings.TrimSuffix(toks[j-1].Text, ".")]) {
					break // two names: Johnson Controls Inc and Lear Corp
				}
				j++
			}
			// Trim to the last organization noun.
			end := -1
			for k := last; k > i; k-- {
				if capWord(toks[k]) && !allCaps(toks[k].Text) && orgHeads[runes.Lower(toks[k].Text)] {
					end = k
					break
				}
			}
			start := i
			for k := i; k < end; k++ {
				if orgTitles[runes.Lower(toks[k].Text)] {
					start = k + 1
				}
			}
			if start == s.Start && joiners[runes.Lower(toks[start].Text)] {
				start++
			}
			for start < end && !capWord(toks[start]) {
				start++
			}
			if end > start && !(start == s.Start && last == s.End-1) {
				add = append(add, Mention{Start: toks[start].Start, End: toks[end].End, Type: ORG, Language: lang})
			}
			i = max(j, i+1)
		}
	}
	if len(add) == 0 {
		return ms
	}
	out := make([]Mention, 0, len(ms)+len(add))
	k := 0
	for _, a := range add {
		// Keep mentions before a; give up on a if a mention crosses its edges.
		for k < len(ms) && ms[k].End <= a.Start {
			out = append(out, ms[k])
			k++
		}
		crosses := false
		inside := k
		for inside < len(ms) && ms[inside].Start < a.End {
			if ms[inside].Start < a.Start || ms[inside].End > a.End || ms[inside].Type != ORG {
				crosses = true
			}
			inside++
		}
		if crosses {
			continue
		}
		out = append(out, a)
		k = inside
	}
	out = append(out, ms[k:]...)
	return out
}

// allCaps reports a word with no lower-case letter.
func allCaps(w string) bool {
	for _, r := range w {
		if runes.IsLower(r) {
			return false
		}
	}
	return true
}

// capWord reports a Latin-script word that starts with a capital letter.
func capWord(t token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	r, _ := runes.Decode(t.Text)
	return r < 0x250 && runes.IsUpper(r)
}

// propagate gives later and earlier occurrences of a name the type found
// for it elsewhere in the text: a surname alone (Khrenin) after the full
// name (Viktor Khrenin), and exact repeats of a found mention that the
// model missed. Only capitalized, untagged tokens are changed.
func propagate(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	if len(ms) == 0 {
		return ms
	}
	names := map[string]Type{}
	for _, m := range ms {
		s := text[m.Start:m.End]
		if strings.IndexByte(s, ' ') < 0 {
			if _, ok := names[s]; !ok {
				names[s] = m.Type
			}
			continue
		}
		if m.Type == PER {
			last := s[strings.LastIndexByte(s, ' ')+1:]
			if _, ok := names[last]; !ok && runes.Count(last) > 2 && !countryOrRegion(last) {
				names[last] = PER
			}
		}
	}
	var add []Mention
	for _, t := range freeTokens(toks, ms) {
		if t.Kind != token.Word {
			continue
		}
		r, _ := runes.Decode(t.Text)
		if !runes.IsUpper(r) {
			continue
		}
		if typ, ok := names[t.Text]; ok {
			add = append(add, Mention{Start: t.Start, End: t.End, Type: typ, Language: lang})
		}
	}
	return withAdded(ms, add)
}

// countryOrRegion reports a name the gazetteer knows first as a country or
// a first-level division (Chechnya): no surname to spread over the text
// when a person mention ends in it (a headline's Lebed Chechnya).
func countryOrRegion(s string) bool {
	g := gazetteer()
	if g == nil || !seqtag.IsPlace(s) {
		return false
	}
	kind, ok := g.KindOf(s)
	return ok && (kind == geo.Country || kind == geo.Admin1)
}

// legalForms are the abbreviations of company legal forms that end a
// company's name (Pirelli SpA, Magna International Inc).
var legalForms = map[string]bool{"Inc": true, "Corp": true, "Co": true, "Ltd": true, "LLC": true, "plc": true,
	"PLC": true, "SpA": true, "AG": true, "SA": true, "NV": true, "BV": true, "GmbH": true, "Oy": true, "Oyj": true,
	"AB": true, "ASA": true, "Bhd": true, "Pty": true, "KK": true, "Cos": true}

// legalFormAfter returns the length of " " plus a legal form of
// [legalForms] (with its full stop, if any) right after position end of
// text, or 0.
func legalFormAfter(text string, end int) int {
	if end >= len(text) || text[end] != ' ' {
		return 0
	}
	n := 1
	for end+n < len(text) && (text[end+n] >= 'A' && text[end+n] <= 'Z' || text[end+n] >= 'a' && text[end+n] <= 'z') {
		n++
	}
	if !legalForms[text[end+1:end+n]] {
		return 0
	}
	if end+n < len(text) && text[end+n] == '.' {
		n++
	}
	if end+n < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end+n:]); runes.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return n
}

// trimThe starts an organization mention that begins with "The" and a
// capitalized word at that word (The State Department, The Commerce
// Department): CoNLL leaves the article out of 98% of organization names.
func trimThe(text string, m *Mention) {
	s := text[m.Start:m.End]
	rest, ok := strings.CutPrefix(s, "The ")
	if !ok {
		return
	}
	if r, _ := runes.Decode(rest); runes.IsUpper(r) {
		m.Start += len(s) - len(rest)
	}
}

// shortOrgNames makes a one-word person mention an organization when the
// text also names an organization of two or more words that starts with
// that word (Magna International Inc … Magna; Mercantile Bancorp …
// Mercantile), or names that Latin-script word alone as an organization
// elsewhere (Nestle … Nestle): the short form of a company's name, which
// the tagger takes for a surname. A word that is a known first name, or the last word of a
// person mention of two or more words in the text, stays a person, and a
// well-known place or big town is left to the place rules. First,
// a person or place mention that ends in a company's legal form
// ([legalForms]: Pirelli SpA) is an organization, and a person or
// organization mention right before a legal form takes it in; with the
// English model an organization loses a leading "The" ([trimThe]; SlavicNER
// keeps it on an English name inside Ukrainian or Russian text: The
// Guardian).
func shortOrgNames(text string, ms []Mention, model string) []Mention {
	var firsts map[string]bool
	for i := 0; i < len(ms); i++ {
		m := &ms[i]
		if m.Type == ORG && model == "en" {
			trimThe(text, m)
		}
		if m.Type == PER || m.Type == ORG {
			if n := legalFormAfter(text, m.End); n > 0 {
				switch {
				case i+1 == len(ms) || ms[i+1].Start >= m.End+n:
					m.End += n
				case ms[i+1].Start == m.End+1 && ms[i+1].End <= m.End+n:
					// The tagger took the form for a name of its own.
					m.End += n
					ms = slices.Delete(ms, i+1, i+2)
				}
			}
		}
		s := m.textIn(text)
		sp := strings.IndexByte(s, ' ')
		if sp > 0 && m.Type != ORG && m.Type != EVENT && legalForms[strings.TrimSuffix(s[strings.LastIndexByte(s, ' ')+1:], ".")] {
			m.Type = ORG
		}
		if m.Type == ORG && (sp > 0 || latinName(s)) {
			if firsts == nil {
				firsts = map[string]bool{}
			}
			if sp > 0 {
				s = s[:sp]
			}
			firsts[s] = true
		}
	}
	if firsts == nil {
		return ms
	}
	for _, m := range ms {
		s := m.textIn(text)
		if m.Type == PER && strings.IndexByte(s, ' ') > 0 {
			delete(firsts, s[strings.LastIndexByte(s, ' ')+1:])
		}
	}
	for i := range ms {
		m := &ms[i]
		s := m.textIn(text)
		if !firsts[s] || strings.Contains(s, " ") || bigPlace(s) || latinName(s) && wellKnownPlace(s) {
			continue // a place the gazetteer knows well is left to the place rules (Georgia Power … Georgia)
		}
		if m.Type == PER && !seqtag.IsFirstName(s) {
			m.Type = ORG
		}
	}
	return ms
}

// splitAt appends parts to out in place of ms[i], first copying ms[:i]
// into a new out if no mention was replaced before: the rules that split a
// mention in two build their output with it, lazily.
func splitAt(out, ms []Mention, i int, parts ...Mention) []Mention {
	if out == nil {
		out = append(make([]Mention, 0, len(ms)+len(parts)), ms[:i]...)
	}
	return append(out, parts...)
}

// freeTokens yields the index and the token of each of toks that lies in
// no mention of ms (sorted by start, not overlapping).
func freeTokens(toks []token.Token, ms []Mention) iter.Seq2[int, token.Token] {
	return func(yield func(int, token.Token) bool) {
		k := 0
		for i, t := range toks {
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			if k < len(ms) && ms[k].Start < t.End {
				continue
			}
			if !yield(i, t) {
				return
			}
		}
	}
}

// hasSuffixAny reports whether w ends with one of ends.
func hasSuffixAny(w string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// hasPrefixAny reports whether w starts with one of pre.
func hasPrefixAny(w string, pre []string) bool {
	for _, p := range pre {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func sortByStart(ms []Mention) {
	slices.SortFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
}

// withAdded returns ms with the mentions of add among them, sorted by start.
func withAdded(ms, add []Mention) []Mention {
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sortByStart(ms)
	return ms
}

// balanceQuotes makes quotes inside a mention pair up: a mention that opens
// a quote and stops just before its closing mark takes the mark in (партии
// «Яблоко»), and a mention that starts with an opening mark it never closes
// loses it. A leading lower-case word in another script than the rest of
// the mention (a line's language label) is dropped.
func balanceQuotes(text string, toks []token.Token, ms []Mention) []Mention {
	k := 0
	out := ms[:0]
	for _, m := range ms {
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		e := k
		open := 0
		for e < len(toks) && toks[e].End <= m.End {
			switch toks[e].Text {
			case "«", "“", "„":
				open++
			case "»", "”":
				open--
			}
			e++
		}
		// toks[k:e] are the mention's tokens.
		if e-k >= 2 {
			first, next := toks[k], toks[k+1]
			r1, _ := runes.Decode(first.Text)
			r2, _ := runes.Decode(next.Text)
			if first.Kind == token.Word && runes.IsLower(r1) && runes.IsUpper(r2) && (r1 < 0x400) != (r2 < 0x400) {
				m.Start = next.Start
				k++
			}
		}
		switch {
		case open > 0 && e < len(toks) && (toks[e].Text == "»" || toks[e].Text == "”") && toks[e].Start == toks[e-1].End:
			m.End = toks[e].End
		case open > 0 && e-k >= 2 && (toks[k].Text == "«" || toks[k].Text == "“" || toks[k].Text == "„"):
			m.Start = toks[k+1].Start
		}
		if m.End > m.Start {
			out = append(out, m)
		}
	}
	return out
}

// extendPlaces grows a place mention over the capitalized word before it
// when the two words together are a known place name (Eastern Europe,
// South Korea) and that word is in no other mention.
func extendPlaces(text string, toks []token.Token, ms []Mention) []Mention {
	k := 0
	for i := range ms {
		m := &ms[i]
		if m.Type != LOC {
			continue
		}
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		if k == 0 || k >= len(toks) || toks[k].Start != m.Start || toks[k].Newlines > 0 {
			continue
		}
		p := toks[k-1]
		r, _ := runes.Decode(p.Text)
		if p.Kind != token.Word || !runes.IsUpper(r) || p.End+1 != m.Start || (i > 0 && ms[i-1].End > p.Start) {
			continue
		}
		if seqtag.IsPlace(text[p.Start:m.End]) {
			m.Start = p.Start
		}
	}
	return ms
}

// headlineNames drops mentions in headline lines (title case or all
// capitals) whose words mostly occur in lower case elsewhere in the text:
// in "Belarus Seeks Stronger Military Cooperation with Kazakhstan" above an
// article that speaks of military cooperation, the capitals mark the
// headline, not a name. It also ends Latin-script mentions before a
// lower-case word that cannot stand inside a name (with, from, in).
func headlineNames(text string, toks []token.Token, sents []token.Sentence, ms []Mention) []Mention {
	var lower map[string]bool
	out := ms[:0]
	si, k := 0, 0
	for _, m := range ms {
		for si < len(sents) && sents[si].ByteEnd <= m.Start {
			si++
		}
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		// Cut at a lower-case non-joiner in Latin script.
		for i := k + 1; i < len(toks) && toks[i].End <= m.End; i++ {
			r, _ := runes.Decode(toks[i].Text)
			if toks[i].Kind == token.Word && r < 0x250 && runes.IsLower(r) && !nameJoiners[toks[i].Text] {
				m.End = toks[i-1].End
				break
			}
		}
		if si < len(sents) && isHeadline(toks[sents[si].Start:sents[si].End]) {
			if lower == nil {
				lower = map[string]bool{}
				for _, t := range toks {
					if r, _ := runes.Decode(t.Text); t.Kind == token.Word && runes.IsLower(r) {
						lower[t.Text] = true
					}
				}
			}
			n, seen := 0, 0
			for i := k; i < len(toks) && toks[i].End <= m.End; i++ {
				if toks[i].Kind == token.Word {
					n++
					if lower[runes.Lower(toks[i].Text)] {
						seen++
					}
				}
			}
			if n > 0 && seen*2 >= n+1 {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// nameJoiners are lower-case words that may stand inside a Latin-script
// name: Bank of America, Leonardo da Vinci.
var nameJoiners = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "du": true,
	"la": true, "le": true, "von": true, "van": true, "der": true, "den": true, "al": true, "bin": true, "da": true,
	"di": true, "del": true, "y": true, "on": true, "upon": true, "am": true, "im": true}

// isHeadline reports a line of three or more words in title case or all
// capitals.
func isHeadline(toks []token.Token) bool {
	words := 0
	for _, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		r, _ := runes.Decode(t.Text)
		switch {
		case runes.IsUpper(r):
			words++
		case runes.IsLower(r) && (nameJoiners[t.Text] || minorWord[t.Text]):
		default:
			return false // a word not capitalized: no headline
		}
	}
	return words >= 3
}

// minorWord are words that title case leaves in lower case.
var minorWord = map[string]bool{"a": true, "an": true, "with": true, "in": true, "at": true, "to": true, "by": true,
	"from": true, "as": true, "or": true, "but": true, "into": true, "over": true, "vs": true}

// ruPlaceNouns are stems of Russian nouns for kinds of places.
var ruPlaceNouns = strings.Fields(`мегаполис город регион област район стран столиц сел поселк деревн штат
	провинци округ территори`)

func isRuPlaceNoun(w string) bool {
	w = normalize.Fold(w)
	for _, h := range ruPlaceNouns {
		if strings.HasPrefix(w, h) && runes.Count(w)-runes.Count(h) <= 4 {
			return true
		}
	}
	return false
}

// ruOrgHeads are Russian and Kazakh nouns that head organization names, as
// stems: a word matches when it starts with one and adds at most four runes.
var ruOrgHeads = strings.Fields(`центр институт агентств комитет министерств управлени служб фонд совет союз
	ассоциаци академи университет организаци департамент комисси палат банк парти мэри администраци
	правительств прокуратур суд компани корпораци объединени федераци коллеги редакци пресс-служб штаб
	холдинг концерн завод музе театр библиотек школ колледж лицей больниц клиник акимат ведомств инспекци
	орталығ институты министрлігі комитеті`)

func isRuOrgHead(w string) bool {
	w = normalize.Fold(w)
	for _, h := range ruOrgHeads {
		if strings.HasPrefix(w, h) && runes.Count(w)-runes.Count(h) <= 4 {
			return true
		}
	}
	return false
}

// genitiveTail reports a lower-case Cyrillic word that reads as a genitive
// complement (коневодства, компетенций, работников, сельского).
func genitiveTail(w string) bool {
	r, _ := runes.Decode(w)
	if r < 0x400 || r > 0x4ff || !runes.IsLower(r) || runes.Count(w) < 5 {
		return false
	}
	for _, e := range []string{"ства", "ния", "ии", "ий", "ов", "ев", "ей", "ых", "их", "ого", "его", "ости"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ruOrgShapes fixes two shapes of Cyrillic organization mentions: one that
// ends in its head noun and stops before the genitive words that complete
// the name takes them in (Институт коневодства, Национальный центр
// компетенций); one that starts with a lower-case noun for a kind of place
// is cut to its capitalized part, which is a place if the gazetteer knows
// it (мегаполисах Казахстана → Казахстана).
func ruOrgShapes(text string, toks []token.Token, ms []Mention) []Mention {
	k := 0
	for i := range ms {
		m := &ms[i]
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		if m.Type != ORG || k >= len(toks) {
			continue
		}
		e := k
		for e < len(toks) && toks[e].End <= m.End {
			e++
		}
		// toks[k:e] are the mention's tokens.
		first := toks[k].Text
		r, _ := runes.Decode(first)
		if r >= 0x400 && r <= 0x4ff && runes.IsLower(r) && isRuPlaceNoun(first) {
			j := k
			for j < e && func() bool { c, _ := runes.Decode(toks[j].Text); return runes.IsLower(c) }() {
				j++
			}
			if j < e {
				m.Start = toks[j].Start
				if seqtag.IsPlace(text[m.Start:m.End]) {
					m.Type = LOC
				}
			}
			continue
		}
		if e-1 >= k && isRuOrgHead(toks[e-1].Text) {
			next := m.End
			for j := e; j < len(toks) && j < e+3 && toks[j].Newlines == 0 && genitiveTail(toks[j].Text) &&
				(i+1 >= len(ms) || toks[j].End <= ms[i+1].Start); j++ {
				next = toks[j].End
			}
			m.End = next
		}
	}
	return ms
}

// ruEventNouns are stems of Russian nouns that head event names.
var ruEventNouns = strings.Fields(`форум съезд саммит конгресс фестивал чемпионат олимпиад конференци выставк ярмарк`)

// ruEvents marks an untagged Cyrillic event noun capitalized inside a
// sentence, where capitals mean a name, as an event together with the
// genitive words that complete it (на Форуме работников сельского
// хозяйства).
func ruEvents(toks []token.Token, sents []token.Sentence, ms []Mention, lang language.Tag) []Mention {
	var add []Mention
	k := 0
	for _, s := range sents {
		for i := s.Start + 1; i < s.End; i++ {
			t := toks[i]
			r, _ := runes.Decode(t.Text)
			if t.Kind != token.Word || r < 0x400 || r > 0x4ff || !runes.IsUpper(r) {
				continue
			}
			w := normalize.Fold(t.Text)
			ok := false
			for _, h := range ruEventNouns {
				ok = ok || strings.HasPrefix(w, h) && runes.Count(w)-runes.Count(h) <= 3
			}
			if !ok {
				continue
			}
			for k < len(ms) && ms[k].End <= t.Start {
				k++
			}
			if k < len(ms) && ms[k].Start < t.End {
				continue
			}
			end := t.End
			for j := i + 1; j < s.End && j < i+5 && genitiveTail(toks[j].Text) && (k >= len(ms) || toks[j].End <= ms[k].Start); j++ {
				end = toks[j].End
			}
			if end > t.End {
				add = append(add, Mention{Start: t.Start, End: end, Type: EVENT, Language: lang})
			}
		}
	}
	return withAdded(ms, add)
}

// cleanGaps ends a mention before the first gap between its tokens that
// holds invalid UTF-8 or a NUL byte (the tokenizer treats those as space),
// so that every mention's text is valid UTF-8.
func cleanGaps(text string, toks []token.Token, ms []Mention) []Mention {
	out := ms[:0]
	k := 0
	for _, m := range ms {
		s := text[m.Start:m.End]
		if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
			out = append(out, m)
			continue
		}
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		end := m.Start
		for j := k; j < len(toks) && toks[j].End <= m.End; j++ {
			if j > k {
				gap := text[toks[j-1].End:toks[j].Start]
				if !utf8.ValidString(gap) || strings.IndexByte(gap, 0) >= 0 {
					break
				}
			}
			end = toks[j].End
		}
		if end > m.Start {
			m.End = end
			out = append(out, m)
		}
	}
	return out
}

// ruEventKinds are stems of Russian nouns for kinds of events that stand
// before an event's name (конкурс The Best of Blogs, фестиваля
// «Кинотавр», турнира Corus).
var ruEventKinds = strings.Fields(`конкурс турнир фестивал форум чемпионат выставк олимпиад ярмарк марафон`)

// eventKindNames makes an organization mention right after a lower-case
// Russian noun of a kind of event ([ruEventKinds]), an opening quote
// possibly between, an event: the name of that event, not of its
// organizer.
func eventKindNames(toks []token.Token, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		k := tokenAt(toks, m.Start)
		if m.Type != ORG || k < 1 {
			continue
		}
		j := k - 1
		if openQuote(toks[j].Text) && j > 0 {
			j--
		}
		w := toks[j].Text
		if toks[j+1].Newlines > 0 || !isLowerWord(w) {
			continue
		}
		for _, e := range ruEventKinds {
			if rest, ok := foldPrefix(w, e); ok && rest <= 3 {
				m.Type = EVENT
				break
			}
		}
	}
	return ms
}

// bracketAcronyms makes an untagged acronym (three to six capitals, any
// script, not a place) that stands alone in brackets right after an
// organization mention an organization: the short name a text defines for it (Объединённого
// фронта за демократию против диктатуры (ОФДД); National Association of
// Purchasing Management (NAPM)).
func bracketAcronyms(toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	var add []Mention
	for i, m := range ms {
		if m.Type != ORG {
			continue
		}
		k := sort.Search(len(toks), func(j int) bool { return toks[j].Start >= m.End })
		if k+2 >= len(toks) || toks[k].Text != "(" || toks[k+2].Text != ")" || toks[k+1].Newlines > 0 ||
			!acronymWord(toks[k+1].Text) || runes.Count(toks[k+1].Text) < 3 || seqtag.IsPlace(toks[k+1].Text) {
			continue // two letters are often a code (BJ), a place the seat (суд Сан-Франциско (США))
		}
		a := Mention{Start: toks[k+1].Start, End: toks[k+1].End, Type: ORG, Language: lang}
		if i+1 < len(ms) && ms[i+1].Start < a.End {
			continue
		}
		add = append(add, a)
	}
	return withAdded(ms, add)
}
