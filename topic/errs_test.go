package topic

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDevErrors(t *testing.T) {
	which := os.Getenv("DEVERR")
	if which == "" {
		t.Skip()
	}
	c, _ := New()
	var data []labelled
	class := bbcClass
	if which == "ria" {
		data, class = readRIA(t), riaClass
	} else {
		data = readBBC(t)
	}
	n := 0
	for i, d := range data {
		if i%3 != 0 {
			continue
		}
		got := c.Classify(Document{Text: d.text})
		if class(bestTop(got)) != d.label {
			title := strings.SplitN(d.text, "\n", 2)[0]
			var top []string
			for _, tp := range got {
				if len(top) < 4 {
					top = append(top, fmt.Sprintf("%s %.2f %v", tp.ID, tp.Score, tp.Evidence[:min(4, len(tp.Evidence))]))
				}
			}
			fmt.Printf("%s | %s | %v\n", d.label, title, top)
			n++
		}
		if n > 60 {
			break
		}
	}
}
