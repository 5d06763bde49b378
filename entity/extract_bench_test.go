package entity

import (
	"os"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
	"golang.org/x/text/language"
)

// benchTexts returns the English article and the Russian headlines of the
// seed page.
func benchTexts(b *testing.B) (en, ru string) {
	raw, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		b.Skip(err)
	}
	for _, s := range segments(string(raw)) {
		if s.lang == language.English && len(s.text) > len(en) {
			en = s.text
		}
		if s.lang == language.Russian && len(s.text) > len(ru) {
			ru = s.text
		}
	}
	return en, ru
}

func BenchmarkExtract(b *testing.B) {
	en, ru := benchTexts(b)
	tg := tagger(b)
	for _, c := range []struct {
		name string
		text string
		lang language.Tag
	}{
		{"en/headline", strings.SplitN(en, "\n", 2)[0], language.English},
		{"en/article", en, language.English},
		{"en/long", strings.Repeat(en+"\n\n", 20), language.English},
		{"ru/headlines", ru, language.Russian},
		{"ru/long", strings.Repeat(ru+"\n\n", 20), language.Russian},
	} {
		b.Run(c.name, func(b *testing.B) {
			tg.Extract(c.text, c.lang) // decode the model outside the timed loop
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				tg.Extract(c.text, c.lang)
			}
		})
	}
}

// BenchmarkProse is the English baseline: prose v2's entity extraction on
// the same article, its model reused across documents.
func BenchmarkProse(b *testing.B) {
	en, _ := benchTexts(b)
	model := prose.ModelFromData("default") // decoded once, reused
	b.ReportAllocs()
	b.SetBytes(int64(len(en)))
	for b.Loop() {
		doc, err := prose.NewDocument(en, prose.UsingModel(model), prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Entities()
	}
}

// BenchmarkNew measures a cold start: decoding every built-in model.
func BenchmarkNew(b *testing.B) {
	data := map[string][]byte{}
	for _, l := range []string{"en", "ru", "kk", "uk"} {
		d, err := builtin.ReadFile("models/" + l + ".bin")
		if err != nil {
			b.Fatal(err)
		}
		data[l] = d
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range data {
			if _, err := decodeModel(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestLoadAllModels(t *testing.T) {
	for _, l := range []string{"en", "ru", "kk", "uk"} {
		d, err := builtin.ReadFile("models/" + l + ".bin")
		if err != nil {
			t.Fatal(err)
		}
		m, err := decodeModel(d)
		if err != nil {
			t.Fatalf("model %s: %v", l, err)
		}
		if e := m.Score([]uint32{1, 2, 3}, []int32{0, 1, 3}, nil); len(e) != 2 {
			t.Errorf("model %s: Score gave %d rows; want 2", l, len(e))
		}
		if m.Bits < 16 || m.Bits > 22 {
			t.Errorf("model %s: %d bits", l, m.Bits)
		}
	}
}
