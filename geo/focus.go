package geo

import (
	"cmp"
	"slices"
)

// Focus is what a document is about geographically.
type Focus struct {
	// Countries are ISO 3166-1 alpha-2 codes, most mentioned first. Each
	// resolved place counts for its country and each demonym in the text
	// (Belarusian, казахстанский) for its country.
	Countries []string
	// Admin1 are ISO 3166-2 codes of first-level regions, most mentioned
	// first: regions named and regions of the places named.
	Admin1 []string
}

// Focus returns the countries and first-level regions that text is about,
// given the resolutions [Resolver.Resolve] made for it. Ties keep the order
// of first mention.
func (r *Resolver) Focus(text string, res []Resolution) Focus {
	type count struct {
		code  string
		n     int
		first int
	}
	var countries, admins []count
	add := func(list *[]count, code string, w, order int) {
		for i := range *list {
			if (*list)[i].code == code {
				(*list)[i].n += w
				return
			}
		}
		*list = append(*list, count{code, w, order})
	}
	for i, x := range res {
		if !x.Resolved {
			continue
		}
		if x.Place.Country != "" {
			add(&countries, x.Place.Country, 2, i)
		}
		if x.Place.Admin1 != "" && x.Place.Kind != Country {
			add(&admins, x.Place.Admin1, 1, i)
		}
	}
	dem := r.gaz.t.demonymCounts(text)
	codes := make([]string, 0, len(dem))
	for cc := range dem {
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	for _, cc := range codes {
		add(&countries, cc, dem[cc], len(res))
	}
	order := func(a, b count) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.first, b.first)
	}
	slices.SortStableFunc(countries, order)
	slices.SortStableFunc(admins, order)
	var f Focus
	for _, c := range countries {
		f.Countries = append(f.Countries, c.code)
	}
	for _, c := range admins {
		f.Admin1 = append(f.Admin1, c.code)
	}
	return f
}
