package topic

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/stem"
)

// Rule file format (data/*.rules), one statement per line, '#' starts a
// comment:
//
//	[topic-id]                    following lines score this topic
//	WEIGHT term, term, ...        each term found in the text adds WEIGHT
//	WEIGHT @TYPE: term, ...       each entity of TYPE whose name holds a term adds WEIGHT
//	$name = term, term, ...       a named set of terms (scores nothing by itself)
//	$name = @TYPE: term, ...      a named set of entity terms
//	WEIGHT $a & $b & @LOC>=2      a combination: all text sets in one sentence,
//	                              entity sets and counts anywhere in the document
//
// A term is one or more words. A word ending in '*' matches every word with
// that prefix (folded: lower case, ё→е); a word with an upper-case letter
// matches that exact spelling (acronyms: UN, SCO, ЕС); a word starting with
// '=' matches that folded word only (=семья, not семь); any other word matches
// every word with the same stem in the file's language. WEIGHT is a number in
// [-20, 20]; negative weights count against the topic.

// matcher kinds.
const (
	mPrefix uint8 = iota // folded token starts with text
	mStem                // stem of folded token equals text
	mExact               // original token equals text
	mWhole               // folded token equals text
)

// matcher matches one word of a text.
type matcher struct {
	kind uint8
	text string
}

// pattern is a term: a sequence of word matchers.
type pattern struct {
	words   []int32 // matcher ids
	topic   int32
	weight  float32
	entity  string // entity type for entity terms; "" for text terms
	display string
	sets    []int32 // the sets this pattern belongs to
	scoring bool    // whether a match adds weight (false for set-only terms)
}

// atom is one operand of a combination.
type atom struct {
	set    int32  // set id, or -1 for an entity count
	entity string // entity type of a count atom
	min    int    // minimum count of a count atom
}

// combo is a Boolean combination of sets.
type combo struct {
	atoms   []atom
	topic   int32
	weight  float32
	display string
}

// set is a named set of terms.
type set struct {
	name   string
	entity bool // an entity set: matched against entity names, document-wide
}

// trieNode is a node of the byte trie over folded words.
type trieNode struct {
	next   []trieEdge // while compiling; then in ruleSet.nodes
	prefix []int32    // prefix matchers ending here
	stems  []int32    // stem matchers whose key ends here
	whole  []int32    // whole-word matchers ending here
}

// matchNode is the compact form of a trie node that matching walks: its
// edges are edgeByte[edges:edges+n] to edgeNode[edges:edges+n], sorted by
// byte, or the table dense[dense] for a node with many; flags tell which
// matcher lists of trie[node] are not empty.
type matchNode struct {
	edges uint32
	dense int32 // -1: none
	n     uint16
	flags uint8
}

// matchNode flags.
const (
	hasPrefix = 1 << iota
	hasStems
	hasWhole
)

type trieEdge struct {
	b    byte
	node int32
}

// ruleSet is the compiled rules of one language.
type ruleSet struct {
	lang     stem.Lang
	matchers []matcher
	patterns []pattern
	first    [][]int32 // matcher id -> text patterns starting with it
	efirst   [][]int32 // matcher id -> entity patterns starting with it
	etypes   []string  // the entity types of the entity patterns
	sets     []set
	combos   []combo
	trie     []trieNode
	nodes    []matchNode // per trie node, for matching
	edgeByte []byte
	edgeNode []int32
	dense    []*[256]int32
	exact    map[string][]int32 // exact-case word -> matcher ids
	pindex   map[string]int32   // pattern key -> index, while compiling
	hasStems bool
}

// compileRules parses a rule file for language l against taxonomy tax.
func compileRules(name string, data []byte, l stem.Lang, tax *taxonomy) (*ruleSet, error) {
	rs := &ruleSet{lang: l, exact: map[string][]int32{}, trie: []trieNode{{}}, pindex: map[string]int32{}}
	mindex := map[matcher]int32{}
	setIndex := map[string]int32{}
	topic := int32(-1)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	errf := func(ln int, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrRules, name, ln, fmt.Sprintf(format, args...))
	}
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, errf(ln, "invalid UTF-8")
		}
		switch {
		case line[0] == '[':
			if line[len(line)-1] != ']' {
				return nil, errf(ln, "unclosed topic header %q", line)
			}
			id := strings.TrimSpace(line[1 : len(line)-1])
			t, ok := tax.lookup(id)
			if !ok {
				return nil, errf(ln, "unknown topic id %q", id)
			}
			topic = t
			continue
		case topic < 0:
			return nil, errf(ln, "statement before the first [topic] header")
		}
		if line[0] == '$' {
			eq := strings.IndexByte(line, '=')
			if eq < 0 {
				return nil, errf(ln, "set definition without '='")
			}
			sname := strings.TrimSpace(line[:eq])
			if len(sname) < 2 || strings.ContainsAny(sname, " \t&@,") {
				return nil, errf(ln, "bad set name %q", sname)
			}
			if _, dup := setIndex[sname]; dup {
				return nil, errf(ln, "set %s defined twice", sname)
			}
			etype, terms, err := splitTerms(line[eq+1:])
			if err != nil {
				return nil, errf(ln, "%v", err)
			}
			sid := int32(len(rs.sets))
			setIndex[sname] = sid
			rs.sets = append(rs.sets, set{name: sname, entity: etype != ""})
			for _, term := range terms {
				if err := rs.addPattern(term, etype, topic, 0, false, sid, mindex); err != nil {
					return nil, errf(ln, "%v", err)
				}
			}
			continue
		}
		ws, rest, ok := strings.Cut(line, " ")
		if !ok {
			return nil, errf(ln, "want WEIGHT followed by terms, got %q", line)
		}
		w, err := strconv.ParseFloat(ws, 32)
		if err != nil || w < -20 || w > 20 || w != w {
			return nil, errf(ln, "bad weight %q", ws)
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, "$") || strings.Contains(rest, "&") {
			c := combo{topic: topic, weight: float32(w), display: rest}
			for _, a := range strings.Split(rest, "&") {
				a = strings.TrimSpace(a)
				switch {
				case strings.HasPrefix(a, "$"):
					sid, ok := setIndex[a]
					if !ok {
						return nil, errf(ln, "undefined set %s", a)
					}
					c.atoms = append(c.atoms, atom{set: sid})
				case strings.HasPrefix(a, "@"):
					typ, n, ok := strings.Cut(a[1:], ">=")
					k, err := strconv.Atoi(strings.TrimSpace(n))
					if !ok || err != nil || k < 1 || k > 100 || !validType(strings.TrimSpace(typ)) {
						return nil, errf(ln, "bad entity count %q (want @TYPE>=N)", a)
					}
					c.atoms = append(c.atoms, atom{set: -1, entity: strings.TrimSpace(typ), min: k})
				default:
					return nil, errf(ln, "bad combination operand %q (want $set or @TYPE>=N)", a)
				}
			}
			rs.combos = append(rs.combos, c)
			continue
		}
		etype, terms, err := splitTerms(rest)
		if err != nil {
			return nil, errf(ln, "%v", err)
		}
		for _, term := range terms {
			if err := rs.addPattern(term, etype, topic, float32(w), true, -1, mindex); err != nil {
				return nil, errf(ln, "%v", err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrRules, name, err)
	}
	rs.pindex = nil
	rs.compact()
	rs.first = make([][]int32, len(rs.matchers))
	rs.efirst = make([][]int32, len(rs.matchers))
	for i, p := range rs.patterns {
		if p.entity != "" {
			rs.efirst[p.words[0]] = append(rs.efirst[p.words[0]], int32(i))
			if !slices.Contains(rs.etypes, p.entity) {
				rs.etypes = append(rs.etypes, p.entity)
			}
		} else {
			rs.first[p.words[0]] = append(rs.first[p.words[0]], int32(i))
		}
	}
	return rs, nil
}

// validType reports an entity type name: upper-case ASCII letters.
func validType(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// splitTerms splits "[@TYPE:] term, term" into the entity type and terms.
func splitTerms(s string) (etype string, terms []string, err error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "@") {
		typ, rest, ok := strings.Cut(s[1:], ":")
		if !ok || !validType(strings.TrimSpace(typ)) {
			return "", nil, fmt.Errorf("bad entity prefix in %q (want @TYPE: terms)", s)
		}
		etype, s = strings.TrimSpace(typ), rest
	}
	for _, t := range strings.Split(s, ",") {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || t == "*" {
			return "", nil, fmt.Errorf("empty term in %q", s)
		}
		terms = append(terms, t)
	}
	return etype, terms, nil
}

// addPattern compiles one term.
func (rs *ruleSet) addPattern(term, etype string, topic int32, w float32, scoring bool, sid int32, mindex map[matcher]int32) error {
	p := pattern{topic: topic, weight: w, entity: etype, scoring: scoring, display: strings.ReplaceAll(term, "*", "")}
	if sid >= 0 {
		p.sets = []int32{sid}
	}
	// Texts are matched word by word with hyphenated words split into
	// their parts, so terms are split the same way.
	words := strings.FieldsFunc(term, func(r rune) bool { return r == ' ' || r == '\t' || r == '-' || r == '\u2010' || r == '\u2011' })
	if len(words) == 0 {
		return fmt.Errorf("empty term %q", term)
	}
	for _, word := range words {
		m, err := rs.makeMatcher(word)
		if err != nil {
			return err
		}
		id, ok := mindex[m]
		if !ok {
			id = int32(len(rs.matchers))
			mindex[m] = id
			rs.matchers = append(rs.matchers, m)
			rs.index(m, id)
		}
		p.words = append(p.words, id)
	}
	if len(p.words) > 8 {
		return fmt.Errorf("term %q has more than 8 words", term)
	}
	// A term listed twice for one topic (e.g. in a set and as a scoring
	// term) is one pattern with both roles.
	key := patternKey(topic, etype, p.words)
	if i, ok := rs.pindex[key]; ok {
		q := &rs.patterns[i]
		if scoring && (!q.scoring || w > q.weight) {
			q.scoring, q.weight = true, w
		}
		q.sets = append(q.sets, p.sets...)
		return nil
	}
	rs.pindex[key] = int32(len(rs.patterns))
	rs.patterns = append(rs.patterns, p)
	return nil
}

// patternKey identifies a pattern by topic, entity type and words.
func patternKey(topic int32, etype string, words []int32) string {
	b := make([]byte, 0, 4*len(words)+len(etype)+5)
	b = binary.LittleEndian.AppendUint32(b, uint32(topic))
	b = append(b, etype...)
	b = append(b, 0)
	for _, w := range words {
		b = binary.LittleEndian.AppendUint32(b, uint32(w))
	}
	return string(b)
}

// makeMatcher compiles one word of a term.
func (rs *ruleSet) makeMatcher(word string) (matcher, error) {
	if strings.ContainsAny(word, "&$@,[]") {
		return matcher{}, fmt.Errorf("reserved character in word %q", word)
	}
	if strings.HasPrefix(word, "=") {
		w := normalize.Fold(word[1:])
		if w == "" || strings.ContainsAny(w, "*=") {
			return matcher{}, fmt.Errorf("bad whole word %q", word)
		}
		return matcher{kind: mWhole, text: w}, nil
	}
	if strings.HasSuffix(word, "*") {
		w := normalize.Fold(strings.TrimSuffix(word, "*"))
		if w == "" || strings.Contains(w, "*") {
			return matcher{}, fmt.Errorf("bad prefix word %q", word)
		}
		return matcher{kind: mPrefix, text: w}, nil
	}
	if strings.Contains(word, "*") {
		return matcher{}, fmt.Errorf("'*' inside word %q", word)
	}
	for _, r := range word {
		if runes.IsUpper(r) {
			return matcher{kind: mExact, text: normalize.NFC(word)}, nil
		}
	}
	w := normalize.Fold(word)
	return matcher{kind: mStem, text: rs.lang.Stem(w)}, nil
}

// index adds matcher m with id to the trie or the exact map.
func (rs *ruleSet) index(m matcher, id int32) {
	switch m.kind {
	case mExact:
		rs.exact[m.text] = append(rs.exact[m.text], id)
	case mPrefix:
		n := rs.walkAdd(m.text)
		rs.trie[n].prefix = append(rs.trie[n].prefix, id)
	case mWhole:
		n := rs.walkAdd(m.text)
		rs.trie[n].whole = append(rs.trie[n].whole, id)
	case mStem:
		n := rs.walkAdd(rs.lang.Key(m.text))
		rs.trie[n].stems = append(rs.trie[n].stems, id)
		rs.hasStems = true
	}
}

// walkAdd returns the trie node for s, creating it.
func (rs *ruleSet) walkAdd(s string) int32 {
	n := int32(0)
	for i := 0; i < len(s); i++ {
		nx := rs.buildChild(n, s[i])
		if nx < 0 {
			nx = int32(len(rs.trie))
			rs.trie = append(rs.trie, trieNode{})
			e := rs.trie[n].next
			j := 0
			for j < len(e) && e[j].b < s[i] {
				j++
			}
			e = append(e, trieEdge{})
			copy(e[j+1:], e[j:])
			e[j] = trieEdge{b: s[i], node: nx}
			rs.trie[n].next = e
		}
		n = nx
	}
	return n
}

// buildChild returns the child of n on byte b while compiling, or -1.
func (rs *ruleSet) buildChild(n int32, b byte) int32 {
	for _, e := range rs.trie[n].next {
		if e.b == b {
			return e.node
		}
		if e.b > b {
			break
		}
	}
	return -1
}

// compact builds the matching form of the trie (rs.nodes and the edge
// arrays, a few cache lines for a walk) and drops the compiling one.
func (rs *ruleSet) compact() {
	rs.nodes = make([]matchNode, len(rs.trie))
	rs.edgeByte, rs.edgeNode, rs.dense = nil, nil, nil
	for i := range rs.trie {
		t := &rs.trie[i]
		nd := matchNode{edges: uint32(len(rs.edgeByte)), dense: -1, n: uint16(len(t.next))}
		if len(t.next) > 6 {
			d := new([256]int32)
			for b := range d {
				d[b] = -1
			}
			for _, e := range t.next {
				d[e.b] = e.node
			}
			nd.dense, nd.n = int32(len(rs.dense)), 0
			rs.dense = append(rs.dense, d)
		} else {
			for _, e := range t.next {
				rs.edgeByte = append(rs.edgeByte, e.b)
				rs.edgeNode = append(rs.edgeNode, e.node)
			}
		}
		if len(t.prefix) > 0 {
			nd.flags |= hasPrefix
		}
		if len(t.stems) > 0 {
			nd.flags |= hasStems
		}
		if len(t.whole) > 0 {
			nd.flags |= hasWhole
		}
		rs.nodes[i] = nd
		t.next = nil
	}
}

// child returns the child of n on byte b, or -1. Hot path: nodes with many
// children have a dense table.
func (rs *ruleSet) child(n int32, b byte) int32 {
	nd := &rs.nodes[n]
	if nd.dense >= 0 {
		return rs.dense[nd.dense][b]
	}
	lo := nd.edges
	for i, e := range rs.edgeByte[lo : lo+uint32(nd.n)] {
		if e == b {
			return rs.edgeNode[lo+uint32(i)]
		}
		if e > b {
			break
		}
	}
	return -1
}
