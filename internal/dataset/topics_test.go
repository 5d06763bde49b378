package dataset

import "testing"

func TestClasses(t *testing.T) {
	three := map[string]bool{"economy": true, "culture": true, "society": true}
	for _, c := range []struct{ topic, ag, bbc, ria string }{
		{"", "", "", ""},
		{"sport", "Sports", "sport", "society"},
		{"economy", "Business", "business", "economy"},
		{"labour", "Business", "business", "economy"},
		{"science-technology", "Sci/Tech", "tech", "society"},
		{"arts-culture", "World", "entertainment", "culture"},
		{"politics", "World", "politics", "society"},
	} {
		if got := AGNewsClass(c.topic); got != c.ag {
			t.Errorf("AGNewsClass(%q) = %q; want %q", c.topic, got, c.ag)
		}
		if got := BBCClass(c.topic); got != c.bbc {
			t.Errorf("BBCClass(%q) = %q; want %q", c.topic, got, c.bbc)
		}
		if got := RIAClass(c.topic, three); got != c.ria {
			t.Errorf("RIAClass(%q) = %q; want %q", c.topic, got, c.ria)
		}
	}
}
