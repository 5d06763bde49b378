package entity

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// seedMention finds the n-th (from 1) occurrence of s in text at or after
// byte from and returns it as a mention of type t.
func seedMention(t testing.TB, text, s string, n int, typ Type, lang language.Tag) Mention {
	t.Helper()
	off := 0
	for k := 0; k < n; k++ {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q: occurrence %d not found", s, n)
		}
		off += i
		if k < n-1 {
			off += len(s)
		}
	}
	return Mention{Start: off, End: off + len(s), Text: s, Type: typ, Language: lang}
}

// seedMentions are the mentions a good tagger gives on testdata/seed.txt,
// written by hand.
func seedMentions(t testing.TB, text string) []Mention {
	en, ru := language.English, language.Russian
	type m struct {
		s   string
		n   int
		typ Type
	}
	var out []Mention
	for _, x := range []m{
		{"Belarus", 1, LOC}, {"Kazakhstan", 1, LOC}, {"Almaty", 1, LOC}, {"Information Center", 1, ORG},
		{"Kazakhstan", 2, LOC}, {"Belarus", 2, LOC}, {"Caspian News", 1, ORG},
		{"Viktor Khrenin", 1, PER}, {"Belarusian Defense Ministry", 1, ORG}, {"Murat Bektanov", 1, PER},
		{"Bektanov", 2, PER}, {"Khrenin", 2, PER}, {"Zapad-2021", 1, EVENT}, {"Zapad-2021", 2, EVENT},
		{"Russia", 1, LOC}, {"Vostok", 1, EVENT}, {"Tsentr", 1, EVENT}, {"Kavkas", 1, EVENT},
		{"China", 1, LOC}, {"Mongolia", 1, LOC},
		{"Shanghai Cooperation Organization", 1, ORG}, {"SCO", 1, ORG},
		{"Collective Security Treaty Organization", 1, ORG}, {"CSTO", 1, ORG},
		{"Kyrgyzstan", 1, LOC}, {"Tajikistan", 1, LOC}, {"CSTO", 2, ORG}, {"SCO", 2, ORG},
		{"Uzbekistan", 1, LOC}, {"SCO", 3, ORG}, {"Sergei Shoigu", 1, PER}, {"Izvestiya", 1, ORG},
		{"Shoigu", 2, PER}, {"SCO", 5, ORG}, {"Ukraine", 1, LOC}, {"Moscow", 1, LOC}, {"NATO", 1, ORG},
		{"Crimea", 1, LOC}, {"Maryland", 1, LOC}, {"Black Sea", 1, LOC}, {"NATO", 2, ORG},
	} {
		out = append(out, seedMention(t, text, x.s, x.n, x.typ, en))
	}
	for _, x := range []m{
		{"Казахстане", 1, LOC}, {"Жезказгане", 1, LOC}, {"Сенат", 1, ORG}, {"Мажилис", 1, ORG},
		{"Олжас Бектенов", 1, PER}, {"Правительства", 1, ORG}, {"Казахстана", 1, LOC}, {"Алматы", 1, LOC},
		{"Прокуратура Карагандинской области", 1, ORG}, {"Павлодарской области", 1, LOC},
		{"Олжас Бектенов", 2, PER}, {"Кызылординской области", 1, LOC}, {"Минздрав", 1, ORG},
		{"Петропавловска", 1, LOC}, {"Токаев", 1, PER}, {"Токаев", 2, PER},
		{"Карагандинской области", 2, LOC},
	} {
		out = append(out, seedMention(t, text, x.s, x.n, x.typ, ru))
	}
	sortSeed(out)
	return out
}

func sortSeed(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func readSeed(t testing.TB) string {
	b, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entityOf returns the entity holding the mention at start.
func entityOf(ents []Entity, start int) (Entity, bool) {
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Start == start {
				return e, true
			}
		}
	}
	return Entity{}, false
}

func TestLinkSeed(t *testing.T) {
	text := readSeed(t)
	ms := seedMentions(t, text)
	l, err := NewLinker()
	if err != nil {
		t.Fatal(err)
	}
	ents := l.Link(text, ms)
	at := func(s string, n int) Entity {
		t.Helper()
		m := seedMention(t, text, s, n, "", language.Und)
		e, ok := entityOf(ents, m.Start)
		if !ok {
			t.Fatalf("no entity for %q #%d", s, n)
		}
		return e
	}
	same := func(a string, an int, b string, bn int) {
		t.Helper()
		if ea, eb := at(a, an), at(b, bn); ea.ID != eb.ID {
			t.Errorf("%q (%s) and %q (%s): want one entity", a, ea.ID, b, eb.ID)
		}
	}
	differ := func(a string, an int, b string, bn int) {
		t.Helper()
		if ea, eb := at(a, an), at(b, bn); ea.ID == eb.ID {
			t.Errorf("%q and %q: both %s; want different entities", a, b, ea.ID)
		}
	}
	same("Khrenin", 2, "Viktor Khrenin", 1)
	same("Shoigu", 2, "Sergei Shoigu", 1)
	same("Bektanov", 2, "Murat Bektanov", 1)
	differ("Bektanov", 2, "Олжас Бектенов", 1)
	differ("Murat Bektanov", 1, "Олжас Бектенов", 2)
	same("Олжас Бектенов", 1, "Олжас Бектенов", 2)
	same("CSTO", 1, "Collective Security Treaty Organization", 1)
	same("SCO", 3, "Shanghai Cooperation Organization", 1)
	differ("SCO", 1, "CSTO", 1)
	same("Zapad-2021", 1, "Zapad-2021", 2)
	same("Kazakhstan", 1, "Казахстане", 1)
	same("Токаев", 1, "Токаев", 2)
	differ("Zapad-2021", 1, "Vostok", 1)

	z := at("Zapad-2021", 1)
	if z.Type != EVENT || len(z.Mentions) != 2 || z.ID != "kb/event/zapad-2021" {
		t.Errorf("Zapad-2021 = %s %s with %d mentions; want kb/event/zapad-2021 EVENT with 2", z.ID, z.Type, len(z.Mentions))
	}
	if e := at("Viktor Khrenin", 1); e.Name != "Viktor Khrenin" || e.Type != PER {
		t.Errorf("Khrenin entity = %q %s; want Viktor Khrenin PER", e.Name, e.Type)
	}
	if e := at("CSTO", 2); e.Name != "Collective Security Treaty Organization" {
		t.Errorf("CSTO entity name = %q", e.Name)
	}
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"Павлодарской области", 1, "Павлодарская область"},
		{"Кызылординской области", 1, "Кызылординская область"},
		{"Петропавловска", 1, "Петропавловск"},
		{"Жезказгане", 1, "Жезказган"},
		{"Правительства", 1, "Правительство"},
		{"Прокуратура Карагандинской области", 1, "Прокуратура Карагандинской области"},
	} {
		if e := at(c.s, c.n); e.Name != c.want {
			t.Errorf("name of %q = %q; want %q", c.s, e.Name, c.want)
		}
	}
	// Sorted by salience, which is in [0, 1]; every mention in exactly one entity.
	n := 0
	for i, e := range ents {
		n += len(e.Mentions)
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("%s salience %v out of [0, 1]", e.ID, e.Salience)
		}
		if i > 0 && e.Salience > ents[i-1].Salience {
			t.Errorf("entities not sorted by salience at %d", i)
		}
		if len(e.Forms) != len(e.Mentions) {
			t.Errorf("%s: %d forms for %d mentions", e.ID, len(e.Forms), len(e.Mentions))
		}
	}
	if n != len(ms) {
		t.Errorf("entities hold %d mentions; want %d", n, len(ms))
	}
	// Belarus is in the title and frequent: it must outrank a one-off place.
	if b, m := at("Belarus", 1), at("Maryland", 1); b.Salience <= m.Salience {
		t.Errorf("salience Belarus %v <= Maryland %v", b.Salience, m.Salience)
	}
}

// TestLinkCrossDocument checks that ids agree across documents, languages
// and scripts, for known and unknown entities.
func TestLinkCrossDocument(t *testing.T) {
	l, err := NewLinker()
	if err != nil {
		t.Fatal(err)
	}
	id := func(text string, typ Type, lang language.Tag) string {
		t.Helper()
		ents := l.Link(text, []Mention{{Start: 0, End: len(text), Text: text, Type: typ, Language: lang}})
		if len(ents) != 1 {
			t.Fatalf("Link(%q) = %d entities", text, len(ents))
		}
		return ents[0].ID
	}
	ru, en, kk, uk := language.Russian, language.English, language.Kazakh, language.Ukrainian
	groups := []struct {
		typ   Type
		names []string
		langs []language.Tag
	}{
		{PER, []string{"Шойгу", "Shoigu", "Сергея Шойгу"}, []language.Tag{ru, en, ru}},
		{PER, []string{"Тоқаев", "Токаев", "Tokayev", "Toqaev", "Тоқаевтың"}, []language.Tag{kk, ru, en, en, kk}},
		{LOC, []string{"Астана", "Astana", "Астанада", "Астане"}, []language.Tag{ru, en, kk, ru}},
		{ORG, []string{"НАТО", "NATO", "НАТО-ның"}, []language.Tag{ru, en, kk}},
		{ORG, []string{"ШОС", "SCO", "Шанхайской организации сотрудничества"}, []language.Tag{ru, en, ru}},
		// not in the knowledge base: derived ids
		{PER, []string{"Бауыржану Байбеку", "Bauyrzhan Baibek", "Байбек"}, []language.Tag{ru, en, ru}},
		{LOC, []string{"Жезказгане", "Zhezkazgan", "Жезқазған"}, []language.Tag{ru, en, kk}},
		{PER, []string{"Зеленського", "Зеленский", "Zelenskyy"}, []language.Tag{uk, ru, en}},
		{PER, []string{"Журавлева Виктория Юрьевна", "Виктории Журавлевой", "Журавлевой", "Viktoria Zhuravleva"},
			[]language.Tag{ru, ru, ru, en}},
	}
	for _, g := range groups {
		first := id(g.names[0], g.typ, g.langs[0])
		for i, n := range g.names[1:] {
			if got := id(n, g.typ, g.langs[i+1]); got != first {
				t.Errorf("id(%q) = %s; id(%q) = %s; want equal", g.names[0], first, n, got)
			}
		}
	}
	if a, b := id("Олжас Бектенов", PER, ru), id("Murat Bektanov", PER, en); a == b {
		t.Errorf("Bektenov and Bektanov share id %s", a)
	}
}

func TestCanonical(t *testing.T) {
	ru, kk, uk, en := language.Russian, language.Kazakh, language.Ukrainian, language.English
	for _, c := range []struct {
		in   string
		typ  Type
		lang language.Tag
		want string
	}{
		{"Виктором Хрениным", PER, ru, "Виктор Хренин"},
		{"Белоусовты", PER, kk, "Белоусов"},
		{"Павлодаре", LOC, ru, "Павлодар"},
		{"Костанайской области", LOC, ru, "Костанайская область"},
		{"Министерстве сельского хозяйства", ORG, ru, "Министерство сельского хозяйства"},
		{"Казахстана", LOC, ru, "Казахстан"},
		{"Москве", LOC, ru, "Москва"},
		{"Сергея Шойгу", PER, ru, "Сергей Шойгу"},
		{"Марии Захаровой", PER, ru, "Мария Захарова"},
		{"Бориса Джонсона", PER, ru, "Борис Джонсон"},
		{"Зеленскому", PER, ru, "Зеленский"},
		{"Белом доме", ORG, ru, "Белый дом"},
		{"Соединенных Штатов", LOC, ru, "Соединенные Штаты"},
		{"Организации Договора о коллективной безопасности", ORG, ru, "Организация Договора о коллективной безопасности"},
		{"Государственной думе", ORG, ru, "Государственная дума"},
		{"Нью-Йорке", LOC, ru, "Нью-Йорк"},
		{"Ростова-на-Дону", LOC, ru, "Ростов-на-Дону"},
		{"Аральском море", LOC, ru, "Аральское море"}, // neuters: море, озеро, -ье, -ище
		{"Каспийского моря", LOC, ru, "Каспийское море"},
		{"Балхашском озере", LOC, ru, "Балхашское озеро"},
		{"Подмосковья", LOC, ru, "Подмосковье"},
		{"Сырдарья", LOC, ru, "Сырдарья"}, // no neuter in -ье without a region prefix
		{"Сырдарьи", LOC, ru, "Сырдарья"},
		{"Капчагайского водохранилища", LOC, ru, "Капчагайское водохранилище"},
		{"Чорному морі", LOC, uk, "Чорне море"},
		{"республиканцем", PER, ru, "республиканец"}, // fleeting е
		{"Андрій Сибіга", PER, uk, "Андрій Сибіга"},  // a declined first name as written is a nominative
		{"Андрей Шкода", PER, ru, "Андрей Шкода"},
		{"Джо Байдена", PER, ru, "Джо Байден"},          // Джо does not decline
		{"Госпогранслужба", ORG, ru, "Госпогранслужба"}, // a compound ending in служба
		{"Коллегию выборщиков", ORG, ru, "Коллегия выборщиков"},
		{"ВАШИНГТОН", LOC, ru, "Вашингтон"},
		{"ОДКБ", ORG, ru, "ОДКБ"},
		{"Україні", LOC, uk, "Україна"},
		{"Великій Британії", LOC, uk, "Велика Британія"},
		{"Києва", LOC, uk, "Київ"},
		{"Америці", LOC, uk, "Америка"},
		{"Тоқаевтың", PER, kk, "Тоқаев"},
		{"Астанада", LOC, kk, "Астана"},
		{"Павлодар облысында", LOC, kk, "Павлодар облысы"},
		{"Қазақстан Республикасының", LOC, kk, "Қазақстан Республикасы"},
		{"НАТО-ның", ORG, kk, "НАТО"},
		{"Қазақстаннан", LOC, kk, "Қазақстан"},
		{"Астананың", LOC, kk, "Астана"},
		{"Алматыға", LOC, kk, "Алматы"},
		{"Шымкентте", LOC, kk, "Шымкент"},
		{"Ақордада", ORG, kk, "Ақорда"},
		{"Тоқаевқа", PER, kk, "Тоқаев"},
		{"облысының", LOC, kk, "облысы"},
		{"Астана", LOC, kk, "Астана"},
		{"Канада", LOC, kk, "Канада"},
		{"Kazakhstan's", LOC, en, "Kazakhstan"},
		{"  Viktor \n Khrenin ", PER, en, "Viktor Khrenin"},
		{"", PER, ru, ""},
		{"Виктором Хрениным", PER, en, "Виктор Хренин"},
		{"Қостанай облысында", LOC, language.Und, "Қостанай облысы"},
	} {
		if got := Canonical(c.in, c.typ, c.lang); got != c.want {
			t.Errorf("Canonical(%q, %s, %s) = %q; want %q", c.in, c.typ, c.lang, got, c.want)
		}
	}
}

func TestKnowledgeErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		kb   []Knowledge
	}{
		{"duplicate id", []Knowledge{{ID: "x/a", Name: "A", Type: ORG}, {ID: "x/a", Name: "B", Type: ORG}}},
		{"id of the built-in base", []Knowledge{{ID: "kb/org/nato", Name: "NATO", Type: ORG}}},
		{"empty alias", []Knowledge{{ID: "x/a", Name: "A", Type: ORG, Aliases: []string{"B", " "}}}},
		{"empty id", []Knowledge{{Name: "A", Type: ORG}}},
		{"empty name", []Knowledge{{ID: "x/a", Type: ORG}}},
		{"bad type", []Knowledge{{ID: "x/a", Name: "A", Type: "THING"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := NewLinker(WithKnowledge(c.kb...)); !errors.Is(err, ErrKnowledge) {
				t.Errorf("NewLinker = %v; want ErrKnowledge", err)
			}
			if err := validateKnowledge(c.kb); !errors.Is(err, ErrKnowledge) {
				t.Errorf("validateKnowledge = %v; want ErrKnowledge", err)
			}
		})
	}
}

func TestKnowledgeUser(t *testing.T) {
	l, err := NewLinker(WithKnowledge(Knowledge{
		ID: "acme/kazatomprom", Name: "Kazatomprom", Type: ORG,
		Aliases: []string{"Казатомпром", "Қазатомөнеркәсіп"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	text := "Казатомпрома"
	ents := l.Link(text, []Mention{{Start: 0, End: len(text), Text: text, Type: ORG, Language: language.Russian}})
	if len(ents) != 1 || ents[0].ID != "acme/kazatomprom" {
		t.Errorf("Link(%q) = %+v; want acme/kazatomprom", text, ents)
	}
}

func TestBuiltinKnowledge(t *testing.T) {
	kb := BuiltinKnowledge()
	if len(kb) < 100 {
		t.Fatalf("built-in knowledge base has %d entries", len(kb))
	}
	ids := map[string]bool{}
	for _, k := range kb {
		if !strings.HasPrefix(k.ID, "kb/"+strings.ToLower(string(k.Type))+"/") {
			t.Errorf("id %q does not follow kb/<type>/<slug> for type %s", k.ID, k.Type)
		}
		if ids[k.ID] {
			t.Errorf("duplicate id %q", k.ID)
		}
		ids[k.ID] = true
	}
	kb[0].Aliases = append(kb[0].Aliases[:0], "changed")
	if BuiltinKnowledge()[0].Aliases[0] == "changed" {
		t.Error("BuiltinKnowledge returns shared slices")
	}
}

func TestLinkEmptyAndBadSpans(t *testing.T) {
	l, _ := NewLinker()
	if got := l.Link("text", nil); len(got) != 0 {
		t.Errorf("Link with no mentions = %v", got)
	}
	ms := []Mention{
		{Start: -5, End: 100, Text: "Шойгу", Type: PER, Language: language.Russian},
		{Start: 3, End: 1, Text: "", Type: ORG},
		{Start: 0, End: 4, Text: "\xff\xfe", Type: LOC},
	}
	ents := l.Link("abc", ms)
	n := 0
	for _, e := range ents {
		n += len(e.Mentions)
	}
	if n != len(ms) {
		t.Errorf("Link kept %d of %d mentions", n, len(ms))
	}
}

func TestLinkConcurrent(t *testing.T) {
	text := readSeed(t)
	ms := seedMentions(t, text)
	l, _ := NewLinker()
	want := l.Link(text, ms)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				got := l.Link(text, ms)
				if len(got) != len(want) || got[0].ID != want[0].ID {
					t.Error("concurrent Link differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestLinkLarge links a long page of many mentions: time must stay about
// linear (the quadratic version of this took minutes).
func TestLinkLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	text := readSeed(t)
	base := seedMentions(t, text)
	const copies = 400 // ~23,000 mentions over ~2.3 MB
	var b strings.Builder
	var ms []Mention
	for c := 0; c < copies; c++ {
		off := b.Len()
		b.WriteString(text)
		for _, m := range base {
			m.Start += off
			m.End += off
			ms = append(ms, m)
		}
	}
	big := b.String()
	l, _ := NewLinker()
	start := time.Now()
	ents := l.Link(big, ms)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Link of %d mentions took %v", len(ms), d)
	}
	small := l.Link(text, base)
	if len(ents) != len(small) {
		t.Errorf("%d copies of the page give %d entities; one gives %d", copies, len(ents), len(small))
	}
}

func TestLinkHugeMention(t *testing.T) {
	word := strings.Repeat("ж", 1<<19) + "ого" // a 1 MB "word"
	text := "В " + word + " сказали"
	ms := []Mention{{Start: 3, End: 3 + len(word), Text: word, Type: ORG, Language: language.Russian}}
	l, _ := NewLinker()
	start := time.Now()
	ents := l.Link(text, ms)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Link of a 1 MB mention took %v", d)
	}
	if len(ents) != 1 || len(ents[0].ID) > 80 {
		t.Errorf("Link = %d entities, id length %d", len(ents), len(ents[0].ID))
	}
}

func TestNewRejectsBadKnowledge(t *testing.T) {
	bad := []Knowledge{{ID: "x", Name: "X", Type: ORG, Aliases: []string{""}}}
	if _, err := New(WithKnowledge(bad...)); !errors.Is(err, ErrKnowledge) {
		t.Errorf("New(WithKnowledge(empty alias)) = %v; want ErrKnowledge", err)
	}
}

func TestLinkBracketedSpellings(t *testing.T) {
	ru := language.Russian
	text := "Томас Шефер (Thomas Schäfer), член ХДС (Христианско-демократический союз Германии), жил в " +
		"Хоххайм-ам-Майн (Hochheim am Main). Шефер и Россия (Москва) — другое."
	mk := func(s string, typ Type) Mention { return seedMention(t, text, s, 1, typ, ru) }
	ms := []Mention{
		mk("Томас Шефер", PER), mk("Thomas Schäfer", PER), mk("ХДС", ORG),
		mk("Христианско-демократический союз Германии", ORG), mk("Хоххайм-ам-Майн", LOC),
		mk("Hochheim am Main", LOC), seedMention(t, text, "Шефер", 2, PER, ru), mk("Россия", LOC), mk("Москва", LOC),
	}
	l, err := NewLinker()
	if err != nil {
		t.Fatal(err)
	}
	ents := l.Link(text, ms)
	of := map[string]string{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			of[m.Text] = e.ID
		}
	}
	for _, pair := range [][2]string{
		{"Томас Шефер", "Thomas Schäfer"}, {"Томас Шефер", "Шефер"}, {"ХДС", "Христианско-демократический союз Германии"},
		{"Хоххайм-ам-Майн", "Hochheim am Main"},
	} {
		if of[pair[0]] != of[pair[1]] {
			t.Errorf("%q (%s) and %q (%s): want one entity", pair[0], of[pair[0]], pair[1], of[pair[1]])
		}
	}
	if of["Россия"] == of["Москва"] {
		t.Errorf("Россия (Москва): one script, two places; got one entity %s", of["Москва"])
	}
}

func TestAppositiveQuote(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"через пункт пропуска «Карасу» из Кыргызстана", "Карасу", true},
		{"акции компании «Газпрома» выросли", "Газпрома", true},
		{"в ТОО «Самрук»", "Самрук", true},
		{"после «Брексита» фунт упал", "Брексита", false}, // a preposition declines it
		{"Глава «Газпрома» заявил", "Газпрома", false},
		{"«Карасу» закрыт", "Карасу", false},
	} {
		i := strings.Index(tc.text, tc.name)
		m := Mention{Start: i, End: i + len(tc.name), Text: tc.name, Type: LOC}
		if got := appositiveQuote(tc.text, m); got != tc.want {
			t.Errorf("appositiveQuote(%q in %q) = %v; want %v", tc.name, tc.text, got, tc.want)
		}
	}
}
