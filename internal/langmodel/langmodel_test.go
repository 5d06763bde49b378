package langmodel

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestKeysKinds(t *testing.T) {
	var x Extractor
	keys := x.Keys("Ab, c")
	// "ab": word; padded " ab ": 1-grams a b; 2-grams " a" "ab" "b "; 3-grams " ab" "ab "; 4-gram " ab ".
	// "c": word; padded " c ": 1-gram c; 2-grams " c" "c "; 3-gram " c ".
	var n [NumKinds]int
	for _, k := range keys {
		n[Kind(k)]++
	}
	want := [NumKinds]int{0, 3, 5, 3, 1, 0, 2}
	if n != want {
		t.Errorf("Keys(\"Ab, c\") kinds = %v; want %v", n, want)
	}
	if x.Words != 2 || x.Scripts[ScriptLatin] != 3 {
		t.Errorf("Words = %d, Latin runes = %d; want 2, 3", x.Words, x.Scripts[ScriptLatin])
	}
}

func TestKeysFolding(t *testing.T) {
	var x Extractor
	same := [][2]string{
		{"М'ЯСО", "м’ясо"},   // case, apostrophe forms
		{"oʻzbek", "o'zbek"}, // Uzbek modifier letter
		{"Сенат  вернул", "сенат\tвернул"},
		{"abc\xffdef", "abc def"}, // invalid UTF-8 separates words
		{"İstanbul", "istanbul"},
	}
	for _, p := range same {
		a := slices.Clone(x.Keys(p[0]))
		b := x.Keys(p[1])
		if !slices.Equal(a, b) {
			t.Errorf("Keys(%q) != Keys(%q)", p[0], p[1])
		}
	}
	if len(x.Keys("'' 123 -- !!")) != 0 {
		t.Errorf("Keys of no letters = %v; want none", x.Keys("'' 123 -- !!"))
	}
	if a, b := slices.Clone(x.Keys("don't")), x.Keys("don t"); slices.Equal(a, b) {
		t.Errorf("an apostrophe inside a word should not split it")
	}
}

func TestKeysAppend(t *testing.T) {
	var x Extractor
	whole := slices.Clone(x.Keys("alpha beta gamma"))
	x.Reset()
	x.Append("alpha")
	x.Append("beta")
	parts := x.Append("gamma")
	if !slices.Equal(whole, parts) {
		t.Errorf("Append by words differs from Keys of the whole text")
	}
}

func TestHugeWord(t *testing.T) {
	var x Extractor
	keys := x.Keys(strings.Repeat("ж", 1<<20))
	if len(keys) > 5*maxNgramWord {
		t.Errorf("Keys(1M-rune word) = %d keys; want at most %d", len(keys), 5*maxNgramWord)
	}
}

func TestDominant(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string
	}{
		{"hello мир мир", "Cyrl"}, {"東京", "Hani"}, {"東京へ行く", "Jpan"}, {"한국어", "Hang"}, {"123", "Zyyy"},
		{"ελληνικά", "Grek"}, {"ሰላም", "Zzzz"},
	} {
		var x Extractor
		x.Keys(tt.text)
		if got := Scripts[Dominant(&x.Scripts)]; got != tt.want {
			t.Errorf("Dominant(%q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}

func tinyModel(t testing.TB) *Model {
	t.Helper()
	classes := []Class{{"en", "Latn"}, {"de", "Latn"}, {"ru", "Cyrl"}}
	texts := []string{
		"the cat sat on the mat and the dog lay by the door",
		"die katze sass auf der matte und der hund lag an der tuer",
		"кошка сидела на коврике а собака лежала у двери",
	}
	counts := make([]map[uint32]uint32, len(classes))
	var x Extractor
	for c, text := range texts {
		counts[c] = map[uint32]uint32{}
		for _, k := range x.Keys(text) {
			counts[c][k]++
		}
	}
	p := Params{Step: 1.0 / 16, SharedFloor: true, Header: "test"}
	for k := 1; k < NumKinds; k++ {
		p.Alpha[k], p.Weight[k] = 0.1, 100
	}
	m, err := Build(classes, counts, p)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func classify(m *Model, text string) string {
	var x Extractor
	keys := x.Keys(text)
	mask := make([]bool, len(m.Classes))
	if !m.Mask(Dominant(&x.Scripts), nil, mask) {
		return ""
	}
	s := m.NewScorer()
	m.Add(s, keys)
	scores := make([]float64, len(m.Classes))
	m.Scores(s, mask, scores)
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return m.Classes[best].Tag
}

func TestBuildRoundTrip(t *testing.T) {
	m := tinyModel(t)
	for text, want := range map[string]string{"the dog and the cat": "en", "der hund und die katze": "de", "собака и кошка": "ru"} {
		if got := classify(m, text); got != want {
			t.Errorf("classify(%q) = %s; want %s", text, got, want)
		}
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Fatal("Decode(MarshalBinary(m)) encodes differently")
	}
	var x Extractor
	for _, k := range x.Keys("the cat sat") {
		if !slices.Equal(m.Lookup(k), m2.Lookup(k)) {
			t.Fatalf("Lookup(%x) differs after round trip", k)
		}
	}
	if m2.Header != "test" || !slices.Equal(m2.Classes, m.Classes) || m2.Weight != m.Weight {
		t.Errorf("decoded header %q classes %v weights %v; want %q %v %v", m2.Header, m2.Classes, m2.Weight, m.Header, m.Classes, m.Weight)
	}
	if k, e := m2.Size(); k == 0 || e < k {
		t.Errorf("Size() = %d keys, %d entries", k, e)
	}
}

func TestScoresMask(t *testing.T) {
	m := tinyModel(t)
	s := m.NewScorer()
	var x Extractor
	m.Add(s, x.Keys("the cat"))
	scores := make([]float64, 3)
	m.Scores(s, []bool{true, false, true}, scores)
	if !math.IsInf(scores[1], -1) || math.IsInf(scores[0], 0) {
		t.Errorf("Scores with mask = %v; want -Inf only for the masked-out class", scores)
	}
}

func FuzzDecode(f *testing.F) {
	b, err := tinyModel(f).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(Magic))
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		var x Extractor
		s := m.NewScorer()
		m.Add(s, x.Keys("the cat sat on кошка"))
		m.Scores(s, nil, make([]float64, len(m.Classes)))
	})
}

func FuzzKeys(f *testing.F) {
	for _, s := range []string{"", "a", "М'ЯСО", "\xff\xfe", "oʻzbek", "日本語", "a'", "'a", "a''b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var x Extractor
		keys := x.Keys(text)
		for _, k := range keys {
			if kind := Kind(k); kind < 1 || kind > KindWord || kind == MaxOrder+1 && kind != KindWord {
				t.Fatalf("Keys(%q): key %x of kind %d", text, k, kind)
			}
		}
		if len(keys) > 6*len(text)+6 {
			t.Fatalf("Keys(%q) = %d keys for %d bytes", text, len(keys), len(text))
		}
	})
}

func BenchmarkKeys(b *testing.B) {
	text := "Belarus Seeks Stronger Military Cooperation with Kazakhstan. Сенат вернул проект трехлетнего бюджета в Мажилис."
	var x Extractor
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Keys(text)
	}
}

func BenchmarkAdd(b *testing.B) {
	m := tinyModel(b)
	var x Extractor
	keys := slices.Clone(x.Keys("the cat sat on the mat and the dog lay by the door"))
	s := m.NewScorer()
	b.ReportAllocs()
	for b.Loop() {
		s.Reset()
		m.Add(s, keys)
	}
}
