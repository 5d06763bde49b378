package lang

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/langmodel"
	"github.com/newsmon/newsmon/internal/runes"
)

const (
	// chunkKeys is how many feature keys are scored between two checks for
	// an early decision past the middle of a whole text (Detect);
	// pieceChunkKeys is the same for a segment piece, which may stop as
	// soon as it is decided. Checking a piece twice as often reads 10-12%
	// fewer keys: on the held-out lingua sentences and on paragraphs of
	// three of them, the answers agreed with a full read as often as with
	// 192 (0.9999 and 0.9936 of the time).
	chunkKeys      = 192
	pieceChunkKeys = 96
	// decisiveNats is the lead, in nats, of the best language over the
	// second that ends reading early.
	decisiveNats = 200
	// continueNats is the lead that ends reading a segment piece early when
	// the leader is the language of the piece before it: a page seldom
	// switches language from one line to the next, so staying needs less
	// evidence than switching. On the held-out lingua sentences read as
	// pages (a line of another language every seventh), 80 instead of 200
	// reads 23% fewer keys; the answers agree with a full read 0.9996 of
	// the time (0.9999 before) and the switched lines 0.9990 (unchanged):
	// TestPiecesAgreeWithFullRead.
	continueNats = 80
	// maxKeys bounds the features read from one text (a few thousand
	// letters), so Detect takes bounded time on huge inputs.
	maxKeys = 1 << 14
	// maxAlternatives bounds Result.Alternatives.
	maxAlternatives = 4
)

// temperature divides log-likelihood differences before they become
// probabilities: naive Bayes counts overlapping n-grams as independent
// evidence and is overconfident without it. Chosen on the dev set so that
// confidence tracks accuracy.
const temperature = 6.0

// outcome is what detection found, before it is dressed as a Result.
type outcome struct {
	class   int     // best class; -1 for Und
	conf    float64 // probability of class among candidates
	norm    float64 // softmax normalizer: 1/conf
	script  int     // dominant script, index in langmodel.Scripts
	letters int     // word runes read
	words   int     // words read
}

// Detect returns the language of text as a whole; for pages that mix
// languages, see [Detector.Segments]. Text with no letters (digits,
// punctuation, URLs, e-mail addresses, invalid UTF-8) gives [Und] with
// confidence 0. Detect reads at most about 16,000 features (some 3,000
// letters from the start of text), and stops past the middle of text once one
// language clearly leads, so its time is bounded whatever the length of
// text.
func (d *Detector) Detect(text string) Result {
	s := d.pool.Get().(*scratch)
	defer d.pool.Put(s)
	o := d.run(s, text, false, -1)
	r := Result{Language: Und, Script: scriptTag(o.script)}
	if o.class < 0 {
		return r
	}
	r.Language, r.Confidence = d.tags[o.class], o.conf
	// Alternatives: the next best classes by the scores left in s by run,
	// picked by repeated scans (there are few), with the normalizer o.norm.
	best := s.scores[o.class]
	taken := [maxAlternatives + 1]int{o.class, -1, -1, -1, -1}
	for n := 1; n <= maxAlternatives; n++ {
		alt := -1
		for c, v := range s.scores {
			if math.IsInf(v, -1) || slices.Contains(taken[:n], c) {
				continue
			}
			if alt < 0 || v > s.scores[alt] {
				alt = c
			}
		}
		if alt < 0 {
			break
		}
		p := math.Exp((s.scores[alt]-best)/temperature) / o.norm
		if p < 0.001 {
			break
		}
		taken[n] = alt
		if r.Alternatives == nil {
			r.Alternatives = make([]Alternative, 0, maxAlternatives)
		}
		r.Alternatives = append(r.Alternatives, Alternative{Language: d.tags[alt], Confidence: p})
	}
	return r
}

// run scores text and leaves the class scores in s.scores. With early set
// it may stop as soon as the leader is decisive; otherwise only past the
// middle of the text. prior is the class expected from the context (see
// decided), or -1.
func (d *Detector) run(s *scratch, text string, early bool, prior int) outcome {
	s.x.Reset()
	s.sc.Reset()
	m := d.m
	chunk := chunkKeys
	if early {
		chunk = pieceChunkKeys
	}
	for i := 0; i < len(text) && s.sc.Keys < maxKeys; {
		// Skip white space, then take one field.
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = runes.Decode(text[i:])
		}
		if isSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, size = runes.Decode(text[j:])
			}
			if isSpace(r) {
				break
			}
			j += size
		}
		field := text[i:j]
		i = j
		if skipField(field) {
			continue
		}
		keys := s.x.Append(field)
		if len(keys) < chunk {
			continue
		}
		m.Add(s.sc, keys)
		s.x.ClearKeys()
		// A whole page stops early only past its middle, so that a page
		// that opens with a few lines in another language is still judged
		// by most of it; a segment piece (a line or a few sentences) may
		// stop as soon as one language leads decisively.
		if (early || 2*i >= len(text)) && d.decided(s, prior) {
			break
		}
	}
	m.Add(s.sc, s.x.Append(""))
	s.x.ClearKeys()

	o := outcome{class: -1, script: langmodel.Dominant(&s.x.Scripts), words: s.x.Words}
	for _, n := range s.x.Scripts {
		o.letters += n
	}
	// With no feature known to any class (a rare Han character), the script
	// and the class priors still decide, with low confidence.
	if o.script == langmodel.ScriptNone || !m.Mask(o.script, d.allowed, s.mask) {
		for c := range s.scores {
			s.scores[c] = math.Inf(-1)
		}
		return o
	}
	m.Scores(s.sc, s.mask, s.scores)
	best := -1
	for c, v := range s.scores {
		if s.mask[c] && (best < 0 || v > s.scores[best]) {
			best = c
		}
	}
	sum := 0.0
	for c, v := range s.scores {
		if x := (v - s.scores[best]) / temperature; s.mask[c] && x > -40 {
			sum += math.Exp(x)
		}
	}
	o.class, o.conf, o.norm = best, 1/sum, sum
	return o
}

// decided reports whether one language leads the others by decisiveNats
// on the evidence so far, or by continueNats if it is prior, the language
// of the piece before (-1 for none).
func (d *Detector) decided(s *scratch, prior int) bool {
	script := langmodel.Dominant(&s.x.Scripts)
	if script == langmodel.ScriptNone || !d.m.Mask(script, d.allowed, s.mask) {
		return false
	}
	d.m.Scores(s.sc, s.mask, s.scores)
	first, second, arg := math.Inf(-1), math.Inf(-1), -1
	for c, v := range s.scores {
		if !s.mask[c] {
			continue
		}
		if v > first {
			first, second, arg = v, first, c
		} else if v > second {
			second = v
		}
	}
	if arg == prior {
		return first-second >= continueNats
	}
	return first-second >= decisiveNats
}

// isSpace reports whether r separates fields.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u200b'
}

// skipField reports whether a white-space-separated field carries no
// language: a URL, a domain name, an e-mail address or a handle.
func skipField(f string) bool {
	if len(f) < 4 {
		return false
	}
	if strings.Contains(f, "://") || hasPrefixFold(f, "www.") {
		return true
	}
	if at := strings.IndexByte(f, '@'); at >= 0 && (at == 0 || strings.IndexByte(f[at:], '.') > 0) {
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scriptTag turns a langmodel script index into a language.Script.
func scriptTag(i int) language.Script {
	if i <= langmodel.ScriptNone || i >= langmodel.ScriptOther {
		return zzzz
	}
	s, err := language.ParseScript(langmodel.Scripts[i])
	if err != nil {
		return zzzz
	}
	return s
}
