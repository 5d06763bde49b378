package dataset

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestEveryNth(t *testing.T) {
	p := filepath.Join(t.TempDir(), "xx.txt")
	if err := os.WriteFile(p, []byte("a\n\n b \nc\nd\n  \ne\nf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := EveryNth(p, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"b", "d", "f"}; !slices.Equal(got, want) {
		t.Errorf("EveryNth(2) = %q; want %q", got, want)
	}
	if _, err := EveryNth(filepath.Join(t.TempDir(), "none"), 5); err == nil {
		t.Error("EveryNth on a missing file: no error")
	}
}
