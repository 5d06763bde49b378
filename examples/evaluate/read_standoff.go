package main

import (
	"slices"
	"strings"

	"github.com/newsmon/newsmon/internal/dataset"
)

// Gold mentions of the stand-off corpora, factRuEval-2016, brat (NEREL) and
// SlavicNER (BSNLP), as the contract scores them: the corpora are read by
// package dataset (byte offsets, the corpus's own types), and kept here are
// the scored types, the outermost of nested mentions and the closing quote
// a mention leaves out.

// The character-to-byte offsets and the line reader of package dataset, for
// the geo and lang readers too.
var (
	runeOffsets = dataset.RuneOffsets
	eachLine    = dataset.EachLine
)

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

// readFactRu reads a factRuEval-2016 directory (devset/ or testset/, see
// [dataset.ReadFactRu]). A gold mention is an object of a scored type
// ([dataset.FactRuType]), from the first character of its first span to the
// last of its last span and over an unclosed quote's closing quote
// (`партии «Яблоко»`, see [closeQuote]). Objects made only of descriptions
// (an Org that is just `правительство`) are not named entities and are
// dropped, as are mentions nested in longer ones (`Москвы` inside the Org
// `мэрии Москвы`).
func readFactRu(dir string, sk *skips) ([]nerDoc, error) {
	ds, err := dataset.ReadFactRu(dir, sk.add)
	if err != nil {
		return nil, err
	}
	return goldDocs(ds, func(d dataset.Doc, m dataset.Mention) (goldMention, bool) {
		typ := dataset.FactRuType(m.Type)
		if typ == "" || !slices.ContainsFunc(m.Parts, dataset.Part.Named) {
			return goldMention{}, false // `правительство`, `города`: a description, not a name
		}
		return goldMention{span: span{Start: m.Start, End: closeQuote(d.Text, m.Start, m.End), Type: typ}}, true
	}, true), nil
}

// readBrat reads every `*.ann` under dir with its `*.txt` (see
// [dataset.ReadBrat]). Entities of the scored types ([dataset.NERELType])
// become gold mentions; a discontinuous entity spans from its first
// fragment to its last, and a span that opens a quote takes the closing
// quote after it. Of nested mentions only the outermost is kept, after
// unscored types are dropped (so the CITY inside an ORGANIZATION name is
// dropped, the one inside a PROFESSION is kept).
func readBrat(dir string, sk *skips) ([]nerDoc, error) {
	ds, err := dataset.ReadBrat(dir, sk.add)
	if err != nil {
		return nil, err
	}
	return goldDocs(ds, func(d dataset.Doc, m dataset.Mention) (goldMention, bool) {
		typ := dataset.NERELType(m.Type)
		return goldMention{span: span{Start: m.Start, End: closeQuote(d.Text, m.Start, m.End), Type: typ}}, typ != ""
	}, true), nil
}

// readBSNLP reads a SlavicNER-style tree (see [dataset.ReadBSNLP]) with
// the lemma and cross-document id of every mention of a scored type
// ([dataset.BSNLPType]). lang, when not "", keeps only the documents in
// folders of that name.
func readBSNLP(root, lang string, sk *skips) ([]nerDoc, error) {
	ds, err := dataset.ReadBSNLP(root, lang, sk.add)
	if err != nil {
		return nil, err
	}
	return goldDocs(ds, func(_ dataset.Doc, m dataset.Mention) (goldMention, bool) {
		typ := dataset.BSNLPType(m.Type)
		return goldMention{span: span{Start: m.Start, End: m.End, Type: typ}, Lemma: m.Lemma, ID: m.ID}, typ != ""
	}, false), nil
}

// goldDocs turns the documents of a reader of package dataset into scored
// ones: gold keeps and maps a mention, and outer keeps only the outermost
// of nested ones. Gold mentions are sorted by start and end.
func goldDocs(ds []dataset.Doc, gold func(dataset.Doc, dataset.Mention) (goldMention, bool), outer bool) []nerDoc {
	docs := make([]nerDoc, 0, len(ds))
	for _, d := range ds {
		nd := nerDoc{Name: d.Name, Lang: d.Lang, Text: d.Text}
		for _, m := range d.Mentions {
			if g, ok := gold(d, m); ok {
				nd.Gold = append(nd.Gold, g)
			}
		}
		if outer {
			nd.Gold = outermost(nd.Gold)
		}
		sortGold(nd.Gold)
		docs = append(docs, nd)
	}
	return docs
}
