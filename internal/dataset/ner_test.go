package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures below are written for these tests; none comes from a corpus.

// write creates dir/name (and its parent folders) with content.
func write(t testing.TB, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
}

// mentions returns the mentions of d as "Type text".
func mentions(d Doc) []string {
	var out []string
	for _, m := range d.Mentions {
		out = append(out, m.Type+" "+d.Text[m.Start:m.End])
	}
	return out
}

// collect is a Skip that keeps its messages.
func collect(msgs *[]string) Skip {
	return func(format string, args ...any) { *msgs = append(*msgs, fmt.Sprintf(format, args...)) }
}

func TestRuneOffsets(t *testing.T) {
	assert.Equal(t, []int{0, 2, 3, 5}, RuneOffsets("жxё"))
	assert.Equal(t, []int{0}, RuneOffsets(""))
	offs := RuneOffsets("Мэр Москвы")
	s, e, ok := byteSpan(offs, 4, 10)
	require.True(t, ok)
	assert.Equal(t, "Москвы", "Мэр Москвы"[s:e])
	_, _, ok = byteSpan(offs, 4, 11)
	assert.False(t, ok)
	_, _, ok = byteSpan(offs, 5, 4)
	assert.False(t, ok)
	_, _, ok = byteSpan(offs, -1, 2)
	assert.False(t, ok)
}

func TestTypes(t *testing.T) {
	for _, c := range []struct {
		f        func(string) string
		in, want string
	}{
		{FactRuType, "Person", "PER"}, {FactRuType, "LocOrg", "LOC"}, {FactRuType, "Project", ""},
		{NERELType, "STATE_OR_PROVINCE", "LOC"}, {NERELType, "ORGANIZATION", "ORG"}, {NERELType, "EVENT", ""},
		{BSNLPType, "EVT", "EVENT"}, {BSNLPType, "PER", "PER"}, {BSNLPType, "PRO", ""},
		{CoNLLType, "LOC", "LOC"}, {CoNLLType, "MISC", ""},
		{KazNERDType, "GPE", "LOC"}, {KazNERDType, "ORGANISATION", "ORG"}, {KazNERDType, "NORP", ""},
	} {
		assert.Equal(t, c.want, c.f(c.in), "%q", c.in)
	}
}

func TestReadFactRu(t *testing.T) {
	dir := t.TempDir()
	text := "Мэр Москвы Юрий Лужков посетил партию «Яблоко»."
	//      0   4      11   16     23      31     38 39   45
	write(t, dir, "book_2.txt", text)
	write(t, dir, "book_2.spans", "21 job 0 3 1 1  # Мэр\n"+
		"22 loc_name 4 6 2 1  # Москвы\n"+
		"23 name 11 4 3 1\n24 surname 16 6 4 1\n"+
		"25 org_descr 31 6 6 1\n26 org_name 39 6 8 1\n\n")
	write(t, dir, "book_2.objects", "101 LocOrg 22 # Москвы\n"+
		"105 Org 21 22\n"+
		"102 Person 24 23 # parts in the object's order\n"+
		"103 Org 25 26\n"+
		"107 Org 21\n")
	write(t, dir, "book_1.txt", "")
	write(t, dir, "book_1.spans", "")
	write(t, dir, "book_1.objects", "")

	docs, err := ReadFactRu(dir, nil)
	require.NoError(t, err)
	require.Len(t, docs, 2, "sorted by file name")
	assert.Empty(t, docs[0].Mentions)
	d := docs[1]
	assert.Equal(t, filepath.Join(dir, "book_2"), d.Name)
	assert.Equal(t, filepath.Join(dir, "book_2.objects"), d.Ann)
	// Every object, nested, unscored or description-only ones too.
	assert.Equal(t, []string{"LocOrg Москвы", "Org Мэр Москвы", "Person Юрий Лужков", "Org партию «Яблоко", "Org Мэр"}, mentions(d))
	p := d.Mentions[2].Parts
	require.Len(t, p, 2)
	assert.Equal(t, "surname", p[0].Kind)
	assert.Equal(t, "Лужков", text[p[0].Start:p[0].End])
	assert.True(t, p[0].Named())
	assert.False(t, d.Mentions[4].Parts[0].Named(), "job is a description")

	// Without the .txt the text is rebuilt from the tokens, offsets intact.
	require.NoError(t, os.Remove(filepath.Join(dir, "book_2.txt")))
	write(t, dir, "book_2.tokens", "1 0 3 Мэр\n2 4 6 Москвы\n3 11 4 Юрий\n4 16 6 Лужков\n5 23 7 посетил\n"+
		"6 31 6 партию\n7 38 1 «\n8 39 6 Яблоко\n9 45 1 »\n10 46 1 .\n")
	docs, err = ReadFactRu(dir, nil)
	require.NoError(t, err)
	assert.Equal(t, text, docs[1].Text)
	assert.Equal(t, []string{"LocOrg Москвы", "Org Мэр Москвы", "Person Юрий Лужков", "Org партию «Яблоко", "Org Мэр"}, mentions(docs[1]))
}

func TestReadFactRuSkips(t *testing.T) {
	_, err := ReadFactRu(t.TempDir(), nil)
	assert.ErrorContains(t, err, "no *.objects")

	dir := t.TempDir()
	write(t, dir, "a.txt", "Москва")
	write(t, dir, "a.spans", "1 loc_name 0 60 1 1\n5 loc_name 0 6 1 1\nbad\n6 name x 1\n")
	write(t, dir, "a.objects", "2 Location 1\n3 Location 9\n4 Location 5\n")
	var msgs []string
	docs, err := ReadFactRu(dir, collect(&msgs))
	require.NoError(t, err, "bad annotations are skipped, not fatal")
	assert.Equal(t, []string{"Location Москва"}, mentions(docs[0]))
	require.Len(t, msgs, 4)
	assert.Contains(t, msgs[0], "a.spans:3")
	assert.Contains(t, msgs[1], "a.spans:4: bad start")
	assert.Contains(t, msgs[2], "a.objects:1: span 0..60 outside the text")
	assert.Contains(t, msgs[3], "unknown span 9")

	// A nil Skip discards them.
	docs, err = ReadFactRu(dir, nil)
	require.NoError(t, err)
	assert.Len(t, docs[0].Mentions, 1)
}

func TestReadBrat(t *testing.T) {
	dir := t.TempDir()
	// character offsets: Москва 0-6, мэрия 8-13, Москвы 14-20
	write(t, dir, "dev/1.txt", "Москва, мэрия Москвы.\n")
	write(t, dir, "dev/1.ann", "T1\tCITY 0 6\tМосква\n"+
		"T2\tORGANIZATION 8 20\tмэрия Москвы\n"+
		"T3\tCITY 14 20\tМосквы\n"+
		"T4\tORGANIZATION 8 13;14 20\tмэрия Москвы\n"+
		"R1\tHEADQUARTERED_IN Arg1:T2 Arg2:T3\n"+
		"N1\tReference T3 Wikidata:Q649\tМосква\n")
	write(t, dir, "dev/2.txt", "Ы")
	write(t, dir, "dev/2.ann", "T1\tPERSON 1 x\tЫ\nT2\tCITY 0 1\tЫ\nT3\tCITY 0 5\tЫ\nT4\n")

	var msgs []string
	docs, err := ReadBrat(dir, collect(&msgs))
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, filepath.Join(dir, "dev", "1"), docs[0].Name)
	// Nested mentions stay; a discontinuous one spans its fragments.
	assert.Equal(t, []string{"CITY Москва", "ORGANIZATION мэрия Москвы", "CITY Москвы", "ORGANIZATION мэрия Москвы"}, mentions(docs[0]))
	assert.Equal(t, []string{"CITY Ы"}, mentions(docs[1]))
	require.Len(t, msgs, 3)
	assert.Contains(t, msgs[0], "bad fragment")
	assert.Contains(t, msgs[1], "outside the text")
	assert.Contains(t, msgs[2], "want `T<n>")

	_, err = ReadBrat(t.TempDir(), nil)
	assert.ErrorContains(t, err, "no *.ann")
}

func TestReadBSNLP(t *testing.T) {
	dir := t.TempDir()
	text := "Тереза Мэй и Брексит\n\nМэй в Лондоне, iPhone.\n"
	write(t, dir, "raw/brexit/ru/brexit_ru.txt_file_1.txt", text)
	write(t, dir, "ner/brexit/ru/brexit_ru.txt_file_1.tsv",
		"start\tend\tsurface\tlemma\tcategory\tid\n"+
			"0\t10\tТереза Мэй\tТереза Мэй\tPER\tPER-Theresa-May\n"+
			"13\t20\tБрексит\tБрексит\tEVT\tEVT-Brexit\n"+
			"28\t35\tЛондоне\tЛондон\tLOC \tGPE-London\r\n"+
			"37\t43\tiPhone\tiPhone\tPRO\n"+
			"40\t99\tx\tx\tPER\tX\n")
	write(t, dir, "raw/brexit/uk/brexit_uk.txt_file_1.txt", "Лондон")
	write(t, dir, "ner/brexit/uk/brexit_uk.txt_file_1.tsv", "0\t6\tЛондон\tЛондон\tLOC\tGPE-London\n")

	var msgs []string
	docs, err := ReadBSNLP(dir, "ru", collect(&msgs))
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	assert.Equal(t, "ru", d.Lang)
	assert.Equal(t, filepath.Join(dir, "raw/brexit/ru/brexit_ru.txt_file_1.txt"), d.Name)
	assert.Equal(t, filepath.Join(dir, "ner/brexit/ru/brexit_ru.txt_file_1.tsv"), d.Ann)
	assert.Equal(t, []string{"PER Тереза Мэй", "EVT Брексит", "LOC Лондоне", "PRO iPhone"}, mentions(d))
	assert.Equal(t, Mention{Start: 49, End: 63, Type: "LOC", Surface: "Лондоне", Lemma: "Лондон", ID: "GPE-London"}, d.Mentions[2])
	assert.Empty(t, d.Mentions[3].ID)
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0], ".tsv:6: span 40..99 outside the text")

	docs, err = ReadBSNLP(dir, "", nil)
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, "uk", docs[1].Lang)

	_, err = ReadBSNLP(dir, "pl", nil)
	assert.ErrorContains(t, err, "no ner/**/pl/*.tsv")
	require.NoError(t, os.Remove(filepath.Join(dir, "raw/brexit/uk/brexit_uk.txt_file_1.txt")))
	_, err = ReadBSNLP(dir, "uk", nil)
	assert.Error(t, err, "a missing text is an error")
}

func TestReadTokens(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	write(t, dir, "x.txt", "Лондон NNP B-LOC\n\n-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\r\n\n\n"+
		"Peter NNP B-NP B-PER\nlonely\n\n-DOCSTART- -X- O\n-DOCSTART- -X- O\n\nParis I-LOC\n")
	var msgs []string
	docs, err := ReadTokens(p, collect(&msgs))
	require.NoError(t, err)
	require.Len(t, docs, 3)
	assert.Equal(t, p+"#1", docs[0].Name)
	assert.Equal(t, [][]Token{{{"Лондон", "B-LOC"}}}, docs[0].Sentences, "the sentences before the first marker")
	assert.Equal(t, [][]Token{{{"EU", "B-ORG"}, {"rejects", "O"}}, {{"Peter", "B-PER"}}}, docs[1].Sentences)
	assert.Equal(t, [][]Token{{{"Paris", "I-LOC"}}}, docs[2].Sentences, "an empty document is none")
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0], "x.txt:10")

	// Without markers, every sentence is a document.
	write(t, dir, "k.txt", "Астана B-GPE\n\n\nАлматы B-GPE\nқаласы I-GPE\n")
	docs, err = ReadTokens(filepath.Join(dir, "k.txt"), nil)
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Len(t, docs[1].Sentences[0], 2)

	_, err = ReadTokens(filepath.Join(dir, "missing.txt"), nil)
	assert.Error(t, err)
}

func TestJoin(t *testing.T) {
	sents := [][]Token{
		{{"Peter", "B-PER"}, {"Blackburn", "I-PER"}, {"in", "O"}, {"New", "I-LOC"}, {"York", "I-LOC"}},
		// IOB1: B- splits two adjacent ones of a type, a change of type
		// starts a new one; IO tags and S- read as conlleval reads them.
		{{"Paris", "I-LOC"}, {"Lyon", "B-LOC"}, {"Bonn", "I-LOC"}, {"Smith", "I-PER"}, {"x", "B-"},
			{"Ann", "PER"}, {"Lee", "PER"}, {"Rome", "S-LOC"}, {"Oslo", "S-LOC"}},
	}
	text, ms := Join(sents, false)
	assert.Equal(t, "Peter Blackburn in New York\nParis Lyon Bonn Smith x Ann Lee Rome Oslo", text)
	var got []string
	for _, m := range ms {
		got = append(got, m.Type+" "+text[m.Start:m.End])
	}
	assert.Equal(t, []string{"PER Peter Blackburn", "LOC New York", "LOC Paris", "LOC Lyon Bonn", "PER Smith",
		"PER Ann Lee", "LOC Rome", "LOC Oslo"}, got)

	text2, ms2 := Join(sents, true)
	assert.Equal(t, text+"\n", text2)
	assert.Equal(t, ms, ms2)
	text, ms = Join(nil, true)
	assert.Empty(t, text)
	assert.Empty(t, ms)
}

func FuzzReadTokens(f *testing.F) {
	f.Add("-DOCSTART- O\n\nA B-PER\nb I-PER\n\nC I-LOC\n")
	f.Add("x O\ny B-\nz I-ORG\n-DOCSTART- -X- O\n\n\n")
	f.Add("а\tB-GPE\nб PER\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data string) {
		p := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		docs, err := ReadTokens(p, nil)
		if err != nil {
			return
		}
		for _, d := range docs {
			text, ms := Join(d.Sentences, true)
			for _, m := range ms {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("mention %+v outside %q", m, text)
				}
				if s := text[m.Start:m.End]; strings.TrimSpace(s) != s {
					t.Fatalf("mention %q not on token boundaries", s)
				}
			}
		}
	})
}

func FuzzReadBrat(f *testing.F) {
	f.Add("Томас Шефер в Гессене.", "T1\tPERSON 0 11\tТомас Шефер\nT2\tCITY 14 21;1 2\tx\n")
	f.Add("ab", "T1\tCOUNTRY 0 9\tab\n")
	f.Add("\xff\xfeж", "T1\tORGANIZATION 1 2\tx\nR1\tX Arg1:T1\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text, ann string) {
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "a.ann"), []byte(ann), 0o644); err != nil {
			t.Fatal(err)
		}
		docs, err := ReadBrat(dir, nil)
		if err != nil {
			return
		}
		for _, m := range docs[0].Mentions {
			if m.Start < 0 || m.Start > m.End || m.End > len(text) {
				t.Fatalf("mention %+v outside a text of %d bytes", m, len(text))
			}
		}
	})
}

func BenchmarkReadTokens(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("-DOCSTART- -X- -X- O\n\n")
	for i := range 2000 {
		sb.WriteString("Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nvisited VBD B-VP O\nNew NNP B-NP B-LOC\nYork NNP I-NP I-LOC\n. . O O\n\n")
		if i%20 == 19 {
			sb.WriteString("-DOCSTART- -X- -X- O\n\n")
		}
	}
	dir := b.TempDir()
	write(b, dir, "bench.txt", sb.String())
	b.ReportAllocs()
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		docs, err := ReadTokens(filepath.Join(dir, "bench.txt"), nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			Join(d.Sentences, false)
		}
	}
}

func BenchmarkReadBrat(b *testing.B) {
	var text, ann strings.Builder
	for i := range 500 {
		s := len([]rune(text.String()))
		text.WriteString("Томас Шефер посетил Гессен. ")
		fmt.Fprintf(&ann, "T%d\tPERSON %d %d\tТомас Шефер\n", 2*i+1, s, s+11)
		fmt.Fprintf(&ann, "T%d\tSTATE_OR_PROVINCE %d %d\tГессен\n", 2*i+2, s+20, s+26)
	}
	dir := b.TempDir()
	write(b, dir, "a.txt", text.String())
	write(b, dir, "a.ann", ann.String())
	b.ReportAllocs()
	b.SetBytes(int64(text.Len() + ann.Len()))
	for b.Loop() {
		if _, err := ReadBrat(dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}
