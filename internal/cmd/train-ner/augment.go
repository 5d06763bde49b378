package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/entity/seqtag"
	"github.com/newsmon/newsmon/internal/token"
)

// minor words stay lower case in title-case headlines.
var minor = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the and or but of in on at to for by with from as into via vs " +
		"в во и на с со по к о об от из за для до у не") {
		minor[w] = true
	}
}

// augment returns a copy of d in which every fourth sentence (from the
// offset seed) is rewritten as a headline: alternately in title case
// (Belarus Seeks Stronger Military Cooperation with Kazakhstan) and in all
// capitals. Only case changes that keep the byte length are made, so the
// gold spans stay valid. It teaches the model that capitalization in such
// lines is weak evidence.
func augment(d doc, seed int) doc {
	toks := token.Tokenize(d.text)
	sents := seqtag.Sentences(d.text, toks)
	b := []byte(d.text)
	for k, s := range sents {
		if (k+seed)%4 != 0 {
			continue
		}
		caps := (k/4+seed)%2 == 1
		for i := s.Start; i < s.End; i++ {
			t := toks[i]
			if t.Kind != token.Word {
				continue
			}
			if !caps && (i > s.Start && minor[strings.ToLower(t.Text)]) {
				continue
			}
			for j, r := range t.Text {
				u := unicode.ToUpper(r)
				if u != r && utf8.RuneLen(u) == utf8.RuneLen(r) {
					utf8.EncodeRune(b[t.Start+j:], u)
				}
				if !caps {
					break
				}
			}
		}
	}
	return doc{name: d.name + "#aug", text: string(b), spans: d.spans}
}
