package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkNew measures a cold start: indexing the generated tables.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(placesTSV) + len(namesTSV)))
	for b.Loop() {
		decodeTables()
	}
}

func BenchmarkLookup(b *testing.B) {
	g, _ := NewGazetteer()
	for _, c := range []struct{ name, query string }{
		{"ascii-hit", "Kazakhstan"},
		{"mixed-case", "Almaty"},
		{"cyrillic-hit", "Павлодар"},
		{"ru-inflected", "Павлодарской области"},
		{"kk-inflected", "Қарағанды облысының"},
		{"miss", "Xyzzyville"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.query)))
			for b.Loop() {
				g.Lookup(c.query)
			}
		})
	}
}

func BenchmarkKindOf(b *testing.B) {
	g, _ := NewGazetteer()
	words := []string{"Almaty", "military", "Kazakhstan", "cooperation", "Belarus", "the", "Moscow", "Crimea"}
	b.ReportAllocs()
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, w := range words {
			g.KindOf(w)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed.txt"))
	if err != nil {
		b.Skip(err)
	}
	s := string(text)
	var tops []Toponym
	for _, n := range []string{"Almaty", "Kazakhstan", "Belarus", "Caspian", "Russia", "China", "Mongolia", "Kyrgyzstan",
		"Tajikistan", "Uzbekistan", "Moscow", "Ukraine", "Crimea", "Maryland", "Black Sea", "Eastern Europe", "Baltic States",
		"Жезказгане", "Карагандинской области", "Павлодарской области", "Петропавловска"} {
		for i := 0; ; {
			j := strings.Index(s[i:], n)
			if j < 0 {
				break
			}
			tops = append(tops, Toponym{Start: i + j, End: i + j + len(n), Text: n})
			i += j + len(n)
		}
	}
	r, _ := New()
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		r.Resolve(s, tops, language.English)
	}
}
