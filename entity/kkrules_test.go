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
