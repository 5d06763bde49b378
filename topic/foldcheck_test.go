package topic

import (
	"testing"
	"unicode"

	"github.com/newsmon/newsmon/internal/normalize"
)

// TestAppendFoldCyrillic checks the Cyrillic fast path against the general
// folding.
func TestAppendFoldCyrillic(t *testing.T) {
	for r := rune(0x400); r < 0x530; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		got, script, _, _ := appendFold(nil, string(r))
		want := string(normalize.Rune(r))
		if string(got) != want {
			t.Errorf("appendFold(%q) = %q; want %q", r, got, want)
		}
		if script != scriptCyrillic {
			t.Errorf("appendFold(%q): script %d", r, script)
		}
	}
	_, _, kk, up := appendFold(nil, "Қазақстан")
	if !kk || !up {
		t.Errorf("Қазақстан: kazakh %v upper %v", kk, up)
	}
	_, _, kk, up = appendFold(nil, "казахстан")
	if kk || up {
		t.Errorf("казахстан: kazakh %v upper %v", kk, up)
	}
}
