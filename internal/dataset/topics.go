package dataset

// AGNewsClass maps a top-level topic id to an AG News class as the
// evaluation contract (DESIGN.md) says; "" for no topic.
func AGNewsClass(topic string) string {
	switch topic {
	case "":
		return ""
	case "sport":
		return "Sports"
	case "economy", "labour":
		return "Business"
	case "science-technology":
		return "Sci/Tech"
	}
	return "World"
}

// BBCClass maps a top-level topic id to a BBC folder as the evaluation
// contract says; "" for no topic.
func BBCClass(topic string) string {
	switch topic {
	case "":
		return ""
	case "sport":
		return "sport"
	case "economy", "labour":
		return "business"
	case "arts-culture", "lifestyle", "human-interest":
		return "entertainment"
	case "science-technology":
		return "tech"
	}
	return "politics"
}

// riaRubric maps a top-level topic to the RIA rubric that holds such news.
// The full corpus has nine rubrics (science, society, incidents, culture,
// religion, politics, economy, world, defense_army); the copy here only
// economy, culture and society. [RIAClass] falls back to society, RIA's
// catch-all (it files health, education, nature, the Duma's social bills),
// for any rubric the data does not have.
var riaRubric = map[string]string{
	"economy":            "economy",
	"labour":             "economy",
	"arts-culture":       "culture",
	"science-technology": "science",
	"religion":           "religion",
	"crime":              "incidents",
	"disaster":           "incidents",
	"politics":           "politics",
	"conflict":           "defense_army",
}

// RIAClass maps a top-level topic id to one of the rubrics in labels (the
// rubrics the data at hand has); "" for no topic.
func RIAClass(topic string, labels map[string]bool) string {
	if topic == "" {
		return ""
	}
	if r, ok := riaRubric[topic]; ok && labels[r] {
		return r
	}
	return "society"
}
