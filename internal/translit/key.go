package translit

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsmon/newsmon/internal/runes"
)

// keyCyr maps lower-case Cyrillic letters to the coarse Latin of keys. It is
// deliberately language-neutral: г is g also for Ukrainian, и/і/ы/й all fold
// to i, ё to e (most Russian text writes е for it).
var keyCyr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "j",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "h", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "sh", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e", 'ю': "iu",
	'я': "ia", 'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'і': "i", 'є': "e", 'ї': "i", 'ґ': "g", 'ў': "u",
}

// keyCyrTable is keyCyr as an array over U+0400..U+04FF ("-" = absent),
// for the hot path of Key.
var keyCyrTable = func() (t [0x100]string) {
	for i := range t {
		t[i] = "-"
	}
	for r, k := range keyCyr {
		t[r-0x400] = k
	}
	return t
}()

// keyLatin maps Latin letters outside ASCII that do not decompose into an
// ASCII letter plus marks, or whose decomposition would mislead.
var keyLatin = map[rune]string{
	'ş': "sh", 'ç': "ch", 'ı': "i", 'ğ': "g", 'ñ': "n", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'ø': "o", 'đ': "d", 'ł': "l", 'þ': "th", 'ð': "d", 'ŋ': "n", 'š': "sh", 'ž': "j", 'č': "ch",
}

// Key returns the script-independent matching key of a name: lower-case
// ASCII letters and digits, words separated by one space. Cyrillic (Russian,
// Ukrainian, Kazakh) and Latin spellings of one name usually share a key:
// Key("Тоқаев"), Key("Токаев"), Key("Tokayev") and Key("Toqaev") are all
// "tokaev". Punctuation, hyphens and spaces separate words; apostrophes,
// soft and hard signs vanish; characters of other scripts are kept, lower
// cased. Key of a string with no letters or digits is "".
func Key(s string) string {
	// One pass over s: the letters of the current word go to word, which
	// appendWord folds and appends to out. Both live on the stack for names of
	// ordinary length; the one allocation is the returned string.
	var outBuf, wordBuf, tmpBuf [64]byte
	out, word, tmp := outBuf[:0], wordBuf[:0], tmpBuf[:0]
	upper, lower := 0, 0
	ascii := true // the word is written in plain ASCII letters
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := runes.Decode(s[i:]); n <= 1 {
				continue
			}
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				upper++
				word = append(word, c+'a'-'A')
			case 'a' <= c && c <= 'z':
				lower++
				word = append(word, c)
			case '0' <= c && c <= '9':
				word = append(word, c)
			case c == '\'' || c == '`':
			default:
				if len(word) > 0 {
					out, tmp = appendWord(out, word, tmp, upper, lower, ascii)
					word, upper, lower, ascii = word[:0], 0, 0, true
				}
			}
			continue
		}
		if runes.IsUpper(r) {
			upper++
		} else if runes.IsLower(r) {
			lower++
		}
		if runes.IsLetter(r) {
			ascii = false
		}
		switch r {
		case '’', 'ʼ', '‘', 'ʻ', '´':
			continue
		}
		lr := runes.ToLower(r)
		if 0x400 <= lr && lr < 0x500 {
			if t := keyCyrTable[lr-0x400]; t != "-" {
				word = append(word, t...)
				continue
			}
		}
		if t, ok := keyLatin[lr]; ok {
			word = append(word, t...)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if !runes.IsLetter(r) && !unicode.IsDigit(r) {
			if len(word) > 0 {
				out, tmp = appendWord(out, word, tmp, upper, lower, ascii)
				word, upper, lower, ascii = word[:0], 0, 0, true
			}
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			wrote := false
			for _, d := range norm.NFD.String(string(lr)) {
				if d < utf8.RuneSelf && runes.IsLetter(d) {
					word = utf8.AppendRune(word, d)
					wrote = true
				}
			}
			if wrote {
				continue
			}
		}
		word = utf8.AppendRune(word, lr)
	}
	if len(word) > 0 {
		out, _ = appendWord(out, word, tmp, upper, lower, ascii)
	}
	return string(out)
}

// appendWord folds word, which has upper upper-case and lower lower-case
// letters, and appends it to out. It returns out and tmp, a scratch buffer;
// word's contents are spent.
func appendWord(out, word, tmp []byte, upper, lower int, ascii bool) ([]byte, []byte) {
	w := word
	// Acronyms (two to five capitals) keep their letters as they are:
	// EEC is not EC.
	if upper < 2 || lower > 0 || upper > 5 {
		if ascii {
			tmp = english(tmp[:0], word)
			w = keyWord(word[:0], tmp)
		} else {
			tmp = keyWord(tmp[:0], word)
			w = tmp
		}
	}
	if len(w) > 0 {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
	}
	return out, tmp
}

// rewrite appends w to dst with romanization variants folded in one
// left-to-right pass, longest match first at each position: dzh dj zh -> j,
// kh -> h, gh -> g, ph -> f, ck -> k, ng -> n, q -> k, w -> v, y -> i,
// x -> ks.
func rewrite(dst, w []byte) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'd' && i+2 < len(w) && w[i+1] == 'z' && w[i+2] == 'h' {
			dst = append(dst, 'j')
			i += 2
			continue
		}
		if i+1 < len(w) {
			if to := digraph(c, w[i+1]); to != 0 {
				dst = append(dst, to)
				i++
				continue
			}
		}
		switch c {
		case 'q':
			dst = append(dst, 'k')
		case 'w':
			dst = append(dst, 'v')
		case 'y':
			dst = append(dst, 'i')
		case 'x':
			dst = append(dst, 'k', 's')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// digraphs are the two-letter spellings rewrite folds to one letter.
var digraphs = [...]struct{ a, b, to byte }{
	{'d', 'j', 'j'}, {'z', 'h', 'j'}, {'k', 'h', 'h'}, {'g', 'h', 'g'}, {'p', 'h', 'f'}, {'c', 'k', 'k'}, {'n', 'g', 'n'},
}

// digraph returns the letter that a followed by b folds to, or 0.
func digraph(a, b byte) byte {
	for _, d := range digraphs {
		if d.a == a && d.b == b {
			return d.to
		}
	}
	return 0
}

// keyWord appends the folded form of the lower-case word w to dst, which
// must not overlap w, and returns the folded form.
func keyWord(dst, w []byte) []byte {
	b := rewrite(dst, w)
	// In place: h is g, doubled letters are one.
	out := b[:0]
	var prev byte // the letter before b[i] as rewrite left it
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 'h' && (i == 0 || prev != 's' && prev != 'c') {
			// h and g: Ukrainian г is h, Russian renders foreign h as г or х
			// (Гамбург, Нетаньяху/Нетаньягу); kh has become h above.
			c = 'g'
		}
		prev = b[i]
		if n := len(out); n > 0 && out[n-1] == c && c < utf8.RuneSelf && !isDigit(c) {
			continue // doubled letters: Kassym/Касым, Jenner/Дженер
		}
		out = append(out, c)
	}
	b = out
	// i between vowels is a glide the romanizations disagree on:
	// Tokayev -> tokaiev, Токаев -> tokaev.
	c := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == 'i' && i > 0 && i+1 < len(b) && isVowel(b[i-1]) && isVowel(b[i+1]) {
			continue
		}
		c = append(c, b[i])
	}
	// Word-initial ie/io: Yevgeny/Евгений, Yelena/Елена.
	if len(c) > 2 && c[0] == 'i' && (c[1] == 'e' || c[1] == 'o') {
		c = c[1:]
	}
	return c
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// english appends w to dst with English spelling conventions folded, so
// that words written in plain ASCII meet their Cyrillic renderings: c is k,
// or s before e, i, y (Collinson/Коллинсон, Cecil/Сесил); th is t
// (Smith/Смит); ee is i and oo is u (Reed/Рид, Cooley/Кули).
func english(dst, w []byte) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'c' && (next == 'h' || next == 'k' || next == 'z'):
			dst = append(dst, c) // ch, ck, cz: digraphs handled later
		case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			dst = append(dst, 's')
		case c == 'c':
			dst = append(dst, 'k')
		case c == 't' && next == 'h':
			dst = append(dst, 't')
			i++
		case c == 'e' && next == 'e':
			dst = append(dst, 'i')
			i++
		case c == 'o' && next == 'o':
			dst = append(dst, 'u')
			i++
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
