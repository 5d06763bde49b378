package entity

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"Виктором Хрениным", "Белоусовты", "Министерстве сельского хозяйства", "Нью-Йорке",
		"Тоқаевтың", "НАТО-ның", "Kazakhstan's", "ВАШИНГТОН", "А-", "-ова", "\xff\xfeабв", "ой ой-ой", "  "} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(3))
	}
	types := []Type{PER, ORG, LOC, EVENT}
	langs := []language.Tag{language.Russian, language.Ukrainian, language.Kazakh, language.English}
	f.Fuzz(func(t *testing.T, s string, sel uint8) {
		typ, lang := types[int(sel)%len(types)], langs[int(sel/4)%len(langs)]
		got := Canonical(s, typ, lang)
		if !utf8.ValidString(got) {
			t.Fatalf("Canonical(%q) = %q: invalid UTF-8", s, got)
		}
		if len(got) > 2*len(s)+16 {
			t.Fatalf("Canonical(%q) = %q: grew too much", s, got)
		}
		if strings.ContainsFunc(s, isAlnum) && !strings.ContainsFunc(got, isAlnum) {
			t.Fatalf("Canonical(%q) = %q: lost every letter", s, got)
		}
	})
}

func isAlnum(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func FuzzLink(f *testing.F) {
	f.Add("Виктор Хренин встретился с Хрениным. CSTO (ОДКБ)", 0, 12, 30, 40)
	f.Add("Collective Security Treaty Organization (CSTO)", 0, 39, 41, 45)
	f.Add("\xff\x00abc", -1, 2, 1, 1)
	l, err := NewLinker()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		mk := func(s, e int, typ Type) Mention {
			m := Mention{Start: s, End: e, Type: typ, Language: language.Russian}
			if s >= 0 && e <= len(text) && s <= e {
				m.Text = text[s:e]
			} else {
				m.Text = text
			}
			return m
		}
		ms := []Mention{mk(s1, e1, PER), mk(s2, e2, ORG), mk(s1, e2, LOC)}
		ents := l.Link(text, ms)
		n := 0
		ids := map[string]bool{}
		for _, e := range ents {
			n += len(e.Mentions)
			if e.Salience < 0 || e.Salience > 1 || e.ID == "" || ids[e.ID] || len(e.Forms) != len(e.Mentions) {
				t.Fatalf("bad entity %+v", e)
			}
			ids[e.ID] = true
			for i := 1; i < len(e.Mentions); i++ {
				if e.Mentions[i].Start < e.Mentions[i-1].Start {
					t.Fatalf("mentions not sorted: %+v", e.Mentions)
				}
			}
		}
		if n != len(ms) {
			t.Fatalf("entities hold %d of %d mentions", n, len(ms))
		}
	})
}
