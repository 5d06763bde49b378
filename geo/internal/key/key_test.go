package key

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Almaty", "almaty"},
		{"  São   Paulo ", "sao paulo"},
		{"Almatı", "almati"},
		{"U.S.", "u.s"},
		{"«Қарағанды»", "қарағанды"},
		{"Йошкар-Ола", "йошкар-ола"},
		{"Ёлки", "елки"},
		{"Łódź", "lodz"},
		{"Nur–Sultan", "nur-sultan"},
		{"", ""},
		{strings.Repeat("a", MaxRunes+1), ""},
	} {
		if got := Of(c.in); got != c.want {
			t.Errorf("Of(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func FuzzOf(f *testing.F) {
	for _, s := range []string{"Almaty", "São Paulo", "Қарағанды облысы", "U.S.", "\xff", " a  b ", "Ал\u0301маты"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Of(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Of(%q) = %q: invalid UTF-8", s, k)
		}
		if k2 := Of(k); k2 != k {
			t.Fatalf("Of(Of(%q)) = %q; Of = %q: not idempotent", s, k2, k)
		}
	})
}

func BenchmarkOf(b *testing.B) {
	for _, s := range []string{"almaty", "Almaty", "Карагандинской области", "São Paulo"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Of(s)
			}
		})
	}
}
