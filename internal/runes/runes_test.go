package runes

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestAllRunes compares every function with its namesake for every rune,
// and a few values outside the range of runes.
func TestAllRunes(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if IsLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("IsLetter(%U) = %v", r, IsLetter(r))
		}
		if IsUpper(r) != unicode.IsUpper(r) {
			t.Fatalf("IsUpper(%U) = %v", r, IsUpper(r))
		}
		if IsLower(r) != unicode.IsLower(r) {
			t.Fatalf("IsLower(%U) = %v", r, IsLower(r))
		}
		if ToLower(r) != unicode.ToLower(r) {
			t.Fatalf("ToLower(%U) = %U; want %U", r, ToLower(r), unicode.ToLower(r))
		}
		if s := string(r); Lower(s) != strings.ToLower(s) {
			t.Fatalf("Lower(%q) = %q; want %q", s, Lower(s), strings.ToLower(s))
		}
	}
}

// TestDecode compares Count and Decode with package utf8 on every string
// of up to two bytes and on longer mixes.
func TestDecode(t *testing.T) {
	check := func(s string) {
		if Count(s) != utf8.RuneCountInString(s) {
			t.Fatalf("Count(%q) = %d; want %d", s, Count(s), utf8.RuneCountInString(s))
		}
		r, n := Decode(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("Decode(%q) = %U, %d; want %U, %d", s, r, n, wr, wn)
		}
	}
	check("")
	for a := 0; a < 256; a++ {
		check(string([]byte{byte(a)}))
		for b := 0; b < 256; b++ {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), byte(b), 'x'}))
		}
	}
	for _, s := range []string{"Астана 2024", "Қазақстан", "a\xffб", "日本語", "\xd0", "\xd0\xd0\xb0", "😀б"} {
		check(s)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("Астана \xd0x 日本")
	f.Fuzz(func(t *testing.T, s string) {
		if Count(s) != utf8.RuneCountInString(s) {
			t.Fatalf("Count(%q) = %d; want %d", s, Count(s), utf8.RuneCountInString(s))
		}
		for i := 0; i < len(s); {
			r, n := Decode(s[i:])
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("Decode(%q) = %U, %d; want %U, %d", s[i:], r, n, wr, wn)
			}
			i += n
		}
	})
}

func TestLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Астана", "АСТАНА", "астана", "Ёлка ЁЛКА", "Қазақстан ӘЛЕМ", "İstanbul", "ΑΘΗΝΑ", "a\xffB", "\xffАБВ", "Mixed Текст 2024", "ǅ"} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q; want %q", s, got, want)
		}
	}
}

func FuzzLower(f *testing.F) {
	for _, s := range []string{"Астана", "a\xffB", "İ", "Қ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Fatalf("Lower(%q) = %q; want %q", s, got, want)
		}
	})
}

func BenchmarkLower(b *testing.B) {
	words := strings.Fields("Министр обороны Республики Казахстан Руслан Жаксылыков провёл встречу с Kazakhstan Defense Minister")
	b.Run("runes", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				Lower(w)
			}
		}
	})
	b.Run("strings", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				strings.ToLower(w)
			}
		}
	})
}
