// Package topic classifies news text into an IPTC-aligned taxonomy of
// topics, with explainable multilingual rules that need no training and
// trainable classifiers for users with their own labels.
//
// # Taxonomy
//
// The top level is the 17 IPTC Media Topics (arts-culture, conflict, crime,
// disaster, economy, education, environment, health, human-interest, labour,
// lifestyle, politics, religion, science-technology, society, sport,
// weather) with their medtop codes. Below them are the media-monitoring
// subtopics of this library, such as defence > military-cooperation and
// military-exercises, diplomacy, elections, drugs, corruption, cybercrime,
// agriculture, energy > oil-gas, transport, budget > taxation, accident,
// housing > heating and water. Every topic has labels in English, Russian
// and Kazakh ([Classifier.Label], [Classifier.Taxonomy]). The taxonomy is
// the data file data/taxonomy.txt.
//
// # Rules
//
// Built-in scoring works like Europe Media Monitor's topic definitions:
// per topic and language, weighted terms and phrases, and Boolean
// combinations of term sets. The rules are the data files data/en.rules,
// data/ru.rules and data/kk.rules, one statement per line:
//
//	[topic-id]                    following lines score this topic
//	WEIGHT term, term, ...        each term found in the text adds WEIGHT
//	WEIGHT @TYPE: term, ...       each entity of TYPE whose name holds a term adds WEIGHT
//	$name = term, term, ...       a named set of terms (scores nothing by itself)
//	$name = @TYPE: term, ...      a named set of entity terms
//	WEIGHT $a & $b & @LOC>=2      a combination: all text sets in one sentence,
//	                              entity sets and counts anywhere in the document
//
// A term is one or more words. A word ending in '*' matches every word with
// that prefix; a word starting with '=' matches that whole word only; a
// word with an upper-case letter matches that exact spelling (acronyms such
// as UN, SCO, ЕС); any other word matches every word with the same stem:
// Snowball for English and Russian, a light suffix stripper for Kazakh
// (internal/stem). Words are compared folded (lower case, ё→е, NFC) and
// hyphenated words are split into their parts. WEIGHT is a number in
// [-20, 20]; negative weights count against a topic. For example:
//
//	[military-cooperation]
//	3 military cooperation, defence cooperation, collective security
//	$mil = military, armed forces, defence ministry, general staff
//	$coop = cooperation, agreement*, joint, bilateral
//	4 $mil & $coop
//	$bloc = @ORG: CSTO, SCO, ministry of defence
//	3 $bloc & @LOC>=2
//
// [WithRules] adds rule files and [WithTaxonomy] replaces the taxonomy; [New]
// reports an unknown topic id, an empty term, a syntax error or a cycle in
// the parents as an error.
//
// # Scores
//
// Each matched term adds weight·(1+ln n) for n occurrences to its topic. A
// topic's evidence is that of its whole subtree, a term counted once. The
// score is 1−exp(−evidence/scale), with a scale that grows with the square
// root of the text's length (a headline needs one strong term, an article a
// topic that comes back), times 0.6+0.4·(evidence relative to the best
// topic of the same depth). Scores are in [0, 1]; a child never scores
// higher than its parent. [Classifier.Classify] returns the topics scoring
// at least the threshold (0.3, [WithThreshold]) and 55% of the best score,
// with all their ancestors,
// best first, at most 8 ([WithMaxTopics]); the best top-level topic is
// returned even below the threshold when it has any evidence. Each topic
// carries its evidence: the matched words, strongest first.
//
// # Trained models
//
// [Train] fits multinomial naive Bayes or logistic regression (on sublinear
// TF-IDF) to labelled examples, with stems and stem bigrams hashed into 2^18
// features. A [Model] predicts on its own ([Model.Predict]), is saved and
// loaded with [Model.Save] and [Load], and combines with the taxonomy
// through [WithModel].
//
// # Concurrency
//
// A [Classifier] is immutable after [New] and a [Model] after [Train] or
// [Load]; both are safe for concurrent use by multiple goroutines.
// Per-call working memory comes from a sync.Pool.
//
// # Limits
//
// Classify runs in time linear in the length of the text and reads it in
// 32 KiB chunks, so memory stays bounded for any size. Invalid UTF-8 and NUL
// bytes are treated as spaces.
package topic
