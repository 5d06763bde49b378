package geo

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/internal/runes"
)

// maxCands bounds the candidates weighed per toponym.
const maxCands = 48

// Weights of the resolver's score, in log-odds-like units. They were set by
// hand on the LGL and TR-News development data (see README). They are
// variables only so that the tests can explore them.
var (
	wCountry      = 10.0 // base prior of a country
	wRegion       = 8.4  // UN region, macro-region, sea, mountains
	wAdmin1       = 3.5
	wAdmin1Pop    = 0.3 // per decade of population
	wAdmin2       = 0.6
	wAdmin2Pop    = 0.5
	wCityPop      = 0.8
	wCapital      = 1.3
	wSeat         = 0.4
	wPrimary      = 0.25    // the mention is the place's main English name
	smallTown     = 10000.0 // people: a town this small alone in its country backs off to the document's place
	factTown      = 100000  // people: a town this small that bears a sea's or region's name as an alternate name ...
	wFactTown     = 8.0     // ... is discounted by this much
	wShadow       = 1.5     // penalty of a town named like a country or division among the candidates
	wContainer    = 4.0     // the division or country named right after a comma holds the candidate
	wDocCountry   = 5.6     // the candidate's country is named elsewhere in the document
	wDocAdmin1    = 2.5     // the candidate's admin-1 region is named elsewhere
	wNear         = 0.36    // another place of the document lies within nearKm
	wCoh          = 2.1     // other names of the document with a candidate town or district within nearKm, up to cohLimit
	cohLimit      = 1.0
	cohDecay      = 0.7 // the share of a neighbour's weight that distance takes away, up to nearKm
	localeMargin  = 1.0
	wLocale       = 1.0      // the country whose spelling and usage an English document follows (US, GB)
	shadowPop     = 100000.0 // people: a smaller division shadows no town of its name
	cohAdmin1     = 0.3      // coherence of a town or county with another name that may be its first-level division
	wNamedCity    = 3.5      // a capital of a country that the document names outright
	wLone         = 5.0      // penalty of a country that nothing else in the document supports, against a rival that something does
	wFocus        = 1.5      // WithFocus country
	wLangCountry  = 1.0      // a country whose language the document is in
	wDemonym      = 1.0      // per demonym of the candidate's country, up to 2
	nearKm        = 150.0
	evidenceLimit = 2.0
	wLangEN       = 0.0 // English documents: United States, United Kingdom
)

type cand struct {
	id      int32
	p       Place
	fl      uint8
	prior   float64
	score   float64
	primary bool // the mention is the place's main name
}

type mention struct {
	cands   []cand
	best    int  // index into cands, -1 for none
	partial bool // the candidates name only part of the mention
}

// Resolve returns one Resolution per toponym, in the order given. text is
// the whole document and lang its main language (the zero Tag when
// unknown). Toponyms whose offsets do not index text are resolved by their
// Text alone. Resolve is safe for concurrent use.
//
// The choice follows the document: countries and regions named in it come
// first, then admin-1 regions, then places inside the countries and regions
// already named and near the other places, then a population and
// importance prior. Type words around a mention (Region, область, облысы,
// город, қаласы, Sea, море, теңізі) restrict the kinds considered;
// demonyms (Belarusian, казахстанский) and the document's language count
// toward its countries; "Paris, Texas" puts Paris in Texas. A demonym given
// as a toponym (Sudanese, European) resolves to its country or region, and
// a name the gazetteer lacks resolves to the place it names or lies in when
// there is one (Vancouver Art Gallery, South Pacific, North London). A
// name found nowhere takes the place the document is most about — the town
// it names most often, else its most named division, else its most named
// country — and is marked Inferred; it stays unresolved only when the
// document resolves no town, division or country.
func (r *Resolver) Resolve(text string, toponyms []Toponym, lang language.Tag) []Resolution {
	out := make([]Resolution, len(toponyms))
	if len(toponyms) == 0 {
		return out
	}
	t := r.gaz.t
	ms := make([]mention, len(toponyms))
	mode := formsAll
	switch b, _ := lang.Base(); b.String() {
	case "ru", "be":
		mode = formsRU
	case "uk":
		mode = formsUK
	case "kk", "ky":
		mode = formsKK
	}
	var buf []int32
	// A name recurs in a document (Kazakhstan, Казахстане): its look-ups
	// are made once.
	type looked struct {
		ids   []int32
		cc    string
		demOK bool
	}
	memo := map[string]looked{}
	for i, tp := range toponyms {
		out[i].Toponym = tp
		lk, seen := memo[tp.Text]
		if !seen {
			lk.ids = t.lookupForms(tp.Text, nil, mode)
			lk.cc, lk.demOK = t.demonym(tp.Text)
			memo[tp.Text] = lk
		}
		buf = append(buf[:0], lk.ids...)
		// A demonym given as a toponym (Sudanese, Canadian) stands for its
		// country.
		if cc, ok := lk.cc, lk.demOK; ok {
			if len(cc) == 2 {
				buf = t.countryIndex(cc, buf)
			} else if name, ok := strings.CutPrefix(cc, "@"); ok {
				if ids := t.lookup(name, nil); len(ids) > 0 {
					buf = append(buf, ids[0])
				}
			}
		}
		kinds, joint := contextType(text, tp)
		// "The Charlotte region" is the area around a city unless the
		// tables know the name with its word (the Kostanay region).
		if k := foldName(joint); strings.HasSuffix(k, " region") && len(buf) > 0 {
			if !t.divisionName(strings.TrimSuffix(k, " region")) {
				kinds, joint = nil, ""
			}
		}
		if len(buf) == 0 && joint != "" {
			buf = filterKinds(t, t.lookupForms(joint, buf[:0], mode), kinds)
		}
		if len(buf) == 0 {
			buf = t.variants(tp.Text, buf[:0], mode)
		}
		if len(buf) == 0 {
			buf = t.partial(tp.Text, buf[:0], mode)
			ms[i].partial = len(buf) > 0
		}
		if len(buf) == 0 {
			ms[i].best = -1
			continue
		}
		if !ms[i].partial {
			buf = t.withCounties(tp.Text, buf, mode)
		}
		ids := buf
		if kinds != nil {
			var keep []int32
			for _, id := range ids {
				if slices.Contains(kinds, t.kind(id)) {
					keep = append(keep, id)
				}
			}
			// The name with its type word may be a name of its own: the
			// Turkestan region is Turkistan Region, of which the town
			// Turkestan is no reading; the Almaty region is Almaty
			// Region, not the city of Almaty.
			if joint != "" {
				var jb [16]int32
				if len(keep) == 0 {
					keep = append(keep, filterKinds(t, t.lookupForms(joint, jb[:0], mode), kinds)...)
				} else if j := filterKinds(t, t.lookupForms(joint, jb[:0], mode), kinds); len(j) > 0 {
					news := slices.ContainsFunc(j, func(id int32) bool { return !slices.Contains(keep, id) })
					if !news {
						// The joint name is a reading of the mention's
						// own (Warren County): nothing to add.
					} else if !slices.Contains(kinds, City) {
						keep = append(keep[:0], j...)
					} else {
						// "Dublin City Schools": a town's word is often
						// part of another name; the joint reading joins the
						// others.
						for _, id := range j {
							if !slices.Contains(keep, id) {
								keep = append(keep, id)
							}
						}
					}
				}
			}
			if len(keep) > 0 {
				ids = keep
			}
		}
		if len(ids) > maxCands {
			ids = ids[:maxCands]
		}
		folded := foldName(tp.Text)
		cs := make([]cand, len(ids))
		for k, id := range ids {
			cs[k] = cand{id: id, p: t.place(id), fl: t.flags(id)}
			cs[k].prior = prior(&cs[k], folded)
		}
		// "Paris, Texas", "London, Ont.", "Aktau, Mangystau Region": the
		// division or country right after a comma holds the place.
		cc, a1 := t.container(text, tp)
		if cc != nil {
			for k := range cs {
				p := &cs[k].p
				if p.Kind == City || p.Kind == Admin2 || p.Kind == Admin1 && len(a1) == 0 {
					if a1[p.Admin1] || len(a1) == 0 && cc[p.Country] {
						cs[k].prior += wContainer
					}
				}
			}
		}
		// A name shared by a country or division and by towns means the
		// country or division, or a town inside it, unless the document
		// says otherwise: towns elsewhere (China, Texas; Ontario, New York)
		// of under 20,000 people are discounted, and every town when a
		// country has the name.
		for a := range cs {
			if k := cs[a].p.Kind; k != Country && k != Admin1 || foldName(cs[a].p.Name) != folded {
				continue
			}
			for b := range cs {
				q := &cs[b].p
				if q.Kind == City && (cs[a].p.Kind == Country || q.Country != cs[a].p.Country && q.Population < 20000) {
					cs[b].prior -= wShadow
				}
			}
			break
		}
		// A sea, river, mountain range or macro-region of the name (the
		// Aral Sea, Сырдарья) is what a name means that a small town bears
		// only as an alternate name (Aral, Sirdaryo), unless a type word
		// or the division after a comma points to the town.
		if kinds == nil && cc == nil && slices.ContainsFunc(cs, func(c cand) bool {
			return c.p.Kind == Water || c.p.Kind == Land || c.p.Kind == Region
		}) {
			for k := range cs {
				if q := &cs[k]; (q.p.Kind == City || q.p.Kind == Admin2) && !q.primary && q.p.Population < factTown {
					q.prior -= wFactTown
				}
			}
		}
		// A division and its seat of one name (Pavlodar, Karaganda): a bare
		// name means the city unless a type word says otherwise, if the
		// city holds a fifth of the division's people (not Quebec).
		for a := range cs {
			if cs[a].p.Kind != Admin1 || cs[a].p.Admin1 == "" {
				continue
			}
			for b := range cs {
				if cs[b].p.Kind == City && cs[b].fl&(flagSeat|flagCapital) != 0 && cs[b].p.Admin1 == cs[a].p.Admin1 &&
					cs[b].p.Population*5 >= cs[a].p.Population {
					cs[a].prior = math.Min(cs[a].prior, cs[b].prior-0.5)
				}
			}
		}
		ms[i].cands = cs
		ms[i].best = argmax(cs, func(c cand) float64 { return c.prior })
	}

	langCC := langCountries(lang)
	locale := ""
	if wLocale != 0 {
		locale = englishLocale(text, lang)
	}
	b, _ := lang.Base()
	en := b.String() == "en"
	keys := make([]string, len(toponyms))
	for i, tp := range toponyms {
		keys[i] = foldName(tp.Text)
	}
	dem := t.demonymCounts(text)
	coh := coherence(ms, keys)
	// Two rounds: evidence from the current choices, then rescoring.
	for round := 0; round < 2; round++ {
		countries := map[string]float64{}
		named := map[string]bool{} // countries that a mention names outright
		admins := map[string]float64{}
		seen := map[string]bool{}
		for i, m := range ms {
			// A reading of part of a name (Side of North Side) is too weak
			// to be evidence for the others.
			if m.best < 0 || seen[keys[i]] || m.partial {
				continue
			}
			seen[keys[i]] = true
			p := &m.cands[m.best].p
			w := 1.0
			if len(m.cands) > 1 && p.Kind == City {
				w = 0.5
			}
			switch p.Kind {
			case Region:
				for _, c := range t.members[regionKey{p.Name, p.GeonameID}] {
					countries[c] += 0.5
				}
			}
			if p.Country != "" {
				countries[p.Country] += w
				if p.Kind == Country {
					named[p.Country] = true
				}
			}
			if p.Admin1 != "" && p.Kind != Country {
				admins[p.Admin1] += w
			}
		}
		anc := anchors(ms)
		var supported []bool
		for i := range ms {
			m := &ms[i]
			if m.best < 0 {
				continue
			}
			self := &m.cands[m.best].p
			lone, rival := -1, false
			if cap(supported) < len(m.cands) {
				supported = make([]bool, len(m.cands))
			}
			supported = supported[:len(m.cands)]
			clear(supported)
			for k := range m.cands {
				c := &m.cands[k]
				p := &c.p
				s := c.prior
				if p.Country != "" {
					e := countries[p.Country]
					if self.Country == p.Country {
						e -= weightOf(self, len(m.cands))
					}
					if p.Kind == Country {
						if e <= 0 && dem[p.Country] == 0 && !r.focus[p.Country] && !langCC[p.Country] {
							lone = k
						}
					} else if c.primary && (own(admins, p.Admin1, self, len(m.cands)) > 0 || coh != nil && coh[i] != nil && coh[i][k] > 0) {
						rival, supported[k] = true, true
					}
					s += wDocCountry * math.Min(e, evidenceLimit) / evidenceLimit
					if r.focus[p.Country] {
						s += wFocus
					}
					if langCC[p.Country] {
						s += wLangCountry
					}
					// British spelling is the Commonwealth's too.
					if p.Country == locale || locale == "GB" && commonwealth[p.Country] || locale == "$GB" && dollarCommonwealth[p.Country] {
						s += wLocale
					}
					if en && (p.Country == "US" || p.Country == "GB") {
						s += wLangEN
					}
					s += wDemonym * math.Min(float64(dem[p.Country]), 2)
				}
				if p.Admin1 != "" && p.Kind != Country { // a division, too, is where its places are named
					e := admins[p.Admin1]
					if self.Admin1 == p.Admin1 {
						e -= weightOf(self, len(m.cands))
					}
					s += wDocAdmin1 * math.Min(math.Max(e, 0), evidenceLimit) / evidenceLimit
				}
				// The capital of a country that the document names outright
				// (Moscow in a story that names Russia).
				if p.Kind == City && c.fl&flagCapital != 0 && named[p.Country] && self.Kind != Country {
					s += wNamedCity
				}
				if p.Kind == City || p.Kind == Admin2 {
					if near(anc, p) {
						s += wNear
					}
					if coh != nil && coh[i] != nil {
						s += wCoh * math.Min(coh[i][k], cohLimit) / cohLimit
					}
				}
				c.score = s
			}
			// A country that nothing else in the document supports is a
			// weaker reading than a town or state of its name among the
			// document's other places (Jordan beside Shakopee, Minnesota;
			// Georgia beside Atlanta).
			if lone >= 0 && rival && !acronym(toponyms[i].Text) {
				for k := range m.cands {
					if !supported[k] {
						m.cands[k].score -= wLone
					}
				}
			}
		}
		for i := range ms {
			if ms[i].best >= 0 {
				ms[i].best = argmax(ms[i].cands, func(c cand) float64 { return c.score })
			}
		}
	}
	oneSense(ms, keys)
	for i, m := range ms {
		if m.best >= 0 {
			out[i].Place, out[i].Resolved = m.cands[m.best].p, true
		}
	}
	// A part of a name (Stade of Stade de France) that points outside
	// every country the rest of the document names is a weaker guess than
	// the document's own place; so is a small town that is the document's
	// only place in its country.
	names := map[string]map[string]bool{} // country -> the mention keys resolved in it
	for i, m := range ms {
		if c := out[i].Place.Country; out[i].Resolved && !m.partial && c != "" {
			if names[c] == nil {
				names[c] = map[string]bool{}
			}
			names[c][keys[i]] = true
		}
	}
	for i, m := range ms {
		if !out[i].Resolved {
			continue
		}
		p := &out[i].Place
		own := names[p.Country]
		others := len(own) > 1 || len(own) == 1 && !own[keys[i]]
		small := !m.partial && p.Kind == City && p.Population < int(smallTown) && !others && len(names) > 1
		if m.partial && !others && len(names) > 0 || small {
			out[i].Place, out[i].Resolved = Place{}, false
		}
	}
	backoff(out)
	return out
}

// oneSense gives every mention of a name the place that its best-supported
// mention takes, where the others have it among their candidates: a story
// means one Paris ("Paris, Texas" early on, "Paris" after).
func oneSense(ms []mention, keys []string) {
	type choice struct {
		id    int32
		score float64
	}
	best := map[string]choice{}
	for i, m := range ms {
		if m.best < 0 {
			continue
		}
		c := m.cands[m.best]
		if b, ok := best[keys[i]]; !ok || c.score > b.score {
			best[keys[i]] = choice{c.id, c.score}
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.best < 0 {
			continue
		}
		b := best[keys[i]]
		if m.cands[m.best].id == b.id {
			continue
		}
		for k := range m.cands {
			if m.cands[k].id == b.id {
				m.best = k
				break
			}
		}
	}
}

// backoff resolves the toponyms that no name look-up found to the place
// the document is most about, marking them Inferred: the town it names
// most often (the first of those named equally often), else the most named
// county or region, else the most named country. A site (St. Takla Church),
// street or village the tables lack lies, in news, most likely where the
// rest of the story does: in a local report, near its town; at worst in its
// country.
func backoff(out []Resolution) {
	rank := map[Kind]int{City: 3, Admin2: 2, Admin1: 2, Country: 1}
	type placeKey struct {
		id                  int
		name, country, kind string
	}
	counts := map[placeKey]int{}
	var focus *Place
	bestRank, bestN := 0, 0
	for i := range out {
		p := &out[i].Place
		r := rank[p.Kind]
		if !out[i].Resolved || r == 0 {
			continue
		}
		k := placeKey{p.GeonameID, p.Name, p.Country, string(p.Kind)}
		counts[k]++
		if n := counts[k]; r > bestRank || r == bestRank && n > bestN {
			bestRank, bestN, focus = r, n, p
		}
	}
	if focus == nil {
		return
	}
	f := *focus
	for i := range out {
		if !out[i].Resolved && !compassWord(out[i].Text) {
			out[i].Place, out[i].Resolved, out[i].Inferred = f, true, true
		}
	}
}

// own returns the evidence for admin-1 region a1 from the rest of the
// document: the choices of the other names, not the mention's own.
func own(admins map[string]float64, a1 string, self *Place, n int) float64 {
	if a1 == "" {
		return 0
	}
	e := admins[a1]
	if self.Admin1 == a1 {
		e -= weightOf(self, n)
	}
	return e
}

func weightOf(p *Place, n int) float64 {
	if n > 1 && p.Kind == City {
		return 0.5
	}
	return 1
}

func argmax(cs []cand, f func(cand) float64) int {
	best, bs := -1, math.Inf(-1)
	for i, c := range cs {
		if v := f(c); v > bs {
			best, bs = i, v
		}
	}
	return best
}

// prior scores a candidate on its own.
func prior(c *cand, folded string) float64 {
	p := &c.p
	pop := math.Log10(float64(p.Population) + 1)
	var s float64
	switch p.Kind {
	case Country:
		s = wCountry
	case Region, Water, Land:
		s = wRegion
	case Admin1:
		s = wAdmin1 + wAdmin1Pop*pop
		if c.fl&flagCityState != 0 {
			s = wCityPop*pop - 0.5
		}
	case Admin2:
		s = wAdmin2 + wAdmin2Pop*pop
	default:
		s = wCityPop * pop
		if c.fl&flagCapital != 0 {
			s += wCapital
		} else if c.fl&flagSeat != 0 {
			s += wSeat
		}
	}
	if c.primary = foldName(p.Name) == folded; c.primary {
		s += wPrimary
	}
	return s
}

// coherence counts, for each town or district candidate of each mention,
// the other names of the document that have a town or district candidate
// within nearKm of it: names that can lie together most likely do (Paris
// and Henry County: Paris, Tennessee). Candidates are bucketed on a grid of
// cells about nearKm wide, so that the cost grows with the candidates, not
// their square.
func coherence(ms []mention, keys []string) [][]float64 {
	if wCoh == 0 {
		return nil
	}
	const cell = 1.5 // degrees of latitude, > nearKm
	type entry struct {
		key      int
		lat, lon float64
	}
	keyID := map[string]int{}
	ids := make([]int, len(ms))
	for i, k := range keys {
		id, ok := keyID[k]
		if !ok {
			id = len(keyID)
			keyID[k] = id
		}
		ids[i] = id
	}
	if len(keyID) < 2 {
		return nil
	}
	cellOf := func(lat, lon float64) [2]int {
		return [2]int{int(math.Floor(lat / cell)), int(math.Floor(lon / cell))}
	}
	grid := map[[2]int][]entry{}
	done := make([]bool, len(keyID))
	// The names that may be a first-level division, by its code: a town
	// or county inside one of them can lie with it (Gainesville beside
	// Georgia is Gainesville, Georgia).
	var divs map[string][]int
	for i, m := range ms {
		if done[ids[i]] || m.partial {
			continue
		}
		done[ids[i]] = true
		if cohAdmin1 > 0 {
			for _, c := range m.cands {
				if c.p.Kind == Admin1 && c.p.Admin1 != "" && c.fl&flagCityState == 0 {
					if divs == nil {
						divs = map[string][]int{}
					}
					if l := divs[c.p.Admin1]; len(l) == 0 || l[len(l)-1] != ids[i] {
						divs[c.p.Admin1] = append(l, ids[i])
					}
				}
			}
		}
		// The towns of a country's or state's name (China, Maine; Mexico,
		// Maine) are no evidence: several of them would vouch for each
		// other in any story that names countries.
		if shadowed(m.cands, keys[i]) {
			continue
		}
		for _, c := range m.cands {
			if c.p.Kind == City || c.p.Kind == Admin2 {
				g := cellOf(c.p.Lat, c.p.Lon)
				grid[g] = append(grid[g], entry{ids[i], c.p.Lat, c.p.Lon})
			}
		}
	}
	out := make([][]float64, len(ms))
	seen := make([]int, len(keyID))
	best := make([]float64, len(keyID))
	stamp := 0
	for i, m := range ms {
		// A state's or country's name means it, not a town of its name
		// among the document's places (Kansas beside Edgar County,
		// Illinois).
		if len(m.cands) < 2 || shadowed(m.cands, keys[i]) {
			continue
		}
		out[i] = make([]float64, len(m.cands))
		for k, c := range m.cands {
			if c.p.Kind != City && c.p.Kind != Admin2 {
				continue
			}
			stamp++
			g := cellOf(c.p.Lat, c.p.Lon)
			var sum float64
			// Longitude cells shrink toward the poles: look two cells wide
			// there.
			w := 1
			if math.Abs(c.p.Lat) > 50 {
				w = 2
			}
			for dy := -1; dy <= 1; dy++ {
				for dx := -w; dx <= w; dx++ {
					for _, e := range grid[[2]int{g[0] + dy, g[1] + dx}] {
						if e.key == ids[i] {
							continue
						}
						if math.Abs(e.lat-c.p.Lat)*kmPerDegree >= nearKm {
							continue
						}
						d := distanceKm(c.p.Lat, c.p.Lon, e.lat, e.lon)
						if d >= nearKm {
							continue
						}
						// The nearer the better: Lebanon, Indiana, the seat
						// of Boone County, over Lebanon and Boone County,
						// Missouri, 150 km apart.
						v := 1 - cohDecay*d/nearKm
						if seen[e.key] != stamp {
							seen[e.key], best[e.key] = stamp, v
							sum += v
						} else if v > best[e.key] {
							sum += v - best[e.key]
							best[e.key] = v
						}
					}
				}
			}
			if a := c.p.Admin1; a != "" {
				for _, id := range divs[a] {
					if id == ids[i] {
						continue
					}
					if seen[id] != stamp {
						seen[id], best[id] = stamp, cohAdmin1
						sum += cohAdmin1
					} else if cohAdmin1 > best[id] {
						sum += cohAdmin1 - best[id]
						best[id] = cohAdmin1
					}
				}
			}
			out[i][k] = sum
		}
	}
	return out
}

// shadowed reports whether a country or first-level division among cands
// bears the name key.
func shadowed(cands []cand, key string) bool {
	for _, c := range cands {
		// A division of a town's size (Ramsey, Isle of Man) shadows none.
		if (c.p.Kind == Country || c.p.Kind == Admin1 && float64(c.p.Population) >= shadowPop) && foldName(c.p.Name) == key {
			return true
		}
	}
	return false
}

// maxNear bounds the places that nearness is measured against, so that a
// document with thousands of mentions resolves in linear time.
const maxNear = 256

// anchors returns the distinct towns and districts chosen so far, at most
// maxNear of them, in the order of first mention.
func anchors(ms []mention) [][2]float64 {
	var out [][2]float64
	seen := map[int32]bool{}
	for _, m := range ms {
		if m.best < 0 || m.partial {
			continue
		}
		c := &m.cands[m.best]
		if c.p.Kind != City && c.p.Kind != Admin2 || seen[c.id] {
			continue
		}
		seen[c.id] = true
		out = append(out, [2]float64{c.p.Lat, c.p.Lon})
		if len(out) == maxNear {
			break
		}
	}
	return out
}

// near reports whether another chosen place lies within nearKm of p.
func near(anchors [][2]float64, p *Place) bool {
	for _, q := range anchors {
		if q[0] == p.Lat && q[1] == p.Lon {
			continue // the place itself
		}
		if math.Abs(q[0]-p.Lat)*kmPerDegree >= nearKm {
			continue // cheaper than the great circle
		}
		if distanceKm(p.Lat, p.Lon, q[0], q[1]) < nearKm {
			return true
		}
	}
	return false
}

// kmPerDegree is the length of a degree of latitude; no great circle
// between two latitudes is shorter than their difference in it.
const kmPerDegree = 111.19

// distanceKm is the great-circle distance between two points in degrees.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// langCountries are the countries a document language points to.
func langCountries(lang language.Tag) map[string]bool {
	base, conf := lang.Base()
	if conf == language.No {
		return nil
	}
	switch base.String() {
	case "kk":
		return map[string]bool{"KZ": true}
	case "ru":
		return map[string]bool{"RU": true, "KZ": true, "BY": true, "KG": true}
	case "uk":
		return map[string]bool{"UA": true}
	case "ky":
		return map[string]bool{"KG": true}
	case "uz":
		return map[string]bool{"UZ": true}
	case "be":
		return map[string]bool{"BY": true}
	}
	return nil
}

// contextType returns the kinds allowed by a type word right before or
// after the toponym in text (Pavlodar region, город Павлодар, the region of
// Kostanay), or nil, and the text of the toponym with that type word
// (Pavlodar region), or "".
func contextType(text string, tp Toponym) ([]Kind, string) {
	if tp.Start < 0 || tp.End > len(text) || tp.Start > tp.End || text[tp.Start:tp.End] != tp.Text {
		return nil, ""
	}
	if w := nextWord(text, tp.End); w != "" {
		if k := typeWordKinds(w, false); k != nil {
			return k, tp.Text + " " + w
		}
	}
	if w := prevWord(text, tp.Start); w != "" {
		if k := typeWordKinds(w, true); k != nil {
			return k, w + " " + tp.Text
		}
		// Two words: "region of", "province of".
		if w == "of" {
			j := tp.Start - 1
			for j > 0 && text[j-1] == ' ' {
				j--
			}
			j -= len("of")
			if w2 := prevWord(text, j); w2 != "" {
				if k := typeWordKinds(w2+" of", true); k != nil {
					return k, w2 + " of " + tp.Text
				}
			}
		}
	}
	// A list of names that one plural type word closes: "Barrow, Jackson
	// and Madison counties".
	if w := nextWord(text, listEnd(text, tp.End)); w == "counties" || w == "parishes" {
		return typeWordKinds(w, false), ""
	}
	return nil, ""
}

// listEnd skips, from i, a list of capitalised names joined by commas, and
// and & ("…, Jackson and Madison"), and returns where it ends; i when no
// name follows.
func listEnd(text string, i int) int {
	end := i
	for n := 0; n < 8; n++ {
		j := end
		switch rest := text[j:]; {
		case strings.HasPrefix(rest, ", and "):
			j += 6
		case strings.HasPrefix(rest, ", "):
			j += 2
		case strings.HasPrefix(rest, " and "):
			j += 5
		case strings.HasPrefix(rest, " & "):
			j += 3
		default:
			return end
		}
		// One or more capitalised words.
		k := j
		for w := 0; w < 4; w++ {
			r, _ := runes.Decode(text[k:])
			if !runes.IsUpper(r) {
				break
			}
			e := k
			for e < len(text) {
				r, n := runes.Decode(text[e:])
				if !runes.IsLetter(r) && r != '.' && r != '\'' && r != '-' {
					break
				}
				e += n
			}
			k = e
			if k+1 < len(text) && text[k] == ' ' {
				if r, _ := runes.Decode(text[k+1:]); runes.IsUpper(r) {
					k++
					continue
				}
			}
			break
		}
		if k == j {
			return end
		}
		end = k
	}
	return end
}

// withCounties adds to ids the counties and parishes named like name
// (DeKalb: DeKalb County), which news often names without the type word.
func (t *tables) withCounties(name string, ids []int32, mode int) []int32 {
	if name == "" || len(name) > 60 {
		return ids
	}
	if r, _ := runes.Decode(name); r >= 0x250 || !runes.IsUpper(r) {
		return ids
	}
	low := runes.Lower(name)
	if strings.HasSuffix(low, " county") || strings.HasSuffix(low, " parish") {
		return ids
	}
	// A state or country of the name is what it means (Delaware, not
	// Delaware County).
	key := foldName(name)
	for _, id := range ids {
		if k := t.kind(id); k == Admin1 || k == Country {
			// A division of a town's size does not (Ramsey, Isle of Man).
			if p := t.place(id); foldName(p.Name) == key && (k == Country || float64(p.Population) >= shadowPop) {
				return ids
			}
		}
	}
	var buf [8]int32
	for _, w := range []string{" County", " Parish"} {
		for _, id := range t.exactOnly(name+w, buf[:0]) {
			if t.kind(id) == Admin2 && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func nextWord(text string, i int) string {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j == i || j-i > 2 {
		return ""
	}
	k := j
	for k < len(text) && k-j < 40 {
		r, n := runes.Decode(text[k:])
		if !runes.IsLetter(r) {
			break
		}
		k += n
	}
	return runes.Lower(text[j:k])
}

func prevWord(text string, i int) string {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == i || i-j > 2 {
		return ""
	}
	k := j
	for k > 0 && j-k < 40 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !runes.IsLetter(r) && r != '.' {
			break
		}
		k -= n
	}
	return runes.Lower(text[k:j])
}

// demonymCounts counts the demonyms of each country in text.
func (t *tables) demonymCounts(text string) map[string]int {
	out := map[string]int{}
	var memo map[string]string
	if len(text) > 1<<20 {
		text = text[:1<<20]
	}
	i := 0
	for i < len(text) {
		r, n := runes.Decode(text[i:])
		if !runes.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := runes.Decode(text[j:])
			if !runes.IsLetter(r) {
				break
			}
			j += n
		}
		w := text[i:j]
		if j-i >= 4 && (runes.IsUpper(r) || r >= 0x400) && t.mayBeDemonym(w) {
			// Words recur (Казахстана, Russian): look each up once.
			cc, ok := memo[w]
			if !ok {
				cc, _ = t.demonym(w)
				if memo == nil {
					memo = map[string]string{}
				}
				memo[w] = cc
			}
			if len(cc) == 2 {
				out[cc]++
			}
		}
		i = j
	}
	return out
}

// container looks at the words after "<toponym>, " and returns the
// countries and admin-1 regions they name, or nil.
func (t *tables) container(text string, tp Toponym) (countries, admin1 map[string]bool) {
	if tp.Start < 0 || tp.End > len(text) || tp.Start > tp.End || text[tp.Start:tp.End] != tp.Text {
		return nil, nil
	}
	rest := text[tp.End:]
	if !strings.HasPrefix(rest, ", ") {
		return nil, nil
	}
	rest = rest[2:]
	// Up to three words, longest first: "New South Wales", "B.C.", "Texas".
	end := 0
	var ends []int
	for w := 0; w < 3 && end < len(rest); w++ {
		j := end
		for j < len(rest) {
			r, n := runes.Decode(rest[j:])
			if !runes.IsLetter(r) && r != '.' && r != '-' {
				break
			}
			j += n
		}
		if j == end {
			break
		}
		ends = append(ends, j)
		if j >= len(rest) || rest[j] != ' ' {
			break
		}
		end = j + 1
	}
	for k := len(ends) - 1; k >= 0; k-- {
		name := rest[:ends[k]]
		r, _ := runes.Decode(name)
		if !runes.IsUpper(r) {
			return nil, nil
		}
		var buf [8]int32
		ids := t.lookup(name, buf[:0])
		for _, id := range ids {
			switch t.kind(id) {
			case Admin1:
				if admin1 == nil {
					admin1, countries = map[string]bool{}, map[string]bool{}
				}
				p := t.place(id)
				admin1[p.Admin1] = true
				countries[p.Country] = true
			case Country:
				if countries == nil {
					countries = map[string]bool{}
				}
				countries[t.place(id).Country] = true
			}
		}
		if countries != nil {
			return countries, admin1
		}
	}
	return nil, nil
}

// qualifiers are words before a place name that leave it in the same area.
var qualifiers = []string{"north ", "south ", "east ", "west ", "central ", "northern ", "southern ", "eastern ",
	"western ", "upper ", "lower ", "greater ", "downtown ", "inner ", "outer ", "north-east ", "north-west ",
	"south-east ", "south-west ", "northeast ", "northwest ", "southeast ", "southwest ", "metro ", "metropolitan ",
	"северный ", "южный ", "восточный ", "западный ", "центральный ", "большой ", "солтүстік ", "оңтүстік ", "шығыс ", "батыс "}

// facilities are words after a place name that make it a site inside the
// place: "Vancouver Art Gallery", "Almaty International Airport".
var facilities = []string{" international airport", " airport", " area", " region", " metropolitan area", " art gallery",
	" museum", " university", " hospital", " church", " cathedral", " stadium", " station", " port", " harbour", " harbor",
	" bay", " valley", " park", " square", " county", " co", " district", " municipality", " township", " twp",
	" аэропорт", " вокзал", " район", " әуежайы"}

// partial resolves a name the gazetteer lacks by the place it names or
// lies in: a qualifier dropped (South Pacific, North London), a facility
// word dropped (Vancouver Art Gallery), or the part before a hyphen
// (Montreal-Pierre Elliott Trudeau International Airport).
func (t *tables) partial(name string, dst []int32, mode int) []int32 {
	key := foldName(name)
	if key == "" || len(key) > 120 {
		return dst
	}
	try := func(k string) bool {
		if k == "" || k == key {
			return false
		}
		dst = t.lookupForms(k, dst[:0], mode)
		return len(dst) > 0
	}
	for _, q := range qualifiers {
		if rest, ok := strings.CutPrefix(key, q); ok && try(rest) {
			return dst
		}
	}
	for _, f := range facilities {
		if rest, ok := strings.CutSuffix(key, f); ok && try(rest) {
			return dst
		}
	}
	if i := strings.IndexByte(key, '-'); i > 2 && try(key[:i]) {
		return dst
	}
	// The longest run of leading words that names a place: "Almaty
	// Tech Garden" -> Almaty.
	words := strings.Fields(key)
	for n := len(words) - 1; n >= 1; n-- {
		if try(strings.Join(words[:n], " ")) {
			return dst
		}
	}
	return dst[:0]
}

// variants looks up spellings of a name the tables lack: a county or
// parish named without its type word (Oconee for Oconee County), Saint for
// St. and the other way round, "and" for "&", the article of plural names
// (Urals), and the people of a state or province (Ohioans, Ontarians,
// Texan), which stand for it. Only Latin-script names are tried.
func (t *tables) variants(name string, dst []int32, mode int) []int32 {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 120 {
		return dst
	}
	if r, _ := runes.Decode(name); r >= 0x250 || !runes.IsUpper(r) {
		return dst
	}
	try := func(k string, kinds ...Kind) bool {
		dst = t.lookupForms(k, dst[:0], mode)
		if len(kinds) > 0 {
			keep := dst[:0]
			for _, id := range dst {
				if slices.Contains(kinds, t.kind(id)) && (kinds[0] != Admin1 || strings.EqualFold(t.place(id).Name, k)) {
					keep = append(keep, id)
				}
			}
			dst = keep
		}
		return len(dst) > 0
	}
	for _, w := range []string{" County", " Parish"} {
		if try(name+w, Admin2) {
			return dst
		}
	}
	if b, ok := strings.CutSuffix(name, " Co."); ok && try(b+" County", Admin2) {
		return dst
	}
	swaps := [][2]string{{"St. ", "Saint "}, {"Saint ", "St. "}, {"St ", "Saint "}, {" & ", " and "}, {" and ", " & "},
		{"Mt. ", "Mount "}, {"Ft. ", "Fort "}, {" Twp.", " Township"}, {"Pt. ", "Point "}}
	for _, sw := range swaps {
		if strings.Contains(name, sw[0]) && try(strings.Replace(name, sw[0], sw[1], 1)) {
			return dst
		}
	}
	if strings.HasSuffix(name, "s") && try("the "+name, Land, Water, Region) {
		return dst
	}
	// Ohioans, Minnesotans, Ontarians, Texans, Texan, Richmondites.
	stem := strings.TrimSuffix(name, "s")
	var stems []string
	switch {
	case strings.HasSuffix(stem, "ite"):
		stems = append(stems, strings.TrimSuffix(stem, "ite"))
	case strings.HasSuffix(stem, "ian"):
		b := strings.TrimSuffix(stem, "ian")
		stems = append(stems, b+"ia", b+"io", b+"a", b)
	case strings.HasSuffix(stem, "an"):
		b := strings.TrimSuffix(stem, "an")
		stems = append(stems, b+"a", b, b+"as")
	}
	for _, k := range stems {
		if len(k) >= 3 && try(k, Admin1, City) {
			return dst
		}
	}
	return dst[:0]
}

// acronym reports a short all-capital name (US, UK, UAE), which is no
// town's name.
func acronym(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if !runes.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// compassWord reports a lone direction or qualifier (East, Central), which
// names no place of its own and so takes none by backoff.
func compassWord(s string) bool {
	k := foldName(s) + " "
	return slices.Contains(qualifiers, k)
}

// commonwealth are the countries that write British English.
var commonwealth = map[string]bool{"GB": true, "IE": true, "CA": true, "AU": true, "NZ": true, "ZA": true, "IN": true}

// localeMarks are words and signs that American and British English
// write differently, with the country they point to.
var localeMarks = map[string]string{
	"color": "US", "colour": "GB", "colors": "US", "colours": "GB", "center": "US", "centre": "GB",
	"neighbor": "US", "neighbour": "GB", "neighbors": "US", "neighbours": "GB", "neighborhood": "US", "neighbourhood": "GB",
	"favorite": "US", "favourite": "GB", "honor": "US", "honour": "GB", "programme": "GB", "tonnes": "GB", "kilometres": "GB", "metres": "GB",
	"labor": "US", "labour": "GB", "defense": "US", "defence": "GB", "organization": "US", "organisation": "GB",
	"theater": "US", "theatre": "GB", "behavior": "US", "behaviour": "GB", "license": "US", "licence": "GB",
	"traveled": "US", "travelled": "GB", "mom": "US", "mum": "GB", "apartment": "US", "flat": "",
	"jewelry": "US", "jewellery": "GB", "aluminum": "US", "aluminium": "GB", "catalog": "US", "catalogue": "GB",
	"traveling": "US", "travelling": "GB", "canceled": "US", "cancelled": "GB", "counselor": "US", "counsellor": "GB",
	"enrollment": "US", "enrolment": "GB", "skeptical": "US", "sceptical": "GB", "analyze": "US", "analyse": "GB",
	"councilman": "US", "councilor": "US", "councillor": "GB", "councillors": "GB", "percent": "US",
	"petrol": "GB", "lorry": "GB", "motorway": "GB", "solicitor": "GB", "barrister": "GB", "cheque": "GB", "tyre": "GB", "tyres": "GB",
	"sidewalk": "US", "freeway": "US", "gasoline": "US", "realtor": "US", "downtown": "US", "attorney": "US",
	"sheriff": "US", "varsity": "US", "township": "US",
	"$": "$", "£": "£",
}

// dollarCommonwealth are the countries that write British English and
// count in dollars.
var dollarCommonwealth = map[string]bool{"CA": true, "AU": true, "NZ": true}

// englishLocale returns the countries whose spelling and usage an English
// document follows, by its marks (color or colour, $ or £): "US", "GB"
// (Britain and the Commonwealth), "$GB" (Canada, Australia, New Zealand),
// or "" when they do not tell.
func englishLocale(text string, lang language.Tag) string {
	if b, _ := lang.Base(); b.String() != "en" {
		return ""
	}
	if len(text) > 1<<16 {
		text = text[:1<<16]
	}
	n := map[string]int{"US": 0, "GB": 0, "$": 0, "£": 0}
	i := 0
	for i < len(text) {
		r, size := runes.Decode(text[i:])
		if r == '$' || r == '£' {
			n[localeMarks[string(r)]]++
			i += size
			continue
		}
		if !runes.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := runes.Decode(text[j:])
			if !runes.IsLetter(r) {
				break
			}
			j += size
		}
		if j-i >= 3 && j-i <= 13 {
			// Lower-case ASCII in place: no allocation per word.
			var buf [13]byte
			w := buf[:0]
			for k := i; k < j; k++ {
				c := text[k]
				if c >= utf8.RuneSelf {
					w = nil
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w = append(w, c)
			}
			if cc := localeMarks[string(w)]; w != nil && cc != "" {
				n[cc]++
			} else if string(w) == "cent" && i >= 4 && strings.EqualFold(text[i-4:i], "per ") {
				n["GB"]++ // "per cent", not "percent"
			}
		}
		i = j
	}
	// British spelling with dollars is Canada's, Australia's or New
	// Zealand's; dollars alone are most often American.
	gb, us := float64(n["GB"]+n["£"]), float64(n["US"])
	switch {
	case gb >= us+localeMargin && n["$"] > n["£"]:
		return "$GB"
	case gb >= us+localeMargin:
		return "GB"
	case us+float64(n["$"]) >= gb+localeMargin:
		return "US"
	}
	return ""
}
