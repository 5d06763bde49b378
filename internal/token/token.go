// Package token splits text into tokens and sentences with byte offsets into
// the original string.
//
// The tokenizer keeps real-world units whole: hyphenated names and codes
// (Zapad-2021, Kassym-Jomart, 10-16), dotted abbreviations (U.S., т.е.),
// dates and numbers with separators (05.08.2021, 100,000), URLs, e-mail
// addresses, @handles and #hashtags. It splits off punctuation, quotes and
// brackets, and the English possessive ('s, ’s).
//
// # Offsets
//
// Every [Token] satisfies text[Start:End] == Text. Invalid UTF-8 bytes and NUL
// bytes are treated as white space: they never appear inside a token, so
// offsets always fall on rune boundaries of the valid parts of the input.
//
// # Concurrency
//
// All functions are pure and safe for concurrent use.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/runes"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits, hyphens, apostrophes or abbreviation dots
	Number             // digits, possibly with separators: 100,000  05.08.2021  10-16  3.5
	Punct              // punctuation or a run of the same punctuation rune
	Symbol             // currency, math and other symbols
	URL                // http://…, https://…, www.…
	Email              // name@host.tld
	Handle             // @name or #tag
)

var kindNames = [...]string{"Word", "Number", "Punct", "Symbol", "URL", "Email", "Handle"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Token is one token of a text.
type Token struct {
	Start, End int    // half-open byte offsets into the original text
	Text       string // text[Start:End]
	Kind       Kind
	// Newlines is the number of line breaks between the previous token (or
	// the start of the text) and this one: 1 starts a new line, 2 or more
	// follow a blank line.
	Newlines int
}

// Tokenize splits text into tokens. It runs in time linear in len(text).
func Tokenize(text string) []Token {
	return AppendTokens(nil, text)
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice; it lets hot paths reuse a buffer.
func AppendTokens(dst []Token, text string) []Token {
	i, nl := 0, 0
	for i < len(text) {
		if c := text[i]; c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if c == '\n' {
				nl++
			}
			i++
			continue
		}
		r, size := runes.Decode(text[i:])
		if r >= 0x400 && r <= 0x52f && r != 0x482 { // hot path: a Cyrillic word
			end, kind := scanWord(text, i)
			dst = append(dst, Token{Start: i, End: end, Text: text[i:end], Kind: kind, Newlines: nl})
			nl, i = 0, end
			continue
		}
		if r == utf8.RuneError || r == 0 || unicode.IsSpace(r) || isInvisible(r) {
			if r == '\n' {
				nl++
			}
			i += size
			continue
		}
		end, kind := scan(text, i, r, size)
		dst = append(dst, Token{Start: i, End: end, Text: text[i:end], Kind: kind, Newlines: nl})
		nl = 0
		i = end
	}
	return dst
}

// isInvisible reports format characters (zero-width spaces, BOM, soft hyphen
// outside words) that separate tokens like white space does.
func isInvisible(r rune) bool {
	return r == '\u200b' || r == '\ufeff' || r == '\u2060' || r == '\u00ad' || r == '\u200e' || r == '\u200f'
}

// asciiClass holds, per ASCII byte, whether it is a letter (1) or digit (2).
var asciiClass = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	return t
}()

// isLetter reports letters and combining marks. Hot path: ASCII and the
// Cyrillic blocks are decided without the Unicode tables.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return asciiClass[r] == 1
	case r >= 0x400 && r <= 0x52f:
		return r != 0x482 // all Cyrillic letters and combining marks but ҂
	}
	return runes.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// cyrillicLetterAt reports whether s[j:] starts with a two-byte UTF-8
// sequence of the Cyrillic blocks U+0400–U+052F other than ҂ (U+0482),
// decoded without the general decoder.
func cyrillicLetterAt(s string, j int) bool {
	if j+1 >= len(s) {
		return false
	}
	b0, b1 := s[j], s[j+1]
	if b0 < 0xd0 || b0 > 0xd4 || b1&0xc0 != 0x80 {
		return false
	}
	r := rune(b0&0x1f)<<6 | rune(b1&0x3f)
	return r <= 0x52f && r != 0x482
}

// isAlnum reports letters, combining marks and decimal digits.
func isAlnum(r rune) bool {
	if r < 0x80 {
		return asciiClass[r] != 0
	}
	return isLetter(r) || unicode.IsDigit(r)
}

// isHyphen reports the hyphens that join two parts of a word.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports the apostrophes that may sit inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// runeAt decodes the rune at i, returning RuneError and 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return runes.Decode(s[i:])
}

// scan returns the end of the token that starts at i with rune r.
func scan(s string, i int, r rune, size int) (int, Kind) {
	switch {
	case isAlnum(r):
		if end, ok := scanURL(s, i); ok {
			return end, URL
		}
		end, kind := scanWord(s, i)
		// An e-mail's local part stops the word scan at '@' or at one of
		// the characters that may precede it; only then is it worth a look.
		if end < len(s) && strings.IndexByte("@._-+", s[end]) >= 0 {
			if e, ok := scanEmail(s, i); ok {
				return e, Email
			}
		}
		return end, kind
	case r == '@' || r == '#':
		j := i + size
		for {
			c, n := runeAt(s, j)
			if n == 0 || !(isAlnum(c) || c == '_') {
				break
			}
			j += n
		}
		if j > i+size {
			return j, Handle
		}
		return i + size, Punct
	case isApostrophe(r) && isPossessive(s, i, size):
		return i + size + 1, Word
	case unicode.IsPunct(r):
		// A run of the same punctuation rune is one token ("...", "!!!", "--").
		j := i + size
		for {
			c, n := runeAt(s, j)
			if n == 0 || c != r {
				break
			}
			j += n
		}
		return j, Punct
	default:
		return i + size, Symbol
	}
}

// scanWord scans letters and digits joined by hyphens, inner apostrophes,
// abbreviation dots and number separators.
func scanWord(s string, i int) (int, Kind) {
	j := i
	digitsOnly := true
	letters := 0 // letters in the current dot-separated part
	parts := 0   // parts ending in a dot, for U.S. and т.е.
	for j < len(s) {
		if b := s[j]; b < utf8.RuneSelf && asciiClass[b] != 0 { // hot path
			if asciiClass[b] == 1 {
				digitsOnly = false
				letters++
			}
			j++
			continue
		}
		if cyrillicLetterAt(s, j) { // hot path: two-byte Cyrillic letters
			digitsOnly = false
			letters++
			j += 2
			continue
		}
		c, n := runes.Decode(s[j:])
		switch {
		case isAlnum(c):
			if !unicode.IsDigit(c) {
				digitsOnly = false
				letters++
			}
			j += n
			continue
		case c == '_':
			digitsOnly = false
			j += n
			continue
		}
		next, m := runeAt(s, j+n)
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		switch {
		case isHyphen(c) && m > 0 && isAlnum(next):
			j += n + m
			letters = 0
			if !unicode.IsDigit(next) {
				digitsOnly = false
				letters = 1
			}
			continue
		case isApostrophe(c) && m > 0 && isLetter(next) && isLetter(prev):
			// Split the English possessive: Kazakhstan's -> Kazakhstan 's.
			if runes.ToLower(next) == 's' {
				after, k := runeAt(s, j+n+m)
				if k == 0 || !isAlnum(after) {
					return j, wordKind(digitsOnly)
				}
			}
			j += n + m
			digitsOnly = false
			continue
		case (c == '.' || c == ',' || c == ':') && digitsOnly && unicode.IsDigit(prev) && m > 0 && unicode.IsDigit(next):
			j += n + m // 05.08.2021, 100,000, 3.5, 10:30
			continue
		case c == '.' && !digitsOnly && letters == 1 && isLetter(prev) && (parts > 0 || (m > 0 && isLetter(next) && isAbbrevPart(s, j+n))):
			// U.S., т.е., e.g.: single letters each followed by a dot.
			j += n
			parts++
			letters = 0
			if m == 0 || !isLetter(next) || !isAbbrevPart(s, j) {
				return j, Word
			}
			continue
		}
		break
	}
	if parts > 0 && letters > 0 {
		// "U.Sx" is not an abbreviation: end after the last dot.
		return lastDot(s, i, j), Word
	}
	return j, wordKind(digitsOnly)
}

// isPossessive reports whether the apostrophe at i (of size bytes) starts an
// English possessive 's that follows a letter and ends a word.
func isPossessive(s string, i, size int) bool {
	if i == 0 || i+size >= len(s) || (s[i+size] != 's' && s[i+size] != 'S') {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	after, n := runeAt(s, i+size+1)
	return isLetter(prev) && (n == 0 || !isAlnum(after))
}

// isAbbrevPart reports whether s[j:] starts with one letter and a dot.
func isAbbrevPart(s string, j int) bool {
	c, n := runeAt(s, j)
	if n == 0 || !isLetter(c) {
		return false
	}
	d, _ := runeAt(s, j+n)
	return d == '.'
}

func lastDot(s string, i, j int) int {
	if k := strings.LastIndexByte(s[i:j], '.'); k >= 0 {
		return i + k + 1
	}
	return j
}

func wordKind(digitsOnly bool) Kind {
	if digitsOnly {
		return Number
	}
	return Word
}

var urlPrefixes = []string{"https://", "http://", "www."}

// scanURL scans a URL starting at i. Trailing punctuation that usually ends a
// sentence or closes a bracket is left out.
func scanURL(s string, i int) (int, bool) {
	if c := s[i] | 0x20; c != 'h' && c != 'w' {
		return 0, false
	}
	rest := s[i:]
	ok := false
	for _, p := range urlPrefixes {
		if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
			ok = true
			break
		}
	}
	if !ok {
		return 0, false
	}
	j := i
	for j < len(s) {
		c, n := runes.Decode(s[j:])
		if c == utf8.RuneError || unicode.IsSpace(c) || c == 0 || c == '"' || c == '<' || c == '>' || c == '«' || c == '»' {
			break
		}
		j += n
	}
	for j > i {
		c, n := utf8.DecodeLastRuneInString(s[i:j])
		if !strings.ContainsRune(".,;:!?)]}'’”", c) {
			break
		}
		j -= n
	}
	return j, j > i
}

// scanEmail scans name@host.tld starting at i.
func scanEmail(s string, i int) (int, bool) {
	j := i // the local part is ASCII
	for j < len(s) {
		c := s[j]
		if c >= utf8.RuneSelf || !(asciiClass[c] != 0 || c == '.' || c == '_' || c == '-' || c == '+') {
			break
		}
		j++
	}
	if j >= len(s) || s[j] != '@' || j == i {
		return 0, false
	}
	k := j + 1
	dots := 0
	for k < len(s) {
		c, n := runes.Decode(s[k:])
		if c == '.' {
			d, m := runeAt(s, k+n)
			if m == 0 || !isAlnum(d) {
				break
			}
			dots++
		} else if !(isAlnum(c) || c == '-') {
			break
		}
		k += n
	}
	if dots == 0 {
		return 0, false
	}
	return k, true
}
