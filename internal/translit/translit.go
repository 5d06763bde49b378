// Package translit converts names between the Cyrillic alphabets of Russian,
// Ukrainian and Kazakh and the Latin alphabet, and builds script-independent
// matching keys so that Шойгу and Shoigu, or Тоқаев, Токаев, Tokayev and
// Toqaev, compare equal.
//
// # Systems
//
// [ToLatin] romanizes Cyrillic text with one of the [System] values:
// BGN/PCGN-like systems for Russian and Kazakh as used by English-language
// news (Tokayev, Shoigu, Astana), the Ukrainian national system of 2010, and
// the Kazakh Latin alphabet of 2021 (ä ğ ı i j ñ ö q ş ç ū ü y). Latin text and
// other scripts pass through unchanged. [ToCyrillic] is the approximate reverse
// for Latin names (news romanization or Kazakh 2021 letters) into Russian
// Cyrillic spelling.
//
// # Keys
//
// [Key] is not a romanization for display: it folds case, script and the usual
// variation between romanization systems (ye/e, kh/h, q/k, y/i, doubled
// letters, zh/j) into one lower-case ASCII string with words separated by
// single spaces. Two spellings of the same name usually get the same key; two
// different names occasionally do too, so keys are for linking, not identity.
//
// All functions are pure, never panic, drop invalid UTF-8 and are safe for
// concurrent use. Their cost is linear in the length of the input.
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/runes"
)

// System is a romanization system for [ToLatin].
type System uint8

// Romanization systems.
const (
	// Russian is BGN/PCGN-like romanization of Russian as used by English
	// news: е is "ye" at the start of a word and after vowels, й is "y", ё is
	// "yo", soft and hard signs are dropped.
	Russian System = iota
	// Kazakh is BGN/PCGN-like romanization of Kazakh Cyrillic: ә ä, ғ gh,
	// қ q, ң ng, ө ö, ұ u, ү ü, һ h, і i, on top of [Russian].
	Kazakh
	// Kazakh2021 is the Kazakh Latin alphabet approved in January 2021:
	// ә ä, ғ ğ, і ı, и/й i, ж j, қ q, ң ñ, ө ö, ұ ū, ү ü, ш ş, ч ç, ы y.
	Kazakh2021
	// Ukrainian is the Ukrainian national romanization (2010): г h, ґ g,
	// и y, і i, ї yi/i, є ye/ie, й y/i.
	Ukrainian
)

// String returns the name of the system.
func (s System) String() string {
	switch s {
	case Russian:
		return "russian-bgn"
	case Kazakh:
		return "kazakh-bgn"
	case Kazakh2021:
		return "kazakh-2021"
	case Ukrainian:
		return "ukrainian-national"
	}
	return "unknown"
}

func isCyrVowel(r rune) bool {
	switch runes.ToLower(r) {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ә', 'ө', 'ұ', 'ү', 'і', 'є', 'ї', 'ъ', 'ь', 'й':
		return true
	}
	return false
}

// base is the letter table shared by the BGN-like systems, lower case.
var base = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
	// Kazakh letters (BGN/PCGN Kazakh)
	'ә': "ä", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "ö", 'ұ': "u", 'ү': "ü", 'һ': "h", 'і': "i",
	// Ukrainian and Belarusian letters, for text that mixes them in
	'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "w",
}

var kz2021 = map[rune]string{
	'а': "a", 'ә': "ä", 'б': "b", 'в': "v", 'г': "g", 'ғ': "ğ", 'д': "d", 'е': "e", 'ё': "io",
	'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'қ': "q", 'л': "l", 'м': "m", 'н': "n",
	'ң': "ñ", 'о': "o", 'ө': "ö", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "ū",
	'ү': "ü", 'ф': "f", 'х': "h", 'һ': "h", 'ц': "ts", 'ч': "ç", 'ш': "ş", 'щ': "şş", 'ъ': "",
	'ы': "y", 'і': "ı", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
}

var ukr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
	'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia", '\'': "", '’': "", 'ʼ': "",
	// Russian letters in Ukrainian text
	'ы': "y", 'э': "e", 'ё': "yo", 'ъ': "",
}

// ToLatin romanizes the Cyrillic letters of s with system sys, keeping the
// case of each word (a capital becomes a capital, an all-capital word stays
// all capital). Other characters are copied unchanged; invalid UTF-8 is
// dropped.
func ToLatin(s string, sys System) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	prev := rune(' ')
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := runes.Decode(s[i:]); n <= 1 {
				continue
			}
		}
		lr := runes.ToLower(r)
		initial := !runes.IsLetter(prev) && prev != '\'' && prev != '’'
		var out string
		var ok bool
		switch sys {
		case Kazakh2021:
			out, ok = kz2021[lr]
		case Ukrainian:
			out, ok = ukr[lr]
			if ok && initial {
				switch lr {
				case 'є':
					out = "ye"
				case 'ї':
					out = "yi"
				case 'й':
					out = "y"
				case 'ю':
					out = "yu"
				case 'я':
					out = "ya"
				}
			}
			if lr == 'г' && prev == 'з' || lr == 'г' && prev == 'З' {
				out = "gh" // зг -> zgh, so that it is not read as zh
			}
		default:
			out, ok = base[lr]
			if ok && lr == 'е' && (initial || isCyrVowel(prev)) {
				out = "ye"
			}
			if ok && lr == 'ё' && !(initial || isCyrVowel(prev)) && runes.IsLetter(prev) {
				out = "yo"
			}
		}
		if !ok {
			b.WriteRune(r)
			prev = r
			continue
		}
		if out != "" && runes.IsUpper(r) {
			if allUpperAround(s, i) {
				out = strings.ToUpper(out)
			} else {
				o, n := runes.Decode(out)
				out = string(unicode.ToUpper(o)) + out[n:]
			}
		}
		b.WriteString(out)
		prev = r
	}
	return b.String()
}

// allUpperAround reports whether the word containing the upper-case rune at
// byte i has another upper-case letter and no lower-case letter, so that
// "ШОС" becomes "SHOS" and not "ShOS".
func allUpperAround(s string, i int) bool {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !runes.IsLetter(r) {
			break
		}
		start -= n
	}
	letters := 0
	for _, r := range s[start:] {
		if !runes.IsLetter(r) {
			break
		}
		if runes.IsLower(r) {
			return false
		}
		letters++
	}
	return letters > 1
}

// latinDigraphs maps Latin spellings to Russian Cyrillic, longest first.
var latinDigraphs = []struct{ lat, cyr string }{
	{"shch", "щ"}, {"dzh", "дж"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
	{"yo", "ё"}, {"yu", "ю"}, {"ya", "я"}, {"ye", "е"}, {"iu", "ю"}, {"ia", "я"}, {"gh", "г"},
	{"ng", "нг"},
}

var latinSingle = map[rune]string{
	'a': "а", 'b': "б", 'c': "к", 'd': "д", 'e': "е", 'f': "ф", 'g': "г", 'h': "х", 'i': "и",
	'j': "дж", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'q': "к", 'r': "р",
	's': "с", 't': "т", 'u': "у", 'v': "в", 'w': "в", 'x': "кс", 'y': "й", 'z': "з",
	'ä': "а", 'ğ': "г", 'ı': "ы", 'ñ': "н", 'ö': "о", 'ş': "ш", 'ç': "ч", 'ū': "у", 'ü': "у",
	'é': "е", 'è': "е", 'á': "а", 'í': "и", 'ó': "о", 'ú': "у",
}

// ToCyrillic spells the Latin letters of s in Russian Cyrillic, reading news
// romanization digraphs (kh, zh, shch, ya …) and Kazakh 2021 letters (ş, ç,
// ğ …). It is approximate: "Tokayev" gives "Токаев", "Shoigu" "Шойгу". Case
// is kept per word; other characters are copied unchanged.
func ToCyrillic(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); {
		r, n := runes.Decode(s[i:])
		if r == utf8.RuneError && n <= 1 {
			i++
			continue
		}
		lr := runes.ToLower(r)
		upper := runes.IsUpper(r)
		allUp := upper && allUpperAround(s, i)
		prevLetter := false
		var prev rune
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
			prevLetter = runes.IsLetter(prev)
		}
		matched := false
		for _, d := range latinDigraphs {
			if len(s)-i >= len(d.lat) && strings.EqualFold(s[i:i+len(d.lat)], d.lat) {
				cyr := d.cyr
				if d.lat == "ye" && !prevLetter {
					cyr = "е"
				}
				if (d.lat == "ia" || d.lat == "iu") && !prevLetter {
					break // Ian, Iurie: initial i is a vowel of its own
				}
				writeCase(&b, cyr, upper, allUp)
				i += len(d.lat)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		cyr, ok := latinSingle[lr]
		if !ok {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		next, _ := runes.Decode(s[i+n:])
		switch {
		case lr == 'y' && prevLetter && !isLatinVowel(prev) && !runes.IsLetter(next):
			cyr = "ий" // Zelensky
			if runes.ToLower(prev) == 'y' {
				cyr = ""
			}
		case lr == 'y' && runes.ToLower(next) == 'y':
			cyr = "ий" // Zelenskyy
			i++
		case lr == 'y' && prevLetter && !isLatinVowel(prev) && !isLatinVowel(next):
			cyr = "ы"
		case lr == 'i' && prevLetter && isLatinVowel(prev) && !isLatinVowel(next):
			cyr = "й" // Shoigu, Sergei
		}
		if lr == 'e' && prevLetter && isLatinVowel(prev) {
			cyr = "е"
		}
		writeCase(&b, cyr, upper, allUp)
		i += n
	}
	return b.String()
}

func isLatinVowel(r rune) bool {
	switch runes.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü', 'ū', 'ı':
		return true
	}
	return false
}

func writeCase(b *strings.Builder, cyr string, upper, allUp bool) {
	switch {
	case allUp:
		b.WriteString(strings.ToUpper(cyr))
	case upper:
		r, n := runes.Decode(cyr)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(cyr[n:])
	default:
		b.WriteString(cyr)
	}
}
