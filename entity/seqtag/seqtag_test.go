package seqtag

import (
	"math/rand/v2"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
)

func TestModelRoundTrip(t *testing.T) {
	w := make([]float32, (1<<10)*NumLabels)
	for i := range w {
		if i%7 == 0 {
			w[i] = float32(i%13) - 6
		}
	}
	var trans [NumLabels + 1][NumLabels]float32
	trans[0][1] = 1.5
	m := Quantize(10, w, trans)
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bits != m.Bits || got.scale8 != m.scale8 || got.Trans != m.Trans {
		t.Fatalf("header differs: %v %v", got.Bits, got.scale8)
	}
	for i := range m.w8 {
		if got.w8[i] != m.w8[i] {
			t.Fatalf("w8[%d] = %d; want %d", i, got.w8[i], m.w8[i])
		}
	}
	// Scores from the 8-bit rows stay close to those from the 16-bit ones.
	feats := []uint32{1, 2, 3, 700, 1000}
	offs := []int32{0, 2, 5}
	a := (&Model{Bits: 10, Scale: m.Scale, W: m.W}).Score(feats, offs, nil)
	b := got.Score(feats, offs, nil)
	for k := range a {
		for l := range a[k] {
			if d := a[k][l] - b[k][l]; d > 0.1 || d < -0.1 {
				t.Errorf("score[%d][%d] = %v from 8 bits; %v from 16", k, l, b[k][l], a[k][l])
			}
		}
	}
	if _, err := Unmarshal([]byte("garbage")); err == nil {
		t.Error("Unmarshal(garbage) = nil error")
	}
	if _, err := Unmarshal(data[:len(data)/2]); err == nil {
		t.Error("Unmarshal(truncated) = nil error")
	}
}

func TestViterbiRespectsBIO(t *testing.T) {
	// Emissions that favour I-PER everywhere: the first token must become
	// B-PER, since I- cannot start a sentence.
	emis := make(Emissions, 3)
	for k := range emis {
		emis[k][I(0)] = 5
		emis[k][B(0)] = 1
	}
	var trans [NumLabels + 1][NumLabels]float32
	var back [][NumLabels]uint8
	got := Viterbi(emis, &trans, make([]Label, 3), &back)
	if got[0] != B(0) || got[1] != I(0) || got[2] != I(0) {
		t.Errorf("Viterbi = %v; want B-PER I-PER I-PER", got)
	}
	spans := Spans(got, nil)
	if len(spans) != 1 || spans[0] != (Span{0, 3, 0}) {
		t.Errorf("Spans = %v; want one PER span 0-3", spans)
	}
}

// TestViterbiBest checks Viterbi against every allowed label sequence of
// short sentences with random scores: it must return one of the best.
func TestViterbiBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var back [][NumLabels]uint8
	for trial := 0; trial < 200; trial++ {
		n := 1 + trial%4
		emis := make(Emissions, n)
		for k := range emis {
			for l := range emis[k] {
				emis[k][l] = float32(rng.IntN(21) - 10)
			}
		}
		var trans [NumLabels + 1][NumLabels]float32
		for a := range trans {
			for b := range trans[a] {
				trans[a][b] = float32(rng.IntN(11) - 5)
			}
		}
		score := func(ls []Label) (float32, bool) {
			prev, s := Label(NumLabels), float32(0)
			for k, l := range ls {
				if !allowed(prev, l) {
					return 0, false
				}
				s += trans[prev][l] + emis[k][l]
				prev = l
			}
			return s, true
		}
		best := float32(-1e9)
		ls := make([]Label, n)
		var walk func(k int)
		walk = func(k int) {
			if k == n {
				if s, ok := score(ls); ok && s > best {
					best = s
				}
				return
			}
			for l := range Label(NumLabels) {
				ls[k] = l
				walk(k + 1)
			}
		}
		walk(0)
		got := Viterbi(emis, &trans, make([]Label, n), &back)
		if s, ok := score(got); !ok || s != best {
			t.Fatalf("trial %d: Viterbi = %v (score %v, allowed %v); best score %v", trial, got, s, ok, best)
		}
	}
}

func TestLabels(t *testing.T) {
	for typ := 0; typ < NumTypes; typ++ {
		if B(typ).Type() != typ || I(typ).Type() != typ || !B(typ).Begins() || I(typ).Begins() {
			t.Errorf("labels of type %d inconsistent", typ)
		}
	}
	if O.Type() != -1 || O.String() != "O" || B(3).String() != "B-EVENT" {
		t.Errorf("O or B-EVENT misnamed: %s %s", O, B(3))
	}
}

func TestFeaturesDeterministic(t *testing.T) {
	text := "Министр обороны Андрей Белоусов прибыл в Астану.\nBELARUS SEEKS COOPERATION"
	toks := token.Tokenize(text)
	sents := token.Sentences(text, toks)
	var a, b Buffer
	a.Extract(text, toks, sents)
	// b has seen the words before, in other places and sentences: its
	// cached token information must give the same features.
	other := "Астану посетил министр. Белоусов, BELARUS и cooperation; Андрей!"
	otoks := token.Tokenize(other)
	b.Extract(other, otoks, token.Sentences(other, otoks))
	b.Extract(text, toks, sents)
	b.Extract(text, toks, sents) // reuse
	if len(a.Feats) != len(b.Feats) || len(a.Offs) != len(toks)+1 {
		t.Fatalf("feature counts differ: %d %d", len(a.Feats), len(b.Feats))
	}
	for i := range a.Feats {
		if a.Feats[i] != b.Feats[i] {
			t.Fatalf("feature %d differs", i)
		}
	}
}

func TestGazetteer(t *testing.T) {
	for _, c := range []struct {
		word  string
		class uint16
	}{
		{"андреем", gFirstName}, {"министерства", gOrgWord}, {"министрлігі", gOrgWord}, {"forum", gEventWord},
		{"murat", gFirstName},
	} {
		if got := lookupGazetteer([]byte(c.word)); got&c.class == 0 {
			t.Errorf("lookupGazetteer(%q) = %b; want class %b", c.word, got, c.class)
		}
	}
	for _, c := range []struct {
		word string
		want int
	}{{"бектенов", 1}, {"бектеновым", 1}, {"тоқаев", 1}, {"назарбаевұлы", 4}, {"khrenin", 5}, {"москва", 0}} {
		if got := surnameClass([]byte(c.word)); got != c.want {
			t.Errorf("surnameClass(%q) = %d; want %d", c.word, got, c.want)
		}
	}
}

func BenchmarkFeatures(b *testing.B) {
	text := "Lieutenant-General Viktor Khrenin noted the unanimity of views regarding the challenges. " +
		"Министр обороны Андрей Белоусов прибыл в Астану на учения «Запад-2025»."
	toks := token.Tokenize(text)
	sents := token.Sentences(text, toks)
	var buf Buffer
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		buf.Extract(text, toks, sents)
	}
}

func FuzzUnmarshal(f *testing.F) {
	w := make([]float32, (1<<10)*NumLabels)
	w[5], w[100] = 1, -2
	var trans [NumLabels + 1][NumLabels]float32
	good, err := Quantize(10, w, trans).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("NMNER3"))
	f.Add(good[:len(good)-1])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Unmarshal(data)
		if err != nil {
			return
		}
		// A model that decodes must score without panicking.
		m.Score([]uint32{0, 1, 1 << 31}, []int32{0, 2, 3}, nil)
	})
}

// TestScoreCached checks that cached scores equal uncached ones, for
// repeated and new tokens and for two models sharing one cache.
func TestScoreCached(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var models []*Model
	for range 2 {
		w := make([]float32, (1<<10)*NumLabels)
		for i := range w {
			w[i] = float32(rng.IntN(201) - 100)
		}
		data, err := Quantize(10, w, [NumLabels + 1][NumLabels]float32{}).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		m, err := Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, m)
	}
	texts := []string{
		"Министр обороны Андрей Белоусов прибыл в Астану.",
		"Белоусов прибыл в Минск. BELARUS SEEKS COOPERATION",
		"Министр обороны Андрей Белоусов прибыл в Астану.",
	}
	var c Cache
	var buf Buffer
	for round := range 2 {
		for _, text := range texts {
			toks := token.Tokenize(text)
			buf.Extract(text, toks, token.Sentences(text, toks))
			if len(buf.Own) != len(toks) {
				t.Fatalf("len(Own) = %d; want %d", len(buf.Own), len(toks))
			}
			for i := range toks {
				if buf.Own[i] < buf.Offs[i] || buf.Own[i] > buf.Offs[i+1] {
					t.Fatalf("Own[%d] = %d outside [%d, %d]", i, buf.Own[i], buf.Offs[i], buf.Offs[i+1])
				}
			}
			for _, m := range models {
				want := m.Score(buf.Feats, buf.Offs, nil)
				got := m.ScoreCached(&c, buf.Feats, buf.Offs, buf.Own, nil)
				for k := range want {
					if got[k] != want[k] {
						t.Fatalf("round %d %q token %d: cached %v; want %v", round, text, k, got[k], want[k])
					}
				}
			}
		}
	}
	if len(c.sums) == 0 {
		t.Error("nothing was cached")
	}
}

func TestIsFirstName(t *testing.T) {
	for w, want := range map[string]bool{"John": true, "Леонида": true, "Андреем": true, "Magna": false, "Москва": false} {
		if got := IsFirstName(w); got != want {
			t.Errorf("IsFirstName(%q) = %v, want %v", w, got, want)
		}
	}
}
