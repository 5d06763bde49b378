package entity_test

import (
	"fmt"

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
