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
	for _, m := range t.Extract("Russian Defense Minister Sergei Shoigu visited Minsk for the Zapad-2021 drills.", language.English) {
		fmt.Println(m.Type, m.Text)
	}
	// Output:
	// PER Sergei Shoigu
	// LOC Minsk
	// EVENT Zapad-2021
}
