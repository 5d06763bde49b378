package entity

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/token"
)

func TestAdjectiveOrgs(t *testing.T) {
	checkRule(t, "adjectiveOrgs", []ruleCase{
		{"По сведениям Всемирной продовольственной и сельскохозяйственной организации, урожай", []string{"Всемирной/ORG"},
			"Всемирной продовольственной и сельскохозяйственной организации/ORG"},
		{"вступление Китая во Всемирную торговую организацию", []string{"Китая/LOC", "Всемирную/ORG"}, "Китая/LOC|Всемирную торговую организацию/ORG"},
		{"стал главврачом Кремлевской больницы", []string{"Кремлевской/ORG"}, "Кремлевской больницы/ORG"},
		// No organization's noun follows.
		{"ворвались в Капитолий из-за выборов", []string{"Капитолий/ORG"}, "Капитолий/ORG"},
		{"как Оксфордской вакцине", []string{"Оксфордской/ORG"}, "Оксфордской/ORG"},
		{"в Кремниевую долину", []string{"Кремниевую/ORG"}, "Кремниевую/ORG"},
		{"Всемирной\nорганизации", []string{"Всемирной/ORG"}, "Всемирной/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return adjectiveOrgs(toks, ms)
	})
}

func TestFieldLists(t *testing.T) {
	checkRule(t, "fieldLists", []ruleCase{
		{"Глава комитета по вопросам семьи, женщин и детей заявила", []string{"комитета по вопросам семьи/ORG"},
			"комитета по вопросам семьи, женщин и детей/ORG"},
		{"выдано Федеральной службой по надзору в сфере связи, информационных технологий и массовых коммуникаций (Роскомнадзор)",
			[]string{"Федеральной службой по надзору в сфере связи/ORG", "Роскомнадзор/ORG"},
			"Федеральной службой по надзору в сфере связи, информационных технологий и массовых коммуникаций/ORG|Роскомнадзор/ORG"},
		{"одобрило Управление по продовольствию и медикаментам США", []string{"Управление по продовольствию/ORG", "США/LOC"},
			"Управление по продовольствию и медикаментам/ORG|США/LOC"},
		// No closing и, a verb, or no field.
		{"Комитет по обороне, однако, решил", []string{"Комитет по обороне/ORG"}, "Комитет по обороне/ORG"},
		{"Комитет по обороне и заявил", []string{"Комитет по обороне/ORG"}, "Комитет по обороне/ORG"},
		{"Министерство обороны и финансов", []string{"Министерство обороны/ORG"}, "Министерство обороны/ORG"},
		{"Комитет по обороне, Минфин и Минюст", []string{"Комитет по обороне/ORG", "Минфин/ORG", "Минюст/ORG"},
			"Комитет по обороне/ORG|Минфин/ORG|Минюст/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return fieldLists(text, toks, ms)
	})
}

func TestReportSources(t *testing.T) {
	checkRule(t, "reportSources", []ruleCase{
		{"Тем временем, сообщает «Новый Регион — Екатеринбург», 1 февраля", []string{"Екатеринбург/LOC"}, "Новый Регион — Екатеринбург/ORG"},
		{"Джемаль в интервью «Свободной прессе» говорит", []string{"Джемаль/PER"}, "Джемаль/PER|Свободной прессе/ORG"},
		{"как пишет «Gzt.Ru», 23 июля", nil, "Gzt.Ru/ORG"},
		{"как рассказал \"Ъ\" источник", []string{"Ъ/ORG"}, "Ъ/ORG"},
		{"рассказала «Модерна» (Moderna)", []string{"Moderna/ORG"}, "Модерна/ORG|Moderna/ORG"},
		// Speech, a medium's noun before the quote, a verb inside.
		{"заявил «Мы победили»", nil, ""},
		{"заявил: «Нет»", nil, ""},
		{"сообщает газета «Труд»", nil, ""},
		{"заявил «Это провокация. Ответим»", nil, ""},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return reportSources(text, toks, ms)
	})
}

func TestAddressOrgs(t *testing.T) {
	checkRule(t, "addressOrgs", []ruleCase{
		{"петиция на change.org набрала", []string{"change.org/ORG"}, ""},
		{"материалы с сайта rueconomics.ru", []string{"rueconomics.ru/ORG"}, ""},
		{"на имя кремль.рф", []string{"кремль.рф/ORG"}, ""},
		// A source of a report, a capitalized name, another type.
		{"сообщает baltinfo.ru", []string{"baltinfo.ru/ORG"}, "baltinfo.ru/ORG"},
		{"как пишет Lenta.ru", []string{"Lenta.ru/ORG"}, "Lenta.ru/ORG"},
		{"на сайте gosuslugi.ru", []string{"gosuslugi.ru/LOC"}, "gosuslugi.ru/LOC"},
		{"в компании Google", []string{"Google/ORG"}, "Google/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return addressOrgs(text, toks, ms)
	})
}

func TestTrimAdjectiveTails(t *testing.T) {
	checkRule(t, "trimAdjectiveTails", []ruleCase{
		{"подписания Правительство действующего премьер-министра", []string{"Правительство действующего/ORG"}, "Правительство/ORG"},
		{"вынесенный Верховным судом смертного приговора", []string{"Верховным судом смертного/ORG"}, "Верховным судом/ORG"},
		{"залог Магистратский суд лондонского района", []string{"Магистратский суд лондонского/ORG"}, "Магистратский суд/ORG"},
		// A noun, a capital, one word, a person.
		{"Министерство обороны", []string{"Министерство обороны/ORG"}, "Министерство обороны/ORG"},
		{"Банк Русского", []string{"Банк Русского/ORG"}, "Банк Русского/ORG"},
		{"Грозного", []string{"Грозного/ORG"}, "Грозного/ORG"},
		{"Иван действующего", []string{"Иван действующего/PER"}, "Иван действующего/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return trimAdjectiveTails(text, ms)
	})
}

// TestRuRulesEdges runs the whole tagger on texts that end inside the
// patterns of this file's rules: spans stay in bounds and sorted.
func TestRuRulesEdges(t *testing.T) {
	tg := tagger(t)
	for _, text := range []string{
		"сообщает «", "сообщает «Новый", "сообщает «Новый Регион", "пишет «»", "заявил \"Ъ", "сообщает «Новый Регион — »",
		"Комитет по обороне,", "Комитет по обороне и", "Комитет по обороне, безопасности и",
		"Всемирной", "Всемирной продовольственной и", "в британском", "в британском правительстве",
		"американского министерства иностранных", "на change.org", "change.org", "Правительство действующего",
		"По сведениям Всемирной продовольственной и сельскохозяйственной организации, глава комитета по вопросам семьи, женщин и детей сообщил «Коммерсанту».",
	} {
		checkMentions(t, text, tg.Extract(text, language.Russian))
	}
}

func TestCommonAcronyms(t *testing.T) {
	checkRule(t, "commonAcronyms", []ruleCase{
		{"по данным СМИ", []string{"СМИ/ORG"}, ""},
		{"в результате ДТП погибли", []string{"ДТП/ORG"}, ""},
		{"режим ЧП в стране", []string{"ЧП/ORG"}, ""},
		{"отделение ПАО от корабля", []string{"ПАО/ORG"}, ""},
		{"ставка НДСа", []string{"НДСа/ORG"}, ""},
		// Organizations, another type, a longer mention.
		{"в СИЗО «Лефортово»", []string{"СИЗО/ORG"}, "СИЗО/ORG"},
		{"глава МИДа", []string{"МИДа/ORG"}, "МИДа/ORG"},
		{"ПАО «Газпром»", []string{"ПАО «Газпром»/ORG"}, "ПАО «Газпром»/ORG"},
		{"ЧП", []string{"ЧП/EVENT"}, "ЧП/EVENT"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return commonAcronyms(text, ms)
	})
}

func TestJoinParticles(t *testing.T) {
	checkRule(t, "joinParticles", []ruleCase{
		{"после того как фон Беттихер стал", []string{"Беттихер/PER"}, "фон Беттихер/PER"},
		{"сказала фон дер Ляйен.", []string{"Ляйен/PER"}, "фон дер Ляйен/PER"},
		{"подруги Анны, Жаклин ван Маарсен.", []string{"Анны/PER", "Жаклин/PER", "Маарсен/PER"}, "Анны/PER|Жаклин ван Маарсен/PER"},
		// No person after the particle, a place, a particle on another line.
		{"гонки «Тур де Франс»", []string{"Франс/LOC"}, "Франс/LOC"},
		{"и де\nНиро", []string{"Ниро/PER"}, "Ниро/PER"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return joinParticles(text, toks, ms)
	})
}

func TestChambers(t *testing.T) {
	checkRule(t, "chambers", []ruleCase{
		{"Бывший спикер палаты представителей, Нэнси Пелоси", []string{"Нэнси Пелоси/PER"}, "палаты представителей/ORG|Нэнси Пелоси/PER"},
		{"выступая в палате общин", nil, "палате общин/ORG"},
		{"в Палате общин", []string{"Палате общин/ORG"}, "Палате общин/ORG"},
		// Another chamber's word, a line break, a tagged word.
		{"палата мер и весов", nil, ""},
		{"палаты\nпредставителей", nil, ""},
		{"палаты представителей Конгресса", []string{"представителей Конгресса/ORG"}, "представителей Конгресса/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return chambers(toks, ms)
	})
}

func TestLatinNames(t *testing.T) {
	checkRule(t, "latinNames", []ruleCase{
		{"Доклад опубликовал Committee to Protect Journalists в среду", []string{"Committee/ORG"},
			"Committee to Protect Journalists/ORG"},
		{"продукция фирмы Harles und Jentzsch попала в корма", []string{"Harles/ORG", "Jentzsch/ORG"}, "Harles und Jentzsch/ORG"},
		{"глава Global Cultural Project сказал", []string{"Global/PER", "Cultural Project/ORG"}, "Global Cultural Project/ORG"},
		{"В этом году Corus Chess Tournament пройдёт в январе", []string{"Tournament/ORG"}, "Corus Chess Tournament/EVENT"},
		{"Корпорация Philips всерьёз взялась за дело", []string{"Корпорация Philips всерьёз/ORG"}, "Корпорация Philips/ORG"},
		// Another type's name of two words stops it; a Latin sentence is no name.
		{"глава Anti-Defamation League Jonathan Greenblatt заявил", []string{"Anti-Defamation League/ORG", "Jonathan Greenblatt/PER"},
			"Anti-Defamation League/ORG|Jonathan Greenblatt/PER"},
		{"пишет: Here is the Reuters Image caption", []string{"Reuters/ORG"}, "Reuters/ORG"},
		{"в компании Oracle и Sun Microsystems", []string{"Oracle/ORG", "Sun Microsystems/ORG"}, "Oracle/ORG|Sun Microsystems/ORG"},
		{"сообщила PR-служба конференции", []string{"PR-служба/ORG"}, "PR-служба/ORG"},
		{"Apple\nWatch", []string{"Apple/ORG"}, "Apple/ORG"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return latinNames(text, toks, ms)
	})
}

func TestSplitPrepPlace(t *testing.T) {
	checkRule(t, "splitPrepPlace", []ruleCase{
		{"дверь Европейского Союза для Сербии не закрыта", []string{"Европейского Союза для Сербии/ORG"}, "Европейского Союза/ORG|Сербии/LOC"},
		{"в Департаменте по выходу Британии из ЕС", []string{"Департаменте по выходу Британии из ЕС/ORG"},
			"Департаменте по выходу Британии из ЕС/ORG"},
		{"фонд помощи для Сербии", []string{"фонд помощи для Сербии/LOC"}, "фонд помощи для Сербии/LOC"},
	}, func(text string, toks []token.Token, ms []Mention) []Mention {
		return splitPrepPlace(text, toks, ms)
	})
}
