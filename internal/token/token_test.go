package token

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// texts returns the token texts.
func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenizeUnits(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Zapad-2021 drills", []string{"Zapad-2021", "drills"}},
		{"учения «Запад-2021»", []string{"учения", "«", "Запад-2021", "»"}},
		{"Kassym-Jomart Tokayev", []string{"Kassym-Jomart", "Tokayev"}},
		{"Lieutenant-General Viktor Khrenin", []string{"Lieutenant-General", "Viktor", "Khrenin"}},
		{"«Самрук-Қазына»", []string{"«", "Самрук-Қазына", "»"}},
		{"the U.S. and", []string{"the", "U.S.", "and"}},
		{"т.е. так", []string{"т.е.", "так"}},
		{"on 05.08.2021.", []string{"on", "05.08.2021", "."}},
		{"September 10-16", []string{"September", "10-16"}},
		{"send an e-mail", []string{"send", "an", "e-mail"}},
		{"see https://example.com/a?b=1.", []string{"see", "https://example.com/a?b=1", "."}},
		{"(www.gov.kz)", []string{"(", "www.gov.kz", ")"}},
		{"write to press@mod.gov.kz now", []string{"write", "to", "press@mod.gov.kz", "now"}},
		{"@Tokayev_KZ and #Zapad2021", []string{"@Tokayev_KZ", "and", "#Zapad2021"}},
		{"100,000 troops, 3.5%", []string{"100,000", "troops", ",", "3.5", "%"}},
		{"Kazakhstan's army", []string{"Kazakhstan", "'s", "army"}},
		{"Russia’s four", []string{"Russia", "’s", "four"}},
		{"Belarus, Russia", []string{"Belarus", ",", "Russia"}},
		{"(CSTO)", []string{"(", "CSTO", ")"}},
		{"O'Brien said...", []string{"O'Brien", "said", "..."}},
		{"В. В. Путин", []string{"В", ".", "В", ".", "Путин"}},
		{"Қарағанды облысының", []string{"Қарағанды", "облысының"}},
		{"end.Next", []string{"end", ".", "Next"}},
	}
	for _, tt := range tests {
		got := texts(Tokenize(tt.in))
		assert.Equal(t, tt.want, got, "Tokenize(%q)", tt.in)
	}
}

func TestTokenizeStream(t *testing.T) {
	in := "Almaty. August 5.\n\nKhrenin (CSTO)"
	want := []Token{
		{0, 6, "Almaty", Word, 0},
		{6, 7, ".", Punct, 0},
		{8, 14, "August", Word, 0},
		{15, 16, "5", Number, 0},
		{16, 17, ".", Punct, 0},
		{19, 26, "Khrenin", Word, 2},
		{27, 28, "(", Punct, 0},
		{28, 32, "CSTO", Word, 0},
		{32, 33, ")", Punct, 0},
	}
	assert.Equal(t, want, Tokenize(in))
}

func TestTokenizeKinds(t *testing.T) {
	toks := Tokenize("a https://x.org b@c.de @h 10-16 $")
	var kinds []Kind
	for _, t := range toks {
		kinds = append(kinds, t.Kind)
	}
	assert.Equal(t, []Kind{Word, URL, Email, Handle, Number, Symbol}, kinds)
	assert.Equal(t, "URL", URL.String())
}

func TestTokenizeBadInput(t *testing.T) {
	tests := []string{
		"",
		"   \n\t ",
		"a\x00b",
		"\xff\xfeКазах\xffстан\x80",
		strings.Repeat("!", 1000),
		strings.Repeat("-", 1000) + "a",
		"<p><b>Astana</b>&nbsp;news</p>",
		"Kazakhstanқазақ中文",
	}
	for _, in := range tests {
		checkTokens(t, in, Tokenize(in))
	}
	assert.Empty(t, Tokenize(""))
	assert.Equal(t, []string{"a", "b"}, texts(Tokenize("a\x00b")))
}

func TestTokenizeLong(t *testing.T) {
	word := strings.Repeat("ы", 1<<19) // a 1 MB word
	toks := Tokenize(word)
	require.Len(t, toks, 1)
	assert.Equal(t, len(word), toks[0].End)
}

// checkTokens asserts the offset invariants of a token stream.
func checkTokens(t testing.TB, in string, toks []Token) {
	t.Helper()
	prev := 0
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
			t.Fatalf("Tokenize(%q): bad span %d-%d after %d", in, tok.Start, tok.End, prev)
		}
		if in[tok.Start:tok.End] != tok.Text {
			t.Fatalf("Tokenize(%q): text %q != in[%d:%d]", in, tok.Text, tok.Start, tok.End)
		}
		if !utf8.ValidString(tok.Text) {
			t.Fatalf("Tokenize(%q): token %q is not valid UTF-8", in, tok.Text)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Zapad-2021", "U.S. т.е. 05.08.2021", "a\x00\xffb", "https://x.y/z.", "Kazakhstan's (CSTO)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		toks := Tokenize(in)
		checkTokens(t, in, toks)
		for _, s := range Sentences(in, toks) {
			if s.Start >= s.End || s.End > len(toks) || s.ByteStart != toks[s.Start].Start || s.ByteEnd != toks[s.End-1].End {
				t.Fatalf("Sentences(%q): bad sentence %+v", in, s)
			}
		}
	})
}

func seedPage(tb testing.TB) string {
	b, err := os.ReadFile("../../testdata/seed.txt")
	require.NoError(tb, err)
	return string(b)
}

func BenchmarkTokenize(b *testing.B) {
	text := seedPage(b)
	buf := make([]Token, 0, 2048)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		buf = AppendTokens(buf[:0], text)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := seedPage(b)
	toks := Tokenize(text)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text, toks)
	}
}
