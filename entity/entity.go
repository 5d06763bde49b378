package entity

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/runes"
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

// types maps seqtag type numbers to Types.
var types = [seqtag.NumTypes]Type{PER, ORG, LOC, EVENT}

// Mention is one entity mention in a text.
type Mention struct {
	Start, End int    // half-open byte offsets into the text
	Text       string // text[Start:End]
	Type       Type
	Language   language.Tag // language of the text the mention was found in
}

type config struct {
	knowledge []Knowledge // used by the Linker
	models    map[string][]byte
	rules     uint8
	rulesSet  bool
	descr     bool
	placeAdj  bool
}

// Option configures a [Tagger].
type Option func(*config)

// WithModel replaces the built-in model for the base language of lang
// ("en", "ru", "kk", "uk", or "und" for the fallback) with data, a model written
// by the trainer in internal/cmd/train-ner. [New] decodes it at once and
// fails with [ErrModel] if it is not a model. By default the built-in
// models are used.
func WithModel(lang language.Tag, data []byte) Option {
	return func(c *config) {
		if c.models == nil {
			c.models = map[string][]byte{}
		}
		base, _ := lang.Base()
		c.models[base.String()] = data
	}
}

// WithRules switches the rules that run after decoding on or off: orgs
// joins capitalized Latin-script runs ending in an organization noun
// (Belarusian Defense Ministry) into one ORG mention; propagate gives a
// surname alone, or a repeat of a found name, the type found for it
// elsewhere in the text. Both are on by default; the trainer switches them
// to measure what they bring.
func WithRules(orgs, propagate bool) Option {
	return func(c *config) {
		c.rules = 0
		if orgs {
			c.rules |= ruleOrgs
		}
		if propagate {
			c.rules |= rulePropagate
		}
		c.rulesSet = true
	}
}

// WithDescriptors gives mentions factRuEval's spans, as its scoring in
// examples/evaluate and the trainer does: an organization or place takes in
// the noun of its kind right before it and that noun's adjectives (партии
// «Яблоко», социальной сети Twitter, реку Нарву, ООО «Алтек»); a state
// body's noun and its country become one organization (руководство
// Грузии); an organization with no capital letter or digit (правительство)
// is dropped. Off by default: mentions are names, as NEREL, SlavicNER and
// CoNLL mark them, and such a noun is taken off a mention the model found
// with it. Only Russian has a table of kind nouns.
func WithDescriptors(on bool) Option {
	return func(c *config) { c.descr = on }
}

// WithPlaceAdjectives makes a lower-case adjective of a country, or of a
// big town or region, that is in no other mention a place mention of its
// own (британской, российских, московского), as NEREL marks it; its scoring
// in examples/evaluate (-format brat) and the trainer turns it on.
// SlavicNER and factRuEval mark such adjectives only sometimes. Off by
// default: an adjective (Belarusian, белорусский) says where something is
// from and names no place. Only Russian text.
func WithPlaceAdjectives(on bool) Option {
	return func(c *config) { c.placeAdj = on }
}

// ErrModel is returned by [New] for a model given with [WithModel] that
// cannot be decoded.
var ErrModel = errors.New("entity: bad model")

//go:embed models/*.bin
var builtin embed.FS

// modelSlot is a model decoded on first use.
type modelSlot struct {
	get func() (*seqtag.Model, error)
}

func lazyModel(data func() ([]byte, error)) *modelSlot {
	return &modelSlot{get: sync.OnceValues(func() (*seqtag.Model, error) {
		b, err := data()
		if err != nil {
			return nil, err
		}
		return decodeModel(b)
	})}
}

// decodeModel skips the file's "# ..." header line and decodes the rest.
func decodeModel(b []byte) (*seqtag.Model, error) {
	if len(b) > 0 && b[0] == '#' {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	return seqtag.Unmarshal(b)
}

// builtinSlots are shared by every Tagger, so each built-in model is decoded
// at most once per process.
var builtinSlots = func() map[string]*modelSlot {
	m := map[string]*modelSlot{}
	names, _ := fs.Glob(builtin, "models/*.bin")
	for _, name := range names {
		l := strings.TrimSuffix(strings.TrimPrefix(name, "models/"), ".bin")
		m[l] = lazyModel(func() ([]byte, error) { return builtin.ReadFile(name) })
	}
	return m
}()

// Tagger extracts mentions. It is immutable after [New] and safe for
// concurrent use.
type Tagger struct {
	slots    map[string]*modelSlot
	rules    uint8
	descr    bool
	placeAdj bool
}

// Rules that run after decoding; see [WithRules].
const (
	ruleOrgs      = 1 << iota // extendOrgs
	rulePropagate             // propagate
)

// New returns a Tagger. Models are decoded lazily, once per language, on the
// first [Tagger.Extract] call for that language.
func New(opts ...Option) (*Tagger, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if err := validateKnowledge(c.knowledge); err != nil {
		return nil, err
	}
	if !c.rulesSet {
		c.rules = ruleOrgs | rulePropagate
	}
	t := &Tagger{slots: map[string]*modelSlot{}, rules: c.rules, descr: c.descr, placeAdj: c.placeAdj}
	for l, s := range builtinSlots {
		t.slots[l] = s
	}
	for l, data := range c.models {
		m, err := decodeModel(data)
		if err != nil {
			return nil, fmt.Errorf("%w for %q: %v", ErrModel, l, err)
		}
		t.slots[l] = &modelSlot{get: func() (*seqtag.Model, error) { return m, nil }}
	}
	return t, nil
}

// Languages returns the base languages that have a model of their own.
func (t *Tagger) Languages() []language.Tag {
	var out []language.Tag
	for _, l := range []string{"en", "kk", "ru", "uk"} {
		if _, ok := t.slots[l]; ok {
			out = append(out, language.MustParse(l))
		}
	}
	return out
}

// modelFor picks the model for lang and returns it with its language.
// Languages without a model of their own use a related one (Belarusian the
// Russian model); any other language, including und, uses
// the fallback: the "und" model if one was given with [WithModel], else the
// Russian model for text that is mostly Cyrillic and the English model
// otherwise. Both cue on capitalization, shape and context as much as on
// vocabulary, which carries over to other languages in those scripts.
func (t *Tagger) modelFor(text string, lang language.Tag) (*seqtag.Model, string) {
	base, _ := lang.Base()
	b := base.String()
	switch b {
	case "uk", "be":
		if _, ok := t.slots[b]; !ok {
			b = "ru"
		}
	case "en", "ru", "kk":
	default:
		if _, ok := t.slots["und"]; ok {
			b = "und"
		} else if mostlyCyrillic(text) {
			b = "ru"
		} else {
			b = "en"
		}
	}
	return t.model(b), b
}

// model returns the decoded model of base language b, or nil.
func (t *Tagger) model(b string) *seqtag.Model {
	s, ok := t.slots[b]
	if !ok {
		return nil
	}
	m, err := s.get()
	if err != nil {
		return nil
	}
	return m
}

// sentenceModel returns the model for one sentence: a Cyrillic sentence in
// text given as English (a Russian or Kazakh line on an English page) is
// labelled with the Kazakh model if it has letters only Kazakh uses, else
// with the Russian one.
func (t *Tagger) sentenceModel(m *seqtag.Model, b, text string) *seqtag.Model {
	if b != "en" || !mostlyCyrillic(text) {
		return m
	}
	l := "ru"
	if strings.ContainsAny(text, "әғқңөұүһіӘҒҚҢӨҰҮҺІ") {
		l = "kk"
	}
	if o := t.model(l); o != nil {
		return o
	}
	return m
}

func mostlyCyrillic(text string) bool {
	cyr, lat := 0, 0
	for i, r := range text {
		if i > 4096 {
			break
		}
		switch {
		case r >= 0x400 && r <= 0x52f:
			cyr++
		case r < 0x80 && runes.IsLetter(r):
			lat++
		}
	}
	return cyr > lat
}

type scratch struct {
	toks   []token.Token
	buf    seqtag.Buffer
	cache  seqtag.Cache
	keys   keyCache // kbKey of the chunk's words and mentions
	emis   seqtag.Emissions
	labels []seqtag.Label
	back   [][seqtag.NumLabels]uint8
	spans  []seqtag.Span
	ms     []Mention
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Extract returns the mentions in text, sorted by Start and not
// overlapping, with offsets into text. lang selects the model: English,
// Russian, Kazakh and Ukrainian have their own; Belarusian uses the Russian
// one; any other language (und included) falls back to the model
// given for und with [WithModel], or else to the Russian model for mostly
// Cyrillic text and the English model otherwise. Within English text, a
// line in Cyrillic is labelled with the Russian model (the Kazakh one if it
// has Kazakh letters). Invalid UTF-8 is skipped; Extract never fails and
// runs in time linear in len(text).
func (t *Tagger) Extract(text string, lang language.Tag) []Mention {
	m, base := t.modelFor(text, lang)
	if m == nil {
		return nil
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	var out []Mention
	for start := 0; start < len(text); {
		end := chunkEnd(text, start)
		out = t.extractChunk(s, out, text[start:end], start, m, base, lang)
		start = end
	}
	return out
}

// chunkSize bounds the text labelled at once, and so the memory that
// Extract needs: document-level evidence is gathered per chunk.
const chunkSize = 1 << 16

// chunkEnd returns where the chunk that starts at start ends: at the last
// blank line, else line break, else space in the second half of the
// window, else on a rune boundary at its end.
func chunkEnd(text string, start int) int {
	if len(text)-start <= chunkSize {
		return len(text)
	}
	w := text[start : start+chunkSize]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(w, sep); i >= chunkSize/2 {
			return start + i + len(sep)
		}
	}
	end := start + chunkSize
	for end > start+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// extractChunk labels chunk, which starts at byte off of the text, and
// appends its mentions, with offsets into the text, to out.
func (t *Tagger) extractChunk(s *scratch, out []Mention, chunk string, off int, m *seqtag.Model, base string, lang language.Tag) []Mention {
	s.toks = token.AppendTokens(s.toks[:0], chunk)
	toks := s.toks
	sents := seqtag.Sentences(chunk, toks)
	s.buf.Extract(chunk, toks, sents)
	ms := s.ms[:0]
	for _, se := range sents {
		sm := t.sentenceModel(m, base, chunk[se.ByteStart:se.ByteEnd])
		s.emis = sm.ScoreCached(&s.cache, s.buf.Feats, s.buf.Offs[se.Start:se.End+1], s.buf.Own[se.Start:se.End], s.emis)
		if cap(s.labels) < len(s.emis) {
			s.labels = make([]seqtag.Label, len(s.emis))
		}
		labels := seqtag.Viterbi(s.emis, &sm.Trans, s.labels[:cap(s.labels)], &s.back)
		s.spans = seqtag.Spans(labels, s.spans[:0])
		for _, sp := range s.spans {
			a, b := se.Start+sp.Start, se.Start+sp.End
			ms = append(ms, Mention{Start: toks[a].Start, End: toks[b-1].End, Type: types[sp.Type], Language: lang})
		}
	}
	if t.rules&ruleOrgs != 0 {
		ms = extendOrgs(chunk, toks, sents, ms, lang)
	}
	if t.rules&rulePropagate != 0 {
		ms = propagate(chunk, toks, ms, lang)
	}
	ms = headlineNames(chunk, toks, sents, ms)
	ms = ruEvents(toks, sents, ms, lang)
	ms = applyPatterns(chunk, toks, ms, lang)
	ms = trimHonorifics(chunk, ms)
	ms = extendMonthSurnames(chunk, ms)
	ms = splitKazakhCases(chunk, toks, ms, lang)
	ms = kkQuotedOrgs(toks, ms, lang)
	if s.keys == nil {
		s.keys = keyCache{}
	}
	ms = kbNames(chunk, toks, ms, lang, s.keys)
	ms = kbComplete(chunk, toks, ms, base)
	ms = bracketAcronyms(toks, ms, lang)
	ms = shortOrgNames(chunk, ms, base)
	ms = splitCoordinated(chunk, toks, ms)
	ms = kbTypes(ms, chunk, s.keys)
	clear(s.keys) // its keys are substrings of text
	ms = dropGlosses(chunk, toks, ms)
	ms = geoRules(chunk, toks, ms, lang)
	ms = ruRules(chunk, toks, ms, base)
	ms = quotedKindOrgs(toks, ms, base)
	ms = withoutDescriptors(chunk, toks, ms, base)
	if t.descr {
		ms = withDescriptors(chunk, toks, ms, base)
	}
	if t.placeAdj {
		ms = placeAdjectives(toks, ms, base)
	}
	ms = cleanGaps(chunk, toks, ms)
	s.ms = ms
	for _, x := range ms {
		x.Text = chunk[x.Start:x.End]
		x.Start += off
		x.End += off
		out = append(out, x)
	}
	return out
}
