package lang

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/langmodel"
)

// Und is the result language when there is nothing to go on.
var Und = language.Und

// ErrUnsupported is returned by [New] for a language given to
// [WithLanguages] that the model does not know.
var ErrUnsupported = errors.New("lang: unsupported language")

// Alternative is a ranked candidate language.
type Alternative struct {
	Language   language.Tag `json:"language"`
	Confidence float64      `json:"confidence"` // in [0, 1]
}

// Result is the outcome of [Detector.Detect].
type Result struct {
	// Language is the best language; [Und] when there is nothing to go on
	// (no letters, only URLs, or only letters of a script no supported
	// language uses).
	Language language.Tag `json:"language"`
	// Script is the ISO 15924 script of most letters: Latn, Cyrl, Arab,
	// Hani, Jpan (Han with kana), Hang, ... ; Zzzz when there are none. It
	// is a string in JSON (see [Result.MarshalJSON]).
	Script language.Script `json:"-"`
	// Confidence is the probability of Language among the candidates, in
	// [0, 1]; 0 for [Und]. Short texts get lower values.
	Confidence float64 `json:"confidence"`
	// Alternatives are further candidates, best first: at most 4, each of
	// confidence at least 0.001.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// Segment is a byte span of text in one language, as in the report JSON:
// {"start":0,"end":5120,"language":"en","confidence":0.99}.
type Segment struct {
	Start int `json:"start"` // byte offset of the first byte
	End   int `json:"end"`   // byte offset after the last byte (half-open)
	// Language is the language of the span; [Und] for a span with nothing
	// to go on.
	Language language.Tag `json:"language"`
	// Confidence is the mean confidence, weighted by letters, of the lines
	// of the span detected as Language, in [0, 1]; 0 for [Und].
	Confidence float64 `json:"confidence"`
}

type config struct {
	languages []language.Tag
}

// Option configures a [Detector].
type Option func(*config)

// WithLanguages restricts detection to the given languages. The default is
// every supported language (see [Languages]). A tag matches by its base
// language; a tag with an explicit script (uz-Cyrl) matches only that
// script. [New] fails with [ErrUnsupported] for a language the model does
// not know.
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) { c.languages = append(c.languages, tags...) }
}

// Detector identifies languages. It is immutable after [New] and safe for
// concurrent use by multiple goroutines.
type Detector struct {
	m       *langmodel.Model
	allowed []bool            // per class; nil: all
	tags    []language.Tag    // per class
	scripts []language.Script // per class
	pool    sync.Pool         // *scratch
}

// scratch is the per-call working memory of a Detector.
type scratch struct {
	x      langmodel.Extractor
	sc     *langmodel.Scorer
	scores []float64
	mask   []bool
	order  []int
	lines  []piece
}

//go:embed model.bin
var modelBin []byte

// model decodes the embedded model once, on first use.
var model = sync.OnceValues(func() (*langmodel.Model, error) {
	return langmodel.Decode(modelBin)
})

// New returns a Detector. The embedded model is decoded on the first call
// (about 30 ms) and shared by every Detector.
func New(opts ...Option) (*Detector, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	m, err := model()
	if err != nil {
		return nil, fmt.Errorf("lang: decoding the embedded model: %w", err)
	}
	d := &Detector{m: m}
	for _, cl := range m.Classes {
		d.tags = append(d.tags, language.Make(cl.Tag)) // canonical: Tagalog "tl" is "fil"
		s, err := language.ParseScript(cl.Script)
		if err != nil {
			s = zzzz
		}
		d.scripts = append(d.scripts, s)
	}
	if len(c.languages) > 0 {
		d.allowed = make([]bool, len(m.Classes))
		for _, t := range c.languages {
			base, _ := t.Base()
			script, conf := t.Script()
			found := false
			for i, cl := range m.Classes {
				cb, _ := language.Make(cl.Tag).Base() // canonical, like the caller's
				if cb == base && (conf != language.Exact || d.scripts[i] == script) {
					d.allowed[i] = true
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("%w: %v", ErrUnsupported, t)
			}
		}
	}
	d.pool.New = func() any {
		n := len(m.Classes)
		return &scratch{sc: m.NewScorer(), scores: make([]float64, n), mask: make([]bool, n), order: make([]int, 0, n)}
	}
	return d, nil
}

// Languages returns the languages the model supports, in the model's order
// (the 75 of the Lingua test data, then Kyrgyz, Tajik, Tatar and Uzbek in
// Latin and Cyrillic script); each with its script, as in "uz-Cyrl".
func Languages() []language.Tag {
	m, err := model()
	if err != nil {
		return nil
	}
	tags := make([]language.Tag, 0, len(m.Classes))
	for _, cl := range m.Classes {
		t, err := language.Parse(cl.Tag + "-" + cl.Script)
		if err != nil {
			t = language.Make(cl.Tag)
		}
		tags = append(tags, t)
	}
	return tags
}

var zzzz = language.MustParseScript("Zzzz")

// MarshalJSON encodes r with its language and script as strings:
// {"language":"kk","script":"Cyrl","confidence":0.98,"alternatives":[...]}.
func (r Result) MarshalJSON() ([]byte, error) {
	type alias Result // without the method
	return json.Marshal(struct {
		alias
		Script string `json:"script"`
	}{alias(r), r.Script.String()})
}
