package main

import (
	"strings"

	prose "github.com/jdkato/prose/v2"

	"github.com/newsmon/newsmon/entity"
)

// proseExtractor returns an extractor that runs prose v2 (its default
// model, decoded once and reused) line by line and finds each entity's
// text in its line, in order, to give it offsets. Labels map PERSON→PER,
// GPE and LOC→LOC, ORG→ORG; others are dropped.
func proseExtractor() func(string) []entity.Mention {
	model := prose.ModelFromData("default")
	return func(text string) []entity.Mention {
		var out []entity.Mention
		off := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			doc, err := prose.NewDocument(line, prose.UsingModel(model), prose.WithSegmentation(false))
			if err == nil {
				cur := 0
				for _, e := range doc.Entities() {
					var t entity.Type
					switch e.Label {
					case "PERSON":
						t = entity.PER
					case "GPE", "LOC":
						t = entity.LOC
					case "ORG":
						t = entity.ORG
					default:
						continue
					}
					i := strings.Index(line[cur:], e.Text)
					if i < 0 {
						continue
					}
					s := off + cur + i
					out = append(out, entity.Mention{Start: s, End: s + len(e.Text), Text: e.Text, Type: t})
					cur += i + len(e.Text)
				}
			}
			off += len(line)
		}
		return out
	}
}
