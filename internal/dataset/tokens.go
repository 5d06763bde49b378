package dataset

import (
	"fmt"
	"strings"
)

// Token is one token of a token file with its tag (`B-PER`, `I-GPE`, `O`).
type Token struct {
	Text, Tag string
}

// TokenDoc is one document of a token file: its sentences, each a
// non-empty list of tokens.
type TokenDoc struct {
	Name      string // <file>#<n>, n from 1
	Sentences [][]Token
}

// ReadTokens reads a CoNLL-style token file: CoNLL-2003 (`token POS chunk
// tag`, `-DOCSTART-` between documents) or KazNERD (`token tag`), one token
// a line with the tag in the last column and a blank line between
// sentences. Documents are delimited by `-DOCSTART-` lines; a file without
// any is read as one document per sentence (KazNERD has no document
// boundaries), and the sentences before the first marker are documents of
// their own. A line of one field is skipped.
func ReadTokens(path string, skip Skip) ([]TokenDoc, error) {
	var (
		docs     []TokenDoc
		sents    [][]Token // sentences of the current document
		cur      []Token
		sawStart bool
	)
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) == 0 {
			return
		}
		docs = append(docs, TokenDoc{Name: fmt.Sprintf("%s#%d", path, len(docs)+1), Sentences: sents})
		sents = nil
	}
	err := EachLine(path, func(n int, line string) error {
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
			skip.add("%s:%d: want `token ... tag`, got %q", path, n, line)
		default:
			cur = append(cur, Token{Text: fields[0], Tag: fields[len(fields)-1]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

// Join rebuilds the text of sentences, tokens joined by one space and one
// sentence a line (with final, the last line too ends in "\n"), and returns
// it with the entities of the tags as mentions from the first byte of an
// entity's first token to the last byte of its last, in the corpus's types.
// So a mention that cuts a token can match no gold one.
//
// Tags are read as IOB1 or IOB2 the way conlleval does: an entity starts at
// B-X (or S-X), or at I-X after O or after another type, and continues over
// I-X; a bare type X (IO tags) is read as I-X.
func Join(sents [][]Token, final bool) (string, []Mention) {
	var b strings.Builder
	var ms []Mention
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		open := -1 // index into ms of the entity being extended
		prevType := ""
		for ti, t := range s {
			if ti > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(t.Text)
			end := b.Len()
			prefix, typ, found := strings.Cut(t.Tag, "-")
			if !found { // IO tags: a bare type continues the entity before it
				prefix, typ = "I", t.Tag
			}
			if t.Tag == "O" || typ == "" {
				open, prevType = -1, ""
				continue
			}
			if prefix == "B" || prefix == "S" || typ != prevType {
				ms = append(ms, Mention{Start: start, End: end, Type: typ})
				open = len(ms) - 1
			} else {
				ms[open].End = end
			}
			prevType = typ
		}
	}
	if final && len(sents) > 0 {
		b.WriteByte('\n')
	}
	return b.String(), ms
}
