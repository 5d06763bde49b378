package geo

import (
	"testing"

	"golang.org/x/text/language"
)

// TestVariants checks the spellings the resolver tries when the tables lack
// a name: counties without their type word, St./Saint, plural names with
// their article, and the people of a state.
func TestVariants(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		kind    Kind
		country string
		want    string // English name, "" for any
	}{
		{"Oconee", Admin2, "US", "Oconee County"},
		{"Sarpy", Admin2, "US", "Sarpy County"},
		{"St. Kitts and Nevis", Country, "KN", ""},
		{"Urals", Land, "", "Ural Mountains"},
		{"Ohioans", Admin1, "US", "Ohio"},
		{"Minnesotans", Admin1, "US", "Minnesota"},
		{"Ontarians", Admin1, "CA", "Ontario"},
	}
	for _, tc := range tests {
		text := "News about " + tc.name + " today."
		res := r.Resolve(text, []Toponym{{Start: 11, End: 11 + len(tc.name), Text: tc.name}}, language.English)
		p := res[0].Place
		if !res[0].Resolved || p.Kind != tc.kind || p.Country != tc.country || tc.want != "" && p.Name != tc.want {
			t.Errorf("%s: got %+v (resolved %v), want %s %s %s", tc.name, p, res[0].Resolved, tc.want, tc.kind, tc.country)
		}
	}
	// Names that are no variants of anything stay unresolved.
	for _, s := range []string{"Xqzzyans", "Qwertyites"} {
		if res := r.Resolve(s, []Toponym{{Start: 0, End: len(s), Text: s}}, language.English); res[0].Resolved {
			t.Errorf("%s resolved to %+v", s, res[0].Place)
		}
	}
}

// TestBackoff checks that a name found nowhere takes the town the document
// is most about, marked Inferred, and stays unresolved without one.
func TestBackoff(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Fargo flooded. Volunteers came from Fargo to Qwzzy Grove, North Dakota."
	tops := []Toponym{
		{Start: 0, End: 5, Text: "Fargo"},
		{Start: 36, End: 41, Text: "Fargo"},
		{Start: 45, End: 56, Text: "Qwzzy Grove"},
		{Start: 58, End: 70, Text: "North Dakota"},
	}
	res := r.Resolve(text, tops, language.English)
	if g := res[2]; !g.Resolved || !g.Inferred || g.Place.Name != "Fargo" || g.Place.Country != "US" {
		t.Errorf("Qwzzy Grove: got %+v", g)
	}
	for _, i := range []int{0, 1, 3} {
		if res[i].Inferred {
			t.Errorf("%s marked Inferred", res[i].Text)
		}
	}
	text = "Fargo flooded in the East."
	res = r.Resolve(text, []Toponym{{Start: 0, End: 5, Text: "Fargo"}, {Start: 21, End: 25, Text: "East"}}, language.English)
	if res[1].Resolved {
		t.Errorf("East: got %+v, want no place", res[1])
	}
	res = r.Resolve("Qwzzy Grove", []Toponym{{Start: 0, End: 11, Text: "Qwzzy Grove"}}, language.English)
	if res[0].Resolved || res[0].Inferred {
		t.Errorf("lone unknown name: got %+v", res[0])
	}
}

// TestSmallTownAlone checks that a small town that would be the document's
// only place in its country gives way to the document's own place.
func TestSmallTownAlone(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Flights at Heathrow were cancelled; the United Kingdom said London was shut."
	tops := []Toponym{
		{Start: 11, End: 19, Text: "Heathrow"},
		{Start: 40, End: 54, Text: "United Kingdom"},
		{Start: 60, End: 66, Text: "London"},
	}
	res := r.Resolve(text, tops, language.English)
	if g := res[0]; g.Place.Country != "GB" || !g.Inferred {
		t.Errorf("Heathrow: got %+v, want an inferred place in GB", g)
	}
	if g := res[2]; g.Place.Country != "GB" || g.Inferred {
		t.Errorf("London: got %+v", g)
	}
}

// TestWordKey checks the fast fold of plain words against foldName.
func TestWordKey(t *testing.T) {
	for _, w := range []string{"Belarusian", "КАЗАХСТАНСКИЙ", "Қазақстандық", "Ёлкинский", "американцы", "Ukrainian", "ҚАЗАҚ", "Іле", "Їжак", "ЎЗБЕК"} {
		got, ok := wordKey(w)
		if want := foldName(w); !ok || got != want {
			t.Errorf("wordKey(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	if _, ok := wordKey("São"); ok {
		t.Errorf("wordKey(São) ok; want false")
	}
}
