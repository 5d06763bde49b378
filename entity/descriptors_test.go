package entity

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

func TestWithDescriptors(t *testing.T) {
	type mention struct {
		text string
		typ  Type
	}
	for _, tc := range []struct {
		text string
		in   []mention // found left to right
		want []string  // mention texts after the rule
	}{
		{"координатор движения «Левый фронт» Сергей Удальцов", []mention{{"Левый фронт", ORG}, {"Сергей Удальцов", PER}},
			[]string{"движения «Левый фронт»", "Сергей Удальцов"}},
		{"в социальной сети Twitter", []mention{{"Twitter", ORG}}, []string{"социальной сети Twitter"}},
		{"через пограничную реку Нарву", []mention{{"Нарву", LOC}}, []string{"пограничную реку Нарву"}},
		{"от штата Аризона", []mention{{"Аризона", LOC}}, []string{"штата Аризона"}},
		{"директор ООО «Алтек»", []mention{{"Алтек", ORG}}, []string{"ООО «Алтек»"}},
		// A state body's noun and its country are one organization.
		{"призывают руководство Грузии отменить", []mention{{"Грузии", LOC}}, []string{"руководство Грузии"}},
		{"руководство Бобруйска", []mention{{"Бобруйска", LOC}}, []string{"Бобруйска"}},
		// A place noun does not take an organization, nor the reverse.
		{"на реке Газпром", []mention{{"Газпром", ORG}}, []string{"Газпром"}},
		{"компании Москва", []mention{{"Москва", LOC}}, []string{"Москва"}},
		// A genitive after the noun: a town's part before a town, a town
		// before a country, a plural noun.
		{"на улицы Лондона вышли", []mention{{"Лондона", LOC}}, []string{"Лондона"}},
		{"самый удобный город Германии", []mention{{"Германии", LOC}}, []string{"Германии"}},
		{"в других городах России", []mention{{"России", LOC}}, []string{"России"}},
		{"слияние компаний Oracle и Sun", []mention{{"Oracle", ORG}, {"Sun", ORG}}, []string{"Oracle", "Sun"}},
		// Words with adjective endings that are no adjectives of the name.
		{"по данным интернет-издания Techcrunch", []mention{{"Techcrunch", ORG}}, []string{"интернет-издания Techcrunch"}},
		{"в этой компании Google", []mention{{"Google", ORG}}, []string{"компании Google"}},
		{"классическое объяснение агентству Рейтер", []mention{{"Рейтер", ORG}}, []string{"агентству Рейтер"}},
		{"управляющий компанией FaceCash", []mention{{"FaceCash", ORG}}, []string{"компанией FaceCash"}},
		// Not across a line break, not into the mention before.
		{"компании\nGoogle", []mention{{"Google", ORG}}, []string{"Google"}},
		{"журналист газеты «Труд»", []mention{{"Труд", ORG}}, []string{"газеты «Труд»"}},
		{"Сбербанк банка ВТБ", []mention{{"Сбербанк", ORG}, {"ВТБ", ORG}}, []string{"Сбербанк", "банка ВТБ"}},
		{"глава представительства США в регионе", []mention{{"США", LOC}}, []string{"представительства США"}},
		// A mention that starts with its kind noun takes the adjectives before it.
		{"глава государственной Комиссии по атомной энергии", []mention{{"Комиссии по атомной энергии", ORG}},
			[]string{"государственной Комиссии по атомной энергии"}},
		// A noun in -ой is no adjective of the name.
		{"обсудить с главой администрации США", []mention{{"администрации США", ORG}}, []string{"администрации США"}},
		// A body with no name is dropped, unless a place's adjective names it.
		{"решение правительства отменили", []mention{{"правительства", ORG}}, nil},
		{"решение американского правительства", []mention{{"американского правительства", ORG}}, []string{"американского правительства"}},
		{"итоги исламской культуры", []mention{{"исламской культуры", ORG}}, nil},
	} {
		var ms []Mention
		from := 0
		for _, m := range tc.in {
			i := from + strings.Index(tc.text[from:], m.text)
			ms = append(ms, Mention{Start: i, End: i + len(m.text), Type: m.typ})
			from = i + len(m.text)
		}
		got := withDescriptors(tc.text, token.Tokenize(tc.text), ms, "ru")
		var texts []string
		for _, m := range got {
			texts = append(texts, tc.text[m.Start:m.End])
			if strings.HasPrefix(tc.text[m.Start:m.End], "руководство") && m.Type != ORG {
				t.Errorf("%q: %s, want ORG", tc.text, m.Type)
			}
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.text, texts, tc.want)
		}
	}
}

// TestWithDescriptorsOption checks the option end to end: off by default,
// on with WithDescriptors(true).
func TestWithDescriptorsOption(t *testing.T) {
	const text = "Лидер партии «Яблоко» выступил в Москве."
	texts := func(opts ...Option) []string {
		tg, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range tg.Extract(text, language.Russian) {
			if m.Type == ORG {
				out = append(out, m.Text)
			}
		}
		return out
	}
	if got := texts(); len(got) != 1 || got[0] != "Яблоко" {
		t.Errorf("default: ORG mentions %q, want [Яблоко]", got)
	}
	if got := texts(WithDescriptors(true)); len(got) != 1 || got[0] != "партии «Яблоко»" {
		t.Errorf("WithDescriptors: ORG mentions %q, want [партии «Яблоко»]", got)
	}
}

func TestWithoutDescriptors(t *testing.T) {
	for _, tc := range []struct {
		text, mention string
		typ           Type
		want          string
	}{
		{"лидер партии «Яблоко» заявил", "партии «Яблоко»", ORG, "Яблоко"},
		{"в социальной сети Twitter", "социальной сети Twitter", ORG, "Twitter"},
		{"Компания Microsoft выпустила", "Компания Microsoft", ORG, "Microsoft"},
		{"у реки Славянки", "реки Славянки", LOC, "Славянки"},
		{"Река Волга разлилась", "Река Волга", LOC, "Волга"},
		// A capitalized noun at a sentence start before a Cyrillic name
		// begins an organization's name; a body's noun stays with its
		// country.
		{"Банк России повысил ставку", "Банк России", ORG, "Банк России"},
		{"Театр Вахтангова открыл сезон", "Театр Вахтангова", ORG, "Театр Вахтангова"},
		{"Делегация США прибыла", "Делегация США", ORG, "Делегация США"},
		// A kind noun with nothing capitalized after it is the mention.
		{"пресс-служба правительства", "пресс-служба правительства", ORG, "пресс-служба правительства"},
	} {
		i := strings.Index(tc.text, tc.mention)
		ms := []Mention{{Start: i, End: i + len(tc.mention), Type: tc.typ}}
		got := withoutDescriptors(tc.text, token.Tokenize(tc.text), ms, "ru")
		if s := tc.text[got[0].Start:got[0].End]; s != tc.want || got[0].Type != tc.typ {
			t.Errorf("%q: got %q %s, want %q", tc.mention, s, got[0].Type, tc.want)
		}
	}
}

func TestQuotedKindOrgs(t *testing.T) {
	for _, tc := range []struct {
		text string
		have string // a mention already there, or ""
		want []string
	}{
		{"в эфире радиостанции «Эхо Москвы» сообщил", "", []string{"Эхо Москвы"}},
		{"Газета «Труд» пишет", "", []string{"Труд"}},
		{"учредителем ЗАО «Медиа-Мост», гендиректором", "", []string{"Медиа-Мост"}},
		// A mention already there stays as it is.
		{"газета «Новая газета» пишет", "Новая газета", []string{"Новая газета"}},
		// Not after a place's noun or another word, nor a lower-case or
		// unclosed quote, nor a plural noun.
		{"на улице «Садовой» и в фильме «Цирк»", "", nil},
		{"газета «новости» вышла", "", nil},
		{"газета «Труд и Капитал и Мир и Май", "", nil},
		{"акции компаний «Газпром» и «Лукойл»", "", nil},
	} {
		var ms []Mention
		if tc.have != "" {
			i := strings.Index(tc.text, tc.have)
			ms = append(ms, Mention{Start: i, End: i + len(tc.have), Type: ORG})
		}
		var got []string
		for _, m := range quotedKindOrgs(token.Tokenize(tc.text), ms, "ru") {
			if m.Type != ORG {
				t.Errorf("%q: %s", tc.text, m.Type)
			}
			got = append(got, tc.text[m.Start:m.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestQuotedKindRetype(t *testing.T) {
	checkRule(t, "quotedKindOrgs", []ruleCase{
		{"главный редактор радиостанции «Говорит Москва» сказал", []string{"Москва/LOC"}, "Говорит Москва/ORG"},
		{"на телеканале «Россия» показали", []string{"Россия/LOC"}, "Россия/ORG"},
		// An organization inside, a mention across the quotes, a quoted
		// phrase, or no kind noun: left alone.
		{"радиостанции «Эхо Москвы» сказал", []string{"Эхо Москвы/ORG"}, "Эхо Москвы/ORG"},
		{"группа «демократов и врагов Трампа» вышла", []string{"Трампа/PER"}, "Трампа/PER"},
		{"в городе «Москва» сказали", []string{"Москва/LOC"}, "Москва/LOC"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return quotedKindOrgs(toks, ms, "ru")
	})
}
