package geo

// facts are hand-written places (coordinates from GeoNames).
var facts = []struct {
	names []string
	place Place
}{
	{[]string{"Kazakhstan", "Казахстан", "Қазақстан"}, Place{GeonameID: 1522867, Name: "Kazakhstan", Kind: Country, Country: "KZ", Lat: 48, Lon: 68}},
	{[]string{"Russia", "Россия", "Ресей"}, Place{GeonameID: 2017370, Name: "Russia", Kind: Country, Country: "RU", Lat: 60, Lon: 100}},
	{[]string{"Belarus", "Беларусь", "Белоруссия"}, Place{GeonameID: 630336, Name: "Belarus", Kind: Country, Country: "BY", Lat: 53, Lon: 28}},
	{[]string{"Almaty", "Алматы"}, Place{GeonameID: 1526384, Name: "Almaty", Kind: City, Country: "KZ", Admin1: "KZ-75", Lat: 43.25, Lon: 76.91}},
	{[]string{"Astana", "Астана"}, Place{GeonameID: 1526273, Name: "Astana", Kind: City, Country: "KZ", Admin1: "KZ-71", Lat: 51.18, Lon: 71.45}},
}
