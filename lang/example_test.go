package lang_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/lang"
)

func ExampleDetector_Detect() {
	d, err := lang.New()
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"Сенат вернул проект трехлетнего бюджета в Мажилис",
		"Мемлекет басшысы Үкімет отырысын өткізді",
		"The war games are a concern for Western countries",
		"2024-11-15 10:35",
	} {
		r := d.Detect(text)
		fmt.Println(r.Language, r.Script)
	}
	// Output:
	// ru Cyrl
	// kk Cyrl
	// en Latn
	// und Zzzz
}

func ExampleDetector_Segments() {
	d, err := lang.New()
	if err != nil {
		panic(err)
	}
	page := "Belarus and Kazakhstan discussed military cooperation.\n" +
		"05 Августа 2021\n" +
		"The ministers also spoke about joint exercises next year.\n" +
		"ru Президент выступил на Форуме работников сельского хозяйства\n" +
		"ru Семь человек погибли в ДТП в Карагандинской области\n"
	for _, s := range d.Segments(page) {
		fmt.Printf("%v %d-%d\n", s.Language, s.Start, s.End)
	}
	// Output:
	// en 0-136
	// ru 136-351
}

func ExampleWithLanguages() {
	d, err := lang.New(lang.WithLanguages(language.English, language.Russian, language.Kazakh))
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Detect("Улуттук банк эсептик ченди көтөрдү").Language) // Kyrgyz, not allowed here
	// Output:
	// kk
}
