package entity

import (
	"strings"
	"testing"
)

func TestTrimHonorifics(t *testing.T) {
	for _, tc := range []struct{ text, mention, want string }{
		{"Ms Hewitt told GMTV", "Ms Hewitt", "Hewitt"},
		{"said Mr. John Smith", "Mr. John Smith", "John Smith"},
		{"встреча г-жа Мэй провела", "г-жа Мэй", "Мэй"},
		{"Miss Marple", "Miss", ""}, // the title alone is no name
		{"Missy Elliott sang", "Missy Elliott", "Missy Elliott"},
		{"Drake sang", "Drake", "Drake"},
		{"1913 - Sir Anthony Quayle born", "Sir Anthony Quayle", "Anthony Quayle"},
		{"spokesman Lieutenant-Colonel Max Marriner said", "Lieutenant-Colonel Max Marriner", "Max Marriner"},
		{"General de Gaulle", "General de Gaulle", "General de Gaulle"}, // no capital follows
		{"Captain", "Captain", "Captain"},
	} {
		i := strings.Index(tc.text, tc.mention)
		got := trimHonorifics(tc.text, []Mention{{Start: i, End: i + len(tc.mention), Type: PER}})
		g := ""
		if len(got) == 1 {
			g = tc.text[got[0].Start:got[0].End]
		}
		if g != tc.want {
			t.Errorf("trimHonorifics(%q) = %q; want %q", tc.mention, g, tc.want)
		}
	}
}

func TestExtendMonthSurnames(t *testing.T) {
	for _, tc := range []struct{ text, mention, want string }{
		{"Theresa May said on Monday", "Theresa", "Theresa May"},
		{"Brian May, the guitarist", "Brian", "Brian May"},
		{"Theresa May 5 was the date", "Theresa", "Theresa"}, // a date
		{"Theresa\nMay", "Theresa", "Theresa"},               // another line
		{"Boris Johnson May said", "Boris Johnson", "Boris Johnson"},
		{"Smith met Jones", "Smith", "Smith"},
	} {
		i := strings.Index(tc.text, tc.mention)
		got := extendMonthSurnames(tc.text, []Mention{{Start: i, End: i + len(tc.mention), Type: PER}})
		if g := tc.text[got[0].Start:got[0].End]; g != tc.want {
			t.Errorf("extendMonthSurnames(%q in %q) = %q; want %q", tc.mention, tc.text, g, tc.want)
		}
	}
}
