// Package newsmon analyzes news text for media monitoring: which language
// each part is in, which people, organizations, places and named events it
// names, where those places are, and what it is about.
//
// # Usage
//
//	a, err := newsmon.New()                  // build once
//	rep, err := a.Analyze(ctx, text)         // one document
//	for rep, err := range a.AnalyzeAll(ctx, docs) { ... } // many, in order
//
// The packages lang, entity, geo and topic are each usable alone; this
// package wires them: it splits the document into language segments, tags
// entities in each segment with that language's model, links mentions into
// entities, resolves places and scores topics with the entities as evidence.
//
// # Concurrency
//
// An [Analyzer] is immutable after [New] and safe for concurrent use by
// multiple goroutines. [Analyzer.AnalyzeAll] runs its own workers.
//
// # Offsets
//
// Offsets in a [Report] are half-open byte offsets into the caller's string:
// text[m.Start:m.End] == m.Text. Invalid UTF-8 and NUL bytes are skipped,
// never fatal, and offsets still index the original bytes.
//
// # JSON
//
// [Report] marshals to the Report JSON of the design document, a contract
// read by tools outside this module. Languages are BCP 47 strings there.
package newsmon
