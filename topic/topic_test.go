package topic

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func newClassifier(t testing.TB) *Classifier {
	t.Helper()
	c, err := New()
	require.NoError(t, err)
	return c
}

// seedPage splits the seed page into the English article and the Russian
// headlines (the lines after the date line, without their "ru " prefix).
func seedPage(t testing.TB) (article string, headlines []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seed.txt"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	var art []string
	for i, l := range lines {
		if strings.HasPrefix(l, "ru ") {
			headlines = append(headlines, strings.TrimPrefix(l, "ru "))
			continue
		}
		if len(headlines) == 0 && i < len(lines)-1 && !strings.HasPrefix(lines[i+1], "ru ") {
			art = append(art, l)
		}
	}
	return strings.Join(art, "\n"), headlines
}

func TestSeedArticle(t *testing.T) {
	c := newClassifier(t)
	art, _ := seedPage(t)
	got := c.Classify(Document{Text: art, Language: language.English})
	checkTopics(t, got)
	ids := topicIDs(got)
	for _, want := range []string{"military-cooperation", "defence", "military-exercises", "diplomacy", "politics"} {
		assert.Contains(t, ids, want)
	}
	require.NotEmpty(t, got)
	assert.Contains(t, []string{"politics", "defence"}, got[0].ID)
	// The article's own topics lead the list.
	assert.Subset(t, ids[:5], []string{"politics", "defence", "military-exercises", "military-cooperation"}, "got %v", got)
	for _, tp := range got {
		if tp.ID == "military-cooperation" {
			assert.GreaterOrEqual(t, tp.Score, 0.6)
			assert.Equal(t, "defence", tp.Parent)
			assert.NotEmpty(t, tp.Evidence)
		}
	}
}

// seedHeadlineTopics lists, for each Russian headline of the seed page in
// order, the topics a media analyst would file it under. The test asks that
// one of them leads the classifier's answer.
var seedHeadlineTopics = [][]string{
	{"courts", "crime"},                            // a customs laboratory head convicted
	{"agriculture"},                                // no plant pests found in grapes
	{"education", "science-technology"},            // a national centre of competences
	{"drugs"},                                      // Telegram channels advertising drugs blocked
	{"budget", "parliament"},                       // the Senate returns the budget bill
	{"economy", "investment"},                      // diversification of the economy
	{"science-technology", "digital"},              // face recognition system
	{"corruption", "budget"},                       // recovered assets allocated
	{"social-welfare", "wages"},                    // median income, digital family card
	{"employment", "labour"},                       // jobs created
	{"drugs"},                                      // drug propaganda found by prosecutors
	{"education", "schools"},                       // kindergartens to be licensed
	{"smuggling", "crime", "nature"},               // sacks of brine shrimp seized
	{"education", "schools", "health"},             // school food quality monitoring
	{"transport"},                                  // transport network modernisation
	{"taxation"},                                   // income and asset declarations
	{"heating"},                                    // heating networks repaired
	{"agriculture"},                                // horse breeding institute
	{"public-procurement", "construction"},         // public procurement rules
	{"climate-change", "environment", "nature"},    // forest climate project
	{"cybercrime"},                                 // cybercrime group detained
	{"healthcare", "health"},                       // health ministry, national operator
	{"nature", "environment"},                      // saplings planted
	{"transport", "science-technology", "digital"}, // air traffic controllers, AI simulator
	{"agriculture"},                                // the President at an agriculture forum
	{"law-enforcement", "crime"},                   // police raids
	{"diplomacy", "politics"},                      // the President receives a foreign party official
	{"diplomacy"},                                  // ambassadors appointed
	{"accident"},                                   // road accident
	{"agriculture"},                                // agriculture fair
}

// TestSeedHeadlines classifies each headline of the seed page on its own.
func TestSeedHeadlines(t *testing.T) {
	c := newClassifier(t)
	_, heads := seedPage(t)
	require.Len(t, heads, len(seedHeadlineTopics))
	for i, h := range heads {
		got := c.Classify(Document{Text: h, Language: language.Russian})
		checkTopics(t, got)
		require.NotEmpty(t, got, "Classify(%q) = nil", h)
		lead := leading(got)
		ok := false
		for _, want := range seedHeadlineTopics[i] {
			for _, l := range lead {
				ok = ok || l == want
			}
		}
		assert.True(t, ok, "Classify(%q) leads with %v (all: %v); want one of %v", h, lead, got, seedHeadlineTopics[i])
		assert.LessOrEqual(t, len(got), 6, "Classify(%q) = %v: too many topics for a headline", h, got)
	}
}

// leading returns the topics within 10% of the best score and, below each
// of them, the path of best-scoring children: the answer an analyst reads
// first.
func leading(ts []Topic) []string {
	var lead []string
	for _, tp := range ts {
		if tp.Score < 0.9*ts[0].Score {
			continue
		}
		for id := tp.ID; id != ""; {
			lead = append(lead, id)
			next, best := "", -1.0
			for _, c := range ts {
				if c.Parent == id && c.Score > best {
					next, best = c.ID, c.Score
				}
			}
			id = next
		}
	}
	return lead
}

// TestSeedGolden compares the topics of the seed page (the article, then
// each headline) with testdata/seed.golden; -update rewrites it.
func TestSeedGolden(t *testing.T) {
	c := newClassifier(t)
	art, heads := seedPage(t)
	var b strings.Builder
	line := func(name string, ts []Topic) {
		fmt.Fprintf(&b, "%s\n", name)
		for _, tp := range ts {
			fmt.Fprintf(&b, "\t%s %.2f %s\n", tp.ID, tp.Score, strings.Join(tp.Evidence, ", "))
		}
	}
	line("article", c.Classify(Document{Text: art, Language: language.English}))
	for _, h := range heads {
		line(h, c.Classify(Document{Text: h, Language: language.Russian}))
	}
	path := filepath.Join("testdata", "seed.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String(), "run go test -run TestSeedGolden -update and review the diff")
}

func TestKazakh(t *testing.T) {
	c := newClassifier(t)
	for _, tc := range []struct {
		text string
		tag  language.Tag
		want string
	}{
		{"Қазақстан мен Беларусь әскери ынтымақтастықты дамыту мәселелерін талқылады", language.Kazakh, "military-cooperation"},
		{"Жезқазғанда есірткі жарнамасы бар арналар бұғатталды", language.Und, "drugs"},
		{"Алматыда 50 мыңнан астам жұмыс орны ашылды", language.Und, "employment"},
		{"Қазақстанда 542 шақырым жылу желісі жөнделді", language.Kazakh, "heating"},
		{"Ауыл шаруашылығы жәрмеңкесі Алматыда өтеді", language.Kazakh, "agriculture"},
	} {
		got := c.Classify(Document{Text: tc.text, Language: tc.tag})
		checkTopics(t, got)
		assert.Contains(t, topicIDs(got), tc.want, "Classify(%q) = %v", tc.text, got)
	}
}

func TestEntitiesAsEvidence(t *testing.T) {
	c := newClassifier(t)
	doc := Document{
		Text: "Delegations met in Minsk on Tuesday.",
		Entities: []Entity{
			{Name: "CSTO", Type: "ORG"},
			{Name: "Kazakhstan", Type: "LOC"},
			{Name: "Belarus", Type: "LOC"},
		},
	}
	got := c.Classify(doc)
	checkTopics(t, got)
	assert.Contains(t, topicIDs(got), "military-cooperation", "entities CSTO + two states: %v", got)
	doc.Entities = doc.Entities[:1]
	without := c.Classify(doc)
	assert.Less(t, scoreOf(without, "military-cooperation"), scoreOf(got, "military-cooperation"))
}

func scoreOf(ts []Topic, id string) float64 {
	for _, t := range ts {
		if t.ID == id {
			return t.Score
		}
	}
	return 0
}

func TestClassifyEdgeCases(t *testing.T) {
	c := newClassifier(t)
	for _, text := range []string{
		"", " \n\t ", "\x00\x00", "\xff\xfe drugs \xff", strings.Repeat("!", 10000),
		strings.Repeat("наркотик", 100000), "<html><body><p>police</p></body></html>",
		"naрkotics дrugs", // mixed scripts inside words
	} {
		got := c.Classify(Document{Text: text})
		checkTopics(t, got)
	}
	assert.Nil(t, c.Classify(Document{Text: "  "}))
	assert.Nil(t, c.Classify(Document{Text: "the of and"}))
	// A huge document is read in chunks and still classified.
	big := strings.Repeat("The central bank raised interest rates as inflation rose. ", 200000)
	got := c.Classify(Document{Text: big})
	require.NotEmpty(t, got)
	assert.Equal(t, "economy", got[0].ID)
}

func TestOptions(t *testing.T) {
	c, err := New(WithMaxTopics(2), WithThreshold(0.5))
	require.NoError(t, err)
	art, _ := seedPage(t)
	got := c.Classify(Document{Text: art})
	assert.LessOrEqual(t, len(got), 2)
	checkTopics(t, got)

	for _, o := range []Option{WithMaxTopics(0), WithThreshold(0), WithThreshold(1), WithThreshold(-1)} {
		_, err := New(o)
		assert.ErrorIs(t, err, ErrOption)
	}
	lab, ok := c.Label("drugs", language.Russian)
	assert.True(t, ok)
	assert.Equal(t, "Наркотики и наркоторговля", lab)
	lab, _ = c.Label("drugs", language.Kazakh)
	assert.Equal(t, "Есірткі және есірткі саудасы", lab)
	_, ok = c.Label("nope", language.English)
	assert.False(t, ok)
	tax := c.Taxonomy()
	tops := 0
	for _, ti := range tax {
		if ti.Parent == "" {
			tops++
			assert.True(t, strings.HasPrefix(ti.MedTop, "medtop:"), ti.ID)
		}
	}
	assert.Equal(t, 17, tops)
}

func TestRequiredTopics(t *testing.T) {
	c := newClassifier(t)
	parent := map[string]string{}
	for _, ti := range c.Taxonomy() {
		parent[ti.ID] = ti.Parent
	}
	for id, p := range map[string]string{
		"arts-culture": "", "conflict": "", "crime": "", "disaster": "", "economy": "", "education": "",
		"environment": "", "health": "", "human-interest": "", "labour": "", "lifestyle": "", "politics": "",
		"religion": "", "science-technology": "", "society": "", "sport": "", "weather": "",
		"defence": "politics", "military-cooperation": "defence", "military-exercises": "defence",
		"diplomacy": "politics", "elections": "politics", "drugs": "crime", "corruption": "crime",
		"cybercrime": "crime", "agriculture": "economy", "energy": "economy", "transport": "economy",
		"budget": "economy", "accident": "disaster",
	} {
		got, ok := parent[id]
		if assert.True(t, ok, "topic %s missing", id) {
			assert.Equal(t, p, got, "parent of %s", id)
		}
	}
}

func TestBadRules(t *testing.T) {
	tax := []byte("a | - | - | A | А | А\nb | a | - | B | Б | Б\n")
	for _, tc := range []struct{ name, tax, rules string }{
		{"unknown topic", "", "[no-such-topic]\n3 word\n"},
		{"empty term", "", "[drugs]\n3 drug, , heroin\n"},
		{"empty term star", "", "[drugs]\n3 *\n"},
		{"bad weight", "", "[drugs]\nx drug\n"},
		{"weight out of range", "", "[drugs]\n99 drug\n"},
		{"no header", "", "3 drug\n"},
		{"undefined set", "", "[drugs]\n3 $a & $b\n"},
		{"bad count", "", "[drugs]\n$a = x\n3 $a & @LOC>=0\n"},
		{"set twice", "", "[drugs]\n$a = x\n$a = y\n"},
		{"unclosed header", "", "[drugs\n"},
		{"star inside", "", "[drugs]\n3 dr*ug\n"},
		{"cycle", "a | b | - | A | А | А\nb | a | - | B | Б | Б\n", ""},
		{"self parent", "a | a | - | A | А | А\n", ""},
		{"unknown parent", "a | z | - | A | А | А\n", ""},
		{"duplicate id", "a | - | - | A | А | А\na | - | - | A | А | А\n", ""},
		{"bad id", "A B | - | - | A | А | А\n", ""},
		{"fields", "a | - | A\n", ""},
		{"empty taxonomy", "# nothing\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := []Option{WithRules(language.English, "test.rules", []byte(tc.rules))}
			if tc.tax != "" {
				opts = append(opts, WithTaxonomy([]byte(tc.tax)), WithoutBuiltinRules())
			}
			_, err := New(opts...)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "topic: "), err.Error())
		})
	}
	// A valid custom taxonomy and rules.
	c, err := New(WithTaxonomy(tax), WithoutBuiltinRules(),
		WithRules(language.English, "t.rules", []byte("[b]\n3 widget*, =gizmo\n$x = alpha\n$y = beta\n2 $x & $y\n")))
	require.NoError(t, err)
	got := c.Classify(Document{Text: "Widgets and a gizmo. Alpha meets beta."})
	require.Len(t, got, 2)
	assert.Equal(t, []string{"a", "b"}, topicIDs(got))
	assert.Equal(t, []string{"gizmo", "widgets", "alpha + beta"}, got[1].Evidence)
	assert.Empty(t, c.Classify(Document{Text: "gizmos; alpha. beta"}), "=gizmo is a whole word; sets in different sentences")
}

func TestConcurrent(t *testing.T) {
	c := newClassifier(t)
	art, heads := seedPage(t)
	texts := append([]string{art}, heads...)
	want := make([][]Topic, len(texts))
	for i, s := range texts {
		want[i] = c.Classify(Document{Text: s})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				got := c.Classify(Document{Text: texts[i]})
				if !assert.Equal(t, want[i], got) {
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func FuzzClassify(f *testing.F) {
	art, heads := seedPage(f)
	f.Add(art, "en", "CSTO", "ORG")
	for _, h := range heads[:5] {
		f.Add(h, "ru", "Казахстан", "LOC")
	}
	f.Add("Қазақстанда жылу желісі\x00\xff", "kk", "", "")
	f.Add("war-games--- ---x -", "", "a-b", "LOC")
	c := newClassifier(f)
	f.Fuzz(func(t *testing.T, text, lang, ename, etype string) {
		tag, _ := language.Parse(lang)
		got := c.Classify(Document{Text: text, Language: tag, Entities: []Entity{{ename, etype}, {ename, "LOC"}}})
		checkTopics(t, got)
		for _, tp := range got {
			for _, e := range tp.Evidence {
				if !utf8.ValidString(e) {
					t.Errorf("invalid UTF-8 evidence %q", e)
				}
			}
		}
	})
}

func FuzzRules(f *testing.F) {
	for _, name := range []string{"data/en.rules", "data/ru.rules"} {
		data, err := ruleFS.ReadFile(name)
		require.NoError(f, err)
		f.Add(string(data[:min(len(data), 2000)]))
	}
	f.Add("[drugs]\n$a = x*, =y, Z\n3 $a & @LOC>=2\n-1 q")
	f.Fuzz(func(t *testing.T, rules string) {
		c, err := New(WithRules(language.Russian, "fuzz", []byte(rules)))
		if err != nil {
			return
		}
		checkTopics(t, c.Classify(Document{Text: rules}))
	})
}

func FuzzLoad(f *testing.F) {
	m, err := Train(toyExamples(), WithHashBits(10))
	require.NoError(f, err)
	var b strings.Builder
	require.NoError(f, m.Save(&b))
	f.Add([]byte(b.String()))
	f.Add([]byte(modelMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		p := m.Predict("some text")
		assert.Len(t, p, len(m.Labels()))
	})
}

func BenchmarkClassify(b *testing.B) {
	c := newClassifier(b)
	art, heads := seedPage(b)
	long := strings.Repeat(art+"\n", 30)
	for _, bc := range []struct {
		name, text string
		tag        language.Tag
	}{
		{"headline-ru", heads[3], language.Russian},
		{"headlines-ru", strings.Join(heads, "\n"), language.Russian},
		{"article-en", art, language.English},
		{"long-en", long, language.English},
		{"article-und", art + "\n" + strings.Join(heads, "\n"), language.Und},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				c.Classify(Document{Text: bc.text, Language: bc.tag})
			}
		})
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(WithThreshold(0.31)); err != nil { // custom options: compiles the rules each time
			b.Fatal(err)
		}
	}
}

func BenchmarkPredict(b *testing.B) {
	m, err := Train(toyExamples())
	require.NoError(b, err)
	art, _ := seedPage(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(art)))
	for b.Loop() {
		m.Predict(art)
	}
}
