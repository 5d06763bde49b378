package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Readers of topic classification data: AG News CSV, the BBC folders and
// RIA Novosti's rubric CSV files. Each maps our best top-level topic to the
// data's classes (see [dataset.AGNewsClass], [dataset.BBCClass], [dataset.RIAClass]).

// topicDoc is one document and its gold class.
type topicDoc struct {
	Text, Class string
}

// agnewsClasses are the AG News classes, in the order of the numeric labels
// (1-4) of the original files.
var agnewsClasses = []string{"World", "Sports", "Business", "Sci/Tech"}

// readCSV reads a whole RFC 4180 file with a header row and returns the
// records with the header's column index by lower-cased name.
func readCSV(path string) (cols map[string]int, rows [][]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: empty file", path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	cols = map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	rows = append(rows, head) // callers drop it when it is a header
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		rows = append(rows, rec)
	}
	return cols, rows, nil
}

// readAGNews reads an AG News CSV whose header names `title`, `description`
// and `class` in any order. A file without a header in the original layout
// (`class,title,description`, class 1-4) is read too. In the text a
// backslash stands for a line break.
func readAGNews(path string, sk *skips) ([]topicDoc, error) {
	cols, rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	ti, okT := cols["title"]
	di, okD := cols["description"]
	ci, okC := cols["class"]
	if !okC { // Kaggle's copy names it "Class Index"
		ci, okC = cols["class index"]
	}
	switch {
	case okT && okD && okC:
		rows = rows[1:]
	case len(rows[0]) == 3 && agnewsLabel(rows[0][0]) != "":
		ci, ti, di = 0, 1, 2
	default:
		return nil, fmt.Errorf("%s: header must name title, description and class", path)
	}
	var out []topicDoc
	for i, rec := range rows {
		if len(rec) <= max(ti, di, ci) {
			sk.add("%s: record %d has %d fields", path, i+1, len(rec))
			continue
		}
		c := agnewsLabel(rec[ci])
		if c == "" {
			sk.add("%s: record %d: unknown class %q", path, i+1, rec[ci])
			continue
		}
		text := unBackslash(rec[ti]) + "\n" + unBackslash(rec[di])
		out = append(out, topicDoc{Text: text, Class: c})
	}
	return out, nil
}

// agnewsLabel returns the class named by s (a name or 1-4), or "".
func agnewsLabel(s string) string {
	s = strings.TrimSpace(s)
	for i, c := range agnewsClasses {
		if strings.EqualFold(s, c) || s == fmt.Sprint(i+1) {
			return c
		}
	}
	return ""
}

// unBackslash turns every run of backslashes into one line break.
func unBackslash(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		if r == '\\' {
			if !prev {
				b.WriteByte('\n')
			}
			prev = true
			continue
		}
		prev = false
		b.WriteRune(r)
	}
	return b.String()
}

// bbcFolders are the BBC classes, one folder each.
var bbcFolders = []string{"business", "entertainment", "politics", "sport", "tech"}

// readBBC reads dir/<class>/*.txt for the five classes (headline on the first
// line, then the body). Bytes that are not UTF-8 are read as Latin-1 (one
// file of the corpus has such a byte).
func readBBC(dir string) ([]topicDoc, error) {
	var out []topicDoc
	for _, c := range bbcFolders {
		files, err := filepath.Glob(filepath.Join(dir, c, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("bbc: no %s/*.txt in %s", c, dir)
		}
		slices.Sort(files)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			out = append(out, topicDoc{Text: latin1Fallback(raw), Class: c})
		}
	}
	return out, nil
}

// latin1Fallback decodes UTF-8, reading each invalid byte as Latin-1.
func latin1Fallback(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var s strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			r = rune(b[0])
		}
		s.WriteRune(r)
		b = b[n:]
	}
	return s.String()
}

// readRIA reads RIA news CSV files (a file, or every *.csv of a directory
// that has `title`, `content` and `topic` columns; others, such as the
// summary table, are skipped). Rows repeat across files and are kept once
// per `url` (or `id`). The text is the title, a blank line, and the content.
// It also returns the set of rubrics in the data, for [riaClass].
func readRIA(path string) ([]topicDoc, map[string]bool, error) {
	files := []string{path}
	if st, err := os.Stat(path); err != nil {
		return nil, nil, err
	} else if st.IsDir() {
		if files, err = filepath.Glob(filepath.Join(path, "*.csv")); err != nil {
			return nil, nil, err
		}
		slices.Sort(files)
	}
	var out []topicDoc
	labels := map[string]bool{}
	seen := map[string]bool{}
	for _, f := range files {
		cols, rows, err := readCSV(f)
		if err != nil {
			return nil, nil, err
		}
		ti, okT := cols["title"]
		xi, okX := cols["content"]
		ci, okC := cols["topic"]
		if !okT || !okX || !okC {
			if len(files) == 1 {
				return nil, nil, fmt.Errorf("%s: header must name title, content and topic", f)
			}
			continue
		}
		key, okK := cols["url"]
		if !okK {
			key, okK = cols["id"]
		}
		for _, rec := range rows[1:] {
			if len(rec) <= max(ti, xi, ci) {
				continue
			}
			if okK && key < len(rec) {
				if seen[rec[key]] {
					continue
				}
				seen[rec[key]] = true
			}
			c := strings.TrimSpace(rec[ci])
			if c == "" {
				continue
			}
			labels[c] = true
			out = append(out, topicDoc{Text: rec[ti] + "\n\n" + rec[xi], Class: c})
		}
	}
	if len(out) == 0 {
		return nil, nil, fmt.Errorf("ria: no labelled rows in %s", path)
	}
	return out, labels, nil
}

// interleave orders docs round-robin by class (classes sorted, documents in
// their order within a class), so that the first N of a -limit run cover
// every class. The full set is unchanged.
func interleave(docs []topicDoc) []topicDoc {
	by := map[string][]topicDoc{}
	var classes []string
	for _, d := range docs {
		if by[d.Class] == nil {
			classes = append(classes, d.Class)
		}
		by[d.Class] = append(by[d.Class], d)
	}
	slices.Sort(classes)
	out := make([]topicDoc, 0, len(docs))
	for i := 0; len(out) < len(docs); i++ {
		for _, c := range classes {
			if i < len(by[c]) {
				out = append(out, by[c][i])
			}
		}
	}
	return out
}
