package topic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

// TestRuleCoverage checks the media-monitoring subtopics on short texts
// written for this test in each language.
func TestRuleCoverage(t *testing.T) {
	c := newClassifier(t)
	for _, tc := range []struct {
		lang language.Tag
		text string
		want string
	}{
		{language.English, "Defence ministers of Kazakhstan and Kyrgyzstan signed a military cooperation agreement", "military-cooperation"},
		{language.English, "Troops held joint military exercises near the border with live-fire drills", "military-exercises"},
		{language.English, "Police seized 40 kg of heroin and arrested two drug traffickers", "drugs"},
		{language.English, "The former mayor was charged with bribery and embezzlement", "corruption"},
		{language.English, "Hackers used phishing e-mails to steal bank card data", "cybercrime"},
		{language.English, "Farmers expect a record wheat harvest this year", "agriculture"},
		{language.English, "The new power plant will add 500 megawatts of electricity", "energy"},
		{language.English, "Parliament approved next year's state budget with a larger deficit", "budget"},
		{language.English, "Five people died when a bus collided with a truck on the highway", "accident"},
		{language.English, "Voters go to the polls on Sunday to elect a new president", "elections"},
		{language.English, "The foreign minister met the ambassador to discuss bilateral relations", "diplomacy"},
		{language.English, "The striker scored twice as the team won the cup final", "sport"},
		{language.Russian, "Министры обороны двух стран подписали соглашение о военном сотрудничестве", "military-cooperation"},
		{language.Russian, "На полигоне прошли совместные военные учения миротворческих сил ОДКБ", "military-exercises"},
		{language.Russian, "Полицейские изъяли крупную партию героина у наркокурьера", "drugs"},
		{language.Russian, "Бывшего акима задержали по подозрению в получении взятки", "corruption"},
		{language.Russian, "Кибермошенники похитили деньги с банковских карт пенсионеров", "cybercrime"},
		{language.Russian, "Аграрии начали уборку урожая зерновых", "agriculture"},
		{language.Russian, "Новая ТЭЦ обеспечит город теплом и электроэнергией", "energy"},
		{language.Russian, "Мажилис одобрил поправки в республиканский бюджет", "budget"},
		{language.Russian, "В результате ДТП на трассе пострадали три человека", "accident"},
		{language.Russian, "ЦИК подвел итоги выборов президента", "elections"},
		{language.Russian, "Министр иностранных дел провел переговоры с послом Китая", "diplomacy"},
		{language.Russian, "Ремонт водопровода оставит без воды несколько улиц", "water"},
		{language.Russian, "Синоптики обещают сильный снегопад и мороз до минус 30 градусов", "weather"},
		{language.Russian, "Сборная Казахстана по футболу обыграла соперника в отборочном матче", "sport"},
		{language.Kazakh, "Қорғаныс министрлері әскери ынтымақтастық туралы келісімге қол қойды", "military-cooperation"},
		{language.Kazakh, "Полигонда бірлескен әскери жаттығулар өтті", "military-exercises"},
		{language.Kazakh, "Полиция есірткі сатушыны ұстады", "drugs"},
		{language.Kazakh, "Бұрынғы әкім пара алды деген күдікпен ұсталды", "corruption"},
		{language.Kazakh, "Фермерлер астық жинауды бастады", "agriculture"},
		{language.Kazakh, "Мәжіліс республикалық бюджетке түзетулерді мақұлдады", "budget"},
		{language.Kazakh, "Жол-көлік оқиғасынан екі адам қаза тапты", "accident"},
		{language.Kazakh, "Сайлаушылар жексенбі күні дауыс береді", "elections"},
	} {
		got := c.Classify(Document{Text: tc.text, Language: tc.lang})
		checkTopics(t, got)
		assert.GreaterOrEqual(t, scoreOf(got, tc.want), 0.5, "Classify(%q) = %v", tc.text, got)
	}
}
