package entity

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/translit"
)

// knowledgeTSV is the built-in knowledge base, hand-written with its sources
// in comments; see the file for its format.
//
//go:embed knowledge.tsv
var knowledgeTSV string

// ErrKnowledge is returned (wrapped, with the offending entry) by
// [NewLinker] and [New] for a knowledge base entry with an empty or
// duplicate id, an empty name or alias, or an unknown type.
var ErrKnowledge = errors.New("entity: invalid knowledge base entry")

// BuiltinKnowledge returns a copy of the built-in knowledge base: the
// international and regional organizations, state bodies, heads of state and
// government, defence ministers, countries and recurring named events that
// news of Central Asia and Russia names most, with aliases in English,
// Russian and Kazakh.
func BuiltinKnowledge() []Knowledge {
	kb, _ := builtinIndex()
	out := make([]Knowledge, len(kb.entries))
	for i, e := range kb.entries {
		e.Aliases = append([]string(nil), e.Aliases...)
		out[i] = e
	}
	return out
}

// parseKnowledge decodes the TSV knowledge base format.
func parseKnowledge(s string) ([]Knowledge, error) {
	var out []Knowledge
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%w: line %d: want 4 tab-separated fields, have %d", ErrKnowledge, n+1, len(f))
		}
		k := Knowledge{ID: f[0], Type: Type(f[1]), Name: f[2]}
		if f[3] != "" {
			k.Aliases = strings.Split(f[3], "|")
		}
		out = append(out, k)
	}
	return out, nil
}

// validateKnowledge checks user entries on their own and against the
// built-in knowledge base: ids non-empty and unique, names and aliases
// non-empty, types one of PER, ORG, LOC, EVENT. [New] and [NewLinker] call it.
func validateKnowledge(entries []Knowledge) error {
	base, err := builtinIndex()
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		if err := checkEntry(e); err != nil {
			return fmt.Errorf("%w (entry %d)", err, i)
		}
		if seen[e.ID] || base.ids[e.ID] {
			return fmt.Errorf("%w: duplicate id %q (entry %d)", ErrKnowledge, e.ID, i)
		}
		seen[e.ID] = true
	}
	return nil
}

func checkEntry(e Knowledge) error {
	if strings.TrimSpace(e.ID) == "" {
		return fmt.Errorf("%w: empty id", ErrKnowledge)
	}
	switch e.Type {
	case PER, ORG, LOC, EVENT:
	default:
		return fmt.Errorf("%w: id %q: unknown type %q", ErrKnowledge, e.ID, e.Type)
	}
	if translit.Key(e.Name) == "" {
		return fmt.Errorf("%w: id %q: empty name", ErrKnowledge, e.ID)
	}
	for j, a := range e.Aliases {
		if translit.Key(a) == "" {
			return fmt.Errorf("%w: id %q: empty alias %d", ErrKnowledge, e.ID, j)
		}
	}
	return nil
}

// kbIndex is a decoded knowledge base, read-only after construction.
type kbIndex struct {
	entries []Knowledge
	ids     map[string]bool
	byKey   map[string][]int32 // translit.Key of name and aliases -> entries
	words   map[string]bool    // lower-case words of Cyrillic aliases: known nominatives
	acro    map[string]bool    // lower-case all-capital aliases
	// firsts maps the key of the first word of every name or alias of two
	// words or more to the most words such a name has (for kbNames).
	firsts map[string]int
}

var builtinIndex = sync.OnceValues(func() (*kbIndex, error) {
	entries, err := parseKnowledge(knowledgeTSV)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i, e := range entries {
		if err := checkEntry(e); err != nil {
			return nil, fmt.Errorf("built-in %w (line entry %d)", err, i)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("built-in %w: duplicate id %q", ErrKnowledge, e.ID)
		}
		seen[e.ID] = true
	}
	return buildIndex(entries), nil
})

func buildIndex(entries []Knowledge) *kbIndex {
	kb := &kbIndex{
		entries: entries,
		ids:     make(map[string]bool, len(entries)),
		byKey:   make(map[string][]int32, len(entries)*6),
		words:   map[string]bool{},
		acro:    map[string]bool{},
		firsts:  map[string]int{},
	}
	add := func(s string, i int) {
		k := kbKey(s)
		if k == "" {
			return
		}
		if ws := strings.Fields(k); len(ws) >= 2 {
			kb.firsts[ws[0]] = max(kb.firsts[ws[0]], len(ws))
		}
		// Acronyms and known nominatives as written, also for an alias
		// whose key another name of the entry already has (ТАСС is TASS).
		if isAllUpper(strings.ReplaceAll(s, ".", "")) {
			kb.acro[runes.Lower(s)] = true
		}
		// Known nominatives: every word of a person's name, only the first
		// word of other names (Министерство обороны Украины: the rest are
		// genitives).
		for n, w := range strings.FieldsFunc(s, func(r rune) bool { return !runes.IsLetter(r) && r != '-' }) {
			if n > 0 && entries[i].Type != PER {
				break
			}
			if r, _ := runes.Decode(w); unicode.Is(unicode.Cyrillic, r) && !isAllUpper(w) {
				kb.words[runes.Lower(w)] = true
			}
		}
		for _, j := range kb.byKey[k] {
			if j == int32(i) {
				return
			}
		}
		kb.byKey[k] = append(kb.byKey[k], int32(i))
	}
	for i, e := range entries {
		kb.ids[e.ID] = true
		add(e.Name, i)
		for _, a := range e.Aliases {
			add(a, i)
		}
	}
	return kb
}

// keyCache memoizes kbKey within one call of the tagger or the linker:
// names and capitalized words recur in a document. A nil keyCache computes
// every key.
type keyCache map[string]string

func (c keyCache) key(s string) string {
	if c == nil {
		return kbKey(s)
	}
	k, ok := c[s]
	if !ok {
		k = kbKey(s)
		c[s] = k
	}
	return k
}

// kbKey is the matching key of a name: [translit.Key] without a leading
// English article.
func kbKey(s string) string {
	k := translit.Key(s)
	k = strings.TrimPrefix(k, "the ")
	return k
}

// typeOf returns the type of the first entry that has s as its name or an
// alias (compared by key), or false.
func (kb *kbIndex) typeOf(s string) (Type, bool) {
	if ids := kb.byKey[kbKey(s)]; len(ids) > 0 {
		return kb.entries[ids[0]].Type, true
	}
	return "", false
}

// lookup returns the entry a canonical name of type t refers to. Types must
// agree, except that organizations and countries stand for each other
// (metonymy: "Kazakhstan said") and acronyms match across ORG and LOC.
func (kb *kbIndex) lookup(key string, t Type, acronym bool) (int, bool) {
	best := -1
	for _, j := range kb.byKey[key] {
		et := kb.entries[j].Type
		ok := et == t || t == "" ||
			((et == ORG || et == LOC) && (t == ORG || t == LOC) && (acronym || et == LOC))
		if !ok {
			continue
		}
		if best >= 0 && kb.entries[best].Type == t && et != t {
			continue
		}
		if best >= 0 && (kb.entries[best].Type == t) == (et == t) {
			return -1, false // ambiguous alias
		}
		best = int(j)
	}
	return best, best >= 0
}
