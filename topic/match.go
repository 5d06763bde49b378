package topic

import (
	"embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/stem"
	"github.com/newsmon/newsmon/internal/token"
)

//go:embed data/taxonomy.txt
var taxonomyData []byte

//go:embed data/*.rules
var ruleFS embed.FS

// builtinRules lists the embedded rule files.
var builtinRules = []struct {
	file string
	tag  language.Tag
}{
	{"data/en.rules", language.English},
	{"data/ru.rules", language.Russian},
	{"data/kk.rules", language.Kazakh},
}

// script kinds of words.
const (
	scriptOther uint8 = iota
	scriptLatin
	scriptCyrillic
)

// langRules is a compiled rule file with the words it applies to.
type langRules struct {
	*ruleSet
	script uint8
	kazakh bool // applies only to text in Kazakh
}

type builtinSet struct {
	tax   *taxonomy
	rules []*langRules
	err   error
}

// builtin compiles the embedded taxonomy and rules once.
var builtin = sync.OnceValue(func() builtinSet {
	tax, err := parseTaxonomy("data/taxonomy.txt", taxonomyData)
	if err != nil {
		return builtinSet{err: err}
	}
	rules, err := compileBuiltinRules(tax)
	return builtinSet{tax: tax, rules: rules, err: err}
})

func compileBuiltinRules(tax *taxonomy) ([]*langRules, error) {
	var out []*langRules
	for _, b := range builtinRules {
		data, err := ruleFS.ReadFile(b.file)
		if err != nil {
			return nil, err
		}
		lr, err := compileLangRules(b.file, data, b.tag, tax)
		if err != nil {
			return nil, err
		}
		out = append(out, lr)
	}
	return out, nil
}

func compileLangRules(name string, data []byte, tag language.Tag, tax *taxonomy) (*langRules, error) {
	sl := stem.For(tag)
	rs, err := compileRules(name, data, sl, tax)
	if err != nil {
		return nil, err
	}
	lr := &langRules{ruleSet: rs, script: scriptLatin}
	if sc, _ := tag.Script(); sc.String() == "Cyrl" {
		lr.script = scriptCyrillic
	}
	lr.kazakh = sl == stem.Kazakh
	return lr, nil
}

// word is one word of the text being classified.
type word struct {
	fold     string // folded form
	orig     string // as in the text
	sent     int32  // sentence number
	script   uint8
	kazakh   bool  // has a letter found only in Kazakh
	title    bool  // in the first line of a text with more lines
	upper    bool  // has an upper-case letter (may match exact-case terms)
	ids, end int32 // matcher ids of the current rule set: s.ids[ids:end]
}

// evItem is a term and its weight, as evidence for one topic.
type evItem struct {
	text string
	w    float64
}

// hit is one piece of evidence.
type hit struct {
	topic int32
	text  string
	w     float64
}

// scratch is per-call working memory, reused through a pool.
type scratch struct {
	toks            []token.Token
	words           []word
	fold            []byte
	ids             []int32
	raw, sub, score []float64
	keep, in        []bool
	cand            []int32
	ev              []hit
	evList          []evItem    // evidence of one topic, while ranking it
	counts          [][]float32 // per rule set: pattern occurrences (title ones count titleBoost)
	setSeen         [][]int32   // per rule set: last sentence each set was seen in
	comboCount      [][]int32   // per rule set: sentences each combo held in
	setText         [][]string  // per rule set: the last term matched for each set
	matchText       [][]string  // per rule set: the text of each pattern's first match
	touched         [][]int32   // per rule set: patterns with a non-zero count
	modelP          []float64   // model label probabilities of the current call
	comboText       [][]string  // per rule set: the terms of each combo's first match
	entSets         [][]bool    // per rule set: entity sets matched by the document's entities
	feat            []uint32    // model features
	stems           map[string]string
	curSent         []int32
	entTypes        []entType
	entSeen         map[string]bool
	seen            map[hitKey]float64
}

// hitKey identifies a term counted for a topic's subtree.
type hitKey struct {
	node int32
	text string
}

// entType counts the distinct entities of one type.
type entType struct {
	typ string
	n   int
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{stems: map[string]string{}, entSeen: map[string]bool{}, seen: map[hitKey]float64{}}
}}

func getScratch(n int) *scratch {
	s := scratchPool.Get().(*scratch)
	grow := func(f []float64) []float64 {
		if cap(f) < n {
			return make([]float64, n)
		}
		return f[:n]
	}
	s.raw, s.sub, s.score = grow(s.raw), grow(s.sub), grow(s.score)
	clear(s.raw)
	if cap(s.keep) < n {
		s.keep, s.in = make([]bool, n), make([]bool, n)
	}
	if s.seen == nil {
		s.seen = map[hitKey]float64{}
	}
	s.ev = s.ev[:0]
	s.modelP = nil
	return s
}

func putScratch(s *scratch) {
	if cap(s.toks) > 1<<16 || cap(s.fold) > 1<<20 {
		return // let big buffers go
	}
	if len(s.stems) >= maxStemCache {
		clear(s.stems)
	}
	for i := range s.ev {
		s.ev[i] = hit{}
	}
	clear(s.evList[:cap(s.evList)]) // let the texts go
	scratchPool.Put(s)
}

// maxWordLen is the longest word, in bytes, that is matched.
const maxWordLen = 96

// maxStemCache bounds the stems cached per scratch.
const maxStemCache = 1 << 15

// titleBoost is how many times a term in the title counts.
const titleBoost = 2

// chunkSize bounds the text tokenized at once, so that a huge document
// needs bounded memory.
const chunkSize = 32 << 10

// scoreRules matches the rules against doc, filling s.raw and s.ev, and
// returns the number of words.
func (c *Classifier) scoreRules(s *scratch, doc Document) int {
	nr := len(c.rules)
	for len(s.counts) < nr {
		s.counts = append(s.counts, nil)
		s.setSeen = append(s.setSeen, nil)
		s.comboCount = append(s.comboCount, nil)
		s.setText = append(s.setText, nil)
		s.matchText = append(s.matchText, nil)
		s.touched = append(s.touched, nil)
		s.comboText = append(s.comboText, nil)
		s.entSets = append(s.entSets, nil)
	}
	s.curSent = resize32(s.curSent, nr)
	for ri, r := range c.rules {
		// Pattern counts and texts are reset sparsely: only the entries the
		// previous call touched are non-zero.
		if len(s.counts[ri]) != len(r.patterns) {
			s.counts[ri] = make([]float32, len(r.patterns))
			s.matchText[ri] = make([]string, len(r.patterns))
		} else {
			for _, pi := range s.touched[ri] {
				s.counts[ri][pi] = 0
				s.matchText[ri][pi] = ""
			}
		}
		s.touched[ri] = s.touched[ri][:0]
		s.setSeen[ri] = resize32(s.setSeen[ri], len(r.sets))
		for i := range s.setSeen[ri] {
			s.setSeen[ri][i] = -1
		}
		s.comboCount[ri] = resize32(s.comboCount[ri], len(r.combos))
		clear(s.comboCount[ri])
		s.setText[ri] = resizeStr(s.setText[ri], len(r.sets))
		s.comboText[ri] = resizeStr(s.comboText[ri], len(r.combos))
		if cap(s.entSets[ri]) < len(r.sets) {
			s.entSets[ri] = make([]bool, len(r.sets))
		}
		s.entSets[ri] = s.entSets[ri][:len(r.sets)]
		clear(s.entSets[ri])
		s.curSent[ri] = -1
	}
	kazakh := 0 // > 0: text is Kazakh; < 0: not; 0: decide from letters
	if base, conf := doc.Language.Base(); conf == language.Exact {
		if base.String() == "kk" {
			kazakh = 1
		} else {
			kazakh = -1
		}
	}
	c.scoreEntities(s, doc.Entities)

	text := doc.Text
	sent := int32(0)
	nwords := 0
	for len(text) > 0 {
		chunk := text
		if len(chunk) > chunkSize {
			cut := chunkSize
			for cut > chunkSize/2 && text[cut-1] != '\n' {
				cut--
			}
			if cut == chunkSize/2 {
				cut = chunkSize
				for cut > chunkSize/2 && text[cut-1] != ' ' {
					cut--
				}
			}
			if cut == chunkSize/2 {
				cut = chunkSize
			}
			for cut < len(text) && !utf8.RuneStart(text[cut]) {
				cut++
			}
			chunk = text[:cut]
		}
		text = text[len(chunk):]
		sent = s.splitWords(chunk, sent, nwords == 0 && sent == 0)
		nwords += len(s.words)
		isKK := kazakh > 0
		if kazakh == 0 {
			cyr, kk := 0, 0
			for _, w := range s.words {
				if w.script == scriptCyrillic {
					cyr++
					if w.kazakh {
						kk++
					}
				}
			}
			isKK = cyr > 0 && kk*8 >= cyr
		}
		for ri, r := range c.rules {
			// Kazakh rules apply to Kazakh text only, and Russian rules
			// not to it: short prefixes of one match words of the other.
			if r.kazakh != isKK && r.script == scriptCyrillic && (r.kazakh || r.lang == stem.Russian) {
				continue
			}
			c.matchChunk(s, ri, r)
		}
		sent++ // a chunk boundary ends a sentence
	}
	for ri, r := range c.rules {
		c.flushSentence(s, ri, r)
		for _, pi := range s.touched[ri] {
			n := s.counts[ri][pi]
			p := &r.patterns[pi]
			if !p.scoring {
				continue
			}
			w := float64(p.weight) * (1 + math.Log(max(1, float64(n))))
			s.raw[p.topic] += w
			text := s.matchText[ri][pi]
			if text == "" {
				text = p.display
			}
			s.ev = append(s.ev, hit{p.topic, text, w})
		}
		for ci, n := range s.comboCount[ri] {
			if n == 0 {
				continue
			}
			cb := &r.combos[ci]
			w := float64(cb.weight) * (1 + math.Log(float64(n)))
			s.raw[cb.topic] += w
			s.ev = append(s.ev, hit{cb.topic, s.comboText[ri][ci], w})
		}
		// Combinations of entity sets and counts only hold document-wide.
		for ci := range r.combos {
			cb := &r.combos[ci]
			if s.comboCount[ri][ci] > 0 || hasTextAtom(cb) {
				continue
			}
			if c.comboHolds(s, ri, r, cb, -1, doc.Entities) {
				w := float64(cb.weight)
				s.raw[cb.topic] += w
				s.ev = append(s.ev, hit{cb.topic, s.comboDisplay(ri, r, cb), w})
			}
		}
	}
	return nwords
}

func hasTextAtom(cb *combo) bool {
	for _, a := range cb.atoms {
		if a.set >= 0 {
			return true
		}
	}
	return false
}

func resizeStr(b []string, n int) []string {
	if cap(b) < n {
		return make([]string, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resize32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

// splitWords tokenizes chunk into s.words, folding each word and splitting
// hyphenated words into their parts. It returns the next sentence number.
func (s *scratch) splitWords(chunk string, sent int32, first bool) int32 {
	s.toks = token.AppendTokens(s.toks[:0], chunk)
	s.words = s.words[:0]
	s.fold = s.fold[:0]
	// Fold into one buffer first; word.fold strings are made after, since
	// the buffer may move while growing.
	starts := s.ids[:0] // reuse ids as scratch for fold offsets
	newline, titleWords := false, 0
	for ti, t := range s.toks {
		if ti > 0 && t.Newlines > 0 {
			sent++
			newline = true
		}
		switch t.Kind {
		case token.Punct:
			switch t.Text[0] {
			case '.', '!', '?', ';':
				sent++
			default:
				if t.Text == "…" {
					sent++
				}
			}
			continue
		case token.Word:
		default:
			continue
		}
		part := t.Text
		for part != "" {
			end := indexHyphen(part)
			p := part[:end]
			if end < len(part) {
				_, size := runes.Decode(part[end:])
				part = part[end+size:]
			} else {
				part = ""
			}
			if p == "" || len(p) > maxWordLen {
				continue // no term is that long: a URL-like blob or junk
			}
			a := len(s.fold)
			var sc uint8
			var kk, up bool
			s.fold, sc, kk, up = appendFold(s.fold, p)
			if len(s.fold) == a {
				continue
			}
			starts = append(starts, int32(a), int32(len(s.fold)))
			s.words = append(s.words, word{orig: p, sent: sent, script: sc, kazakh: kk, title: !newline, upper: up})
			if !newline {
				titleWords++
			}
		}
	}
	// The first line of a text with more lines is its title: its words
	// count titleBoost times.
	if !first || !newline || titleWords == 0 || titleWords > 40 {
		for i := 0; i < titleWords; i++ {
			s.words[i].title = false
		}
	}
	fold := string(s.fold) // one allocation per chunk
	for i := range s.words {
		s.words[i].fold = fold[starts[2*i]:starts[2*i+1]]
	}
	s.ids = starts[:0]
	return sent
}

// indexHyphen returns the index of the first hyphen in s, or len(s).
func indexHyphen(s string) int {
	for i, r := range s {
		if r == '-' || r == '\u2010' || r == '\u2011' {
			return i
		}
	}
	return len(s)
}

// appendFold appends the folded form of w to dst and reports its script and
// whether it has a letter found only in Kazakh.
func appendFold(dst []byte, w string) ([]byte, uint8, bool, bool) {
	script := scriptOther
	kk, upper := false, false
	for _, r := range w {
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				upper = true
			}
			if script == scriptOther && 'a' <= c && c <= 'z' {
				script = scriptLatin
			}
			dst = append(dst, c)
			continue
		}
		if r == utf8.RuneError {
			continue
		}
		// Hot path: basic Cyrillic letters, folded without table lookups.
		if r >= 0x400 && r < 0x460 {
			f := r
			switch {
			case r == 0x401 || r == 0x451: // Ё ё
				f = 'е'
			case r < 0x410:
				f = r + 0x50
			case r < 0x430:
				f = r + 0x20
				upper = true
			}
			if f != r && r < 0x410 {
				upper = true
			}
			if script == scriptOther {
				script = scriptCyrillic
			}
			if f == 'і' {
				kk = true
			}
			dst = utf8.AppendRune(dst, f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			// Decomposed й and ё: и+breve, е+diaeresis.
			n := len(dst)
			if r == 0x306 && n >= 2 && string(dst[n-2:]) == "и" {
				dst = append(dst[:n-2], "й"...)
			} else if r == 0x308 && n >= 2 && string(dst[n-2:]) == "е" {
				// ё folds to е: drop the mark.
			} else if r == 0x301 {
				// stress mark: drop.
			} else {
				dst = utf8.AppendRune(dst, r)
			}
			continue
		}
		f := normalize.Rune(r)
		if f != r && runes.IsUpper(r) {
			upper = true
		}
		if script == scriptOther && runes.IsLetter(f) {
			if unicode.Is(unicode.Cyrillic, f) {
				script = scriptCyrillic
			} else if unicode.Is(unicode.Latin, f) {
				script = scriptLatin
			}
		}
		switch f {
		case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і':
			kk = true
		}
		dst = utf8.AppendRune(dst, f)
	}
	return dst, script, kk, upper
}

// stemOf returns the stem of a folded word, cached per scratch.
func (s *scratch) stemOf(l stem.Lang, w string) string {
	key := w
	if st, ok := s.stems[key]; ok && len(st) > 0 && st[0] == byte(l) {
		return st[1:]
	}
	st := l.Stem(w)
	if len(s.stems) >= maxStemCache {
		clear(s.stems)
	}
	s.stems[key] = string(rune(l)) + st
	return st
}

// matchChunk matches rule set r against the words of the current chunk.
func (c *Classifier) matchChunk(s *scratch, ri int, r *langRules) {
	s.ids = s.ids[:0]
	for i := range s.words {
		w := &s.words[i]
		w.ids = int32(len(s.ids))
		if w.script == r.script {
			s.ids = r.appendMatches(s, s.ids, w)
		}
		w.end = int32(len(s.ids))
	}
	counts := s.counts[ri]
	seen := s.setSeen[ri]
	for i := range s.words {
		w := &s.words[i]
		if w.ids == w.end {
			continue
		}
		if w.sent != s.curSent[ri] {
			c.flushSentence(s, ri, r)
			s.curSent[ri] = w.sent
		}
		for _, m := range s.ids[w.ids:w.end] {
			for _, pi := range r.first[m] {
				p := &r.patterns[pi]
				if !s.phraseAt(i, p.words) {
					continue
				}
				if counts[pi] == 0 {
					s.matchText[ri][pi] = s.text(i, len(p.words))
					s.touched[ri] = append(s.touched[ri], pi)
				}
				if w.title {
					counts[pi] += titleBoost
				} else {
					counts[pi]++
				}
				for _, sid := range p.sets {
					seen[sid] = w.sent
					s.setText[ri][sid] = s.matchText[ri][pi]
				}
			}
		}
	}
}

// phraseAt reports whether the words of a pattern match from word i on.
func (s *scratch) phraseAt(i int, ids []int32) bool {
	if i+len(ids) > len(s.words) {
		return false
	}
	for k := 1; k < len(ids); k++ {
		w := &s.words[i+k]
		if w.sent != s.words[i].sent {
			return false
		}
		found := false
		for _, m := range s.ids[w.ids:w.end] {
			if m == ids[k] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// appendMatches appends the ids of the matchers of r that match w.
func (r *ruleSet) appendMatches(s *scratch, dst []int32, w *word) []int32 {
	if w.upper && len(r.exact) > 0 {
		dst = append(dst, r.exact[w.orig]...)
	}
	f := w.fold
	n := int32(0)
	stemmed := ""
	for i := 0; i < len(f); i++ {
		n = r.child(n, f[i])
		if n < 0 {
			break
		}
		flags := r.nodes[n].flags
		if flags == 0 || flags == hasWhole && i < len(f)-1 {
			continue
		}
		t := &r.trie[n]
		dst = append(dst, t.prefix...)
		if i == len(f)-1 {
			dst = append(dst, t.whole...)
		}
		for _, m := range t.stems {
			if stemmed == "" {
				stemmed = s.stemOf(r.lang, f)
			}
			if stemmed == r.matchers[m].text {
				dst = append(dst, m)
			}
		}
	}
	return dst
}

// flushSentence counts the combinations that hold in the current sentence
// of rule set ri.
func (c *Classifier) flushSentence(s *scratch, ri int, r *langRules) {
	cur := s.curSent[ri]
	if cur < 0 {
		return
	}
	for ci := range r.combos {
		cb := &r.combos[ci]
		if hasTextAtom(cb) && c.comboHolds(s, ri, r, cb, cur, nil) {
			if s.comboCount[ri][ci] == 0 {
				s.comboText[ri][ci] = s.comboDisplay(ri, r, cb)
			}
			s.comboCount[ri][ci]++
		}
	}
}

// comboHolds reports whether every atom of cb holds: text sets in sentence
// sent, entity sets and counts in the document.
func (c *Classifier) comboHolds(s *scratch, ri int, r *langRules, cb *combo, sent int32, ents []Entity) bool {
	for _, a := range cb.atoms {
		switch {
		case a.set < 0:
			if s.entCount(a.entity) < a.min {
				return false
			}
		case r.sets[a.set].entity:
			if !s.entSets[ri][a.set] {
				return false
			}
		default:
			if sent < 0 || s.setSeen[ri][a.set] != sent {
				return false
			}
		}
	}
	return true
}

// entCount returns the number of distinct entities of type typ, counted by
// scoreEntities.
func (s *scratch) entCount(typ string) int {
	for _, e := range s.entTypes {
		if e.typ == typ {
			return e.n
		}
	}
	return 0
}

// scoreEntities counts the entity types of the document and matches the
// entity terms of every rule set against the entity names. Each distinct
// entity counts once.
func (c *Classifier) scoreEntities(s *scratch, ents []Entity) {
	s.entTypes = s.entTypes[:0]
	clear(s.entSeen)
	for _, e := range ents {
		if e.Name == "" || len(e.Name) > 1024 {
			continue
		}
		key := e.Type + "\x00" + normalize.Fold(e.Name)
		if s.entSeen[key] {
			continue
		}
		s.entSeen[key] = true
		found := false
		for i := range s.entTypes {
			if s.entTypes[i].typ == e.Type {
				s.entTypes[i].n++
				found = true
			}
		}
		if !found {
			s.entTypes = append(s.entTypes, entType{e.Type, 1})
		}
		split := false
		for ri, r := range c.rules {
			if !slices.Contains(r.etypes, e.Type) {
				continue // no entity pattern could match
			}
			if !split {
				s.splitWords(e.Name, 0, false)
				split = true
			}
			s.ids = s.ids[:0]
			for i := range s.words {
				w := &s.words[i]
				w.ids = int32(len(s.ids))
				if w.script == r.script {
					s.ids = r.appendMatches(s, s.ids, w)
				}
				w.end = int32(len(s.ids))
			}
			for i := range s.words {
				w := &s.words[i]
				for _, m := range s.ids[w.ids:w.end] {
					for _, pi := range r.efirst[m] {
						p := &r.patterns[pi]
						if p.entity != e.Type || !s.phraseAt(i, p.words) {
							continue
						}
						if s.counts[ri][pi] == 0 {
							s.touched[ri] = append(s.touched[ri], pi)
						}
						s.counts[ri][pi]++
						for _, sid := range p.sets {
							s.entSets[ri][sid] = true
							s.setText[ri][sid] = p.display
						}
					}
				}
			}
		}
	}
	s.words = s.words[:0]
}

// comboDisplay returns the evidence text of a combination that holds: the
// terms that matched its sets, joined by " + ".
func (s *scratch) comboDisplay(ri int, r *langRules, cb *combo) string {
	var b strings.Builder
	for _, a := range cb.atoms {
		if b.Len() > 0 {
			b.WriteString(" + ")
		}
		if a.set < 0 {
			fmt.Fprintf(&b, "%d %s", s.entCount(a.entity), a.entity)
			continue
		}
		b.WriteString(s.setText[ri][a.set])
	}
	return b.String()
}

// text returns the folded text of k words from word i.
func (s *scratch) text(i, k int) string {
	if k == 1 {
		return s.words[i].fold
	}
	var b strings.Builder
	for j := i; j < i+k; j++ {
		if j > i {
			b.WriteByte(' ')
		}
		b.WriteString(s.words[j].fold)
	}
	return b.String()
}
