package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadGrittaLGL(t *testing.T) {
	const data = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Alexandria’s man left Paris for Rapides Parish & Atlantis.]]></text>
    <toponyms count="4">
      <toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>31.3113</lat><lon>-92.4451</lon>
          <country geonameid="6252001">United States</country>
          <admin1 geonameid="4331987">Louisiana</admin1></gaztag></toponym>
      <toponym><start>20</start><end>25</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><lat>48.85</lat><lon>2.35</lon><country>France</country></gaztag></toponym>
      <toponym><start>32</start><end>46</end><phrase>Rapides Parish</phrase>
        <gaztag geonameid="4338356"><lat>31.1669</lat><lon>-92.4835</lon><country>Palestinian Territory</country></gaztag></toponym>
      <toponym><start>49</start><end>57</end><phrase>Atlantis</phrase></toponym>
    </toponyms>
  </article>
</articles>`
	p := write(t, t.TempDir(), "lgl.xml", data)
	docs, err := readGritta(p, nil)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	require.Len(t, d.Toponyms, 4)
	// The curly apostrophe is one character and three bytes: offsets after
	// it shift by two bytes. Paris is stated two characters early and found.
	var got []string
	for _, g := range d.Toponyms {
		got = append(got, d.Text[g.Start:g.End])
		assert.Equal(t, d.Text[g.Start:g.End], g.Text)
		assert.True(t, g.Recognize)
	}
	assert.Equal(t, []string{"Alexandria", "Paris", "Rapides Parish", "Atlantis"}, got)
	assert.Equal(t, 0, d.Unaligned)
	assert.Equal(t, goldPlace{HasCoords: true, Lat: 31.3113, Lon: -92.4451, GeonameID: 4314550, Country: "US"}, d.Toponyms[0].Place)
	assert.Equal(t, "FR", d.Toponyms[1].Place.Country)
	assert.Equal(t, "PS", d.Toponyms[2].Place.Country, "GeoNames name, not CLDR's")
	assert.Equal(t, goldPlace{}, d.Toponyms[3].Place, "no gaztag: nothing to resolve against")
}

func TestReadGrittaGeoVirusAndGWN(t *testing.T) {
	const geovirus = `<articles>
    <article>
        <source>https://en.wikinews.org/wiki/x</source>
        <text>Hogs in Pandi, Bulacan &amp; Luzon.</text>
        <locations>
            <location><name>Pandi</name><start>9</start><end>14</end><lat>14.87</lat><lon>120.95</lon><page>https://en.wikipedia.org/wiki/Pandi</page></location>
            <location><name>Luzon</name><start>26</start><end>31</end><lat>16</lat><lon>121</lon><page>p</page></location>
            <location><name>Mindanao</name><start>2</start><end>5</end><lat>8</lat><lon>125</lon><page>p</page></location>
        </locations>
    </article>
</articles>`
	p := write(t, t.TempDir(), "GeoVirus.xml", geovirus)
	docs, err := readGritta(p, nil)
	require.NoError(t, err)
	d := docs[0]
	assert.Equal(t, "Pandi", d.Toponyms[0].Text, "one-based offsets are realigned")
	assert.Equal(t, "Luzon", d.Toponyms[1].Text, "entities are decoded before counting")
	assert.Equal(t, "gs ", d.Toponyms[2].Text, "an unfound phrase keeps its stated offsets")
	assert.Equal(t, 1, d.Unaligned)
	assert.Equal(t, goldPlace{HasCoords: true, Lat: 14.87, Lon: 120.95}, d.Toponyms[0].Place)

	const gwn = `<?xml version="1.0" ?>
<articles>
	<!--GeoWebNews-->
	<article file="0">
		<title>T</title>
		<link>http://x</link>
		<text>The Paris office and French wine.</text>
		<toponyms>
			<toponym>
				<extractedName>Paris</extractedName>
				<normalisedName>Paris</normalisedName>
				<type>Literal_Modifier</type>
				<modifierType>Noun</modifierType>
				<nonLocational>No</nonLocational>
				<start>4</start>
				<end>9</end>
				<geonamesID>2988507</geonamesID>
				<latitude>48.85341</latitude>
				<longitude>2.3488</longitude>
			</toponym>
			<toponym>
				<extractedName>The Paris office</extractedName>
				<normalisedName/>
				<type>Literal_Expression</type>
				<start>0</start>
				<end>16</end>
			</toponym>
			<toponym>
				<extractedName>French</extractedName>
				<type>Demonym</type>
				<start>21</start>
				<end>27</end>
			</toponym>
		</toponyms>
	</article>
</articles>`
	p = write(t, t.TempDir(), "GWN.xml", gwn)
	docs, err = readGritta(p, nil)
	require.NoError(t, err)
	ts := docs[0].Toponyms
	require.Len(t, ts, 3)
	assert.True(t, ts[0].Recognize)
	assert.Equal(t, goldPlace{HasCoords: true, Lat: 48.85341, Lon: 2.3488, GeonameID: 2988507}, ts[0].Place)
	assert.False(t, ts[1].Recognize, "Literal_Expression wraps a toponym")
	assert.False(t, ts[2].Recognize, "a demonym is not a toponym")
}

func TestReadGrittaErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := readGritta(write(t, dir, "a.xml", "<articles></articles>"), nil)
	assert.ErrorContains(t, err, "no <article>")
	var sk skips
	docs, err := readGritta(write(t, dir, "b.xml", "<articles><article><text>x</text><toponyms><toponym><start>a</start><end>1</end></toponym></toponyms></article></articles>"), &sk)
	require.NoError(t, err)
	assert.Empty(t, docs[0].Toponyms)
	assert.Equal(t, 1, sk.n)
	assert.Contains(t, sk.first[0], "bad toponym offsets")
	_, err = readGritta(write(t, dir, "c.xml", "<articles"), nil)
	assert.Error(t, err)
}

func TestCountryCode(t *testing.T) {
	for name, want := range map[string]string{
		"United States": "US", "United Kingdom": "GB", "Russia": "RU", "Kazakhstan": "KZ",
		"Czech Republic": "CZ", "Saint Kitts and Nevis": "KN", "British Virgin Islands": "VG",
		"Hong Kong": "HK", "Macao": "MO", "Bonaire": "BQ", "North Korea": "KP", "Vietnam": "VN",
		"Palestinian Territory": "PS", "Atlantis": "", "": "",
	} {
		assert.Equal(t, want, countryCode(name), "countryCode(%q)", name)
	}
}

func TestAlign(t *testing.T) {
	text := "Paris, not Paris."
	offs := runeOffsets(text)
	for _, c := range []struct {
		phrase    string
		start     int
		wantS     int
		wantFound bool
	}{
		{"Paris", 0, 0, true},
		{"Paris", 3, 0, true},  // 3 from the first, 8 from the second
		{"Paris", 9, 11, true}, // 2 from the second
		{"Lyon", 0, 0, false},
		{"", 0, 0, false},
	} {
		s, _, ok := align(text, offs, c.phrase, c.start)
		assert.Equal(t, c.wantFound, ok, "align(%q, %d)", c.phrase, c.start)
		if ok {
			assert.Equal(t, c.wantS, s, "align(%q, %d)", c.phrase, c.start)
		}
	}
}

func FuzzReadGritta(f *testing.F) {
	f.Add("Hogs in Pandi.", "9", "14", "Pandi")
	f.Add("ж", "-3", "99", "ж")
	f.Add("", "0", "0", "")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text, start, end, phrase string) {
		var b strings.Builder
		b.WriteString("<articles><article><text>")
		xml.EscapeText(&b, []byte(text))
		b.WriteString("</text><toponyms><toponym><start>")
		xml.EscapeText(&b, []byte(start))
		b.WriteString("</start><end>")
		xml.EscapeText(&b, []byte(end))
		b.WriteString("</end><phrase>")
		xml.EscapeText(&b, []byte(phrase))
		b.WriteString("</phrase></toponym></toponyms></article></articles>")
		p := filepath.Join(dir, "f.xml")
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		docs, err := readGritta(p, nil)
		if err != nil {
			return
		}
		d := docs[0]
		for _, g := range d.Toponyms {
			if g.Start < 0 || g.Start > g.End || g.End > len(d.Text) || d.Text[g.Start:g.End] != g.Text {
				t.Fatalf("toponym %+v outside %q", g, d.Text)
			}
		}
	})
}
