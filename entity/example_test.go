package entity_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity"
)

func ExampleTagger_Extract() {
	t, err := entity.New()
	if err != nil {
		panic(err)
	}
	for _, m := range t.Extract("NATO and the CSTO watched as Sergei Shoigu arrived in Minsk before the Zapad-2021 drills.", language.English) {
		fmt.Println(m.Type, m.Text)
	}
	// Output:
	// ORG NATO
	// ORG CSTO
	// PER Sergei Shoigu
	// LOC Minsk
	// EVENT Zapad-2021
}

// The Russian corpora mark mentions in different ways; the options give
// their conventions. By default a mention is the name alone.
func ExampleWithDescriptors() {
	const text = "Лидер партии «Яблоко» встретился с британской делегацией на реке Славянке."
	for _, opts := range [][]entity.Option{
		nil,                                // names, as NEREL and SlavicNER mark them
		{entity.WithDescriptors(true)},     // factRuEval's: the noun of a name's kind inside
		{entity.WithPlaceAdjectives(true)}, // NEREL's: adjectives of countries are places
	} {
		t, err := entity.New(opts...)
		if err != nil {
			panic(err)
		}
		var out []string
		for _, m := range t.Extract(text, language.Russian) {
			out = append(out, fmt.Sprintf("%s %q", m.Type, m.Text))
		}
		fmt.Println(strings.Join(out, ", "))
	}
	// Output:
	// ORG "Яблоко", LOC "Славянке"
	// ORG "партии «Яблоко»", LOC "реке Славянке"
	// ORG "Яблоко", LOC "британской", LOC "Славянке"
}
