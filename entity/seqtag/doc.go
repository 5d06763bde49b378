// Package seqtag is the sequence-labelling machinery behind package entity:
// Unicode-aware feature extraction over tokens from internal/token, a
// compact hashed linear model with first-order label transitions, and
// Viterbi decoding under BIO constraints.
//
// It is exported only so that the trainer in internal/cmd/train-ner and the
// runtime tagger share one definition of the features and of the model
// format; applications use [github.com/newsmon/newsmon/entity.Tagger].
//
// # Labels
//
// Labels are BIO over four types: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC,
// I-LOC, B-EVENT, I-EVENT ([NumLabels] in all). An I- label may only follow a
// B- or I- label of the same type; [Model.Decode] enforces it.
//
// # Features
//
// Every feature is a 32-bit hash of a template name and a value (word,
// lower-cased word, shape, prefixes and suffixes of 1–4 runes, neighbours
// within ±2 tokens, line position, headline and all-capitals line flags,
// quotes, hand-written gazetteer classes and document-level casing
// evidence). A model keeps 2^Bits weight rows; a feature selects row
// hash mod 2^Bits.
//
// # Model format
//
// [Model.MarshalBinary] writes a little-endian header ("NMNER3", bits, the
// 8-bit scale), the transition matrix, a bitmap of the non-empty rows and
// their weights as int8. It is not compressed: decoding is a copy.
// [Unmarshal] reads it back. Models are immutable after decoding and safe for
// concurrent use.
package seqtag
