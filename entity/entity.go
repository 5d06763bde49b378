// Package entity finds named entities — people, organizations, places and
// named events — in news text, with byte offsets into the original string.
//
// This is the foundation's placeholder implementation: capitalized word runs
// not at a sentence start are candidates; all-capital acronyms are ORG, a
// name with a year (Zapad-2021) is EVENT, two or more capitalized words are
// PER, one is LOC. The trained sequence tagger replaces it.
//
// A [Tagger] is immutable after [New] and safe for concurrent use.
package entity

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/token"
)

// Type is an entity type.
type Type string

// Entity types.
const (
	PER   Type = "PER"   // people
	ORG   Type = "ORG"   // organizations
	LOC   Type = "LOC"   // countries, regions, cities, seas and other places
	EVENT Type = "EVENT" // named events: exercises, summits, forums, elections
)

// Mention is one entity mention in a text.
type Mention struct {
	Start, End int    // half-open byte offsets into the text
	Text       string // text[Start:End]
	Type       Type
	Language   language.Tag // language of the text the mention was found in
}

type config struct {
	knowledge []Knowledge // used by the Linker
}

// Option configures a [Tagger].
type Option func(*config)

// Tagger extracts mentions. It is safe for concurrent use.
type Tagger struct{}

// New returns a Tagger.
func New(opts ...Option) (*Tagger, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return &Tagger{}, nil
}

// Extract returns the mentions in text, sorted by Start and not
// overlapping. lang selects the model; an unsupported language falls back to
// the language-independent one.
func (t *Tagger) Extract(text string, lang language.Tag) []Mention {
	toks := token.Tokenize(text)
	var out []Mention
	for _, s := range token.Sentences(text, toks) {
		for i := s.Start; i < s.End; i++ {
			if !capitalized(toks[i]) || i == s.Start {
				continue
			}
			j := i + 1
			for j < s.End && capitalized(toks[j]) && toks[j].Newlines == 0 {
				j++
			}
			m := Mention{Start: toks[i].Start, End: toks[j-1].End}
			m.Text = text[m.Start:m.End]
			m.Type = guessType(toks[i:j])
			m.Language = lang
			out = append(out, m)
			i = j - 1
		}
	}
	return out
}

func capitalized(t token.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == token.Word && unicode.IsUpper(r)
}

func guessType(toks []token.Token) Type {
	if len(toks) == 1 {
		w := toks[0].Text
		upper := true
		digits := false
		for _, r := range w {
			if unicode.IsLower(r) {
				upper = false
			}
			if unicode.IsDigit(r) {
				digits = true
			}
		}
		switch {
		case digits:
			return EVENT
		case upper && utf8.RuneCountInString(w) > 1:
			return ORG
		}
		return LOC
	}
	return PER
}
