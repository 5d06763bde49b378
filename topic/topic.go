package topic

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Topic is one topic that applies to a document.
type Topic struct {
	ID       string   `json:"id"`               // taxonomy id, e.g. "military-cooperation"
	Parent   string   `json:"parent,omitempty"` // parent id; "" for a top level
	Label    string   `json:"label"`            // English label
	Score    float64  `json:"score"`            // calibrated confidence that the topic applies, in [0, 1]
	Evidence []string `json:"evidence"`         // matched terms (folded, as written in the rules), strongest first
	MedTop   string   `json:"medtop,omitempty"` // IPTC Media Topics code such as "medtop:04000000"; "" for newsmon's own subtopics
}

// Entity is an entity found in the document, used as extra evidence.
type Entity struct {
	Name string // canonical name
	Type string // PER, ORG, LOC or EVENT
}

// Document is the input to [Classifier.Classify].
type Document struct {
	Text     string       // the text; any size, any bytes
	Language language.Tag // the text's language; language.Und when unknown
	Entities []Entity     // entities found in the text; may be nil
}

// Sentinel errors returned by [New]; errors wrap them with details.
var (
	ErrTaxonomy = errors.New("topic: bad taxonomy")
	ErrRules    = errors.New("topic: bad rules")
	ErrOption   = errors.New("topic: bad option")
)

type ruleData struct {
	tag  language.Tag
	name string
	data []byte
}

type config struct {
	taxonomy    []byte
	noBuiltin   bool
	rules       []ruleData
	threshold   float64
	maxTopics   int
	model       *Model
	modelWeight float64
	modelParent map[string]string
	err         error
}

// Option configures a [Classifier].
type Option func(*config)

// WithThreshold sets the lowest score, in (0, 1), a topic needs to be
// reported. The default is 0.3. The best top-level topic is reported even
// below the threshold when the text has any evidence for it.
func WithThreshold(t float64) Option {
	return func(c *config) {
		if !(t > 0 && t < 1) {
			c.err = fmt.Errorf("%w: threshold %v not in (0, 1)", ErrOption, t)
		}
		c.threshold = t
	}
}

// WithMaxTopics caps the number of topics returned, ancestors included;
// n ≥ 1, default 8. Ancestors of a returned topic are always returned.
func WithMaxTopics(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.err = fmt.Errorf("%w: max topics %d < 1", ErrOption, n)
		}
		c.maxTopics = n
	}
}

// WithTaxonomy replaces the built-in taxonomy by data, in the format of the
// package's data/taxonomy.txt ("id | parent | medtop | en | ru | kk" per
// line). The built-in rules are compiled against it, so every topic they
// name must exist; use [WithoutBuiltinRules] otherwise.
func WithTaxonomy(data []byte) Option {
	return func(c *config) { c.taxonomy = data }
}

// WithoutBuiltinRules drops the built-in rules; the classifier then scores
// only the rules given by [WithRules] and a model given by [WithModel].
func WithoutBuiltinRules() Option {
	return func(c *config) { c.noBuiltin = true }
}

// WithRules adds a rule file for language tag (its base language picks the
// stemmer: en, ru and kk are stemmed, others matched by folded word and
// prefix; its script picks the words it applies to). name is used in error
// messages. The format is described in the package documentation. New
// reports an unknown topic id, an empty term or a syntax error as an error
// wrapping [ErrRules].
func WithRules(tag language.Tag, name string, data []byte) Option {
	return func(c *config) { c.rules = append(c.rules, ruleData{tag, name, data}) }
}

// WithModel adds a trained model (see [Train]) to the classifier. Each label
// of the model becomes a topic: a label that is a taxonomy id merges with the
// rule score of that topic as weight·p + (1−weight)·rule, weight in [0, 1]
// (default 0.5 when weight is 0); any other label becomes a topic of its own,
// whose parent is parents[label] if given (a taxonomy id) or none. Topics
// scored by the model carry "model P" in their evidence, P the model's
// probability.
func WithModel(m *Model, weight float64, parents map[string]string) Option {
	return func(c *config) {
		if m == nil {
			c.err = fmt.Errorf("%w: nil model", ErrOption)
		}
		if !(weight >= 0 && weight <= 1) {
			c.err = fmt.Errorf("%w: model weight %v not in [0, 1]", ErrOption, weight)
		}
		if weight == 0 {
			weight = 0.5
		}
		c.model, c.modelWeight, c.modelParent = m, weight, parents
	}
}

// A topic is reported when its score reaches the threshold and either
// relativeCut of the best score or, in a longer text, solidEvidence (several
// strong terms): a side topic of an article is still a topic of it, a single
// weak term in a headline is not.
const (
	relativeCut   = 0.55
	solidEvidence = 8
)

// Classifier scores the topics of documents. It is immutable after [New] and
// safe for concurrent use by multiple goroutines.
type Classifier struct {
	tax         *taxonomy
	rules       []*langRules
	threshold   float64
	maxTopics   int
	model       *Model
	modelWeight float64
	modelTopic  []int32 // model label -> taxonomy index, or -1
	extra       []node  // topics for model labels outside the taxonomy
}

// New returns a Classifier with the built-in taxonomy and rules, changed by
// opts. It fails on a bad option, taxonomy or rule file.
func New(opts ...Option) (*Classifier, error) {
	c := config{threshold: 0.3, maxTopics: 8}
	for _, o := range opts {
		o(&c)
	}
	if c.err != nil {
		return nil, c.err
	}
	var (
		tax   *taxonomy
		rules []*langRules
		err   error
	)
	if c.taxonomy == nil && !c.noBuiltin {
		b := builtin()
		if b.err != nil {
			return nil, b.err
		}
		tax, rules = b.tax, b.rules
	} else {
		data := c.taxonomy
		if data == nil {
			data = taxonomyData
		}
		if tax, err = parseTaxonomy("taxonomy", data); err != nil {
			return nil, err
		}
		if !c.noBuiltin {
			if rules, err = compileBuiltinRules(tax); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range c.rules {
		lr, err := compileLangRules(r.name, r.data, r.tag, tax)
		if err != nil {
			return nil, err
		}
		rules = append(rules, lr)
	}
	cl := &Classifier{tax: tax, rules: rules, threshold: c.threshold, maxTopics: c.maxTopics}
	if c.model != nil {
		cl.model, cl.modelWeight = c.model, c.modelWeight
		for _, l := range c.model.labels {
			if i, ok := tax.lookup(l); ok {
				cl.modelTopic = append(cl.modelTopic, i)
				continue
			}
			n := node{id: l, parent: -1, labels: [3]string{l, l, l}}
			if p, ok := c.modelParent[l]; ok {
				pi, ok := tax.lookup(p)
				if !ok {
					return nil, fmt.Errorf("%w: parent %q of model label %q is not a taxonomy id", ErrOption, p, l)
				}
				n.parent, n.depth = pi, tax.nodes[pi].depth+1
			}
			cl.modelTopic = append(cl.modelTopic, int32(len(tax.nodes)+len(cl.extra)))
			cl.extra = append(cl.extra, n)
		}
	}
	return cl, nil
}

// node returns the taxonomy node or model-only node i.
func (c *Classifier) node(i int32) *node {
	if int(i) < len(c.tax.nodes) {
		return &c.tax.nodes[i]
	}
	return &c.extra[int(i)-len(c.tax.nodes)]
}

// Label returns the label of topic id in language tag (en, ru or kk by base
// language; English for others), and false when id is unknown.
func (c *Classifier) Label(id string, tag language.Tag) (string, bool) {
	i, ok := c.tax.lookup(id)
	if !ok {
		return "", false
	}
	b, _ := tag.Base()
	switch b.String() {
	case "ru":
		return c.tax.nodes[i].labels[1], true
	case "kk":
		return c.tax.nodes[i].labels[2], true
	}
	return c.tax.nodes[i].labels[0], true
}

// TopicInfo describes one topic of the taxonomy.
type TopicInfo struct {
	ID     string    // taxonomy id
	Parent string    // parent id; "" for a top level
	MedTop string    // IPTC Media Topics code; "" for newsmon's own subtopics
	Labels [3]string // English, Russian and Kazakh labels
}

// Taxonomy returns the classifier's topics, parents before children. Labels
// are English, Russian and Kazakh.
func (c *Classifier) Taxonomy() []TopicInfo {
	out := make([]TopicInfo, len(c.tax.nodes))
	for i, n := range c.tax.nodes {
		out[i] = TopicInfo{ID: n.id, MedTop: n.medtop, Labels: n.labels}
		if n.parent >= 0 {
			out[i].Parent = c.tax.nodes[n.parent].id
		}
	}
	return out
}

// Classify returns the topics that apply to doc, each with its ancestors,
// best first (ties: parents first, then by id). It returns nil when no
// topic has evidence.
func (c *Classifier) Classify(doc Document) []Topic {
	s := getScratch(len(c.tax.nodes) + len(c.extra))
	defer putScratch(s)
	words := c.scoreRules(s, doc)
	return c.result(s, doc, words)
}

// result turns raw scores into calibrated, filtered topics.
func (c *Classifier) result(s *scratch, doc Document, words int) []Topic {
	n := len(c.tax.nodes) + len(c.extra)
	// Subtree sums: each node gets the evidence of its subtree, a term
	// matched for several topics of one subtree counted once (at its
	// highest weight). Negative evidence counts only where it was given.
	sub := s.sub[:n]
	clear(sub)
	clear(s.seen)
	for _, h := range s.ev {
		if h.w <= 0 {
			sub[h.topic] += h.w
			continue
		}
		for j := h.topic; j >= 0; j = c.node(j).parent {
			k := hitKey{j, h.text}
			if old, ok := s.seen[k]; ok {
				if h.w > old {
					s.seen[k] = h.w
					sub[j] += h.w - old
				}
				continue
			}
			s.seen[k] = h.w
			sub[j] += h.w
		}
	}
	// The scale grows with the length of the text: a headline needs one
	// strong term, an article a topic that keeps coming back.
	scale := 2.5 * math.Pow(1+float64(words)/40, 0.7)
	var bestAt [8]float64 // best subtree evidence per depth
	for i := 0; i < n; i++ {
		if d := int(c.node(int32(i)).depth); d < len(bestAt) && sub[i] > bestAt[d] {
			bestAt[d] = sub[i]
		}
	}
	score := s.score[:n]
	for i := 0; i < n; i++ {
		score[i] = 0
		if sub[i] <= 0 {
			continue
		}
		abs := 1 - math.Exp(-sub[i]/scale)
		rel := 1.0
		if d := int(c.node(int32(i)).depth); d < len(bestAt) {
			rel = sub[i] / bestAt[d]
		}
		score[i] = abs * (0.6 + 0.4*rel)
	}
	// A topic scores at most as high as its parent.
	for i := 0; i < n; i++ {
		if p := c.node(int32(i)).parent; p >= 0 && score[i] > score[p] {
			score[i] = score[p]
		}
	}
	if c.model != nil {
		probs := c.model.predictProbs(doc.Text, s)
		s.modelP = probs
		for li, p := range probs {
			ti := c.modelTopic[li]
			if int(ti) < len(c.tax.nodes) {
				score[ti] = c.modelWeight*p + (1-c.modelWeight)*score[ti]
			} else {
				score[ti] = p
			}
		}
		// Ancestors score at least as high as their children.
		for i := n - 1; i >= 0; i-- {
			if p := c.node(int32(i)).parent; p >= 0 && score[p] < score[i] {
				score[p] = score[i]
			}
		}
	}
	keep := s.keep[:n]
	bestTop := int32(-1)
	maxScore := 0.0
	for i := 0; i < n; i++ {
		maxScore = max(maxScore, score[i])
	}
	// Topics far behind the best are side remarks, not what the text is
	// about.
	cut := max(c.threshold, relativeCut*maxScore)
	for i := 0; i < n; i++ {
		keep[i] = score[i] >= cut || score[i] >= c.threshold && sub[i] >= solidEvidence
		if c.node(int32(i)).parent < 0 && score[i] > 0 && (bestTop < 0 || score[i] > score[bestTop]) {
			bestTop = int32(i)
		}
	}
	if bestTop >= 0 && (sub[bestTop] >= 1 || c.model != nil) {
		keep[bestTop] = true
	}
	// Order candidates best first, parents before children on ties; then
	// admit each with its ancestors while the cap allows.
	cand := s.cand[:0]
	for i := 0; i < n; i++ {
		if keep[i] {
			cand = append(cand, int32(i))
		}
	}
	slices.SortFunc(cand, func(x, y int32) int { // a total order: ids differ
		switch {
		case score[x] > score[y]:
			return -1
		case score[x] < score[y]:
			return 1
		}
		if dx, dy := c.node(x).depth, c.node(y).depth; dx != dy {
			return int(dx) - int(dy)
		}
		return strings.Compare(c.node(x).id, c.node(y).id)
	})
	s.cand = cand
	in := s.in[:n]
	clear(in)
	count := 0
	var chain [16]int32
	for _, i := range cand {
		if in[i] {
			continue
		}
		k := 0
		for j := i; j >= 0 && k < len(chain); j = c.node(j).parent {
			if !in[j] {
				chain[k] = j
				k++
			}
		}
		if count+k > c.maxTopics {
			continue
		}
		for _, j := range chain[:k] {
			in[j] = true
		}
		count += k
	}
	if count == 0 {
		return nil
	}
	out := make([]Topic, 0, count)
	for _, i := range cand {
		if in[i] {
			out = append(out, c.topic(s, i, score[i]))
			in[i] = false
		}
	}
	// Ancestors that were not candidates themselves (possible only with a
	// model) go after their best child.
	for i := 0; i < n; i++ {
		if in[i] {
			out = append(out, c.topic(s, int32(i), score[i]))
		}
	}
	slices.SortStableFunc(out, func(a, b Topic) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return out
}

// topic builds the result for node i.
func (c *Classifier) topic(s *scratch, i int32, score float64) Topic {
	nd := c.node(i)
	t := Topic{ID: nd.id, Label: nd.labels[0], Score: math.Round(score*1000) / 1000, MedTop: nd.medtop}
	if nd.parent >= 0 {
		t.Parent = c.node(nd.parent).id
	}
	t.Evidence = s.evidence(c, i)
	// A model's share of the evidence is its probability for the label.
	for li, ti := range c.modelTopic {
		if ti == i && li < len(s.modelP) && s.modelP[li] >= 0.005 {
			t.Evidence = append(t.Evidence, fmt.Sprintf("model %.2f", s.modelP[li]))
		}
	}
	if t.Evidence == nil {
		t.Evidence = []string{}
	}
	return t
}

// evidence returns the strongest matched terms of topic i and its subtree.
func (s *scratch) evidence(c *Classifier, i int32) []string {
	list := s.evList[:0]
	for _, e := range s.ev {
		for j := e.topic; j >= 0; j = c.node(j).parent {
			if j == i {
				list = append(list, evItem{e.text, e.w})
				break
			}
		}
	}
	s.evList = list
	slices.SortStableFunc(list, func(a, b evItem) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return strings.Compare(a.text, b.text)
	})
	var out []string
	for _, e := range list {
		if e.w <= 0 || slices.Contains(out, e.text) {
			continue
		}
		if out == nil {
			out = make([]string, 0, 6)
		}
		out = append(out, e.text)
		if len(out) == 6 {
			break
		}
	}
	return out
}

// String returns "id (score) [evidence, ...]" for debugging output.
func (t Topic) String() string {
	return fmt.Sprintf("%s (%.2f) [%s]", t.ID, t.Score, strings.Join(t.Evidence, ", "))
}
