// Package topic classifies news text into an IPTC-aligned taxonomy of topics.
//
// This is the foundation's placeholder implementation: a handful of
// keywords per top-level topic, matched on folded words. The rule files and
// trained classifiers replace it.
//
// A [Classifier] is immutable after [New] and safe for concurrent use.
package topic

import (
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/token"
)

// Topic is one topic that applies to a document.
type Topic struct {
	ID       string   // taxonomy id, e.g. "military-cooperation"
	Parent   string   // parent id; "" for a top-level topic
	Label    string   // English label
	Score    float64  // in [0, 1]
	Evidence []string // the matched terms
}

// Entity is an entity found in the document, used as extra evidence.
type Entity struct {
	Name string // canonical name
	Type string // PER, ORG, LOC or EVENT
}

// Document is the input to [Classifier.Classify].
type Document struct {
	Text     string
	Language language.Tag
	Entities []Entity
}

type config struct{}

// Option configures a [Classifier].
type Option func(*config)

// Classifier scores topics. It is safe for concurrent use.
type Classifier struct{}

// New returns a Classifier with the built-in taxonomy.
func New(opts ...Option) (*Classifier, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return &Classifier{}, nil
}

var placeholder = []struct {
	id, label string
	words     string
}{
	{"politics", "Politics", "minister president government parliament министр президент правительство сенат мажилис"},
	{"economy", "Economy, business and finance", "economy budget market бюджет экономика тенге"},
	{"crime", "Crime, law and justice", "police court drugs полиция суд наркотиков осужден"},
	{"sport", "Sport", "match championship football матч чемпионат"},
}

// Classify returns the topics of doc, best first.
func (c *Classifier) Classify(doc Document) []Topic {
	counts := map[string]int{}
	words := map[string]bool{}
	for _, t := range token.Tokenize(doc.Text) {
		if t.Kind == token.Word {
			words[normalize.Fold(t.Text)] = true
		}
	}
	var out []Topic
	for _, p := range placeholder {
		var ev []string
		for _, w := range strings.Fields(p.words) {
			if words[w] {
				counts[p.id]++
				ev = append(ev, w)
			}
		}
		if len(ev) > 0 {
			out = append(out, Topic{ID: p.id, Label: p.label, Score: float64(len(ev)) / float64(len(ev)+2), Evidence: ev})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}
