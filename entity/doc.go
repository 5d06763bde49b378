// Package entity finds named entities — people, organizations, places and
// named events — in news text, with byte offsets into the original string.
//
// # Usage
//
//	t, err := entity.New()
//	ms := t.Extract(text, language.Russian)
//
// [Tagger.Extract] tokenizes raw text with internal/token, splits it into
// sentences and labels every sentence with an averaged structured
// perceptron over BIO labels (package [github.com/newsmon/newsmon/entity/seqtag]),
// decoded with Viterbi. Features are Unicode-aware: word forms, shapes that
// work for Latin, Cyrillic and Kazakh letters, affixes, neighbours, line
// position, headline and all-capitals flags, quotes, hand-written word
// classes (first names, surname endings, organization and event nouns,
// titles), place classes from the geo gazetteer and document-level casing
// evidence. Rules then handle on purpose what the data lacks or marks
// differently: names with a year (Zapad-2021) and event-headed names are
// events; capitalized English runs ending in an organization noun are one
// organization (Belarusian Defense Ministry); a surname alone takes the
// type of the full name found elsewhere; title-case and all-capitals
// headlines do not make names of common words; lone adjectives
// (Казахстанские) are no places; quotes inside a name are balanced; a
// name of the built-in knowledge base takes its type where the model took
// a person for a non-person or the reverse (Izvestiya is a newspaper); a
// bracketed English gloss after a name (Vostok (East)) is no mention.
// Gazetteer rules for Latin-script text make well-known places the model
// took for persons or organizations places (Edmonton, "from Calgary"),
// split a place off "X of Y" persons and "<place> <office title> <name>"
// mentions (Texas Senator Ted Cruz), tag news datelines (DALLAS —),
// places inside hyphenated words (London-based) and untagged well-known
// places, and keep abbreviations' full stops (Ky.).
// Training adds headline-cased copies of sentences so that the model itself
// discounts capitals in headlines.
//
// # Models
//
// One model per language — English, Russian, Kazakh and Ukrainian — is
// embedded and decoded lazily, once per process, on first use. Belarusian
// uses the Russian model; other languages use a script-based fallback (see
// [Tagger.Extract]). The models and their training data, licences and dev
// scores are described in models/README.md; internal/cmd/train-ner rebuilds
// them.
//
// # Offsets
//
// Offsets are half-open byte offsets: text[m.Start:m.End] == m.Text, always
// on rune boundaries; mentions are sorted and never overlap.
//
// # Concurrency
//
// A [Tagger] is immutable after [New] and safe for concurrent use.
package entity
