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
// titles) and document-level casing evidence. A few fixed patterns the data
// lacks (Zapad-2021 is an event) run after decoding.
//
// # Models
//
// One model per language — English, Russian and Kazakh — is embedded and
// decoded lazily, once per process, on first use. Ukrainian and Belarusian
// use the Russian model; other languages use a script-based fallback (see
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
