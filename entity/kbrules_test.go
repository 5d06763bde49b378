package entity

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

func TestKBTypes(t *testing.T) {
	text := "Izvestiya quoted Shoigu; Kommersant wrote; Tokayev spoke."
	ms := []Mention{
		{Start: 0, End: 9, Type: PER},   // newspaper tagged as a person
		{Start: 17, End: 23, Type: ORG}, // person tagged as an organization
		{Start: 25, End: 35, Type: ORG}, // already right
		{Start: 43, End: 50, Type: PER}, // already right
	}
	got := kbTypes(append([]Mention(nil), ms...), text, nil)
	want := []Type{ORG, PER, ORG, PER}
	for i, m := range got {
		if m.Type != want[i] {
			t.Errorf("%q: type %s, want %s", text[m.Start:m.End], m.Type, want[i])
		}
	}
	// Organizations and places are not swapped: metonymy depends on context.
	text = "Kazakhstan said"
	if got := kbTypes([]Mention{{Start: 0, End: 10, Type: ORG}}, text, nil); got[0].Type != ORG {
		t.Errorf("Kazakhstan/ORG became %s", got[0].Type)
	}
}

func TestDropGlosses(t *testing.T) {
	for _, tc := range []struct {
		text string
		keep bool
	}{
		{"commands: Vostok (East), Zapad (West)", false}, // the last bracketed word is checked
		{"the Tsentr (Centre) command", false},
		{"the Shanghai Cooperation Organization (SCO) met", true}, // acronym
		{"the capital Astana (Almaty) was", true},                 // known place
		{"he met Kommersant (Izvestiya) staff", true},             // knowledge base name
		{"the ministry (Defence) said", true},                     // no name before the bracket
		{"Red Star (Yugoslavia) beat", true},                      // a two-word name before the bracket
		{"Boris Nikolayevich (Yeltsin) agreed", true},
	} {
		toks := token.Tokenize(tc.text)
		k := -1
		for i := len(toks) - 1; i >= 0; i-- {
			if i+1 < len(toks) && toks[i+1].Text == ")" {
				k = i
				break
			}
		}
		if k < 0 {
			t.Fatalf("%q: no bracketed word", tc.text)
		}
		ms := []Mention{{Start: toks[k].Start, End: toks[k].End, Type: LOC}}
		got := dropGlosses(tc.text, toks, ms)
		if (len(got) == 1) != tc.keep {
			t.Errorf("%q: kept %v, want %v", tc.text, len(got) == 1, tc.keep)
		}
	}
}

func TestListTypes(t *testing.T) {
	// Three members backed by the knowledge base as organizations pull the
	// fourth, read as a place, over; a lone place stays a place.
	text := "commands: Vostok (East), Zapad (West), Tsentr (Centre) and Kavkas (Caucasus)."
	at := func(s string, typ Type) Mention {
		i := strings.Index(text, s)
		return Mention{Start: i, End: i + len(s), Type: typ}
	}
	ms := []Mention{at("Vostok", LOC), at("East", LOC), at("Zapad", ORG), at("Tsentr", ORG), at("Kavkas", ORG)}
	got := kbTypes(ms, text, nil)
	if got[0].Type != ORG {
		t.Errorf("Vostok in a list of military districts: %s, want ORG", got[0].Type)
	}
	if got[1].Type != LOC {
		t.Errorf("bracketed East: %s, want LOC (not a list member)", got[1].Type)
	}
	text = "He visited Vostok, then spoke to Zapad and Tsentr officials."
	ms = []Mention{at("Vostok", LOC), at("Zapad", ORG), at("Tsentr", ORG)}
	if got := kbTypes(ms, text, nil); got[0].Type != LOC {
		t.Errorf("Vostok outside a list: %s, want LOC", got[0].Type)
	}
}

func TestDropCompassAdjectives(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		keep       bool
	}{
		{"the East European and Central Asian regions", "East", false},
		{"North African states", "North", false},
		{"Central Asian republics", "Central", false},
		{"troops in the East of Ukraine", "East", true},
		{"the West said", "West", true},
		{"South Korea said", "South Korea", true},
	} {
		i := strings.Index(tc.text, tc.name)
		got := dropCompassAdjectives(tc.text, []Mention{{Start: i, End: i + len(tc.name), Type: LOC}})
		if (len(got) == 1) != tc.keep {
			t.Errorf("%q in %q: kept %v, want %v", tc.name, tc.text, len(got) == 1, tc.keep)
		}
	}
}

func TestKBNames(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // "TYPE text" of the mentions added
	}{
		{"ҰҚШҰ мен ШЫҰ аясындағы «Дала қыраны» жаттығуы", []string{"ORG ҰҚШҰ", "ORG ШЫҰ", "EVENT Дала қыраны"}},
		{"по статье УК РФ", nil},       // УК is no UK; country acronyms are left to the model
		{"канал «Центр» сообщил", nil}, // one quoted word is too often another name
		{"the «Steppe Eagle» drill", []string{"EVENT Steppe Eagle"}},
		{"ОДКБ", []string{"ORG ОДКБ"}},
		// An acronym that transliterates as the entry's name (ТАСС, TASS),
		// also at a sentence's end.
		{"сообщает ТАСС со ссылкой", []string{"ORG ТАСС"}},
		{"пишет ТАСС.", []string{"ORG ТАСС"}},
	} {
		got := kbNames(tc.text, token.Tokenize(tc.text), nil, language.Und, nil)
		var texts []string
		for _, m := range got {
			texts = append(texts, string(m.Type)+" "+tc.text[m.Start:m.End])
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("kbNames(%q) = %q; want %q", tc.text, texts, tc.want)
		}
	}
	// A word inside a mention is left alone.
	text := "Организация ОДКБ"
	ms := []Mention{{Start: 0, End: len(text), Type: ORG}}
	if got := kbNames(text, token.Tokenize(text), ms, language.Und, nil); len(got) != 1 {
		t.Errorf("kbNames added inside a mention: %v", got)
	}
}

func TestKBLongNames(t *testing.T) {
	kb, err := builtinIndex()
	if err != nil {
		t.Fatal(err)
	}
	at := func(text, s string, typ Type) Mention {
		i := strings.Index(text, s)
		return Mention{Start: i, End: i + len(s), Type: typ}
	}
	for _, tc := range []struct {
		text string
		ms   []Mention
		want string // "TYPE text" joined by |
	}{
		{"invited him to the Astana International Forum in May.",
			[]Mention{at("invited him to the Astana International Forum in May.", "Astana International", ORG)},
			"EVENT Astana International Forum"},
		// Lower-case words make a description, not the alias.
		{"Russia's Interfax news agency said.", []Mention{at("Russia's Interfax news agency said.", "Interfax", ORG)},
			"ORG Interfax"},
		// A mention that reaches beyond the alias stays as it is.
		{"the Astana International Forum Foundation", []Mention{at("the Astana International Forum Foundation", "Astana International Forum Foundation", ORG)},
			"ORG Astana International Forum Foundation"},
	} {
		got := kbLongNames(tc.text, token.Tokenize(tc.text), tc.ms, language.English, kb, nil)
		var texts []string
		for _, m := range got {
			texts = append(texts, string(m.Type)+" "+tc.text[m.Start:m.End])
		}
		if s := strings.Join(texts, "|"); s != tc.want {
			t.Errorf("kbLongNames(%q) = %q; want %q", tc.text, s, tc.want)
		}
	}
}

func TestKBComplete(t *testing.T) {
	checkRule(t, "kbComplete", []ruleCase{
		{"наблюдатели от Организации по безопасности и сотрудничеству в Европе заявили",
			[]string{"Организации по безопасности и сотрудничеству/ORG", "Европе/LOC"},
			"Организации по безопасности и сотрудничеству в Европе/ORG"},
		{"на саммите Совещания по взаимодействию и мерам доверия в Азии",
			[]string{"Совещания по взаимодействию/ORG"}, "Совещания по взаимодействию и мерам доверия в Азии/ORG"},
		// The text goes on otherwise, or on the next line.
		{"Организация по безопасности и сотрудничеству в Азии", []string{"Организация по безопасности/ORG", "Азии/LOC"},
			"Организация по безопасности/ORG|Азии/LOC"},
		{"Организация по безопасности и\nсотрудничеству в Европе", []string{"Организация по безопасности/ORG"},
			"Организация по безопасности/ORG"},
		// One word is too little to go on.
		{"Организация по безопасности и сотрудничеству в Европе", []string{"Организация/ORG"}, "Организация/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return kbComplete(text, toks, ms, "ru")
	})
	// SlavicNER uk and KazNERD keep a body and its place apart.
	text := "наблюдатели от Организации по безопасности и сотрудничеству в Европе заявили"
	in := placeMentions(t, text, "Организации по безопасности и сотрудничеству/ORG", "Европе/LOC")
	if got, want := renderMentions(text, kbComplete(text, token.Tokenize(text), in, "uk")),
		"Организации по безопасности и сотрудничеству/ORG|Европе/LOC"; got != want {
		t.Errorf("kbComplete(%q, uk) = %q; want %q", text, got, want)
	}
}
