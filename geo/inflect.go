package geo

import (
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/runes"
)

// Russian and Kazakh place names change their endings by case: Павлодар,
// в Павлодаре; Карагандинская область, Карагандинской области; Астана,
// Астанада; Қарағанды облысы, Қарағанды облысының. The gazetteer stores
// nominative forms, so a lookup that misses tries the nominatives a form
// may stand for. These rules over-generate on purpose: a form that is no
// name in the tables costs one binary search.

// ruNoun are Russian noun case endings with the nominative endings they may
// replace ("" keeps the bare stem: Павлодаре -> Павлодар).
var ruNoun = []struct {
	end  string
	noms []string
}{
	{"ами", []string{"а", "я", "ы", "и", ""}},
	{"ями", []string{"я", "и", "ь"}},
	{"ом", []string{"", "о"}},
	{"ем", []string{"ь", "й", "е", ""}},
	{"ой", []string{"а"}},
	{"ей", []string{"я", "ь", "и"}},
	{"ою", []string{"а"}},
	{"ах", []string{"а", "ы", "и", ""}},
	{"ях", []string{"я", "и"}},
	{"ам", []string{"а", "ы", "и", ""}},
	{"ям", []string{"я", "и"}},
	{"ов", []string{"ы", "и"}},
	{"ев", []string{"ы", "и"}},
	{"ии", []string{"ия", "ь"}},
	{"ие", []string{"ия"}},
	{"ию", []string{"ия"}},
	{"а", []string{"", "о", "ь"}},
	{"я", []string{"ь", "й", "е"}},
	{"у", []string{"", "а", "о"}},
	{"ю", []string{"ь", "я", "й"}},
	{"е", []string{"", "а", "о", "й", "ь", "я"}},
	{"и", []string{"ь", "а", "я", "ы", "ия", "й"}},
	{"ы", []string{"а", ""}},
}

// ruAdj are Russian adjective endings; an adjectival name is stored in the
// nominative of its gender (Карагандинская область, Красный Яр).
var ruAdj = []string{"ого", "его", "ому", "ему", "ой", "ей", "ую", "юю", "ом", "ем", "ым", "им", "ых", "их", "ыми", "ими", "ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый"}
var ruAdjNom = []string{"ая", "ий", "ый", "ой", "ое", "яя", "ые", "ие"}

// kkSuffix are Kazakh case suffixes (genitive, dative, locative, ablative,
// accusative, instrumental), longest first. After a possessive (облысы)
// they take an extra н: облысының, облысында, облысынан.
var kkSuffix = []string{
	"ының", "інің", "ынан", "інен", "ында", "інде", "ына", "іне", "ның", "нің", "дың", "дің", "тың", "тің",
	"нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "мен", "бен", "пен",
	"ға", "ге", "қа", "ке", "да", "де", "та", "те", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін", "н", "а", "е",
}

// ukNoun are Ukrainian noun case endings with the nominative endings they
// may replace: у Вашингтоні, в Одесі, у Дніпрі, у Маріуполі, до Криму,
// Одесою, Росії, у Черкасах. The stem of Київ, Львів, Харків has о, е or є
// for і, ї before its last consonant in every other case (Києві, Львова,
// Харкову): see ukAlternation.
var ukNoun = []struct {
	end  string
	noms []string
}{
	{"ами", []string{"и", "а", ""}},
	{"ями", []string{"і", "я"}},
	{"ією", []string{"ія"}},
	{"ії", []string{"ія"}},
	{"ію", []string{"ія"}},
	{"ом", []string{"", "о"}},
	{"ем", []string{"ь", "е", ""}},
	{"єм", []string{"й"}},
	{"ою", []string{"а"}},
	{"ею", []string{"я", "а"}},
	{"єю", []string{"я"}},
	{"ах", []string{"и", "а", ""}},
	{"ях", []string{"і", "я"}},
	{"ам", []string{"и", "а", ""}},
	{"ям", []string{"і", "я"}},
	{"ів", []string{"и", "і"}},
	{"ові", []string{""}},
	{"еві", []string{"ь", "й"}},
	{"і", []string{"", "а", "я", "о", "ь", "е", "й"}},
	{"у", []string{"", "а", "о"}},
	{"ю", []string{"ь", "я", "й"}},
	{"а", []string{"", "о", "ь"}},
	{"я", []string{"ь", "й", "е"}},
	{"и", []string{"а", ""}},
	{"ї", []string{"я"}},
}

// ukAdj are Ukrainian adjective endings (Запорізької, Запорізькій,
// Запорізьку, Хмельницького); an adjectival name is stored in the
// nominative of its gender (Запорізька область, Хмельницький).
var ukAdj = []string{"ого", "ому", "ими", "ої", "ій", "ою", "им", "ім", "их", "у", "ю"}
var ukAdjNom = []string{"а", "ий", "е", "і", "ій"}

// Which case systems wordForms undoes.
const (
	formsRU  = 1 << iota // Russian noun and adjective endings
	formsKK              // Kazakh case suffixes
	formsUK              // Ukrainian noun and adjective endings
	formsAll = formsRU | formsKK | formsUK
)

// wordForms returns w followed by the nominative forms it may stand for
// under the case systems of mode. w must be folded. At most a few dozen
// forms are returned.
func wordForms(w string, mode int) []string {
	out := []string{w}
	if runes.Count(w) < 4 || !hasCyrillic(w) {
		return out
	}
	add := func(s string) {
		if runes.Count(s) < 2 {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	if mode&formsRU != 0 {
		ruForms(w, add)
	}
	if mode&formsKK != 0 {
		kkForms(w, add)
	}
	if mode&formsUK != 0 {
		ukForms(w, add)
	}
	return out
}

func ukForms(w string, add func(string)) {
	for _, e := range ukNoun {
		if stem, ok := strings.CutSuffix(w, e.end); ok && runes.Count(stem) >= 2 {
			for _, n := range e.noms {
				add(stem + n)
				if n == "" {
					if alt, ok := ukAlternation(stem); ok {
						add(alt)
					}
				}
			}
		}
	}
	for _, e := range ukAdj {
		if stem, ok := strings.CutSuffix(w, e); ok && runes.Count(stem) >= 3 {
			for _, n := range ukAdjNom {
				add(stem + n)
			}
			break
		}
	}
}

// ukAlternation returns the nominative stem of a Ukrainian oblique stem
// whose last syllable has о, е or є before one final consonant: Львов ->
// Львів, Харков -> Харків, Києв -> Київ, Миколаєв -> Миколаїв.
func ukAlternation(stem string) (string, bool) {
	last, n := utf8.DecodeLastRuneInString(stem)
	if n == 0 || strings.ContainsRune("аеєиіїоуюяьй'", last) {
		return "", false
	}
	v, m := utf8.DecodeLastRuneInString(stem[:len(stem)-n])
	var to rune
	switch v {
	case 'о', 'е':
		to = 'і'
	case 'є':
		to = 'ї'
	default:
		return "", false
	}
	head := stem[:len(stem)-n-m]
	if runes.Count(head) < 1 {
		return "", false
	}
	return head + string(to) + string(last), true
}

func ruForms(w string, add func(string)) {
	for _, e := range ruNoun {
		if stem, ok := strings.CutSuffix(w, e.end); ok {
			for _, n := range e.noms {
				add(stem + n)
			}
		}
	}
	for _, e := range ruAdj {
		if stem, ok := strings.CutSuffix(w, e); ok && runes.Count(stem) >= 3 {
			for _, n := range ruAdjNom {
				add(stem + n)
			}
			break
		}
	}
}

func kkForms(w string, add func(string)) {
	for _, e := range kkSuffix {
		if stem, ok := strings.CutSuffix(w, e); ok && runes.Count(stem) >= 3 {
			add(stem)
			// A possessive before the case suffix: облыс-ы-ның.
			if strings.HasSuffix(e, "ының") || strings.HasPrefix(e, "ын") {
				add(stem + "ы")
			}
			if strings.HasPrefix(e, "ін") {
				add(stem + "і")
			}
		}
	}
}

// typeWords are words that say what kind of place a name is, in en/ru/kk,
// with the kinds they allow. Russian words are given in the forms that
// precede or follow a name.
var typeWords = []struct {
	word   string
	prefix bool // the word stands before the name (город Алматы, Lake Balkhash)
	kinds  []Kind
}{
	{"region", false, []Kind{Admin1, Admin2, Region}},
	{"oblast", false, []Kind{Admin1}},
	{"oblysy", false, []Kind{Admin1}},
	{"province", false, []Kind{Admin1, Admin2}},
	{"state", false, []Kind{Admin1}},
	{"county", false, []Kind{Admin2}},
	{"parish", false, []Kind{Admin2}},
	{"counties", false, []Kind{Admin2}},
	{"parishes", false, []Kind{Admin2}},
	{"district", false, []Kind{Admin2, Admin1}},
	{"city", false, []Kind{City, Admin1}},
	{"city of", true, []Kind{City, Admin1}},
	{"town of", true, []Kind{City}},
	{"town", false, []Kind{City}},
	{"village", false, []Kind{City}},
	{"sea", false, []Kind{Water}},
	{"lake", true, []Kind{Water}},
	{"lake", false, []Kind{Water}},
	{"river", false, []Kind{Water}},
	{"mountains", false, []Kind{Land}},
	{"desert", false, []Kind{Land}},
	{"state of", true, []Kind{Admin1}},
	{"republic of", true, []Kind{Country, Admin1}},
	{"область", false, []Kind{Admin1}},
	{"области", false, []Kind{Admin1}},
	{"областью", false, []Kind{Admin1}},
	{"области", true, []Kind{Admin1}},
	{"область", true, []Kind{Admin1}},
	{"облысы", false, []Kind{Admin1}},
	{"облысында", false, []Kind{Admin1}},
	{"облысының", false, []Kind{Admin1}},
	{"облысына", false, []Kind{Admin1}},
	{"облысынан", false, []Kind{Admin1}},
	{"місто", true, []Kind{City, Admin1}},
	{"місті", true, []Kind{City, Admin1}},
	{"міста", true, []Kind{City, Admin1}},
	{"м.", true, []Kind{City, Admin1}},
	{"штат", true, []Kind{Admin1}},
	{"штате", true, []Kind{Admin1}},
	{"штаті", true, []Kind{Admin1}},
	{"штата", true, []Kind{Admin1}},
	{"штату", true, []Kind{Admin1}},
	{"region of", true, []Kind{Admin1, Admin2, Region}},
	{"province of", true, []Kind{Admin1, Admin2}},
	{"город", true, []Kind{City, Admin1}},
	{"городе", true, []Kind{City, Admin1}},
	{"города", true, []Kind{City, Admin1}},
	{"г.", true, []Kind{City, Admin1}},
	{"қаласы", false, []Kind{City, Admin1}},
	{"қаласында", false, []Kind{City, Admin1}},
	{"қаласының", false, []Kind{City, Admin1}},
	{"район", false, []Kind{Admin2}},
	{"районе", false, []Kind{Admin2}},
	{"ауданы", false, []Kind{Admin2}},
	{"районі", false, []Kind{Admin2}},
	{"морі", false, []Kind{Water}},
	{"річка", true, []Kind{Water}},
	{"річці", true, []Kind{Water}},
	{"море", false, []Kind{Water}},
	{"моря", false, []Kind{Water}},
	{"море", true, []Kind{Water}},
	{"теңізі", false, []Kind{Water}},
	{"озеро", true, []Kind{Water}},
	{"озера", true, []Kind{Water}},
	{"көлі", false, []Kind{Water}},
	{"река", true, []Kind{Water}},
	{"реке", true, []Kind{Water}},
	{"өзені", false, []Kind{Water}},
}

// stripTypeWord removes one type word from a folded name and returns the
// rest with the kinds the word allows; base is "" when there is none.
func stripTypeWord(key string) (base string, kinds []Kind) {
	if strings.IndexByte(key, ' ') < 0 {
		return "", nil
	}
	for _, tw := range typeWords {
		n := len(tw.word)
		if len(key) <= n+1 {
			continue
		}
		if tw.prefix {
			if key[n] == ' ' && key[:n] == tw.word {
				return key[n+1:], tw.kinds
			}
		} else if key[len(key)-n-1] == ' ' && key[len(key)-n:] == tw.word {
			return key[:len(key)-n-1], tw.kinds
		}
	}
	return "", nil
}

// typeWordKinds returns the kinds allowed by a type word, or nil.
func typeWordKinds(w string, prefix bool) []Kind {
	for _, tw := range typeWords {
		if tw.word == w && tw.prefix == prefix {
			return tw.kinds
		}
	}
	return nil
}
