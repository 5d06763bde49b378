package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArgs(t *testing.T) {
	o, err := parseArgs([]string{"ner", "-format", "conll", "-lang", "en", "valid.txt", "-limit", "5", "-v", "-j", "0"})
	require.NoError(t, err)
	assert.Equal(t, options{Task: "ner", Format: "conll", Lang: "en", Path: "valid.txt", Limit: 5, Workers: 1, Verbose: true}, o)

	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "TASK first"},
		{[]string{"-format", "conll", "ner", "x"}, "TASK first"},
		{[]string{"pos", "-format", "conll", "x"}, `unknown task "pos"`},
		{[]string{"ner", "x"}, "-format is required"},
		{[]string{"ner", "-format", "bbc", "x"}, "task ner has formats"},
		{[]string{"ner", "-format", "conll"}, "want one PATH, got 0"},
		{[]string{"ner", "-format", "conll", "a", "b"}, "want one PATH, got 2"},
		{[]string{"lang", "-format", "lines", "a"}, "needs -lang"},
		{[]string{"ner", "-format", "conll", "-limit", "-1", "a"}, "-limit must be"},
		{[]string{"ner", "-format", "conll", "-bogus", "a"}, "bogus"},
	} {
		_, err := parseArgs(c.args)
		require.ErrorIs(t, err, errUsage, "%q", c.args)
		assert.ErrorContains(t, err, c.want, "%q", c.args)
	}
}

// runCLI runs the command and returns its exit status, standard output and
// standard error.
func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// checkSummary checks the contract of the last output line and returns it
// decoded.
func checkSummary(t *testing.T, out, task, format string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &s), "last line %q", lines[len(lines)-1])
	assert.Equal(t, task, s["task"])
	assert.Equal(t, format, s["format"])
	assert.Contains(t, s, "lang")
	assert.Greater(t, s["items"], 0.0)
	assert.GreaterOrEqual(t, s["seconds"], 0.0)
	want := map[string][]string{
		"lang":  {"accuracy", "mean"},
		"ner":   {"scores", "micro"},
		"geo":   {"acc161", "exact", "country", "recognition", "gold"},
		"topic": {"accuracy", "macro_f1", "per_class"},
	}[task]
	if format == "bsnlp" {
		want = append(want, "lemma", "id_agreement")
	}
	for _, k := range want {
		assert.Contains(t, s, k)
	}
	for k := range s {
		if !strings.Contains("task format lang items seconds", k) {
			assert.Contains(t, want, k, "unexpected key")
		}
	}
	checkShares(t, "", s)
	return s
}

// checkShares checks that every number except counts is in [0, 1].
func checkShares(t *testing.T, key string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k != "items" && k != "seconds" && k != "gold" {
				checkShares(t, k, x)
			}
		}
	case float64:
		assert.True(t, v >= 0 && v <= 1, "%s = %v not in [0, 1]", key, v)
	}
}

// TestRunEveryFormat runs the whole command on a small file of every format
// and checks the summary line's shape; the scores themselves are the
// library's and change as it improves.
func TestRunEveryFormat(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "lingua/en.txt", "The government met on Monday.\nHello world\n")
	write(t, dir, "lingua/ru.txt", "Правительство собралось в понедельник.\n")
	write(t, dir, "lines.txt", "Үкімет дүйсенбі күні жиналды.\n")
	write(t, dir, "conll.txt", "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nmet VBD B-VP O\nin IN O O\nBerlin NNP B-NP B-LOC\n. . O O\n")
	write(t, dir, "iob2.txt", "Тоқаев B-PERSON\nАстанада B-GPE\n. O\n")
	write(t, dir, "factru/a.txt", factruText)
	write(t, dir, "factru/a.spans", factruSpans)
	write(t, dir, "factru/a.objects", factruObjects)
	write(t, dir, "brat/a.txt", "Томас Шефер посетил Гессен.")
	write(t, dir, "brat/a.ann", "T1\tPERSON 0 11\tТомас Шефер\nT2\tSTATE_OR_PROVINCE 20 26\tГессен\n")
	write(t, dir, "bsnlp/raw/t/ru/d.txt", "Тереза Мэй встретилась с Мэй в Лондоне.")
	write(t, dir, "bsnlp/ner/t/ru/d.tsv", "0\t10\tТереза Мэй\tТереза Мэй\tPER\tPER-May\n25\t28\tМэй\tМэй\tPER\tPER-May\n31\t38\tЛондоне\tЛондон\tLOC\tGPE-London\n")
	write(t, dir, "geo.xml", `<articles><article><text>Talks in Astana and in Paris.</text><toponyms>`+
		`<toponym><start>9</start><end>15</end><phrase>Astana</phrase><gaztag geonameid="1526273"><lat>51.18</lat><lon>71.45</lon><country>Kazakhstan</country></gaztag></toponym>`+
		`<toponym><start>23</start><end>28</end><phrase>Paris</phrase><gaztag geonameid="2988507"><lat>48.85</lat><lon>2.35</lon><country>France</country></gaztag></toponym>`+
		`</toponyms></article></articles>`)
	write(t, dir, "ag.csv", "class,title,description\nSports,Cup final,The match ended 2-1 in the championship.\nBusiness,Markets,The budget and the economy.\n")
	for _, c := range bbcFolders {
		write(t, dir, "bbc/"+c+"/001.txt", "The match in the championship.\n")
	}
	write(t, dir, "ria.csv", "url,title,content,topic\nu1,Бюджет,Экономика и бюджет.,economy\nu2,Театр,Премьера.,culture\n")

	for _, c := range [][]string{
		{"lang", "-format", "lingua", "lingua"},
		{"lang", "-format", "lines", "-lang", "kk", "lines.txt"},
		{"ner", "-format", "conll", "-lang", "en", "conll.txt"},
		{"ner", "-format", "iob2", "-lang", "kk", "iob2.txt"},
		{"ner", "-format", "factru", "factru"},
		{"ner", "-format", "brat", "-lang", "ru", "brat"},
		{"ner", "-format", "bsnlp", "-lang", "ru", "bsnlp"},
		{"geo", "-format", "gritta", "geo.xml"},
		{"topic", "-format", "agnews", "ag.csv"},
		{"topic", "-format", "bbc", "bbc"},
		{"topic", "-format", "ria", "ria.csv"},
	} {
		t.Run(c[0]+"/"+c[2], func(t *testing.T) {
			args := append([]string{}, c...)
			args[len(args)-1] = filepath.Join(dir, args[len(args)-1])
			for _, v := range []bool{false, true} {
				a := args
				if v {
					a = append(a, "-v")
				}
				code, out, errOut := runCLI(a...)
				require.Equal(t, 0, code, "stderr: %s", errOut)
				s := checkSummary(t, out, c[0], c[2])
				if v {
					assert.Greater(t, strings.Count(out, "\n"), 2, "-v prints tables first")
				} else {
					assert.Equal(t, 1, strings.Count(out, "\n"), "without -v only the JSON line")
				}
				if c[0] == "ner" {
					micro := s["micro"].(map[string]any)
					assert.Contains(t, micro, "f1")
				}
			}
		})
	}
}

func TestRunExactCounts(t *testing.T) {
	// Gold counts do not depend on the library: check them end to end.
	dir := t.TempDir()
	p := write(t, dir, "conll.txt", "-DOCSTART- O\n\nA B-PER\nB I-PER\nC B-LOC\nD B-MISC\n\n-DOCSTART- O\n\nE B-ORG\n")
	code, out, _ := runCLI("ner", "-format", "conll", p)
	require.Equal(t, 0, code)
	s := checkSummary(t, out, "ner", "conll")
	assert.Equal(t, 2.0, s["items"])
	assert.Equal(t, "en", s["lang"], "conll defaults to English")
	scores := s["scores"].(map[string]any)
	assert.Equal(t, 1.0, scores["PER"].(map[string]any)["gold"])
	assert.Equal(t, 1.0, scores["LOC"].(map[string]any)["gold"])
	assert.Equal(t, 1.0, scores["ORG"].(map[string]any)["gold"])
	assert.NotContains(t, scores, "MISC")

	code, out, _ = runCLI("ner", "-format", "conll", "-limit", "1", p)
	require.Equal(t, 0, code)
	s = checkSummary(t, out, "ner", "conll")
	assert.Equal(t, 1.0, s["items"])
	assert.Equal(t, 0.0, s["scores"].(map[string]any)["ORG"].(map[string]any)["gold"])

	bbc := filepath.Join(dir, "bbc")
	for _, c := range bbcFolders {
		for _, n := range []string{"1", "2"} {
			write(t, bbc, c+"/"+n+".txt", "text")
		}
	}
	code, out, _ = runCLI("topic", "-format", "bbc", "-limit", "5", bbc)
	require.Equal(t, 0, code)
	s = checkSummary(t, out, "topic", "bbc")
	per := s["per_class"].(map[string]any)
	for _, c := range bbcFolders {
		assert.Equal(t, 1.0, per[c].(map[string]any)["gold"], "-limit takes classes round-robin: %s", c)
	}
}

func TestRunSkips(t *testing.T) {
	p := write(t, t.TempDir(), "c.txt", "Paris B-LOC\nlonely\n")
	code, out, errOut := runCLI("ner", "-format", "conll", p)
	require.Equal(t, 0, code)
	checkSummary(t, out, "ner", "conll")
	assert.Contains(t, errOut, "skipped 1 malformed annotations")
	assert.Contains(t, errOut, "c.txt:2")
}

func TestRunErrors(t *testing.T) {
	code, out, errOut := runCLI("ner", "-format", "conll")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage:")
	code, out, errOut = runCLI("ner", "-format", "conll", filepath.Join(t.TempDir(), "missing"))
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "missing")
}

// dataDir returns ../shared/datasets (or $NEWSMON_DATA), skipping the test
// when it is absent or under -short.
func dataDir(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("dataset smoke runs are skipped under -short")
	}
	d := os.Getenv("NEWSMON_DATA")
	if d == "" {
		d = filepath.Join("..", "..", "..", "shared", "datasets")
	}
	if _, err := os.Stat(filepath.Join(d, "INDEX.md")); err != nil {
		t.Skipf("no datasets at %s", d)
	}
	return d
}

// TestDevSets runs the command on the first items of every real dev set
// and checks the summary shape and that the readers found gold annotation
// on clean boundaries.
func TestDevSets(t *testing.T) {
	data := dataDir(t)
	for _, c := range []struct {
		name  string
		args  []string
		path  string
		items float64
	}{
		{"lingua", []string{"lang", "-format", "lingua", "-lang", "en,ru,kk,uk", "-limit", "50"}, "lingua-testdata/cmd/language-testdata/sentences", 200},
		{"lines", []string{"lang", "-format", "lines", "-lang", "ky", "-limit", "100"}, "lid-extra-ky-uz-tt-tg/sentences/ky.ud-ktmu.txt", 100},
		{"conll", []string{"ner", "-format", "conll", "-lang", "en", "-limit", "20"}, "conll2003-en/CONLL2003/valid.txt", 20},
		{"factru", []string{"ner", "-format", "factru", "-limit", "20"}, "factruEval-2016/devset", 20},
		{"iob2", []string{"ner", "-format", "iob2", "-lang", "kk", "-limit", "300"}, "KazNERD/KazNERD/IOB2_valid.txt", 300},
		{"brat", []string{"ner", "-format", "brat", "-lang", "ru", "-limit", "20"}, "NEREL/NEREL-v1.1/dev", 20},
		{"bsnlp", []string{"ner", "-format", "bsnlp", "-lang", "ru", "-limit", "20"}, "SlavicNER-bsnlp", 20},
		{"lgl", []string{"geo", "-format", "gritta", "-limit", "30"}, "geoparsing-gritta/data/Corpora/lgl.xml", 30},
		{"trnews", []string{"geo", "-format", "gritta", "-limit", "30"}, "geoparsing-gritta/data/Corpora/TR-News.xml", 30},
		{"geovirus", []string{"geo", "-format", "gritta", "-limit", "30"}, "geoparsing-gritta/data/Corpora/GeoVirus.xml", 30},
		{"bbc", []string{"topic", "-format", "bbc", "-limit", "200"}, "bbc-news-en/bbc", 200},
		{"ria", []string{"topic", "-format", "ria", "-limit", "150"}, "ria-news-topics-ru-partial/data", 150},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(data, c.path)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("no %s", p)
			}
			code, out, errOut := runCLI(append(c.args, p)...)
			require.Equal(t, 0, code, "stderr: %s", errOut)
			s := checkSummary(t, out, c.args[0], c.args[2])
			assert.Equal(t, c.items, s["items"])
		})
	}
}

func byType(docs []nerDoc) map[string]int {
	n := map[string]int{}
	for _, d := range docs {
		for _, g := range d.Gold {
			n[g.Type]++
		}
	}
	return n
}

// TestDevSetGold checks the readers on the real data: gold mentions are
// non-empty, trimmed byte spans of the text, on rune boundaries.
func TestDevSetGold(t *testing.T) {
	data := dataDir(t)
	check := func(t *testing.T, docs []nerDoc, err error, wantGold int) {
		t.Helper()
		require.NoError(t, err)
		n := 0
		for _, d := range docs {
			for _, g := range d.Gold {
				s := d.Text[g.Start:g.End]
				n++
				if s == "" || strings.TrimSpace(s) != s {
					t.Errorf("%s: gold %+v is %q", d.Name, g.span, s)
				}
			}
		}
		assert.Equal(t, wantGold, n)
	}
	t.Run("conll", func(t *testing.T) {
		docs, err := readTokenFile(filepath.Join(data, "conll2003-en/CONLL2003/valid.txt"), conllType, nil)
		check(t, docs, err, 1842+1341+1837) // SOURCE.md: PER, ORG, LOC of valid
		assert.Len(t, docs, 216)
	})
	t.Run("iob2", func(t *testing.T) {
		docs, err := readTokenFile(filepath.Join(data, "KazNERD/KazNERD/IOB2_valid.txt"), kaznerdType, nil)
		check(t, docs, err, 1352+759+1693+204+150) // PERSON ORGANISATION GPE LOCATION EVENT
		assert.Len(t, docs, 11167)
	})
	// The counts below were computed by these readers from the data and
	// checked against each SOURCE.md: factRuEval devset has 741 Person, 787
	// Org, 529+553 Location+LocOrg objects before description-only and
	// nested ones are dropped; NEREL dev 947 PERSON before nesting; SlavicNER
	// uk 1935 PER, 2785 ORG, 3461 LOC, 1269 EVT over 7 topics, of which 5
	// are in the copy.
	t.Run("factru", func(t *testing.T) {
		docs, err := readFactRu(filepath.Join(data, "factruEval-2016/devset"), nil)
		check(t, docs, err, 728+655+951)
		assert.Len(t, docs, 122)
		assert.Equal(t, map[string]int{"PER": 728, "ORG": 655, "LOC": 951}, byType(docs))
	})
	t.Run("brat", func(t *testing.T) {
		docs, err := readBrat(filepath.Join(data, "NEREL/NEREL-v1.1/dev"), nil)
		check(t, docs, err, 920+526+609)
		assert.Len(t, docs, 94)
		assert.Equal(t, map[string]int{"PER": 920, "ORG": 526, "LOC": 609}, byType(docs))
	})
	t.Run("bsnlp", func(t *testing.T) {
		docs, err := readBSNLP(filepath.Join(data, "SlavicNER-bsnlp"), "uk", nil)
		check(t, docs, err, 1848+2010+2828+1254)
		assert.Len(t, docs, 287)
		assert.Equal(t, map[string]int{"PER": 1848, "ORG": 2010, "LOC": 2828, "EVENT": 1254}, byType(docs))
		for _, d := range docs {
			for _, g := range d.Gold {
				assert.NotEmpty(t, g.Lemma)
				assert.NotEmpty(t, g.ID)
			}
		}
	})
	t.Run("gritta", func(t *testing.T) {
		for _, f := range []string{"lgl.xml", "TR-News.xml", "GeoVirus.xml"} {
			docs, err := readGritta(filepath.Join(data, "geoparsing-gritta/data/Corpora", f), nil)
			require.NoError(t, err)
			un, n := 0, 0
			for _, d := range docs {
				un += d.Unaligned
				n += len(d.Toponyms)
			}
			assert.Less(t, un, n/50+1, "%s: %d of %d toponyms not found near their offsets", f, un, n)
		}
	})
}
