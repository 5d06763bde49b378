package geo

// Development tools over the gritta corpora, off unless asked for:
//
//	GEO_TUNE="citypop=0.6;near=2" go test ./geo -run TestTune -v    # try weight variants
//	GEO_ASCENT=1 go test ./geo -run TestAscent -v                   # coordinate ascent over the weights
//	GEO_ORACLE=1 go test ./geo -run TestOracle -v                   # share of toponyms with any right candidate

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func setW(spec string) {
	m := map[string]*float64{"country": &wCountry, "region": &wRegion, "admin1": &wAdmin1, "admin1pop": &wAdmin1Pop,
		"admin2": &wAdmin2, "admin2pop": &wAdmin2Pop, "citypop": &wCityPop, "capital": &wCapital, "seat": &wSeat,
		"primary": &wPrimary, "doccountry": &wDocCountry, "docadmin1": &wDocAdmin1, "near": &wNear, "nearkm": &nearKm,
		"evlimit": &evidenceLimit, "langen": &wLangEN, "demonym": &wDemonym, "container": &wContainer, "shadow": &wShadow, "smalltown": &smallTown, "coh": &wCoh, "cohlimit": &cohLimit, "lone": &wLone, "namedcity": &wNamedCity, "cohdecay": &cohDecay, "cohadmin1": &cohAdmin1, "shadowpop": &shadowPop, "locale": &wLocale, "localemargin": &localeMargin}
	for _, kv := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		f, _ := strconv.ParseFloat(v, 64)
		if m[k] != nil {
			*m[k] = f
		}
	}
}

func TestTune(t *testing.T) {
	spec := os.Getenv("GEO_TUNE")
	if spec == "" {
		t.Skip()
	}
	base := os.Getenv("GEO_BASE")
	for _, variant := range strings.Split(spec, ";") {
		setW(base)
		setW(variant)
		var line []string
		for _, name := range []string{"lgl.xml", "TR-News.xml"} {
			s := scoreGritta(t, filepath.Join(datasetDir(), "geoparsing-gritta", "data", "Corpora", name))
			line = append(line, name+" "+strconv.FormatFloat(share(s.within, s.coords), 'f', 4, 64)+" c "+strconv.FormatFloat(share(s.country, s.countries), 'f', 4, 64))
		}
		t.Logf("%s: %s", variant, strings.Join(line, " | "))
	}
}

func TestAscent(t *testing.T) {
	if os.Getenv("GEO_ASCENT") == "" {
		t.Skip()
	}
	params := map[string]*float64{"country": &wCountry, "region": &wRegion, "admin1": &wAdmin1, "admin1pop": &wAdmin1Pop,
		"admin2": &wAdmin2, "admin2pop": &wAdmin2Pop, "citypop": &wCityPop, "capital": &wCapital, "seat": &wSeat,
		"primary": &wPrimary, "doccountry": &wDocCountry, "docadmin1": &wDocAdmin1, "near": &wNear,
		"evlimit": &evidenceLimit, "demonym": &wDemonym, "coh": &wCoh, "cohdecay": &cohDecay, "lone": &wLone, "namedcity": &wNamedCity,
		"shadow": &wShadow, "container": &wContainer}
	names := []string{"citypop", "capital", "primary", "doccountry", "docadmin1", "near", "admin2", "admin2pop", "admin1", "admin1pop",
		"seat", "evlimit", "demonym", "region", "country", "coh", "cohdecay", "lone", "namedcity", "shadow", "container"}
	eval := func() (float64, string) {
		var sum float64
		var line []string
		for _, name := range []string{"lgl.xml", "TR-News.xml"} {
			s := scoreGritta(t, filepath.Join(datasetDir(), "geoparsing-gritta", "data", "Corpora", name))
			a := share(s.within, s.coords)
			sum += a + 0.5*share(s.country, s.countries)
			line = append(line, strconv.FormatFloat(a, 'f', 4, 64))
		}
		return sum, strings.Join(line, " ")
	}
	best, desc := eval()
	t.Logf("start %.4f %s", best, desc)
	for sweep := 0; sweep < 2; sweep++ {
		for _, n := range names {
			p := params[n]
			orig := *p
			for _, f := range []float64{0.6, 1.4} {
				*p = orig * f
				if v, d := eval(); v > best+0.0005 {
					best, desc = v, d
					t.Logf("%s=%.3f -> %.4f %s", n, *p, v, d)
					orig = *p
				} else {
					*p = orig
				}
			}
		}
	}
	var out []string
	for _, n := range names {
		out = append(out, n+"="+strconv.FormatFloat(*params[n], 'f', 3, 64))
	}
	t.Logf("final %s", strings.Join(out, ","))
}

func TestOracle(t *testing.T) {
	if os.Getenv("GEO_ORACLE") == "" {
		t.Skip()
	}
	tb := defaultTables()
	for _, name := range []string{"lgl.xml", "TR-News.xml"} {
		b, _ := os.ReadFile(filepath.Join(datasetDir(), "geoparsing-gritta", "data", "Corpora", name))
		var doc struct {
			Articles []grittaDoc `xml:"article"`
		}
		xml.Unmarshal(b, &doc)
		n, any, first := 0, 0, 0
		var out []string
		for _, a := range doc.Articles {
			for _, tp := range a.Toponyms {
				if tp.Gaz == nil {
					continue
				}
				lat, e1 := strconv.ParseFloat(tp.Gaz.Lat, 64)
				lon, e2 := strconv.ParseFloat(tp.Gaz.Lon, 64)
				if e1 != nil || e2 != nil {
					continue
				}
				n++
				ids := tb.lookup(tp.Phrase, nil)
				if cc, ok := tb.demonym(tp.Phrase); ok {
					ids = tb.countryIndex(cc, ids)
				}
				hit := -1
				for k, id := range ids {
					p := tb.place(id)
					if distanceKm(lat, lon, p.Lat, p.Lon) <= 161 {
						hit = k
						break
					}
				}
				if hit >= 0 {
					any++
					if hit == 0 {
						first++
					}
				} else if len(ids) > 0 {
					p := tb.place(ids[0])
					out = append(out, fmt.Sprintf("%s\t%s\t%s (%s,%s)\tfirst %s %s (%.2f,%.2f)", tp.Phrase, tp.Gaz.Fcode, tp.Gaz.Name, tp.Gaz.Lat, tp.Gaz.Lon, p.Name, p.Kind, p.Lat, p.Lon))
				}
			}
		}
		t.Logf("%s: n %d oracle %.4f first %.4f", name, n, share(any, n), share(first, n))
		if f := os.Getenv("GEO_MISSES"); f != "" {
			os.WriteFile(f+".oracle."+name+".txt", []byte(strings.Join(out, "\n")), 0o644)
		}
	}
}
