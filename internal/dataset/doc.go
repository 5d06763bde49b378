// Package dataset holds what the accuracy runs of the library share about
// the annotated corpora of ../shared/datasets: how the library's output maps
// to each corpus's classes (AG News, BBC, RIA Novosti rubrics), as the
// evaluation contract in DESIGN.md fixes it. examples/evaluate and the
// packages' accuracy tests both use it, so that they score alike.
package dataset
