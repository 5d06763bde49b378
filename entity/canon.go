package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/runes"
)

// Canonical names.
//
// Russian and Ukrainian names are put in the nominative by analysing every
// inflecting word against the declension tables of canon_tables.go, which
// gives candidate nominatives with the cases they may come from, and then
// choosing one case (and, for people, one gender) for the whole phrase:
// leading adjectives agree with the head noun, the words after the head
// (genitive complements: Министерство *иностранных дел*) stay as they are,
// and every word of a person's name agrees with the others. Candidates are
// ranked by the table's prior, by word lists (first names, head nouns,
// common place names, knowledge-base aliases) and, inside a document, by the
// other forms of the same stem that the document uses (Обамы … Обаму -> Обама).
// Kazakh names lose their case suffixes (Белоусовты -> Белоусов, Павлодарда ->
// Павлодар). Other languages keep the text, with spacing normalised and a
// possessive 's removed.

type gender uint8

const (
	anyGender gender = iota
	masc
	fem
	neut
	plural
)

type wordClass uint8

const (
	noun wordClass = iota
	adj
	surname
	indecl
)

// caseSet is a set of case-number combinations.
type caseSet uint16

const (
	sgN caseSet = 1 << iota
	sgG
	sgD
	sgA
	sgI
	sgL
	plN
	plG
	plD
	plA
	plI
	plL
	allCases caseSet = 1<<12 - 1
)

// caseOrder lists the cases tried, most likely first, with a prior.
var caseOrder = []struct {
	c     caseSet
	prior float64
}{
	{sgN, 0.2}, {sgG, 0.1}, {sgL, 0.05}, {sgD, 0}, {sgI, 0}, {sgA, 0},
	{plN, 0}, {plG, -0.05}, {plL, -0.1}, {plD, -0.1}, {plI, -0.1}, {plA, -0.1},
}

type ending struct {
	suf   string
	cases caseSet
}

type paradigm struct {
	paradigmSpec
	endings []ending
}

func parseCases(s string) caseSet {
	var c caseSet
	for _, r := range s {
		switch r {
		case 'n':
			c |= sgN
		case 'g':
			c |= sgG
		case 'd':
			c |= sgD
		case 'a':
			c |= sgA
		case 'i':
			c |= sgI
		case 'l':
			c |= sgL
		case 'N':
			c |= plN
		case 'G':
			c |= plG
		case 'D':
			c |= plD
		case 'A':
			c |= plA
		case 'I':
			c |= plI
		case 'L':
			c |= plL
		}
	}
	return c
}

func compile(specs []paradigmSpec) []paradigm {
	out := make([]paradigm, len(specs))
	for i, s := range specs {
		out[i].paradigmSpec = s
		for _, e := range strings.Split(s.endings, "|") {
			suf, cases, _ := strings.Cut(e, "=")
			out[i].endings = append(out[i].endings, ending{suf, parseCases(cases)})
		}
	}
	return out
}

var paradigms = sync.OnceValues(func() ([]paradigm, []paradigm) {
	return compile(ruParadigms), compile(ukParadigms)
})

type cand struct {
	form  string
	cases caseSet
	g     gender
	class wordClass
	score float64
	zero  bool // masculine zero ending: the form is the word itself
}

// docForms holds the lower-cased words of a document's mentions, so that a
// word is analysed in the light of the other forms the document uses.
type docForms map[string]int

// lexicon reports whether a lower-case word is a known nominative.
type lexicon func(string) bool

type canonizer struct {
	lang  string // "ru", "uk", "kk", or "" for others
	doc   docForms
	known lexicon
}

// langCode maps a tag to the languages with inflection rules.
func langCode(t language.Tag) string {
	b, _ := t.Base()
	switch s := b.String(); s {
	case "ru", "uk", "kk", "be":
		if s == "be" {
			return "ru" // close enough for names
		}
		return s
	}
	return ""
}

// mentionLang returns the inflection rules for a mention: those of its
// language, or, for Cyrillic text in a segment of another or unknown
// language (a mixed page), Kazakh when it has Kazakh letters, else Russian.
func mentionLang(text string, t language.Tag) string {
	lc := langCode(t)
	if lc != "" {
		return lc
	}
	for _, r := range text {
		if unicode.Is(unicode.Cyrillic, r) {
			if hasKazakhLetter(text) {
				return "kk"
			}
			return "ru"
		}
	}
	return ""
}

// Canonical returns the canonical name of one mention text of type typ in
// language lang: Russian, Ukrainian and Kazakh names in the nominative
// (Виктором Хрениным -> Виктор Хренин, Министерстве сельского хозяйства ->
// Министерство сельского хозяйства, Белоусовты -> Белоусов), other languages
// with spacing normalised and a trailing possessive 's removed. Without the
// rest of the document it relies on the built-in tables only; [Linker.Link]
// also uses the document's other mentions and the knowledge base. Canonical
// is safe for concurrent use and never panics; invalid UTF-8 is dropped.
func Canonical(text string, typ Type, lang language.Tag) string {
	c := canonizer{lang: mentionLang(text, lang), known: builtinLexicon}
	return c.canonical(text, typ)
}

func builtinLexicon(w string) bool {
	if knownNominatives[w] {
		return true
	}
	if _, ok := headNouns[w]; ok {
		return true
	}
	_, ok := firstNames[w]
	return ok
}

// span is one word of a mention, by byte offsets into the cleaned text.
type span struct {
	start, end int
	hyphenNext bool // joined to the next word by a hyphen
}

func (c *canonizer) canonical(text string, typ Type) string {
	text = cleanName(text)
	if text == "" {
		return ""
	}
	text = c.titleCaps(text)
	if c.lang == "" {
		return stripPossessive(text)
	}
	words := splitWords(text)
	if len(words) == 0 {
		return text
	}
	if c.lang == "kk" && (hasKazakhLetter(text) || !russianAdjective(text, words)) {
		return c.kazakh(text, words)
	}
	if c.lang == "kk" {
		c.lang = "ru" // a Russian name in Kazakh text: Казахстанская правда
	}
	units := inflectable(text, words, typ)
	if len(units) == 0 {
		return text
	}
	var forms []string
	if typ == PER && !strings.ContainsFunc(text, runes.IsUpper) {
		// Lower-case "people" are groups and demonyms (американцев ->
		// американцы): common nouns, plural allowed.
		forms = c.phrase(text, words, units, "")
	} else if typ == PER {
		forms = c.person(text, words, units)
	} else {
		forms = c.phrase(text, words, units, typ)
	}
	if forms == nil {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	last := 0
	for i, u := range units {
		w := words[u]
		b.WriteString(text[last:w.start])
		b.WriteString(forms[i])
		last = w.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// cleanName collapses runs of white space to one space, trims, and drops
// invalid UTF-8 and control characters.
func cleanName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := runes.Decode(s[i:]); n <= 1 {
				continue
			}
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func stripPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, p) && len(s) > len(p)+1 {
			t := s[:len(s)-len(p)]
			if p == "'" || p == "’" {
				if !strings.HasSuffix(t, "s") {
					continue
				}
			}
			return t
		}
	}
	return s
}

// splitWords returns the letter runs of s (apostrophes inside a word, as in
// Ukrainian об'єднання, belong to it).
func splitWords(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		letter := runes.IsLetter(r) || unicode.Is(unicode.Mn, r)
		if !letter && start >= 0 && (r == '\'' || r == '’' || r == 'ʼ') {
			next, _ := runes.Decode(s[i+utf8.RuneLen(r):])
			if runes.IsLetter(next) {
				continue
			}
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, span{start: start, end: i, hyphenNext: r == '-' || r == '‑' || r == '‐'})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start: start, end: len(s)})
	}
	return out
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) && r != '\'' && r != '’' && r != 'ʼ' && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

func isAllUpper(w string) bool {
	n := 0
	for _, r := range w {
		if runes.IsLower(r) {
			return false
		}
		n++
	}
	return n > 1
}

// inflectable returns the indexes of the words that may inflect: Cyrillic,
// not acronyms, not particles, and of a hyphenated group only its last word
// (Коста-Рики, Нью-Йорке) or, when the group has lower-case parts, its first
// (Ростова-на-Дону).
func inflectable(text string, words []span, typ Type) []int {
	var out []int
	for i := 0; i < len(words); {
		j := i
		for j < len(words)-1 && words[j].hyphenNext {
			j++
		}
		pick := j
		if j > i {
			for k := i + 1; k < j; k++ {
				if w := text[words[k].start:words[k].end]; hyphenPrepositions[runes.Lower(w)] {
					pick = i // Ростова-на-Дону
					break
				}
			}
		}
		picks := []int{pick}
		if last := text[words[j].start:words[j].end]; pick == j && j > i && !isCapital(last) {
			picks = []int{i, j} // Буша-младшего: both parts inflect
		}
		for _, pick := range picks {
			w := text[words[pick].start:words[pick].end]
			if len(w) <= maxWordBytes && isCyrillicWord(w) && !isAllUpper(w) && !innerCapital(w) && runes.Count(w) > 1 &&
				!(typ == PER && nameParticles[runes.Lower(w)]) {
				out = append(out, pick)
			}
		}
		i = j + 1
	}
	return out
}

// maxWordBytes bounds the words that are analysed for inflection: no name
// has a 100-letter word, and a megabyte "word" must cost no more than a copy.
const maxWordBytes = 200

// hyphenPrepositions join the parts of compound place names whose first
// part inflects: Ростова-на-Дону, Франкфурта-на-Майне, Комсомольска-на-Амуре.
var hyphenPrepositions = map[string]bool{"на": true, "над": true, "под": true, "при": true}

// innerCapital reports whether a word has a capital after its first letter
// (СПбГУ, МосГорСуд): an abbreviation, not inflected.
func innerCapital(w string) bool {
	upper, lowerUpper := 0, false
	prev := rune(0)
	for _, r := range w {
		if runes.IsUpper(r) {
			upper++
			if runes.IsLower(prev) {
				lowerUpper = true
			}
		}
		prev = r
	}
	return upper >= 3 && lowerUpper
}

func isCapital(w string) bool {
	r, _ := runes.Decode(w)
	return runes.IsUpper(r)
}

func stemOK(stem string, rule int, lang string) bool {
	r, _ := utf8.DecodeLastRuneInString(stem)
	r = runes.ToLower(r)
	switch rule {
	case stemAny:
		return true
	case stemCons:
		return isConsonant(r)
	case stemVowel:
		return isVowelRune(r)
	case stemHard:
		return isConsonant(r) && !isSibVelar(r) && r != 'ц'
	case stemSoftS:
		return isSibVelar(r) || r == 'ц'
	case stemSurn:
		for _, s := range []string{"ов", "ев", "ёв", "ин", "ын", "ін", "їн", "єв"} {
			if strings.HasSuffix(runes.Lower(stem), s) {
				return true
			}
		}
	}
	return false
}

func isVowelRune(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїєәөұүі", r)
}

func isConsonant(r rune) bool {
	return unicode.Is(unicode.Cyrillic, r) && runes.IsLetter(r) && !isVowelRune(r) &&
		r != 'ь' && r != 'ъ' && r != 'й'
}

func isSibVelar(r rune) bool { return strings.ContainsRune("кгхжшчщ", r) }

// analyse returns the candidate nominatives of one word of a name of type typ.
func (c *canonizer) analyse(word string, typ Type) []cand {
	lw := runes.Lower(word)
	type raw struct {
		cand
		p    *paradigm
		stem string // lower case
		suf  string // the ending matched
	}
	rs := make([]raw, 0, 12)
	if nom, ok := irregular[lw]; ok {
		// Fleeting vowels the tables do not model: церкви -> церковь.
		form := nom
		if isCapital(word) {
			r, n := runes.Decode(nom)
			form = string(unicode.ToUpper(r)) + nom[n:]
		}
		return []cand{{form: form, cases: sgG | sgD | sgL | sgI | plN, g: fem, class: noun, score: 1}}
	}
	ind := cand{form: word, cases: allCases, g: anyGender, class: indecl, score: indeclPrior(lw)}
	if c.known(lw) {
		ind.score += 1.2 // a known nominative is most likely just that
	}
	rs = append(rs, raw{cand: ind})
	if len(lw) == len(word) {
		ru, uk := paradigms()
		ps := ru
		if c.lang == "uk" {
			ps = uk
		}
		for pi := range ps {
			p := &ps[pi]
			if p.class == surname && typ != PER || strings.HasPrefix(p.name, "p-") && strings.HasSuffix(p.name, "ane") && isCapital(word) ||
				p.name == "m-janin" && isCapital(word) {
				continue // demonyms are lower case: Пакистан is no plural of Пакистанин
			}
			if p.name == "n-je" && !regionPrefix(lw) {
				continue // Подмосковье, Приморье, Забайкалье; Сырдарья is no neuter
			}
			for _, e := range p.endings {
				if !strings.HasSuffix(lw, e.suf) || typ == PER && e.cases&(allCases>>6<<6) == e.cases {
					continue // people are not named in the plural
				}
				stem := word[:len(word)-len(e.suf)]
				if runes.Count(stem) < 2 || !stemOK(stem, p.stem, c.lang) {
					continue
				}
				nom := p.nom
				if e.cases&(sgN|sgG|sgD|sgA|sgI|sgL) == 0 && p.gender != plural {
					nom = p.plural()
					if nom == "и" && strings.HasSuffix(runes.Lower(stem), "ц") {
						nom = "ы" // американцы
					}
				}
				stems := []string{stem}
				if c.lang == "uk" && p.class == noun && p.gender == fem && e.suf == "і" {
					// Ukrainian second palatalization: Америці -> Америка, Празі -> Прага.
					last, n := utf8.DecodeLastRuneInString(stem)
					if alt := palatalized(last); alt != "" {
						stems = append([]string{stem[:len(stem)-n] + alt}, stems...)
					}
				}
				if c.lang == "uk" && nom == "" && e.suf != "" && (p.name == "m-hard" || p.name == "m-sib" || p.name == "m-soft") {
					if alt, ok := ikavism(stem); ok {
						stems = append(stems, alt)
					}
				}
				prior := p.prior
				if nom == p.nom && p.gender == masc && p.class == noun && p.nom == "" && e.suf != "" && velarAfterVowel(stem) {
					prior = 0 // Малага, Прага, Америка: а-nouns; Нью-Йорк, Гамбург keep it
				}
				if c.lang == "uk" && p.gender == masc && p.class == noun && e.suf == "і" && strings.ContainsRune("кгх", lastRune(runes.Lower(stem))) {
					prior -= 0.5 // Ukrainian velar stems take -у, not -і: Мілуокі is indeclinable
				}
				if nom == "" && p.class == noun && p.gender == masc && e.suf != "" {
					// A fleeting vowel: республиканца, американцем -> республиканец.
					if alt, ok := fleetingEts(stem); ok {
						stems = append([]string{alt}, stems...)
					}
				}
				for si, st := range stems {
					k := cand{form: st + nom, cases: e.cases, g: p.gender, class: p.class, score: prior,
						zero: e.suf == "" && p.nom == ""}
					if si > 0 {
						k.score -= 0.1
					}
					if p.class == adj && !adjStem(st) {
						k.score -= 0.3 // Китая is Китай, not an adjective
					} else if p.class == adj && (runes.Count(e.suf) >= 3 || !isCapital(word)) {
						k.score += 0.3 // Зеленскому, американском: adjectival
					}
					if nom != p.nom {
						k.g = plural
					}
					lf := runes.Lower(k.form)
					if c.known(lf) {
						k.score += 1.5
					}
					if g, ok := headNouns[lf]; ok && g != k.g && p.class != adj {
						k.score -= 1
					} else if !ok && p.class == noun && typ != PER {
						if g, ok := headSuffix(lf); ok && g == k.g {
							k.score += 0.5 // Госпогранслужба ends in служба: a feminine noun
						}
					}
					if typ == PER && c.lang == "uk" && p.class == noun && p.gender == masc && e.suf == "і" {
						k.score -= 0.5 // Пелосі, Барклі: foreign names, not a locative
					}
					if p.name == "m-j" && strings.ContainsRune("оуюы", lastRune(runes.Lower(st))) {
						k.score -= 0.4 // Журавлевой, американскую: no nouns in -ой, -уй
					} else if typ != PER && (p.name == "m-j" || p.name == "m-soft") {
						// Россией is Россия: no masculine place names in -ией; but
						// Капітолію is Капітолій.
						ls := runes.Lower(st)
						if r := lastRune(ls); r == 'е' || (r == 'и' || r == 'і') && (e.suf == "й" || abstractStem(ls)) {
							k.score -= 0.4 // no masculine place names in -ий/-ией: Россией is Россия
						}
					}
					rs = append(rs, raw{cand: k, p: p, stem: runes.Lower(st), suf: e.suf})
				}
			}
		}
	}
	// A word that carries a long oblique ending (-ого, -ом, -ах) is unlikely
	// to be a nominative that merely ends that way.
	longest := 0
	for _, r := range rs {
		if r.p == nil || r.cases&(sgN|plN) != 0 {
			continue
		}
		suf := r.suf
		switch suf {
		case "ов", "ев", "ин", "ів", "ей":
			continue // Иванов, Путин, Сергей: common nominative endings too
		}
		longest = max(longest, runes.Count(suf))
	}
	if longest >= 2 {
		for i := range rs {
			if rs[i].form == word && rs[i].suf == "" {
				rs[i].score -= 0.4 * float64(min(longest, 3)-1)
			}
		}
	}
	if len(c.doc) > 0 && len(rs) > 1 {
		// Document evidence: forms of a candidate's paradigm that the document
		// uses and that no competing candidate could have produced.
		owners := map[string]string{}
		for _, r := range rs {
			if r.p == nil {
				continue
			}
			for _, e := range r.p.endings {
				if typ == PER && e.cases&(allCases>>6<<6) == e.cases {
					continue
				}
				f := r.stem + e.suf
				if o, ok := owners[f]; ok && o != r.form {
					owners[f] = "" // shared
				} else if !ok {
					owners[f] = r.form
				}
			}
		}
		anySeen := false
		for i := range rs {
			if rs[i].p == nil {
				continue
			}
			seen := 0
			for _, e := range rs[i].p.endings {
				if typ == PER && e.cases&(allCases>>6<<6) == e.cases {
					continue
				}
				f := rs[i].stem + e.suf
				if f != lw && owners[f] == rs[i].form && c.doc[f] > 0 {
					seen++
				}
			}
			rs[i].score += 0.5 * float64(min(seen, 3))
			anySeen = anySeen || seen > 0
		}
		// A person's name ending in a vowel, used twice or more and never in
		// another form, is indeclinable: Бібі, Пелосі, Бейонсе.
		if typ == PER && !anySeen && c.doc[lw] >= 2 && strings.ContainsRune("иіюое", lastRune(lw)) {
			rs[0].score += 0.5 // rs[0] is the indeclinable reading
		}
	}
	out := make([]cand, 0, len(rs))
	for _, r := range rs {
		merged := false
		for i := range out {
			if out[i].form == r.form && out[i].class == r.class && out[i].g == r.g {
				out[i].cases |= r.cases
				out[i].score = max(out[i].score, r.score)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, r.cand)
		}
	}
	return out
}

// plural returns the nominative plural ending of a paradigm.
func (p *paradigm) plural() string {
	for _, e := range p.endings {
		if e.cases&plN != 0 {
			return e.suf
		}
	}
	return p.nom
}

// indeclPrior is the prior of reading a word as indeclinable: likely for
// foreign names ending in о, и, у, ю, е, э (Токио, Биби, Шойгу), unlikely
// otherwise (a declinable reading covers them).
func indeclPrior(lw string) float64 {
	r, n := utf8.DecodeLastRuneInString(lw)
	if prev, _ := utf8.DecodeLastRuneInString(lw[:len(lw)-n]); prev == 'ь' {
		return -0.8 // a soft sign before the last vowel marks an ending: Сырдарьи, Марью
	}
	switch r {
	case 'о', 'э':
		return 0.3
	case 'и', 'у', 'ю', 'е':
		return -0.2
	case 'і':
		return -0.4 // a frequent Ukrainian case ending (Білорусі, Україні)
	}
	return -0.8
}

// phrase chooses the nominative of an organization, place, event or product
// name: leading adjectives agreeing with the head noun; later words kept.
// Every head position after a run of adjacent words with adjective readings
// is tried (Белом доме: Белый дом, not Бел доме).
func (c *canonizer) phrase(text string, words []span, units []int, typ Type) []string {
	// A phrase led by a Latin word or an acronym is kept as it is; only a
	// hyphenated first group (Нью-Йорке) may start before the first unit.
	for k := 0; k < units[0]; k++ {
		if !words[k].hyphenNext {
			return nil
		}
	}
	cands := make([][]cand, 0, len(units))
	for i, u := range units {
		w := words[u]
		cands = append(cands, c.analyse(text[w.start:w.end], typ))
		adjacent := i+1 < len(units) && units[i+1] == u+1 && text[w.end:words[u+1].start] == " "
		if !adjacent || !hasAdj(cands[i]) || i >= 4 {
			break
		}
	}
	best := -1e9
	var choice []string
	cur := make([]string, len(cands))
	for head := range cands {
		for _, co := range caseOrder {
			h, ok := pick(cands[head], co.c)
			if !ok {
				continue
			}
			total := h.score + co.prior + 0.2*float64(head)
			cur[head] = h.form
			g := h.g
			if co.c >= plN {
				g = plural
			}
			okAll := true
			for i := 0; i < head; i++ {
				m, ok := pickAdj(cands[i], co.c, g)
				if !ok {
					okAll = false
					break
				}
				total += m.score
				cur[i] = m.form
			}
			if okAll && total > best {
				best = total
				choice = append(choice[:0], cur[:head+1]...)
			}
		}
	}
	if choice == nil {
		return nil
	}
	if len(units) == 1 && len(choice) == 1 && !isCapital(choice[0]) {
		// A lone relational adjective is named by its masculine singular,
		// the dictionary form: немецких, немецкая -> немецкий.
		choice[0] = mascAdjective(choice[0], c.lang)
	}
	out := make([]string, len(units))
	for i, u := range units {
		if i < len(choice) {
			out[i] = choice[i]
		} else {
			out[i] = text[words[u].start:words[u].end]
		}
	}
	return out
}

func hasAdj(cs []cand) bool {
	for _, k := range cs {
		if k.class == adj {
			return true
		}
	}
	return false
}

// pick returns the best candidate with a case in cs.
func pick(cs []cand, c caseSet) (cand, bool) {
	var best cand
	found := false
	for _, k := range cs {
		if k.cases&c == 0 {
			continue
		}
		if !found || k.score > best.score {
			best, found = k, true
		}
	}
	return best, found
}

func pickAdj(cs []cand, c caseSet, g gender) (cand, bool) {
	var best cand
	found := false
	for _, k := range cs {
		if k.cases&c == 0 || k.class != adj {
			continue
		}
		if g != anyGender && k.g != g && !(k.g == plural && c >= plN) {
			continue
		}
		if !found || k.score > best.score {
			best, found = k, true
		}
	}
	if !found {
		// An indeclinable or unknown modifier stays as it is.
		for _, k := range cs {
			if k.class == indecl {
				k.score -= 1
				return k, true
			}
		}
	}
	return best, found
}

// person chooses the nominative of a personal name: one case and one gender
// for all its words.
func (c *canonizer) person(text string, words []span, units []int) []string {
	cands := make([][]cand, len(units))
	for i, u := range units {
		w := text[words[u].start:words[u].end]
		cands[i] = c.analyse(w, PER)
		if len(units) > 1 && declinedFirstName(w) {
			// Андрій, Сергей, Мария as written are nominatives: their
			// other cases change the ending (Андрія, Сергея, Марии). So
			// the whole name is a nominative: Андрій Сибіга, not Сибіг.
			for k := range cands[i] {
				if cands[i][k].class == indecl {
					cands[i][k].cases &= sgN
				}
			}
		}
	}
	best := -1e9
	var choice []string
	cur := make([]string, len(units))
	for _, co := range caseOrder {
		if co.c >= plN {
			break
		}
		for _, g := range []gender{masc, fem} {
			total := co.prior
			if pg := patronymicGender(text, words, units); pg != anyGender && pg != g {
				total -= 2 // Юрьевна is a woman's patronymic, Сергеевич a man's
			}
			if g == masc {
				total += 0.3 // news names more men than women
			}
			for i := range units {
				k, ok := pickPerson(cands[i], co.c, g)
				if !ok {
					total = -1e9
					break
				}
				if i == 0 && len(units) > 1 {
					if fg, ok := firstNames[runes.Lower(k.form)]; ok && fg == g {
						total += 0.8
					}
				}
				total += k.score
				cur[i] = k.form
			}
			if total > best {
				best = total
				choice = append(choice[:0], cur...)
			}
		}
	}
	return choice
}

func pickPerson(cs []cand, c caseSet, g gender) (cand, bool) {
	var best cand
	found := false
	for _, k := range cs {
		if k.cases&c == 0 {
			continue
		}
		if g == masc && c == sgA && (k.zero || k.cases&sgN != 0 && k.class != indecl) {
			continue // animate: Бориса, not Борис (nor Андрій), is the accusative
		}
		s := k.score
		switch {
		case k.g == anyGender || k.g == g:
		case g == masc && k.g == fem && k.class == noun:
			s -= 0.3 // Обама, Никита, Илья: masculine names of the а-declension
		default:
			continue
		}
		if !found || s > best.score {
			best, found = k, true
			best.score = s
		}
	}
	return best, found
}

// Kazakh case endings, longest first within each group: genitive, accusative,
// dative, locative (and attributive locative), ablative, instrumental.
var kkSuffixes = []string{
	"ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
	"ның", "нің", "дың", "дің", "тың", "тің",
	"нда", "нде", "нан", "нен", "дан", "ден", "тан", "тен",
	"мен", "бен", "пен",
	"ға", "ге", "қа", "ке", "на", "не",
	"да", "де", "та", "те",
	"ны", "ні", "ды", "ді", "ты", "ті",
}

// kazakh strips the case suffix of the last word of a Kazakh name.
func (c *canonizer) kazakh(text string, words []span) string {
	w := words[len(words)-1]
	word := text[w.start:w.end]
	// Suffix after a hyphen or apostrophe: НАТО-ның, Астана'да.
	if i := len(words) - 1; i > 0 && text[words[i-1].end:w.start] != " " {
		sep := text[words[i-1].end:w.start]
		if (sep == "-" || sep == "'" || sep == "’") && isKazakhSuffix(runes.Lower(word)) {
			return strings.TrimRight(text[:words[i-1].end], " ") + text[w.end:]
		}
	}
	if !isCyrillicWord(word) || isAllUpper(word) {
		return text
	}
	if len(word) > maxWordBytes {
		return text
	}
	lw := runes.Lower(word)
	if c.known(lw) {
		return text
	}
	for _, s := range kkSuffixes {
		if !strings.HasSuffix(lw, s) || strings.HasSuffix(lw, "стан") && (s == "тан" || s == "ан") {
			continue // Қырғызстан, Ауғанстан: -стан is no ablative
		}
		stem := word[:len(word)-len(s)]
		if runes.Count(stem) < 3 || !hasVowel(stem) || !kkHarmony(s, lastRune(runes.Lower(stem))) {
			continue
		}
		// на/не are dative only after the possessive ы/і/сы/сі (облысына);
		// elsewhere they are part of the name (Астана). нан/нен are also the
		// ablative after м н ң (Қазақстаннан).
		if s == "на" || s == "не" || s == "ны" || s == "ні" || s == "нда" || s == "нде" ||
			s == "нан" || s == "нен" || s == "ндағы" || s == "ндегі" {
			last, _ := utf8.DecodeLastRuneInString(runes.Lower(stem))
			nasalAblative := (s == "нан" || s == "нен") && strings.ContainsRune("мнң", last)
			if last != 'ы' && last != 'і' && !(s == "ны" || s == "ні") && !nasalAblative {
				continue
			}
			if (s == "ны" || s == "ні") && !isVowelRune(last) {
				continue
			}
		}
		return text[:w.start] + stem + text[w.end:]
	}
	return text
}

func isKazakhSuffix(w string) bool {
	for _, s := range kkSuffixes {
		if w == s {
			return true
		}
	}
	switch w {
	case "ға", "ге", "а", "е", "ы", "і", "ын", "ін", "нын", "нің", "ның", "тен", "тан":
		return true
	}
	return false
}

func hasVowel(s string) bool {
	for _, r := range runes.Lower(s) {
		if isVowelRune(r) {
			return true
		}
	}
	return false
}

// titleCaps rewrites words set in capitals for emphasis or in a dateline
// (ВАШИНГТОН, МОСКВА) in title case; acronyms (short, or known) stay.
func (c *canonizer) titleCaps(text string) string {
	if !strings.ContainsFunc(text, runes.IsUpper) {
		return text
	}
	var b strings.Builder
	last := 0
	for _, w := range splitWords(text) {
		word := text[w.start:w.end]
		if !isAllUpper(word) || !hasVowel(word) || knownAcronyms[runes.Lower(word)] {
			continue
		}
		if runes.Count(word) < 6 && !knownNominatives[runes.Lower(word)] {
			continue
		}
		b.WriteString(text[last:w.start])
		r, n := runes.Decode(word)
		b.WriteRune(r)
		b.WriteString(runes.Lower(word[n:]))
		last = w.end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// knownAcronyms are acronyms of six letters or more, which titleCaps keeps.
var knownAcronyms = map[string]bool{
	"юнеско": true, "юнисеф": true, "юнісеф": true, "unesco": true, "unicef": true,
	"интерпол": true, "інтерпол": true, "interpol": true, "асеан": true, "asean": true,
	"меркосур": true, "mercosur": true, "нафта": false,
}

// ikavism returns the Ukrainian nominative stem of a masculine noun whose
// last vowel is о/е in the oblique cases and і/ї in the nominative: Києва ->
// Київ, Львова -> Львів.
func ikavism(stem string) (string, bool) {
	rs := []rune(stem)
	n := len(rs)
	if n < 3 || !isConsonant(runes.ToLower(rs[n-1])) {
		return "", false
	}
	switch rs[n-2] {
	case 'о', 'е':
		rs[n-2] = 'і'
	case 'є':
		rs[n-2] = 'ї'
	default:
		return "", false
	}
	return string(rs), true
}

// adjStem reports whether a stem ends like the stem of a relative or
// possessive adjective (-ск-, -цк-, -н-, -ов-, -ев-, -ин-).
func adjStem(stem string) bool {
	ls := runes.Lower(stem)
	for _, s := range []string{"ск", "цк", "ськ", "цьк", "зьк", "н", "ов", "ев", "ин", "ін", "ий", "ьн"} {
		if strings.HasSuffix(ls, s) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// velarAfterVowel reports whether a stem ends in a vowel and a velar (к г
// х), as in Малаг-, Америк-, where feminine а-nouns outnumber masculine ones.
func velarAfterVowel(stem string) bool {
	prev, last, ok := lastTwo(stem)
	return ok && strings.ContainsRune("кгх", runes.ToLower(last)) && isVowelRune(runes.ToLower(prev))
}

// lastTwo returns the last two runes of s; ok is false when s has fewer.
func lastTwo(s string) (prev, last rune, ok bool) {
	last, n := utf8.DecodeLastRuneInString(s)
	if n == 0 {
		return 0, 0, false
	}
	prev, m := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return prev, last, m > 0
}

// irregular maps oblique forms with a fleeting vowel, common in the names
// of organizations, to their nominative.
var irregular = map[string]string{
	"церкви": "церковь", "церковью": "церковь", "любви": "любовь",
	"церкві": "церква", "церкву": "церква", "церквою": "церква",
}

// patronymicGender returns the gender a Russian or Ukrainian patronymic in
// the name shows (-вна/-чна: a woman; -вич/-ич: a man), or anyGender.
func patronymicGender(text string, words []span, units []int) gender {
	if len(units) < 2 {
		return anyGender
	}
	for _, u := range units {
		w := runes.Lower(text[words[u].start:words[u].end])
		for _, st := range []string{"вна", "вны", "вне", "вну", "вной", "чна", "чны", "чне", "чну", "чной", "івна", "івни", "івні", "івну", "івною"} {
			if strings.HasSuffix(w, st) && runes.Count(w) > 5 {
				return fem
			}
		}
		for _, st := range []string{"вич", "вича", "вичу", "вичем", "виче", "вичі", "вичеві"} {
			if strings.HasSuffix(w, st) && runes.Count(w) > 5 {
				return masc
			}
		}
	}
	return anyGender
}

func hasKazakhLetter(s string) bool {
	return strings.ContainsAny(runes.Lower(s), "әғқңөұүһі")
}

// russianAdjective reports whether a name has a word with a Russian
// adjectival ending, which Kazakh words do not have.
func russianAdjective(text string, words []span) bool {
	for _, w := range words {
		lw := runes.Lower(text[w.start:w.end])
		for _, e := range []string{"ая", "ое", "ый", "ий", "ой", "ые", "ие", "ского", "ской"} {
			if strings.HasSuffix(lw, e) && runes.Count(lw) > 4 {
				return true
			}
		}
	}
	return false
}

// kkHarmony reports whether a Kazakh case suffix may follow a stem ending in
// last: т-, қ-, к-, п- suffixes follow voiceless consonants, д-, ғ-, г-, б-
// suffixes voiced ones or vowels, н- and м- suffixes vowels (and nasals for
// the ablative нан/нен, handled by the caller). Сұлтан is no Сұл+тан.
func kkHarmony(suffix string, last rune) bool {
	// в counts as voiceless: Тоқаевтың, Белоусовты.
	voiceless := strings.ContainsRune("кқпстфхшщцчһв", last)
	vowel := isVowelRune(last)
	first, _ := runes.Decode(suffix)
	switch first {
	case 'т', 'қ', 'к', 'п':
		return voiceless
	case 'д', 'ғ', 'г':
		return !voiceless
	case 'б':
		return strings.ContainsRune("мнңжз", last)
	case 'м':
		return vowel || strings.ContainsRune("рлйу", last)
	}
	return true
}

// mascAdjective returns the masculine singular nominative of an adjective
// in another nominative form (немецкая, немецкие -> немецкий; українська ->
// український), or the word unchanged when it is no adjective in -ск-/-цк-.
func mascAdjective(w, lang string) string {
	lw := runes.Lower(w)
	for _, e := range []string{"ая", "ое", "ые", "ие", "яя", "ее", "а", "е", "і"} {
		if !strings.HasSuffix(lw, e) {
			continue
		}
		stem := lw[:len(lw)-len(e)]
		if !strings.HasSuffix(stem, "ск") && !strings.HasSuffix(stem, "цк") && !strings.HasSuffix(stem, "ськ") && !strings.HasSuffix(stem, "цьк") {
			return w
		}
		if lang == "uk" {
			if e == "а" || e == "е" || e == "і" {
				return w[:len(w)-len(e)] + "ий"
			}
			return w
		}
		if e == "а" || e == "е" || e == "і" {
			return w
		}
		return w[:len(w)-len(e)] + "ий"
	}
	return w
}

// abstractStem reports whether a stem ends like that of a feminine noun in
// -ция/-ція, -мия/-мія, -ния/-нія, -сия/-сія (інавгурація, пандемія), not a
// masculine one in -ий/-ій (Капітолій).
func abstractStem(ls string) bool {
	prev, _, ok := lastTwo(ls)
	return ok && strings.ContainsRune("цмнс", prev)
}

// palatalized returns the velar a Ukrainian dative/locative consonant stands
// for (ц -> к, з -> г, с -> х), or "".
func palatalized(r rune) string {
	switch r {
	case 'ц':
		return "к"
	case 'з':
		return "г"
	case 'с':
		return "х"
	}
	return ""
}

// headSuffix returns the gender of a head noun of five letters or more that
// a compound word ends in (Госпогранслужба: служба, Росгвардия: гвардия).
func headSuffix(lw string) (gender, bool) {
	for i := range lw {
		if i == 0 {
			continue
		}
		rest := lw[i:]
		if runes.Count(rest) < 5 {
			break
		}
		if g, ok := headNouns[rest]; ok {
			return g, true
		}
	}
	return 0, false
}

// fleetingEts restores the fleeting е of masculine nouns in -ец whose
// oblique stem ends in a consonant and ц (республиканц-а, немц-а,
// комсомольц-а): it returns республиканец, немец, комсомолец.
func fleetingEts(stem string) (string, bool) {
	st := strings.TrimSuffix(stem, "ц")
	if st == stem || st == "" {
		return "", false
	}
	last, n := utf8.DecodeLastRuneInString(st)
	if last == 'ь' {
		return st[:len(st)-n] + "ец", true
	}
	if !isConsonant(runes.ToLower(last)) {
		return "", false
	}
	return st + "ец", true
}

// declinedFirstName reports a known first name that declines: a man's name
// ending in a consonant or й, a woman's in а or я. Names such as Джо, Тони,
// Кэтрин or Ингрид do not, and read as any case.
func declinedFirstName(w string) bool {
	lw := runes.Lower(w)
	g, ok := firstNames[lw]
	if !ok {
		return false
	}
	last := lastRune(lw)
	switch g {
	case masc:
		return isConsonant(last) || last == 'й'
	case fem:
		return last == 'а' || last == 'я'
	}
	return false
}

// regionPrefix reports a word that begins as the Russian names of regions in
// -ье do: по-, под-, при-, за-, пред-, меж- (Поволжье, Подмосковье,
// Приморье, Закавказье, Предуралье, Междуречье).
func regionPrefix(lw string) bool {
	for _, p := range []string{"по", "при", "за", "пред", "меж"} {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return false
}
