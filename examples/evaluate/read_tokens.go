package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Readers of pre-tokenized NER data: CoNLL-2003 (`token POS chunk tag`,
// `-DOCSTART-` between documents) and KazNERD (`token tag`), both one token
// per line with a blank line between sentences and the IOB tag in the last
// column.
//
// A document's text is rebuilt from its tokens: tokens joined by one space,
// one sentence per line. Gold spans are then byte spans of that text from the
// first byte of an entity's first token to the last byte of its last token,
// so a predicted mention matches a gold one only if it begins and ends on the
// same token boundaries; a mention that cuts a token can match nothing and
// counts as a false positive.

// nerDoc is one annotated document of the ner task.
type nerDoc struct {
	Name string // file name or position, for messages
	Lang string // language code from the data (bsnlp folders); "" for the -lang default
	Text string
	Gold []goldMention
}

// goldMention is a gold entity mention: a typed byte span of the document,
// with the lemma and cross-document id where the data gives them.
type goldMention struct {
	span
	Lemma, ID string
}

// conllType maps CoNLL-2003 types; MISC is not scored.
func conllType(t string) string {
	switch t {
	case "PER", "ORG", "LOC":
		return t
	}
	return ""
}

// kaznerdType maps KazNERD's 25 types (and the short forms, for other IOB2
// files) to ours: GPE and LOCATION are LOC; FACILITY, NORP and the rest are
// not scored.
func kaznerdType(t string) string {
	switch t {
	case "PERSON", "PER":
		return "PER"
	case "ORGANISATION", "ORGANIZATION", "ORG":
		return "ORG"
	case "GPE", "LOCATION", "LOC":
		return "LOC"
	case "EVENT", "EVT":
		return "EVENT"
	}
	return ""
}

// readTokenFile reads a CoNLL-style file. Documents are delimited by
// `-DOCSTART-` lines; a file without any is read as one document per
// sentence (KazNERD has no document boundaries). Tags are read as IOB1 or
// IOB2 the way conlleval does: an entity starts at B-X, or at I-X after O or
// after another type, and continues over I-X.
func readTokenFile(path string, mapType func(string) string, sk *skips) ([]nerDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	type tok struct{ text, tag string }
	var (
		docs     []nerDoc
		sents    [][]tok // sentences of the current document
		cur      []tok
		sawStart bool
		lineNo   int
	)
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	build := func(ss [][]tok) nerDoc {
		var b strings.Builder
		var gold []goldMention
		for si, s := range ss {
			if si > 0 {
				b.WriteByte('\n')
			}
			open := -1 // index into gold of the entity being extended
			prevType := ""
			for ti, t := range s {
				if ti > 0 {
					b.WriteByte(' ')
				}
				start := b.Len()
				b.WriteString(t.text)
				end := b.Len()
				prefix, typ, found := strings.Cut(t.tag, "-")
				if !found { // IO tags: a bare type continues the entity before it
					prefix, typ = "I", t.tag
				}
				if t.tag == "O" || typ == "" {
					open, prevType = -1, ""
					continue
				}
				begins := prefix == "B" || prefix == "S" || typ != prevType
				prevType = typ
				mapped := mapType(typ)
				if begins {
					open = -1
					if mapped != "" {
						gold = append(gold, goldMention{span: span{Start: start, End: end, Type: mapped}})
						open = len(gold) - 1
					}
					continue
				}
				if open >= 0 {
					gold[open].End = end
				}
			}
		}
		return nerDoc{Text: b.String(), Gold: gold}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) == 0 {
			return
		}
		d := build(sents)
		d.Name = fmt.Sprintf("%s#%d", path, len(docs)+1)
		docs = append(docs, d)
		sents = nil
	}

	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			if sawStart {
				flushSent()
			} else {
				flushDoc() // no document markers so far: each sentence is a document
			}
		case fields[0] == "-DOCSTART-":
			if !sawStart {
				// sentences before the first marker form their own document
				flushDoc()
			}
			sawStart = true
			flushDoc()
		case len(fields) < 2:
			sk.add("%s:%d: want `token ... tag`, got %q", path, lineNo, line)
		default:
			cur = append(cur, tok{text: fields[0], tag: fields[len(fields)-1]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}
