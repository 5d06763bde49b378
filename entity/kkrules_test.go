package entity

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

func TestSplitKazakhCases(t *testing.T) {
	for _, tc := range []struct {
		text, mention string
		lang          language.Tag
		want          []string // mention texts after the split
	}{
		{"Тоқаев Ақордада Ресей Федерациясының министрін қабылдады.", "Ақордада Ресей Федерациясының", language.Kazakh,
			[]string{"Ақордада", "Ресей Федерациясының"}},
		{"Мемлекет басшысы Лавровқа Қазақстан туралы айтты.", "Лавровқа Қазақстан", language.Kazakh,
			[]string{"Лавровқа", "Қазақстан"}},
		// Known names and inner genitives stay whole.
		{"Алматы облысы әкімі келді.", "Алматы облысы", language.Kazakh, []string{"Алматы облысы"}},
		{"Қазақстан Республикасының Президенті сөйледі.", "Қазақстан Республикасының Президенті", language.Kazakh,
			[]string{"Қазақстан Республикасының Президенті"}},
		// The attributive locative and a lower-case next word continue a name.
		{"Еуропадағы қауіпсіздік және ынтымақтастық ұйымы", "Еуропадағы қауіпсіздік және ынтымақтастық ұйымы", language.Kazakh,
			[]string{"Еуропадағы қауіпсіздік және ынтымақтастық ұйымы"}},
		{"Маргарита Есмұратова айтты.", "Маргарита Есмұратова", language.Kazakh, []string{"Маргарита Есмұратова"}},
		// Only Kazakh.
		{"Ақордада Ресей Федерациясының", "Ақордада Ресей Федерациясының", language.Russian,
			[]string{"Ақордада Ресей Федерациясының"}},
	} {
		i := strings.Index(tc.text, tc.mention)
		ms := []Mention{{Start: i, End: i + len(tc.mention), Type: ORG}}
		got := splitKazakhCases(tc.text, token.Tokenize(tc.text), ms, tc.lang)
		var texts []string
		for _, m := range got {
			texts = append(texts, tc.text[m.Start:m.End])
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitKazakhCases(%q) = %q; want %q", tc.mention, texts, tc.want)
		}
	}
}

func TestKazakhQuotedOrgs(t *testing.T) {
	for _, tc := range []struct {
		text string
		ms   []string // mentions before the rule, by text
		lang language.Tag
		want string // "text/TYPE" of every mention after it
	}{
		{"Бұл тұста « Бөбек » қорының мамандары келді.", nil, language.Kazakh, "Бөбек/ORG"},
		{"« Зейнеткер-екі » саяжай серіктестігіндегі жер", nil, language.Kazakh, "Зейнеткер-екі/ORG"},
		{"« Нұр Отан » партиясының съезі", []string{"Нұр Отан"}, language.Kazakh, "Нұр Отан/ORG"},
		// No organization noun after the quote; lower-case quotes; not Kazakh.
		{"« Атакент » орталығы бар.", nil, language.Kazakh, ""},
		{"« бөбек » қорының мамандары", nil, language.Kazakh, ""},
		{"« Бөбек » қорының мамандары", nil, language.Russian, ""},
		// A mention that crosses the quoted words is left as it is.
		{"« Бөбек » қорының мамандары", []string{"Бөбек » қорының"}, language.Kazakh, "Бөбек » қорының/LOC"},
	} {
		toks := token.Tokenize(tc.text)
		var ms []Mention
		for _, m := range tc.ms {
			i := strings.Index(tc.text, m)
			ms = append(ms, Mention{Start: i, End: i + len(m), Type: LOC})
		}
		var got []string
		for _, m := range kkQuotedOrgs(toks, ms, tc.lang) {
			got = append(got, tc.text[m.Start:m.End]+"/"+string(m.Type))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("kkQuotedOrgs(%q) = %q; want %q", tc.text, g, tc.want)
		}
	}
}

func TestSplitKazakhPlaceOfPlace(t *testing.T) {
	for _, tc := range []struct {
		text, mention string
		typ           Type
		want          []string
	}{
		{"Қазір мен Ресейдің Оңтүстік Орал өңірінде жүрмін.", "Ресейдің Оңтүстік Орал", LOC, []string{"Ресейдің", "Оңтүстік Орал"}},
		// Not an organization's name, nor a place with a lower-case rest.
		{"Қазір мен Ресейдің Оңтүстік Орал өңірінде жүрмін.", "Ресейдің Оңтүстік Орал", ORG, []string{"Ресейдің Оңтүстік Орал"}},
		{"Еуропадағы қауіпсіздік аймағы", "Еуропадағы қауіпсіздік аймағы", LOC, []string{"Еуропадағы қауіпсіздік аймағы"}},
	} {
		i := strings.Index(tc.text, tc.mention)
		ms := []Mention{{Start: i, End: i + len(tc.mention), Type: tc.typ}}
		var texts []string
		for _, m := range splitKazakhCases(tc.text, token.Tokenize(tc.text), ms, language.Kazakh) {
			texts = append(texts, tc.text[m.Start:m.End])
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q as %s: got %q, want %q", tc.mention, tc.typ, texts, tc.want)
		}
	}
}
