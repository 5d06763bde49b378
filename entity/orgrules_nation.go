package entity

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// ruNationBodies are stems of Russian nouns of a state's bodies and teams
// that a place adjective before them names (британском правительстве,
// японского МИДа, российской сборной, американского министерства):
// NEREL, factRuEval (the adjective is its geo_adj part) and BSNLP mark the
// two words as one organization. The noun alone (правительство,
// полиция) is an organization in NEREL only, and власти, армия,
// полиция, спецслужбы, ведомство and делегация after an adjective are
// marked both ways; they are not listed.
// Each entry is a stem and the most runes an ending may add.
var ruNationBodies = []struct {
	stem string
	max  int
}{
	{"правительств", 4}, {"парламент", 3}, {"мид", 2}, {"министерств", 4}, {"сборн", 4},
	{"прокуратур", 3}, {"посольств", 4}, {"консульств", 4},
	{"минфин", 3}, {"минюст", 3}, {"минздрав", 3}, {"минобороны", 0}, {"генштаб", 3}, {"кабмин", 3},
	{"сенат", 3},
}

// nationBody reports a word of [ruNationBodies]; МИД must be written in
// capitals (мидия is a mussel), and сборник and сенатор are none.
func nationBody(w string) bool {
	for _, b := range ruNationBodies {
		rest, ok := foldPrefix(w, b.stem)
		if !ok || rest > b.max {
			continue
		}
		switch b.stem {
		case "мид":
			return strings.HasPrefix(w, "МИД")
		case "сборн":
			_, book := foldPrefix(w, "сборник")
			return !book
		case "сенат":
			_, person := foldPrefix(w, "сенатор")
			return !person
		}
		return true
	}
	return false
}

// ruAdjEndings are the case endings of Russian adjectives, longest first.
var ruAdjEndings = strings.Fields(`ими ого ому ий ым ом ая ой ую ое ие их ые ей`)

// ruNotPlaceAdjectives are stems in -ск and -цк of adjectives that name no
// place (городской, президентская, гражданская, мужская): they describe
// a body's level or kind.
var ruNotPlaceAdjectives = strings.Fields(`городск сельск президентск парламентск министерск гражданск
	юношеск детск мужск женск вражеск олимпийск медицинск депутатск губернаторск королевск
	царск княжеск епископск республиканск федеративн молодежн молодёжн дружеск отцовск
	материнск человеческ адмиральск генеральск офицерск солдатск`)

// nationAdjective reports a lower-case Russian adjective of a place in
// -ский or -цкий, any case form (британском, японского, немецкой): an
// adjective in -ческий (политический, греческий aside) or -истский
// (коммунистический, лейбористский) names a kind, and so do the words of
// [ruNotPlaceAdjectives].
func nationAdjective(w string) bool {
	if !strings.Contains(w, "ск") && !strings.Contains(w, "цк") {
		return false // most words stop here
	}
	r, _ := runes.Decode(w)
	if !unicode.Is(unicode.Cyrillic, r) || !runes.IsLower(r) || runes.Count(w) < 6 {
		return false
	}
	stem := ""
	for _, e := range ruAdjEndings {
		if s, ok := strings.CutSuffix(w, e); ok {
			stem = s
			break
		}
	}
	if !strings.HasSuffix(stem, "ск") && !strings.HasSuffix(stem, "цк") {
		return false
	}
	if strings.HasSuffix(stem, "ческ") && stem != "греческ" || strings.HasSuffix(stem, "истск") {
		return false
	}
	for _, x := range ruNotPlaceAdjectives {
		if strings.HasSuffix(stem, x) {
			return false
		}
	}
	return true
}

// nationBodies makes a place adjective ([nationAdjective]) and the body
// noun after it ([nationBody]) one organization mention: the noun's
// organization mention, if it has one that starts with it (МИДа,
// правительства Китая), takes the adjective in; a noun in no mention
// becomes one with the adjective. A one-word place mention of the
// adjective itself is dropped. A body named by ministry and field
// (министерства иностранных дел) keeps its field: up to two genitive words
// ([ruGenitiveWord]) after министерство are taken in.
func nationBodies(text string, toks []token.Token, ms []Mention) []Mention {
	changed := false
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if b.Newlines > 0 || text[a.End:b.Start] != " " || !nationAdjective(a.Text) || !nationBody(b.Text) {
			continue
		}
		// The mentions at the adjective and at the noun.
		ka, kb := -1, -1
		for k := range ms {
			if ms[k].Start < a.End && ms[k].End > a.Start {
				ka = k
			}
			if ms[k].Start < b.End && ms[k].End > b.Start {
				kb = k
			}
		}
		if ka >= 0 && (ka == kb || ms[ka].Type != LOC || ms[ka].Start != a.Start || ms[ka].End != a.End) {
			continue // the adjective is part of a longer name, or of this one
		}
		switch {
		case kb >= 0 && ms[kb].Type == ORG && ms[kb].Start == b.Start:
			ms[kb].Start = a.Start
		case kb < 0:
			end := i + 1
			if _, ok := foldPrefix(b.Text, "министерств"); ok {
				for j := i + 2; j < len(toks) && j <= i+3 && toks[j].Newlines == 0 && ruGenitiveWord(toks[j].Text) && !ruTimeWord[toks[j].Text]; j++ {
					if k := mentionAt(ms, toks[j]); k >= 0 {
						break
					}
					end = j
				}
			}
			ms = append(ms, Mention{Start: a.Start, End: toks[end].End, Type: ORG})
		default:
			continue
		}
		if ka >= 0 {
			ms[ka].End = ms[ka].Start // dropped below
		}
		changed = true
	}
	if !changed {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if m.End > m.Start {
			out = append(out, m)
		}
	}
	sortByStart(out)
	return out
}

// ruTimeWord are lower-case words of time that end like genitives.
var ruTimeWord = map[string]bool{"сегодня": true, "вчера": true, "завтра": true, "тогда": true, "всегда": true, "иногда": true}

// mentionAt returns the index of the mention that overlaps t, or -1.
func mentionAt(ms []Mention, t token.Token) int {
	for k := range ms {
		if ms[k].Start < t.End && ms[k].End > t.Start {
			return k
		}
	}
	return -1
}
