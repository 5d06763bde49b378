package newsmon

import (
	"context"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/entity"
)

func TestSamePlace(t *testing.T) {
	m := func(s int, text string) entity.Mention {
		return entity.Mention{Start: s, End: s + len(text), Text: text}
	}
	ents := []entity.Entity{
		{ID: "name/syr-darya", Name: "Syr Darya", Type: entity.LOC, Salience: 0.3, Mentions: []entity.Mention{m(0, "Syr Darya")}, Forms: []string{"Syr Darya"}},
		{ID: "name/tashkent", Name: "Tashkent", Type: entity.LOC, Salience: 0.5, Mentions: []entity.Mention{m(20, "Tashkent")}, Forms: []string{"Tashkent"}},
		{ID: "name/sirdara", Name: "Сырдарья", Type: entity.LOC, Salience: 0.4,
			Mentions: []entity.Mention{m(40, "Сырдарьи"), m(60, "Сырдарья")}, Forms: []string{"Сырдарья", "Сырдарья"}},
		{ID: "name/syr", Name: "Syr", Type: entity.ORG, Mentions: []entity.Mention{m(80, "Syr")}, Forms: []string{"Syr"}},
	}
	river := &Place{Name: "Syr Darya", Kind: "water"}
	places := []*Place{river, {Name: "Tashkent", Kind: "city", GeonameID: 1512569}, river, nil}
	gotE, gotP := samePlace(ents, places)
	if len(gotE) != 3 || len(gotP) != 3 {
		t.Fatalf("samePlace kept %d entities, %d places; want 3 and 3", len(gotE), len(gotP))
	}
	r := gotE[0]
	if r.ID != "name/sirdara" || r.Name != "Сырдарья" || len(r.Mentions) != 3 || r.Salience != 0.4 {
		t.Errorf("merged river = %s %q, %d mentions, salience %v; want name/sirdara Сырдарья, 3, 0.4", r.ID, r.Name, len(r.Mentions), r.Salience)
	}
	for i := 1; i < len(r.Mentions); i++ {
		if r.Mentions[i].Start < r.Mentions[i-1].Start {
			t.Errorf("merged mentions out of order: %v", r.Mentions)
		}
	}
	if placeID(river) != "water/syr-darya" || placeID(gotP[1]) != "1512569" {
		t.Errorf("placeID = %q, %q", placeID(river), placeID(gotP[1]))
	}
}

// TestMixedPagePlaceOnce runs the whole pipeline on a page that names one
// river in English and in Russian.
func TestMixedPagePlaceOnce(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "The leaders discussed the Syr Darya and Amu Darya rivers and the Aral Sea.\n" +
		"Стороны обсудили ситуацию на Аральском море и водные ресурсы Сырдарьи."
	rep, err := a.Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range rep.Entities {
		if e.Place != nil && strings.Contains(e.Place.Name, "Syr Darya") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Syr Darya in %d entities; want 1 (%+v)", n, rep.Entities)
	}
}
