package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

// mentionsOf builds mentions from "text/TYPE" pairs found in text, in
// order.
func mentionsOf(t *testing.T, text string, pairs ...string) []Mention {
	t.Helper()
	var ms []Mention
	from := 0
	for _, p := range pairs {
		i := strings.LastIndexByte(p, '/')
		s, typ := p[:i], Type(p[i+1:])
		j := strings.Index(text[from:], s)
		if j < 0 {
			t.Fatalf("%q not in text", s)
		}
		ms = append(ms, Mention{Start: from + j, End: from + j + len(s), Type: typ})
		from += j + len(s)
	}
	return ms
}

func TestGeoRules(t *testing.T) {
	tests := []struct {
		text string
		in   []string
		want string
	}{
		{"An aspiring graduate from Edmonton will fly to China.", []string{"Edmonton/PER", "China/LOC"}, "[Edmonton/LOC China/LOC]"},
		{"He moved from Edmonton last year.", []string{"Edmonton/ORG"}, "[Edmonton/LOC]"},
		{"Edmonton beat Calgary 3-2.", []string{"Edmonton/ORG", "Calgary/ORG"}, "[Edmonton/ORG Calgary/ORG]"},
		{"Georgia Stevens skates. Georgia began at four.", []string{"Georgia Stevens/PER", "Georgia/LOC"}, "[Georgia Stevens/PER Georgia/PER]"},
		{"Christopher Steele wrote it. Steele said so.", []string{"Christopher Steele/PER", "Steele/LOC"}, "[Christopher Steele/PER Steele/PER]"},
		{"Sen. Marco Rubio of Florida spoke.", []string{"Marco Rubio of Florida/PER"}, "[Marco Rubio/PER Florida/LOC]"},
		{"RUSSELLVILLE, Ark. (AP) - A man died.", []string{"RUSSELLVILLE/LOC", "Ark/LOC", "AP/ORG"}, "[RUSSELLVILLE/LOC Ark./LOC AP/ORG]"},
		{"You are a disgrace to Alberta. Go.", []string{"Alberta./LOC"}, "[Alberta/LOC]"},
		{"The UK's regulator agreed.", []string{"The UK/LOC"}, "[UK/LOC]"},
		{"Talks in The Hague ended.", []string{"The Hague/LOC"}, "[The Hague/LOC]"},
		{"Also, Missouri has a lot of land.", nil, "[Missouri/LOC]"},
		{"Her home in Barrie, Ont., has a garage.", []string{"Barrie/LOC"}, "[Barrie/LOC Ont./LOC]"},
		{"It is in Sioux City, Iowa.\nMurphy is here.", []string{"Sioux City/LOC", "Iowa./LOC"}, "[Sioux City/LOC Iowa/LOC]"},
		{"His London-based firm hurt Russia-Turkey ties; Jean-Pierre left.", nil, "[London/LOC Russia/LOC Turkey/LOC]"},
		{"Why US fears hacking", nil, "[US/LOC]"},
		{"She moved to Calif. last year.", []string{"Calif./LOC"}, "[Calif./LOC]"},
		{"It is a concern for Western countries.", nil, "[]"},
		{"Sandra Jansen met Georgia Stevens.", []string{"Sandra Jansen/PER"}, "[Sandra Jansen/PER]"},
		{"Calgary MLA Sandra Jansen drew applause.", []string{"Calgary MLA Sandra Jansen/PER"}, "[Calgary/LOC Sandra Jansen/PER]"},
		{"Then Texas Senator Ted Cruz spoke.", []string{"Texas Senator Ted Cruz/ORG"}, "[Texas/LOC Ted Cruz/PER]"},
		{"said Labour MP Barry Sheerman today.", []string{"Labour MP Barry Sheerman/ORG"}, "[Labour/ORG Barry Sheerman/PER]"},
		{"said Labour MP for Huddersfield today.", []string{"Labour MP for Huddersfield/ORG"}, "[Labour MP for Huddersfield/ORG]"},
		{"DALLAS — Nick Burton is a self-proclaimed farmer.", []string{"DALLAS/ORG", "Nick Burton/PER"}, "[DALLAS/LOC Nick Burton/PER]"},
		{"SOCCER - JAPAN GET LATE WIN\nText.", []string{"JAPAN/LOC"}, "[JAPAN/LOC]"},
		{"Brent told CTV Edmonton. Edmonton remains rich.", []string{"Brent/PER", "CTV Edmonton/PER", "Edmonton/PER"}, "[Brent/PER CTV Edmonton/PER Edmonton/LOC]"},
		{"Алматы и Астана.", []string{"Алматы/PER"}, "[Алматы/PER]"},
		// A headline runs a surname the text names into a place.
		{"Yeltsin backs Lebed Chechnya plan. Alexander Lebed is in Chechnya.",
			[]string{"Yeltsin/PER", "Lebed Chechnya/PER", "Alexander Lebed/PER", "Chechnya/LOC"},
			"[Yeltsin/PER Lebed/PER Chechnya/LOC Alexander Lebed/PER Chechnya/LOC]"},
		{"Michael Jordan scored. Jordan left.", []string{"Michael Jordan/PER", "Jordan/PER"}, "[Michael Jordan/PER Jordan/PER]"},
		// A title before a one-word name shows a person as a full name does.
		{"Senator Washington knew. No tie between Washington and Steele.", []string{"Washington/PER", "Washington/PER", "Steele/PER"},
			"[Washington/PER Washington/PER Steele/PER]"},
		{"No tie between Washington and Steele.", []string{"Washington/PER", "Steele/PER"}, "[Washington/LOC Steele/PER]"},
		// A longer person's surname is that person, never a first name.
		{"Jesper Parnevik led. After Parnevik birdied, Jesper smiled.", []string{"Jesper Parnevik/PER", "Parnevik/ORG", "Jesper/ORG"},
			"[Jesper Parnevik/PER Parnevik/PER Jesper/ORG]"},
	}
	for _, tc := range tests {
		ms := mentionsOf(t, tc.text, tc.in...)
		toks := token.Tokenize(tc.text)
		got := geoRules(tc.text, toks, ms, language.English)
		var parts []string
		for _, m := range got {
			parts = append(parts, tc.text[m.Start:m.End]+"/"+string(m.Type))
		}
		if s := fmt.Sprint(parts); s != tc.want && !(s == "[]" && tc.want == "[]") {
			t.Errorf("%q: got %s, want %s", tc.text, s, tc.want)
		}
	}
}

// TestGeoRulesEdges runs the gazetteer rules over texts that end or start
// inside their patterns; they must keep every mention inside the text.
func TestGeoRulesEdges(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Ky", "in Ky.", "-London-", "London--based", "The", "The UK", "DALLAS —", "DALLAS",
		"Marco Rubio of", "of Florida", "Calgary MLA", "Why US", "US-", "a -Canada- b", "Sen. X of Y"} {
		for _, m := range tg.Extract(s, language.English) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Errorf("%q: bad mention %+v", s, m)
			}
		}
	}
}

func TestNaturalFeature(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Syr Darya", true}, {"Amu Darya", true}, {"Caspian Sea", true},
		{"OB", false},         // short and in capitals: a club, not the Ob
		{"Kazakhstan", false}, // a country, not a natural feature
		{"Akorda", false},
	} {
		if got := naturalFeature(tc.s); got != tc.want {
			t.Errorf("naturalFeature(%q) = %v; want %v", tc.s, got, tc.want)
		}
	}
}

func TestTrimSentenceStart(t *testing.T) {
	for _, tc := range []struct {
		text, mention, want string
		lang                language.Tag
	}{
		{"Тараптар Арал теңізін талқылады.", "Тараптар Арал", "Арал", language.Kazakh},
		{"Власти Москвы решили. Говорят, власти города молчат.", "Власти Москвы", "Москвы", language.Russian},
		// A word the text never writes in lower case may be a name.
		{"Северная Корея заявила.", "Северная Корея", "Северная Корея", language.Russian},
		// Not at the start of a sentence.
		{"Говорят, власти Москвы и Власти Москвы.", "Власти Москвы", "Власти Москвы", language.Russian},
	} {
		i := strings.LastIndex(tc.text, tc.mention)
		ms := []Mention{{Start: i, End: i + len(tc.mention), Type: LOC}}
		got := trimSentenceStart(tc.text, token.Tokenize(tc.text), ms, tc.lang)
		if g := tc.text[got[0].Start:got[0].End]; g != tc.want {
			t.Errorf("trimSentenceStart(%q in %q) = %q; want %q", tc.mention, tc.text, g, tc.want)
		}
	}
}

func TestRegionPhrases(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the mention added, or ""
	}{
		{"the strongest military power in the Caspian region, which", "Caspian region"},
		{"the Caspian states agreed", ""}, // an alias, not the name as the gazetteer writes it
		{"a Caspian fish", ""},
	} {
		got := regionPhrases(tc.text, token.Tokenize(tc.text), nil, language.English)
		g := ""
		if len(got) == 1 {
			g = tc.text[got[0].Start:got[0].End]
		}
		if g != tc.want {
			t.Errorf("regionPhrases(%q) = %q; want %q", tc.text, g, tc.want)
		}
	}
}
