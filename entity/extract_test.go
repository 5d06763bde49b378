package entity

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

var (
	sharedTagger     *Tagger
	sharedTaggerOnce sync.Once
)

func tagger(t testing.TB) *Tagger {
	sharedTaggerOnce.Do(func() {
		var err error
		if sharedTagger, err = New(); err != nil {
			t.Fatal(err)
		}
	})
	return sharedTagger
}

// segment is a run of lines in one script, tagged with one language, the
// way the root pipeline hands language segments to Extract.
type segment struct {
	start int
	text  string
	lang  language.Tag
}

// segments splits text into runs of Cyrillic and of other lines. A line of
// fewer than four words with letters (a date, a rubric) is too short to tell its
// language and stays in the current run.
func segments(text string) []segment {
	var out []segment
	start := 0
	for start < len(text) {
		cyr := mostlyCyrillic(lineAt(text, start))
		end := start
		for end < len(text) {
			l := lineAt(text, end)
			if mostlyCyrillic(l) != cyr && (end == start || letterWords(l) >= 4) {
				break
			}
			end += len(l)
		}
		lang := language.English
		if cyr {
			lang = language.Russian
		}
		out = append(out, segment{start, text[start:end], lang})
		start = end
	}
	return out
}

// letterWords counts the words of s that contain a letter.
func letterWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

func lineAt(text string, i int) string {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return text[i : i+j+1]
	}
	return text[i:]
}

// extractAll runs Extract per segment and returns mentions with offsets
// into text.
func extractAll(tg *Tagger, text string) []Mention {
	var out []Mention
	for _, s := range segments(text) {
		for _, m := range tg.Extract(s.text, s.lang) {
			m.Start += s.start
			m.End += s.start
			out = append(out, m)
		}
	}
	return out
}

type tm struct {
	text string
	typ  Type
}

// seedRequired lists what a reader finds in testdata/seed.txt: every person,
// organization, place and named event, each as one or more acceptable
// (text, type) readings; one of them must be extracted.
var seedRequired = [][]tm{
	// English article.
	{{"Viktor Khrenin", PER}}, {{"Khrenin", PER}}, {{"Murat Bektanov", PER}}, {{"Bektanov", PER}},
	{{"Sergei Shoigu", PER}}, {{"Shoigu", PER}},
	{{"Belarus", LOC}}, {{"Kazakhstan", LOC}}, {{"Almaty", LOC}}, {{"Russia", LOC}}, {{"China", LOC}},
	{{"Mongolia", LOC}}, {{"Kyrgyzstan", LOC}}, {{"Tajikistan", LOC}}, {{"Uzbekistan", LOC}}, {{"Ukraine", LOC}},
	{{"Moscow", LOC}}, {{"Crimea", LOC}}, {{"Maryland", LOC}}, {{"Black Sea", LOC}}, {{"Eastern Europe", LOC}},
	{{"Baltic States", LOC}}, {{"Caspian region", LOC}, {"Caspian", LOC}}, // issue #5 lists the Caspian region
	{{"Information Center", ORG}}, {{"Caspian News", ORG}},
	{{"Belarusian Defense Ministry", ORG}, {"Defense Ministry", ORG}},
	{{"General Staff of the Armed Forces", ORG}, {"General Staff", ORG}, {"Armed Forces", ORG}},
	{{"Shanghai Cooperation Organization", ORG}}, {{"SCO", ORG}},
	{{"Collective Security Treaty Organization", ORG}}, {{"CSTO", ORG}}, {{"NATO", ORG}}, {{"Izvestiya", ORG}},
	{{"Zapad-2021", EVENT}},
	// Russian headlines.
	{{"Олжас Бектенов", PER}}, {{"Токаев", PER}},
	{{"Казахстане", LOC}}, {{"Казахстана", LOC}}, {{"Казахстан", LOC}}, {{"Жезказгане", LOC}}, {{"Алматы", LOC}},
	{{"Павлодарской области", LOC}}, {{"Кызылординской области", LOC}}, {{"Карагандинской области", LOC}},
	{{"Петропавловска", LOC}}, {{"РК", LOC}},
	{{"Сенат", ORG}}, {{"Мажилис", ORG}}, {{"Минздрав", ORG}}, {{"Правительства", ORG}},
	{{"Прокуратура Карагандинской области", ORG}, {"Прокуратура", ORG}},
	{{"ЦК Компартии Вьетнама", ORG}, {"политбюро ЦК Компартии Вьетнама", ORG}, {"Компартии Вьетнама", ORG}, {"ЦК Компартии", ORG}, {"Компартии", ORG}},
	{{"Форуме работников сельского хозяйства", EVENT}, {"Форуме", EVENT}},
}

// seedAmbiguous lists readings that are defensible but not required: the
// strategic commands named after directions, products and bodies named by
// a description. They count neither as found nor as wrong.
var seedAmbiguous = []tm{
	{"Telegram Channel", ORG}, {"Telegram", ORG}, {"Caspian", LOC}, {"Caucasus", LOC},
	{"Vostok", ORG}, {"Zapad", ORG}, {"Tsentr", ORG}, {"Kavkas", ORG},
	{"Vostok", LOC}, {"Zapad", LOC}, {"Tsentr", LOC}, {"Kavkas", LOC}, {"East", LOC}, {"West", LOC}, {"Centre", LOC},
	{"Vostok", EVENT}, {"Zapad", EVENT}, {"Tsentr", EVENT}, {"Kavkas", EVENT},
	{"Вьетнама", LOC}, {"Карагандинской области", LOC},
	{"Центральной таможенной лаборатории", ORG}, {"городской Центральной таможенной лаборатории", ORG}, {"Национальный центр компетенций", ORG},
	{"Шайн мускат", ORG}, {"Цифровой карты семьи", ORG}, {"Институт коневодства", ORG},
	{"Правительства", ORG}, {"ЦК", ORG}, {"Ярмарка сельского хозяйства", EVENT},
}

// The target for the seed page is every required mention found and
// at most 3 wrong ones. The built-in models with the knowledge-base and
// gloss rules find all 53 and make 1 wrong (Полиция as ORG, which NEREL
// annotates so, see models/README.md); the bounds are the target, with one
// missing mention of room because the place features follow the geo
// gazetteer, which is still changing.
const (
	seedMaxMissing = 1
	seedMaxWrong   = 3
)

func TestSeedGolden(t *testing.T) {
	raw, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Skip("seed page not found:", err)
	}
	text := string(raw)
	ms := extractAll(tagger(t), text)
	got := map[tm]bool{}
	for _, m := range ms {
		got[tm{m.Text, m.Type}] = true
	}
	known := map[tm]bool{}
	for _, a := range seedAmbiguous {
		known[a] = true
	}
	var missing []string
	for _, alts := range seedRequired {
		ok := false
		for _, a := range alts {
			known[a] = true
			ok = ok || got[a]
		}
		if !ok {
			missing = append(missing, alts[0].text+"/"+string(alts[0].typ))
		}
	}
	if len(missing) > seedMaxMissing {
		t.Errorf("%d of %d required mentions missing, want at most %d: %q", len(missing), len(seedRequired), seedMaxMissing, missing)
	} else {
		t.Logf("%d of %d required mentions missing: %q", len(missing), len(seedRequired), missing)
	}
	var wrong []string
	for _, m := range ms {
		if !known[tm{m.Text, m.Type}] {
			wrong = append(wrong, m.Text+"/"+string(m.Type))
		}
	}
	if len(wrong) > seedMaxWrong {
		t.Errorf("%d wrong mentions, want at most %d: %q", len(wrong), seedMaxWrong, wrong)
	} else {
		t.Logf("%d wrong mentions: %q", len(wrong), wrong)
	}
	if t.Failed() || testing.Verbose() {
		for _, m := range ms {
			t.Logf("%d-%d %s %q", m.Start, m.End, m.Type, m.Text)
		}
	}
}

func TestExtractCases(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		lang language.Tag
		text string
		want []tm // must be among the mentions
		not  []string
	}{
		{language.English, "Lieutenant-General Viktor Khrenin met Russian Defense Minister Sergei Shoigu in Minsk.",
			[]tm{{"Viktor Khrenin", PER}, {"Sergei Shoigu", PER}, {"Minsk", LOC}}, []string{"Russian", "Lieutenant-General"}},
		{language.English, "Troops from Kazakhstan joined the Vostok-2022 exercise.",
			[]tm{{"Kazakhstan", LOC}, {"Vostok-2022", EVENT}}, nil},
		{language.English, "BELARUS SEEKS STRONGER MILITARY COOPERATION WITH KAZAKHSTAN",
			[]tm{{"BELARUS", LOC}, {"KAZAKHSTAN", LOC}}, []string{"MILITARY", "COOPERATION", "SEEKS"}},
		{language.Russian, "Министр обороны Андрей Белоусов прибыл в Астану на учения «Запад-2025».",
			[]tm{{"Андрей Белоусов", PER}, {"Астану", LOC}, {"Запад-2025", EVENT}}, []string{"Министр"}},
		{language.Russian, "Токаев провел встречу с Олжасом Бектеновым в Акорде.",
			[]tm{{"Токаев", PER}, {"Олжасом Бектеновым", PER}}, nil},
		{language.Russian, "Об этом сообщает NEWSru.com. По данным Gzt.Ru, сделку одобрили; подробности на www.kremlin.ru.",
			[]tm{{"NEWSru.com", ORG}, {"Gzt.Ru", ORG}}, []string{"NEWSru", "Gzt", "www.kremlin.ru"}},
	}
	for _, tc := range tests {
		ms := tg.Extract(tc.text, tc.lang)
		got := map[tm]bool{}
		texts := map[string]bool{}
		for _, m := range ms {
			got[tm{m.Text, m.Type}] = true
			texts[m.Text] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("Extract(%q) = %v; want %q as %s", tc.text, ms, w.text, w.typ)
			}
		}
		for _, n := range tc.not {
			if texts[n] {
				t.Errorf("Extract(%q) = %v; want no mention %q", tc.text, ms, n)
			}
		}
	}
}

// checkMentions verifies the Extract contract on any input.
func checkMentions(t testing.TB, text string, ms []Mention) {
	// Rune boundaries as range yields them: an invalid byte is a rune of
	// its own.
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span %d-%d after %d in %d bytes", m.Start, m.End, prev, len(text))
		}
		if !boundary[m.Start] || !boundary[m.End] {
			t.Fatalf("span %d-%d not on rune boundaries", m.Start, m.End)
		}
		if !utf8.ValidString(m.Text) || strings.IndexByte(m.Text, 0) >= 0 {
			t.Fatalf("mention %q is not valid UTF-8 without NUL", m.Text)
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		prev = m.End
	}
}

func TestExtractEdgeCases(t *testing.T) {
	tg := tagger(t)
	inputs := []string{"", " ", "\n\n\n", "\x00\xff\xfe", strings.Repeat("!", 10000),
		strings.Repeat("Москва ", 3000), "<p>Almaty</p><br/>NATO", strings.Repeat("a", 1<<20),
		"In Astana \xff Алматы and Sergei\x00Shoigu met.",
		"ru\nru\nru", "Zapad-2021", "«Запад-2025»"}
	for _, in := range inputs {
		for _, l := range []language.Tag{language.English, language.Russian, language.Kazakh, language.Ukrainian, language.Und, language.Japanese} {
			checkMentions(t, in, tg.Extract(in, l))
		}
	}
}

func TestFallbackLanguages(t *testing.T) {
	tg := tagger(t)
	text := "Президент Владимир Зеленский прибыл в Варшаву."
	if ms := tg.Extract(text, language.Ukrainian); len(ms) == 0 {
		t.Errorf("Extract(%q, uk) found nothing", text)
	}
	if ms := tg.Extract("Emmanuel Macron visited Berlin.", language.German); len(ms) == 0 {
		t.Errorf("Extract(de) found nothing")
	}
}

func TestWithModelRejectsGarbage(t *testing.T) {
	if _, err := New(WithModel(language.English, []byte("not a model"))); err == nil {
		t.Error("New(WithModel(garbage)) = nil error; want ErrModel")
	}
}

func TestParallel(t *testing.T) {
	tg := tagger(t)
	raw, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Skip(err)
	}
	text := string(raw)
	want := len(extractAll(tg, text))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				if got := len(extractAll(tg, text)); got != want {
					t.Errorf("parallel Extract found %d mentions; want %d", got, want)
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Sergei Shoigu visited Moscow.", "Токаев принял посла РК.", "«Запад-2025»", "\xff\x00A",
		"Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев", "ru Олжас Бектенов:"} {
		f.Add(s, "en")
		f.Add(s, "ru")
	}
	f.Add("Belarus", "kk")
	f.Add("x", "zz")
	f.Add("лидер партии «Яблоко» и британской делегации", "ru")
	// This round's rules: Latin names in Russian text, quoted names after a
	// kind noun, knowledge-base completions, legal forms, titles.
	f.Add("Корпорация Philips всерьёз; Harles und Jentzsch; радиостанции «Говорит Москва»; Европейского Союза для Сербии", "ru")
	f.Add("Организацию по безопасности и сотрудничеству в Европе. Совета при Президенте РФ по развитию общества глава", "ru")
	f.Add("Pirelli SpA chairman. The State Department. Sir Anthony Quayle. Lebed Chechnya. Test and County Cricket Board", "en")
	f.Add("Ресейдің Оңтүстік Орал өңірінде", "kk")
	tg := tagger(f)
	// The corpora's conventions (descriptors, place adjectives) move spans.
	conv, err := New(WithDescriptors(true), WithPlaceAdjectives(true))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		tag, _ := language.Parse(lang)
		checkMentions(t, text, tg.Extract(text, tag))
		checkMentions(t, text, conv.Extract(text, tag))
	})
}

// TestExtractLongText checks that a text longer than one chunk is labelled
// whole, with offsets into the whole text.
func TestExtractLongText(t *testing.T) {
	tg := tagger(t)
	line := "Sergei Shoigu arrived in Minsk on Monday.\n"
	n := 3*chunkSize/len(line) + 7
	text := strings.Repeat(line, n)
	ms := tg.Extract(text, language.English)
	checkMentions(t, text, ms)
	per := 0
	for _, m := range ms {
		if m.Text == "Sergei Shoigu" && m.Type == PER {
			per++
		}
	}
	if per != n {
		t.Errorf("found Sergei Shoigu %d times in %d lines", per, n)
	}
	for _, c := range []struct {
		text  string
		start int
	}{{strings.Repeat("x", chunkSize+100), 0}, {strings.Repeat("я", chunkSize), 0}} {
		if e := chunkEnd(c.text, c.start); e <= c.start || e > len(c.text) || !utf8.RuneStart(c.text[e%len(c.text)]) {
			t.Errorf("chunkEnd = %d for %d bytes", e, len(c.text))
		}
	}
}
