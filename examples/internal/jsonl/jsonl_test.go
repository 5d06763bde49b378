package jsonl

import "testing"

func TestDocument(t *testing.T) {
	tests := []struct {
		d    Doc
		want string
	}{
		{Doc{Title: "T", Text: "body"}, "T\n\nbody"},
		{Doc{Text: "body"}, "body"},
		{Doc{Title: "T"}, "T"},
		{Doc{}, ""},
	}
	for _, tt := range tests {
		if got := tt.d.Document(); got != tt.want {
			t.Errorf("(%+v).Document() = %q; want %q", tt.d, got, tt.want)
		}
	}
}
