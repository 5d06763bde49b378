package entity

import (
	"slices"
	"testing"

	"github.com/newsmon/newsmon/internal/token"
	"golang.org/x/text/language"
)

func TestPlaceAdjectives(t *testing.T) {
	for _, tc := range []struct {
		text, lang string
		want       []string
	}{
		{"Глава британской дипломатии посетил московский завод и русский музей.", "ru", []string{"британской", "московский"}},
		{"калифорнийской компании и уфимских заводов", "ru", []string{"калифорнийской", "уфимских"}},
		// Nouns of people, a people's adjective, small towns and common
		// words in -ск- are none.
		{"американцу и французу понравился спортивный и детский праздник", "ru", nil},
		// Capitalized adjectives are names, left to the tagger, except at a
		// sentence start before a lower-case word.
		{"Британский музей", "ru", nil},
		{"Итальянский клуб арендовал его. Американская компания «Монсанто» судится.", "ru", []string{"Итальянский", "Американская"}},
		{"В Британском посольстве", "ru", nil},
		{"британской дипломатии", "en", nil},
	} {
		var got []string
		for _, m := range placeAdjectives(token.Tokenize(tc.text), nil, tc.lang) {
			if m.Type != LOC {
				t.Errorf("%q: type %s", tc.text, m.Type)
			}
			got = append(got, tc.text[m.Start:m.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q (%s): got %q, want %q", tc.text, tc.lang, got, tc.want)
		}
	}
}

func TestWithPlaceAdjectivesOption(t *testing.T) {
	const text = "Премьер встретился с британской делегацией в Москве."
	locs := func(opts ...Option) []string {
		tg, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range tg.Extract(text, language.Russian) {
			if m.Type == LOC {
				out = append(out, m.Text)
			}
		}
		return out
	}
	if got := locs(); !slices.Equal(got, []string{"Москве"}) {
		t.Errorf("default: LOC %q, want [Москве]", got)
	}
	if got := locs(WithPlaceAdjectives(true)); !slices.Equal(got, []string{"британской", "Москве"}) {
		t.Errorf("WithPlaceAdjectives: LOC %q, want [британской Москве]", got)
	}
}
