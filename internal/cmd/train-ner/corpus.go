package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Type numbers as in entity/seqtag: PER, ORG, LOC, EVENT.
const (
	tPER = iota
	tORG
	tLOC
	tEVENT
)

// gold is one annotated mention: byte offsets into doc.text.
type gold struct {
	start, end int
	typ        int
}

// doc is one annotated document: text as the evaluator would pass it to
// Extract, and its gold mentions (outermost, non-overlapping).
type doc struct {
	name  string
	text  string
	spans []gold
}

// builder joins tokens with single spaces, one sentence a line, the way the
// evaluator rebuilds pre-tokenized corpora.
type builder struct {
	b     strings.Builder
	spans []gold
	open  int // start of the current mention or -1
	typ   int
	bol   bool
}

func newBuilder() *builder { return &builder{open: -1, bol: true} }

func (w *builder) closeSpan() {
	if w.open >= 0 {
		w.spans = append(w.spans, gold{w.open, w.b.Len(), w.typ})
		w.open = -1
	}
}

// token adds a token with an IOB2 tag mapped to a type (-1 for none).
func (w *builder) token(text string, begin bool, typ int) {
	if typ < 0 || begin || typ != w.typ {
		w.closeSpan()
	}
	if !w.bol {
		w.b.WriteByte(' ')
	}
	w.bol = false
	if typ >= 0 && w.open < 0 {
		w.open, w.typ = w.b.Len(), typ
	}
	w.b.WriteString(text)
}

func (w *builder) endSentence() {
	w.closeSpan()
	if !w.bol {
		w.b.WriteByte('\n')
	}
	w.bol = true
}

func (w *builder) doc(name string) doc {
	w.endSentence()
	d := doc{name: name, text: w.b.String(), spans: w.spans}
	w.b.Reset()
	w.spans = nil
	return d
}

// splitTag splits an IOB2 tag into its B/I flag and mapped type.
func splitTag(tag string, mapType func(string) int) (bool, int) {
	if tag == "O" || len(tag) < 3 {
		return false, -1
	}
	return tag[0] == 'B', mapType(tag[2:])
}

// readFiles reads the files of one annotated document (text and its
// annotation files) as strings.
func readFiles(paths ...string) ([]string, error) {
	out := make([]string, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out[i] = string(b)
	}
	return out, nil
}

// perOrgLoc maps the PER, ORG and LOC tags of CoNLL and WikiANN to types;
// other tags (MISC) are -1, not trained.
func perOrgLoc(t string) int {
	switch t {
	case "PER":
		return tPER
	case "ORG":
		return tORG
	case "LOC":
		return tLOC
	}
	return -1
}

// readCoNLL reads a CoNLL-2003 file, one doc per -DOCSTART-.
func readCoNLL(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mapType := perOrgLoc
	var docs []doc
	w := newBuilder()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fs := strings.Fields(line)
		switch {
		case len(fs) == 0:
			w.endSentence()
		case fs[0] == "-DOCSTART-":
			if d := w.doc(fmt.Sprint(len(docs))); d.text != "" {
				docs = append(docs, d)
			}
		default:
			b, t := splitTag(fs[len(fs)-1], mapType)
			w.token(fs[0], b, t)
		}
	}
	if d := w.doc(fmt.Sprint(len(docs))); d.text != "" {
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// readKazNERD reads KazNERD IOB2 and groups sentences into pseudo-documents
// of 50; keep selects sentences by index.
func readKazNERD(path string, keep func(i int) bool) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mapType := func(t string) int {
		switch t {
		case "PERSON":
			return tPER
		case "ORGANISATION":
			return tORG
		case "GPE", "LOCATION":
			return tLOC
		case "EVENT":
			return tEVENT
		}
		return -1
	}
	var docs []doc
	w := newBuilder()
	var sent [][2]string
	idx, kept := 0, 0
	flush := func() {
		if len(sent) == 0 {
			return
		}
		if keep(idx) {
			for _, p := range sent {
				b, t := splitTag(p[1], mapType)
				w.token(p[0], b, t)
			}
			w.endSentence()
			kept++
			if kept%50 == 0 {
				docs = append(docs, w.doc(fmt.Sprint(len(docs))))
			}
		}
		idx++
		sent = sent[:0]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		sent = append(sent, [2]string{fs[0], fs[len(fs)-1]})
	}
	flush()
	if d := w.doc(fmt.Sprint(len(docs))); d.text != "" {
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// readFactRu reads factRuEval documents (ids selected by keep over their
// sorted index) as the evaluator does: the raw *.txt, and as mentions the
// objects Person, Org, Location and LocOrg from the first character of their
// first span to the last of their last, outermost kept.
//
// With namesOnly, a place mention spans only the loc_name parts of its
// object: descriptors (реки Славянки →Славянки) and adjectives
// (португальский) are left out, the convention of NEREL and of this
// library; an organization mention starts at its first org_name part when
// only lower-case descriptors stand before it (агентству Рейтер → Рейтер,
// футбольного клуба Челси → Челси) and keeps factRuEval's span otherwise
// (Министерство внутренних дел Пакистана, Правительство Пакистана).
func readFactRu(dir string, keep func(i int) bool, namesOnly bool) ([]doc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.objects"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var docs []doc
	for i, objPath := range names {
		if !keep(i) {
			continue
		}
		base := strings.TrimSuffix(objPath, ".objects")
		files, err := readFiles(base+".txt", base+".spans", objPath)
		if err != nil {
			return nil, err
		}
		text, spans, objs := files[0], files[1], files[2]
		r2b := runeToByte(text)
		type rng struct {
			a, b  int
			named bool
			kind  string
		}
		sp := map[string]rng{}
		for _, line := range strings.Split(spans, "\n") {
			line, _, _ = strings.Cut(line, "#")
			fs := strings.Fields(line)
			if len(fs) < 4 {
				continue
			}
			s, err1 := strconv.Atoi(fs[2])
			n, err2 := strconv.Atoi(fs[3])
			if err1 != nil || err2 != nil {
				continue
			}
			sp[fs[0]] = rng{s, s + n, factruNamed[fs[1]], fs[1]}
		}
		var ms []gold
		for _, line := range strings.Split(objs, "\n") {
			line, _, _ = strings.Cut(line, "#")
			fs := strings.Fields(line)
			if len(fs) < 3 {
				continue
			}
			t := -1
			switch fs[1] {
			case "Person":
				t = tPER
			case "Org":
				t = tORG
			case "Location", "LocOrg":
				t = tLOC
			}
			if t < 0 {
				continue
			}
			a, b, named := -1, -1, false
			nameAt, descrLower := -1, true
			for _, s := range fs[2:] {
				if r, ok := sp[s]; ok && t == tORG && r.kind == "org_name" && (nameAt < 0 || r.a < nameAt) {
					nameAt = r.a
				}
			}
			for _, s := range fs[2:] {
				r, ok := sp[s]
				if !ok {
					continue
				}
				if namesOnly && t == tLOC && r.kind != "loc_name" {
					continue
				}
				if nameAt >= 0 && r.a < nameAt {
					if c, _ := utf8.DecodeRuneInString(text[r2b(r.a):]); !unicode.IsLower(c) {
						descrLower = false
					}
				}
				named = named || r.named
				if a < 0 || r.a < a {
					a = r.a
				}
				if r.b > b {
					b = r.b
				}
			}
			if namesOnly && nameAt > a && descrLower {
				a = nameAt
			}
			if a >= 0 && named {
				ms = append(ms, gold{r2b(a), r2b(b), t})
			}
		}
		docs = append(docs, doc{name: filepath.Base(base), text: text, spans: outermost(ms)})
	}
	return docs, nil
}

// factruNamed are the factRuEval span types that are (parts of) names; an
// object made only of descriptions (правительство, города) is not a named
// mention, as the evaluator also holds.
var factruNamed = map[string]bool{
	"name": true, "surname": true, "patronymic": true, "nickname": true,
	"org_name": true, "loc_name": true, "geo_adj": true, "prj_name": true,
}

// outermost drops mentions nested in or overlapping an earlier longer one.
func outermost(ms []gold) []gold {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	var out []gold
	for _, m := range ms {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

// runeToByte returns a function mapping rune offsets of s to byte offsets.
func runeToByte(s string) func(int) int {
	idx := make([]int, 0, len(s)+1)
	for i := range s {
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	return func(r int) int {
		if r < 0 {
			return 0
		}
		if r >= len(idx) {
			return len(s)
		}
		return idx[r]
	}
}

// readBrat reads NEREL brat documents: PERSON, ORGANIZATION and the place
// types, outermost among those. With proper, mentions that start with a
// lower-case letter (NEREL marks adjectives such as британской as COUNTRY)
// are dropped after nesting is resolved, as dropLower says.
func readBrat(dir string, proper bool) ([]doc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var docs []doc
	for _, ann := range names {
		base := strings.TrimSuffix(ann, ".ann")
		files, err := readFiles(base+".txt", ann)
		if err != nil {
			return nil, err
		}
		text, a := files[0], files[1]
		r2b := runeToByte(text)
		var ms []gold
		for _, line := range strings.Split(a, "\n") {
			if !strings.HasPrefix(line, "T") {
				continue
			}
			fs := strings.SplitN(line, "\t", 3)
			if len(fs) < 2 {
				continue
			}
			head := strings.Fields(strings.ReplaceAll(fs[1], ";", " "))
			if len(head) < 3 {
				continue
			}
			t := -1
			switch head[0] {
			case "PERSON":
				t = tPER
			case "ORGANIZATION":
				t = tORG
			case "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION":
				t = tLOC
			}
			if t < 0 {
				continue
			}
			s, err1 := strconv.Atoi(head[1])
			e, err2 := strconv.Atoi(head[len(head)-1])
			if err1 != nil || err2 != nil {
				continue
			}
			ms = append(ms, gold{r2b(s), r2b(e), t})
		}
		ms = outermost(ms)
		if proper {
			ms = dropLower(text, ms)
		}
		docs = append(docs, doc{name: filepath.Base(base), text: text, spans: ms})
	}
	return docs, nil
}

// dropLower drops places and people whose first letter is lower case:
// adjectives and demonyms (британской, американцев), which the library does
// not report as mentions of their own. Lower-case organizations are kept
// (полиция, министерство обороны России): dropping even the one-word ones
// cost 2 points of factRuEval F1 in a trial.
func dropLower(text string, ms []gold) []gold {
	out := ms[:0]
	for _, m := range ms {
		s := text[m.start:m.end]
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLower(r) && (m.typ == tLOC || m.typ == tPER) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// readBSNLP reads SlavicNER documents of one language (all topics), selected
// by keep over their sorted index. With proper, mentions that start with a
// lower-case letter are dropped: SlavicNER marks adjectives and common nouns
// (американские LOC, демократов ORG, коронавируса EVT) that the library
// does not report as names, unlike factRuEval.
func readBSNLP(root, lang string, keep func(i int) bool, proper bool) ([]doc, error) {
	names, err := filepath.Glob(filepath.Join(root, "ner", "*", lang, "*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var docs []doc
	for i, nerPath := range names {
		if !keep(i) {
			continue
		}
		rel, _ := filepath.Rel(filepath.Join(root, "ner"), nerPath)
		rawPath := filepath.Join(root, "raw", strings.TrimSuffix(rel, ".tsv")+".txt")
		txt, err := os.ReadFile(rawPath)
		if err != nil {
			continue
		}
		a, err := os.ReadFile(nerPath)
		if err != nil {
			return nil, err
		}
		text := string(txt)
		if !utf8.ValidString(text) {
			continue
		}
		r2b := runeToByte(text)
		var ms []gold
		for _, line := range strings.Split(string(a), "\n") {
			fs := strings.Split(line, "\t")
			if len(fs) < 5 {
				continue
			}
			t := -1
			switch fs[4] {
			case "PER":
				t = tPER
			case "ORG":
				t = tORG
			case "LOC":
				t = tLOC
			case "EVT":
				t = tEVENT
			}
			s, err1 := strconv.Atoi(fs[0])
			e, err2 := strconv.Atoi(fs[1])
			if t < 0 || err1 != nil || err2 != nil {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(fs[2]); proper && unicode.IsLower(r) {
				continue
			}
			ms = append(ms, gold{r2b(s), r2b(e), t})
		}
		docs = append(docs, doc{name: rel, text: text, spans: outermost(ms)})
	}
	return docs, nil
}

// readWikiANN reads a WikiANN split (`index<TAB>token<TAB>tag`), grouping
// sentences into pseudo-documents of 50.
func readWikiANN(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mapType := perOrgLoc
	var docs []doc
	w := newBuilder()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 3 {
			w.endSentence()
			n++
			if n%50 == 0 {
				docs = append(docs, w.doc(fmt.Sprint(len(docs))))
			}
			continue
		}
		b, t := splitTag(fs[2], mapType)
		w.token(fs[1], b, t)
	}
	if d := w.doc(fmt.Sprint(len(docs))); d.text != "" {
		docs = append(docs, d)
	}
	return docs, sc.Err()
}
