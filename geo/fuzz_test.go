package geo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

var fuzzSeeds = []string{
	"", " ", "Almaty", "Павлодаре", "Қарағанды облысының", "Карагандинской области", "Pavlodar Region",
	"U.S.", "São Paulo", "город Алматы", "\xff\xfe", "Ал\x00маты", "AlмаtyАлматы", "облысы", "'s", "...",
	strings.Repeat("Астана ", 40), strings.Repeat("а", 1000),
}

func FuzzLookup(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	g, err := NewGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string) {
		cands, ok := g.Lookup(name)
		if ok != (len(cands) > 0) {
			t.Fatalf("Lookup(%q): ok %v with %d candidates", name, ok, len(cands))
		}
		// KindOf leaves out names that only hamlets bear: its answer is
		// the kind of the first candidate that is no hamlet.
		var want Kind
		for _, id := range g.t.lookup(name, nil) {
			if !g.t.hamlet(id) {
				want = g.t.kind(id)
				break
			}
		}
		if k, kok := g.KindOf(name); kok != (want != "") || k != want {
			t.Fatalf("KindOf(%q) = %q, %v; want %q (Lookup gives %v)", name, k, kok, want, cands)
		}
		for _, c := range cands {
			if c.Name == "" || c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 {
				t.Fatalf("Lookup(%q): bad place %+v", name, c)
			}
		}
		if cc, ok := g.Demonym(name); ok && len(cc) != 2 {
			t.Fatalf("Demonym(%q) = %q", name, cc)
		}
	})
}

func FuzzResolve(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("In "+s+" and Astana.", 3, 3+len(s))
	}
	f.Add("", 0, 0)
	f.Add("abc", -5, 99)
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		var tops []Toponym
		if 0 <= start && start <= end && end <= len(text) {
			tops = append(tops, Toponym{Start: start, End: end, Text: text[start:end]})
		} else {
			tops = append(tops, Toponym{Start: start, End: end, Text: text})
		}
		if i := strings.Index(text, "Astana"); i >= 0 {
			tops = append(tops, Toponym{Start: i, End: i + 6, Text: "Astana"})
		}
		for _, lang := range []language.Tag{language.Und, language.Russian} {
			res := r.Resolve(text, tops, lang)
			if len(res) != len(tops) {
				t.Fatalf("Resolve: %d results for %d toponyms", len(res), len(tops))
			}
			for i, x := range res {
				if x.Toponym != tops[i] {
					t.Fatalf("Resolve changed toponym %+v to %+v", tops[i], x.Toponym)
				}
				if x.Resolved != (x.Place.Name != "") || x.Resolved && !utf8.ValidString(x.Place.Name) {
					t.Fatalf("Resolve(%q): inconsistent %+v", x.Text, x)
				}
			}
		}
	})
}
