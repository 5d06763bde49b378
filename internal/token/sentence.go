package token

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/internal/runes"
)

// Sentence is a half-open range of tokens, toks[Start:End], and the byte span
// it covers in the text.
type Sentence struct {
	Start, End         int // token indexes
	ByteStart, ByteEnd int // byte offsets into the text
}

// abbreviations are lower-cased words that a following dot does not end a
// sentence after (titles, ranks, units, Latin and Russian/Kazakh shorthands).
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep pres st jr sr
		vs etc inc ltd corp co no nos vol fig approx dept univ est jan feb mar apr jun jul aug sep sept oct nov dec
		mt ft
		г гг им т е т.е т.к т.д т.п др пр ул пл просп д кв обл р-н стр рис см тыс млн млрд руб коп им
		ген полк подп лейт кап адм проф акад доц
		ж жж обл көш`) {
		m[w] = true
	}
	return m
}()

// IsAbbreviation reports whether word (without its dot) is a known
// abbreviation after which a dot does not end a sentence.
func IsAbbreviation(word string) bool {
	if len(word) > 12 {
		return false
	}
	return abbreviations[runes.Lower(strings.TrimSuffix(word, "."))]
}

// Sentences splits a token stream into sentences. A sentence ends after ., !,
// ?, … (and any closing quotes or brackets) when the next token starts a new
// sentence, never after a known abbreviation or a one-letter initial
// (В. В. Путин). A blank line always ends a sentence, and so does a line
// break after a line that reads as a headline or list item (the next line
// does not continue it in lower case).
func Sentences(text string, toks []Token) []Sentence {
	var out []Sentence
	start, line := 0, 0 // line: index of the first token of the current line
	emit := func(end int) {
		if end > start {
			out = append(out, Sentence{Start: start, End: end, ByteStart: toks[start].Start, ByteEnd: toks[end-1].End})
		}
		start = end
	}
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Newlines > 0 {
			first := toks[line]
			line = i
			if t.Newlines >= 2 || !continuesLine(toks[i-1], t) || first.Text == t.Text {
				// A repeated line prefix ("ru …", "- …") marks a list of items.
				emit(i)
				continue
			}
		}
		if endsSentence(toks, start, i) {
			emit(i)
		}
	}
	emit(len(toks))
	return out
}

// continuesLine reports whether next, first on its line, continues the
// sentence of prev: prev is no sentence end and next starts in lower case.
func continuesLine(prev, next Token) bool {
	if prev.Kind == Punct && strings.ContainsAny(prev.Text, ".!?…:") {
		return false
	}
	r, _ := runes.Decode(next.Text)
	return runes.IsLower(r)
}

// endsSentence reports whether a sentence ends before toks[i].
func endsSentence(toks []Token, start, i int) bool {
	// Walk back over closing quotes and brackets to the terminal mark.
	j := i - 1
	for j > start && toks[j].Kind == Punct && isCloser(toks[j].Text) {
		j--
	}
	t := toks[j]
	if t.Kind != Punct || !isTerminal(t.Text) || j == start {
		return false
	}
	next := toks[i]
	if next.Start == toks[i-1].End && next.Kind == Punct && isCloser(next.Text) {
		return false // the sentence ends after the closing quote
	}
	r, _ := runes.Decode(next.Text)
	if runes.IsLower(r) {
		return false
	}
	if !(runes.IsUpper(r) || unicode.IsDigit(r) || isOpener(next.Text) || next.Kind == Punct) {
		return false
	}
	if t.Text != "." || toks[j-1].End != t.Start {
		return true
	}
	prev := toks[j-1]
	if prev.Kind == Word {
		if IsAbbreviation(prev.Text) {
			return false
		}
		// A one-letter capital before a dot is an initial: В. В. Путин, J. Smith.
		if pr, n := runes.Decode(prev.Text); n == len(prev.Text) && runes.IsUpper(pr) {
			return false
		}
	}
	return true
}

func isTerminal(p string) bool {
	r, _ := runes.Decode(p)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isCloser(p string) bool {
	r, _ := runes.Decode(p)
	return strings.ContainsRune(`"'»”’)]}`, r)
}

func isOpener(p string) bool {
	r, _ := runes.Decode(p)
	return strings.ContainsRune(`"'«“‘([{—–-`, r)
}
