package geo

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/geo/internal/key"
	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
)

// tables is the gazetteer over the generated strings. Places are parsed
// from their line on demand, so that start-up only indexes line offsets.
type tables struct {
	lines   []uint32               // start offsets of the lines of placesTSV
	names   []uint32               // start offsets of the lines of namesTSV
	byName  lineHash               // namesTSV's lines by key, for exact look-ups
	dem     []uint32               // start offsets of the lines of demonymsTSV
	demPre  map[string]struct{}    // the first three letters of every demonym, folded
	members map[regionKey][]string // region -> member countries
	admin1  map[uint64]string      // packed country and code suffix (see isoKey) -> ISO 3166-2 code, a substring of admin1TSV
	country map[string]int32       // ISO 3166-1 alpha-2 -> index of the country
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

// decodeTables indexes the generated tables. It trusts them: they are
// written by gen.go and checked by the tests.
func decodeTables() *tables {
	t := &tables{members: map[regionKey][]string{}, country: map[string]int32{}, admin1: map[uint64]string{}}
	for rest := admin1TSV; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		if cc, suffix, ok := strings.Cut(line, "-"); ok {
			if k, ok := isoKey(cc, suffix); ok {
				t.admin1[k] = line
			}
		}
		rest = next
	}
	t.lines = lineStarts(placesTSV)
	for i, off := range t.lines {
		switch placesTSV[off] {
		case 'c', 'r':
			p, fl := t.parse(int32(i))
			if p.Kind == Country {
				t.country[p.Country] = int32(i)
			} else if fl != "" {
				t.members[regionKey{p.Name, p.GeonameID}] = strings.Split(fl, ",")
			}
		}
	}
	t.names = lineStarts(namesTSV)
	t.byName = hashLines(namesTSV, t.names)
	t.dem = lineStarts(demonymsTSV)
	t.demPre = map[string]struct{}{}
	for _, off := range t.dem {
		line := demonymsTSV[off:]
		if j := strings.IndexByte(line, '\t'); j >= 0 {
			line = line[:j]
		}
		var buf [16]byte
		if p, ok := prefix3(line, buf[:0]); ok {
			t.demPre[string(p)] = struct{}{}
		}
	}
	return t
}

// line returns the text of place i without its newline.
func (t *tables) line(i int32) string {
	s := placesTSV[t.lines[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

// kind returns the kind of place i.
func (t *tables) kind(i int32) Kind { return kindOf[placesTSV[t.lines[i]]] }

// place returns place i.
func (t *tables) place(i int32) Place {
	p, _ := t.parse(i)
	return p
}

// hamletPop is the population under which a town without a capital's or
// seat's flag is a hamlet for [Gazetteer.KindOf].
const hamletPop = 1000

// hamlet reports whether place i is a town of under hamletPop people that
// is no capital or seat.
func (t *tables) hamlet(i int32) bool {
	if t.kind(i) != City {
		return false
	}
	p, fl := t.parse(i)
	return p.Population < hamletPop && fl == ""
}

// flags returns the flags of place i.
func (t *tables) flags(i int32) uint8 {
	line := t.line(i)
	j := strings.LastIndexByte(line, '\t')
	switch line[j+1:] {
	case "capital":
		return flagCapital
	case "seat":
		return flagSeat
	case "citystate":
		return flagCityState
	}
	return 0
}

// parse decodes place i and returns its last field (members or flags).
func (t *tables) parse(i int32) (Place, string) {
	line := t.line(i)
	var f [8]string
	for k := 0; k < 7; k++ {
		j := strings.IndexByte(line, '\t')
		if j < 0 {
			j = len(line)
		}
		f[k] = line[:j]
		line = line[min(j+1, len(line)):]
	}
	f[7] = line
	if f[0] == "" {
		return Place{}, ""
	}
	p := Place{Kind: kindOf[f[0][0]], GeonameID: int(unb64(f[0][1:])), Country: f[1], Name: f[6]}
	if a := f[2]; a != "" {
		p.Admin1 = t.iso(f[1], a)
	}
	p.Lat = float64(unb64(f[3])-90000) / 1000
	p.Lon = float64(unb64(f[4])-180000) / 1000
	p.Population = int(unb64(f[5]))
	return p, f[7]
}

// iso returns the ISO 3166-2 code of a place of country cc whose line
// gives code: the whole code, or the part after "CC-". Codes are shared
// strings of admin1TSV: no allocation.
func (t *tables) iso(cc, code string) string {
	if strings.IndexByte(code, '-') >= 0 || cc == "" {
		return code
	}
	if k, ok := isoKey(cc, code); ok {
		if full, ok := t.admin1[k]; ok {
			return full
		}
	}
	return cc + "-" + code
}

// isoKey packs a country code and a code suffix of up to 6 bytes into one
// number, a cheap map key.
func isoKey(cc, suffix string) (uint64, bool) {
	if len(cc) != 2 || len(suffix) == 0 || len(suffix) > 6 {
		return 0, false
	}
	k := uint64(cc[0])<<56 | uint64(cc[1])<<48
	for i := 0; i < len(suffix); i++ {
		k |= uint64(suffix[i]) << (40 - 8*i)
	}
	return k, true
}

// unb64 decodes a base-64 number written by gen.go's b64.
func unb64(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'A' <= c && c <= 'Z':
			d = c - 'A' + 10
		case 'a' <= c && c <= 'z':
			d = c - 'a' + 36
		case c == '+':
			d = 62
		default:
			d = 63
		}
		n = n*64 + int64(d)
	}
	return n
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

// lineHash is an open-addressing hash table over the lines of a TSV table:
// slot h(key) holds 1 + the index of the line whose key is key (0: empty),
// probed linearly. An exact look-up then reads one slot and one line, where
// a binary search over hundreds of thousands of lines reads some twenty.
type lineHash struct {
	seed  maphash.Seed
	slots []uint32
}

// hashLines indexes the lines of data, which start at starts, by key.
func hashLines(data string, starts []uint32) lineHash {
	n := 1
	for 2*n < 3*len(starts) {
		n *= 2
	}
	h := lineHash{seed: maphash.MakeSeed(), slots: make([]uint32, n)}
	mask := uint64(n - 1)
	for i, off := range starts {
		line := data[off:]
		if j := strings.IndexByte(line, '\t'); j >= 0 {
			line = line[:j]
		}
		for s := maphash.String(h.seed, line) & mask; ; s = (s + 1) & mask {
			if h.slots[s] == 0 {
				h.slots[s] = uint32(i) + 1
				break
			}
		}
	}
	return h
}

// find is find over the lines h indexes.
func (h *lineHash) find(data string, starts []uint32, key string) (string, bool) {
	mask := uint64(len(h.slots) - 1)
	for s := maphash.String(h.seed, key) & mask; h.slots[s] != 0; s = (s + 1) & mask {
		line := data[starts[h.slots[s]-1]:]
		if len(line) > len(key) && line[len(key)] == '\t' && line[:len(key)] == key {
			line = line[len(key)+1:]
			if e := strings.IndexByte(line, '\n'); e >= 0 {
				line = line[:e]
			}
			return line, true
		}
	}
	return "", false
}

// find returns the rest of the line after key+"\t" in a sorted TSV table.
// Hot path: a binary search that compares in place, without allocating.
func find(data string, starts []uint32, key string) (string, bool) {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lineLess(data[starts[m]:], key) {
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

// lineLess reports whether the key that starts line (up to a tab) sorts
// before key. Keys hold no byte below a space, so the tab ends the key.
func lineLess(line, key string) bool {
	n := min(len(line), len(key))
	if c := strings.Compare(line[:n], key[:n]); c != 0 {
		return c < 0
	}
	// line's key is a prefix of key, or key a prefix of line's key.
	return len(line) > n && line[n] == '\t' && len(key) > n
}

// exact appends the places named exactly key (folded) to dst.
func (t *tables) exact(key string, dst []int32) ([]int32, bool) {
	post, ok := t.byName.find(namesTSV, t.names, key)
	if !ok {
		return dst, false
	}
	for len(post) > 0 {
		j := strings.IndexByte(post, ' ')
		if j < 0 {
			j = len(post)
		}
		dst = append(dst, int32(unb64(post[:j])))
		if j == len(post) {
			break
		}
		post = post[j+1:]
	}
	return dst, true
}

// foldName folds a name for lookup (see package key).
func foldName(name string) string { return key.Of(name) }

// exactOnly appends the places named exactly name (folded), no case forms.
func (t *tables) exactOnly(name string, dst []int32) []int32 {
	out, _ := t.exact(foldName(name), dst)
	return out
}

// lookup returns the place indices for name, best first.
func (t *tables) lookup(name string, dst []int32) []int32 {
	return t.lookupForms(name, dst, formsAll)
}

// lookupForms is lookup undoing the case systems of mode first and all of
// them when that finds nothing.
func (t *tables) lookupForms(name string, dst []int32, mode int) []int32 {
	key := foldName(name)
	if key == "" {
		return dst[:0]
	}
	if out, ok := t.exact(key, dst[:0]); ok {
		return out
	}
	// An article: "the Netherlands", "the Caspian Sea".
	if base, ok := strings.CutPrefix(key, "the "); ok {
		if out, ok := t.exact(base, dst[:0]); ok {
			return out
		}
		key = base
	}
	// The English possessive: Russia's, Kazakhstan's.
	if base, ok := strings.CutSuffix(key, "'s"); ok {
		if out, ok := t.exact(base, dst[:0]); ok {
			return out
		}
	}
	// Ukrainian forms only after the others when no language says which:
	// they are the fewest names' and would slow every Russian look-up.
	first := mode
	if first == formsAll {
		first = formsRU | formsKK
	}
	if out := t.inflected(key, dst[:0], first); len(out) > 0 {
		return out
	}
	if first != formsAll {
		if out := t.inflected(key, dst[:0], formsAll); len(out) > 0 {
			return out
		}
	}
	// Type words: "город Павлодар", "Pavlodar city", "Lake Balkhash".
	if base, kinds := stripTypeWord(key); base != "" {
		// Another word for a division: Aqtobe Oblast, Turkestan Province,
		// the region of Almaty for Aqtobe Region, Turkestan Region, Almaty
		// Region (not the city of Almaty, a division of its own).
		if slices.Contains(kinds, Admin1) {
			for _, w := range divisionWords {
				if hasCyrillic(w) != hasCyrillic(base) {
					continue
				}
				out, _ := t.exact(base+" "+w, dst[:0])
				if out := filterKinds(t, out, kinds); len(out) > 0 {
					return out
				}
			}
		}
		out, ok := t.exact(base, dst[:0])
		if !ok {
			out = t.inflected(base, dst[:0], formsAll)
		}
		if out := filterKinds(t, out, kinds); len(out) > 0 {
			return out
		}
	}
	return dst[:0]
}

// divisionName reports whether a folded name with one of divisionWords
// after it names a division or region in the tables (kostanay: Kostanay
// Region).
func (t *tables) divisionName(base string) bool {
	var buf [8]int32
	for _, w := range divisionWords {
		if hasCyrillic(w) != hasCyrillic(base) {
			continue
		}
		ids, _ := t.exact(base+" "+w, buf[:0])
		for _, id := range ids {
			if k := t.kind(id); k == Admin1 || k == Admin2 || k == Region {
				return true
			}
		}
	}
	return false
}

// divisionWords are the words after a name that make it a first-level
// division's, one of which the tables may hold for a name the others
// spell.
var divisionWords = []string{"region", "oblast", "province", "oblysy", "область", "облысы"}

// inflected looks up the nominative forms that the Russian or Kazakh case
// forms of key may stand for, and returns the places of all of them, best
// first. The caller has looked key itself up.
func (t *tables) inflected(key string, dst []int32, mode int) []int32 {
	if !hasCyrillic(key) {
		return dst
	}
	words := strings.Split(key, " ")
	if len(words) > 4 {
		return dst
	}
	var alts [4][]string
	for i, w := range words {
		alts[i] = wordForms(w, mode)
	}
	start := len(dst)
	// Depth-first over the words, keeping only prefixes that some key
	// starts with, so that two inflected words cost a few searches.
	var walk func(i int, prefix string)
	walk = func(i int, prefix string) {
		for _, f := range alts[i] {
			p := prefix + f
			if i == len(words)-1 {
				if p != key {
					dst, _ = t.exact(p, dst)
				}
				continue
			}
			p += " "
			if t.hasPrefix(p) {
				walk(i+1, p)
			}
		}
	}
	walk(0, "")
	found := dst[start:]
	if len(found) > 1 {
		// Several nominatives matched: merge, best first.
		slices.SortStableFunc(found, func(a, b int32) int { return cmp.Compare(t.rank(b), t.rank(a)) })
		found = slices.Compact(found)
		dst = dst[:start+len(found)]
	}
	return dst
}

// hasPrefix reports whether some name key starts with p.
func (t *tables) hasPrefix(p string) bool { return hasLinePrefix(namesTSV, t.names, p) }

// hasLinePrefix reports whether some line of a sorted table starts with p.
func hasLinePrefix(data string, starts []uint32, p string) bool {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lineLess(data[starts[m]:], p) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(starts) && strings.HasPrefix(data[starts[lo]:], p)
}

// rank orders candidates from several names as gen.go orders those of one.
func (t *tables) rank(i int32) float64 {
	p := t.place(i)
	base := map[Kind]float64{Country: 30, Region: 18, Water: 20, Land: 19, Admin1: 10, City: 0, Admin2: -5}[p.Kind]
	if t.flags(i)&flagCityState != 0 {
		base = -1
	}
	return base + math.Log10(float64(p.Population)+1)
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
			if t.kind(id) == k {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// prefix3 appends to dst the first three letters of word, lower-cased
// (ё as е), as demonym keys spell them; ok is false when word is shorter or
// holds letters other than plain Latin and Cyrillic ones there, which only
// the full fold settles.
func prefix3(word string, dst []byte) (p []byte, ok bool) {
	n := 0
	for _, r := range word {
		if n == 3 {
			break
		}
		switch {
		case 'a' <= r && r <= 'z':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case 0x400 <= r && r <= 0x4ff:
			r = runes.ToLower(r)
		default:
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
		n++
	}
	return dst, n == 3
}

// mayBeDemonym reports whether word can be a demonym by its first three
// letters: a cheap filter before [tables.demonym].
func (t *tables) mayBeDemonym(word string) bool {
	var buf [16]byte
	p, ok := prefix3(word, buf[:0])
	if !ok {
		return true
	}
	_, hit := t.demPre[string(p)]
	return hit
}

// wordKey folds a word of plain Latin or Cyrillic letters as foldName
// does, without its general machinery; ok is false for other words.
func wordKey(word string) (string, bool) {
	if len(word) > 64 {
		return "", false
	}
	var buf [64]byte
	b := buf[:0]
	for _, r := range word {
		switch {
		case 'a' <= r && r <= 'z':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case 0x400 <= r && r <= 0x4ff:
			r = normalize.Rune(r)
		default:
			return "", false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), len(b) > 0
}

func (t *tables) demonym(word string) (string, bool) {
	key, ok := wordKey(word)
	if !ok {
		key = foldName(word)
	}
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
	// Only words that share their first three letters with a demonym are
	// worth their case forms.
	n, i := 0, 0
	for i < len(key) && n < 3 {
		_, size := runes.Decode(key[i:])
		i += size
		n++
	}
	if !hasLinePrefix(demonymsTSV, t.dem, key[:i]) {
		return "", false
	}
	for _, f := range wordForms(key, formsAll) {
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
