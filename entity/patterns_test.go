package entity

import "testing"

func TestEventHeaded(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Astana International Forum", true},
		{"Corus Chess Tournament", true},
		{"Chess Tournament 2006", true},  // the year after the head
		{"Шахматный турнир Корус", true}, // the head after an adjective
		{"Форум работников сельского хозяйства", true},
		{"XX съезд", true},
		{"Форум", false}, // one word
		{"U.S. Congress", false},
		{"20th Party Congress", true},
		{"Народный консультативный конгресс Индонезии", false}, // a legislature
		{"Конгресс США", true}, // left to congressOrgs
		{"Шахматная федерация России", false},
	} {
		if got := eventHeaded(c.s); got != c.want {
			t.Errorf("eventHeaded(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
