package entity

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/token"
)

// placeMentions places the given mentions ("text/TYPE", in order) in text.
func placeMentions(t *testing.T, text string, specs ...string) []Mention {
	t.Helper()
	var ms []Mention
	from := 0
	for _, s := range specs {
		i := strings.LastIndexByte(s, '/')
		w, typ := s[:i], Type(s[i+1:])
		j := strings.Index(text[from:], w)
		if j < 0 {
			t.Fatalf("%q not in %q", w, text)
		}
		ms = append(ms, Mention{Start: from + j, End: from + j + len(w), Type: typ})
		from += j + len(w)
	}
	return ms
}

// render writes mentions as "text/TYPE" joined by "|".
func renderMentions(text string, ms []Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, text[m.Start:m.End]+"/"+string(m.Type))
	}
	return strings.Join(parts, "|")
}

// ruleCase is a text, the mentions a rule gets in it ("text/TYPE", in
// order) and the mentions the rule should give, rendered by
// [renderMentions].
type ruleCase struct {
	text string
	in   []string
	want string
}

// checkRule runs rule on each case and reports where it gives other
// mentions than the case wants.
func checkRule(t *testing.T, name string, cases []ruleCase, rule func(text string, toks []token.Token, ms []Mention) []Mention) {
	t.Helper()
	for _, tc := range cases {
		got := renderMentions(tc.text, rule(tc.text, token.Tokenize(tc.text), placeMentions(t, tc.text, tc.in...)))
		if got != tc.want {
			t.Errorf("%s(%q) = %q; want %q", name, tc.text, got, tc.want)
		}
	}
}

func TestRuOrgOfPlace(t *testing.T) {
	checkRule(t, "ruOrgOfPlace", []ruleCase{
		{"у здания мэрии Москвы на площади", []string{"Москвы/LOC"}, "мэрии Москвы/ORG"},
		{"позицию правительства США.", []string{"США/LOC"}, "правительства США/ORG"},
		{"глава департамента культуры Москвы", []string{"Москвы/LOC"}, "департамента культуры Москвы/ORG"},
		{"сборной Бразилии по футболу", []string{"Бразилии/LOC"}, "сборной Бразилии/ORG"},
		{"заявили в Министерство обороны России", []string{"Министерство обороны/ORG", "России/LOC"}, "Министерство обороны России/ORG"},
		{"МВД Киргизии сообщило", []string{"МВД/ORG", "Киргизии/LOC"}, "МВД Киргизии/ORG"},
		{"Представитель министерства иностранных дел Пакистана", []string{"Пакистана/LOC"}, "министерства иностранных дел Пакистана/ORG"},
		{"председателю сената США", []string{"США/LOC"}, "сената США/ORG"},
		{"заявила федеральная прокуратура Бельгии", []string{"Бельгии/LOC"}, "федеральная прокуратура Бельгии/ORG"},
		{"Также, государственный департамент США выслал", []string{"США/LOC"}, "государственный департамент США/ORG"},
		{"новое правительство Италии", []string{"Италии/LOC"}, "правительство Италии/ORG"},
		{"Сенаторы США не стали", []string{"США/LOC"}, "США/LOC"},
		// Not an organization of the place.
		{"власти Москвы решили", []string{"Москвы/LOC"}, "Москвы/LOC"},
		{"в посольстве в Багдаде", []string{"Багдаде/LOC"}, "Багдаде/LOC"},
		{"правительства России и Белоруссии", []string{"России/LOC", "Белоруссии/LOC"}, "России/LOC|Белоруссии/LOC"},
		{"поэтические сборники Москвы", []string{"Москвы/LOC"}, "Москвы/LOC"},
		{"правительство\nРоссии", []string{"России/LOC"}, "России/LOC"},
		{"правительство Руснока", []string{"Руснока/PER"}, "Руснока/PER"},
		{"компания Google США", []string{"Google/ORG", "США/LOC"}, "Google/ORG|США/LOC"},
		{"правительство сообщило Москве", []string{"Москве/LOC"}, "Москве/LOC"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return ruOrgOfPlace(text, toks, ms)
	})
}

func TestCelestialPlaces(t *testing.T) {
	checkRule(t, "celestialPlaces", []ruleCase{
		{"НАСА возвращается на Луну и Марс", []string{"НАСА/ORG", "Луну/PER", "Марс/PER"}, "НАСА/ORG|Луну/LOC|Марс/LOC"},
		{"полюсах Марса, чем о полюсах Луны", nil, "Марса/LOC|Луны/LOC"},
		{"старейшим жителем Земли является", nil, "Земли/LOC"},
		{"вождь Пляски Солнца из племени", nil, ""},
		{"Луна светила ярко", nil, ""},            // sentence start: no evidence of a name
		{"на земле и на луне", nil, ""},           // lower case: common nouns
		{"роман «Луна-суровая хозяйка»", nil, ""}, // one hyphenated word
		{"Кубок Земли прошёл", []string{"Кубок Земли/EVENT"}, "Кубок Земли/EVENT"},
		{"певица Лунина пела", []string{"Лунина/PER"}, "Лунина/PER"},
		{"компания Марсель", nil, ""},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return celestialPlaces(toks, ms)
	})
}

func TestNamedAfter(t *testing.T) {
	checkRule(t, "namedAfter", []ruleCase{
		{"играл в театре им. Галиаскара Камала.", []string{"Галиаскара Камала/PER"}, "театре им. Галиаскара Камала/ORG"},
		{"и Музыкального театра имени Станиславского и Немировича-Данченко.",
			[]string{"Музыкального театра имени Станиславского/ORG", "Немировича-Данченко/PER"},
			"Музыкального театра имени Станиславского и Немировича-Данченко/ORG"},
		{"окончил МГУ им. М. В. Ломоносова в 1990", []string{"МГУ/ORG", "Ломоносова/PER"}, "МГУ им. М. В. Ломоносова/ORG"},
		{"в Театре имени Ермоловой и МХТ имени Чехова",
			[]string{"Театре/ORG", "Ермоловой/PER", "МХТ/ORG", "Чехова/PER"},
			"Театре имени Ермоловой/ORG|МХТ имени Чехова/ORG"},
		// Not an institution, or no name.
		{"на стадионе имени Эдуарда Стрельцова", []string{"Эдуарда Стрельцова/PER"}, "Эдуарда Стрельцова/PER"},
		{"человек по имени Джон Табмен", []string{"Джон Табмен/PER"}, "Джон Табмен/PER"},
		{"заявил от имени ИГИЛ", []string{"ИГИЛ/ORG"}, "ИГИЛ/ORG"},
		{"театр имени нашей страны", nil, ""},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return namedAfter(text, toks, ms)
	})
}

func TestSurnameTypes(t *testing.T) {
	checkRule(t, "surnameTypes", []ruleCase{
		{"Оливер Кан уступил. Реакцией Кану было разочарование, Каном", []string{"Оливер Кан/PER", "Кану/LOC", "Каном/ORG"},
			"Оливер Кан/PER|Кану/PER|Каном/PER"},
		{"Оливер Кан уступил. Реакцией Кана было", []string{"Оливер Кан/PER", "Кана/LOC"}, "Оливер Кан/PER|Кана/PER"},
		{"актриса Ирина Россия. Россия заявила", []string{"Ирина Россия/PER", "Россия/LOC"}, "Ирина Россия/PER|Россия/LOC"},
		{"Юрий Лужков сказал. Мэр города Лужков узнал", []string{"Юрий Лужков/PER", "Лужков/LOC"}, "Юрий Лужков/PER|Лужков/PER"},
		// Well-known places, and person mentions that end in no surname.
		{"Джордж Вашингтон родился. Вашингтон заявил", []string{"Джордж Вашингтон/PER", "Вашингтон/LOC"},
			"Джордж Вашингтон/PER|Вашингтон/LOC"},
		{"вместо Нетаньяху Иерусалим будет. Иерусалим получил", []string{"Нетаньяху Иерусалим/PER", "Иерусалим/LOC"},
			"Нетаньяху Иерусалим/PER|Иерусалим/LOC"},
		{"Роман Коноплев Русской службе. Русской службе", []string{"Роман Коноплев Русской/PER", "Русской/ORG"},
			"Роман Коноплев Русской/PER|Русской/ORG"},
		{"Кана была. Кан сказал", []string{"Кана/LOC", "Кан/PER"}, "Кана/LOC|Кан/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return surnameTypes(text, ms)
	})
}

func TestStemMajority(t *testing.T) {
	checkRule(t, "stemMajority", []ruleCase{
		{"в Анкаре сказали, что Анкара и Анкару", []string{"Анкаре/LOC", "Анкара/LOC", "Анкару/PER"}, "Анкаре/LOC|Анкара/LOC|Анкару/LOC"},
		{"Ковальчук забил, Ковальчука хвалят, Ковальчук", []string{"Ковальчук/PER", "Ковальчука/PER", "Ковальчук/LOC"},
			"Ковальчук/PER|Ковальчука/PER|Ковальчук/PER"},
		// Ties, kinds of places and countries keep their types.
		{"Анкару и Анкара", []string{"Анкару/PER", "Анкара/LOC"}, "Анкару/PER|Анкара/LOC"},
		{"Эльба сказала, Эльбой, на реке Эльба", []string{"Эльба/PER", "Эльбой/PER", "Эльба/LOC"}, "Эльба/PER|Эльбой/PER|Эльба/LOC"},
		{"Россия Россией России", []string{"Россия/PER", "Россией/PER", "России/LOC"}, "Россия/PER|Россией/PER|России/LOC"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return stemMajority(text, toks, ms)
	})
}

func TestSurnameForms(t *testing.T) {
	checkRule(t, "surnameForms", []ruleCase{
		{"Юрий Лужков ушёл. Отставку Лужкова приняли", []string{"Юрий Лужков/PER"}, "Юрий Лужков/PER|Лужкова/PER"},
		// Sentence starts, short words, places and tagged words are left alone.
		{"Юрий Лужков ушёл. Лужкова нет", []string{"Юрий Лужков/PER"}, "Юрий Лужков/PER"},
		{"Джон Ли сказал, что Ли прав", []string{"Джон Ли/PER"}, "Джон Ли/PER"},
		{"Джордж Вашингтон и в Вашингтоне", []string{"Джордж Вашингтон/PER"}, "Джордж Вашингтон/PER"},
		{"Юрий Лужков и Лужкова", []string{"Юрий Лужков/PER", "Лужкова/ORG"}, "Юрий Лужков/PER|Лужкова/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return surnameForms(text, toks, ms)
	})
}

func TestOrgTopics(t *testing.T) {
	checkRule(t, "orgTopics", []ruleCase{
		{"Председатель Комитета по иностранным делам стал первым", []string{"Комитета/ORG"}, "Комитета по иностранным делам/ORG"},
		{"Бюро США по патентам и товарным знакам выдало", []string{"Бюро США/ORG"}, "Бюро США по патентам и товарным знакам/ORG"},
		{"На заседании Совета при Президенте РФ по развитию гражданского общества глава государства сказал",
			[]string{"Совета при Президенте РФ/ORG"}, "Совета при Президенте РФ по развитию гражданского общества/ORG"},
		{"Совет директоров банка Ренессанс по итогам года", []string{"Совет директоров банка Ренессанс/ORG"},
			"Совет директоров банка Ренессанс/ORG"},
		// No head, a phrase of its own, or a verb after по.
		{"Министерство здравоохранения России по результатам испытаний", []string{"Министерство здравоохранения России/ORG"}, "Министерство здравоохранения России/ORG"},
		{"Комитет по данным агентства", []string{"Комитет/ORG"}, "Комитет/ORG"},
		{"Газпром по контракту", []string{"Газпром/ORG"}, "Газпром/ORG"},
		{"Совет по поручению президента", []string{"Совет/ORG"}, "Совет/ORG"},
		{"Центра по профилактике и борьбе со СПИДом", []string{"Центра/ORG"}, "Центра по профилактике и борьбе/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return orgTopics(text, toks, ms)
	})
}

func TestCongressOrgs(t *testing.T) {
	checkRule(t, "congressOrgs", []ruleCase{
		{"член Конгресса США заявил", []string{"Конгресса США/EVENT"}, "Конгресса США/ORG"},
		{"в нижней палате Конгресса голосовали", []string{"нижней палате Конгресса/EVENT"}, "нижней палате Конгресса/ORG"},
		{"до следующего конгресса УЕФА", []string{"конгресса УЕФА/EVENT"}, "конгресса УЕФА/EVENT"},
		{"Конгресс русских американцев", []string{"Конгресс русских американцев/EVENT"}, "Конгресс русских американцев/EVENT"},
		{"Конгресс 2019 года", []string{"Конгресс 2019 года/EVENT"}, "Конгресс 2019 года/EVENT"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return congressOrgs(text, ms)
	})
}

func TestPlacePersons(t *testing.T) {
	checkRule(t, "placePersons", []ruleCase{
		{"в письме просили Анкару принять", []string{"Анкару/PER"}, "Анкару/LOC"},
		{"Мехико гарантирует призовой фонд", []string{"Мехико/PER"}, "Мехико/LOC"},
		// A surname of the text, a small town, a Latin name.
		{"Пол Лондон и Лондон", []string{"Пол Лондон/PER", "Лондон/PER"}, "Пол Лондон/PER|Лондон/PER"},
		{"Кан сказал", []string{"Кан/PER"}, "Кан/PER"},
		{"Кобе Брайант погиб. Тебя будет не хватать, Кобе", []string{"Кобе Брайант/PER", "Кобе/PER"}, "Кобе Брайант/PER|Кобе/PER"},
		{"Paris said", []string{"Paris/PER"}, "Paris/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return placePersons(text, ms)
	})
}

func TestSplitPersons(t *testing.T) {
	checkRule(t, "splitPersons", []ruleCase{
		{"после смерти Кима Чен Ира КНДР падёт", []string{"Кима Чен Ира КНДР/PER"}, "Кима Чен Ира/PER|КНДР/LOC"},
		{"глава японского МИДа Сэйдзи Маэхара отметил", []string{"МИДа Сэйдзи Маэхара/PER"}, "МИДа/ORG|Сэйдзи Маэхара/PER"},
		// Names that only look so.
		{"Египет • Эль Сальвадор • Эфиопия", []string{"Эль Сальвадор/PER"}, "Эль Сальвадор/PER"},
		{"сказал Джек Лондон", []string{"Джек Лондон/PER"}, "Джек Лондон/PER"},
		{"председатель ODS Мартин Куба заявил", []string{"Мартин Куба/PER"}, "Мартин Куба/PER"},
		{"сказал ЮАР Зума", []string{"ЮАР Зума/PER"}, "ЮАР Зума/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return splitPersons(text, ms)
	})
}

// TestRuRulesExtract runs the whole tagger on text that sets off each
// Russian rule, edge cases included, and checks the mentions' invariants.
func TestRuRulesExtract(t *testing.T) {
	tg := tagger(t)
	for _, text := range []string{
		"У здания мэрии Москвы прошёл митинг. Заявил МВД Киргизии и Министерство обороны России.",
		"НАСА вернётся на Луну, затем на Марс. Полюса Марса и Луны изучают.",
		"Он пел в Музыкальном театре имени Станиславского и Немировича-Данченко и в театре им. А. П. Чехова",
		"театре имени", "им.", "имени Чехова", "театр им", "МГУ им. ",
		"Оливер Кан уступил. Реакцией Кана было разочарование. Каном, Кану.",
		"Председатель Комитета по иностранным делам Госдумы. Комитета по",
		"член Конгресса США заявил; нижней палате Конгресса",
		"Кима Чен Ира КНДР. МИДа Сэйдзи Маэхара. МИДа  Сэйдзи. Эль Сальвадор",
		"просили Анкару принять. Мехико гарантирует. Юрий Лужков ушёл; отставку Лужкова приняли",
		"правительства\u00a0России и Белоруссии, правительство\nРоссии",
		"\xffмэрии\x00Москвы имени\xff Чехова",
	} {
		checkMentions(t, text, tg.Extract(text, language.Russian))
	}
}

func TestUntaggedCountries(t *testing.T) {
	checkRule(t, "untaggedCountries", []ruleCase{
		{"Второе место заняла Теа (Нидерланды) с 8 очками", []string{"Теа/PER"}, "Теа/PER|Нидерланды/LOC"},
		{"Чили • Коста Рика • Эквадор • Египет", []string{"Чили/LOC"}, "Чили/LOC|Эквадор/LOC|Египет/LOC"},
		{"в Южной Корее прошли", nil, "Южной Корее/LOC"},
		{"в Объединённые Арабские Эмираты прилетел", nil, ""}, // not in the gazetteer in Russian
		// Sentence starts, names that go on, ordinary words.
		{"Нидерланды готовятся", nil, ""},
		{"партия Единая Россия победила", nil, ""},
		{"сказал: Самое правильное", nil, ""},
		{"в Россия Сегодня", nil, ""},
		{"на юге Англии", nil, ""}, // NEREL marks юге Англии whole
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return untaggedCountries(toks, ms)
	})
}

func TestJoinInitials(t *testing.T) {
	checkRule(t, "joinInitials", []ruleCase{
		{"Дж. Буш-младший выиграл", []string{"Дж./PER", "Буш-младший/PER"}, "Дж. Буш-младший/PER"},
		{"Ю. А. Гагарин и Ю.А. Гагарин", []string{"Ю. А./PER", "Гагарин/PER", "Ю.А./PER", "Гагарин/PER"}, "Ю. А. Гагарин/PER|Ю.А. Гагарин/PER"},
		// Not initials, or not next to each other.
		{"Иван Петров", []string{"Иван/PER", "Петров/PER"}, "Иван/PER|Петров/PER"},
		{"Дж., Буш", []string{"Дж./PER", "Буш/PER"}, "Дж./PER|Буш/PER"},
		{"США. Буш", []string{"США./PER", "Буш/PER"}, "США./PER|Буш/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return joinInitials(text, ms)
	})
}

func TestTrimTitles(t *testing.T) {
	checkRule(t, "trimTitles", []ruleCase{
		{"Президент Обама заявил", []string{"Президент Обама/PER"}, "Обама/PER"},
		{"Архиепископ Лонгин считает", []string{"Архиепископ Лонгин/PER"}, "Лонгин/PER"},
		{"Сенатор Джон Керри", []string{"Сенатор Джон Керри/PER"}, "Джон Керри/PER"},
		// Titles the corpora keep, given names, no name after the title.
		{"Мать Тереза", []string{"Мать Тереза/PER"}, "Мать Тереза/PER"},
		{"Эмир Кустурица", []string{"Эмир Кустурица/PER"}, "Эмир Кустурица/PER"},
		{"Мэри Миллер", []string{"Мэри Миллер/PER"}, "Мэри Миллер/PER"},
		{"Папа Римский", []string{"Папа Римский/PER"}, "Папа Римский/PER"},
		{"Президент", []string{"Президент/PER"}, "Президент/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return trimTitles(text, ms)
	})
}
