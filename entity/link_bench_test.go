package entity

import (
	"testing"

	"golang.org/x/text/language"
)

func BenchmarkLinkSeed(b *testing.B) {
	text := readSeed(b)
	ms := seedMentions(b, text)
	l, err := NewLinker()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		l.Link(text, ms)
	}
}

func BenchmarkCanonical(b *testing.B) {
	for _, c := range []struct {
		name, text string
		typ        Type
		lang       language.Tag
	}{
		{"ru-person", "Виктором Хрениным", PER, language.Russian},
		{"ru-org", "Министерстве сельского хозяйства", ORG, language.Russian},
		{"kk-place", "Павлодар облысында", LOC, language.Kazakh},
		{"en", "Kazakhstan's", LOC, language.English},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				Canonical(c.text, c.typ, c.lang)
			}
		})
	}
}

func BenchmarkNewLinker(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewLinker(WithKnowledge(Knowledge{ID: "x/y", Name: "Y", Type: ORG})); err != nil {
			b.Fatal(err)
		}
	}
}
