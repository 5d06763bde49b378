package normalize

import (
	"testing"
	"unicode/utf8"

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
