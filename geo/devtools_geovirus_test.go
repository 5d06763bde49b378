package geo

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestGeoVirus measures acc@161 km on GeoVirus (Wikipedia coordinates):
// GEO_GV=1 for the figure, GEO_GV=v for the most frequent misses too.
func TestGeoVirus(t *testing.T) {
	if os.Getenv("GEO_GV") == "" {
		t.Skip()
	}
	setW(os.Getenv("GEO_BASE"))
	b, _ := os.ReadFile(filepath.Join(datasetDir(), "geoparsing-gritta", "data", "Corpora", "GeoVirus.xml"))
	var doc struct {
		Articles []struct {
			Text string `xml:"text"`
			Locs []struct {
				Name  string `xml:"name"`
				Start int    `xml:"start"`
				End   int    `xml:"end"`
				Lat   string `xml:"lat"`
				Lon   string `xml:"lon"`
			} `xml:"locations>location"`
		} `xml:"article"`
	}
	xml.Unmarshal(b, &doc)
	r, _ := New()
	n, ok := 0, 0
	miss := map[string]int{}
	for _, a := range doc.Articles {
		var tops []Toponym
		var gl [][2]float64
		for _, l := range a.Locs {
			i := strings.Index(a.Text, l.Name)
			if i < 0 {
				continue
			}
			la, _ := strconv.ParseFloat(l.Lat, 64)
			lo, _ := strconv.ParseFloat(l.Lon, 64)
			tops = append(tops, Toponym{Start: i, End: i + len(l.Name), Text: l.Name})
			gl = append(gl, [2]float64{la, lo})
		}
		for i, x := range r.Resolve(a.Text, tops, language.English) {
			n++
			if x.Resolved && distanceKm(gl[i][0], gl[i][1], x.Place.Lat, x.Place.Lon) <= 161 {
				ok++
			} else {
				miss[fmt.Sprintf("%s\t(%.1f,%.1f)\t%s %s %s (%.1f,%.1f)", x.Text, gl[i][0], gl[i][1], x.Place.Name, x.Place.Kind, x.Place.Country, x.Place.Lat, x.Place.Lon)]++
			}
		}
	}
	t.Logf("GeoVirus n %d acc161 %.4f", n, share(ok, n))
	var ks []string
	for k := range miss {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return miss[ks[i]] > miss[ks[j]] })
	if os.Getenv("GEO_GV") != "v" {
		return
	}
	for _, k := range ks[:60] {
		t.Logf("%3d %s", miss[k], k)
	}
}
