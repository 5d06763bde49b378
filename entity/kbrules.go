package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

// kbTypes corrects person/non-person confusions with the built-in knowledge
// base: a mention whose whole text is a name or alias of the knowledge base
// (matched as the linker matches, by transliteration key) and whose decoded
// type is PER while every entry of that alias is an organization, place or
// event — or the other way round — takes the knowledge base's type (the type
// of the first such entry in the file). Izvestiya, a newspaper, is an
// organization however much it looks like a surname. Confusions between
// organizations and places are left to the model: metonymy ("Kazakhstan
// said") makes them depend on context.
func kbTypes(ms []Mention, text string, keys keyCache) []Mention {
	kb, err := builtinIndex()
	if err != nil || kb == nil {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		ids := kb.byKey[keys.key(text[m.Start:m.End])]
		if len(ids) == 0 {
			continue
		}
		var first Type
		conflict := true
		for _, j := range ids {
			et := kb.entries[j].Type
			if first == "" {
				first = et
			}
			if (et == PER) == (m.Type == PER) {
				conflict = false
				break
			}
		}
		if conflict {
			m.Type = first
		}
	}
	return listTypes(ms, text, kb, keys)
}

// listTypes makes the members of a coordinated list of names agree in type
// where the knowledge base backs it: in "Vostok (East), Zapad (West), Tsentr
// (Centre) and Kavkas (Caucasus)" the military districts Zapad, Tsentr and
// Kavkas are organizations in the knowledge base, so Vostok, which the model
// read as a place, is one too. A list is three or more mentions joined only by
// commas, semicolons and "and"/"or" words (bracketed glosses between them are
// skipped); a member changes between organization and place only when two
// other members have that type and their names have knowledge-base entries of
// it, and its own name has such an entry too.
func listTypes(ms []Mention, text string, kb *kbIndex, keys keyCache) []Mention {
	var run []int // indexes of the members of the current list
	flush := func() {
		if len(run) >= 3 {
			// The knowledge-base types of each member's name, looked up once.
			types := make([][2]bool, len(run)) // has an ORG entry, has a LOC entry
			for n, i := range run {
				for _, j := range kb.byKey[keys.key(text[ms[i].Start:ms[i].End])] {
					switch kb.entries[j].Type {
					case ORG:
						types[n][0] = true
					case LOC:
						types[n][1] = true
					}
				}
			}
			for ti, t := range []Type{ORG, LOC} {
				backed := 0
				for n, i := range run {
					if ms[i].Type == t && types[n][ti] {
						backed++
					}
				}
				for n, i := range run {
					m := &ms[i]
					if (m.Type == ORG || m.Type == LOC) && m.Type != t && types[n][ti] && backed >= 2 {
						m.Type = t
					}
				}
			}
		}
		run = run[:0]
	}
	for i, m := range ms {
		if bracketed(text, m) {
			continue
		}
		if len(run) > 0 && !coordinated(text[ms[run[len(run)-1]].End:m.Start]) {
			flush()
		}
		run = append(run, i)
	}
	flush()
	return ms
}

// bracketed reports a mention that fills a pair of brackets exactly.
func bracketed(text string, m Mention) bool {
	return m.Start > 0 && m.End < len(text) && text[m.Start-1] == '(' && text[m.End] == ')'
}

// coordinated reports whether the text between two names joins them as list
// members: separators and conjunctions only, once bracketed asides of at most
// a few words are taken out.
func coordinated(gap string) bool {
	if len(gap) > 60 {
		return false
	}
	depth := 0
	word := -1 // start of the current word outside brackets, or -1
	ok := true
	end := func(i int) {
		if word >= 0 {
			switch runes.Lower(gap[word:i]) {
			case "and", "or", "и", "или", "а", "және", "мен", "та", "і", "й":
			default:
				ok = false
			}
			word = -1
		}
	}
	for i, r := range gap {
		switch {
		case r == '(':
			end(i)
			depth++
		case r == ')':
			if depth == 0 {
				return false
			}
			depth--
		case depth > 0:
		case r == ',' || r == ';' || unicode.IsSpace(r):
			end(i)
		default:
			if word < 0 {
				word = i
			}
		}
	}
	end(len(gap))
	return ok && depth == 0
}

// dropGlosses removes translations in brackets after a name: in
// "Vostok (East), Zapad (West)" the bracketed words are English glosses of
// the names before them, not mentions of their own. A mention is a gloss
// when it is a single Latin-script word in title case (not an acronym:
// "(SCO)" stays), fills the brackets exactly, follows a one-word capitalized
// name right before the opening bracket ("Boris Nikolayevich (Yeltsin)"
// and "Red Star (Yugoslavia)" keep theirs), is not mentioned elsewhere in
// the text, and is neither a known place name nor a name in the knowledge
// base ("Astana (Nur-Sultan)" keeps both).
func dropGlosses(text string, toks []token.Token, ms []Mention) []Mention {
	ms = dropCompassAdjectives(text, ms)
	count := make(map[string]int, len(ms))
	for _, m := range ms {
		count[text[m.Start:m.End]]++
	}
	out := ms[:0]
	k := 0
	for _, m := range ms {
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		if k < len(toks) && toks[k].Start == m.Start && toks[k].End == m.End &&
			count[text[m.Start:m.End]] == 1 && isGloss(text, toks, k) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// compassWords start compound adjectives of origin in English: "East
// European", "Central Asian", "North African".
var compassWords = map[string]bool{
	"East": true, "West": true, "North": true, "South": true, "Central": true,
	"Eastern": true, "Western": true, "Northern": true, "Southern": true,
	"Northeast": true, "Northwest": true, "Southeast": true, "Southwest": true,
}

// continental are adjectives of continents and macro-regions, which the
// gazetteer's demonyms (countries only) leave out.
var continental = map[string]bool{
	"European": true, "Asian": true, "African": true, "American": true, "Caucasian": true, "Siberian": true,
	"Arab": true, "Slavic": true, "Latin": true, "Nordic": true, "Balkan": true,
}

// dropCompassAdjectives removes a one-word mention of a compass word that the
// model cut off a compound adjective: in "the East European and Central Asian
// regions" East is no place of its own, any more than Belarusian is. The next
// word must be a country demonym of the gazetteer or a continental adjective,
// on the same line after one space.
func dropCompassAdjectives(text string, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if compassWords[text[m.Start:m.End]] && m.End+1 < len(text) && text[m.End] == ' ' {
			next := text[m.End+1:]
			n := strings.IndexFunc(next, func(r rune) bool { return !runes.IsLetter(r) })
			if n < 0 {
				n = len(next)
			}
			if _, ok := gazetteer().Demonym(next[:n]); (ok || continental[next[:n]]) && n > 0 {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// isGloss reports whether token k is a bracketed gloss (see dropGlosses).
func isGloss(text string, toks []token.Token, k int) bool {
	if k < 2 || k+1 >= len(toks) || toks[k-1].Text != "(" || toks[k+1].Text != ")" {
		return false
	}
	w := toks[k].Text
	if !titleLatin(w) {
		return false
	}
	prev := toks[k-2]
	if prev.Kind != token.Word || toks[k-1].Newlines > 0 {
		return false
	}
	if r, _ := runes.Decode(prev.Text); !runes.IsUpper(r) {
		return false
	}
	if k >= 3 && toks[k-3].Kind == token.Word && toks[k-2].Newlines == 0 && toks[k-3].End < prev.Start {
		if r, _ := runes.Decode(toks[k-3].Text); runes.IsUpper(r) {
			return false // a name of two or more words before the bracket
		}
	}
	if seqtag.IsPlace(w) {
		return false
	}
	if kb, err := builtinIndex(); err == nil && kb != nil && len(kb.byKey[kbKey(w)]) > 0 {
		return false
	}
	return true
}

// titleLatin reports a word of two or more Latin letters, the first upper
// case and the rest lower case.
func titleLatin(w string) bool {
	n := 0
	for i, r := range w {
		if r >= utf8.RuneSelf || !runes.IsLetter(r) {
			return false
		}
		if (i == 0) != runes.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// kbNames adds mentions the model missed for names of the knowledge base
// that are unmistakable as written: an acronym (ҰҚШҰ, ШЫҰ, ОДКБ: two to six
// capitals) written as an alias is, and a name of two words or more in
// quotation marks («Дала қыраны», "Steppe Eagle") whose text is an alias, with the type of the alias's first entry. Words
// already inside a mention are left alone, as are lone capitals that could
// be initials.
func kbNames(text string, toks []token.Token, ms []Mention, lang language.Tag, keys keyCache) []Mention {
	kb, err := builtinIndex()
	if err != nil || kb == nil {
		return ms
	}
	covered := func(s, e int) bool {
		for _, m := range ms {
			if m.Start < e && s < m.End {
				return true
			}
		}
		return false
	}
	var add []Mention
	for i, t := range toks {
		switch {
		case t.Kind == token.Word && acronymWord(t.Text) && kb.acro[runes.Lower(t.Text)]:
			// An acronym as the knowledge base writes it, in its script:
			// УК (a criminal code) is not UK.
			// Country acronyms (АҚШ, РФ) are left to the model, which
			// knows when they open a longer name (АҚШ доллары).
			if typ, ok := kb.typeOf(t.Text); ok && typ != LOC && !covered(t.Start, t.End) {
				add = append(add, Mention{Start: t.Start, End: t.End, Type: typ, Language: lang})
			}
		case t.Kind != token.Word && openQuote(t.Text):
			// The words up to the closing mark on the same line, at most six.
			for j := i + 1; j < len(toks) && j <= i+7 && toks[j].Newlines == 0; j++ {
				if toks[j].Kind == token.Word {
					continue
				}
				if !closeQuoteOf(t.Text, toks[j].Text) || j == i+1 {
					break
				}
				s, e := toks[i+1].Start, toks[j-1].End
				if j-i-1 < 2 {
					break // one quoted word («Центр») is too often some other name
				}
				if typ, ok := kb.typeOf(text[s:e]); ok && !covered(s, e) {
					add = append(add, Mention{Start: s, End: e, Type: typ, Language: lang})
				}
				break
			}
		}
	}
	return kbLongNames(text, toks, withAdded(ms, add), lang, kb, keys)
}

// kbLongNames finds organization and event names of the knowledge base,
// two words or more as written there, that the model cut short or split:
// "the Astana International Forum" tagged as the organization "Astana
// International" becomes the event. A name starts with a capital, on one
// line, and its other words are capitalized or joiners; it replaces the
// mentions it covers whole or in part, but never one
// that reaches beyond it, and people are left to the model.
func kbLongNames(text string, toks []token.Token, ms []Mention, lang language.Tag, kb *kbIndex, keys keyCache) []Mention {
	var add []Mention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		r, _ := runes.Decode(t.Text)
		if t.Kind != token.Word || !runes.IsUpper(r) {
			continue
		}
		// A name of two words or more goes on with a capitalized word or a
		// joiner; most capitalized words are followed by neither.
		if i+1 >= len(toks) || toks[i+1].Newlines > 0 || !nameWordsOnly(toks[i+1:i+2]) || toks[i+1].Kind != token.Word {
			continue
		}
		maxN := kb.firsts[keys.key(t.Text)]
		if maxN == 0 {
			continue
		}
		// The run of name words on this line, at most the tokens that can
		// hold maxN words; then the longest alias in it.
		last := i
		for last+1 < len(toks) && last+1 <= i+2*maxN && toks[last+1].Newlines == 0 && nameWordsOnly(toks[last+1:last+2]) {
			last++
		}
		for j := last; j > i; j-- {
			if toks[j].Kind != token.Word {
				continue
			}
			s, e := t.Start, toks[j].End
			ids := kb.byKey[keys.key(text[s:e])]
			if len(ids) == 0 {
				continue
			}
			typ := kb.entries[ids[0]].Type
			if typ == PER || typ == LOC {
				break
			}
			if spillsOver(ms, s, e) {
				break
			}
			add = append(add, Mention{Start: s, End: e, Type: typ, Language: lang})
			i = j
			break
		}
	}
	if len(add) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		inside := false
		for _, a := range add {
			if m.Start < a.End && a.Start < m.End {
				inside = true
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	out = append(out, add...)
	sortByStart(out)
	return out
}

// nameWordsOnly reports whether every word among the tokens is capitalized
// or a joiner (of, the, и, по): "Interfax news agency" is Interfax and a
// description, whatever an alias says.
func nameWordsOnly(toks []token.Token) bool {
	for _, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		r, _ := runes.Decode(t.Text)
		if !runes.IsUpper(r) && !unicode.IsDigit(r) && (len(t.Text) > 20 || !stopWords[runes.Lower(t.Text)]) {
			return false
		}
	}
	return true
}

// spillsOver reports whether a mention overlaps [s, e) and reaches beyond it.
func spillsOver(ms []Mention, s, e int) bool {
	for _, m := range ms {
		if m.Start < e && s < m.End && (m.Start < s || m.End > e) {
			return true
		}
	}
	return false
}

// acronymWord reports a word of two to six letters, all capitals.
func acronymWord(w string) bool {
	n := 0
	for _, r := range w {
		if !runes.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// openQuote and closeQuoteOf recognise the quotation marks of news text:
// «», „“, “”, and straight double quotes.
func openQuote(s string) bool {
	switch s {
	case "«", "„", "“", "\"":
		return true
	}
	return false
}

func closeQuoteOf(open, s string) bool {
	switch open {
	case "«":
		return s == "»"
	case "„":
		return s == "“" || s == "”"
	case "“":
		return s == "”"
	}
	return s == open
}

// kbNameWords are the knowledge base's organization and event names of
// three words or more, as lower-case words, keyed by the first four runes
// of their first word, for [kbComplete]; [kbLongNames] finds names written
// as the knowledge base writes them.
var kbNameWords = sync.OnceValue(func() map[string][][]string {
	kb, err := builtinIndex()
	if err != nil || kb == nil {
		return nil
	}
	out := map[string][][]string{}
	for _, e := range kb.entries {
		if e.Type != ORG && e.Type != EVENT {
			continue
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if ws := strings.Fields(runes.Lower(a)); len(ws) >= 3 {
				if k, ok := stemKey4(ws[0]); ok {
					out[k] = append(out[k], ws)
				}
			}
		}
	}
	return out
})

// stemKey4 returns the first four runes of w, or false for a shorter word.
func stemKey4(w string) (string, bool) {
	n := 0
	for i := range w {
		if n == 4 {
			return w[:i], true
		}
		n++
	}
	return w, n == 4
}

// kbComplete completes an organization or event mention that the tagger
// cut short of a knowledge-base name (Организацию по безопасности и
// сотрудничеству | в Европе): when the mention's words are the first words
// of a name of three words or more — the first in any case form, sharing
// all but its last two letters with the name's — and the text goes on
// with the name's other words, on the same line, the mention takes them
// in, and the mentions inside them are dropped. Ukrainian (SlavicNER) and
// Kazakh (KazNERD) mark a body and the place after it as two names
// (Верховний суд | США): with those models (model is the model's base
// language) a name is not completed across a place mention.
func kbComplete(text string, toks []token.Token, ms []Mention, model string) []Mention {
	index := kbNameWords()
	changed := false
	for i := range ms {
		m := &ms[i]
		a := tokenAt(toks, m.Start)
		if m.Type != ORG && m.Type != EVENT || a < 0 {
			continue
		}
		b := a
		for b+1 < len(toks) && toks[b+1].End <= m.End {
			b++
		}
		n := b - a + 1
		if n < 2 || toks[b].End != m.End {
			continue
		}
		first := runes.Lower(toks[a].Text)
		k, ok := stemKey4(first)
		if !ok {
			continue
		}
	names:
		for _, ws := range index[k] {
			if len(ws) <= n || !sameStem(first, ws[0]) {
				continue
			}
			for j := 1; j < n; j++ {
				if runes.Lower(toks[a+j].Text) != ws[j] {
					continue names
				}
			}
			end := b + len(ws) - n
			if end >= len(toks) {
				continue
			}
			for j := b + 1; j <= end; j++ {
				if toks[j].Newlines > 0 || runes.Lower(toks[j].Text) != ws[j-a] {
					continue names
				}
			}
			if model == "uk" || model == "kk" {
				for _, x := range ms[i+1:] {
					if x.Start < toks[end].End && x.Type == LOC {
						continue names
					}
				}
			}
			m.End = toks[end].End
			changed = true
			break
		}
	}
	if !changed {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if len(out) > 0 && m.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, m)
	}
	return out
}

// sameStem reports a word that is w in another case form: it shares all
// of w but at most its last two runes, and at least four runes.
func sameStem(v, w string) bool {
	rv, rw := []rune(v), []rune(w)
	n := 0
	for n < len(rv) && n < len(rw) && rv[n] == rw[n] {
		n++
	}
	return n >= 4 && len(rw)-n <= 2 && len(rv)-n <= 3
}
