package entity

import (
	"github.com/newsmon/newsmon/internal/runes"
	"github.com/newsmon/newsmon/internal/token"
)

// splitCoordinated splits an organization mention of two names joined by
// "and", "&" or "и" when both halves end in the same organization noun and
// the second starts with a capital: "Halyk Bank and Kaspi Bank" are two
// banks. "Bosnia and Herzegovina", "Procter & Gamble" and "Ministry of
// Trade and Industry" do not end twice in one noun and stay whole.
func splitCoordinated(text string, toks []token.Token, ms []Mention) []Mention {
	out := make([]Mention, 0, len(ms)+2)
	k := 0
	for _, m := range ms {
		for k < len(toks) && toks[k].Start < m.Start {
			k++
		}
		if m.Type != ORG {
			out = append(out, m)
			continue
		}
		e := k
		for e < len(toks) && toks[e].End <= m.End {
			e++
		}
		// toks[k:e] are the mention's tokens.
		split := -1
		for j := k + 1; j < e-1; j++ {
			switch runes.Lower(toks[j].Text) {
			case "and", "&", "и":
			default:
				continue
			}
			head := runes.Lower(toks[j-1].Text)
			if head == runes.Lower(toks[e-1].Text) && orgHeads[head] && isCapital(toks[j+1].Text) && j-1 > k {
				split = j
			}
			break
		}
		if split < 0 {
			out = append(out, m)
			continue
		}
		a, b := m, m
		a.End = toks[split-1].End
		b.Start = toks[split+1].Start
		out = append(out, a, b)
	}
	return out
}
