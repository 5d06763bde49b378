// Package jsonl holds the JSON Lines input record that the example programs
// (batch, beam) share.
package jsonl

import "encoding/json"

// Doc is one input line. Fields other than these are ignored.
type Doc struct {
	// ID is any JSON value; it is copied to the output unchanged (null when
	// absent).
	ID json.RawMessage `json:"id"`
	// Title and Text are analyzed together as Title + "\n\n" + Text (or the
	// one that is not empty); report offsets index that string.
	Title string `json:"title"`
	Text  string `json:"text"`
	// Published is not analyzed; any JSON value is accepted.
	Published json.RawMessage `json:"published"`
}

// Document returns the text analyzed for d.
func (d *Doc) Document() string {
	switch {
	case d.Title == "":
		return d.Text
	case d.Text == "":
		return d.Title
	}
	return d.Title + "\n\n" + d.Text
}
