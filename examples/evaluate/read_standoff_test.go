package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A factRuEval document in miniature. Offsets are characters: every Cyrillic
// letter is two bytes, so byte offsets would land elsewhere.
const (
	factruText = "Мэр Москвы Юрий Лужков посетил партию «Яблоко» в России."
	//            0   4      11   16     23      31     38 39   46 48
	factruTokens = "1 0 3 Мэр\n2 4 6 Москвы\n3 11 4 Юрий\n4 16 6 Лужков\n5 23 7 посетил\n" +
		"6 31 6 партию\n7 38 1 «\n8 39 6 Яблоко\n9 45 1 »\n10 47 1 в\n11 49 6 России\n12 55 1 .\n"
	factruSpans = "21 job 0 3 1 1  # 1 Мэр\n" +
		"22 loc_name 4 6 2 1  # 2 Москвы\n" +
		"23 name 11 4 3 1  # 3 Юрий\n" +
		"24 surname 16 6 4 1  # 4 Лужков\n" +
		"25 org_descr 31 6 6 1  # 6 партию\n" +
		"26 org_name 39 6 8 1  # 8 Яблоко\n" +
		"27 loc_name 49 6 11 1  # 11 России\n" +
		"28 org_descr 23 7 5 1  # 5 посетил\n"
	factruObjects = "101 LocOrg 22 # Москвы\n" +
		"102 Person 23 24 # Юрий Лужков\n" +
		"103 Org 25 26 # партию Яблоко\n" +
		"104 Location 27 # России\n" +
		"105 Org 21 22 # Мэр Москвы\n" +
		"106 Project 23 # Юрий\n" +
		"107 Org 28 # посетил\n"
)

func TestReadFactRu(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "book_1.txt", factruText)
	write(t, dir, "book_1.tokens", factruTokens)
	write(t, dir, "book_1.spans", factruSpans)
	write(t, dir, "book_1.objects", factruObjects)
	write(t, dir, "book_1.coref", "")
	docs, err := readFactRu(dir, nil)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	// LocOrg Москвы is inside the Org "Мэр Москвы" and dropped; the Org
	// spans its first to its last span and over the closing quote; Project is
	// not scored; an Org made of a description only is not a name.
	assert.Equal(t, []string{"ORG Мэр Москвы", "PER Юрий Лужков", "ORG партию «Яблоко»", "LOC России"}, texts(docs[0]))

	// Without the .txt the text is rebuilt from the tokens, offsets intact.
	require.NoError(t, os.Remove(filepath.Join(dir, "book_1.txt")))
	docs, err = readFactRu(dir, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"ORG Мэр Москвы", "PER Юрий Лужков", "ORG партию «Яблоко»", "LOC России"}, texts(docs[0]))
}

func TestCloseQuote(t *testing.T) {
	for _, c := range []struct{ text, span, want string }{
		{"газета «Ведомости», вчера", "газета «Ведомости", "газета «Ведомости»"},
		{"газета «Ведомости»", "газета «Ведомости»", "газета «Ведомости»"},
		{"театр «Русская песня» и", "театр", "театр"},
		{"ООО «Фирма «Ромашка»» сообщило", "ООО «Фирма «Ромашка", "ООО «Фирма «Ромашка»»"},
		{"журнал „Огонёк“.", "журнал „Огонёк", "журнал „Огонёк“"},
		{`the "Times" said`, `the "Times`, `the "Times"`},
		{"the “Times” said", "the “Times", "the “Times”"},
		{"«Ведомости", "«Ведомости", "«Ведомости"},
	} {
		e := closeQuote(c.text, 0, len(c.span))
		assert.Equal(t, c.want, c.text[:e], "closeQuote(%q, %q)", c.text, c.span)
	}
}

func TestReadFactRuErrors(t *testing.T) {
	_, err := readFactRu(t.TempDir(), nil)
	assert.ErrorContains(t, err, "no *.objects")
	dir := t.TempDir()
	write(t, dir, "a.txt", "Москва")
	write(t, dir, "a.spans", "1 loc_name 0 60 1 1\n")
	write(t, dir, "a.objects", "2 Location 1\n3 Location 9\n4 Location 5\n")
	write(t, dir, "a.spans", "1 loc_name 0 60 1 1\n5 loc_name 0 6 1 1\nbad\n")
	var sk skips
	docs, err := readFactRu(dir, &sk)
	require.NoError(t, err, "bad annotations are skipped, not fatal")
	assert.Equal(t, []string{"LOC Москва"}, texts(docs[0]))
	assert.Equal(t, 3, sk.n)
	assert.Contains(t, sk.first[0], "a.spans:3")
	assert.Contains(t, sk.first[1], "outside the text")
	assert.Contains(t, sk.first[2], "unknown span 9")
}

func TestReadBrat(t *testing.T) {
	dir := t.TempDir()
	// character offsets:   0         10        20        30        40
	text := "Министр финансов земли Гессен Томас Шефер посетил Христианско-демократический союз Германии.\n"
	write(t, dir, "dev/1_text.txt", text)
	write(t, dir, "dev/1_text.ann", "T1\tPROFESSION 0 29\tМинистр финансов земли Гессен\n"+
		"T2\tSTATE_OR_PROVINCE 23 29\tГессен\n"+
		"T3\tPERSON 30 41\tТомас Шефер\n"+
		"T4\tEVENT 42 49\tпосетил\n"+
		"T5\tORGANIZATION 50 91\tХристианско-демократический союз Германии\n"+
		"T6\tCOUNTRY 83 91\tГермании\n"+
		"T7\tORGANIZATION 50 61;83 91\tХристианско Германии\n"+
		"R1\tWORKPLACE Arg1:T3 Arg2:T5\n"+
		"N1\tReference T3 Wikidata:Q1\tШефер\n")
	docs, err := readBrat(dir, nil)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	// Гессен stays: the PROFESSION around it is not scored. Германии goes:
	// it is inside a scored ORGANIZATION. The discontinuous T7 spans the same
	// bytes as T5 and counts once.
	assert.Equal(t, []string{"LOC Гессен", "PER Томас Шефер", "ORG Христианско-демократический союз Германии"}, texts(docs[0]))

	write(t, dir, "dev/2_text.ann", "T1\tPERSON 1 x\tЫ\nT2\tCITY 0 1\tЫ\nT3\tCITY 0 5\tЫ\nT4\n")
	write(t, dir, "dev/2_text.txt", "Ы")
	var sk skips
	docs, err = readBrat(dir, &sk)
	require.NoError(t, err)
	assert.Equal(t, []string{"LOC Ы"}, texts(docs[1]))
	assert.Equal(t, 3, sk.n)
	assert.Contains(t, sk.first[0], "bad fragment")
}

func TestReadBSNLP(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "raw/t/uk/a.txt", "Брексит у Лондоні, iPhone.")
	write(t, dir, "ner/t/uk/a.tsv", "10\t17\tЛондоні\tЛондон\tLOC\tGPE-London\n"+
		"0\t7\tБрексит\tБрексит\tEVT\tEVT-Brexit\n"+
		"0\t17\tБрексит у Лондоні\tБрексит у Лондоні\tEVT\n"+
		"19\t25\tiPhone\tiPhone\tPRO\tPRO-iPhone\n")
	docs, err := readBSNLP(dir, "uk", nil)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	assert.Equal(t, "uk", d.Lang)
	// Sorted by start and end, nested ones kept, products not scored, EVT
	// is EVENT.
	assert.Equal(t, []string{"EVENT Брексит", "EVENT Брексит у Лондоні", "LOC Лондоні"}, texts(d))
	assert.Equal(t, goldMention{span: span{Start: 18, End: 32, Type: "LOC"}, Lemma: "Лондон", ID: "GPE-London"}, d.Gold[2])
	assert.Empty(t, d.Gold[1].ID)
}
