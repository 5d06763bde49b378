package lang

import (
	"unicode/utf8"
)

const (
	// longPiece is the length in bytes past which a line is cut at
	// sentence ends, so that a paragraph in another language inside a long
	// line gets its own segment.
	longPiece = 600
	// maxPiece is the hard limit of a piece in bytes; longer runs without a
	// sentence end are cut at white space.
	maxPiece = 4096
	// weakWords and weakLetters: a piece with fewer words and fewer letters
	// than these (a date line, a rubric, a byline) takes the language of
	// its neighbours when both agree.
	weakWords   = 4
	weakLetters = 40
)

// piece is a line, or a sentence of a long line, with its detection.
type piece struct {
	start, end int
	class      int // -1: Und
	conf       float64
	weak       bool
	letters    int
}

// Segments splits text into maximal runs of one language. It works line by
// line (long lines sentence by sentence); lines with nothing to go on (dates,
// numbers, URLs) join the segment before them, and short lines (fewer than 4
// words) in another language between two segments of the same language, such
// as a date line "05 Августа 2021" inside an English article, join them too.
//
// Segments cover text in order, from 0 to len(text), on rune boundaries
// (invalid UTF-8 bytes stay inside the segment around them); empty text has
// no segments. Text without any letters is one [Und] segment. Time is linear
// in len(text).
func (d *Detector) Segments(text string) []Segment {
	if text == "" {
		return nil
	}
	s := d.pool.Get().(*scratch)
	defer d.pool.Put(s)
	ps := s.lines[:0]
	prior := -1
	for _, span := range splitPieces(text) {
		o := d.run(s, text[span[0]:span[1]], true, prior)
		if o.class >= 0 && !(o.words < weakWords && o.letters < weakLetters) {
			prior = o.class
		}
		ps = append(ps, piece{start: span[0], end: span[1], class: o.class, conf: o.conf,
			weak: o.words < weakWords && o.letters < weakLetters, letters: o.letters})
	}
	defer func() { s.lines = ps[:0] }()

	// A weak piece between strong pieces of one other language takes theirs.
	prev := make([]int, len(ps)) // nearest strong known class before i; -1 none
	last := -1
	for i, p := range ps {
		prev[i] = last
		if p.class >= 0 && !p.weak {
			last = p.class
		}
	}
	next := -1
	relabel := make([]int, len(ps))
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		relabel[i] = p.class
		if p.class >= 0 && p.weak && prev[i] >= 0 && prev[i] == next && d.tags[next] != d.tags[p.class] {
			relabel[i] = next
		}
		if p.class >= 0 && !p.weak {
			next = p.class
		}
	}

	var segs []Segment
	var confSum, letterSum []float64
	for i, p := range ps {
		c := relabel[i]
		n := len(segs)
		switch {
		case n > 0 && (c < 0 || segs[n-1].Language == d.tags[c]):
			segs[n-1].End = p.end
		case n > 0 && segs[n-1].Language == Und:
			segs[n-1].End, segs[n-1].Language = p.end, d.tags[c]
		default:
			tag := Und
			if c >= 0 {
				tag = d.tags[c]
			}
			segs = append(segs, Segment{Start: p.start, End: p.end, Language: tag})
			confSum, letterSum = append(confSum, 0), append(letterSum, 0)
			n++
		}
		if c >= 0 && c == p.class {
			confSum[n-1] += p.conf * float64(p.letters)
			letterSum[n-1] += float64(p.letters)
		}
	}
	for i := range segs {
		if letterSum[i] > 0 {
			segs[i].Confidence = confSum[i] / letterSum[i]
		}
	}
	return segs
}

// splitPieces cuts text into lines (each with its newline), and lines
// longer than longPiece at sentence ends, and runs longer than maxPiece at
// white space or a rune boundary. The spans cover text in order.
func splitPieces(text string) [][2]int {
	var spans [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case c == '\n':
			end = i + 1
		case i-start >= longPiece && (c == '.' || c == '!' || c == '?') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t'):
			end = i + 2
		case i-start >= maxPiece:
			end = cutPoint(text, start, i)
		}
		if end > 0 {
			spans = append(spans, [2]int{start, end})
			start = end
			i = end - 1
		}
	}
	if start < len(text) {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

// cutPoint returns where to cut text[start:i] (i-start >= maxPiece): after
// the last space of its second half, else at the last rune boundary at or
// before i.
func cutPoint(text string, start, i int) int {
	for j := i; j > start+maxPiece/2; j-- {
		if text[j] == ' ' {
			return j + 1
		}
	}
	for j := i; j > start; j-- {
		if utf8.RuneStart(text[j]) {
			return j
		}
	}
	return i
}
