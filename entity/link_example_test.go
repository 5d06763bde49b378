package entity_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/entity"
)

func ExampleCanonical() {
	fmt.Println(entity.Canonical("Виктором Хрениным", entity.PER, language.Russian))
	fmt.Println(entity.Canonical("Министерстве сельского хозяйства", entity.ORG, language.Russian))
	fmt.Println(entity.Canonical("Павлодар облысында", entity.LOC, language.Kazakh))
	// Output:
	// Виктор Хренин
	// Министерство сельского хозяйства
	// Павлодар облысы
}

func ExampleLinker_Link() {
	l, err := entity.NewLinker()
	if err != nil {
		panic(err)
	}
	text := "Lieutenant-General Viktor Khrenin met the CSTO chief. Khrenin said the Collective Security Treaty Organization (CSTO) would hold Zapad-2021."
	mention := func(s string, n int, t entity.Type) entity.Mention {
		i := 0
		for k := 0; k < n; k++ {
			j := strings.Index(text[i:], s)
			i += j
			if k < n-1 {
				i += len(s)
			}
		}
		return entity.Mention{Start: i, End: i + len(s), Text: s, Type: t, Language: language.English}
	}
	ms := []entity.Mention{
		mention("Viktor Khrenin", 1, entity.PER),
		mention("CSTO", 1, entity.ORG),
		mention("Khrenin", 2, entity.PER),
		mention("Collective Security Treaty Organization", 1, entity.ORG),
		mention("CSTO", 2, entity.ORG),
		mention("Zapad-2021", 1, entity.EVENT),
	}
	for _, e := range l.Link(text, ms) {
		fmt.Printf("%s %s %q %d\n", e.ID, e.Type, e.Name, len(e.Mentions))
	}
	// Output:
	// kb/per/viktor-khrenin PER "Viktor Khrenin" 2
	// kb/org/csto ORG "Collective Security Treaty Organization" 3
	// kb/event/zapad-2021 EVENT "Zapad-2021" 1
}
