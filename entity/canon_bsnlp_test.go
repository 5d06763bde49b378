package entity

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// datasetsDir returns the shared datasets directory, or "" when absent.
func datasetsDir() string {
	if d := os.Getenv("NEWSMON_DATA"); d != "" {
		return d
	}
	d := filepath.Join("..", "..", "shared", "datasets")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// bsnlpDoc is one SlavicNER document with its gold mentions.
type bsnlpDoc struct {
	topic, lang, name string
	text              string
	gold              []bsnlpMention
}

type bsnlpMention struct {
	Mention
	lemma, id string
}

func bsnlpType(cat string) (Type, bool) {
	switch cat {
	case "PER":
		return PER, true
	case "ORG":
		return ORG, true
	case "LOC":
		return LOC, true
	case "EVT":
		return EVENT, true
	}
	return "", false
}

// loadBSNLP reads the SlavicNER ru/uk documents (PRO mentions dropped).
func loadBSNLP(t testing.TB) []bsnlpDoc {
	dir := datasetsDir()
	if dir == "" {
		t.Skip("datasets absent")
	}
	root := filepath.Join(dir, "SlavicNER-bsnlp")
	files, _ := filepath.Glob(filepath.Join(root, "ner", "*", "*", "*.tsv"))
	if len(files) == 0 {
		t.Skip("SlavicNER-bsnlp absent")
	}
	sort.Strings(files)
	var docs []bsnlpDoc
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join(root, "ner"), f)
		parts := strings.Split(rel, string(filepath.Separator))
		raw, err := os.ReadFile(filepath.Join(root, "raw", parts[0], parts[1], strings.TrimSuffix(parts[2], ".tsv")+".txt"))
		if err != nil {
			continue
		}
		text := string(raw)
		// rune offset -> byte offset
		byteAt := make([]int, 0, len(text)+1)
		for i := range text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(text))
		d := bsnlpDoc{topic: parts[0], lang: parts[1], name: parts[2], text: text}
		fh, _ := os.Open(f)
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) < 6 {
				continue
			}
			typ, ok := bsnlpType(cols[4])
			if !ok {
				continue
			}
			s, err1 := strconv.Atoi(cols[0])
			e, err2 := strconv.Atoi(cols[1])
			if err1 != nil || err2 != nil || s < 0 || e > len(byteAt)-1 || s >= e {
				continue
			}
			m := Mention{Start: byteAt[s], End: byteAt[e], Type: typ, Language: language.Make(parts[1])}
			m.Text = text[m.Start:m.End]
			if m.Text != cols[2] || !utf8.ValidString(m.Text) {
				continue
			}
			d.gold = append(d.gold, bsnlpMention{Mention: m, lemma: cols[3], id: cols[5]})
		}
		fh.Close()
		sort.SliceStable(d.gold, func(i, j int) bool { return d.gold[i].Start < d.gold[j].Start })
		docs = append(docs, d)
	}
	return docs
}
