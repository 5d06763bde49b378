package newsmon

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/entity"
)

// samePlace makes one entity of the place entities that resolve to one
// place: the Syr Darya, Сырдарья and Сырдария of a mixed page, whose names
// the linker cannot tie. The merged entity keeps the knowledge-base id if
// either has one, else the id and name of the one with more mentions, and
// the higher salience. Ids stay name-based rather than taken from the
// gazetteer: one place resolved in one document and not in another would
// otherwise change id (BSNLP cross-document id agreement fell from 0.729 to
// 0.722 with gazetteer ids, and holds with this merge).
func samePlace(ents []entity.Entity, places []*Place) ([]entity.Entity, []*Place) {
	byPlace := map[string]int{}
	keep := make([]bool, len(ents))
	merged := false
	for i := range ents {
		keep[i] = true
		p := places[i]
		if p == nil || ents[i].Type != entity.LOC {
			continue
		}
		key := placeID(p)
		j, ok := byPlace[key]
		if !ok {
			byPlace[key] = i
			continue
		}
		a, b := &ents[j], &ents[i]
		if strings.HasPrefix(b.ID, "kb/") && !strings.HasPrefix(a.ID, "kb/") {
			a.ID = b.ID
		}
		if len(b.Mentions) > len(a.Mentions) {
			a.Name = b.Name
			if !strings.HasPrefix(a.ID, "kb/") {
				a.ID = b.ID
			}
		}
		a.Salience = max(a.Salience, b.Salience)
		a.Mentions = append(a.Mentions, b.Mentions...)
		a.Forms = append(a.Forms, b.Forms...)
		keep[i] = false
		merged = true
	}
	if !merged {
		return ents, places
	}
	outE, outP := ents[:0], places[:0]
	for i := range ents {
		if keep[i] {
			e := ents[i]
			slices.SortStableFunc(e.Mentions, func(x, y entity.Mention) int { return x.Start - y.Start })
			outE = append(outE, e)
			outP = append(outP, places[i])
		}
	}
	return outE, outP
}

// placeID is the identity of a resolved place: its GeoNames id, or its kind
// and name for places without one (water/syr-darya).
func placeID(p *Place) string {
	if p.GeonameID != 0 {
		return strconv.Itoa(p.GeonameID)
	}
	var b strings.Builder
	b.WriteString(p.Kind)
	b.WriteByte('/')
	dash, wrote := false, false
	for _, r := range strings.ToLower(p.Name) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && wrote {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash, wrote = false, true
		} else {
			dash = true
		}
	}
	return b.String()
}
