package entity

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/token"
)

func TestEventHeaded(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Astana International Forum", true},
		{"Corus Chess Tournament", true},
		{"Chess Tournament 2006", true},  // the year after the head
		{"Шахматный турнир Корус", true}, // the head after an adjective
		{"Форум работников сельского хозяйства", true},
		{"XX съезд", true},
		{"Форум", false}, // one word
		{"U.S. Congress", false},
		{"20th Party Congress", true},
		{"Народный консультативный конгресс Индонезии", false}, // a legislature
		{"Конгресс США", true}, // left to congressOrgs
		{"Шахматная федерация России", false},
	} {
		if got := eventHeaded(c.s); got != c.want {
			t.Errorf("eventHeaded(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestShortOrgNames(t *testing.T) {
	checkRule(t, "shortOrgNames", []ruleCase{
		{"Magna International Inc bought it. Magna shares rose.", []string{"Magna International Inc/ORG", "Magna/PER"},
			"Magna International Inc/ORG|Magna/ORG"},
		// A person's surname, or a first name, stays a person.
		{"Ford Motor Co hired Harrison Ford. Ford smiled.", []string{"Ford Motor Co/ORG", "Harrison Ford/PER", "Ford/PER"},
			"Ford Motor Co/ORG|Harrison Ford/PER|Ford/PER"},
		{"John Lewis Partnership hired John.", []string{"John Lewis Partnership/ORG", "John/PER"},
			"John Lewis Partnership/ORG|John/PER"},
		{"Magna said so.", []string{"Magna/PER"}, "Magna/PER"},
		// A Latin word the text also names alone as an organization.
		{"Nestle said. Shares in Nestle rose.", []string{"Nestle/PER", "Nestle/ORG"}, "Nestle/ORG|Nestle/ORG"},
		{"Alexander Lebed said. Lebed left. Lebed Corp said.", []string{"Alexander Lebed/PER", "Lebed/PER", "Lebed/ORG"},
			"Alexander Lebed/PER|Lebed/PER|Lebed Corp/ORG"},
		// A legal form joins the name before it, which is a company's.
		{"Pirelli SpA chairman spoke. Pirelli rose.", []string{"Pirelli/PER", "SpA/ORG", "Pirelli/PER"},
			"Pirelli SpA/ORG|Pirelli/ORG"},
		{"Jones Medical Inc. bought it.", []string{"Jones Medical/PER"}, "Jones Medical Inc./ORG"},
		{"Smith Cooper said.", []string{"Smith/PER"}, "Smith/PER"},
		{"Smith Coat", []string{"Smith/PER"}, "Smith/PER"},
		// A place stays a place: local news names town bodies after their
		// towns (Springfield Police Department … Springfield).
		{"Springfield Police Department said. Springfield grew.", []string{"Springfield Police Department/ORG", "Springfield/LOC"},
			"Springfield Police Department/ORG|Springfield/LOC"},
		{"Georgia Power Co raised rates. Georgia sued.", []string{"Georgia Power Co/ORG", "Georgia/PER"},
			"Georgia Power Co/ORG|Georgia/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return shortOrgNames(text, ms, "en")
	})
}

func TestExtendOrgs(t *testing.T) {
	checkRule(t, "extendOrgs", []ruleCase{
		{"a tour, the Test and County Cricket Board said on Friday.", []string{"County Cricket Board/ORG"},
			"Test and County Cricket Board/ORG"},
		{"to compete with Johnson Controls Inc and Lear Corp in seating.", []string{"Johnson Controls Inc/ORG", "Lear Corp/ORG"},
			"Johnson Controls Inc/ORG|Lear Corp/ORG"},
		{"talks between Russia and China Council members went on.", []string{"Russia/LOC", "China/LOC"}, "Russia/LOC|China/LOC"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return extendOrgs(text, toks, token.Sentences(text, toks), ms, language.English)
	})
}

func TestTrimThe(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The State Department", "State Department"},
		{"The Hague Tribunal", "Hague Tribunal"},
		{"The", "The"},
		{"Theta Capital", "Theta Capital"},
		{"The the", "The the"},
	} {
		m := Mention{Start: 0, End: len(tc.text), Type: ORG}
		trimThe(tc.text, &m)
		if got := tc.text[m.Start:m.End]; got != tc.want {
			t.Errorf("trimThe(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

func TestDemonymBefore(t *testing.T) {
	for _, tc := range []struct {
		text, mention string
		want          bool
	}{
		{"the Welsh referee allowed it", "Welsh", true},
		{"a Belarusian officer said", "Belarusian", true},
		{"She left Wales today", "Wales", false},
		{"the Welsh, he said", "Welsh", false}, // no lower-case word right after it
		{"in Minsk yesterday", "Minsk", false}, // a place
	} {
		i := strings.Index(tc.text, tc.mention)
		m := Mention{Start: i, End: i + len(tc.mention), Type: LOC}
		if got := demonymBefore(tc.text, m); got != tc.want {
			t.Errorf("demonymBefore(%q, %q) = %v; want %v", tc.text, tc.mention, got, tc.want)
		}
	}
}

func TestEventKindNames(t *testing.T) {
	checkRule(t, "eventKindNames", []ruleCase{
		{"стартовал международный конкурс The Best of Blogs вчера", []string{"The Best of Blogs/ORG"}, "The Best of Blogs/EVENT"},
		{"на фестивале «Кинотавр» показали", []string{"Кинотавр/ORG"}, "Кинотавр/EVENT"},
		// Not after another noun, nor after a capitalized one (a name's own word).
		{"организатор конкурса компания Google", []string{"Google/ORG"}, "Google/ORG"},
		{"Фестиваль Google", []string{"Google/ORG"}, "Google/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return eventKindNames(toks, ms)
	})
}

func TestBracketAcronyms(t *testing.T) {
	checkRule(t, "bracketAcronyms", []ruleCase{
		{"the Moro National Liberation Front (MNLF) agreed", []string{"Moro National Liberation Front/ORG"},
			"Moro National Liberation Front/ORG|MNLF/ORG"},
		{"секретарь Объединённого фронта (ОФДД) сообщил", []string{"Объединённого фронта/ORG"}, "Объединённого фронта/ORG|ОФДД/ORG"},
		// A place, a two-letter code, a longer bracket or no organization before it.
		{"федеральный суд Сан-Франциско (США) обязал", []string{"суд Сан-Франциско/ORG"}, "суд Сан-Франциско/ORG"},
		{"Mladost (BJ) 4", []string{"Mladost/ORG"}, "Mladost/ORG"},
		{"the Front (MNLF rebels) agreed", []string{"Front/ORG"}, "Front/ORG"},
		{"John Smith (MNLF) said", []string{"John Smith/PER"}, "John Smith/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return bracketAcronyms(toks, ms, language.Und)
	})
}
