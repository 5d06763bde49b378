package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	var out, word strings.Builder
	out.Grow(len(s) + 8)
	upper, lower := 0, 0
	ascii := true // the word is written in plain ASCII letters
	flush := func() {
		if word.Len() == 0 {
			return
		}
		// Acronyms (two to five capitals) keep their letters as they are:
		// EEC is not EC.
		w := word.String()
		if upper < 2 || lower > 0 || upper > 5 {
			if ascii {
				w = english(w)
			}
			w = keyWord(w)
		}
		word.Reset()
		upper, lower, ascii = 0, 0, true
		if w == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(w)
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				continue
			}
		}
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			ascii = false
		}
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				word.WriteByte(c + 'a' - 'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				word.WriteByte(c)
			case c == '\'' || c == '`':
			default:
				flush()
			}
			continue
		case r == '’' || r == 'ʼ' || r == '‘' || r == 'ʻ' || r == '´':
			continue
		}
		lr := unicode.ToLower(r)
		if 0x400 <= lr && lr < 0x500 {
			if k := keyCyrTable[lr-0x400]; k != "-" {
				word.WriteString(k)
				continue
			}
		}
		if k, ok := keyLatin[lr]; ok {
			word.WriteString(k)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			wrote := false
			for _, d := range norm.NFD.String(string(lr)) {
				if d < utf8.RuneSelf && unicode.IsLetter(d) {
					word.WriteRune(d)
					wrote = true
				}
			}
			if wrote {
				continue
			}
		}
		word.WriteRune(lr)
	}
	flush()
	return out.String()
}

// keyRewrites fold romanization variants, longest match first at each
// position: dzh dj zh -> j, kh -> h, gh -> g, ph -> f, ck -> k, q -> k,
// w -> v, y -> i, x -> ks, ng -> n.
var keyRewrites = [...]struct{ from, to string }{
	{"dzh", "j"}, {"dj", "j"}, {"zh", "j"}, {"kh", "h"}, {"gh", "g"}, {"ph", "f"}, {"ck", "k"},
	{"ng", "n"}, {"q", "k"}, {"w", "v"}, {"y", "i"}, {"x", "ks"},
}

// rewrite applies keyRewrites in one left-to-right pass.
func rewrite(w string) string {
	var b []byte
	for i := 0; i < len(w); {
		matched := false
		switch w[i] {
		case 'd', 'z', 'k', 'g', 'p', 'c', 'n', 'q', 'w', 'y', 'x':
		default:
			if b != nil {
				b = append(b, w[i])
			}
			i++
			continue
		}
		for _, r := range keyRewrites {
			if len(w)-i >= len(r.from) && w[i:i+len(r.from)] == r.from {
				if b == nil {
					b = make([]byte, 0, len(w)+2)
					b = append(b, w[:i]...)
				}
				b = append(b, r.to...)
				i += len(r.from)
				matched = true
				break
			}
		}
		if !matched {
			if b != nil {
				b = append(b, w[i])
			}
			i++
		}
	}
	if b == nil {
		return w
	}
	return string(b)
}

// keyWord folds one lower-case word.
func keyWord(w string) string {
	w = rewrite(w)
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'h' && (i == 0 || w[i-1] != 's' && w[i-1] != 'c') {
			// h and g: Ukrainian г is h, Russian renders foreign h as г or х
			// (Гамбург, Нетаньяху/Нетаньягу); kh has become h above.
			c = 'g'
		}
		if n := len(b); n > 0 && b[n-1] == c && c < utf8.RuneSelf && !isDigit(c) {
			continue // doubled letters: Kassym/Касым, Jenner/Дженер
		}
		b = append(b, c)
	}
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
	return string(c)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// english folds English spelling conventions of words written in plain
// ASCII, so that they meet their Cyrillic renderings: c is k, or s before
// e, i, y (Collinson/Коллинсон, Cecil/Сесил); th is t (Smith/Смит); ee is i
// and oo is u (Reed/Рид, Cooley/Кули).
func english(w string) string {
	if !strings.ContainsAny(w, "cte") && !strings.Contains(w, "oo") {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'c' && (next == 'h' || next == 'k' || next == 'z'):
			b = append(b, c) // ch, ck, cz: digraphs handled later
		case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			b = append(b, 's')
		case c == 'c':
			b = append(b, 'k')
		case c == 't' && next == 'h':
			b = append(b, 't')
			i++
		case c == 'e' && next == 'e', c == 'o' && next == 'o':
			b = append(b, map[byte]byte{'e': 'i', 'o': 'u'}[c])
			i++
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
