package stem

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct {
		l          Lang
		word, want string
	}{
		{English, "cooperation", "cooper"},
		{English, "exercises", "exercis"},
		{English, "military", "militari"},
		{English, "drugs", "drug"},
		{English, "the", "the"},
		{Russian, "наркотиков", "наркотик"},
		{Russian, "бюджета", "бюджет"},
		{Russian, "сотрудничество", "сотрудничеств"},
		{Kazakh, "есірткінің", "есірткі"},
		{Kazakh, "мектептерде", "мектеп"},
		{Kazakh, "бюджетті", "бюджет"},
		{Kazakh, "елшілерін", "елші"},
		{Kazakh, "су", "су"},
		{Kazakh, "ЖЫЛУ", "жылу"},
		{None, "Word", "Word"},
	} {
		if got := tc.l.Stem(tc.word); got != tc.want {
			t.Errorf("%v.Stem(%q) = %q; want %q", tc.l, tc.word, got, tc.want)
		}
	}
}

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		tag  language.Tag
		want Lang
	}{
		{language.English, English}, {language.MustParse("en-GB"), English}, {language.Russian, Russian},
		{language.Kazakh, Kazakh}, {language.German, None}, {language.Und, None},
	} {
		if got := For(tc.tag); got != tc.want {
			t.Errorf("For(%v) = %v; want %v", tc.tag, got, tc.want)
		}
	}
	if English.String() != "en" || Lang(9).String() != "none" {
		t.Error("String")
	}
}

// TestKeyIsPrefix checks the property callers rely on: every word starts
// with the key of its stem.
func TestKeyIsPrefix(t *testing.T) {
	words := map[Lang]string{
		English: "happy happiness hoping hopped relational organization possibility generously cries skies ugly early agreed exercises cooperation troops military defensive jobs",
		Russian: "наркотиков сотрудничества учения семьи бюджетные тепловых сетей саженцев послов выборы",
		Kazakh:  "есірткінің мектептерде бюджетті жылу желілерін көшеттер ауыл шаруашылығы",
	}
	for l, ws := range words {
		for _, w := range strings.Fields(ws) {
			k := l.Key(l.Stem(w))
			if !strings.HasPrefix(w, k) {
				t.Errorf("%v: %q does not start with key %q of its stem %q", l, w, k, l.Stem(w))
			}
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"cooperation", "наркотиков", "есірткінің", "", "a", "\xff", "ё"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, l := range []Lang{None, English, Russian, Kazakh} {
			s := l.Stem(w)
			k := l.Key(s)
			if !strings.HasPrefix(s, k) {
				t.Errorf("%v: key %q not a prefix of stem %q", l, k, s)
			}
			if utf8.ValidString(w) && !utf8.ValidString(k) {
				t.Errorf("%v: invalid key %q for %q", l, k, w)
			}
			if l == Kazakh && utf8.ValidString(w) && !strings.HasPrefix(strings.ToLower(w), s) {
				t.Errorf("Kazakh stem %q of %q is not a prefix", s, w)
			}
		}
	})
}

func BenchmarkStem(b *testing.B) {
	words := map[Lang][]string{
		English: strings.Fields("military cooperation between kazakhstan and belarus exercises troops"),
		Russian: strings.Fields("сенат вернул проект трехлетнего бюджета в мажилис наркотиков"),
		Kazakh:  strings.Fields("сенат үш жылдық бюджет жобасын мәжіліске қайтарды"),
	}
	for _, l := range []Lang{English, Russian, Kazakh} {
		b.Run(l.String(), func(b *testing.B) {
			n := 0
			for _, w := range words[l] {
				n += len(w)
			}
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, w := range words[l] {
					l.Stem(w)
				}
			}
		})
	}
}
