package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func sentences(text string) []string {
	toks := Tokenize(text)
	var out []string
	for _, s := range Sentences(text, toks) {
		out = append(out, text[s.ByteStart:s.ByteEnd])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He came. She left.", []string{"He came.", "She left."}},
		{"Lt. Gen. Khrenin spoke. Then he left!", []string{"Lt. Gen. Khrenin spoke.", "Then he left!"}},
		{"Президент В. В. Путин прибыл в г. Астана. Встреча прошла.", []string{"Президент В. В. Путин прибыл в г. Астана.", "Встреча прошла."}},
		{"В 2020-2021 гг. было так, т.е. хорошо. Далее.", []string{"В 2020-2021 гг. было так, т.е. хорошо.", "Далее."}},
		{"Университет им. Аль-Фараби открыт.", []string{"Университет им. Аль-Фараби открыт."}},
		{"\"We have invited them.\" Shoigu said.", []string{"\"We have invited them.\"", "Shoigu said."}},
		{"It rose 3.5 percent. Then fell.", []string{"It rose 3.5 percent.", "Then fell."}},
		{"Belarus Seeks Stronger Cooperation\nAlmaty. August 5.", []string{"Belarus Seeks Stronger Cooperation", "Almaty.", "August 5."}},
		{"Первый абзац без точки\n\nвторой абзац", []string{"Первый абзац без точки", "второй абзац"}},
		{"a line that wraps\nin the middle.", []string{"a line that wraps\nin the middle."}},
		{"ru Осужден руководитель\nru В винограде", []string{"ru Осужден руководитель", "ru В винограде"}},
		{"Why? Because.", []string{"Why?", "Because."}},
		{"", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sentences(tt.in), "Sentences(%q)", tt.in)
	}
}

func TestIsAbbreviation(t *testing.T) {
	for _, w := range []string{"Gen", "Lt.", "г", "гг", "им", "Dr"} {
		assert.True(t, IsAbbreviation(w), "IsAbbreviation(%q)", w)
	}
	for _, w := range []string{"Khrenin", "", "город"} {
		assert.False(t, IsAbbreviation(w), "IsAbbreviation(%q)", w)
	}
}
