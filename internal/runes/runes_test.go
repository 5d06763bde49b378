package runes

import (
	"strings"
	"testing"
	"unicode"
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
