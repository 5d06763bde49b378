package geo

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func mustResolver(t testing.TB, opts ...Option) *Resolver {
	t.Helper()
	r, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// resolveOne resolves name as the only toponym of a document.
func resolveOne(r *Resolver, name string, lang language.Tag) Resolution {
	return r.Resolve(name, []Toponym{{Start: 0, End: len(name), Text: name}}, lang)[0]
}

// kzRegions are Kazakhstan's regions by ISO 3166-2 code with their English,
// Russian and Kazakh names as the press writes them.
var kzRegions = []struct{ iso, en, ru, kk string }{
	{"KZ-10", "Abai Region", "Абайская область", "Абай облысы"},
	{"KZ-11", "Akmola Region", "Акмолинская область", "Ақмола облысы"},
	{"KZ-15", "Aktobe Region", "Актюбинская область", "Ақтөбе облысы"},
	{"KZ-19", "Almaty Region", "Алматинская область", "Алматы облысы"},
	{"KZ-23", "Atyrau Region", "Атырауская область", "Атырау облысы"},
	{"KZ-27", "West Kazakhstan Region", "Западно-Казахстанская область", "Батыс Қазақстан облысы"},
	{"KZ-31", "Zhambyl Region", "Жамбылская область", "Жамбыл облысы"},
	{"KZ-33", "Zhetysu Region", "Жетысуская область", "Жетісу облысы"},
	{"KZ-35", "Karaganda Region", "Карагандинская область", "Қарағанды облысы"},
	{"KZ-39", "Kostanay Region", "Костанайская область", "Қостанай облысы"},
	{"KZ-43", "Kyzylorda Region", "Кызылординская область", "Қызылорда облысы"},
	{"KZ-47", "Mangystau Region", "Мангистауская область", "Маңғыстау облысы"},
	{"KZ-55", "Pavlodar Region", "Павлодарская область", "Павлодар облысы"},
	{"KZ-59", "North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"},
	{"KZ-61", "Turkistan Region", "Туркестанская область", "Түркістан облысы"},
	{"KZ-62", "Ulytau Region", "Улытауская область", "Ұлытау облысы"},
	{"KZ-63", "East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"},
}

func TestKazakhstanRegions(t *testing.T) {
	r := mustResolver(t)
	for _, c := range kzRegions {
		forms := []struct {
			name string
			lang language.Tag
		}{
			{c.en, language.English},
			{strings.ToUpper(c.en), language.English},
			{strings.TrimSuffix(c.en, " Region") + " region", language.English},
			{c.ru, language.Russian},
			{strings.Replace(c.ru, "ая область", "ой области", 1), language.Russian}, // genitive, prepositional
			{strings.Replace(c.ru, "ая область", "ую область", 1), language.Russian}, // accusative
			{c.kk, language.Kazakh},
			{c.kk + "ның", language.Kazakh}, // genitive: облысының
			{c.kk + "нда", language.Kazakh}, // locative: облысында
			{c.kk + "на", language.Kazakh},  // dative: облысына
		}
		for _, f := range forms {
			got := resolveOne(r, f.name, f.lang)
			if !got.Resolved || got.Place.Kind != Admin1 || got.Place.Admin1 != c.iso || got.Place.Country != "KZ" {
				t.Errorf("Resolve(%q) = %+v; want admin1 %s", f.name, got.Place, c.iso)
			}
		}
	}
}

// kzCities are Kazakhstan's cities of over 50,000 people in the generated
// tables: GeoNames id, English, Russian and Kazakh names, and inflected forms.
var kzCities = []struct {
	id                 int
	en, ru, kk         string
	inflected          []string
	alsoEnglishAliases []string
}{
	{1526273, "Astana", "Астана", "Астана", []string{"Астане", "Астаны", "Астанада", "Астанаға", "Астанадан", "Астананың"}, []string{"Nur-Sultan", "Akmola", "Tselinograd"}},
	{1526384, "Almaty", "Алматы", "Алматы", []string{"Алматыда", "Алматыдан", "Алматыға", "Алматының"}, []string{"Alma-Ata"}},
	{1518980, "Shymkent", "Шымкент", "Шымкент", []string{"Шымкенте", "Шымкента", "Шымкентте", "Шымкентке"}, nil},
	{609655, "Karaganda", "Караганда", "Қарағанды", []string{"Караганде", "Караганды", "Қарағандыда", "Қарағандының"}, []string{"Karagandy"}},
	{610611, "Aktobe", "Актобе", "Ақтөбе", []string{"Ақтөбеде", "Ақтөбеге"}, nil},
	{1516905, "Taraz", "Тараз", "Тараз", []string{"Таразе", "Таразда"}, nil},
	{1520240, "Pavlodar", "Павлодар", "Павлодар", []string{"Павлодаре", "Павлодара", "Павлодарда"}, nil},
	{1520316, "Oskemen", "Усть-Каменогорск", "Өскемен", []string{"Усть-Каменогорске", "Өскеменде"}, []string{"Ust-Kamenogorsk"}},
	{1519422, "Semey", "Семей", "Семей", []string{"Семее", "Семейде"}, []string{"Semipalatinsk"}},
	{1519922, "Kyzylorda", "Кызылорда", "Қызылорда", []string{"Кызылорде", "Қызылордада"}, nil},
	{608668, "Oral", "Уральск", "Орал", []string{"Уральске", "Оралда"}, []string{"Uralsk"}},
	{610529, "Atyrau", "Атырау", "Атырау", []string{"Атырауда"}, nil},
	{1519928, "Kostanay", "Костанай", "Қостанай", []string{"Костанае", "Қостанайда"}, nil},
	{1520172, "Petropavl", "Петропавловск", "Петропавл", []string{"Петропавловске", "Петропавловска", "Петропавлда"}, []string{"Petropavlovsk"}},
	{610612, "Aktau", "Актау", "Ақтау", []string{"Ақтауда"}, nil},
	{1517945, "Turkistan", "Туркестан", "Түркістан", []string{"Туркестане", "Түркістанда"}, []string{"Turkestan"}},
	{1518262, "Temirtau", "Темиртау", "Теміртау", []string{"Теміртауда"}, nil},
	{1522203, "Kokshetau", "Кокшетау", "Көкшетау", []string{"Көкшетауда"}, nil},
	{1518542, "Taldykorgan", "Талдыкорган", "Талдықорған", []string{"Талдыкоргане", "Талдықорғанда"}, nil},
	{1519843, "Rudny", "Рудный", "Рудный", []string{"Рудном"}, []string{"Rudnyy"}},
	{1524325, "Ekibastuz", "Экибастуз", "Екібастұз", []string{"Экибастузе", "Екібастұзда"}, nil},
	{1516589, "Zhezkazgan", "Жезказган", "Жезқазған", []string{"Жезказгане", "Жезқазғанда"}, nil},
	{607610, "Zhanaozen", "Жанаозен", "Жаңаөзен", []string{"Жанаозене", "Жаңаөзенде"}, nil},
	{1525798, "Balkhash", "Балхаш", "Балқаш", []string{"Балхаше"}, nil},
	{1521368, "Baikonur", "Байконур", "Байқоңыр", []string{"Байконуре", "Байқоңырда"}, nil},
	{1522751, "Kentau", "Кентау", "Кентау", []string{"Кентауда"}, nil},
	{1521370, "Ridder", "Риддер", "Риддер", []string{"Риддере", "Риддерде"}, nil},
	{609123, "Kulsary", "Кульсары", "Құлсары", []string{"Құлсарыда"}, nil},
	{1519691, "Sarkand", "Сарканд", "Сарқан", []string{"Сарканде"}, nil},
}

func TestKazakhstanCities(t *testing.T) {
	r := mustResolver(t)
	for _, c := range kzCities {
		names := []struct {
			name string
			lang language.Tag
		}{{c.en, language.English}, {c.ru, language.Russian}, {c.kk, language.Kazakh}}
		for _, n := range c.inflected {
			names = append(names, struct {
				name string
				lang language.Tag
			}{n, language.Russian})
		}
		for _, n := range c.alsoEnglishAliases {
			names = append(names, struct {
				name string
				lang language.Tag
			}{n, language.English})
		}
		for _, n := range names {
			got := resolveOne(r, n.name, n.lang)
			if got.Place.GeonameID != c.id || got.Place.Country != "KZ" || got.Place.Kind != City {
				t.Errorf("Resolve(%q, %v) = %+v; want city %d (%s)", n.name, n.lang, got.Place, c.id, c.en)
			}
		}
	}
}

// TestKazakhstanCitiesCovered checks the table above against the generated
// data: every Kazakh city of over 50,000 people in the tables is in it.
func TestKazakhstanCitiesCovered(t *testing.T) {
	tb := defaultTables()
	want := map[int]bool{}
	for _, c := range kzCities {
		want[c.id] = true
	}
	n := 0
	for i := range tb.lines {
		p := tb.place(int32(i))
		if p.Kind == City && p.Country == "KZ" && p.Population > 50000 {
			n++
			if !want[p.GeonameID] {
				t.Errorf("city %d %s (%d people) missing from kzCities", p.GeonameID, p.Name, p.Population)
			}
		}
	}
	if n < 25 {
		t.Errorf("%d Kazakh cities of over 50,000 people in the tables; want >= 25", n)
	}
}

func TestRenamings(t *testing.T) {
	r := mustResolver(t)
	for _, c := range []struct {
		name string
		id   int
		iso  string
	}{
		{"Nur-Sultan", 1526273, ""},
		{"Нур-Султан", 1526273, ""},
		{"Akmola", 1526273, ""}, // the capital's name of 1992-1998
		{"Akmola Region", 0, "KZ-11"},
		{"Alma-Ata", 1526384, ""},
		{"Алма-Ата", 1526384, ""},
		{"Shevchenko", 610612, ""},
		{"Ulytau Region", 12510145, "KZ-62"},
		{"область Ұлытау", 12510145, "KZ-62"},
		{"Abai Region", 12510143, "KZ-10"},
		{"Zhetysu Region", 12510144, "KZ-33"},
	} {
		got := resolveOne(r, c.name, language.Und)
		if c.id != 0 && got.Place.GeonameID != c.id || c.iso != "" && got.Place.Admin1 != c.iso {
			t.Errorf("Resolve(%q) = %+v; want id %d admin1 %q", c.name, got.Place, c.id, c.iso)
		}
	}
}

func TestLookup(t *testing.T) {
	g, _ := NewGazetteer()
	for _, c := range []struct {
		name    string
		kind    Kind
		country string
	}{
		{"Kazakhstan", Country, "KZ"},
		{"Қазақстан", Country, "KZ"},
		{"Казахстане", Country, "KZ"},
		{"Соединенных Штатах", Country, "US"},
		{"Ресейдің", Country, "RU"},
		{"Мәскеуде", City, "RU"},
		{"Каспийском море", Water, ""},
		{"Балқаш көлі", Water, "KZ"},
		{"Republic of Kazakhstan", Country, "KZ"},
		{"U.S.", Country, "US"},
		{"Russia's", Country, "RU"},
		{"the Netherlands", Country, "NL"},
		{"the Caspian Sea", Water, ""},
		{"Black Sea", Water, ""},
		{"Черное море", Water, ""},
		{"Чёрном море", Water, ""},
		{"Lake Balkhash", Water, "KZ"},
		{"Issyk-Kul", Water, "KG"},
		{"Tian Shan", Land, ""},
		{"Crimea", Land, "UA"},
		{"Central Asia", Region, ""},
		{"Центральной Азии", Region, ""},
		{"Baltic States", Region, ""},
		{"Donbas", Region, "UA"},
		{"Maryland", Admin1, "US"},
		{"Moscow", City, "RU"},
		{"São Paulo", City, "BR"},
		{"sao paulo", City, "BR"},
		{"  Almaty  ", City, "KZ"},
		{"город Алматы", Admin1, "KZ"},
		{"Pavlodar Region", Admin1, "KZ"},
	} {
		cands, ok := g.Lookup(c.name)
		if !ok || cands[0].Kind != c.kind || cands[0].Country != c.country {
			var first Place
			if ok {
				first = cands[0]
			}
			t.Errorf("Lookup(%q) = %+v, %v; want first %s in %q", c.name, first, ok, c.kind, c.country)
		}
		if k, ok := g.KindOf(c.name); !ok || k != c.kind {
			t.Errorf("KindOf(%q) = %q, %v; want %q", c.name, k, ok, c.kind)
		}
	}
	for _, name := range []string{"", " ", "Belarusian", "белорусский", "xyzzyq", strings.Repeat("Almaty", 2000), "\xff\xfe", "Ал\x00маты"} {
		if c, ok := g.Lookup(name); ok {
			t.Errorf("Lookup(%.40q) = %+v; want none", name, c[0])
		}
	}
}

func TestDemonym(t *testing.T) {
	g, _ := NewGazetteer()
	for _, c := range []struct{ word, cc string }{
		{"Belarusian", "BY"}, {"белорусский", "BY"}, {"белорусской", "BY"}, {"Kazakh", "KZ"},
		{"казахстанский", "KZ"}, {"казахстанских", "KZ"}, {"Казахстанские", "KZ"}, {"қазақстандық", "KZ"},
		{"Russian", "RU"}, {"Russians", "RU"}, {"Ukrainian", "UA"}, {"Kyrgyz", "KG"},
	} {
		if cc, ok := g.Demonym(c.word); !ok || cc != c.cc {
			t.Errorf("Demonym(%q) = %q, %v; want %q", c.word, cc, ok, c.cc)
		}
	}
	for _, w := range []string{"", "Almaty", "table", "Kazakhstan"} {
		if cc, ok := g.Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q; want none", w, cc)
		}
	}
}

func TestMembers(t *testing.T) {
	g, _ := NewGazetteer()
	c, _ := g.Lookup("Baltic States")
	if got := strings.Join(g.Members(c[0]), ","); got != "EE,LV,LT" {
		t.Errorf("Members(Baltic States) = %s; want EE,LV,LT", got)
	}
	c, _ = g.Lookup("Central Asia")
	if got := strings.Join(g.Members(c[0]), ","); got != "KG,KZ,TJ,TM,UZ" {
		t.Errorf("Members(Central Asia) = %s; want KG,KZ,TJ,TM,UZ", got)
	}
	if m := g.Members(Place{Kind: City, Name: "Almaty"}); m != nil {
		t.Errorf("Members(city) = %v; want nil", m)
	}
}

// spans returns the toponyms for the first occurrence of each name in text.
func spans(t *testing.T, text string, names ...string) []Toponym {
	t.Helper()
	var out []Toponym
	for _, n := range names {
		i := strings.Index(text, n)
		if i < 0 {
			t.Fatalf("%q not in text", n)
		}
		out = append(out, Toponym{Start: i, End: i + len(n), Text: n})
	}
	return out
}

func TestSeedPage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed.txt"))
	if err != nil {
		t.Skip(err)
	}
	text := string(b)
	en, ru, _ := strings.Cut(text, "15 Ноября 2024")
	r := mustResolver(t)
	type want struct {
		kind     Kind
		country  string
		admin1   string
		id       int
		notEmpty bool
	}
	check := func(text string, lang language.Tag, cases map[string]want) {
		names := make([]string, 0, len(cases))
		for n := range cases {
			names = append(names, n)
		}
		for _, res := range r.Resolve(text, spans(t, text, names...), lang) {
			w := cases[res.Text]
			p := res.Place
			if !res.Resolved || p.Kind != w.kind || p.Country != w.country || w.admin1 != "" && p.Admin1 != w.admin1 || w.id != 0 && p.GeonameID != w.id {
				t.Errorf("Resolve(%q) = %+v; want %+v", res.Text, p, w)
			}
		}
	}
	check(en, language.English, map[string]want{
		"Almaty":         {kind: City, country: "KZ", id: 1526384},
		"Kazakhstan":     {kind: Country, country: "KZ"},
		"Belarus":        {kind: Country, country: "BY"},
		"Caspian":        {kind: Region},
		"Russia":         {kind: Country, country: "RU"},
		"China":          {kind: Country, country: "CN"},
		"Mongolia":       {kind: Country, country: "MN"},
		"Kyrgyzstan":     {kind: Country, country: "KG"},
		"Tajikistan":     {kind: Country, country: "TJ"},
		"Uzbekistan":     {kind: Country, country: "UZ"},
		"Moscow":         {kind: City, country: "RU", id: 524901},
		"Ukraine":        {kind: Country, country: "UA"},
		"Crimea":         {kind: Land, country: "UA"},
		"Maryland":       {kind: Admin1, country: "US", admin1: "US-MD"},
		"Black Sea":      {kind: Water},
		"Eastern Europe": {kind: Region},
		"Baltic States":  {kind: Region},
	})
	check(ru, language.Russian, map[string]want{
		"Казахстане":             {kind: Country, country: "KZ"},
		"Жезказгане":             {kind: City, country: "KZ", id: 1516589},
		"Алматы":                 {kind: City, country: "KZ", id: 1526384},
		"Карагандинской области": {kind: Admin1, country: "KZ", admin1: "KZ-35"},
		"Павлодарской области":   {kind: Admin1, country: "KZ", admin1: "KZ-55"},
		"Кызылординской области": {kind: Admin1, country: "KZ", admin1: "KZ-43"},
		"Петропавловска":         {kind: City, country: "KZ", id: 1520172},
	})
}

func TestPetropavlovskFollowsTheDocument(t *testing.T) {
	r := mustResolver(t)
	kz := "Police in Petropavlovsk, North Kazakhstan Region, detained two men."
	ru := "Eruption near Petropavlovsk: the Kamchatka volcano is active again."
	ruSpans := []string{"Petropavlovsk", "Kamchatka"}
	for _, c := range []struct {
		text, name string
		want       string
		opts       []Option
	}{
		{kz, "Petropavlovsk", "KZ", nil},
		{ru, ruSpans[0], "RU", nil},
		{"Petropavlovsk", "Petropavlovsk", "KZ", []Option{WithFocus("kz")}},
		{"Petropavlovsk", "Petropavlovsk", "RU", []Option{WithFocus("RU")}},
	} {
		names := []string{c.name}
		if c.text == ru {
			names = ruSpans
		}
		res := mustResolver(t, c.opts...).Resolve(c.text, spans(t, c.text, names...), language.English)[0]
		if res.Place.Country != c.want {
			t.Errorf("Resolve(%q in %.30q) = %+v; want country %s", c.name, c.text, res.Place, c.want)
		}
	}
	_ = r
}

func TestDemonymIsNoMention(t *testing.T) {
	// A demonym counts toward the document's countries.
	r := mustResolver(t)
	text := "Belarusian officers met their colleagues in Brest."
	res := r.Resolve(text, spans(t, text, "Brest"), language.English)[0]
	if res.Place.Country != "BY" {
		t.Errorf("Resolve(Brest after Belarusian) = %+v; want BY", res.Place)
	}
	text = "French officers met their colleagues in Brest."
	res = r.Resolve(text, spans(t, text, "Brest"), language.English)[0]
	if res.Place.Country != "FR" {
		t.Errorf("Resolve(Brest after French) = %+v; want FR", res.Place)
	}
}

func TestNewBadFocus(t *testing.T) {
	for _, f := range []string{"", "K", "KAZ", "1Z", "ҚЗ"} {
		if _, err := New(WithFocus(f)); err != ErrBadCountry {
			t.Errorf("New(WithFocus(%q)) error = %v; want ErrBadCountry", f, err)
		}
	}
	if _, err := New(nil); err != nil {
		t.Errorf("New(nil) error = %v", err)
	}
}

func TestResolveBadInput(t *testing.T) {
	r := mustResolver(t)
	long := strings.Repeat("Алматы ", 1500)
	for _, c := range []struct {
		text string
		tops []Toponym
	}{
		{"", nil},
		{"", []Toponym{{Start: 0, End: 0, Text: ""}}},
		{"abc", []Toponym{{Start: 5, End: 2, Text: "Almaty"}}}, // offsets out of range: resolved by Text
		{"abc", []Toponym{{Start: -1, End: 99, Text: "\xff\xfe"}}},
		{long, []Toponym{{Start: 0, End: len(long), Text: long}}},
		{"AlмаtyАлматы", []Toponym{{Start: 0, End: 14, Text: "AlмаtyАлматы"}}},
	} {
		res := r.Resolve(c.text, c.tops, language.Und)
		if len(res) != len(c.tops) {
			t.Fatalf("Resolve returned %d results for %d toponyms", len(res), len(c.tops))
		}
		for i, x := range res {
			if x.Toponym != c.tops[i] {
				t.Errorf("Resolve changed the toponym %+v to %+v", c.tops[i], x.Toponym)
			}
			if x.Resolved != (x.Place.Name != "") {
				t.Errorf("Resolve(%.20q) = %+v; Resolved and Place disagree", x.Text, x)
			}
		}
	}
	if got := r.Resolve("In Almaty", []Toponym{{Start: 3, End: 9, Text: "Almaty"}}, language.Und)[0]; got.Place.Country != "KZ" {
		t.Errorf("Resolve(Almaty) = %+v", got)
	}
}

// TestConcurrent runs one shared Resolver from many goroutines (go test -race).
func TestConcurrent(t *testing.T) {
	r := mustResolver(t)
	text := "Almaty and Astana, Карагандинской области, Petropavlovsk near the Black Sea"
	want := r.Resolve(text, spans(t, text, "Almaty", "Astana", "Карагандинской области", "Petropavlovsk", "Black Sea"), language.English)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				got := r.Resolve(text, spans(t, text, "Almaty", "Astana", "Карагандинской области", "Petropavlovsk", "Black Sea"), language.English)
				for j := range got {
					if got[j] != want[j] {
						t.Errorf("concurrent Resolve differs: %+v vs %+v", got[j], want[j])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestTablesWellFormed(t *testing.T) {
	tb := defaultTables()
	if len(tb.lines) < 100000 || len(tb.names) < 200000 {
		t.Fatalf("tables too small: %d places, %d names", len(tb.lines), len(tb.names))
	}
	prev := ""
	for i, off := range tb.names {
		line := namesTSV[off:]
		line = line[:strings.IndexByte(line, '\n')]
		k, post, ok := strings.Cut(line, "\t")
		if !ok || post == "" || k <= prev && i > 0 || !utf8.ValidString(k) {
			t.Fatalf("names line %d %q is malformed or out of order", i, line)
		}
		prev = k
		for _, f := range strings.Fields(post) {
			if n := unb64(f); n < 0 || n >= int64(len(tb.lines)) {
				t.Fatalf("names line %d: place %d out of range", i, n)
			}
		}
	}
	for i := range tb.lines {
		p := tb.place(int32(i))
		if p.Name == "" || p.Kind == "" || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			t.Fatalf("place %d malformed: %+v", i, p)
		}
	}
	if !strings.Contains(DataVersion, "GeoNames") || !strings.Contains(DataVersion, "CLDR") {
		t.Errorf("DataVersion = %q", DataVersion)
	}
}

func TestFocus(t *testing.T) {
	r := mustResolver(t)
	text := "В Жезказгане и Карагандинской области прошли рейды. Белорусские и казахстанские специалисты обсудили итоги. Москва"
	res := r.Resolve(text, spans(t, text, "Жезказгане", "Карагандинской области", "Москва"), language.Russian)
	f := r.Focus(text, res)
	if len(f.Countries) < 3 || f.Countries[0] != "KZ" || !slices.Contains(f.Countries, "BY") || !slices.Contains(f.Countries, "RU") {
		t.Errorf("Focus countries = %v; want KZ first, with BY and RU", f.Countries)
	}
	if len(f.Admin1) < 2 || f.Admin1[0] != "KZ-35" && f.Admin1[0] != "KZ-62" {
		t.Errorf("Focus admin1 = %v; want KZ-35 or KZ-62 first", f.Admin1)
	}
	if f := r.Focus("", nil); len(f.Countries)+len(f.Admin1) != 0 {
		t.Errorf("Focus(empty) = %+v", f)
	}
}

func TestContainer(t *testing.T) {
	r := mustResolver(t)
	for _, c := range []struct{ text, name, country, admin1 string }{
		{"He grew up in Paris, Texas, and moved.", "Paris", "US", "US-TX"},
		{"Fire in London, Ont., on Monday.", "London", "CA", "CA-ON"},
		{"A plant in Aktau, Mangystau Region, was closed.", "Aktau", "KZ", "KZ-47"},
		{"Paris is the capital of France.", "Paris", "FR", ""},
	} {
		res := r.Resolve(c.text, spans(t, c.text, c.name), language.English)[0]
		if res.Place.Country != c.country || c.admin1 != "" && res.Place.Admin1 != c.admin1 {
			t.Errorf("Resolve(%q in %q) = %+v; want %s %s", c.name, c.text, res.Place, c.country, c.admin1)
		}
	}
}

func TestBudget(t *testing.T) {
	fi, err := os.Stat("tables.go")
	if err != nil {
		t.Skip(err)
	}
	if fi.Size() > 12<<20 {
		t.Errorf("tables.go is %d bytes; budget 12 MiB", fi.Size())
	}
	start := time.Now()
	tb := decodeTables()
	if d := time.Since(start); d > time.Second {
		t.Errorf("decodeTables took %v; want well under 100 ms", d)
	}
	if len(tb.lines) == 0 {
		t.Fatal("no places")
	}
}

func TestPartial(t *testing.T) {
	r := mustResolver(t)
	for _, c := range []struct{ name, country string }{
		{"Vancouver Art Gallery", "CA"},
		{"Almaty International Airport", "KZ"},
		{"North London", "GB"},
		{"South Pacific", ""},
		{"Montreal-Pierre Elliott Trudeau International Airport", "CA"},
	} {
		got := resolveOne(r, c.name, language.English)
		if !got.Resolved || got.Place.Country != c.country {
			t.Errorf("Resolve(%q) = %+v; want a place in %q", c.name, got.Place, c.country)
		}
	}
	if got := resolveOne(r, "Zzyzx Qqq", language.English); got.Resolved {
		t.Errorf("Resolve(nonsense) = %+v; want unresolved", got.Place)
	}
}

func TestCompassWordsAreNoPlaces(t *testing.T) {
	g, _ := NewGazetteer()
	for _, w := range []string{"East", "West", "North", "South", "Centre", "Восток", "Запад"} {
		if c, ok := g.Lookup(w); ok {
			t.Errorf("Lookup(%q) = %+v; want none", w, c[0])
		}
	}
	if c, ok := g.Lookup("East Kazakhstan Region"); !ok || c[0].Admin1 != "KZ-63" {
		t.Errorf("Lookup(East Kazakhstan Region) = %v", c)
	}
}

// TestResolveLarge checks that a long document with many mentions resolves
// in time linear in its size.
func TestResolveLarge(t *testing.T) {
	names := []string{"Almaty", "Astana", "Pavlodar", "Paris", "Moscow", "Springfield", "Alexandria", "Карагандинской области"}
	var b strings.Builder
	var tops []Toponym
	for i := 0; i < 20000; i++ {
		n := names[i%len(names)]
		b.WriteString("In ")
		tops = append(tops, Toponym{Start: b.Len(), End: b.Len() + len(n), Text: n})
		b.WriteString(n)
		b.WriteString(" it rained. ")
	}
	r := mustResolver(t)
	start := time.Now()
	res := r.Resolve(b.String(), tops, language.English)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Resolve of %d mentions took %v", len(tops), d)
	}
	if len(res) != len(tops) || !res[0].Resolved {
		t.Fatalf("Resolve returned %d results, first %+v", len(res), res[0])
	}
}

func TestLongestMatch(t *testing.T) {
	g, _ := NewGazetteer()
	for _, c := range []struct {
		words []string
		n     int
		kind  Kind
	}{
		{[]string{"Black", "Sea", "coast"}, 2, Water},
		{[]string{"Карагандинской", "области", "прошли"}, 2, Admin1},
		{[]string{"Almaty", "and", "Astana"}, 1, City},
		{[]string{"military", "Almaty"}, 0, ""},
		{nil, 0, ""},
		{[]string{"", " "}, 0, ""},
	} {
		n, k := g.LongestMatch(c.words)
		if n != c.n || k != c.kind {
			t.Errorf("LongestMatch(%q) = %d, %q; want %d, %q", c.words, n, k, c.n, c.kind)
		}
	}
}

// TestDocumentEvidence checks the resolver's document-level terms on
// sentences written for the test: coherence between names that can lie
// together, a country reading that nothing supports, a list closed by
// "counties", and the capital of a country the document names.
func TestDocumentEvidence(t *testing.T) {
	r := mustResolver(t)
	for _, c := range []struct {
		name, text string
		names      []string
		want       string // Admin1 or, for countries, Country of names[0]
		kind       Kind
	}{
		{"coherence", "A Paris man was arrested on Friday, the Henry County sheriff said.", []string{"Paris", "Henry County"}, "US-TN", City},
		{"lone country", "Jordan police and firefighters from Shakopee answered the call.", []string{"Jordan", "Shakopee"}, "US-MN", City},
		{"state beside its capital", "Georgia lawmakers met in Atlanta on Monday.", []string{"Georgia", "Atlanta"}, "US-GA", Admin1},
		{"counties list", "Schools in Barrow, Jackson and Madison counties cut their budgets; Winder is in Georgia.", []string{"Barrow", "Winder", "Georgia"}, "US-GA", Admin2},
		{"named capital", "Moscow said on Tuesday that Russia would answer; Los Angeles and New York saw protests in the United States.", []string{"Moscow", "Russia", "Los Angeles", "New York", "United States"}, "RU-MOW", City},
	} {
		res := r.Resolve(c.text, spans(t, c.text, c.names...), language.English)[0]
		if !res.Resolved || res.Place.Admin1 != c.want || res.Place.Kind != c.kind {
			t.Errorf("%s: Resolve(%q) = %+v; want %s %s", c.name, c.names[0], res.Place, c.kind, c.want)
		}
	}
}

// TestDivisionCentres checks that first-level divisions sit near the middle
// of their area (Natural Earth centroids), not among their towns.
func TestDivisionCentres(t *testing.T) {
	g := mustResolver(t).Gazetteer()
	for _, c := range []struct {
		name     string
		lat, lon float64 // approximate geographic centre
	}{
		{"Pavlodar Region", 52.3, 76.9},
		{"Ontario", 50.0, -86.0},
		{"Quebec", 53.0, -71.5},
		{"Texas", 31.4, -99.3},
	} {
		cands, _ := g.Lookup(c.name)
		var p *Place
		for i := range cands {
			if cands[i].Kind == Admin1 {
				p = &cands[i]
				break
			}
		}
		if p == nil {
			t.Errorf("Lookup(%q): no admin-1 division", c.name)
			continue
		}
		if d := distanceKm(p.Lat, p.Lon, c.lat, c.lon); d > 150 {
			t.Errorf("%s at (%.2f, %.2f), %.0f km from (%.1f, %.1f); want within 150 km", c.name, p.Lat, p.Lon, d, c.lat, c.lon)
		}
	}
}

// TestAdmin1Codes checks that every place's ISO 3166-2 code is whole and
// comes from admin1TSV, so that decoding a place allocates nothing for it.
func TestAdmin1Codes(t *testing.T) {
	tb := defaultTables()
	codes := map[string]bool{}
	for _, c := range strings.Split(strings.TrimSuffix(admin1TSV, "\n"), "\n") {
		codes[c] = true
	}
	with := int32(-1) // a place that has a code
	for i := range tb.lines {
		p := tb.place(int32(i))
		if p.Admin1 == "" {
			continue
		}
		if with < 0 && p.Kind == City {
			with = int32(i)
		}
		if !codes[p.Admin1] || p.Country != "" && !strings.HasPrefix(p.Admin1, p.Country+"-") {
			t.Fatalf("place %d %s (%s): admin-1 %q", i, p.Name, p.Country, p.Admin1)
		}
	}
	if n := testing.AllocsPerRun(100, func() { tb.place(with) }); n != 0 {
		t.Errorf("place(%d): %v allocations; want 0", with, n)
	}
}

// TestLineHash checks the hashed look-up of names against the binary
// search over the same sorted lines: every key, and keys one byte longer or
// shorter, which are mostly absent.
func TestLineHash(t *testing.T) {
	tb := defaultTables()
	for i, off := range tb.names {
		key, _, _ := strings.Cut(namesTSV[off:], "\t")
		for _, k := range []string{key, key + "a", key[:len(key)-1], key + " "} {
			want, wok := find(namesTSV, tb.names, k)
			got, gok := tb.byName.find(namesTSV, tb.names, k)
			if got != want || gok != wok {
				t.Fatalf("line %d: find(%q) = %q, %v; binary search %q, %v", i, k, got, gok, want, wok)
			}
		}
	}
	if _, ok := tb.byName.find(namesTSV, tb.names, ""); ok {
		t.Error("the empty key was found")
	}
}
