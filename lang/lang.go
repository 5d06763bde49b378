// Package lang identifies the language and script of text, and splits pages
// that mix languages into single-language segments.
//
// This is the foundation's placeholder implementation: it decides by script
// and by letters distinctive of a language (Kazakh ә ғ қ ң ө ұ ү һ і,
// Ukrainian ї є ґ, Belarusian ў), with Latin text taken as English. The
// trained n-gram models replace it.
//
// A [Detector] is immutable after [New] and safe for concurrent use.
package lang

import (
	"unicode"

	"golang.org/x/text/language"
)

// Und is the result language when there is nothing to go on.
var Und = language.Und

// Alternative is a ranked candidate language.
type Alternative struct {
	Language   language.Tag `json:"language"`
	Confidence float64      `json:"confidence"` // in [0, 1]
}

// Result is the outcome of [Detector.Detect].
type Result struct {
	Language     language.Tag    // best language; [Und] when there is nothing to go on
	Script       language.Script // ISO 15924 script of most letters; Zzzz when none
	Confidence   float64         // in [0, 1]
	Alternatives []Alternative   // further candidates, best first
}

// Segment is a byte span of text in one language.
type Segment struct {
	Start, End int // half-open byte offsets into the text
	Language   language.Tag
	Confidence float64 // in [0, 1]
}

type config struct {
	languages []language.Tag
}

// Option configures a [Detector].
type Option func(*config)

// WithLanguages restricts detection to the given languages. The default is
// every supported language.
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) { c.languages = append(c.languages, tags...) }
}

// Detector identifies languages. It is safe for concurrent use.
type Detector struct {
	allowed map[language.Tag]bool
}

// New returns a Detector.
func New(opts ...Option) (*Detector, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	d := &Detector{}
	if len(c.languages) > 0 {
		d.allowed = map[language.Tag]bool{}
		for _, t := range c.languages {
			d.allowed[t] = true
		}
	}
	return d, nil
}

var (
	en = language.English
	ru = language.Russian
	kk = language.Kazakh
	uk = language.Ukrainian
	be = language.Make("be")
)

// Detect returns the language of text.
func (d *Detector) Detect(text string) Result {
	var latin, cyr, kazakh, ukr, bel, letters int
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			switch unicode.ToLower(r) {
			case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і':
				kazakh++
			case 'ї', 'є', 'ґ':
				ukr++
			case 'ў':
				bel++
			}
		}
	}
	if letters == 0 {
		return Result{Language: Und, Script: language.MustParseScript("Zzzz")}
	}
	conf := func(n int) float64 { return float64(n) / float64(letters) }
	if latin >= cyr {
		return d.pick(Result{Language: en, Script: language.MustParseScript("Latn"), Confidence: 0.5 * conf(latin)})
	}
	tag := ru
	switch {
	case kazakh > 0 && kazakh >= ukr:
		tag = kk
	case ukr > 0:
		tag = uk
	case bel > 0:
		tag = be
	}
	return d.pick(Result{Language: tag, Script: language.MustParseScript("Cyrl"), Confidence: 0.5 * conf(cyr)})
}

func (d *Detector) pick(r Result) Result {
	if d.allowed != nil && !d.allowed[r.Language] {
		r.Language, r.Confidence = Und, 0
	}
	return r
}

// Segments splits text into maximal runs of lines in one language. Lines
// with nothing to go on (dates, numbers) join the segment around them.
// Segments cover text in order, from 0 to len(text), on rune boundaries.
func (d *Detector) Segments(text string) []Segment {
	var segs []Segment
	for start := 0; start < len(text); {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		if end < len(text) {
			end++ // the newline belongs to its line
		}
		r := d.Detect(text[start:end])
		n := len(segs)
		switch {
		case n > 0 && (r.Language == Und || r.Language == segs[n-1].Language):
			segs[n-1].End = end
		case n > 0 && segs[n-1].Language == Und:
			segs[n-1].End, segs[n-1].Language, segs[n-1].Confidence = end, r.Language, r.Confidence
		default:
			segs = append(segs, Segment{Start: start, End: end, Language: r.Language, Confidence: r.Confidence})
		}
		start = end
	}
	return segs
}
