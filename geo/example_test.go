package geo_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/geo"
)

func ExampleGazetteer_Lookup() {
	g, _ := geo.NewGazetteer()
	for _, name := range []string{"Павлодаре", "Қарағанды облысының", "Nur-Sultan"} {
		c, _ := g.Lookup(name)
		fmt.Println(name, "->", c[0].Name, c[0].Kind, c[0].Country, c[0].Admin1)
	}
	// Output:
	// Павлодаре -> Pavlodar city KZ KZ-55
	// Қарағанды облысының -> Karaganda Region admin1 KZ KZ-35
	// Nur-Sultan -> Astana city KZ KZ-71
}

func ExampleGazetteer_KindOf() {
	g, _ := geo.NewGazetteer()
	for _, tokens := range [][]string{{"Black", "Sea"}, {"Карагандинской", "области"}, {"military"}, {"Almaty"}} {
		kind, ok := g.KindOf(strings.Join(tokens, " "))
		fmt.Printf("%s: %q %v\n", strings.Join(tokens, " "), kind, ok)
	}
	// Output:
	// Black Sea: "water" true
	// Карагандинской области: "admin1" true
	// military: "" false
	// Almaty: "city" true
}

func ExampleGazetteer_Demonym() {
	g, _ := geo.NewGazetteer()
	cc, _ := g.Demonym("казахстанских")
	fmt.Println(cc)
	// Output: KZ
}

func ExampleResolver_Resolve() {
	r, _ := geo.New()
	text := "Police in Petropavlovsk, North Kazakhstan Region, detained two men."
	var tops []geo.Toponym
	for _, name := range []string{"Petropavlovsk", "North Kazakhstan Region"} {
		i := strings.Index(text, name)
		tops = append(tops, geo.Toponym{Start: i, End: i + len(name), Text: name})
	}
	for _, res := range r.Resolve(text, tops, language.English) {
		p := res.Place
		fmt.Printf("%s: %s (%s, %s) %d\n", res.Text, p.Name, p.Country, p.Admin1, p.GeonameID)
	}
	// Output:
	// Petropavlovsk: Petropavl (KZ, KZ-59) 1520172
	// North Kazakhstan Region: North Kazakhstan Region (KZ, KZ-59) 0
}
