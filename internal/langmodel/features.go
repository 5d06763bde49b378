// Package langmodel is the machinery shared by the language identifier
// (package lang) and its trainer (internal/cmd/train-lang): text to hashed
// features, the compact model format, and naive-Bayes scoring.
//
// Keeping feature extraction in one place guarantees that the trainer counts
// exactly the features that the detector looks up.
//
// # Features
//
// Text is read rune by rune; invalid UTF-8 bytes are skipped. Letters and
// combining marks form words (lower-cased; apostrophes between letters are
// kept as one form), anything else separates words. Each word, padded with a
// space on both sides, yields its character n-grams of 1 to 5 runes, and
// words of at most [MaxWordRunes] runes also yield a whole-word feature. A
// feature is a 32-bit hash whose low 3 bits hold its kind (n-gram order 1-5,
// or [KindWord]).
//
// All functions are pure and safe for concurrent use.
package langmodel

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/runes"
)

// Feature kinds, stored in the low 3 bits of a feature key.
const (
	// KindWord marks a whole-word feature; kinds 1 to 5 are character
	// n-grams of that many runes.
	KindWord = 6
	// NumKinds is the size of per-kind arrays, indexed by kind (index 0 unused).
	NumKinds = 7
	// MaxOrder is the longest character n-gram, in runes.
	MaxOrder = 5
	// MaxWordRunes is the longest word, in runes, that yields a word feature.
	MaxWordRunes = 24
	// maxNgramWord caps the runes of one word used for n-grams, so that a
	// single huge "word" costs linear time with a small constant.
	maxNgramWord = 64
)

// Kind returns the kind of a feature key.
func Kind(key uint32) int { return int(key & 7) }

// WordRune reports whether r belongs to a word: a letter or a combining
// mark (vowel signs of Indic scripts are marks).
func WordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return runes.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// apostrophe reports whether r is an apostrophe-like rune that counts as
// part of a word when it stands between two letters (Ukrainian м'ясо,
// Uzbek oʻzbek, English don't).
func apostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '‘', '`', 'ʹ', '´':
		return true
	}
	return false
}

// foldRune lower-cases r and maps apostrophes to '\”.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	}
	switch r {
	case '’', 'ʼ', 'ʻ', '‘', '`', 'ʹ', '´':
		return '\''
	case 'İ':
		return 'i'
	}
	return runes.ToLower(r)
}

// Extractor turns text into feature keys. Its zero value is ready to use;
// it keeps scratch space between calls, so one Extractor must not be used by
// two goroutines at once.
type Extractor struct {
	word []rune
	keys []uint32
	// Scripts counts the word runes of the text since the last Reset per
	// script, indexed like [Scripts].
	Scripts [len(Scripts)]int
	// Words counts the words of the text since the last Reset.
	Words int
}

// ClearKeys empties the keys collected so far but keeps the counts, so that
// a caller can score a long text chunk by chunk.
func (x *Extractor) ClearKeys() { x.keys = x.keys[:0] }

// Keys returns the feature keys of text, in text order, and counts its
// scripts in x.Scripts. The slice is reused by the next call.
func (x *Extractor) Keys(text string) []uint32 {
	x.Reset()
	return x.Append(text)
}

// Reset empties the keys and script counts.
func (x *Extractor) Reset() {
	x.keys = x.keys[:0]
	x.word = x.word[:0]
	x.Scripts = [len(Scripts)]int{}
	x.Words = 0
}

// Append adds the keys of text to those of earlier calls since [Extractor.Reset]
// and returns them all; text ends a word. Script counts add up likewise.
func (x *Extractor) Append(text string) []uint32 {
	pendingApos := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = runes.Decode(text[i:])
			if r == utf8.RuneError && size <= 1 {
				i++
				x.flush()
				pendingApos = false
				continue
			}
		}
		i += size
		switch {
		case WordRune(r) && r != 'ʻ' && r != 'ʼ' && r != 'ʹ':
			if pendingApos {
				x.word = append(x.word, '\'')
				pendingApos = false
			}
			x.word = append(x.word, foldRune(r))
			x.Scripts[ScriptOf(r)]++
		case apostrophe(r) && len(x.word) > 0 && !pendingApos:
			pendingApos = true
		default:
			x.flush()
			pendingApos = false
		}
	}
	x.flush()
	return x.keys
}

// Hash seeds and mixing.
const (
	seedNgram = 0x9e3779b97f4a7c15
	seedWord  = 0xc2b2ae3d27d4eb4f
	mulRune   = 0x100000001b3
)

func finalize(h uint64, kind int) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return uint32(h)&^7 | uint32(kind)
}

// flush emits the features of the word collected so far.
func (x *Extractor) flush() {
	w := x.word
	if len(w) == 0 {
		return
	}
	x.word = x.word[:0]
	x.Words++
	if len(w) > maxNgramWord {
		w = w[:maxNgramWord]
	}
	if len(w) <= MaxWordRunes {
		h := uint64(seedWord)
		for _, r := range w {
			h = (h ^ uint64(r)) * mulRune
		}
		x.keys = append(x.keys, finalize(h, KindWord))
	}
	// Padded word: ' ' w ' '. Position p in [0, len(w)+2).
	n := len(w) + 2
	at := func(p int) rune {
		if p == 0 || p == n-1 {
			return ' '
		}
		return w[p-1]
	}
	for s := 0; s < n; s++ {
		h := uint64(seedNgram)
		for k := 1; k <= MaxOrder && s+k <= n; k++ {
			h = (h ^ uint64(at(s+k-1))) * mulRune
			if k == 1 && (s == 0 || s == n-1) {
				continue // a lone space says nothing
			}
			x.keys = append(x.keys, finalize(h, k))
		}
	}
}
