package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// write creates dir/name (and its parent folders) with content.
func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// texts returns the gold mentions of d as "TYPE text".
func texts(d nerDoc) []string {
	var out []string
	for _, g := range d.Gold {
		out = append(out, g.Type+" "+d.Text[g.Start:g.End])
	}
	return out
}

func TestReadTokenFileCoNLL(t *testing.T) {
	const data = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
in IN O O
New NNP B-NP B-LOC
York NNP I-NP I-LOC

-DOCSTART- -X- -X- O

Paris NNP B-NP I-LOC
Lyon NNP I-NP B-LOC
and CC O O
Bonn NNP B-NP I-LOC
Smith NNP I-NP I-PER
`
	p := write(t, t.TempDir(), "valid.txt", data)
	docs, err := readTokenFile(p, conllType, nil)
	require.NoError(t, err)
	require.Len(t, docs, 2)

	assert.Equal(t, "EU rejects German call .\nPeter Blackburn in New York", docs[0].Text)
	assert.Equal(t, []string{"ORG EU", "PER Peter Blackburn", "LOC New York"}, texts(docs[0]))
	assert.Equal(t, span{Start: 25, End: 40, Type: "PER"}, docs[0].Gold[1].span)

	// IOB1: I- after O starts an entity, B- splits two adjacent ones, a
	// change of type starts a new one.
	assert.Equal(t, "Paris Lyon and Bonn Smith", docs[1].Text)
	assert.Equal(t, []string{"LOC Paris", "LOC Lyon", "LOC Bonn", "PER Smith"}, texts(docs[1]))
}

func TestReadTokenFileKazNERD(t *testing.T) {
	const data = "Қасым-Жомарт B-PERSON\nТоқаев I-PERSON\nАстанаға B-GPE\nкелді O\n. O\n\n" +
		"Алатау B-LOCATION\nшыңы I-LOCATION\nжәне O\nХан B-FACILITY\nШатыр I-FACILITY\n\n\n" +
		"Наурыз B-EVENT\nмерекесі I-EVENT\nҚР B-ORGANISATION\n"
	p := write(t, t.TempDir(), "IOB2_valid.txt", data)
	docs, err := readTokenFile(p, kaznerdType, nil)
	require.NoError(t, err)
	require.Len(t, docs, 3, "without -DOCSTART- every sentence is a document")
	assert.Equal(t, []string{"PER Қасым-Жомарт Тоқаев", "LOC Астанаға"}, texts(docs[0]))
	assert.Equal(t, []string{"LOC Алатау шыңы"}, texts(docs[1]), "FACILITY is not scored")
	assert.Equal(t, []string{"EVENT Наурыз мерекесі", "ORG ҚР"}, texts(docs[2]))
	assert.Equal(t, "Қасым-Жомарт Тоқаев Астанаға келді .", docs[0].Text)
}

func TestReadTokenFileErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := readTokenFile(filepath.Join(dir, "missing.txt"), conllType, nil)
	assert.Error(t, err)
	p := write(t, dir, "bad.txt", "token-without-tag\nParis B-LOC\n")
	var sk skips
	docs, err := readTokenFile(p, conllType, &sk)
	require.NoError(t, err, "a malformed line is skipped, not fatal")
	assert.Equal(t, 1, sk.n)
	assert.Contains(t, sk.first[0], "bad.txt:1")
	require.Len(t, docs, 1)
	assert.Equal(t, []string{"LOC Paris"}, texts(docs[0]))
}
