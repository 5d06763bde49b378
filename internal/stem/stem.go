// Package stem reduces words to stems for matching and classification:
// Snowball (Porter2) for English, Snowball for Russian and a light suffix
// stripper for Kazakh.
//
// Input words are expected in folded form (lower case, ё→е; see
// internal/normalize); other input is lower-cased first, which costs an
// allocation. Stems are for comparing words, not for display.
//
// # Prefix property
//
// Russian and Kazakh stems are always prefixes of the folded word. English
// stems are prefixes except for a last i, y, e or l (happy→happi,
// hoping→hope): [Lang.Key] returns a prefix of the stem that is also a
// prefix of every word with that stem, which lets callers skip stemming
// words that cannot match.
//
// # Concurrency
//
// All functions are pure and safe for concurrent use.
package stem

import (
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/runes"
)

// Lang selects a stemmer.
type Lang uint8

// Stemmers.
const (
	None    Lang = iota // no stemming: the word is returned unchanged
	English             // Snowball English (Porter2)
	Russian             // Snowball Russian
	Kazakh              // light Kazakh suffix stripper
)

var langNames = [...]string{"none", "en", "ru", "kk"}

// String returns the BCP 47 code of the stemmer's language, or "none".
func (l Lang) String() string {
	if int(l) < len(langNames) {
		return langNames[l]
	}
	return "none"
}

// For returns the stemmer for a language tag: English, Russian or Kazakh by
// the tag's base language, None for any other and for an undetermined tag.
func For(tag language.Tag) Lang {
	b, conf := tag.Base()
	if conf != language.Exact {
		return None
	}
	switch b.String() {
	case "en":
		return English
	case "ru":
		return Russian
	case "kk":
		return Kazakh
	}
	return None
}

// Stem returns the stem of word in language l. Words of one or two letters
// and Snowball stop words are returned unchanged.
func (l Lang) Stem(word string) string {
	switch l {
	case English:
		return english.Stem(word, false)
	case Russian:
		return russian.Stem(word, false)
	case Kazakh:
		return KazakhStem(word)
	}
	return word
}

// Key returns a prefix of stem that every word with that stem in language l
// also starts with. It is the stem itself for Russian, Kazakh and None. An
// English stem differs from its words only in a last letter i (happy→happi),
// y (skies→sky),
// e (hoping→hope) or l (possibility→possibl), so that letter is dropped.
// Porter2's special forms dying→die, lying→lie and tying→tie are the
// exceptions.
func (l Lang) Key(stem string) string {
	if l != English || len(stem) < 2 {
		return stem
	}
	switch stem[len(stem)-1] {
	case 'i', 'e', 'l', 'y':
		return stem[:len(stem)-1]
	}
	return stem
}

// Kazakh suffixes, longest first within each group. The stripper removes at
// most one plural, one possessive, one case and one predicative ending, in
// the reverse of their order in the word, keeping at least three letters of
// the stem.
var (
	kkPredicative = []string{"мыз", "міз", "быз", "біз", "пыз", "піз", "сыңдар", "сіңдер", "сыз", "сіз", "мын", "мін", "бын", "бін", "пын", "пін", "сың", "сің"}
	kkCase        = []string{
		"ның", "нің", "дың", "дің", "тың", "тің", // genitive
		"нан", "нен", "дан", "ден", "тан", "тен", // ablative
		"нда", "нде", "да", "де", "та", "те", // locative
		"нға", "нге", "ға", "ге", "қа", "ке", "на", "не", // dative
		"мен", "бен", "пен", // instrumental
		"ны", "ні", "ды", "ді", "ты", "ті", "н", // accusative
		"ша", "ше", "дай", "дей", "тай", "тей", // equative, similative
		"дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", // locative adjectival
	}
	// Single-letter possessives (-ы, -і, -м, -ң) are not stripped: too many
	// stems end in those letters (есірткі, бала+м).
	kkPossessive = []string{"ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ым", "ім", "ың", "ің", "сы", "сі"}
	// Plural, also with the third-person possessive (-лары: their …s).
	kkPlural = []string{"лар", "лер", "дар", "дер", "тар", "тер", "лары", "лері", "дары", "дері", "тары", "тері"}
)

// KazakhStem strips common Kazakh inflectional suffixes from a folded word:
// predicative, case, possessive and plural endings. Derivational suffixes
// (-лық, -шы) are kept, as they change the meaning.
func KazakhStem(word string) string {
	word = lower(word)
	const minStem = 3
	w := word
	for _, group := range [][]string{kkPredicative, kkCase, kkPossessive, kkPlural} {
		w = stripOne(w, group, minStem)
	}
	return w
}

// stripOne removes the longest suffix of list that leaves at least minStem
// runes.
func stripOne(w string, list []string, minStem int) string {
	best := ""
	for _, s := range list {
		if len(s) > len(best) && strings.HasSuffix(w, s) && runes.Count(w[:len(w)-len(s)]) >= minStem {
			best = s
		}
	}
	return w[:len(w)-len(best)]
}

// lower lower-cases s when it has any upper-case letter.
func lower(s string) string {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && runes.Lower(string(r)) != string(r) {
			return runes.Lower(s)
		}
	}
	return s
}
