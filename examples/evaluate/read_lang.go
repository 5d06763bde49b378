package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Readers of language identification data: a directory of `<code>.txt` files
// (Lingua's test data layout) or one file of a single language; one sample
// per non-empty line.

// langSample is one sample and its gold language (ISO 639-1 or BCP 47).
type langSample struct {
	Text, Lang string
}

// readLingua reads dir/<code>.txt for every code in langs, or every *.txt
// named by a language code when langs is empty. limit > 0 keeps the first limit samples of each
// language, so that a short run still covers them all.
func readLingua(dir string, langs []string, limit int) ([]langSample, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var out []langSample
	found := map[string]bool{}
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".txt")
		if len(langs) > 0 && !slices.Contains(langs, code) {
			continue
		}
		if _, err := language.Parse(code); err != nil {
			continue // README.txt and the like
		}
		found[code] = true
		s, err := readLines(f, code, limit)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	for _, l := range langs {
		if !found[l] {
			return nil, fmt.Errorf("lingua: no %s.txt in %s", l, dir)
		}
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("lingua: no <code>.txt files in %s", dir)
	}
	return out, nil
}

// readLines reads one sample per non-empty line of path, all in lang.
func readLines(path, lang string, limit int) ([]langSample, error) {
	var out []langSample
	err := eachLine(path, func(_ int, line string) error {
		if strings.TrimSpace(line) != "" && (limit <= 0 || len(out) < limit) {
			out = append(out, langSample{Text: line, Lang: lang})
		}
		return nil
	})
	return out, err
}
