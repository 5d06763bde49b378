package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/stretchr/testify/assert"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ёлка", "елка"},
		{"«Самрук-Қазына»", "\"самрук-қазына\""},
		{"Russia’s", "russia's"},
		{"Запад—2021", "запад-2021"},
		{"ALMATY", "almaty"},
		{"already folded", "already folded"},
		{"e\u0301", "é"}, // NFC
		{"a\xffb", "ab"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Fold(tt.in), "Fold(%q)", tt.in)
	}
}

// TestNFCStarters checks that every rune nfcStarter accepts is in NFC on
// its own, lower-cases to such a rune, and never composes with the rune
// before it, so that a string of them is in NFC; and that Fold takes the
// same result with or without that shortcut.
func TestNFCStarters(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if !nfcStarter(r) || !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if !norm.NFC.PropertiesString(s).BoundaryBefore() || !norm.NFC.IsNormalString(s) || !norm.NFC.IsNormalString(string(Rune(r))) {
			t.Errorf("nfcStarter(%U) is true, but it is not an NFC starter", r)
		}
	}
	for _, s := range []string{"Ёлка «Запад»", "Қарағанды облысының", "Müller—Straße", "e\u0301", "Й", "И\u0306", "a\xffb", "\ufffd"} {
		slow := strings.Map(func(r rune) rune {
			if r == utf8.RuneError {
				return -1
			}
			return Rune(r)
		}, norm.NFC.String(s))
		if got := Fold(s); got != slow {
			t.Errorf("Fold(%q) = %q; want %q", s, got, slow)
		}
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("IsNFC(%q) = %v; want %v", s, got, want)
		}
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Errorf("NFC(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestRuneLower checks Rune against unicode.ToLower for every rune it does
// not map specially.
func TestRuneLower(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		switch got := Rune(r); {
		case got == '"' || got == '\'' || got == '-' || r == 'Ё' || r == 'ё':
		case got != unicode.ToLower(r):
			t.Fatalf("Rune(%U) = %U; want %U", r, got, unicode.ToLower(r))
		}
	}
}

func TestPredicates(t *testing.T) {
	assert.True(t, Quote('«'))
	assert.True(t, Quote('’'))
	assert.False(t, Quote('a'))
	assert.True(t, Dash('—'))
	assert.False(t, Dash('.'))
	assert.Equal(t, "é", NFC("e\u0301"))
}

func FuzzFold(f *testing.F) {
	f.Add("Ёлка «Запад»")
	f.Add("\xff\x00")
	f.Fuzz(func(t *testing.T, s string) {
		out := Fold(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, out)
		}
		if Fold(out) != out {
			t.Fatalf("Fold(Fold(%q)) != Fold(%q)", s, s)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	s := "Министерство обороны Республики Казахстан — «Запад-2021»"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fold(s)
	}
}
