// Package normalize folds text for matching: NFC, lower case, ё→е, and one
// form for the many quotes, apostrophes and dashes of real news text.
//
// Folding is for comparing and looking up strings only. It returns new
// strings and never changes the caller's text, so offsets into the original
// stay valid; code that needs offsets keeps them from the tokenizer.
//
// All functions are pure and safe for concurrent use.
package normalize

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsmon/newsmon/internal/runes"
)

// Rune folds one rune: lower case, ё→е, й kept, typographic quotes to '"',
// apostrophes to the ASCII apostrophe, dashes and hyphens to '-'.
func Rune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 'а' <= r && r <= 'я': // the common Cyrillic letters, lower case
		return r
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	}
	switch r {
	case 'Ё', 'ё':
		return 'е'
	case '«', '»', '“', '”', '„', '‟', '″':
		return '"'
	case '’', '‘', '‛', 'ʼ', '`', '´', '′':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return runes.ToLower(r)
}

// Fold returns s in NFC with every rune folded by [Rune]. Invalid UTF-8
// bytes are dropped. Fold is meant for matching, not display.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	if !nfcStarters(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := runes.Decode(s[i:])
		i += size
		if r == utf8.RuneError {
			continue
		}
		b.WriteRune(Rune(r))
	}
	return b.String()
}

// nfcStarters reports whether s is valid UTF-8 made only of runes that are
// in NFC on their own and never compose with the rune before them (Latin
// up to U+02FF, Cyrillic letters, general punctuation), so that s is in
// NFC as it is: the common case, checked faster than by package norm.
// TestNFCStarters checks the ranges against package norm.
func nfcStarters(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := runes.Decode(s[i:])
		if !nfcStarter(r) {
			return false
		}
		i += size
	}
	return true
}

// nfcStarter reports whether r is one of the runes of [nfcStarters]. It
// is false for utf8.RuneError, which also stands for invalid bytes.
func nfcStarter(r rune) bool {
	return r < 0x300 || 0x400 <= r && r <= 0x482 || 0x48A <= r && r <= 0x52F || 0x2010 <= r && r <= 0x206F
}

// isFolded reports whether s is ASCII with no upper-case letters or
// backquote, the common case that needs no work.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' {
			return false
		}
	}
	return true
}

// NFC returns s in Unicode normalization form C.
func NFC(s string) string {
	if nfcStarters(s) {
		return s
	}
	return norm.NFC.String(s)
}

// IsNFC reports whether s is in Unicode normalization form C, like
// norm.NFC.IsNormalString, faster for Latin and Cyrillic text.
func IsNFC(s string) bool {
	return nfcStarters(s) || norm.NFC.IsNormalString(s)
}

// Quote reports whether r is an opening or closing quotation mark.
func Quote(r rune) bool {
	return Rune(r) == '"' || r == '\'' || r == '‘' || r == '’'
}

// Dash reports whether r is a hyphen or dash.
func Dash(r rune) bool { return Rune(r) == '-' }
