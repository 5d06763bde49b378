package langmodel

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shippedModel decodes the model of package lang.
func shippedModel(tb testing.TB) *Model {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "lang", "model.bin"))
	if err != nil {
		tb.Skip(err)
	}
	m, err := Decode(b)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestShippedRoundTrip checks that the shipped model, decoded with its
// dense rows, encodes to the same bytes.
func TestShippedRoundTrip(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "lang", "model.bin"))
	if err != nil {
		t.Skip(err)
	}
	m, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("shipped model: Decode then MarshalBinary gives %d bytes, not the %d read", len(b2), len(b))
	}
}

// entryScores scores keys the plain way, entry by entry through Lookup.
func entryScores(m *Model, keys []uint32) []float64 {
	acc := make([]int64, len(m.Classes))
	var cnt [NumKinds]int64
	for _, k := range keys {
		w := int64(m.Weight[Kind(k)])
		if w == 0 {
			continue
		}
		cnt[Kind(k)]++
		for _, e := range m.Lookup(k) {
			acc[e>>8] += w * int64(e&0xff)
		}
	}
	scores := make([]float64, len(m.Classes))
	for c := range scores {
		v := acc[c]
		for kind := 1; kind < NumKinds; kind++ {
			v -= int64(m.Weight[kind]) * cnt[kind] * int64(m.Floor[c][kind])
		}
		scores[c] = float64(v)*m.Step/100 + float64(m.Bias[c])*m.Step
	}
	return scores
}

// TestDenseRowsExact checks that Add with dense rows scores exactly as
// adding entry by entry, with Scores called between chunks or only at the
// end (when the 16-bit lanes must be emptied on the way).
func TestDenseRowsExact(t *testing.T) {
	for name, m := range map[string]*Model{"tiny": tinyModel(t), "shipped": shippedModel(t)} {
		if name == "shipped" && len(m.dense) == 0 {
			t.Errorf("shipped model: no dense rows")
		}
		texts := []string{
			"the cat sat on the mat",
			"Президент провёл совещание по вопросам развития транспортной инфраструктуры страны.",
			"Мемлекет басшысы елдің көлік инфрақұрылымын дамыту мәселелері жөнінде кеңес өткізді.",
			"Ελληνικά και 日本語のテキスト and English, Deutsch und Français: ça va? 한국어",
			strings.Repeat("The minister said that the new railway line would open next year. Eeee aaaa. ", 60),
		}
		s := m.NewScorer()
		var x Extractor
		got := make([]float64, len(m.Classes))
		for _, text := range texts {
			keys := x.Keys(text)
			want := entryScores(m, keys)
			for _, chunk := range []int{len(keys) + 1, 192, 7} {
				s.Reset()
				for i := 0; i < len(keys); i += chunk {
					m.Add(s, keys[i:min(len(keys), i+chunk)])
					if chunk < len(keys) {
						m.Scores(s, nil, got)
					}
				}
				m.Scores(s, nil, got)
				for c := range got {
					if got[c] != want[c] && !(math.IsInf(got[c], 0) && math.IsInf(want[c], 0)) {
						t.Fatalf("%s: %.40q in chunks of %d: class %d scores %v; entry by entry %v", name, text, chunk, c, got[c], want[c])
					}
				}
			}
		}
	}
}

// BenchmarkAddShipped adds the keys of one line of English and one of
// Russian news to a Scorer of the shipped model, with Scores after each
// 192 keys as package lang does.
func BenchmarkAddShipped(b *testing.B) {
	m := shippedModel(b)
	var x Extractor
	keys := slices.Clone(x.Keys("Kazakhstan's grain exports through the Caspian ports of Aktau and Kuryk rose by a third in the first half of the year, the ministry of agriculture said on Tuesday.\n" +
		"Министр энергетики заявил, что ремонт третьего энергоблока ТЭЦ завершат до начала отопительного сезона, а подрядчики уже получили оборудование."))
	s := m.NewScorer()
	scores := make([]float64, len(m.Classes))
	b.ReportAllocs()
	for b.Loop() {
		s.Reset()
		for i := 0; i < len(keys); i += 192 {
			m.Add(s, keys[i:min(len(keys), i+192)])
			m.Scores(s, nil, scores)
		}
	}
}
