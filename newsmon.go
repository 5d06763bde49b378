package newsmon

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity"
	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/lang"
	"github.com/newsmon/newsmon/topic"
)

// ErrTooLarge is returned by [Analyzer.Analyze] for a document longer than
// the limit set with [WithMaxBytes].
var ErrTooLarge = errors.New("newsmon: document too large")

type config struct {
	languages  []language.Tag
	topics     []string
	workers    int
	maxBytes   int
	entityOpts []entity.Option
	geoOpts    []geo.Option
	topicOpts  []topic.Option
}

// Option configures an [Analyzer].
type Option func(*config)

// WithLanguages restricts language identification to the given languages.
// The default is every supported language.
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) { c.languages = append(c.languages, tags...) }
}

// WithTopics restricts the topics reported to the given taxonomy ids and
// their ancestors. The default reports every topic that applies.
func WithTopics(ids ...string) Option {
	return func(c *config) { c.topics = append(c.topics, ids...) }
}

// WithWorkers sets how many documents [Analyzer.AnalyzeAll] analyzes at
// once. The default, and any n < 1, is runtime.GOMAXPROCS(0).
func WithWorkers(n int) Option {
	return func(c *config) { c.workers = n }
}

// WithMaxBytes makes [Analyzer.Analyze] reject documents longer than n bytes
// with [ErrTooLarge]. The default, and any n < 1, is no limit.
func WithMaxBytes(n int) Option {
	return func(c *config) { c.maxBytes = n }
}

// WithEntityOptions passes options to the entity tagger and linker (for
// example [entity.WithKnowledge]).
func WithEntityOptions(opts ...entity.Option) Option {
	return func(c *config) { c.entityOpts = append(c.entityOpts, opts...) }
}

// WithGeoOptions passes options to the place resolver (for example
// [geo.WithFocus]).
func WithGeoOptions(opts ...geo.Option) Option {
	return func(c *config) { c.geoOpts = append(c.geoOpts, opts...) }
}

// WithTopicOptions passes options to the topic classifier.
func WithTopicOptions(opts ...topic.Option) Option {
	return func(c *config) { c.topicOpts = append(c.topicOpts, opts...) }
}

// Analyzer runs the whole pipeline: language segments, entities per
// segment, place resolution and topics. It is immutable after [New] and safe
// for concurrent use by multiple goroutines.
type Analyzer struct {
	cfg      config
	detector *lang.Detector
	tagger   *entity.Tagger
	linker   *entity.Linker
	resolver *geo.Resolver
	topics   *topic.Classifier
	keep     map[string]bool // topic ids to report; nil for all
}

// New returns an Analyzer. It fails on invalid options or models.
func New(opts ...Option) (*Analyzer, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.workers < 1 {
		c.workers = runtime.GOMAXPROCS(0)
	}
	a := &Analyzer{cfg: c}
	var err error
	var langOpts []lang.Option
	if len(c.languages) > 0 {
		langOpts = append(langOpts, lang.WithLanguages(c.languages...))
	}
	if a.detector, err = lang.New(langOpts...); err != nil {
		return nil, fmt.Errorf("newsmon: %w", err)
	}
	if a.tagger, err = entity.New(c.entityOpts...); err != nil {
		return nil, fmt.Errorf("newsmon: %w", err)
	}
	if a.linker, err = entity.NewLinker(c.entityOpts...); err != nil {
		return nil, fmt.Errorf("newsmon: %w", err)
	}
	if a.resolver, err = geo.New(c.geoOpts...); err != nil {
		return nil, fmt.Errorf("newsmon: %w", err)
	}
	if a.topics, err = topic.New(c.topicOpts...); err != nil {
		return nil, fmt.Errorf("newsmon: %w", err)
	}
	if len(c.topics) > 0 {
		a.keep = map[string]bool{}
		for _, id := range c.topics {
			a.keep[id] = true
		}
	}
	return a, nil
}

// Analyze analyzes one document. Offsets in the report are byte offsets into
// text. Invalid UTF-8 is skipped, never fatal; the error is non-nil only for
// a cancelled ctx or a document over the [WithMaxBytes] limit.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.cfg.maxBytes > 0 && len(text) > a.cfg.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), a.cfg.maxBytes)
	}
	segs := a.detector.Segments(text)
	rep := &Report{Language: language.Und, Segments: make([]Segment, 0, len(segs)), Entities: []Entity{}, Topics: []Topic{}}
	bytesBy := map[language.Tag]int{}
	var mentions []entity.Mention
	for _, s := range segs {
		rep.Segments = append(rep.Segments, Segment{Start: s.Start, End: s.End, Language: s.Language, Confidence: s.Confidence})
		if s.Language == language.Und {
			continue
		}
		bytesBy[s.Language] += s.End - s.Start
		for _, m := range a.tagger.Extract(text[s.Start:s.End], s.Language) {
			m.Start += s.Start
			m.End += s.Start
			mentions = append(mentions, m)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	best := 0
	for _, s := range segs { // segment order makes ties deterministic
		if n := bytesBy[s.Language]; n > best {
			best, rep.Language = n, s.Language
		}
	}

	ents := a.linker.Link(text, mentions)
	places := a.resolve(text, ents, rep.Language)
	ents, places = samePlace(ents, places)
	tents := make([]topic.Entity, 0, len(ents))
	nm := 0
	for _, e := range ents {
		nm += len(e.Mentions)
	}
	rep.Entities = make([]Entity, 0, len(ents))
	allMentions := make([]Mention, 0, nm) // one backing array for every entity's mentions
	for i, e := range ents {
		out := Entity{ID: e.ID, Name: e.Name, Type: string(e.Type), Salience: e.Salience, Place: places[i]}
		start := len(allMentions)
		for _, m := range e.Mentions {
			allMentions = append(allMentions, Mention{Start: m.Start, End: m.End, Text: m.Text})
		}
		out.Mentions = allMentions[start:len(allMentions):len(allMentions)]
		rep.Entities = append(rep.Entities, out)
		tents = append(tents, topic.Entity{Name: e.Name, Type: string(e.Type)})
	}
	slices.SortStableFunc(rep.Entities, func(x, y Entity) int {
		switch {
		case x.Salience > y.Salience:
			return -1
		case x.Salience < y.Salience:
			return 1
		}
		return x.Mentions[0].Start - y.Mentions[0].Start
	})

	for _, t := range a.topics.Classify(topic.Document{Text: text, Language: rep.Language, Entities: tents}) {
		if a.keep != nil && !a.keep[t.ID] && !a.keep[t.Parent] {
			continue
		}
		rep.Topics = append(rep.Topics, Topic{ID: t.ID, Parent: t.Parent, Label: t.Label, Score: t.Score, Evidence: nonNil(t.Evidence)})
	}
	return rep, nil
}

// resolve places the LOC entities: every mention is a toponym, and an
// entity takes the place of its first mention that resolves.
func (a *Analyzer) resolve(text string, ents []entity.Entity, main language.Tag) []*Place {
	n := 0
	for _, e := range ents {
		if e.Type == entity.LOC {
			n += len(e.Mentions)
		}
	}
	if n == 0 {
		return make([]*Place, len(ents))
	}
	tops := make([]geo.Toponym, 0, n)
	owner := make([]int, 0, n)
	for i, e := range ents {
		if e.Type != entity.LOC {
			continue
		}
		for _, m := range e.Mentions {
			tops = append(tops, geo.Toponym{Start: m.Start, End: m.End, Text: m.Text})
			owner = append(owner, i)
		}
	}
	out := make([]*Place, len(ents))
	for k, r := range a.resolver.Resolve(text, tops, main) {
		i := owner[k]
		if !r.Resolved || r.Inferred || out[i] != nil {
			continue
		}
		p := r.Place
		out[i] = &Place{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Kind: string(p.Kind), Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// AnalyzeAll analyzes docs with the Analyzer's workers in parallel and
// yields the reports in input order. It stops when the caller stops ranging
// or ctx is cancelled; after a cancellation it yields one (nil, ctx.Err())
// and ends. No goroutine outlives the range loop.
func (a *Analyzer) AnalyzeAll(ctx context.Context, docs iter.Seq[string]) iter.Seq2[*Report, error] {
	return func(yield func(*Report, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		type result struct {
			rep *Report
			err error
		}
		type job struct {
			text string
			out  chan result
		}
		jobs := make(chan job)
		pending := make(chan chan result, 2*a.cfg.workers)
		var wg sync.WaitGroup
		for range a.cfg.workers {
			wg.Go(func() {
				for j := range jobs {
					rep, err := a.Analyze(ctx, j.text)
					j.out <- result{rep, err}
				}
			})
		}
		go func() {
			defer close(pending)
			defer close(jobs)
			for d := range docs {
				out := make(chan result, 1)
				select {
				case pending <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{d, out}:
				case <-ctx.Done():
					out <- result{nil, ctx.Err()}
					return
				}
			}
		}()
		defer func() {
			cancel()
			for out := range pending { // let the producer and workers finish
				<-out
			}
			wg.Wait()
		}()
		for out := range pending {
			r := <-out
			if r.err != nil && ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			if !yield(r.rep, r.err) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			yield(nil, err)
		}
	}
}
