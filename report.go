package newsmon

import "golang.org/x/text/language"

// Report is the analysis of one document. It marshals to the Report JSON of
// the design document, which tools outside this module read: field names,
// nesting and meaning are a contract.
type Report struct {
	// Language is the main language of the document: the language of the
	// most bytes among its segments; und when there is no text to go on.
	Language language.Tag `json:"language"`
	// Segments cover the document in order, each in one language.
	Segments []Segment `json:"segments"`
	// Entities are the people, organizations, places and events named,
	// most salient first.
	Entities []Entity `json:"entities"`
	// Topics are the topics that apply, with their ancestors, best first.
	Topics []Topic `json:"topics"`
}

// Segment is a byte span of the document in one language.
type Segment struct {
	Start      int          `json:"start"` // byte offset of the first byte
	End        int          `json:"end"`   // byte offset just past the last byte
	Language   language.Tag `json:"language"`
	Confidence float64      `json:"confidence"` // in [0, 1]
}

// Entity is one real thing named in the document with all its mentions.
type Entity struct {
	// ID is stable across documents, languages and scripts: a knowledge-base
	// id for known entities, else derived from the canonical name.
	ID string `json:"id"`
	// Name is the canonical name (nominative for Russian and Kazakh).
	Name string `json:"name"`
	// Type is PER, ORG, LOC or EVENT.
	Type string `json:"type"`
	// Salience is how central the entity is to the document, in [0, 1].
	Salience float64   `json:"salience"`
	Mentions []Mention `json:"mentions"`
	// Place is where a LOC entity is; nil when it did not resolve.
	Place *Place `json:"place,omitempty"`
}

// Mention is one mention of an entity: Text == document[Start:End].
type Mention struct {
	Start int    `json:"start"` // byte offset
	End   int    `json:"end"`   // byte offset, exclusive
	Text  string `json:"text"`
}

// Place is the resolved location of a LOC entity.
type Place struct {
	Name      string  `json:"name"`    // English name
	Country   string  `json:"country"` // ISO 3166-1 alpha-2; "" for places beyond one country
	Admin1    string  `json:"admin1"`  // ISO 3166-2 first-level region; "" where unknown
	Kind      string  `json:"kind"`    // country, admin1, city, water, region, land
	Lat       float64 `json:"lat"`     // degrees north
	Lon       float64 `json:"lon"`     // degrees east
	GeonameID int     `json:"geonameid"`
}

// Topic is one topic that applies to the document.
type Topic struct {
	ID       string   `json:"id"`     // taxonomy id, e.g. "military-cooperation"
	Parent   string   `json:"parent"` // parent id; "" for a top-level topic
	Label    string   `json:"label"`
	Score    float64  `json:"score"`    // in [0, 1]
	Evidence []string `json:"evidence"` // matched terms and entities
}
