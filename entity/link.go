package entity

import (
	"crypto/sha1"
	"encoding/hex"

	"github.com/newsmon/newsmon/internal/normalize"
)

// Knowledge is one entry of the knowledge base: a real thing with a stable
// id, a canonical name and aliases in any language or script.
type Knowledge struct {
	ID      string   // stable id, unique in the knowledge base
	Name    string   // canonical English name
	Type    Type     //
	Aliases []string // other names, in any script; none may be empty
}

// WithKnowledge adds entries to the built-in knowledge base.
func WithKnowledge(entries ...Knowledge) Option {
	return func(c *config) { c.knowledge = append(c.knowledge, entries...) }
}

// Entity is one real thing named in a document, with all its mentions.
type Entity struct {
	ID       string    // stable across documents and scripts
	Name     string    // canonical name (nominative for Russian and Kazakh)
	Type     Type      //
	Salience float64   // in [0, 1]
	Mentions []Mention // sorted by Start
}

// Linker groups mentions into entities. It is safe for concurrent use.
//
// This is the foundation's placeholder: mentions with the same folded text
// and type are one entity, named by that text.
type Linker struct{}

// NewLinker returns a Linker.
func NewLinker(opts ...Option) (*Linker, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return &Linker{}, nil
}

// Link groups the mentions of text into entities, most salient first.
func (l *Linker) Link(text string, mentions []Mention) []Entity {
	idx := map[string]int{}
	var out []Entity
	for _, m := range mentions {
		key := string(m.Type) + "|" + normalize.Fold(m.Text)
		i, ok := idx[key]
		if !ok {
			sum := sha1.Sum([]byte(key))
			i = len(out)
			idx[key] = i
			out = append(out, Entity{ID: hex.EncodeToString(sum[:6]), Name: m.Text, Type: m.Type})
		}
		out[i].Mentions = append(out[i].Mentions, m)
	}
	for i := range out {
		out[i].Salience = float64(len(out[i].Mentions)) / float64(len(mentions))
	}
	return out
}
