package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Readers of stand-off NER annotation over raw text: factRuEval-2016,
// brat (NEREL) and SlavicNER (BSNLP). All three give offsets in characters
// (Unicode code points, as Python counts them), which are converted to byte
// offsets of the raw text before scoring.

// runeOffsets returns the byte offset of every code point of text, followed
// by len(text): runeOffsets(text)[i] is where character i starts.
func runeOffsets(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// byteSpan converts a character span to a byte span; ok is false when it is
// out of range.
func byteSpan(offs []int, start, end int) (s, e int, ok bool) {
	if start < 0 || end < start || end >= len(offs) {
		return 0, 0, false
	}
	return offs[start], offs[end], true
}

// outermost drops every gold mention that lies inside a longer one and
// duplicate spans of the same type, keeping the order of the rest. Flat
// taggers can find only one of a nested pair; the contract scores the outer.
func outermost(ms []goldMention) []goldMention {
	var out []goldMention
	seen := map[span]bool{}
	for i, m := range ms {
		inside := false
		for j, o := range ms {
			if i != j && o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside && !seen[m.span] {
			seen[m.span] = true
			out = append(out, m)
		}
	}
	return out
}

// closeQuote extends the byte span [s, e) of text over the closing quotes
// that directly follow it when the span opens more quotes than it closes:
// factRuEval and NEREL end `газета «Ведомости` at the name, and no tagger
// would stop there. It returns the new end.
func closeQuote(text string, s, e int) int {
	for range 3 {
		in := text[s:e]
		switch {
		case strings.Count(in, "«") > strings.Count(in, "»") && strings.HasPrefix(text[e:], "»"):
			e += len("»")
		case strings.Count(in, "„") > strings.Count(in, "“") && strings.HasPrefix(text[e:], "“"):
			e += len("“")
		case strings.Count(in, "“") > strings.Count(in, "”") && strings.HasPrefix(text[e:], "”"):
			e += len("”")
		case strings.Count(in, "\"")%2 == 1 && strings.HasPrefix(text[e:], "\""):
			e++
		default:
			return e
		}
	}
	return e
}

func sortGold(ms []goldMention) {
	slices.SortStableFunc(ms, func(a, b goldMention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
}

// factruType maps factRuEval object types: LocOrg (a place acting as an
// organization, "Россия заявила") is LOC; Project and Facility are not scored.
func factruType(t string) string {
	switch t {
	case "Person":
		return "PER"
	case "Org":
		return "ORG"
	case "Location", "LocOrg":
		return "LOC"
	}
	return ""
}

// factruNamed are the span types of layer 1 that are (parts of) names, as
// opposed to descriptions (org_descr `правительство`, loc_descr `площади`,
// job `мэр`).
var factruNamed = map[string]bool{
	"name": true, "surname": true, "patronymic": true, "nickname": true,
	"org_name": true, "loc_name": true, "geo_adj": true, "prj_name": true,
}

// readFactRu reads a factRuEval-2016 directory (devset/ or testset/): for
// every `<id>.objects` the text `<id>.txt` (rebuilt from `<id>.tokens` when
// absent) and the spans `<id>.spans`. A gold mention is an object of layer 2,
// from the first character of its first span to the last of its last span
// and over an unclosed quote's closing quote (`партии «Яблоко»`, see
// [closeQuote]). Objects made only of
// descriptions (an Org that is just `правительство`) are not named entities
// and are dropped, as are mentions nested in longer ones (`Москвы` inside the
// Org `мэрии Москвы`).
func readFactRu(dir string, sk *skips) ([]nerDoc, error) {
	objs, err := filepath.Glob(filepath.Join(dir, "*.objects"))
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("factru: no *.objects files in %s", dir)
	}
	slices.Sort(objs)
	var docs []nerDoc
	for _, obj := range objs {
		base := strings.TrimSuffix(obj, ".objects")
		d, err := readFactRuDoc(base, sk)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func readFactRuDoc(base string, sk *skips) (nerDoc, error) {
	d := nerDoc{Name: base}
	raw, err := os.ReadFile(base + ".txt")
	switch {
	case err == nil:
		d.Text = string(raw)
	case os.IsNotExist(err):
		if d.Text, err = factruTextFromTokens(base+".tokens", sk); err != nil {
			return d, err
		}
	default:
		return d, err
	}
	offs := runeOffsets(d.Text)

	type sp struct {
		start, end int
		named      bool
	}
	spans := map[string]sp{}
	err = eachLine(base+".spans", func(n int, line string) error {
		f := strings.Fields(strings.SplitN(line, "#", 2)[0])
		if len(f) == 0 {
			return nil
		}
		if len(f) < 4 {
			sk.add("%s.spans:%d: want `id type start length ...`", base, n)
			return nil
		}
		s, err1 := strconv.Atoi(f[2])
		l, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			sk.add("%s.spans:%d: bad start or length", base, n)
			return nil
		}
		spans[f[0]] = sp{s, s + l, factruNamed[f[1]]}
		return nil
	})
	if err != nil {
		return d, err
	}
	err = eachLine(base+".objects", func(n int, line string) error {
		f := strings.Fields(strings.SplitN(line, "#", 2)[0])
		if len(f) < 3 {
			return nil
		}
		typ := factruType(f[1])
		if typ == "" {
			return nil
		}
		lo, hi, named := -1, -1, false
		for _, id := range f[2:] {
			s, ok := spans[id]
			if !ok {
				sk.add("%s.objects:%d: unknown span %s", base, n, id)
				return nil
			}
			named = named || s.named
			if lo < 0 || s.start < lo {
				lo = s.start
			}
			if s.end > hi {
				hi = s.end
			}
		}
		if !named {
			return nil // `правительство`, `города`: a description, not a name
		}
		bs, be, ok := byteSpan(offs, lo, hi)
		if !ok {
			sk.add("%s.objects:%d: span %d..%d outside the text", base, n, lo, hi)
			return nil
		}
		d.Gold = append(d.Gold, goldMention{span: span{Start: bs, End: closeQuote(d.Text, bs, be), Type: typ}})
		return nil
	})
	if err != nil {
		return d, err
	}
	d.Gold = outermost(d.Gold)
	sortGold(d.Gold)
	return d, nil
}

// factruTextFromTokens rebuilds a text from `id start length text` lines,
// putting every token at its character offset and spaces between.
func factruTextFromTokens(path string, sk *skips) (string, error) {
	var rs []rune
	err := eachLine(path, func(n int, line string) error {
		f := strings.SplitN(line, " ", 4)
		if len(f) < 4 {
			return nil
		}
		s, err := strconv.Atoi(f[1])
		if err != nil || s < len(rs) {
			sk.add("%s:%d: bad or overlapping start", path, n)
			return nil
		}
		for len(rs) < s {
			rs = append(rs, ' ')
		}
		rs = append(rs, []rune(f[3])...)
		return nil
	})
	return string(rs), err
}

// nerelType maps NEREL's 29 types as the contract says: PERSON, ORGANIZATION,
// and the places COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION. NEREL's
// EVENT marks event words (`стрельба`, `выступили`), not named events, and is
// not scored.
func nerelType(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORGANIZATION":
		return "ORG"
	case "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION":
		return "LOC"
	}
	return ""
}

// readBrat reads every `*.ann` under dir with its `*.txt`. Entity (T) lines
// of the scored types become gold mentions; a discontinuous entity
// (`s1 e1;s2 e2`) spans from its first fragment to its last, and a span
// that opens a quote takes the closing quote after it. Of nested
// mentions only the outermost is kept, after unscored types are dropped (so
// the CITY inside an ORGANIZATION name is dropped, the one inside a
// PROFESSION is kept).
func readBrat(dir string, sk *skips) ([]nerDoc, error) {
	var anns []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".ann") {
			anns = append(anns, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("brat: no *.ann files under %s", dir)
	}
	slices.Sort(anns)
	var docs []nerDoc
	for _, ann := range anns {
		base := strings.TrimSuffix(ann, ".ann")
		raw, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, err
		}
		d := nerDoc{Name: base, Text: string(raw)}
		offs := runeOffsets(d.Text)
		err = eachLine(ann, func(n int, line string) error {
			if !strings.HasPrefix(line, "T") {
				return nil
			}
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				sk.add("%s:%d: want `T<n>\\tTYPE start end\\ttext`", ann, n)
				return nil
			}
			typ, frags, _ := strings.Cut(f[1], " ")
			if typ = nerelType(typ); typ == "" {
				return nil
			}
			lo, hi := -1, -1
			for _, fr := range strings.Split(frags, ";") {
				se := strings.Fields(fr)
				if len(se) != 2 {
					sk.add("%s:%d: bad fragment %q", ann, n, fr)
					return nil
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil {
					sk.add("%s:%d: bad fragment %q", ann, n, fr)
					return nil
				}
				if lo < 0 || s < lo {
					lo = s
				}
				hi = max(hi, e)
			}
			bs, be, ok := byteSpan(offs, lo, hi)
			if !ok {
				sk.add("%s:%d: span %d..%d outside the text", ann, n, lo, hi)
				return nil
			}
			d.Gold = append(d.Gold, goldMention{span: span{Start: bs, End: closeQuote(d.Text, bs, be), Type: typ}})
			return nil
		})
		if err != nil {
			return nil, err
		}
		d.Gold = outermost(d.Gold)
		sortGold(d.Gold)
		docs = append(docs, d)
	}
	return docs, nil
}

// bsnlpType maps SlavicNER categories; products (PRO) are not scored.
func bsnlpType(t string) string {
	switch t {
	case "PER", "ORG", "LOC":
		return t
	case "EVT":
		return "EVENT"
	}
	return ""
}

// readBSNLP reads a SlavicNER-style tree: `ner/<topic>/<lang>/<doc>.tsv`
// (`start end surface lemma category id`, character offsets) with the text
// in `raw/<topic>/<lang>/<doc>.txt`. lang, when not "", keeps only the
// documents in folders of that name.
func readBSNLP(root, lang string, sk *skips) ([]nerDoc, error) {
	nerDir := filepath.Join(root, "ner")
	var tsvs []string
	err := filepath.WalkDir(nerDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tsv") && (lang == "" || filepath.Base(filepath.Dir(p)) == lang) {
			tsvs = append(tsvs, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(tsvs) == 0 {
		return nil, fmt.Errorf("bsnlp: no ner/**/%s/*.tsv under %s", cmp.Or(lang, "*"), root)
	}
	slices.Sort(tsvs)
	var docs []nerDoc
	for _, tsv := range tsvs {
		rel, err := filepath.Rel(nerDir, tsv)
		if err != nil {
			return nil, err
		}
		rawPath := filepath.Join(root, "raw", strings.TrimSuffix(rel, ".tsv")+".txt")
		raw, err := os.ReadFile(rawPath)
		if err != nil {
			return nil, err
		}
		d := nerDoc{Name: rawPath, Lang: filepath.Base(filepath.Dir(tsv)), Text: string(raw)}
		offs := runeOffsets(d.Text)
		err = eachLine(tsv, func(n int, line string) error {
			f := strings.Split(line, "\t")
			if len(f) < 5 {
				return nil
			}
			typ := bsnlpType(strings.TrimSpace(f[4]))
			if typ == "" {
				return nil
			}
			s, err1 := strconv.Atoi(strings.TrimSpace(f[0]))
			e, err2 := strconv.Atoi(strings.TrimSpace(f[1]))
			if err1 != nil || err2 != nil {
				return nil // a header line
			}
			bs, be, ok := byteSpan(offs, s, e)
			if !ok {
				sk.add("%s:%d: span %d..%d outside the text", tsv, n, s, e)
				return nil
			}
			g := goldMention{span: span{Start: bs, End: be, Type: typ}, Lemma: strings.TrimSpace(f[3])}
			if len(f) > 5 {
				g.ID = strings.TrimSpace(f[5])
			}
			d.Gold = append(d.Gold, g)
			return nil
		})
		if err != nil {
			return nil, err
		}
		sortGold(d.Gold)
		docs = append(docs, d)
	}
	return docs, nil
}

// eachLine calls fn with every line of the file (1-based number, no line
// terminator).
func eachLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		if err := fn(n, strings.TrimRight(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	return sc.Err()
}
