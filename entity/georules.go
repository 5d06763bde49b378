package entity

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

// Gazetteer rules: the geo gazetteer knows which names are well-known
// places, and the tagger, which sees a name only through its features,
// sometimes takes a city for a surname (Edmonton, Aleppo) or misses a state
// it never saw in training. The rules below run on Latin-script mentions
// only and change a mention only where the gazetteer is sure: a country, a
// first-level division, a region, a sea, or a city of at least
// [bigCity] people whose name is exactly the mention's text.

// bigCity is the population (people) from which a city name alone is taken
// for a place by the gazetteer rules.
const bigCity = 100_000

var gazetteer = sync.OnceValue(func() *geo.Gazetteer {
	g, err := geo.NewGazetteer()
	if err != nil {
		return nil
	}
	return g
})

// wellKnownPlace reports whether s, a Latin-script name, is a well-known
// place: the best gazetteer candidate is a country or first-level division
// (under any of its names: US, U.S., Ky.), or a region, sea, land form or
// big city whose English name is s itself; and the knowledge base does not
// know s as a person or organization.
func wellKnownPlace(s string) bool {
	if s == "" || !latinName(s) {
		return false
	}
	g := gazetteer()
	if g == nil || directionWord[runes.Lower(s)] || officeTitle[s] || officeTitle[s+"."] {
		return false
	}
	if _, ok := g.KindOf(s); !ok {
		return false
	}
	cands, ok := g.Lookup(s)
	if !ok {
		return false
	}
	c := cands[0]
	switch c.Kind {
	case geo.Country, geo.Admin1:
	case geo.Region, geo.Water, geo.Land:
		if !strings.EqualFold(c.Name, s) {
			return false
		}
	case geo.City:
		if !strings.EqualFold(c.Name, s) || c.Population < bigCity {
			return false
		}
	default:
		return false
	}
	if kb, err := builtinIndex(); err == nil && kb != nil {
		for _, j := range kb.byKey[kbKey(s)] {
			if kb.entries[j].Type != LOC {
				return false
			}
		}
	}
	return true
}

// directionWord holds adjectives that name provinces somewhere (Western,
// Kenya; Central, Ghana) but in English text mostly mean a direction or a
// bloc: Western countries.
var directionWord = map[string]bool{
	"western": true, "eastern": true, "northern": true, "southern": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "upper": true, "lower": true,
	"middle": true, "coast": true, "interior": true, "capital": true, "national": true,
}

// latinName reports a name that starts with a Latin capital letter.
func latinName(s string) bool {
	r, _ := runes.Decode(s)
	return r < 0x250 && runes.IsUpper(r)
}

// orgPlaceCue holds the words after which a city or country name that the
// model took for an organization is a place: "from Edmonton", "an Edmonton
// woman".
var orgPlaceCue = map[string]bool{
	"in": true, "from": true, "to": true, "near": true, "outside": true, "across": true,
	"throughout": true, "inside": true, "into": true, "around": true, "toward": true,
	"towards": true, "an": true, "a": true, "through": true,
}

// geoRules applies the gazetteer rules to the mentions of a chunk:
//   - a person "X of Y" whose Y is a known place is the person X and the
//     place Y (Anne McLellan of Edmonton);
//   - an organization whose text is the last word of a longer person's
//     name in the text is that person (Jesper Parnevik … Parnevik);
//   - a person or organization whose whole text is a well-known place is a
//     place — a person only when the name is not part of a longer person's
//     name in the text (Georgia Stevens … Georgia stays a person), an
//     organization only after a word such as "in", "from" or "an", or next
//     to a place across a comma (Sanford, Florida);
//   - a place abbreviation keeps its full stop (Ky., Alta.), a full place
//     name loses a trailing one, and a leading "The" goes where the name
//     without it is the place (The UK → UK);
//   - an untagged capitalized word run that is a well-known place, not
//     adjacent to other capitalized words, is a place.
func geoRules(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	if gazetteer() == nil || len(toks) == 0 {
		return ms
	}
	ms = splitPersonOfPlace(text, toks, ms)
	ms = splitSurnamePlace(text, ms)
	ms = splitPlaceTitle(text, toks, ms)
	ms = datelines(text, toks, ms, lang)
	inLongPER, lastOfLongPER := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		if m.Type == PER {
			if s := text[m.Start:m.End]; strings.IndexByte(s, ' ') > 0 {
				ws := strings.Fields(s)
				if slices.ContainsFunc(ws, func(w string) bool { return len(w) > 1 && allCaps(w) }) {
					continue // CTV Edmonton: no person's name
				}
				for _, w := range ws {
					inLongPER[w] = true
				}
				lastOfLongPER[ws[len(ws)-1]] = true
			} else if titled(text, m.Start) {
				inLongPER[s] = true // Governor Bush: the title, left out, shows a person
			}
		}
	}
	k := 0
	for i := range ms {
		m := &ms[i]
		s := text[m.Start:m.End]
		if !latinName(s) {
			continue
		}
		for k < len(toks) && toks[k].End <= m.Start {
			k++
		}
		switch m.Type {
		case LOC:
			if inLongPER[s] {
				m.Type = PER // Steele after Christopher Steele
			}
		case PER:
			if !inLongPER[s] && !speaker(toks, k, m.End) && wellKnownPlace(s) {
				m.Type = LOC
			}
		case ORG:
			if orgAsPlace(text, toks, ms, i, k) && wellKnownPlace(s) || naturalFeature(s) {
				m.Type = LOC
			} else if lastOfLongPER[s] && !allCaps(s) {
				m.Type = PER // Parnevik after Jesper Parnevik
			}
		}
		if m.Type == LOC {
			fixPlaceEdges(text, m)
		}
	}
	ms = placeMajority(text, ms)
	ms = promotePlaces(text, toks, ms, lang)
	ms = regionPhrases(text, toks, ms, lang)
	return trimSentenceStart(text, toks, ms, lang)
}

// regionPhrases tags an untagged capitalized Latin-script word and the
// lower-case word after it when together they are the name of a region or
// water body of the gazetteer, as written there: "the Caspian region", whose
// adjective alone the model rightly leaves untagged.
func regionPhrases(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	g := gazetteer()
	var add []Mention
	j := 0
	for k := 0; k+1 < len(toks); k++ {
		t, next := toks[k], toks[k+1]
		if !capWord(t) || next.Kind != token.Word || next.Newlines > 0 || isCapital(next.Text) {
			continue
		}
		if k > 0 && capWord(toks[k-1]) && t.Newlines == 0 {
			continue // inside a longer capitalized run
		}
		for j < len(ms) && ms[j].End <= t.Start {
			j++
		}
		if j < len(ms) && ms[j].Start < next.End {
			continue
		}
		name := text[t.Start:next.End]
		kind, ok := g.KindOf(name)
		if !ok || kind != geo.Region && kind != geo.Water {
			continue
		}
		if cands, ok := g.Lookup(name); !ok || !strings.EqualFold(cands[0].Name, name) {
			continue
		}
		add = append(add, Mention{Start: t.Start, End: next.End, Type: LOC, Language: lang})
		k++
	}
	return withAdded(ms, add)
}

// trimSentenceStart cuts off a sentence-initial common word that the model
// ran into a place in Russian, Ukrainian or Kazakh text: in "Тараптар Арал
// теңізі..." the parties are no part of the Aral. The word must be written
// in lower case elsewhere in the text, or be a Kazakh plural, be no known
// name, and leave a name the gazetteer knows.
//
// Two rules that Latin script has are left out on purpose, as the annotated
// corpora measure them: a type word after a place stays out (Есіл өзені,
// Каспий теңізі: KazNERD tags Есіл, Каспий), and untagged capitalized words
// are not promoted to places (правительства Москвы, Алматы қаласының әкімі
// hold places inside longer names and titles that the corpora leave untagged).
func trimSentenceStart(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	g := gazetteer()
	var lower map[string]bool // words the text writes in lower case, built on demand
	k := 0
	for i := range ms {
		m := &ms[i]
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		if k+1 >= len(toks) || toks[k].Start != m.Start || m.Type != LOC || toks[k+1].Start >= m.End ||
			!sentenceStart(toks, k) || !isCyrillicWord(toks[k].Text) {
			continue
		}
		w := toks[k].Text
		if lower == nil {
			lower = map[string]bool{}
			for _, t := range toks {
				if t.Kind == token.Word && !isCapital(t.Text) {
					lower[t.Text] = true
				}
			}
		}
		if !lower[runes.Lower(w)] && !(langCode(lang) == "kk" && kkPlural(w)) {
			continue
		}
		if _, known := nameType(w); known {
			continue
		}
		if _, ok := g.Lookup(text[toks[k+1].Start:m.End]); ok {
			m.Start = toks[k+1].Start
		}
	}
	return ms
}

// sentenceStart reports whether token k opens a line or follows a full stop,
// question or exclamation mark.
func sentenceStart(toks []token.Token, k int) bool {
	if k == 0 || toks[k].Newlines > 0 {
		return true
	}
	switch toks[k-1].Text {
	case ".", "!", "?", "…":
		return true
	}
	return false
}

// kkPlural reports a Kazakh word with a plural suffix (-лар, -лер, -дар,
// -дер, -тар, -тер): common nouns, not names.
func kkPlural(w string) bool {
	lw := runes.Lower(w)
	for _, s := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
		if strings.HasSuffix(lw, s) && runes.Count(lw) > 5 {
			return true
		}
	}
	return false
}

// naturalFeature reports whether s is the name of a sea, lake, river,
// mountain range or other land form of the gazetteer, as written there
// (case and all, four letters or more) and unknown to the knowledge base: a river does not act, so the Syr Darya is
// a place whatever the model called it.
func naturalFeature(s string) bool {
	g := gazetteer()
	if g == nil {
		return false
	}
	if runes.Count(s) < 4 {
		return false // OB is Odense Boldklub more often than the Ob
	}
	cands, ok := g.Lookup(s)
	if !ok || (cands[0].Kind != geo.Water && cands[0].Kind != geo.Land) || cands[0].Name != s {
		return false
	}
	if kb, err := builtinIndex(); err == nil && kb != nil && len(kb.byKey[kbKey(s)]) > 0 {
		return false
	}
	return true
}

// orgAsPlace reports whether the organization ms[i], whose first token is
// toks[k], stands where places stand.
func orgAsPlace(text string, toks []token.Token, ms []Mention, i, k int) bool {
	if k > 0 && toks[k-1].Kind == token.Word && orgPlaceCue[runes.Lower(toks[k-1].Text)] {
		return true
	}
	m := ms[i]
	if i > 0 && ms[i-1].Type == LOC && strings.TrimSpace(text[ms[i-1].End:m.Start]) == "," {
		return true
	}
	if i+1 < len(ms) && ms[i+1].Type == LOC && strings.TrimSpace(text[m.End:ms[i+1].Start]) == "," {
		return true
	}
	return false
}

// splitPersonOfPlace splits "X of Y" persons whose Y is a known place.
func splitPersonOfPlace(text string, toks []token.Token, ms []Mention) []Mention {
	g := gazetteer()
	var out []Mention
	for i, m := range ms {
		s := text[m.Start:m.End]
		j := strings.Index(s, " of ")
		if m.Type != PER || j <= 0 || !latinName(s) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		tail := s[j+4:]
		kind, ok := g.KindOf(tail)
		if !ok || !latinName(tail) || strings.Contains(tail, " of ") ||
			(kind != geo.Country && kind != geo.Admin1 && kind != geo.Admin2 && kind != geo.City) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		out = splitAt(out, ms, i,
			Mention{Start: m.Start, End: m.Start + j, Type: PER, Language: m.Language},
			Mention{Start: m.Start + j + 4, End: m.End, Type: LOC, Language: m.Language})
	}
	if out == nil {
		return ms
	}
	return out
}

// titled reports whether the word before position start of text is a
// courtesy title or a title of rank ([honorifics], [rankTitles]) that
// [trimHonorifics] left out of a person mention.
func titled(text string, start int) bool {
	before := strings.TrimSuffix(text[:start], " ")
	if len(before) == len(text[:start]) {
		return false
	}
	w := before[strings.LastIndexAny(before, " \n\t")+1:]
	w = strings.TrimSuffix(w, ".")
	return honorifics[w] || rankTitles[w]
}

// splitSurnamePlace splits a Latin-script person mention "X Y" whose last
// word Y the gazetteer knows as a country or first-level division and
// whose rest X the text names as a person elsewhere, alone or as the last
// word of a longer name: a headline runs a surname into a place (Lebed
// Chechnya peace plan, after Alexander Lebed). Michael Jordan, whose
// Michael is no surname found elsewhere, stays whole.
func splitSurnamePlace(text string, ms []Mention) []Mention {
	var out []Mention
	var surnames map[string]bool
	for i, m := range ms {
		s := text[m.Start:m.End]
		sp := strings.LastIndexByte(s, ' ')
		if m.Type != PER || sp <= 0 || !latinName(s) || !countryOrRegion(s[sp+1:]) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if surnames == nil {
			surnames = map[string]bool{}
			for _, x := range ms {
				if x.Type == PER {
					xs := text[x.Start:x.End]
					surnames[xs[strings.LastIndexByte(xs, ' ')+1:]] = true
				}
			}
		}
		head := strings.TrimRight(s[:sp], " ")
		if !surnames[head] {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		out = splitAt(out, ms, i,
			Mention{Start: m.Start, End: m.Start + len(head), Type: PER, Language: m.Language},
			Mention{Start: m.Start + sp + 1, End: m.End, Type: LOC, Language: m.Language})
	}
	if out == nil {
		return ms
	}
	return out
}

// fixPlaceEdges keeps an abbreviation's full stop, drops a full name's
// trailing one and a leading "The" (see geoRules).
func fixPlaceEdges(text string, m *Mention) {
	g := gazetteer()
	s := text[m.Start:m.End]
	switch {
	case m.End < len(text) && text[m.End] == '.' && len(s) <= 4 && !strings.Contains(s, ".") && !allCaps(s):
		if k, ok := g.KindOf(s + "."); ok && k == geo.Admin1 {
			m.End++
		}
	case strings.HasSuffix(s, ".") || strings.HasSuffix(s, "”") || strings.HasSuffix(s, "\""):
		bare := strings.TrimRight(s, ".”\"")
		if len(bare) >= 4 && !strings.Contains(bare, ".") && wellKnownPlace(bare) {
			if c, ok := g.Lookup(bare); ok && strings.EqualFold(c[0].Name, bare) {
				m.End = m.Start + len(bare) // Iowa. → Iowa, but Calif. stays
			}
		}
	}
	if rest, ok := strings.CutPrefix(text[m.Start:m.End], "The "); ok && latinName(rest) {
		full, ok := g.Lookup(text[m.Start:m.End])
		if _, bare := g.KindOf(rest); bare && (!ok || !strings.HasPrefix(full[0].Name, "The ")) {
			m.Start += 4 // The UK, but The Hague
		}
	}
}

// promotePlaces adds untagged well-known places (see geoRules).
func promotePlaces(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	var add []Mention
	j := 0
	var words [geo.MaxWords]string
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.Kind != token.Word {
			continue
		}
		if !capWord(t) && !strings.Contains(t.Text, "-") {
			continue
		}
		for j < len(ms) && ms[j].End <= t.Start {
			j++
		}
		if j < len(ms) && ms[j].Start < t.End {
			k2 := k
			for k2+1 < len(toks) && toks[k2+1].Start < ms[j].End {
				k2++
			}
			k = k2
			continue
		}
		if k > 0 && capWord(toks[k-1]) && toks[k].Newlines == 0 && !initialFunctionWord(toks, k-1) {
			continue // inside a longer capitalized run
		}
		if strings.Contains(t.Text, "-") {
			add = hyphenPlaces(text, t, add, lang)
			continue
		}
		n := 0
		for n < len(words) && k+n < len(toks) && capWord(toks[k+n]) && (n == 0 || toks[k+n].Newlines == 0 && !officeTitle[toks[k+n].Text]) {
			if j < len(ms) && ms[j].Start < toks[k+n].End {
				break
			}
			words[n] = toks[k+n].Text
			n++
		}
		if n == 0 {
			continue
		}
		got, _ := gazetteer().LongestMatch(words[:n])
		if got != n {
			continue
		}
		start, end := t.Start, toks[k+n-1].End
		if !wellKnownPlace(text[start:end]) {
			continue
		}
		add = append(add, Mention{Start: start, End: end, Type: LOC, Language: lang})
		fixPlaceEdges(text, &add[len(add)-1])
		k += n - 1
	}
	return withAdded(ms, add)
}

// placeMajority makes the organizations whose whole text is a well-known
// place into places when the text has that name more often as a place than
// as an organization: "shows Edmonton remains among Canada's wealthiest"
// in an article that names Edmonton as a place throughout. A sports report
// that names its teams by their cities keeps them.
func placeMajority(text string, ms []Mention) []Mention {
	var n map[string][2]int
	for _, m := range ms {
		if m.Type != LOC && m.Type != ORG {
			continue
		}
		if n == nil {
			n = map[string][2]int{}
		}
		c := n[text[m.Start:m.End]]
		if m.Type == LOC {
			c[0]++
		} else {
			c[1]++
		}
		n[text[m.Start:m.End]] = c
	}
	for i := range ms {
		m := &ms[i]
		if m.Type != ORG {
			continue
		}
		s := text[m.Start:m.End]
		if c := n[s]; c[0] > c[1] && wellKnownPlace(s) {
			m.Type = LOC
		}
	}
	return ms
}

// officeTitle holds the titles of office that stand between a place and a
// person's name: Calgary MLA Sandra Jansen, Aleppo Mayor Brita Hagi Hasan.
var officeTitle = map[string]bool{
	"Mayor": true, "Senator": true, "Sen.": true, "Governor": true, "Gov.": true,
	"MLA": true, "MP": true, "MPP": true, "Premier": true, "Sheriff": true,
	"Councillor": true, "Councilor": true, "Congressman": true, "Congresswoman": true,
	"Rep.": true, "Representative": true, "Alderman": true, "Commissioner": true,
	"President": true, "President-elect": true, "Minister": true, "Chancellor": true,
	"Ambassador": true, "Secretary": true, "Premier-designate": true,
}

// splitPlaceTitle splits a person or organization "<place> <title> <name>"
// into the place and the person: Texas Senator Ted Cruz is Texas and Ted
// Cruz. The place must be known to the gazetteer and take all the words
// before the title; the name must be one to four capitalized words. One to
// three capitalized words that are no place make an organization (Labour
// MP Barry Sheerman).
func splitPlaceTitle(text string, toks []token.Token, ms []Mention) []Mention {
	g := gazetteer()
	var out []Mention
	k := 0
	for i, m := range ms {
		for k < len(toks) && toks[k].End <= m.Start {
			k++
		}
		e := k
		for e < len(toks) && toks[e].Start < m.End {
			e++
		}
		done := false
		if (m.Type == PER || m.Type == ORG) && latinName(text[m.Start:m.End]) && e-k >= 3 {
			words := make([]string, 0, geo.MaxWords)
			for _, tk := range toks[k:min(e, k+geo.MaxWords)] {
				words = append(words, tk.Text)
			}
			n, _ := g.LongestMatch(words)
			for t := k + 1; n > 0 && t < e-1 && t-k <= n+2; t++ {
				if !officeTitle[toks[t].Text] {
					continue
				}
				if t < k+n || e-t-1 > 4 || !latinName(text[m.Start:toks[k+n-1].End]) {
					break
				}
				if !slices.ContainsFunc(toks[t+1:e], func(tk token.Token) bool { return !capWord(tk) }) {
					out = splitAt(out, ms, i,
						Mention{Start: m.Start, End: toks[k+n-1].End, Type: LOC, Language: m.Language},
						Mention{Start: toks[t+1].Start, End: m.End, Type: PER, Language: m.Language})
					done = true
				}
				break
			}
			// No place before the title: an organization (Labour MP Barry
			// Sheerman is Labour and Barry Sheerman).
			for t := k + 1; n == 0 && t < e-1 && t-k <= 3; t++ {
				if !officeTitle[toks[t].Text] {
					continue
				}
				if e-t-1 <= 4 && !slices.ContainsFunc(toks[k:e], func(tk token.Token) bool { return !capWord(tk) && !officeTitle[tk.Text] }) {
					out = splitAt(out, ms, i,
						Mention{Start: m.Start, End: toks[t-1].End, Type: ORG, Language: m.Language},
						Mention{Start: toks[t+1].Start, End: m.End, Type: PER, Language: m.Language})
					done = true
				}
				break
			}
		}
		if !done && out != nil {
			out = append(out, m)
		}
	}
	if out == nil {
		return ms
	}
	return out
}

// datelines makes the place of a news dateline a place: a line that
// starts with one to three capitalized words in upper case followed by a
// dash (DALLAS —, TORRINGTON –), where the words are a place name the
// gazetteer knows.
func datelines(text string, toks []token.Token, ms []Mention, lang language.Tag) []Mention {
	g := gazetteer()
	var add []Mention
	for k := 0; k < len(toks); k++ {
		if (k > 0 && toks[k].Newlines == 0) || !capWord(toks[k]) || !allCaps(toks[k].Text) {
			continue
		}
		n := 1
		for n < 3 && k+n < len(toks) && capWord(toks[k+n]) && allCaps(toks[k+n].Text) && toks[k+n].Newlines == 0 {
			n++
		}
		if k+n >= len(toks) || toks[k+n].Newlines > 0 || !isDash(toks[k+n].Text) {
			continue
		}
		if !sentenceFollows(toks[k+n+1:]) {
			continue // SOCCER - JAPAN GET LATE GOAL: a headline, no dateline
		}
		words := make([]string, n)
		for i := range n {
			words[i] = toks[k+i].Text
		}
		if got, _ := g.LongestMatch(words); got != n {
			continue
		}
		start, end := toks[k].Start, toks[k+n-1].End
		keep := ms[:0:0]
		for _, m := range ms {
			if m.End <= start || m.Start >= end {
				keep = append(keep, m)
			}
		}
		if len(keep) != len(ms) {
			ms = keep
		}
		add = append(add, Mention{Start: start, End: end, Type: LOC, Language: lang})
	}
	return withAdded(ms, add)
}

// isDash reports a hyphen, en dash or em dash (or two hyphens).
func isDash(s string) bool {
	switch s {
	case "-", "--", "–", "—":
		return true
	}
	return false
}

// sentenceFollows reports whether a lower-case word comes among the next
// eight tokens of the line that starts toks.
func sentenceFollows(toks []token.Token) bool {
	for i, t := range toks {
		if i == 8 || (i > 0 && t.Newlines > 0) {
			return false
		}
		if t.Kind == token.Word {
			if r, _ := runes.Decode(t.Text); runes.IsLower(r) {
				return true
			}
		}
	}
	return false
}

// speechVerb holds the verbs of saying that mark their subject or object
// as a person: "Brent told CTV", "said Georgia".
var speechVerb = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "asked": true,
	"explained": true, "wrote": true, "noted": true, "recalled": true, "admits": true,
	"admitted": true, "insisted": true, "replied": true,
}

// speaker reports whether the mention that starts at token k and ends at
// byte end is next to a verb of saying.
func speaker(toks []token.Token, k, end int) bool {
	if k > 0 && speechVerb[toks[k-1].Text] {
		return true
	}
	for j := k; j < len(toks); j++ {
		if toks[j].Start >= end {
			return speechVerb[toks[j].Text]
		}
	}
	return false
}

// hyphenPlaces adds the well-known places inside an untagged hyphenated
// word whose other parts are lower-case words or places too: London-based,
// Canada-wide, made-in-China, Russia-Turkey. Jean-Pierre and Coca-Cola
// give nothing.
func hyphenPlaces(text string, t token.Token, add []Mention, lang language.Tag) []Mention {
	parts := strings.Split(t.Text, "-")
	if len(parts) < 2 || len(parts) > 4 {
		return add
	}
	n := len(add)
	off := t.Start
	for _, p := range parts {
		switch {
		case p == "":
			return add[:n]
		case latinName(p) && wellKnownPlace(p):
			add = append(add, Mention{Start: off, End: off + len(p), Type: LOC, Language: lang})
		case !latinName(p) && runes.Lower(p) == p:
		default:
			return add[:n]
		}
		off += len(p) + 1
	}
	return add
}

// functionWord holds words that start sentences and headlines in capitals
// without being part of a name: "Why US fears …".
var functionWord = map[string]bool{
	"is": true, "why": true, "how": true, "what": true, "the": true, "in": true, "on": true,
	"at": true, "for": true, "but": true, "and": true, "as": true, "if": true, "when": true,
	"where": true, "who": true, "does": true, "did": true, "can": true, "will": true,
	"from": true, "to": true, "with": true, "after": true, "before": true, "a": true, "an": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "this": true, "that": true,
	"these": true, "those": true, "some": true, "many": true,
}

// initialFunctionWord reports whether toks[k] is a function word that
// starts a line or sentence.
func initialFunctionWord(toks []token.Token, k int) bool {
	if !functionWord[runes.Lower(toks[k].Text)] {
		return false
	}
	return k == 0 || toks[k].Newlines > 0 || toks[k-1].Text == "." || toks[k-1].Text == "!" || toks[k-1].Text == "?"
}
