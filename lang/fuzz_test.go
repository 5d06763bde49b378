package lang

import "testing"

var fuzzSeeds = []string{
	"", "a", "\n", "\n\n\n", "\xff", "ru \xd0", "Сенат\xff\xfeвернул", "ж\n\xbf\n", "12 34\n",
	"The minister said. Министр сказал.\nӘрі қарай\n", "https://x.kz/a?b=c Привет",
	"日本語のテキスト", "a'b’c ʻd", "\x00\x00abc\x00", "ﬁ ﬂ ǅ", "..........!!!!!!!!",
}

func FuzzDetect(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, tt := range detectTests {
		f.Add(tt.text)
	}
	d := newDetector(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := d.Detect(text)
		if r.Confidence < 0 || r.Confidence > 1 || r.Confidence != r.Confidence {
			t.Fatalf("Detect(%q).Confidence = %v", text, r.Confidence)
		}
		if (r.Language == Und) != (r.Confidence == 0) {
			t.Fatalf("Detect(%q) = %v with confidence %v", text, r.Language, r.Confidence)
		}
		sum := r.Confidence
		for _, a := range r.Alternatives {
			sum += a.Confidence
		}
		if sum > 1+1e-9 {
			t.Fatalf("Detect(%q): confidences add up to %v", text, sum)
		}
	})
}

func FuzzSegments(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	d := newDetector(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkSegments(t, text, d.Segments(text))
	})
}
