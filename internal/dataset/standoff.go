package dataset

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ReadFactRu reads a factRuEval-2016 directory (devset/ or testset/), in
// the sorted order of its `<id>.objects` files: the text `<id>.txt`
// (rebuilt from `<id>.tokens` when absent) and one mention per object of
// layer 2 (`<id>.objects`), with the object's spans of layer 1
// (`<id>.spans`) as its Parts. An object with an unknown span or a span
// outside the text is skipped.
func ReadFactRu(dir string, skip Skip) ([]Doc, error) {
	objs, err := filepath.Glob(filepath.Join(dir, "*.objects"))
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("factru: no *.objects files in %s", dir)
	}
	slices.Sort(objs)
	var docs []Doc
	for _, obj := range objs {
		d, err := readFactRuDoc(strings.TrimSuffix(obj, ".objects"), skip)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func readFactRuDoc(base string, skip Skip) (Doc, error) {
	d := Doc{Name: base, Ann: base + ".objects"}
	raw, err := os.ReadFile(base + ".txt")
	switch {
	case err == nil:
		d.Text = string(raw)
	case os.IsNotExist(err):
		if d.Text, err = factruTextFromTokens(base+".tokens", skip); err != nil {
			return d, err
		}
	default:
		return d, err
	}
	offs := RuneOffsets(d.Text)

	type sp struct {
		kind       string
		start, end int // characters
	}
	spans := map[string]sp{}
	err = EachLine(base+".spans", func(n int, line string) error {
		f := strings.Fields(strings.SplitN(line, "#", 2)[0])
		if len(f) == 0 {
			return nil
		}
		if len(f) < 4 {
			skip.add("%s.spans:%d: want `id type start length ...`", base, n)
			return nil
		}
		s, err1 := strconv.Atoi(f[2])
		l, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			skip.add("%s.spans:%d: bad start or length", base, n)
			return nil
		}
		spans[f[0]] = sp{f[1], s, s + l}
		return nil
	})
	if err != nil {
		return d, err
	}
	err = EachLine(d.Ann, func(n int, line string) error {
		f := strings.Fields(strings.SplitN(line, "#", 2)[0])
		if len(f) < 3 {
			return nil
		}
		m := Mention{Type: f[1], Start: -1, End: -1}
		for _, id := range f[2:] {
			s, ok := spans[id]
			if !ok {
				skip.add("%s.objects:%d: unknown span %s", base, n, id)
				return nil
			}
			bs, be, ok := byteSpan(offs, s.start, s.end)
			if !ok {
				skip.add("%s.objects:%d: span %d..%d outside the text", base, n, s.start, s.end)
				return nil
			}
			m.Parts = append(m.Parts, Part{Kind: s.kind, Start: bs, End: be})
			if m.Start < 0 || bs < m.Start {
				m.Start = bs
			}
			m.End = max(m.End, be)
		}
		d.Mentions = append(d.Mentions, m)
		return nil
	})
	return d, err
}

// factruTextFromTokens rebuilds a text from `id start length text` lines,
// putting every token at its character offset and spaces between.
func factruTextFromTokens(path string, skip Skip) (string, error) {
	var rs []rune
	err := EachLine(path, func(n int, line string) error {
		f := strings.SplitN(line, " ", 4)
		if len(f) < 4 {
			return nil
		}
		s, err := strconv.Atoi(f[1])
		if err != nil || s < len(rs) {
			skip.add("%s:%d: bad or overlapping start", path, n)
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

// ReadBrat reads every `*.ann` under dir (NEREL's train/ or dev/), in
// sorted order, with its `*.txt`: one mention per entity (T) line, of any
// type, nested ones too. A discontinuous entity (`s1 e1;s2 e2`) spans from
// the start of its first fragment to the end of its last.
func ReadBrat(dir string, skip Skip) ([]Doc, error) {
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
	var docs []Doc
	for _, ann := range anns {
		base := strings.TrimSuffix(ann, ".ann")
		raw, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, err
		}
		d := Doc{Name: base, Ann: ann, Text: string(raw)}
		offs := RuneOffsets(d.Text)
		err = EachLine(ann, func(n int, line string) error {
			if !strings.HasPrefix(line, "T") {
				return nil
			}
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				skip.add("%s:%d: want `T<n>\\tTYPE start end\\ttext`", ann, n)
				return nil
			}
			typ, frags, _ := strings.Cut(f[1], " ")
			lo, hi := -1, -1
			for _, fr := range strings.Split(frags, ";") {
				se := strings.Fields(fr)
				if len(se) != 2 {
					skip.add("%s:%d: bad fragment %q", ann, n, fr)
					return nil
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil {
					skip.add("%s:%d: bad fragment %q", ann, n, fr)
					return nil
				}
				if lo < 0 || s < lo {
					lo = s
				}
				hi = max(hi, e)
			}
			bs, be, ok := byteSpan(offs, lo, hi)
			if !ok {
				skip.add("%s:%d: span %d..%d outside the text", ann, n, lo, hi)
				return nil
			}
			d.Mentions = append(d.Mentions, Mention{Start: bs, End: be, Type: typ})
			return nil
		})
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// ReadBSNLP reads a SlavicNER-style tree, in sorted order:
// `ner/<topic>/<lang>/<doc>.tsv` (`start end surface lemma category id`,
// character offsets, the end inclusive of nothing: half-open) with the text
// in `raw/<topic>/<lang>/<doc>.txt`. lang, when not "", keeps only the
// documents in folders of that name. Lines whose offsets are not numbers
// (a header) are passed over.
func ReadBSNLP(root, lang string, skip Skip) ([]Doc, error) {
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
	var docs []Doc
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
		d := Doc{Name: rawPath, Ann: tsv, Lang: filepath.Base(filepath.Dir(tsv)), Text: string(raw)}
		offs := RuneOffsets(d.Text)
		err = EachLine(tsv, func(n int, line string) error {
			f := strings.Split(line, "\t")
			if len(f) < 5 {
				return nil
			}
			s, err1 := strconv.Atoi(strings.TrimSpace(f[0]))
			e, err2 := strconv.Atoi(strings.TrimSpace(f[1]))
			if err1 != nil || err2 != nil {
				return nil // a header line
			}
			bs, be, ok := byteSpan(offs, s, e)
			if !ok {
				skip.add("%s:%d: span %d..%d outside the text", tsv, n, s, e)
				return nil
			}
			m := Mention{Start: bs, End: be, Type: strings.TrimSpace(f[4]),
				Surface: strings.TrimSpace(f[2]), Lemma: strings.TrimSpace(f[3])}
			if len(f) > 5 {
				m.ID = strings.TrimSpace(f[5])
			}
			d.Mentions = append(d.Mentions, m)
			return nil
		})
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}
