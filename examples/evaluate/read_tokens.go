package main

import "github.com/newsmon/newsmon/internal/dataset"

// Pre-tokenized NER data, CoNLL-2003 (`token POS chunk tag`, `-DOCSTART-`
// between documents) and KazNERD (`token tag`), is read by package dataset.
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

// readTokenFile reads a token file (see [dataset.ReadTokens]): a document
// per `-DOCSTART-` section, or per sentence in a file without any (KazNERD),
// its text rebuilt by [dataset.Join] and its gold mentions those that mapType
// maps to a scored type.
func readTokenFile(path string, mapType func(string) string, sk *skips) ([]nerDoc, error) {
	tds, err := dataset.ReadTokens(path, sk.add)
	if err != nil {
		return nil, err
	}
	docs := make([]nerDoc, 0, len(tds))
	for _, td := range tds {
		text, ms := dataset.Join(td.Sentences, false)
		d := nerDoc{Name: td.Name, Text: text}
		for _, m := range ms {
			if t := mapType(m.Type); t != "" {
				d.Gold = append(d.Gold, goldMention{span: span{Start: m.Start, End: m.End, Type: t}})
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// The contract's types of CoNLL-2003 (MISC is not scored) and KazNERD (GPE
// and LOCATION are LOC).
var (
	conllType   = dataset.CoNLLType
	kaznerdType = dataset.KazNERDType
)
