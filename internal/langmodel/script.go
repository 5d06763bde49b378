package langmodel

import (
	"unicode"

	"github.com/newsmon/newsmon/internal/runes"
)

// Scripts are the ISO 15924 codes that [ScriptOf] tells apart, in a fixed
// order; index 0 ("Zyyy") is "no script".
var Scripts = [...]string{
	"Zyyy", "Latn", "Cyrl", "Grek", "Arab", "Hebr", "Armn", "Geor", "Hani", "Hira", "Kana",
	"Hang", "Thai", "Deva", "Beng", "Guru", "Gujr", "Taml", "Telu", "Jpan", "Zzzz",
}

var scriptTables = [...]*unicode.RangeTable{
	nil, unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew, unicode.Armenian,
	unicode.Georgian, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai,
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Tamil, unicode.Telugu,
}

// Script indexes into [Scripts].
const (
	ScriptNone  = 0
	ScriptLatin = 1
	ScriptCyrl  = 2
	ScriptHani  = 8
	ScriptHira  = 9
	ScriptKana  = 10
	ScriptJpan  = len(Scripts) - 2
	ScriptOther = len(Scripts) - 1
)

// ScriptOf returns the index in [Scripts] of the script of a word rune r:
// [ScriptNone] for runes outside words, [ScriptOther] for scripts not
// listed.
func ScriptOf(r rune) int {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return ScriptLatin
		}
		return ScriptNone
	}
	if r < 0x250 {
		if runes.IsLetter(r) {
			return ScriptLatin
		}
		return ScriptNone
	}
	if 0x400 <= r && r < 0x530 {
		return ScriptCyrl
	}
	if !WordRune(r) {
		return ScriptNone
	}
	for i, t := range scriptTables {
		if t != nil && unicode.Is(t, r) {
			return i
		}
	}
	if unicode.Is(unicode.Inherited, r) {
		return ScriptNone
	}
	return ScriptOther
}

// Dominant returns the index in [Scripts] of the most frequent script in
// counts (as filled by [Extractor.Keys]), folding Hiragana and Katakana into
// Japanese: it returns [ScriptJpan] when there is any kana. It returns
// [ScriptNone] when counts are all zero.
func Dominant(counts *[len(Scripts)]int) int {
	best, n := ScriptNone, 0
	for s := 1; s < len(counts); s++ {
		if counts[s] > n {
			best, n = s, counts[s]
		}
	}
	if (best == ScriptHani || best == ScriptHira || best == ScriptKana) && counts[ScriptHira]+counts[ScriptKana] > 0 {
		return ScriptJpan
	}
	return best
}
