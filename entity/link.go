package entity

import (
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/runes"
)

// Knowledge is one entry of the knowledge base: a real thing with a stable
// id, a type, a canonical name and aliases in any language or script.
type Knowledge struct {
	ID      string   // stable id, non-empty and unique in the knowledge base
	Name    string   // canonical English name, non-empty
	Type    Type     // PER, ORG, LOC or EVENT
	Aliases []string // other names in the nominative, in any script; none may be empty
}

// WithKnowledge adds entries to the built-in knowledge base (see
// [BuiltinKnowledge]). Mentions whose canonical name matches an entry's name
// or alias (compared by a script-independent key, so Latin and Cyrillic
// spellings meet) get the entry's id and type. An entry with an empty id,
// name or alias, an unknown type, or an id already used (by the built-in
// base or another entry) makes [NewLinker] and [New] fail with
// [ErrKnowledge]. Default: the built-in knowledge base only.
func WithKnowledge(entries ...Knowledge) Option {
	return func(c *config) { c.knowledge = append(c.knowledge, entries...) }
}

// Entity is one real thing named in a document, with all its mentions.
type Entity struct {
	// ID is stable across documents, languages and scripts: the knowledge
	// base id ("kb/per/sergei-shoigu") for known things, otherwise derived
	// from the script-independent key of the canonical name: "per/" and the
	// surname for people (so that Хренин and Viktor Khrenin agree), "name/"
	// and the whole name for anything else ("name/pavlodar"). A
	// recurring event held in a given year gets its series id and the year
	// ("kb/event/zapad-2021"). IDs are unique within one document.
	ID string
	// Name is the canonical name: the fullest mention of the entity, in the
	// nominative for Russian, Ukrainian and Kazakh (Виктором Хрениным ->
	// Виктор Хренин).
	Name string
	// Type is the knowledge base's type for known things, else the most
	// frequent type of the mentions.
	Type Type
	// Salience in [0, 1] weighs how central the entity is to the document:
	// frequency, position of the first mention, presence in the title and
	// lead, and sentence-initial (subject) position.
	Salience float64
	// Mentions are the entity's mentions, sorted by Start.
	Mentions []Mention
	// Forms holds the canonical (nominative) form of each mention, parallel
	// to Mentions: Трампа -> Трамп even when Name is Дональд Трамп.
	Forms []string
}

// Linker groups the mentions of a document into entities.
//
// Each mention first gets its canonical form ([Canonical], helped by the
// document's other mentions and the knowledge base's names) and the
// script-independent key of that form (Шойгу and Shoigu share one). Then
// mentions join when they
//   - match one knowledge base entry (by key, type-checked; "Zapad-2021" is
//     the 2021 instance of the recurring event Zapad),
//   - have one key (people apart from other types),
//   - are an acronym and its expansion: "Collective Security Treaty
//     Organization (CSTO)", or initials that spell it (ОДКБ),
//   - are a shortened organization or place name and the longer one it begins,
//   - are a surname-only or first-name-only mention and the nearest full name
//     with that surname or first name (before it, else after it); full names
//     with one surname and agreeing first names (Майк/Майкл Пенс) join too,
//     while Olzhas Bektenov and Murat Bektanov stay two,
//   - are a relational adjective or demonym and the place it derives from
//     (российской, россияне -> Россия).
//
// Entities get stable ids (see [Entity.ID]), a canonical name, a type and a
// salience, and come sorted by salience. Linking costs a few percent of
// newsmon's Analyze time; the knowledge base is decoded once per process.
//
// A Linker is immutable after [NewLinker] and safe for concurrent use.
type Linker struct {
	kb *kbIndex
}

// NewLinker returns a Linker using the built-in knowledge base plus the
// entries of [WithKnowledge]. It fails with [ErrKnowledge] on an invalid
// entry. Options meant for the tagger are ignored.
func NewLinker(opts ...Option) (*Linker, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	base, err := builtinIndex()
	if err != nil {
		return nil, err
	}
	if len(c.knowledge) == 0 {
		return &Linker{kb: base}, nil
	}
	if err := validateKnowledge(c.knowledge); err != nil {
		return nil, err
	}
	entries := make([]Knowledge, 0, len(base.entries)+len(c.knowledge))
	entries = append(entries, base.entries...)
	for _, e := range c.knowledge {
		e.Aliases = append([]string(nil), e.Aliases...)
		entries = append(entries, e)
	}
	return &Linker{kb: buildIndex(entries)}, nil
}

// linkMention is the per-mention working state of Link.
type linkMention struct {
	form    string // canonical form
	key     string // translit key of form
	words   []string
	kb      int    // knowledge base entry, or -1
	derived string // key of the place stem of a relational adjective or demonym
	year    string
	parent  int // union-find
}

// Link groups the mentions of text into entities, most salient first (ties
// by first mention). Mentions whose offsets do not index text are still
// linked by their Text. Link never panics and does not modify mentions.
func (l *Linker) Link(text string, mentions []Mention) []Entity {
	if len(mentions) == 0 {
		return nil
	}
	kb := l.kb
	if kb == nil {
		kb, _ = builtinIndex()
		if kb == nil {
			kb = buildIndex(nil)
		}
	}
	ms := make([]linkMention, len(mentions))
	// Document evidence for the canonicalizer, per language.
	docs := map[string]docForms{}
	for _, m := range mentions {
		lc := mentionLang(m.Text, m.Language)
		if lc == "" || lc == "kk" {
			continue
		}
		d := docs[lc]
		if d == nil {
			d = docForms{}
			docs[lc] = d
		}
		for _, w := range splitWords(m.Text) {
			d[runes.Lower(m.Text[w.start:w.end])]++
		}
	}
	known := func(w string) bool { return kb.words[w] || builtinLexicon(w) }
	type memoKey struct {
		lang, text string
		typ        Type
	}
	memo := map[memoKey]string{} // repeated mentions are analysed once
	keys := keyCache{}
	for i, m := range mentions {
		lc := mentionLang(m.Text, m.Language)
		lm := &ms[i]
		lm.parent = i
		mk := memoKey{lc, m.Text, m.Type}
		form, ok := memo[mk]
		if !ok {
			c := canonizer{lang: lc, doc: docs[lc], known: known}
			form = c.canonical(m.Text, m.Type)
			memo[mk] = form
		}
		lm.form = form
		if lm.form == "" {
			lm.form = cleanName(m.Text)
		}
		if m.Type == PER && lc == "ru" && lm.form != m.Text && feminineNext(text, m) {
			lm.form = m.Text // Захарова заявила: a woman, already nominative
		}
		if m.Type != PER && (lc == "ru" || lc == "uk") && lm.form != m.Text && appositiveQuote(text, m) {
			lm.form = cleanName(m.Text) // пункт пропуска «Карасу», компании «Газпром»: not declined
		}
		lm.key = keys.key(lm.form)
		if lm.key == "" {
			lm.key = "#" + runes.Lower(lm.form)
		}
		lm.words = strings.Fields(lm.key)
		if m.Type == PER && len(lm.words) > 1 {
			lm.words = nameWords(lm.words)
		}
		lm.kb = -1
		acr := isAcronym(m.Text)
		if j, ok := kb.lookup(lm.key, m.Type, acr); ok {
			lm.kb = j
		} else if raw := cleanName(m.Text); raw != lm.form {
			if j, ok := kb.lookup(keys.key(raw), m.Type, acr); ok {
				// The text as written is an alias, and aliases are
				// nominatives: «Дала қыраны» is no accusative.
				lm.kb, lm.form = j, raw
				lm.key = keys.key(raw)
				lm.words = strings.Fields(lm.key)
				if m.Type == PER && len(lm.words) > 1 {
					lm.words = nameWords(lm.words)
				}
			}
		}
		if lm.kb < 0 && len(lm.words) >= 2 {
			// A recurring event in a given year: Zapad-2021, учения «Запад-2021».
			last := lm.words[len(lm.words)-1]
			if len(last) == 4 && (strings.HasPrefix(last, "19") || strings.HasPrefix(last, "20")) && isDigits(last) {
				base := strings.Join(lm.words[:len(lm.words)-1], " ")
				if j, ok := kb.lookup(base, EVENT, false); ok {
					lm.kb, lm.year = j, last
				}
			}
		}
	}
	find := func(i int) int {
		for ms[i].parent != i {
			ms[i].parent = ms[ms[i].parent].parent
			i = ms[i].parent
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		ms[b].parent = a
	}
	// 1. Same knowledge-base thing, or same type and key.
	byKB := map[string]int{} // first mention of each entry (and year)
	byKey := map[string]int{}
	for i := range ms {
		if ms[i].kb >= 0 {
			id := kb.entries[ms[i].kb].ID + "/" + ms[i].year
			if j, ok := byKB[id]; ok {
				union(i, j)
			} else {
				byKB[id] = i
			}
			continue
		}
		// People apart, one key is one thing whatever type the tagger gave
		// it (Белый дом as ORG and as LOC).
		// Final vowels apart (stemKey): Миннесота and a Миннесоты the
		// canonicalizer missed are one place.
		k := "|" + stemKey(ms[i].key)
		if mentions[i].Type == PER {
			k = "PER|" + ms[i].key
		}
		if j, ok := byKey[k]; ok {
			union(i, j)
		} else {
			byKey[k] = i
		}
	}
	// Unknown mentions with the key of a known one join it (Khrenin after
	// Viktor Khrenin was matched by the knowledge base through its full name).
	knownKey := map[string]int{}
	for j := range ms {
		if ms[j].kb >= 0 && ms[j].year == "" {
			k := string(mentions[j].Type) + "|" + ms[j].key
			if _, ok := knownKey[k]; !ok {
				knownKey[k] = j
			}
		}
	}
	for i := range ms {
		if ms[i].kb < 0 {
			if j, ok := knownKey[string(mentions[i].Type)+"|"+ms[i].key]; ok {
				union(i, j)
			}
		}
	}
	// 2. Acronyms: "Long Name (ACR)", "ACR (Long Name)", and initials.
	linkAcronyms(text, mentions, ms, union)
	linkScriptGlosses(text, mentions, union)
	// 3. Shortened names of organizations, places and events: a name of two
	// words or more that begins a longer one of the same type joins it
	// (Верховный суд ... Верховный суд Пакистана).
	prefixes := map[string]int{}
	for j := range ms {
		t := mentions[j].Type
		if t == PER {
			continue
		}
		ws := ms[j].words
		for n := 2; n < len(ws) && n <= maxPrefixWords; n++ {
			k := string(t) + "|" + strings.Join(ws[:n], " ")
			if _, ok := prefixes[k]; !ok {
				prefixes[k] = j
			}
		}
	}
	for i := range ms {
		t := mentions[i].Type
		if t == PER || len(ms[i].words) < 2 || ms[i].kb >= 0 {
			continue
		}
		if j, ok := prefixes[string(t)+"|"+ms[i].key]; ok {
			union(i, j)
		}
	}
	// 4. People: a one-word name joins the full name with that surname (or
	// first name), the nearest one before it, else after it.
	fullNames := map[string][]int{} // surname or first name -> full-name mentions
	// The same by stem (stemKey): a lone surname whose ending the
	// canonicalizer read as a case ending (Саква -> Сакв, Рааба -> Рааб)
	// still finds Ричард Саква.
	fullStems := map[string][]int{}
	for j := range ms {
		if ws := ms[j].words; mentions[j].Type == PER && len(ws) >= 2 {
			last := idSurname(ws[len(ws)-1]) // Татьяна Голикова ... Голиков(а)
			fullNames[last] = append(fullNames[last], j)
			fullStems[stemKey(last)] = append(fullStems[stemKey(last)], j)
			if first := idSurname(ws[0]); first != last {
				fullNames[first] = append(fullNames[first], j)
				fullStems[stemKey(first)] = append(fullStems[stemKey(first)], j)
			}
		}
	}
	for _, js := range fullNames {
		slices.SortStableFunc(js, func(a, b int) int { return mentions[a].Start - mentions[b].Start })
	}
	for _, js := range fullStems {
		slices.SortStableFunc(js, func(a, b int) int { return mentions[a].Start - mentions[b].Start })
	}
	// Full names with one surname and first names that agree on their first
	// three letters are one person (Майк Пенс, Майкл Пенс; Жан-Клод Юнкер,
	// Жана-Клод Юнкер); Гэри Джонсон and Борис Джонсон stay two.
	for _, js := range fullNames {
		for a := 0; a < len(js); a++ {
			for b := a + 1; b < len(js) && b < a+32; b++ {
				wa, wb := ms[js[a]].words, ms[js[b]].words
				if idSurname(wa[len(wa)-1]) == idSurname(wb[len(wb)-1]) && wa[0] != wa[len(wa)-1] &&
					commonPrefix(wa[0], wb[0]) >= 3 && (ms[js[a]].kb == ms[js[b]].kb || ms[js[a]].kb < 0 && ms[js[b]].kb < 0) {
					union(js[a], js[b])
				}
			}
		}
	}
	for i := range ms {
		if len(ms[i].words) != 1 {
			continue
		}
		if mentions[i].Type != PER {
			// A tagger may call a lone surname a place (Khrenin/LOC): it
			// joins the one full name of the document with that surname.
			w := ms[i].words[0]
			if ms[i].kb >= 0 || len(w) < 4 || len(fullNames[w]) == 0 || isAcronym(mentions[i].Text) {
				continue
			}
			j := fullNames[w][0]
			one := true
			for _, k := range fullNames[w][1:] {
				if ms[k].key != ms[j].key {
					one = false
				}
			}
			if ws := ms[j].words; one && ws[len(ws)-1] == w {
				union(i, j)
			}
			continue
		}
		w := idSurname(ms[i].words[0])
		js := fullNames[w]
		if len(js) == 0 && len(w) >= 3 {
			js = fullStems[stemKey(w)]
		}
		best := nearest(js, mentions, mentions[i].Start)
		if best >= 0 {
			if ms[i].kb >= 0 && ms[best].kb != ms[i].kb {
				// A known surname (Трамп) does not join an unknown full name
				// (Мэри Трамп): had it been the known person, the full name
				// would have matched too.
				continue
			}
			union(i, best)
		}
	}
	// 5. Relational adjectives and demonyms join the place they derive from
	// (российской, россиян -> Россия; китайский -> Китай), in the document or
	// in the knowledge base.
	linkDerived(mentions, ms, kb, byKB, union)
	for i := range ms {
		if ms[i].kb >= 0 {
			union(i, byKB[kb.entries[ms[i].kb].ID+"/"+ms[i].year])
		}
	}
	// Gather clusters.
	idx := make(map[int]int, len(ms))
	out := make([]Entity, 0, len(ms))
	members := make([][]int, 0, len(ms))
	for i := range ms {
		r := find(i)
		e, ok := idx[r]
		if !ok {
			e = len(out)
			idx[r] = e
			out = append(out, Entity{})
			members = append(members, nil)
		}
		members[e] = append(members[e], i)
	}
	for e, mem := range members {
		slices.SortStableFunc(mem, func(a, b int) int { return mentions[a].Start - mentions[b].Start })
		ent := &out[e]
		ent.Mentions = make([]Mention, len(mem))
		ent.Forms = make([]string, len(mem))
		rep := mem[0]
		kbEntry := -1
		year := ""
		counts := map[Type]int{}
		for k, i := range mem {
			ent.Mentions[k] = mentions[i]
			ent.Forms[k] = ms[i].form
			counts[mentions[i].Type]++
			if better(ms[i], mentions[i], ms[rep], mentions[rep]) {
				rep = i
			}
			if ms[i].kb >= 0 && kbEntry < 0 {
				kbEntry, year = ms[i].kb, ms[i].year
			}
		}
		ent.Name = ms[rep].form
		ent.Type = mentions[mem[0]].Type
		for _, t := range []Type{PER, ORG, LOC, EVENT} {
			if counts[t] > counts[ent.Type] {
				ent.Type = t
			}
		}
		if kbEntry >= 0 {
			ent.Type = kb.entries[kbEntry].Type
			ent.ID = kb.entries[kbEntry].ID
			if year != "" {
				ent.ID += "-" + year
				ent.Type = EVENT
			}
		}
		// A one-word name that joined a full name in the same language takes
		// the full name's word as its form (Захарова, not the masculine).
		repWords := strings.Fields(ms[rep].form)
		for k, i := range mem {
			if i == rep || ent.Type != PER || len(ms[i].words) != 1 || len(repWords) != len(ms[rep].words) ||
				len(splitWords(ms[i].form)) != 1 ||
				langCode(mentions[i].Language) != langCode(mentions[rep].Language) {
				continue
			}
			w := ""
			if sw, rw := idSurname(ms[i].words[0]), idSurname(ms[rep].words[len(ms[rep].words)-1]); sw == rw ||
				len(sw) >= 3 && stemKey(sw) == stemKey(rw) {
				w = repWords[len(repWords)-1]
			} else if ms[i].words[0] == ms[rep].words[0] {
				w = repWords[0]
			}
			if w != "" && isCapital(w) == isCapital(ent.Forms[k]) {
				ent.Forms[k] = w
			}
		}
	}
	assignIDs(out, members, ms, keys)
	salience(text, out)
	slices.SortStableFunc(out, func(a, b Entity) int {
		if a.Salience != b.Salience {
			if a.Salience > b.Salience {
				return -1
			}
			return 1
		}
		return a.Mentions[0].Start - b.Mentions[0].Start
	})
	return out
}

// assignIDs gives entities outside the knowledge base a deterministic id
// from the script-independent key of their canonical name: people by
// surname; when people of the document share a surname, the most mentioned
// of them keeps it and the others are told apart by full name. The final
// vowels of the last word are dropped (stemKey), so that an ending the
// canonicalizer got wrong, or a relational adjective, still gives the id of
// the place: Миннесоты, Миннесота; бразильский, Бразилия.
func assignIDs(out []Entity, members [][]int, ms []linkMention, keys keyCache) {
	owner := map[string]int{} // surname -> entity holding it
	surname := make([]string, len(out))
	for e := range out {
		if out[e].ID != "" || out[e].Type != PER {
			continue
		}
		best := members[e][0]
		for _, i := range members[e] {
			if len(ms[i].words) > len(ms[best].words) {
				best = i
			}
		}
		ws := ms[best].words
		surname[e] = stemKey(ws[len(ws)-1])
		o, ok := owner[surname[e]]
		if !ok || len(out[e].Mentions) > len(out[o].Mentions) ||
			len(out[e].Mentions) == len(out[o].Mentions) && out[e].Mentions[0].Start < out[o].Mentions[0].Start {
			owner[surname[e]] = e
		}
	}
	for e := range out {
		if out[e].ID != "" {
			continue
		}
		key := keys.key(out[e].Name)
		if d := derivedOnly(members[e], ms); d != "" {
			key = d // американских alone: the place it derives from
		}
		key = stemKey(key)
		if out[e].Type == PER && owner[surname[e]] == e {
			key = surname[e]
		}
		prefix := "name/" // not the type: taggers confuse ORG, LOC and EVENT
		if out[e].Type == PER {
			prefix = "per/"
		}
		out[e].ID = prefix + slug(key, out[e].Name)
	}
	// Keep ids unique within the document.
	seen := map[string]int{}
	for e := range out {
		if n := seen[out[e].ID]; n > 0 {
			seen[out[e].ID]++
			out[e].ID += "~" + strconv.Itoa(n+1)
			continue
		}
		seen[out[e].ID] = 1
	}
}

// slug turns a key into an id part: words joined by '-', at most 64 bytes
// (longer keys are cut and suffixed with a hash of the whole).
func slug(key, name string) string {
	if key == "" {
		key = runes.Lower(name)
	}
	s := strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r < utf8.RuneSelf && (runes.IsLetter(r) || unicode.IsDigit(r)):
			return r
		}
		return -1
	}, key)
	if len(s) <= 64 && s != "" {
		return s
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	sum := strconv.FormatUint(h.Sum64(), 36)
	if len(s) > 48 {
		s = s[:48]
	}
	return strings.Trim(s, "-") + "-" + sum
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isAcronym reports whether a mention text is an acronym: 2–10 letters,
// all capitals (digits and dots allowed), no spaces.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case runes.IsUpper(r):
			n++
		case r == '.' || r == '&' || r == '+' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return n >= 2 && n <= 10
}

// initials returns the upper-case first letters of the significant words of
// a name (function words skipped): Collective Security Treaty Organization
// -> CSTO, Организация Договора о коллективной безопасности -> ОДКБ.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !runes.IsLetter(r) }) {
		if stopWords[runes.Lower(w)] {
			continue
		}
		r, _ := runes.Decode(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

var stopWords = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"и": true, "по": true, "о": true, "в": true, "на": true, "для": true, "об": true, "с": true,
	"та": true, "і": true, "з": true, "у": true, "және": true, "туралы": true, "жөніндегі": true,
}

// maxPrefixWords bounds the shortened-name prefixes indexed per mention.
const maxPrefixWords = 8

// linkAcronyms joins acronyms to their expansions: the name just before or
// after it in parentheses ("Long Name (ACR)", "ACR (Long Name)"), and names
// whose initials spell it (three letters or more).
func linkAcronyms(text string, mentions []Mention, ms []linkMention, union func(a, b int)) {
	var acr []int
	for i, m := range mentions {
		if isAcronym(m.Text) {
			acr = append(acr, i)
		}
	}
	if len(acr) == 0 {
		return
	}
	inText := func(m Mention) bool {
		return m.Start >= 0 && m.End <= len(text) && m.Start <= m.End && text[m.Start:m.End] == m.Text
	}
	// Mentions by position, for the neighbours of an acronym.
	order := make([]int, 0, len(mentions))
	byInitials := map[string]int{}
	for j, m := range mentions {
		if inText(m) {
			order = append(order, j)
		}
		if isAcronym(m.Text) || len(ms[j].words) < 2 {
			continue
		}
		for _, in := range [2]string{initials(ms[j].form), initials(m.Text)} {
			if runes.Count(in) >= 3 {
				if _, ok := byInitials[in]; !ok {
					byInitials[in] = j
				}
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return mentions[a].Start - mentions[b].Start })
	pos := make(map[int]int, len(order))
	for k, j := range order {
		pos[j] = k
	}
	for _, a := range acr {
		am := mentions[a]
		if k, ok := pos[a]; ok {
			for _, n := range [2]int{k - 1, k + 1} {
				if n < 0 || n >= len(order) {
					continue
				}
				m := mentions[order[n]]
				if isAcronym(m.Text) || !sameInitial(am.Text, m.Text, ms[a].key, ms[order[n]].key) {
					continue
				}
				if m.End <= am.Start && parenBetween(text[m.End:am.Start]) ||
					am.End <= m.Start && parenBetween(text[am.End:m.Start]) {
					union(a, order[n])
				}
			}
		}
		letters := strings.ToUpper(strings.ReplaceAll(am.Text, ".", ""))
		if j, ok := byInitials[letters]; ok {
			union(a, j)
		}
	}
}

// sameInitial reports whether an acronym and a long name start alike, in
// any script: "Коллегия выборщиков (США)" is no expansion. Their first
// letters are compared as written (ХДС, Христианско-демократический союз:
// the key of a word and of an acronym may spell Х differently), else by
// their keys (NATO, Организация Североатлантического договора does not
// match, НАТО and NATO do).
func sameInitial(acr, long, acrKey, longKey string) bool {
	a, _ := runes.Decode(acr)
	l, _ := runes.Decode(long)
	if unicode.ToUpper(a) == unicode.ToUpper(l) && runes.IsLetter(a) {
		return true
	}
	return acrKey != "" && longKey != "" && acrKey[0] == longKey[0]
}

// linkScriptGlosses joins a name and its spelling in another script given
// in brackets right after it: "Томас Шефер (Thomas Schäfer)",
// "Хоххайм-ам-Майн (Hochheim am Main)". The bracket must hold exactly the
// second mention; the two must be of one type (organizations and places may
// mix) and one must be Cyrillic and the other Latin.
func linkScriptGlosses(text string, mentions []Mention, union func(a, b int)) {
	order := make([]int, 0, len(mentions))
	for j, m := range mentions {
		if m.Start >= 0 && m.End <= len(text) && m.Start <= m.End && text[m.Start:m.End] == m.Text {
			order = append(order, j)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return mentions[a].Start - mentions[b].Start })
	for k := 0; k+1 < len(order); k++ {
		a, b := mentions[order[k]], mentions[order[k+1]]
		if a.End > b.Start || !parenBetween(text[a.End:b.Start]) || b.End >= len(text) || text[b.End] != ')' && text[b.End] != ']' {
			continue
		}
		if a.Type != b.Type && (a.Type == PER || b.Type == PER || a.Type == EVENT || b.Type == EVENT) {
			continue
		}
		if isCyrillicText(a.Text) != isCyrillicText(b.Text) && (isLatinText(a.Text) || isLatinText(b.Text)) {
			union(order[k], order[k+1])
		}
	}
}

// isCyrillicText and isLatinText report a name whose letters are all of
// that script.
func isCyrillicText(s string) bool { return allLetters(s, unicode.Cyrillic) }
func isLatinText(s string) bool    { return allLetters(s, unicode.Latin) }

func allLetters(s string, script *unicode.RangeTable) bool {
	n := 0
	for _, r := range s {
		if runes.IsLetter(r) {
			if !unicode.Is(script, r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// parenBetween reports whether s is an opening parenthesis with optional
// spaces around it: the gap in "Long Name (ACR".
func parenBetween(s string) bool {
	if len(s) > 8 {
		return false
	}
	s = strings.TrimSpace(s)
	return s == "(" || s == "["
}

// salience scores every entity in [0, 1].
func salience(text string, ents []Entity) {
	titleEnd := strings.IndexByte(text, '\n')
	if titleEnd < 0 || titleEnd > 300 {
		titleEnd = -1
	}
	leadEnd := max(len(text)/6, 600)
	maxN := 1
	for _, e := range ents {
		maxN = max(maxN, len(e.Mentions))
	}
	n := float64(len(text))
	if n == 0 {
		n = 1
	}
	for i := range ents {
		e := &ents[i]
		freq := math.Log1p(float64(len(e.Mentions))) / math.Log1p(float64(maxN))
		first := e.Mentions[0].Start
		early := 1 - math.Min(1, math.Max(0, float64(first))/n)
		title, lead, initial := 0.0, 0.0, 0.0
		for _, m := range e.Mentions {
			if titleEnd >= 0 && m.Start >= 0 && m.End <= titleEnd {
				title = 1
			}
			if m.Start >= 0 && m.Start < leadEnd {
				lead = 1
			}
			if sentenceInitial(text, m.Start) {
				initial++
			}
		}
		role := initial / float64(len(e.Mentions))
		s := 0.35*freq + 0.15*early + 0.25*title + 0.1*lead + 0.15*role
		e.Salience = math.Round(math.Min(1, math.Max(0, s))*1e4) / 1e4
	}
}

// sentenceInitial reports whether the byte offset starts a sentence or a
// line (ignoring opening quotes and spaces): a rough cue for subject role.
func sentenceInitial(text string, start int) bool {
	if start < 0 || start > len(text) {
		return false
	}
	i := start
	for steps := 0; i > 0 && steps < 64; steps++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':':
			return true
		case unicode.IsSpace(r) || r == '"' || r == '«' || r == '“' || r == '(' || r == '\'':
			i -= size
		default:
			return false
		}
	}
	return i == 0
}

// better reports whether mention a names its entity more fully than b: more
// words, else not an acronym, else capitalized.
func better(a linkMention, am Mention, b linkMention, bm Mention) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	if isAcronym(am.Text) != isAcronym(bm.Text) {
		return isAcronym(bm.Text)
	}
	return isCapital(a.form) && !isCapital(b.form)
}

// feminineNext reports whether a one-word Russian surname that reads as a
// feminine nominative (Захарова, Журавлева) is followed by a feminine past
// tense verb (заявила, сообщила), which settles it as a woman's name.
func feminineNext(text string, m Mention) bool {
	if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
		return false
	}
	lw := runes.Lower(m.Text)
	if strings.ContainsRune(m.Text, ' ') {
		return false
	}
	ok := false
	for _, s := range []string{"ова", "ева", "ёва", "ина", "ына", "ая"} {
		if strings.HasSuffix(lw, s) {
			ok = true
		}
	}
	if !ok {
		return false
	}
	rest := text[m.End:min(len(text), m.End+80)]
	words := strings.FieldsFunc(rest, func(r rune) bool { return !runes.IsLetter(r) })
	for i, w := range words {
		if i >= 3 {
			break
		}
		lw := runes.Lower(w)
		if runes.Count(lw) >= 4 && (strings.HasSuffix(lw, "ла") || strings.HasSuffix(lw, "лась")) &&
			isCyrillicWord(lw) {
			return true
		}
	}
	return false
}

// idSurname folds the feminine form of a Slavic surname into the masculine
// for ids (tkacheva -> tkachev), so that a woman named by surname alone
// in one document and by full name in another gets one id.
func idSurname(k string) string {
	for _, s := range []string{"ova", "eva", "ina"} {
		if strings.HasSuffix(k, s) && len(k) > len(s)+2 {
			return k[:len(k)-1]
		}
	}
	return k
}

// demonymEndings end demonyms in any case (американцев, россиянам).
var demonymEndings = []string{
	"цами", "цах", "цам", "цев", "цем", "цы", "ца", "цу", "це", "ець", "ців", "цям", "ці", "ец",
	"янами", "янах", "янам", "янин", "янина", "янину", "яне", "ян", "яни",
}

// derivedStem returns the key of the stem of a relational adjective
// (американских, українській -> amerikan, ukrain) or a demonym (россиянам ->
// rosi), in any case, or "".
func derivedStem(form string) string {
	if strings.ContainsRune(form, ' ') {
		return ""
	}
	lf := runes.Lower(form)
	stem := ""
	// Adjectives: -ск-/-цк-/-ськ-/-цьк- and an adjectival ending of up to
	// four letters.
	for _, sk := range [...]string{"ськ", "цьк", "ск", "цк"} {
		i := strings.LastIndex(lf, sk)
		if i <= 0 {
			continue
		}
		rest := lf[i+len(sk):]
		if n := runes.Count(rest); n >= 1 && n <= 4 && strings.Trim(rest, "аяоеыиійюуємхь") == "" {
			stem = lf[:i]
			break
		}
	}
	if stem == "" {
		for _, e := range demonymEndings {
			if strings.HasSuffix(lf, e) {
				stem = lf[:len(lf)-len(e)]
				break
			}
		}
	}
	if runes.Count(stem) < 3 {
		return ""
	}
	k := kbKey(stem)
	if len(k) < 3 || strings.ContainsRune(k, ' ') {
		return ""
	}
	return k
}

// linkDerived joins relational adjectives and demonyms to the place they
// name: a one-word place or organization of the document whose key shares
// all but the last two letters of the stem, else a place of the knowledge
// base named stem, stem+a or stem+ia.
func linkDerived(mentions []Mention, ms []linkMention, kb *kbIndex, byKB map[string]int, union func(a, b int)) {
	// One-word places by the prefixes of their key that a derived stem may
	// share: all but the last two letters, or more.
	places := map[string]int{}
	for j := range ms {
		k := ms[j].key
		if mentions[j].Type == PER || len(ms[j].words) != 1 || isAcronym(mentions[j].Text) || derivedStem(ms[j].form) != "" {
			continue
		}
		for n := max(4, len(k)-2); n <= len(k); n++ {
			if _, ok := places[k[:n]]; !ok {
				places[k[:n]] = j
			}
		}
	}
	for i := range ms {
		if ms[i].kb >= 0 || len(ms[i].words) != 1 {
			continue
		}
		stem := derivedStem(ms[i].form)
		if stem == "" {
			continue
		}
		ms[i].derived = stem
		joined := false
		for n := len(stem); n >= max(4, len(stem)-2) && !joined; n-- {
			if j, ok := places[stem[:n]]; ok && commonPrefix(stem, ms[j].key) >= n {
				union(i, j)
				joined = true
			}
		}
		if joined {
			continue
		}
		for _, k := range [...]string{stem, stem + "a", stem + "ia"} {
			if j, ok := kb.lookup(k, LOC, false); ok && kb.entries[j].Type == LOC {
				ms[i].kb = j
				if _, ok := byKB[kb.entries[j].ID+"/"]; !ok {
					byKB[kb.entries[j].ID+"/"] = i
				}
				break
			}
		}
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// nearest returns the mention of js (sorted by Start) that starts last at
// or before start, else the first one after it, else -1.
func nearest(js []int, mentions []Mention, start int) int {
	if len(js) == 0 {
		return -1
	}
	k, _ := slices.BinarySearchFunc(js, start, func(j, s int) int {
		if mentions[j].Start <= s {
			return -1
		}
		return 1
	})
	if k > 0 {
		return js[k-1]
	}
	return js[0]
}

// nameWords returns the words of a person's name key that identify the
// person, first name first and surname last: initials are dropped (С. Баркли
// is a surname-only mention), and of three-word names the patronymic is
// dropped, the Russian official order Surname First Patronymic being turned
// round (Журавлева Виктория Юрьевна -> viktoria juravleva).
func nameWords(words []string) []string {
	ws := make([]string, 0, len(words))
	for _, w := range words {
		if len(w) > 1 {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return words
	}
	if len(ws) == 3 {
		switch {
		case isPatronymic(ws[2]):
			return []string{ws[1], ws[0]}
		case isPatronymic(ws[1]):
			return []string{ws[0], ws[2]}
		}
	}
	return ws
}

// isPatronymic reports whether a name key is an East Slavic patronymic
// (Сергеевич, Юрьевна, Ильинична) or a Kazakh one (Абайұлы, Нұрланқызы).
func isPatronymic(k string) bool {
	for _, s := range []string{"vich", "vna", "ichna", "ich", "uli", "kizi"} {
		if strings.HasSuffix(k, s) && len(k) > len(s)+2 {
			return true
		}
	}
	return false
}

// stemKey drops the final vowels of the last word of a key when at least
// three letters remain: minesota -> minesot, brazilia -> brazil.
func stemKey(k string) string {
	end := len(k)
	for end > 0 && isKeyVowel(k[end-1]) {
		end--
	}
	start := strings.LastIndexByte(k[:end], ' ') + 1
	if end == len(k) || end-start < 3 {
		return k
	}
	return k[:end]
}

func isKeyVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// derivedOnly returns the derived stem when every mention of an entity is a
// relational adjective or demonym, else "".
func derivedOnly(mem []int, ms []linkMention) string {
	for _, i := range mem {
		if ms[i].derived == "" {
			return ""
		}
	}
	return ms[mem[0]].derived
}

// appositiveQuote reports a name in quotation marks right after a generic
// noun (пункт пропуска «Карасу», компании «Газпром», учения «Запад») or a
// company form (ООО, ТОО): Russian and Ukrainian leave such a name in the
// nominative whatever the case of the noun before it.
func appositiveQuote(text string, m Mention) bool {
	if m.Start <= 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
		return false
	}
	before := strings.TrimRight(text[:m.Start], " ")
	q, n := utf8.DecodeLastRuneInString(before)
	if q != '«' && q != '"' && q != '„' && q != '“' {
		return false
	}
	before = strings.TrimRight(before[:len(before)-n], " ")
	w, _ := utf8.DecodeLastRuneInString(before)
	if !runes.IsLetter(w) {
		return false
	}
	// The word before the quote, or the one before that when a lower-case
	// complement follows it (пункта пропуска «Карасу»).
	for k := 0; k < 2; k++ {
		start := strings.LastIndexFunc(before, func(r rune) bool { return !runes.IsLetter(r) && r != '-' }) + 1
		word := runes.Lower(before[start:])
		if k == 0 && (word == "ооо" || word == "тоо" || word == "ао" || word == "пао" || word == "зао" || word == "жк") {
			return true
		}
		for _, stem := range genericNouns {
			if strings.HasPrefix(word, stem) && runes.Count(word)-runes.Count(stem) <= 3 {
				return true
			}
		}
		if r, _ := runes.Decode(before[start:]); !runes.IsLower(r) || prepositions[word] {
			return false
		}
		before = strings.TrimRight(before[:start], " ")
		if start == 0 || before == "" {
			return false
		}
	}
	return false
}

// prepositions end the look back of appositiveQuote.
var prepositions = map[string]bool{"в": true, "во": true, "на": true, "с": true, "со": true, "к": true, "ко": true,
	"по": true, "о": true, "об": true, "от": true, "из": true, "у": true, "за": true, "для": true, "до": true,
	"после": true, "перед": true, "против": true, "при": true, "через": true, "без": true, "под": true, "над": true}

// genericNouns are stems of the Russian and Ukrainian nouns that stand before
// a quoted name in apposition (компании «Газпром», пункта пропуска
// «Карасу»). A preposition before the quote (после «Брексита») declines the
// name instead.
var genericNouns = strings.Fields(`компани компані фирм концерн корпораци корпораці холдинг групп банк фонд завод
	комбинат предприяти підприємств парти парті движени рух обществ товариств объединени об'єднанн ассоциаци асоціаці
	агентств агенці газет журнал издани видавництв телеканал канал радиостанци сайт портал проект програм операци
	операці учени навчан форум фестивал турнир конкурс пункт аэропорт аеропорт порт вокзал станци станці стадион
	театр музей клуб отел готел ресторан магазин торгов сеть мережі бренд марк`)
