package entity

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
)

func TestSplitCoordinated(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Halyk Bank and Kaspi Bank", []string{"Halyk Bank", "Kaspi Bank"}},
		{"Ministry of Trade and Industry", []string{"Ministry of Trade and Industry"}},
		{"Procter & Gamble", []string{"Procter & Gamble"}},
		{"Bank and Trust Bank", []string{"Bank and Trust Bank"}}, // one word before "and": a name of its own
		{"Halyk Bank and other banks", []string{"Halyk Bank and other banks"}},
	} {
		ms := []Mention{{Start: 0, End: len(tc.text), Type: ORG}}
		got := splitCoordinated(tc.text, token.Tokenize(tc.text), ms)
		var texts []string
		for _, m := range got {
			texts = append(texts, tc.text[m.Start:m.End])
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitCoordinated(%q) = %q; want %q", tc.text, texts, tc.want)
		}
	}
}
