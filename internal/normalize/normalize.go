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
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Rune folds one rune: lower case, ё→е, й kept, typographic quotes to '"',
// apostrophes to the ASCII apostrophe, dashes and hyphens to '-'.
func Rune(r rune) rune {
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
	return unicode.ToLower(r)
}

// Fold returns s in NFC with every rune folded by [Rune]. Invalid UTF-8
// bytes are dropped. Fold is meant for matching, not display.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		b.WriteRune(Rune(r))
	}
	return b.String()
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
func NFC(s string) string { return norm.NFC.String(s) }

// Quote reports whether r is an opening or closing quotation mark.
func Quote(r rune) bool {
	return Rune(r) == '"' || r == '\'' || r == '‘' || r == '’'
}

// Dash reports whether r is a hyphen or dash.
func Dash(r rune) bool { return Rune(r) == '-' }
