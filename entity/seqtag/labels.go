package seqtag

import "github.com/newsmon/newsmon/internal/token"

// NumLabels is the number of BIO labels: O and B-/I- for four types.
const NumLabels = 9

// NumTypes is the number of entity types: PER, ORG, LOC, EVENT, in that order.
const NumTypes = 4

// Label is a BIO label: 0 is O, 1+2t is B- and 2+2t is I- of type t.
type Label uint8

// O is the label of tokens outside any mention.
const O Label = 0

// TypeNames are the names of the types, indexed by type number.
var TypeNames = [NumTypes]string{"PER", "ORG", "LOC", "EVENT"}

// B returns the B- label of type t (0 ≤ t < NumTypes).
func B(t int) Label { return Label(1 + 2*t) }

// I returns the I- label of type t (0 ≤ t < NumTypes).
func I(t int) Label { return Label(2 + 2*t) }

// Type returns the type number of a B- or I- label, or -1 for O.
func (l Label) Type() int {
	if l == 0 || l >= NumLabels {
		return -1
	}
	return int(l-1) / 2
}

// Begins reports whether l is a B- label.
func (l Label) Begins() bool { return l != 0 && l < NumLabels && (l-1)%2 == 0 }

// String returns the label as written in IOB2 files.
func (l Label) String() string {
	t := l.Type()
	if t < 0 {
		return "O"
	}
	if l.Begins() {
		return "B-" + TypeNames[t]
	}
	return "I-" + TypeNames[t]
}

// allowed reports whether label b may follow label a; a == NumLabels stands
// for the start of a sentence.
func allowed(a, b Label) bool {
	if b == 0 || b.Begins() {
		return true
	}
	return a < NumLabels && a != 0 && a.Type() == b.Type()
}

// Span is a labelled run of tokens, toks[Start:End].
type Span struct {
	Start, End int // token indexes, half-open
	Type       int // type number
}

// Spans turns a label sequence into spans. A stray I- label starts a span.
func Spans(labels []Label, dst []Span) []Span {
	for i := 0; i < len(labels); {
		l := labels[i]
		t := l.Type()
		if t < 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == I(t) {
			j++
		}
		dst = append(dst, Span{Start: i, End: j, Type: t})
		i = j
	}
	return dst
}

// Sentences splits toks into the units the model labels: the sentences of
// token.Sentences, further cut at every line break. Headlines, list items
// and one-sentence-per-line corpora are thus never joined to the next line,
// even when it starts in lower case.
func Sentences(text string, toks []token.Token) []token.Sentence {
	sents := token.Sentences(text, toks)
	var out []token.Sentence
	for _, s := range sents {
		start := s.Start
		for i := s.Start + 1; i < s.End; i++ {
			if toks[i].Newlines > 0 {
				out = append(out, token.Sentence{Start: start, End: i, ByteStart: toks[start].Start, ByteEnd: toks[i-1].End})
				start = i
			}
		}
		out = append(out, token.Sentence{Start: start, End: s.End, ByteStart: toks[start].Start, ByteEnd: toks[s.End-1].End})
	}
	return out
}
