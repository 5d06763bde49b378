package entity

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/token"
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
func kbTypes(ms []Mention, text string) []Mention {
	kb, err := builtinIndex()
	if err != nil || kb == nil {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		ids := kb.byKey[kbKey(text[m.Start:m.End])]
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
	return ms
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
	if r, _ := utf8.DecodeRuneInString(prev.Text); !unicode.IsUpper(r) {
		return false
	}
	if k >= 3 && toks[k-3].Kind == token.Word && toks[k-2].Newlines == 0 && toks[k-3].End < prev.Start {
		if r, _ := utf8.DecodeRuneInString(toks[k-3].Text); unicode.IsUpper(r) {
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
		if r >= utf8.RuneSelf || !unicode.IsLetter(r) {
			return false
		}
		if (i == 0) != unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
