package seqtag

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// Feature templates. Each feature is the hash of one of these and a value.
const (
	tBias = iota + 1
	tWord
	tLow
	tShape
	tShortShape
	tPre            // prefixes: tPre+k-1 for k = 1..4 runes
	tSuf = tPre + 4 // suffixes: tSuf+k-1 for k = 1..4 runes
	// The templates below continue after the suffix block; the values are
	// part of the model format (features are hashes of them), so append new
	// templates only at the end.
	tLowM1 = tSuf + 4 + iota - 7
	tLowP1
	tLowM2
	tLowP2
	tShapeM1
	tShapeP1
	tBigM
	tBigP
	tSufM1
	tSufP1
	tShapeTri
	tPos
	tLineStart
	tTitleLine
	tCapsLine
	tCapsLow
	tQuote
	tGaz
	tGazM1
	tGazP1
	tGazM2
	tSurname
	tDocLower
	tDocCap
	tScript
	tKind
	tLen
	tCapSeq
	tPrevPunct
	tLowM1Shape
	tGazShape
	tStem1 // the word without its last rune
	tStem2 // the word without its last two runes
	tStemM1
	tStemP1
	tPlace
	tPlaceM1
	tPlaceP1
	tPlace2
)

// Token flags.
const (
	fCap       = 1 << iota // first rune upper case
	fAllCaps               // letters, all upper case, two or more runes
	fDigit                 // contains a digit
	fWord                  // token.Word
	fLowerInit             // first rune lower case
	fHyphen                // contains a hyphen
)

type tokInfo struct {
	low, word, shape, short uint64
	pre, suf                [4]uint64
	stem1, stem2            uint64 // folded word less 1 and 2 final runes, 0 if short
	flags                   uint16
	gaz                     uint16
	sur                     uint8
	script                  uint8
	nrunes                  uint8
	place, place2           uint8 // gazetteer class of the word and of the word with the next one
	// own, for a word in Buffer.seen, holds its own features (see
	// Buffer.Own) once computed, for ordinary lines ([0]) and for headline
	// and all-capitals ones ([1]): repeats of the word copy them.
	own *[2][]uint32
}

// Buffer holds the features of one document. It is reusable: [Buffer.Extract]
// overwrites it. A Buffer is not safe for concurrent use.
type Buffer struct {
	info []tokInfo
	// Feats holds the features of all tokens; token i has
	// Feats[Offs[i]:Offs[i+1]].
	Feats []uint32
	// Offs has len(toks)+1 entries.
	Offs []int32
	// Own[i] ends token i's own features, Feats[Offs[i]:Own[i]]: those that
	// depend only on the token and the kind of its line. The rest, up to
	// Offs[i+1], describe its context.
	Own []int32
	doc map[uint64]uint8
	low []byte
	// seen caches the token information of words met before, in this
	// document or earlier ones: most tokens of a text are repeats. It maps
	// a word to its entry in seenToks.
	seen     map[string]int32
	seenToks []seenTok
}

type seenTok struct {
	info tokInfo
	kind token.Kind
}

// maxSeen bounds Buffer.seen; it is emptied when full.
const maxSeen = 8192

// tokenInfo returns the token information of t, from the cache when t was seen.
func (b *Buffer) tokenInfo(t token.Token) tokInfo {
	if len(t.Text) > 40 {
		return b.analyze(t)
	}
	if i, ok := b.seen[t.Text]; ok && b.seenToks[i].kind == t.Kind {
		return b.seenToks[i].info
	}
	ti := b.analyze(t)
	ti.own = new([2][]uint32)
	if b.seen == nil || len(b.seen) >= maxSeen {
		b.seen = make(map[string]int32, maxSeen/4)
		b.seenToks = b.seenToks[:0]
	}
	b.seen[strings.Clone(t.Text)] = int32(len(b.seenToks))
	b.seenToks = append(b.seenToks, seenTok{ti, t.Kind})
	return ti
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 { return (h ^ uint64(r)) * fnvPrime }

// mix is the splitmix64 finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func feat(tmpl int, v uint64) uint32 {
	return uint32(mix(uint64(tmpl)*0x9e3779b97f4a7c15 ^ v))
}

func pair(a, b uint64) uint64 { return mix(a*0x100000001b3 + b) }

// shapeClass maps a rune to its shape letter.
func shapeClass(r rune) rune {
	switch {
	case runes.IsUpper(r):
		return 'X'
	case runes.IsLower(r), runes.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

func scriptOf(r rune) uint8 {
	switch {
	case r < 0x80:
		return 1
	case r >= 0x400 && r <= 0x52f:
		return 2
	case runes.IsLetter(r):
		return 3
	}
	return 0
}

// analyze fills the per-token information of t.
func (b *Buffer) analyze(t token.Token) tokInfo {
	var ti tokInfo
	b.low = b.low[:0]
	h, hw, hs, hsh := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var last [4]rune
	var st [3]uint64
	var prevShape, prevShort rune
	run := 0
	n := 0
	upper, lower, letters := 0, 0, 0
	for i, r := range t.Text {
		if r == utf8.RuneError {
			continue
		}
		lr := normalize.Rune(r)
		b.low = utf8.AppendRune(b.low, lr)
		h = hashRune(h, lr)
		hw = hashRune(hw, r)
		if n < 4 {
			ti.pre[n] = h
		}
		last[n%4] = lr
		st[n%3] = h
		n++
		sc := shapeClass(r)
		if sc == prevShape {
			run++
		} else {
			run = 1
		}
		if run <= 2 {
			hs = hashRune(hs, sc)
		}
		prevShape = sc
		if sc != prevShort {
			hsh = hashRune(hsh, sc)
			prevShort = sc
		}
		switch sc {
		case 'X':
			upper++
			letters++
			if i == 0 {
				ti.flags |= fCap
			}
		case 'x':
			lower++
			letters++
			if i == 0 && runes.IsLower(r) {
				ti.flags |= fLowerInit
			}
		case 'd':
			ti.flags |= fDigit
		case '-':
			ti.flags |= fHyphen
		}
		if ti.script == 0 {
			ti.script = scriptOf(r)
		} else if s := scriptOf(r); s != 0 && s != ti.script && runes.IsLetter(r) {
			ti.script = 4
		}
	}
	ti.low, ti.word, ti.shape, ti.short = h, hw, hs, hsh
	if n >= 5 {
		ti.stem1, ti.stem2 = st[(n-2)%3], st[(n-3)%3]
	}
	if n > 255 {
		n = 255
	}
	ti.nrunes = uint8(n)
	for k := 1; k <= 4 && k <= n; k++ {
		s := uint64(fnvOffset)
		for j := n - k; j < n; j++ {
			s = hashRune(s, last[j%4])
		}
		ti.suf[k-1] = s
	}
	for k := n; k < 4; k++ {
		ti.pre[k] = 0
	}
	if letters >= 2 && lower == 0 {
		ti.flags |= fAllCaps
	}
	if t.Kind == token.Word {
		ti.flags |= fWord
		ti.gaz = lookupGazetteer(b.low)
		if ti.flags&fCap != 0 {
			ti.sur = uint8(surnameClass(b.low))
		}
		if ti.flags&(fCap|fAllCaps) != 0 && ti.nrunes >= 2 {
			ti.place = placeClass(t.Text)
		}
	}
	return ti
}

// Extract computes the features of every token of text. toks are the tokens
// of text from token.Tokenize and sents its sentences from [Sentences].
func (b *Buffer) Extract(text string, toks []token.Token, sents []token.Sentence) {
	if cap(b.info) < len(toks) {
		b.info = make([]tokInfo, len(toks))
	}
	b.info = b.info[:len(toks)]
	for i, t := range toks {
		b.info[i] = b.tokenInfo(t)
	}
	// Gazetteer classes of pairs of capitalized words (those of single
	// words come with the token information).
	for _, s := range sents {
		for i := s.Start; i < s.End; i++ {
			ti := &b.info[i]
			if ti.flags&(fCap|fAllCaps) == 0 || ti.flags&fWord == 0 || ti.nrunes < 2 {
				continue
			}
			if i+1 < s.End && b.info[i+1].flags&fCap != 0 && b.info[i+1].flags&fWord != 0 && toks[i+1].Start == toks[i].End+1 {
				ti.place2 = placeClass(text[toks[i].Start:toks[i+1].End])
			}
		}
	}
	if b.doc == nil {
		b.doc = map[uint64]uint8{}
	}
	clear(b.doc)
	// Document-level casing evidence: a word seen in lower case, or seen
	// capitalized inside an ordinary sentence, somewhere in the document.
	for _, s := range sents {
		title, caps := lineKind(b.info[s.Start:s.End])
		for i := s.Start; i < s.End; i++ {
			ti := &b.info[i]
			if ti.flags&fWord == 0 {
				continue
			}
			if ti.flags&fLowerInit != 0 {
				b.doc[ti.low] |= 1
			} else if ti.flags&fCap != 0 && i > s.Start && !title && !caps && !isOpenPunct(toks[i-1].Text) {
				b.doc[ti.low] |= 2
			}
		}
	}
	b.Feats = b.Feats[:0]
	if cap(b.Offs) < len(toks)+1 {
		b.Offs = make([]int32, len(toks)+1)
	}
	b.Offs = b.Offs[:len(toks)+1]
	if cap(b.Own) < len(toks) {
		b.Own = make([]int32, len(toks))
	}
	b.Own = b.Own[:len(toks)]
	for _, s := range sents {
		b.sentence(toks, s)
	}
	b.Offs[len(toks)] = int32(len(b.Feats))
}

func isOpenPunct(p string) bool {
	r, _ := runes.Decode(p)
	return r == '"' || r == '«' || r == '“' || r == '„' || r == '(' || r == ':' || r == '\''
}

// lineKind reports whether a sentence reads as a title-case headline (most
// words capitalized) or an all-capitals line.
func lineKind(info []tokInfo) (title, caps bool) {
	words, capd, allc := 0, 0, 0
	for _, ti := range info {
		if ti.flags&fWord == 0 || ti.nrunes < 2 && ti.flags&fCap == 0 {
			continue
		}
		words++
		if ti.flags&fCap != 0 {
			capd++
		}
		if ti.flags&fAllCaps != 0 {
			allc++
		}
	}
	caps = words >= 2 && allc*10 >= words*8
	title = !caps && words >= 3 && capd*4 >= words*3
	return
}

const (
	boundary = 0x5bd1e995
)

func (b *Buffer) sentence(toks []token.Token, s token.Sentence) {
	info := b.info
	title, caps := lineKind(info[s.Start:s.End])
	inQuote := false
	fs := b.Feats
	// The neighbours' values, with stand-ins past the ends of the sentence.
	get := func(j int) *tokInfo {
		if j < s.Start || j >= s.End {
			return nil
		}
		return &info[j]
	}
	low := func(j, i int) uint64 {
		if t := get(j); t != nil {
			return t.low
		}
		return boundary + uint64(j-i)
	}
	shape := func(j, i int) uint64 {
		if t := get(j); t != nil {
			return t.short
		}
		return boundary + uint64(j-i)
	}
	gaz := func(j int) uint64 {
		if t := get(j); t != nil {
			return uint64(t.gaz)
		}
		return 1 << 20
	}
	for i := s.Start; i < s.End; i++ {
		b.Offs[i] = int32(len(fs))
		ti := &info[i]
		prev, next := get(i-1), get(i+1)
		lowM1, lowP1 := low(i-1, i), low(i+1, i)
		shapeM1, shapeP1 := shape(i-1, i), shape(i+1, i)

		tx := toks[i].Text
		if r, _ := runes.Decode(tx); r == '«' || r == '“' || r == '„' {
			inQuote = true
		} else if r == '»' || r == '”' {
			inQuote = false
		} else if r == '"' && toks[i].Kind == token.Punct {
			inQuote = !inQuote
		}

		// The token's own features first: they depend on nothing but the
		// token and the kind of line, so a scorer may cache their sum
		// (see Buffer.Own and Model.ScoreCached), and a word met before
		// copies them.
		lowerCased := ti.flags&fCap == 0
		// In headlines and all-capitals lines the exact form says little.
		headline := caps || (title && i > s.Start)
		mode := 0
		if headline {
			mode = 1
		}
		if ti.own != nil && ti.own[mode] != nil {
			fs = append(fs, ti.own[mode]...)
		} else {
			start := len(fs)
			fs = append(fs, feat(tBias, 0))
			if headline {
				fs = append(fs, feat(tCapsLow, ti.low))
			} else {
				fs = append(fs, feat(tWord, ti.word))
			}
			fs = append(fs, feat(tLow, ti.low))
			fs = append(fs, feat(tShape, ti.shape))
			fs = append(fs, feat(tShortShape, ti.short))
			for k := 0; k < 4 && k < int(ti.nrunes); k++ {
				fs = append(fs, feat(tPre+k, ti.pre[k]))
				fs = append(fs, feat(tSuf+k, ti.suf[k]))
			}
			if ti.place != 0 {
				fs = append(fs, feat(tPlace, pair(uint64(ti.place), ti.short)))
			}
			if ti.stem1 != 0 {
				fs = append(fs, feat(tStem1, ti.stem1))
				fs = append(fs, feat(tStem2, ti.stem2))
			}
			fs = append(fs, feat(tGaz, uint64(ti.gaz)))
			fs = append(fs, feat(tGazShape, pair(uint64(ti.gaz), ti.short)))
			if ti.sur != 0 {
				fs = append(fs, feat(tSurname, uint64(ti.sur)))
			}
			fs = append(fs, feat(tScript, uint64(ti.script)))
			fs = append(fs, feat(tKind, uint64(toks[i].Kind)))
			l := ti.nrunes
			if l > 8 {
				l = 8
			}
			fs = append(fs, feat(tLen, uint64(l)))
			if ti.own != nil {
				ti.own[mode] = slices.Clone(fs[start:])
			}
		}
		b.Own[i] = int32(len(fs))

		// Features of the context.
		fs = append(fs, feat(tLowM1, lowM1))
		fs = append(fs, feat(tLowP1, lowP1))
		fs = append(fs, feat(tLowM2, low(i-2, i)))
		fs = append(fs, feat(tLowP2, low(i+2, i)))
		fs = append(fs, feat(tShapeM1, shapeM1))
		fs = append(fs, feat(tShapeP1, shapeP1))
		fs = append(fs, feat(tBigM, pair(lowM1, ti.low)))
		fs = append(fs, feat(tBigP, pair(ti.low, lowP1)))
		fs = append(fs, feat(tShapeTri, pair(pair(shapeM1, ti.short), shapeP1)))
		fs = append(fs, feat(tLowM1Shape, pair(lowM1, ti.short)))
		if p := prev; p != nil && p.place != 0 {
			fs = append(fs, feat(tPlaceM1, uint64(p.place)))
		}
		if p := next; p != nil && p.place != 0 {
			fs = append(fs, feat(tPlaceP1, uint64(p.place)))
		}
		if ti.place2 != 0 {
			fs = append(fs, feat(tPlace2, uint64(ti.place2)))
		}
		if p := prev; p != nil && p.place2 != 0 {
			fs = append(fs, feat(tPlace2, 16+uint64(p.place2)))
		}
		if p := prev; p != nil && p.stem2 != 0 {
			fs = append(fs, feat(tStemM1, p.stem2))
		}
		if p := next; p != nil && p.stem2 != 0 {
			fs = append(fs, feat(tStemP1, p.stem2))
		}
		if p := prev; p != nil && p.nrunes >= 3 {
			fs = append(fs, feat(tSufM1, p.suf[2]))
		}
		if p := next; p != nil && p.nrunes >= 3 {
			fs = append(fs, feat(tSufP1, p.suf[2]))
		}
		pos := i - s.Start
		if pos > 2 {
			pos = 3
		}
		fs = append(fs, feat(tPos, pair(uint64(pos), ti.short)))
		if toks[i].Newlines > 0 {
			fs = append(fs, feat(tLineStart, ti.short))
		}
		if title {
			fs = append(fs, feat(tTitleLine, pair(ti.short, uint64(pos))))
		}
		if caps {
			fs = append(fs, feat(tCapsLine, ti.short))
		}
		if inQuote {
			fs = append(fs, feat(tQuote, ti.short))
		}
		fs = append(fs, feat(tGazM1, gaz(i-1)))
		fs = append(fs, feat(tGazP1, gaz(i+1)))
		fs = append(fs, feat(tGazM2, gaz(i-2)))
		if !lowerCased && ti.flags&fWord != 0 {
			d := b.doc[ti.low]
			if d&1 != 0 {
				fs = append(fs, feat(tDocLower, uint64(pos)))
			}
			if d&2 != 0 {
				fs = append(fs, feat(tDocCap, uint64(pos)))
			}
			// Length of the run of capitalized words this one is in.
			run := 0
			for j := i - 1; j >= s.Start && j >= i-3 && info[j].flags&fCap != 0; j-- {
				run++
			}
			after := 0
			for j := i + 1; j < s.End && j <= i+3 && info[j].flags&fCap != 0; j++ {
				after++
			}
			fs = append(fs, feat(tCapSeq, uint64(run*4+after)))
		}
		if i > s.Start && toks[i-1].Kind == token.Punct {
			r, _ := runes.Decode(toks[i-1].Text)
			fs = append(fs, feat(tPrevPunct, uint64(r)))
		}
	}
	b.Feats = fs
}
