package lang

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

func newDetector(t testing.TB, opts ...Option) *Detector {
	t.Helper()
	d, err := New(opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return d
}

// Sentences written for these tests (not from any dataset).
var detectTests = []struct {
	want, script, text string
}{
	{"en", "Latn", "The central bank raised interest rates again on Tuesday to fight inflation."},
	{"ru", "Cyrl", "Центральный банк во вторник снова повысил процентную ставку, чтобы сдержать инфляцию."},
	{"kk", "Cyrl", "Ұлттық банк сейсенбі күні инфляцияны тежеу үшін базалық мөлшерлемені тағы да көтерді."},
	{"uk", "Cyrl", "Національний банк у вівторок знову підвищив облікову ставку, щоб стримати інфляцію."},
	{"be", "Cyrl", "Нацыянальны банк у аўторак зноў павысіў стаўку, каб стрымаць інфляцыю."},
	{"ky", "Cyrl", "Улуттук банк шейшемби күнү инфляцияны токтотуу үчүн эсептик ченди дагы көтөрдү."},
	{"tg", "Cyrl", "Бонки миллӣ рӯзи сешанбе барои маҳдуд кардани таваррум меъёри бозмаблағгузориро боз баланд кард."},
	{"tt", "Cyrl", "Милли банк сишәмбе көнне инфляцияне тоткарлау өчен ставканы тагын күтәрде."},
	{"uz", "Latn", "Markaziy bank seshanba kuni inflyatsiyani jilovlash uchun asosiy stavkani yana oshirdi."},
	{"uz", "Cyrl", "Ўзбекистон Марказий банки сешанба куни инфляцияни жиловлаш мақсадида асосий ставкани яна оширди."},
	{"mn", "Cyrl", "Монголбанк инфляцийг сааруулахын тулд бодлогын хүүг дахин өсгөлөө."},
	{"az", "Latn", "Mərkəzi bank inflyasiya ilə mübarizə üçün çərşənbə axşamı faizləri yenidən artırdı."},
	{"tr", "Latn", "Merkez bankası enflasyonla mücadele için salı günü faizleri yeniden artırdı."},
	{"de", "Latn", "Die Zentralbank hat am Dienstag die Zinsen erneut erhöht, um die Inflation zu bremsen."},
	{"fr", "Latn", "La banque centrale a de nouveau relevé ses taux mardi pour freiner l'inflation."},
	{"zh", "Hani", "中央银行周二再次加息以抑制通货膨胀。"},
	{"ja", "Jpan", "中央銀行は火曜日、インフレを抑えるために再び利上げした。"},
	{"ko", "Hang", "중앙은행은 화요일 인플레이션을 억제하기 위해 다시 금리를 인상했다."},
	{"el", "Grek", "Η κεντρική τράπεζα αύξησε ξανά τα επιτόκια την Τρίτη."},
	{"ar", "Arab", "رفع البنك المركزي أسعار الفائدة مرة أخرى يوم الثلاثاء لمكافحة التضخم."},
	{"ru", "Cyrl", "ru Сенат вернул проект бюджета в Мажилис"},
	{"en", "Latn", "Visit https://example.com/news for the full story about the elections."},
}

func TestDetect(t *testing.T) {
	d := newDetector(t)
	for _, tt := range detectTests {
		t.Run(tt.want+"-"+tt.script, func(t *testing.T) {
			r := d.Detect(tt.text)
			if r.Language != language.Make(tt.want) || r.Script.String() != tt.script {
				t.Errorf("Detect(%q) = %v %v; want %s %s", tt.text, r.Language, r.Script, tt.want, tt.script)
			}
			if r.Confidence < 0.5 || r.Confidence > 1 {
				t.Errorf("Detect(%q).Confidence = %v; want in [0.5, 1]", tt.text, r.Confidence)
			}
			prev := r.Confidence
			for _, a := range r.Alternatives {
				if a.Confidence > prev || a.Confidence < 0.001 || a.Language == r.Language {
					t.Errorf("Detect(%q).Alternatives = %v; want ranked, other languages, confidence >= 0.001", tt.text, r.Alternatives)
				}
				prev = a.Confidence
			}
		})
	}
}

func TestDetectUnd(t *testing.T) {
	d := newDetector(t)
	for _, text := range []string{
		"", "   \n\t", "12345 678,90", "2024-11-15 10:35", "!!! ??? ... --- ***",
		"https://example.com/news/2024/11/15/story.html", "www.example.kz", "press@example.com",
		"\xff\xfe\xfd", "\x00\x00\x00", "😀 🎉 ★ ♥",
	} {
		r := d.Detect(text)
		if r.Language != Und || r.Confidence != 0 || len(r.Alternatives) != 0 {
			t.Errorf("Detect(%q) = %+v; want Und with confidence 0", text, r)
		}
	}
}

func TestDetectShortLowerConfidence(t *testing.T) {
	d := newDetector(t)
	short := d.Detect("Kazakhstan")
	long := d.Detect(detectTests[0].text)
	if short.Confidence >= long.Confidence && long.Confidence < 1 {
		t.Errorf("confidence of one word %v >= of a sentence %v", short.Confidence, long.Confidence)
	}
}

func TestWithLanguages(t *testing.T) {
	d := newDetector(t, WithLanguages(language.English, language.Russian))
	if r := d.Detect(detectTests[2].text); r.Language != language.Russian { // Kazakh text, kk not allowed
		t.Errorf("restricted Detect(kk text) = %v; want ru", r.Language)
	}
	if r := d.Detect(detectTests[19].text); r.Language != Und { // Arabic, no allowed language in the script
		t.Errorf("restricted Detect(ar text) = %v; want und", r.Language)
	}
	d = newDetector(t, WithLanguages(language.MustParse("uz-Cyrl")))
	if r := d.Detect(detectTests[8].text); r.Language != Und {
		t.Errorf("uz-Cyrl only: Detect(uz Latin text) = %v; want und", r.Language)
	}
	if _, err := New(WithLanguages(language.MustParse("haw"))); !errors.Is(err, ErrUnsupported) {
		t.Errorf("New(WithLanguages(haw)) error = %v; want ErrUnsupported", err)
	}
}

func TestLanguages(t *testing.T) {
	tags := Languages()
	if len(tags) != 80 {
		t.Fatalf("len(Languages()) = %d; want 80 (79 languages, Uzbek in two scripts)", len(tags))
	}
	seen := map[string]bool{}
	for _, tag := range tags {
		seen[tag.String()] = true
	}
	for _, want := range []string{"en-Latn", "ru-Cyrl", "kk-Cyrl", "ky-Cyrl", "tg-Cyrl", "tt-Cyrl", "uz-Latn", "uz-Cyrl", "ja-Jpan", "zh-Hani"} {
		if !seen[want] {
			t.Errorf("Languages() lacks %s", want)
		}
	}
}

// checkSegments verifies the invariants of Segments.
func checkSegments(t testing.TB, text string, segs []Segment) {
	t.Helper()
	if err := segmentsError(text, segs); err != nil {
		t.Fatal(err)
	}
}

func segmentsError(text string, segs []Segment) error {
	if text == "" {
		if len(segs) != 0 {
			return fmt.Errorf("Segments(\"\") = %v; want none", segs)
		}
		return nil
	}
	if len(segs) == 0 || segs[0].Start != 0 || segs[len(segs)-1].End != len(text) {
		return fmt.Errorf("Segments(%q) = %v; want cover of [0, %d)", text, segs, len(text))
	}
	boundary := make(map[int]bool, len(text))
	for i := range text { // decoding positions: invalid bytes count as runes of width 1
		boundary[i] = true
	}
	for i, s := range segs {
		if s.Start >= s.End || i > 0 && s.Start != segs[i-1].End {
			return fmt.Errorf("Segments(%q): segment %d %v not contiguous and non-empty", text, i, s)
		}
		if s.End < len(text) && !boundary[s.End] {
			return fmt.Errorf("Segments(%q): segment %d ends inside a rune at %d", text, i, s.End)
		}
		if s.Confidence < 0 || s.Confidence > 1 {
			return fmt.Errorf("Segments(%q): confidence %v out of [0, 1]", text, s.Confidence)
		}
		if i > 0 && s.Language == segs[i-1].Language {
			return fmt.Errorf("Segments(%q): segments %d and %d both %v", text, i-1, i, s.Language)
		}
	}
	return nil
}

func TestSegmentsSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed.txt"))
	if err != nil {
		t.Skip(err)
	}
	text := string(b)
	segs := newDetector(t).Segments(text)
	checkSegments(t, text, segs)
	if len(segs) != 2 || segs[0].Language != language.English || segs[1].Language != language.Russian {
		for _, s := range segs {
			t.Logf("%d-%d %v %q", s.Start, s.End, s.Language, text[s.Start:min(s.End, s.Start+60)])
		}
		t.Fatalf("Segments(seed) = %d segments; want English article, then Russian headlines", len(segs))
	}
	// Every headline line ("ru ...") is in the Russian segment, and no
	// English sentence is.
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		line := text[i : i+j]
		if strings.HasPrefix(line, "ru ") && i < segs[1].Start {
			t.Errorf("headline %q at %d is before the Russian segment at %d", line, i, segs[1].Start)
		}
		if strings.Contains(line, " the ") && i >= segs[1].Start {
			t.Errorf("English line %q at %d is in the Russian segment", line, i)
		}
		i += j + 1
	}
}

func TestSegmentsKazakhInRussian(t *testing.T) {
	ru1 := "Президент провёл совещание по вопросам развития транспортной инфраструктуры страны.\n"
	kk := "Мемлекет басшысы елдің көлік инфрақұрылымын дамыту мәселелері жөнінде кеңес өткізді. Жиынға үкімет мүшелері қатысты.\n"
	date := "15 ноября 2024\n"
	ru2 := "На совещании обсуждались строительство новых дорог и модернизация железнодорожных вокзалов.\n"
	text := ru1 + kk + date + ru2
	segs := newDetector(t).Segments(text)
	checkSegments(t, text, segs)
	want := []struct {
		lang  string
		start int
	}{{"ru", 0}, {"kk", len(ru1)}, {"ru", len(ru1) + len(kk)}}
	if len(segs) != len(want) {
		t.Fatalf("Segments = %v; want ru, kk, ru", segs)
	}
	for i, w := range want {
		if segs[i].Language != language.Make(w.lang) || segs[i].Start != w.start {
			t.Errorf("segment %d = %v; want %s from %d", i, segs[i], w.lang, w.start)
		}
	}
}

func TestSegmentsUnd(t *testing.T) {
	d := newDetector(t)
	for _, text := range []string{"12345\n678\n", "\xff\xfe", "---"} {
		segs := d.Segments(text)
		checkSegments(t, text, segs)
		if len(segs) != 1 || segs[0].Language != Und {
			t.Errorf("Segments(%q) = %v; want one Und segment", text, segs)
		}
	}
	if segs := d.Segments(""); segs != nil {
		t.Errorf("Segments(\"\") = %v; want nil", segs)
	}
}

func TestSegmentsLongLine(t *testing.T) {
	en := strings.Repeat("The minister said that the new railway line would open next year. ", 20)
	ru := strings.Repeat("Министр заявил, что новая железная дорога откроется в следующем году. ", 20)
	text := en + ru
	segs := newDetector(t).Segments(text)
	checkSegments(t, text, segs)
	if len(segs) != 2 || segs[0].Language != language.English || segs[1].Language != language.Russian {
		t.Fatalf("Segments(one long en+ru line) = %v; want en, ru", segs)
	}
}

func TestConcurrent(t *testing.T) {
	d := newDetector(t)
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(detectTests))
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range detectTests {
				tt := detectTests[(i+g)%len(detectTests)]
				if r := d.Detect(tt.text); r.Language != language.Make(tt.want) {
					errs <- fmt.Sprintf("Detect(%q) = %v; want %s", tt.text, r.Language, tt.want)
				}
				two := tt.text + "\n" + tt.text
				if err := segmentsError(two, d.Segments(two)); err != nil {
					errs <- err.Error()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDetectAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	d := newDetector(t)
	text := detectTests[1].text
	d.Detect(text)
	if n := testing.AllocsPerRun(100, func() { d.Detect(text) }); n > 2 {
		t.Errorf("Detect allocates %v times per call; want <= 2", n)
	}
}

func TestHugeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	d := newDetector(t)
	word := strings.Repeat("ж", 1<<19) // one 1 MB "word"
	r := d.Detect(word)
	if r.Language == Und {
		t.Errorf("Detect(1 MB word) = und")
	}
	line := strings.Repeat("Сенат вернул проект бюджета в Мажилис. ", 1<<14) // 700 kB, one line
	checkSegments(t, line, d.Segments(line))
	checkSegments(t, word, d.Segments(word))
}

func TestTagalogCode(t *testing.T) {
	d := newDetector(t, WithLanguages(language.Make("tl"), language.English))
	r := d.Detect("Ang mga mamamayan ay nagtipon sa plasa upang makinig sa talumpati ng pangulo.")
	if r.Language != language.Make("tl") || r.Language.String() != "fil" {
		t.Errorf("Detect(Tagalog).Language = %q; want language.Make(\"tl\"), which is \"fil\"", r.Language)
	}
}

func TestResultJSON(t *testing.T) {
	r := newDetector(t).Detect(detectTests[2].text)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Language   string  `json:"language"`
		Script     string  `json:"script"`
		Confidence float64 `json:"confidence"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Language != "kk" || got.Script != "Cyrl" || got.Confidence != r.Confidence {
		t.Errorf("json.Marshal(Detect(kk)) = %s; want language kk, script Cyrl", b)
	}
}

func TestDetectMostOfText(t *testing.T) {
	en := "Belarus and Kazakhstan discussed military cooperation during a meeting in the capital.\n"
	ru := strings.Repeat("Сенат вернул проект трехлетнего бюджета в Мажилис для доработки и согласования.\n", 6)
	if r := newDetector(t).Detect(en + ru); r.Language != language.Russian {
		t.Errorf("Detect(one English line + six Russian lines) = %v; want ru", r.Language)
	}
}

func TestDetectLoneHan(t *testing.T) {
	r := newDetector(t).Detect("璋") // rare: no n-gram of any model has it
	if r.Language != language.Chinese && r.Language != language.Japanese || r.Script.String() != "Hani" {
		t.Errorf("Detect(rare Han character) = %v %v; want zh or ja, Hani", r.Language, r.Script)
	}
}
