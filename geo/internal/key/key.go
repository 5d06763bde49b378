// Package key folds place names into the lookup keys of the gazetteer. The
// generator and the runtime share it, so that both sides agree.
package key

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
)

// MaxRunes bounds the length of a key: longer names are no place names and
// fold to "".
const MaxRunes = 200

// Of returns the lookup key of name: folded by [normalize.Fold], one space
// between words, no surrounding punctuation, and Latin letters without
// diacritics (São Paulo -> sao paulo, Almatı -> almati). Cyrillic letters
// keep theirs (й, қ, ү), except ё -> е.
func Of(name string) string {
	if len(name) > 4*MaxRunes {
		return ""
	}
	if isSimple(name) {
		if len(name) > MaxRunes {
			return ""
		}
		return name
	}
	if s, ok := asciiLower(name); ok {
		if len(s) > MaxRunes {
			return ""
		}
		return s
	}
	s := normalize.Fold(name)
	if hasLatinMarks(s) {
		s = stripLatin(s)
	}
	if needsSpaces(s) {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == 0 }), " ")
	}
	s = strings.TrimFunc(s, trimmed)
	// Dropped invalid bytes can leave combining marks out of canonical order.
	if !normalize.IsNFC(s) {
		s = strings.TrimFunc(norm.NFC.String(s), trimmed)
	}
	if runes.Count(s) > MaxRunes {
		return ""
	}
	return s
}

// asciiLower handles the common case of a capitalised ASCII name with single
// inner spaces and no surrounding punctuation: one allocation.
func asciiLower(s string) (string, bool) {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-' && i > 0 && i < len(s)-1:
		case c == ' ' && s[i-1] != ' ':
		default:
			return "", false
		}
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b), true
}

func trimmed(r rune) bool {
	switch r {
	case '"', '\'', '.', ',', '(', ')', '-', ':', ';', '!', '?', '[', ']', '*', '/':
		return true
	}
	return unicode.IsSpace(r)
}

// isSimple reports whether s is already a key: lower-case ASCII letters,
// digits and inner single spaces, hyphens, dots and apostrophes.
func isSimple(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' || c == '-' || c == '.' || c == '\'':
			if i == 0 || i == len(s)-1 || (c == ' ' && s[i-1] == ' ') {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func needsSpaces(s string) bool {
	prev := ' '
	for i, r := range s {
		if unicode.IsSpace(r) || r == 0 {
			if r != ' ' || prev == ' ' || i == len(s)-1 {
				return true
			}
		}
		prev = r
	}
	return false
}

func isLatinExt(r rune) bool {
	return r >= 0xC0 && r < 0x250 || r >= 0x1E00 && r < 0x1F00
}

func hasLatinMarks(s string) bool {
	for _, r := range s {
		if isLatinExt(r) || r >= 0x300 && r < 0x370 {
			return true
		}
	}
	return false
}

var special = map[rune]string{'ı': "i", 'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ħ': "h", 'ŀ': "l"}

// stripLatin removes the diacritics of Latin letters.
func stripLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range s {
		if !isLatinExt(r) && !(r >= 0x300 && r < 0x370) {
			b.WriteRune(r)
			prev = r
			continue
		}
		if r >= 0x300 && r < 0x370 {
			// A combining mark: dropped after Latin letters, kept after others
			// (the breve of й).
			if prev < 0x250 || prev >= 0x1E00 && prev < 0x1F00 {
				continue
			}
			b.WriteRune(r)
			continue
		}
		if x, ok := special[r]; ok {
			b.WriteString(x)
			prev = 'a'
			continue
		}
		d := norm.NFD.String(string(r))
		base, _ := runes.Decode(d)
		if x, ok := special[base]; ok { // ǿ -> ø -> o
			b.WriteString(x)
		} else {
			b.WriteRune(base)
		}
		prev = base
	}
	return b.String()
}
