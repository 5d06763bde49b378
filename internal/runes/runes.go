// Package runes has the unicode predicates and case mappings that the
// library calls for every rune of a text, with fast paths for ASCII and the
// basic Cyrillic block (U+0400–U+045F), where the standard library searches
// its tables. Every function returns exactly what its namesake in package
// unicode or strings returns, for every rune and string (the tests check
// all runes).
package runes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsLetter is unicode.IsLetter.
func IsLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r < 0x460:
		return true
	}
	return unicode.IsLetter(r)
}

// IsUpper is unicode.IsUpper.
func IsUpper(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r < 0x430:
		return true
	case 0x430 <= r && r < 0x460:
		return false
	}
	return unicode.IsUpper(r)
}

// IsLower is unicode.IsLower.
func IsLower(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z'
	case 0x430 <= r && r < 0x460:
		return true
	case 0x400 <= r && r < 0x430:
		return false
	}
	return unicode.IsLower(r)
}

// ToLower is unicode.ToLower.
func ToLower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0x410 <= r && r < 0x430:
		return r + 0x20
	case 0x400 <= r && r < 0x410:
		return r + 0x50
	case 0x430 <= r && r < 0x460:
		return r
	}
	return unicode.ToLower(r)
}

// Lower is strings.ToLower.
func Lower(s string) string {
	// Find the first rune that changes; most words are already lower case
	// after their first letter, and many are lower case throughout.
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return lowerFrom(s, i)
			}
			i++
			continue
		}
		r, n := Decode(s[i:])
		if r == utf8.RuneError && n == 1 {
			return strings.ToLower(s) // it replaces invalid bytes
		}
		if ToLower(r) != r {
			return lowerFrom(s, i)
		}
		i += n
	}
	return s
}

// lowerFrom lowers s, whose runes before byte i are already lower case.
func lowerFrom(s string, i int) string {
	b := make([]byte, i, len(s)+utf8.UTFMax)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := Decode(s[i:])
		if r == utf8.RuneError && n == 1 {
			return strings.ToLower(s)
		}
		b = utf8.AppendRune(b, ToLower(r))
		i += n
	}
	return string(b)
}

// Count is utf8.RuneCountInString.
func Count(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // a two-byte sequence: Cyrillic, Greek, Latin with marks
		default:
			return n + utf8.RuneCountInString(s[i:])
		}
		n++
	}
	return n
}

// Decode is utf8.DecodeRuneInString.
func Decode(s string) (rune, int) {
	if len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		if 0xC2 <= c && c <= 0xDF && len(s) > 1 && s[1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(s[1]&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s)
}
