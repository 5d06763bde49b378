package entity

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// lowerCyrWord reports a token that is a lower-case Cyrillic word.
func lowerCyrWord(t token.Token) bool {
	r, _ := runes.Decode(t.Text)
	return t.Kind == token.Word && unicode.Is(unicode.Cyrillic, r) && runes.IsLower(r)
}

// ruAdjective reports a Russian word with an adjective's ending
// (продовольственной, торговую, экономического).
func ruAdjective(w string) bool {
	if runes.Count(w) < 5 {
		return false
	}
	for _, e := range []string{"ой", "ая", "ую", "ое", "ые", "ых", "ым", "ыми", "ого", "ому", "ий", "ый", "ие", "их", "им", "ими", "ей", "ее", "яя", "юю"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// adjectiveOrgs completes an organization mention that is one capitalized
// adjective with the lower-case adjectives and the noun of an
// organization ([orgHeadNoun]) after it
// (Всемирной продовольственной и сельскохозяйственной организации,
// Всемирную торговую организацию): no organization is named by an
// adjective alone, and both corpora mark the whole name.
func adjectiveOrgs(toks []token.Token, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		k := tokenAt(toks, m.Start)
		if m.Type != ORG || k < 0 || toks[k].End != m.End || !cyrCapital(toks[k].Text) || !ruAdjective(toks[k].Text) {
			continue
		}
		end := -1
		for j := k + 1; j < len(toks) && j <= k+5 && toks[j].Newlines == 0 && lowerCyrWord(toks[j]); j++ {
			if i+1 < len(ms) && ms[i+1].Start < toks[j].End {
				break
			}
			w := toks[j].Text
			if w == "и" {
				continue
			}
			if ruStopWords[w] || verbLike(w) {
				break
			}
			if !ruAdjective(w) {
				if orgHeadNoun(w) {
					end = j // the noun
				}
				break
			}
		}
		if end > k && toks[end-1].Text != "и" {
			m.End = toks[end].End
		}
	}
	return ms
}

// orgHeadNoun reports a lower-case noun that heads an organization's name:
// a word of [ruOrgHeads] or [ruInstitutions], or лига or церковь.
func orgHeadNoun(w string) bool {
	if isRuOrgHead(w) || isInstitution(w) {
		return true
	}
	for _, h := range []string{"лиг", "церк", "церков"} {
		if rest, ok := foldPrefix(w, h); ok && rest <= 2 {
			return true
		}
	}
	return false
}

// fieldLists extends an organization mention with a field (a по-phrase:
// Комитета по вопросам семьи) over the rest of the field's list, commas
// and a closing и included, when the list is lower-case words only
// (семьи, женщин и детей; связи, информационных технологий и массовых
// коммуникаций): the corpora mark the whole list as part of the name. A
// list that is not closed by и within three items is left alone: a comma
// may as well end the name.
func fieldLists(text string, toks []token.Token, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != ORG || !strings.Contains(m.textIn(text), " по ") {
			continue
		}
		k := sort.Search(len(toks), func(j int) bool { return toks[j].Start >= m.End })
		if k <= 0 || !lowerCyrWord(toks[k-1]) {
			continue
		}
		end, closed := -1, false
		j := k
		for items := 0; items < 4 && j+1 < len(toks) && !closed; items++ {
			sep := toks[j].Text
			if sep != "," && sep != "и" || toks[j+1].Newlines > 0 {
				break
			}
			closed = sep == "и"
			// One item: one to three lower-case words.
			n := 0
			for j++; j < len(toks) && n < 3 && lowerCyrWord(toks[j]) && toks[j].Newlines == 0 && !ruStopWords[toks[j].Text] &&
				toks[j].Text != "и" && !verbLike(toks[j].Text) && !(i+1 < len(ms) && ms[i+1].Start < toks[j].End); j++ {
				n++
			}
			if n == 0 || j < len(toks) && lowerCyrWord(toks[j]) && toks[j].Text != "и" && !ruStopWords[toks[j].Text] && !verbLike(toks[j].Text) {
				// The item goes on beyond three words: not a list of the field.
				closed = false
				break
			}
			end = j - 1
		}
		if closed && end >= k {
			m.End = toks[end].End
		}
	}
	return ms
}

// ruSourceWords are the words after which a quoted name is the source of a
// report, a newspaper, agency or channel (сообщает «Новый регион»,
// рассказал «Коммерсанту», в интервью «Свободной прессе», по данным
// «Интерфакса»): both corpora mark the name as an organization. A noun
// for the kind of medium before the quote (газета «Труд») is left to the
// model: factRuEval marks it as part of the name, NEREL does not.
var ruSourceWords = map[string]bool{"сообщает": true, "сообщил": true, "сообщила": true, "сообщили": true,
	"сообщило": true, "пишет": true, "писала": true, "передает": true, "передаёт": true, "передал": true,
	"передала": true, "цитирует": true, "рассказал": true, "рассказала": true, "рассказали": true,
	"заявил": true, "заявила": true, "заявили": true, "интервью": true, "данным": true, "сведениям": true,
	"отмечает": true, "уточняет": true, "утверждает": true, "информирует": true}

// reportSources makes a quoted name right after a word of [ruSourceWords]
// an organization mention: one to four words, the first capitalized, no
// verb among the lower-case ones, and no sentence mark inside (a quoted
// sentence is speech, not a source). A mention inside the quotes of
// another type or shorter than the name is replaced.
func reportSources(text string, toks []token.Token, ms []Mention) []Mention {
	var add []Mention
	for i := 1; i+2 < len(toks); i++ {
		q := toks[i]
		if !openQuote(q.Text) || !ruSourceWords[runes.Lower(toks[i-1].Text)] || q.Newlines > 0 {
			continue
		}
		if k := mentionAt(ms, toks[i-1]); k >= 0 {
			continue
		}
		first := toks[i+1]
		if first.Kind != token.Word || !isCapital(first.Text) || first.Start != q.End {
			continue
		}
		end, words, ok := -1, 0, true
		for j := i + 1; j < len(toks) && j <= i+8 && toks[j].Newlines == 0; j++ {
			t := toks[j]
			if closeQuoteOf(q.Text, t.Text) {
				end = j - 1
				break
			}
			switch {
			case t.Kind == token.Word:
				words++
				if lowerCyrWord(t) && verbLike(t.Text) {
					ok = false
				}
			case t.Text == "—" || t.Text == "-" || t.Text == "." && j+1 < len(toks) && toks[j+1].Start == t.End:
				// Новый Регион — Екатеринбург, Gzt.Ru
			default:
				ok = false
			}
		}
		if !ok || end < i+1 || words > 4 || toks[end+1].Start != toks[end].End {
			continue
		}
		a, b := first.Start, toks[end].End
		// What the tagger found inside.
		covered := false
		for _, m := range ms {
			if m.Start < b && m.End > a {
				covered = covered || m.Type == ORG && m.Start <= a && m.End >= b
			}
		}
		if covered {
			continue
		}
		add = append(add, Mention{Start: a, End: b, Type: ORG})
	}
	if len(add) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		keep := true
		for _, n := range add {
			if m.Start < n.End && m.End > n.Start {
				keep = false
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	out = append(out, add...)
	sortByStart(out)
	return out
}

// ruDomainTLDs are the top-level domains of the addresses that Russian news
// text names.
var ruDomainTLDs = map[string]bool{"com": true, "ru": true, "org": true, "net": true, "tv": true, "ua": true,
	"рф": true, "info": true, "uk": true, "de": true, "fm": true, "io": true, "kz": true, "by": true, "su": true,
	"me": true, "us": true, "co": true, "il": true}

// lowerDomain reports a text that is a web address written in lower case
// (change.org, rt.com, mos.ru, стопкоронавирус.рф).
func lowerDomain(s string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || !ruDomainTLDs[s[dot+1:]] || strings.ContainsAny(s, " \t\n") {
		return false
	}
	r, _ := runes.Decode(s)
	return runes.IsLower(r) || unicode.IsDigit(r)
}

// addressOrgs drops an organization mention that is a lower-case web
// address (петиция на change.org, на сайте gosuslugi.ru): NEREL and BSNLP
// mark a site as no organization, factRuEval only as a descriptor's name
// (сайте Roem.ru). An address named as the source of a report stays
// (сообщает baltinfo.ru, рассказала bbcrussian.com).
func addressOrgs(text string, toks []token.Token, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.Type == ORG && lowerDomain(m.textIn(text)) {
			k := tokenAt(toks, m.Start)
			if k > 0 && !ruSourceWords[runes.Lower(toks[k-1].Text)] && toks[k-1].Text != "собеседника" {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// trimAdjectiveTails drops a lower-case adjective in -ого or -его that
// ends an organization mention (Правительство действующего, Магистратский
// суд лондонского): such a word begins the phrase after the name
// (действующего премьер-министра, лондонского района), and neither corpus
// ends a name with it.
func trimAdjectiveTails(text string, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != ORG {
			continue
		}
		for {
			s := m.textIn(text)
			sp := strings.LastIndexByte(s, ' ')
			if sp <= 0 {
				break
			}
			last := s[sp+1:]
			r, _ := runes.Decode(last)
			if !unicode.Is(unicode.Cyrillic, r) || !runes.IsLower(r) || runes.Count(last) < 6 ||
				!strings.HasSuffix(last, "ого") && !strings.HasSuffix(last, "его") {
				break
			}
			m.End = m.Start + len(strings.TrimRight(s[:sp], " "))
		}
	}
	return ms
}

// ruCommonAcronyms are Russian acronyms of common nouns (СМИ, the media;
// ДТП, a road accident; ЧП, an emergency; ПАО, a joint-stock company or a
// spacecraft's module): none of the corpora marks one alone as an
// organization. СИЗО (NEREL marks a named jail), МКС (factRuEval: a
// place) and the acronyms of power plants are not listed.
var ruCommonAcronyms = map[string]bool{"СМИ": true, "ДТП": true, "УК": true, "ЧМ": true, "ЧП": true, "ЧС": true,
	"ЖКХ": true, "НКО": true, "ВУЗ": true, "КПП": true, "ПЦР": true, "ТРЦ": true, "ТЦ": true, "ВВП": true,
	"КоАП": true, "ИВЛ": true, "ПАО": true, "ВИЧ": true, "СПИД": true, "ЕГЭ": true, "НДС": true}

// commonAcronyms drops an organization mention that is an acronym of
// [ruCommonAcronyms], with or without a case ending (ЧП, ДТП, СМИ).
func commonAcronyms(text string, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.Type == ORG {
			s := m.textIn(text)
			if ruCommonAcronyms[s] {
				continue
			}
			if i := strings.IndexFunc(s, runes.IsLower); i > 0 && runes.Count(s[i:]) <= 2 && ruCommonAcronyms[s[:i]] && s[:i] != "Ко" {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// ruNameParticles are the lower-case particles of foreign surnames written
// in Russian (фон Беттихер, де Ниро, ван Маарсен, фон дер Ляйен, да Силва).
var ruNameParticles = map[string]bool{"фон": true, "ван": true, "де": true, "ди": true, "да": true, "дель": true,
	"дер": true, "ден": true, "дос": true, "душ": true, "дю": true, "фан": true, "цу": true, "ла": true, "ле": true}

// joinParticles extends a Cyrillic person mention over the surname
// particles right before it (фон Беттихер, фон дер Ляйен), and joins it to
// the person mention before the particles (Жаклин ван Маарсен): NEREL and
// BSNLP keep the particle in the name. A particle alone before a word in
// no person mention (Тур де Франс) is left alone.
func joinParticles(text string, toks []token.Token, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		k := tokenAt(toks, m.Start)
		if m.Type != PER || k <= 0 || !cyrCapital(m.textIn(text)) {
			out = append(out, m)
			continue
		}
		j := k
		for j > 0 && k-j < 2 && ruNameParticles[toks[j-1].Text] && toks[j].Newlines == 0 && toks[j].Start == toks[j-1].End+1 {
			j--
		}
		if j == k || j > 0 && toks[j-1].Text == "-" {
			out = append(out, m)
			continue
		}
		m.Start = toks[j].Start
		if n := len(out); n > 0 && out[n-1].Type == PER && j > 0 && out[n-1].End == toks[j-1].End && toks[j].Start == toks[j-1].End+1 {
			out[n-1].End = m.End
			continue
		}
		out = append(out, m)
	}
	return out
}

// ruChambers are the second words of the names of parliaments' chambers.
var ruChambers = map[string]bool{"представителей": true, "общин": true, "лордов": true, "депутатов": true}

// chambers marks a chamber of a parliament in no mention, written in lower
// case as often as not (палаты представителей, палате общин), as an
// organization: NEREL, factRuEval and BSNLP mark it so either way.
func chambers(toks []token.Token, ms []Mention) []Mention {
	var add []Mention
	for i := 0; i+1 < len(toks); i++ {
		t, n := toks[i], toks[i+1]
		rest, ok := foldPrefix(t.Text, "палат")
		if !ok || rest > 2 || !ruChambers[n.Text] || n.Newlines > 0 || mentionAt(ms, t) >= 0 || mentionAt(ms, n) >= 0 {
			continue
		}
		add = append(add, Mention{Start: t.Start, End: n.End, Type: ORG})
		i++
	}
	return withAdded(ms, add)
}

// latinConnectors are the lower-case words that join the capitalized words
// of a Latin-script name (Committee to Protect Journalists, Harles und
// Jentzsch, Corriere della Sera).
var latinConnectors = map[string]bool{"of": true, "to": true, "the": true, "and": true, "for": true, "on": true,
	"und": true, "der": true, "de": true, "del": true, "della": true, "di": true, "des": true, "du": true,
	"la": true, "le": true, "&": true}

// latinWord reports a word token in Latin script: it starts with a Latin
// letter, or with digits and then one (3Com), and has no Cyrillic letter
// (PR-служба is a Russian word).
func latinWord(t token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	r, _ := runes.Decode(strings.TrimLeft(t.Text, "0123456789"))
	return r < 0x250 && unicode.IsLetter(r) && !strings.ContainsFunc(t.Text, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// lowerLatin reports a lower-case Latin-script word.
func lowerLatin(t token.Token) bool {
	r, _ := runes.Decode(t.Text)
	return latinWord(t) && runes.IsLower(r)
}

// lowerLatinNear reports whether the word nearest token i in direction
// dir, past at most two punctuation marks, is a lower-case Latin word
// (letter: Faisal Islam).
func lowerLatinNear(toks []token.Token, i, dir int) bool {
	for j, n := i+dir, 0; j >= 0 && j < len(toks) && n < 3; j, n = j+dir, n+1 {
		if toks[j].Kind == token.Word {
			return lowerLatin(toks[j])
		}
	}
	return false
}

// latinNames makes a Latin-script name inside Russian text one
// organization or event mention: in Cyrillic text a run of Latin words is
// one name (Global Cultural Project, Harles und Jentzsch, Business NZ),
// where the tagger, which has seen few of them, keeps only a part. A
// mention that ends or starts in a Latin word takes in the capitalized
// Latin words next to it on the same line, and the connectors of
// [latinConnectors] between them, and the mentions it reaches are merged
// into it; a name so grown that is headed by an event noun
// ([eventHeaded]: Corus Chess Tournament) is an event. A lower-case
// Cyrillic word right after a Latin name that ends the mention
// (Корпорация Philips всерьёз) is taken off.
func latinNames(text string, toks []token.Token, ms []Mention) []Mention {
	capital := func(j int) bool { return capWord(toks[j]) && latinWord(toks[j]) }
	joined := func(a, b int) bool {
		return toks[b].Newlines == 0 && toks[b].Start == toks[a].End+1 && text[toks[a].End] == ' '
	}
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Type != ORG && m.Type != EVENT {
			out = append(out, m)
			continue
		}
		a, b := tokenAt(toks, m.Start), sort.Search(len(toks), func(j int) bool { return toks[j].End >= m.End })
		if a < 0 || b >= len(toks) || toks[b].End != m.End {
			out = append(out, m)
			continue
		}
		if b > a && lowerCyrWord(toks[b]) && latinWord(toks[b-1]) && !strings.ContainsAny(m.textIn(text), "«\"„") {
			b--
			m.End = toks[b].End
		}
		// Another type's mention of two or more words stops the name
		// (Anti-Defamation League CEO Jonathan Greenblatt); one word of
		// another type is a piece of it the tagger mistook (Global Cultural
		// Project).
		free := func(j int) bool {
			for _, x := range ms {
				if x.Type != m.Type && x.Start < toks[j].End && toks[j].Start < x.End && strings.Contains(x.textIn(text), " ") {
					return false
				}
			}
			return true
		}
		a0, b0 := a, b
		if latinWord(toks[b]) {
			for j := b + 1; j < len(toks) && joined(j-1, j); j++ {
				if latinConnectors[toks[j].Text] && j+1 < len(toks) && joined(j, j+1) && capital(j+1) && free(j+1) {
					j++
				} else if !capital(j) || !free(j) {
					break
				}
				b = j
			}
		}
		if latinWord(toks[a]) {
			for j := a - 1; j >= 0 && joined(j, j+1) && capital(j) && free(j); j-- {
				a = j
			}
		}
		// A run inside Latin-script text is a phrase of it, not a name in
		// Russian text (Twitter Here is PM's, AFP Image caption).
		if (a < a0 || b > b0) && (lowerLatinNear(toks, a, -1) || lowerLatinNear(toks, b, +1)) {
			a, b = a0, b0
		}
		// Mentions already out that the name now reaches are merged into it
		// (the name is left as it was if one starts inside a token).
		keep := len(out)
		for keep > 0 && out[keep-1].End > toks[a].Start {
			if out[keep-1].Start < toks[a].Start {
				k := tokenAt(toks, out[keep-1].Start)
				if k < 0 {
					a, b, keep = a0, b0, len(out)
					break
				}
				a = k
			}
			keep--
		}
		out = out[:keep]
		grown := toks[a].Start < m.Start || toks[b].End > m.End
		m.Start, m.End = toks[a].Start, toks[b].End
		for i+1 < len(ms) && ms[i+1].Start < m.End {
			if ms[i+1].End > m.End {
				m.End = ms[i+1].End
			}
			i++
		}
		if grown && eventHeaded(m.textIn(text)) {
			m.Type = EVENT
		}
		out = append(out, m)
	}
	return out
}

// ruPlacePreps are prepositions after which a place is the place of the
// sentence, never part of an organization's name (Европейского Союза | для
// Сербии).
var ruPlacePreps = map[string]bool{"для": true, "у": true, "от": true, "к": true, "из": true, "до": true, "после": true}

// splitPrepPlace ends an organization mention before a preposition of
// [ruPlacePreps] that is followed by its last word, a place the gazetteer
// knows, and makes that word a place mention of its own. A name with a
// по-field keeps it (Департамент по выходу Британии из ЕС).
func splitPrepPlace(text string, toks []token.Token, ms []Mention) []Mention {
	var out []Mention
	for i, m := range ms {
		s := m.textIn(text)
		sp := strings.LastIndexByte(s, ' ')
		if m.Type != ORG || sp <= 0 {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		head := strings.TrimRight(s[:sp], " ")
		ps := strings.LastIndexByte(head, ' ')
		last := s[sp+1:]
		if ps <= 0 || !ruPlacePreps[head[ps+1:]] || !cyrCapital(last) || !seqtag.IsPlace(last) || strings.Contains(head, " по ") {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		out = splitAt(out, ms, i,
			Mention{Start: m.Start, End: m.Start + len(strings.TrimRight(head[:ps], " ")), Type: ORG, Language: m.Language},
			Mention{Start: m.Start + sp + 1, End: m.End, Type: LOC, Language: m.Language})
	}
	if out == nil {
		return ms
	}
	return out
}
