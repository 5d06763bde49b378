// Package dataset holds what the accuracy runs and trainers of the library
// share about the annotated corpora of ../shared/datasets: readers of the NER
// corpora (factRuEval-2016, NEREL, SlavicNER, CoNLL-2003, KazNERD) that
// give gold mentions in byte offsets, and how each corpus's types and
// classes map to the library's (NER types; AG News, BBC, RIA Novosti
// rubrics), as the evaluation contract in DESIGN.md fixes it.
// examples/evaluate, internal/cmd/train-ner and the packages' accuracy tests
// use it, so that they read and score alike.
package dataset
