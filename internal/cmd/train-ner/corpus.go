package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/dataset"
)

// The corpora are read by package dataset, as examples/evaluate reads them;
// kept here are the training conventions: the type numbers, how token
// files are grouped into documents, the held-out split (keep), the
// outermost of nested mentions, and the proper and namesOnly filters.

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

// typeNum is the type number of a contract type (PER, ORG, LOC, EVENT as
// package dataset maps the corpora's types); -1 for none.
func typeNum(t string) int {
	switch t {
	case "PER":
		return tPER
	case "ORG":
		return tORG
	case "LOC":
		return tLOC
	case "EVENT":
		return tEVENT
	}
	return -1
}

// joinDoc rebuilds a document from sentences of tokens the way the
// evaluator does ([dataset.Join]; here every line, the last too, ends in a
// line break), with the mentions of the types mapType maps.
func joinDoc(name string, sents [][]dataset.Token, mapType func(string) string) doc {
	text, ms := dataset.Join(sents, true)
	d := doc{name: name, text: text}
	for _, m := range ms {
		if t := typeNum(mapType(m.Type)); t >= 0 {
			d.spans = append(d.spans, gold{m.Start, m.End, t})
		}
	}
	return d
}

// readCoNLL reads a CoNLL-2003 file, one doc per -DOCSTART-.
func readCoNLL(path string) ([]doc, error) {
	tds, err := dataset.ReadTokens(path, nil)
	if err != nil {
		return nil, err
	}
	var docs []doc
	for _, td := range tds {
		docs = append(docs, joinDoc(fmt.Sprint(len(docs)), td.Sentences, dataset.CoNLLType))
	}
	return docs, nil
}

// readKazNERD reads KazNERD IOB2 and groups sentences into pseudo-documents
// of 50; keep selects sentences by index.
func readKazNERD(path string, keep func(i int) bool) ([]doc, error) {
	tds, err := dataset.ReadTokens(path, nil)
	if err != nil {
		return nil, err
	}
	var docs []doc
	var sents [][]dataset.Token
	idx := 0
	for _, td := range tds { // one sentence each: KazNERD has no -DOCSTART-
		for _, s := range td.Sentences {
			if keep(idx) {
				sents = append(sents, s)
				if len(sents) == 50 {
					docs = append(docs, joinDoc(fmt.Sprint(len(docs)), sents, dataset.KazNERDType))
					sents = nil
				}
			}
			idx++
		}
	}
	if len(sents) > 0 {
		docs = append(docs, joinDoc(fmt.Sprint(len(docs)), sents, dataset.KazNERDType))
	}
	return docs, nil
}

// readFactRu reads factRuEval documents (ids selected by keep over their
// sorted index) as the evaluator does: the raw *.txt, and as mentions the
// objects Person, Org, Location and LocOrg from the first character of their
// first span to the last of their last, outermost kept; an object made only
// of descriptions (правительство, города) is not a named mention.
//
// With namesOnly, a place mention spans only the loc_name parts of its
// object: descriptors (реки Славянки →Славянки) and adjectives
// (португальский) are left out, the convention of NEREL and of this
// library; an organization mention starts at its first org_name part when
// only lower-case descriptors stand before it (агентству Рейтер → Рейтер,
// футбольного клуба Челси → Челси) and keeps factRuEval's span otherwise
// (Министерство внутренних дел Пакистана, Правительство Пакистана).
func readFactRu(dir string, keep func(i int) bool, namesOnly bool) ([]doc, error) {
	ds, err := dataset.ReadFactRu(dir, nil)
	if err != nil {
		return nil, err
	}
	var docs []doc
	for i, d := range ds {
		if !keep(i) {
			continue
		}
		var ms []gold
		for _, m := range d.Mentions {
			t := typeNum(dataset.FactRuType(m.Type))
			if t < 0 {
				continue
			}
			a, b, named := -1, -1, false
			nameAt, descrLower := -1, true
			for _, p := range m.Parts {
				if t == tORG && p.Kind == "org_name" && (nameAt < 0 || p.Start < nameAt) {
					nameAt = p.Start
				}
			}
			for _, p := range m.Parts {
				if namesOnly && t == tLOC && p.Kind != "loc_name" {
					continue
				}
				if nameAt >= 0 && p.Start < nameAt {
					if c, _ := utf8.DecodeRuneInString(d.Text[p.Start:]); !unicode.IsLower(c) {
						descrLower = false
					}
				}
				named = named || p.Named()
				if a < 0 || p.Start < a {
					a = p.Start
				}
				b = max(b, p.End)
			}
			if namesOnly && nameAt > a && descrLower {
				a = nameAt
			}
			if a >= 0 && named {
				ms = append(ms, gold{a, b, t})
			}
		}
		docs = append(docs, doc{name: filepath.Base(d.Name), text: d.Text, spans: outermost(ms)})
	}
	return docs, nil
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

// readBrat reads NEREL brat documents: PERSON, ORGANIZATION and the place
// types, outermost among those. With proper, mentions that start with a
// lower-case letter (NEREL marks adjectives such as британской as COUNTRY)
// are dropped after nesting is resolved, as dropLower says.
func readBrat(dir string, proper bool) ([]doc, error) {
	ds, err := dataset.ReadBrat(dir, nil)
	if err != nil {
		return nil, err
	}
	var docs []doc
	for _, d := range ds {
		var ms []gold
		for _, m := range d.Mentions {
			if t := typeNum(dataset.NERELType(m.Type)); t >= 0 {
				ms = append(ms, gold{m.Start, m.End, t})
			}
		}
		ms = outermost(ms)
		if proper {
			ms = dropLower(d.Text, ms)
		}
		docs = append(docs, doc{name: filepath.Base(d.Name), text: d.Text, spans: ms})
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
// by keep over their sorted index; a text that is not UTF-8 is left out.
// With proper, mentions that start with a lower-case letter are dropped:
// SlavicNER marks adjectives and common nouns (американские LOC, демократов
// ORG, коронавируса EVT) that the library does not report as names, unlike
// factRuEval.
func readBSNLP(root, lang string, keep func(i int) bool, proper bool) ([]doc, error) {
	ds, err := dataset.ReadBSNLP(root, lang, nil)
	if err != nil {
		return nil, err
	}
	var docs []doc
	for i, d := range ds {
		if !keep(i) || !utf8.ValidString(d.Text) {
			continue
		}
		rel, err := filepath.Rel(filepath.Join(root, "ner"), d.Ann)
		if err != nil {
			return nil, err
		}
		var ms []gold
		for _, m := range d.Mentions {
			t := typeNum(dataset.BSNLPType(m.Type))
			if t < 0 {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(m.Surface); proper && unicode.IsLower(r) {
				continue
			}
			ms = append(ms, gold{m.Start, m.End, t})
		}
		docs = append(docs, doc{name: rel, text: d.Text, spans: outermost(ms)})
	}
	return docs, nil
}

// readWikiANN reads a WikiANN split (`index<TAB>token<TAB>tag`), grouping
// sentences into pseudo-documents of 50 lines without a token (a blank
// line ends a sentence).
func readWikiANN(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	var sents [][]dataset.Token
	var cur []dataset.Token
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 3 {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			n++
			if n%50 == 0 {
				docs = append(docs, joinDoc(fmt.Sprint(len(docs)), sents, dataset.CoNLLType))
				sents = nil
			}
			continue
		}
		cur = append(cur, dataset.Token{Text: fs[1], Tag: fs[2]})
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	if len(sents) > 0 {
		docs = append(docs, joinDoc(fmt.Sprint(len(docs)), sents, dataset.CoNLLType))
	}
	return docs, sc.Err()
}
