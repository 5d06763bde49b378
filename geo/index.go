package geo

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/normalize"
)

// tables is the decoded gazetteer.
type tables struct {
	places  []Place
	flags   []uint8         // per place: flagCapital, flagSeat
	names   []uint32        // start offsets of the lines of namesTSV
	members map[regionKey][]string
	country map[string]int32 // ISO 3166-1 alpha-2 -> index of the country
	dem     []uint32 // start offsets of the lines of demonymsTSV
}

type regionKey struct {
	name string
	id   int
}

const (
	flagCapital   = 1 << iota // national capital
	flagSeat                  // seat of a first-level division
	flagCityState             // admin-1 division that is one city (Almaty, Moscow)
)

var kindOf = [256]Kind{'c': Country, 'a': Admin1, 'd': Admin2, 'p': City, 'w': Water, 'r': Region, 'l': Land}

// maxName bounds the length of a name that is looked up; longer input is
// not a place name and is rejected in constant time.
const maxName = 200

// decodeTables parses the generated tables. It trusts them: they are
// written by gen.go and checked by the tests.
func decodeTables() *tables {
	t := &tables{members: map[regionKey][]string{}, country: map[string]int32{}}
	n := strings.Count(placesTSV, "\n")
	t.places = make([]Place, 0, n)
	t.flags = make([]uint8, 0, n)
	s := placesTSV
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s)
		}
		line := s[:i]
		if i < len(s) {
			s = s[i+1:]
		} else {
			s = ""
		}
		var f [9]string
		for k := 0; k < 8; k++ {
			j := strings.IndexByte(line, '\t')
			if j < 0 {
				j = len(line)
			}
			f[k] = line[:j]
			if j < len(line) {
				line = line[j+1:]
			} else {
				line = ""
			}
		}
		f[8] = line
		p := Place{Kind: kindOf[f[0][0]], Country: f[2], Admin1: f[3], Name: f[7]}
		p.GeonameID, _ = strconv.Atoi(f[1])
		p.Lat, _ = strconv.ParseFloat(f[4], 64)
		p.Lon, _ = strconv.ParseFloat(f[5], 64)
		p.Population, _ = strconv.Atoi(f[6])
		var fl uint8
		switch f[8] {
		case "":
		case "capital":
			fl = flagCapital
		case "seat":
			fl = flagSeat
		case "citystate":
			fl = flagCityState
		default:
			if p.Kind == Region {
				t.members[regionKey{p.Name, p.GeonameID}] = strings.Split(f[8], ",")
			}
		}
		if p.Kind == Country {
			t.country[p.Country] = int32(len(t.places))
		}
		t.places = append(t.places, p)
		t.flags = append(t.flags, fl)
	}
	t.names = lineStarts(namesTSV)
	t.dem = lineStarts(demonymsTSV)
	return t
}

func lineStarts(s string) []uint32 {
	out := make([]uint32, 0, strings.Count(s, "\n")+1)
	for i := 0; i < len(s); {
		out = append(out, uint32(i))
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return out
}

// find returns the rest of the line after key+"\t" in a sorted TSV table.
func find(data string, starts []uint32, key string) (string, bool) {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		line := data[starts[m]:]
		if k := strings.IndexByte(line, '\t'); k >= 0 {
			line = line[:k]
		}
		if line < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(starts) {
		return "", false
	}
	line := data[starts[lo]:]
	if !strings.HasPrefix(line, key) || len(line) <= len(key) || line[len(key)] != '\t' {
		return "", false
	}
	line = line[len(key)+1:]
	if e := strings.IndexByte(line, '\n'); e >= 0 {
		line = line[:e]
	}
	return line, true
}

// exact appends the places named exactly key (folded) to dst.
func (t *tables) exact(key string, dst []int32) ([]int32, bool) {
	post, ok := find(namesTSV, t.names, key)
	if !ok {
		return dst, false
	}
	for len(post) > 0 {
		j := strings.IndexByte(post, ' ')
		if j < 0 {
			j = len(post)
		}
		n := 0
		for _, c := range []byte(post[:j]) {
			n = n*10 + int(c-'0')
		}
		dst = append(dst, int32(n))
		if j == len(post) {
			break
		}
		post = post[j+1:]
	}
	return dst, true
}

// foldName folds a name for lookup: normalize.Fold, one space between
// words, no possessive 's, no surrounding punctuation.
func foldName(name string) string {
	if len(name) > 4*maxName {
		return ""
	}
	s := normalize.Fold(name)
	s = strings.TrimFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '.' || r == ',' || r == '(' || r == ')' || r == '-' || r == ':' || r == ';'
	})
	s = strings.TrimSuffix(s, "'s")
	if strings.ContainsAny(s, " \t\n\r\u00a0") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
		}), " ")
	}
	if utf8.RuneCountInString(s) > maxName {
		return ""
	}
	return s
}

// lookup returns the place indices for name, best first.
func (t *tables) lookup(name string, dst []int32) []int32 {
	key := foldName(name)
	if key == "" {
		return dst[:0]
	}
	if out, ok := t.exact(key, dst[:0]); ok {
		return out
	}
	// Type words: "Pavlodar Region", "город Алматы", "Lake Balkhash".
	if base, kinds := stripTypeWord(key); base != "" {
		if out := filterKinds(t, t.inflected(base, dst[:0]), kinds); len(out) > 0 {
			return out
		}
	}
	return t.inflected(key, dst[:0])
}

// inflected looks key up as is and then in the nominative forms that its
// Russian or Kazakh case forms may stand for.
func (t *tables) inflected(key string, dst []int32) []int32 {
	if out, ok := t.exact(key, dst); ok {
		return out
	}
	if !hasCyrillic(key) {
		return dst
	}
	words := strings.Split(key, " ")
	if len(words) > 4 {
		return dst
	}
	var alts [4][]string
	total := 1
	for i, w := range words {
		alts[i] = wordForms(w)
		total *= len(alts[i])
	}
	if total > 256 {
		return dst
	}
	var b strings.Builder
	idx := make([]int, len(words))
	for n := 0; n < total; n++ {
		// Mixed-radix counter over the word forms; n == 0 is the key itself.
		m := n
		for i := len(words) - 1; i >= 0; i-- {
			idx[i] = m % len(alts[i])
			m /= len(alts[i])
		}
		if n == 0 {
			continue
		}
		b.Reset()
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(alts[i][idx[i]])
		}
		if out, ok := t.exact(b.String(), dst); ok {
			return out
		}
	}
	return dst
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if r >= 0x400 && r <= 0x4ff {
			return true
		}
	}
	return false
}

func filterKinds(t *tables, ids []int32, kinds []Kind) []int32 {
	if len(kinds) == 0 {
		return ids
	}
	out := ids[:0]
	for _, id := range ids {
		for _, k := range kinds {
			if t.places[id].Kind == k {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

func (t *tables) demonym(word string) (string, bool) {
	key := foldName(word)
	if key == "" {
		return "", false
	}
	if cc, ok := find(demonymsTSV, t.dem, key); ok {
		return cc, true
	}
	if !hasCyrillic(key) {
		if s, ok := strings.CutSuffix(key, "s"); ok {
			if cc, ok := find(demonymsTSV, t.dem, s); ok {
				return cc, true
			}
		}
		return "", false
	}
	for _, f := range wordForms(key) {
		if cc, ok := find(demonymsTSV, t.dem, f); ok {
			return cc, true
		}
	}
	return "", false
}

// countryIndex appends the index of the country cc to dst.
func (t *tables) countryIndex(cc string, dst []int32) []int32 {
	if i, ok := t.country[cc]; ok {
		dst = append(dst, i)
	}
	return dst
}
