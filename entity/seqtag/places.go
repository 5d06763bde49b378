package seqtag

import (
	"hash/maphash"
	"sync"

	"github.com/newsmon/newsmon/geo"
)

// Place classes from the geo gazetteer, used as features.
const (
	placeNone = iota
	placeCountry
	placeRegion // first-level subdivisions, macro-regions, peninsulas and other land
	placeCity
	placeWater
	placeOther
)

var gazetteerOnce = sync.OnceValue(func() *geo.Gazetteer {
	g, err := geo.NewGazetteer()
	if err != nil {
		return nil
	}
	return g
})

// placeCache memoizes gazetteer look-ups by exact text: the gazetteer's
// inflection-tolerant lookup costs microseconds, and news repeats its
// names. It stops growing at placeCacheMax entries per shard.
const (
	placeShards   = 64
	placeCacheMax = 1 << 13
)

type placeShard struct {
	mu sync.RWMutex
	m  map[string]uint8
}

var (
	placeCache [placeShards]placeShard
	placeSeed  = maphash.MakeSeed()
)

// placeClass returns the place class of name, or placeNone.
func placeClass(name string) uint8 {
	sh := &placeCache[maphash.String(placeSeed, name)%placeShards]
	sh.mu.RLock()
	c, ok := sh.m[name]
	sh.mu.RUnlock()
	if ok {
		return c
	}
	c = placeNone
	if g := gazetteerOnce(); g != nil {
		if k, ok := g.KindOf(name); ok {
			switch k {
			case geo.Country:
				c = placeCountry
			case geo.Admin1, geo.Region, geo.Land:
				c = placeRegion
			case geo.City:
				c = placeCity
			case geo.Water:
				c = placeWater
			default:
				c = placeOther
			}
		}
	}
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = map[string]uint8{}
	}
	if len(sh.m) < placeCacheMax {
		sh.m[name] = c
	}
	sh.mu.Unlock()
	return c
}

// IsPlace reports whether name (one or more words, any case form the geo
// gazetteer understands) is a known place name. Results are cached.
func IsPlace(name string) bool { return placeClass(name) != placeNone }
