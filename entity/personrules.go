package entity

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/internal/runes"
)

// honorifics are courtesy titles that stand before a name but are not part of
// it (CoNLL, BSNLP and NEREL all leave them out): "Ms Hewitt" is Hewitt, and
// must link to Patricia Hewitt. Compared case-sensitively, with or without a
// final full stop.
var honorifics = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Mx": true, "Dr": true, "Prof": true,
	"г-н": true, "г-жа": true, "пан": true, "пані": true,
}

// rankTitles are English titles of rank and office that stand before a
// name and, as CoNLL and this library mark names, outside it (Sir Anthony
// Quayle, Cardinal Wolsey, Lieutenant-Colonel Max Marriner). King and
// Prince, which CoNLL marks both ways, are not listed.
var rankTitles = map[string]bool{
	"Sir": true, "Dame": true, "Cardinal": true, "Archbishop": true, "Bishop": true, "Queen": true, "Princess": true,
	"Emperor": true, "Sheikh": true, "General": true, "Lieutenant-General": true, "Major-General": true,
	"Colonel": true, "Lieutenant-Colonel": true, "Captain": true, "Admiral": true, "Senator": true, "Governor": true,
	"President": true, "Minister": true, "Chancellor": true, "Premier": true,
}

// trimHonorifics moves the start of a person mention past a leading
// courtesy title ([honorifics]) or title of rank ([rankTitles]) before a
// capitalized word; a mention that is nothing but a courtesy title is
// dropped.
func trimHonorifics(text string, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.Type == PER {
			for {
				s := text[m.Start:m.End]
				sp := strings.IndexByte(s, ' ')
				if sp < 0 {
					break
				}
				w := strings.TrimSuffix(s[:sp], ".")
				r, _ := runes.Decode(strings.TrimLeft(s[sp:], " "))
				if !honorifics[w] && !(rankTitles[w] && runes.IsUpper(r)) {
					break
				}
				m.Start += sp + 1
			}
			if honorifics[strings.TrimSuffix(text[m.Start:m.End], ".")] {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// monthSurnames are months that are also surnames (Theresa May, Brian May).
var monthSurnames = map[string]bool{"May": true, "June": true, "April": true, "August": true}

// extendMonthSurnames lets a person mention take in a following month name
// that is a surname here: "Theresa May said" — the tagger, which knows May as
// a month, stops at Theresa. The month word must follow after one space on
// the same line, start with a capital, and not be followed by a number (a
// date: "Theresa May 5" is not read as a name either way, so it is left).
func extendMonthSurnames(text string, ms []Mention) []Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != PER || m.End+1 >= len(text) || text[m.End] != ' ' || strings.ContainsRune(text[m.Start:m.End], ' ') {
			continue
		}
		if i+1 < len(ms) && ms[i+1].Start <= m.End+6 {
			continue // the next word is already a mention of its own
		}
		rest := text[m.End+1:]
		n := strings.IndexFunc(rest, func(r rune) bool { return !runes.IsLetter(r) })
		if n < 0 {
			n = len(rest)
		}
		if !monthSurnames[rest[:n]] {
			continue
		}
		after := strings.TrimLeft(rest[n:], " ")
		if r, _ := runes.Decode(after); unicode.IsDigit(r) {
			continue
		}
		m.End += 1 + n
	}
	return ms
}
