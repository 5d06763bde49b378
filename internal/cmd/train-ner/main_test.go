package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity"
)

func TestReadCoNLL(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.txt")
	data := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n.\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := readCoNLL(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("readCoNLL: %d docs; want 1", len(docs))
	}
	d := docs[0]
	var got []string
	for _, s := range d.spans {
		got = append(got, d.text[s.start:s.end]+"/"+string(typeNames[s.typ]))
	}
	if want := []string{"EU/ORG", "Peter Blackburn/PER"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("spans = %v; want %v (text %q)", got, want, d.text)
	}
}

func TestOutermost(t *testing.T) {
	got := outermost([]gold{{5, 10, tLOC}, {0, 20, tORG}, {25, 30, tPER}, {26, 28, tLOC}})
	if len(got) != 2 || got[0] != (gold{0, 20, tORG}) || got[1] != (gold{25, 30, tPER}) {
		t.Errorf("outermost = %v", got)
	}
}

func TestAugmentKeepsSpans(t *testing.T) {
	d := doc{text: "Министр Андрей Белоусов прибыл в Астану.\nThe minister of defence met John Smith in Paris.\nТретья строка.\nFourth line here.\nПятая строка тут.",
		spans: []gold{{15, 31, tPER}, {43, 55, tLOC}}}
	for seed := 0; seed < 4; seed++ {
		a := augment(d, seed)
		if len(a.text) != len(d.text) {
			t.Fatalf("augment changed the length: %q", a.text)
		}
		for _, s := range a.spans {
			if !strings.EqualFold(a.text[s.start:s.end], d.text[s.start:s.end]) {
				t.Errorf("augment(%d) moved span %q -> %q", seed, d.text[s.start:s.end], a.text[s.start:s.end])
			}
		}
	}
}

// TestTrainTiny trains on a synthetic corpus and checks that the model,
// through entity.Tagger, learns its pattern.
func TestTrainTiny(t *testing.T) {
	var docs []doc
	names := []string{"Anna Smith", "Boris Green", "Clara Stone", "David Brown", "Elena White", "Fedor Black"}
	places := []string{"Paris", "Berlin", "Madrid", "Vienna", "Prague", "Warsaw"}
	for i := 0; i < 60; i++ {
		n, p := names[i%len(names)], places[(i*5)%len(places)]
		text := "Yesterday " + n + " arrived in " + p + " for talks."
		docs = append(docs, doc{text: text, spans: []gold{{10, 10 + len(n), tPER}, {10 + len(n) + 11, 10 + len(n) + 11 + len(p), tLOC}}})
	}
	m := trainModel(docs, 4, 14)
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := entity.New(entity.WithModel(language.English, data))
	if err != nil {
		t.Fatal(err)
	}
	ms := tg.Extract("Yesterday Clara Stone arrived in Vienna for talks.", language.English)
	var got []string
	for _, x := range ms {
		got = append(got, x.Text+"/"+string(x.Type))
	}
	if want := "Clara Stone/PER,Vienna/LOC"; strings.Join(got, ",") != want {
		t.Errorf("trained tagger found %v; want %s", got, want)
	}
}
