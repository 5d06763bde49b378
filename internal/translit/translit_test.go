package translit

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToLatin(t *testing.T) {
	for _, c := range []struct {
		in   string
		sys  System
		want string
	}{
		{"Токаев", Russian, "Tokayev"},
		{"Шойгу", Russian, "Shoygu"},
		{"Сергей Шойгу", Russian, "Sergey Shoygu"},
		{"Хренин", Russian, "Khrenin"},
		{"Елена", Russian, "Yelena"},
		{"Зеленский", Russian, "Zelenskiy"},
		{"ШОС", Russian, "SHOS"},
		{"Тоқаев", Kazakh, "Toqayev"},
		{"Ақтөбе", Kazakh, "Aqtöbe"},
		{"Тоқаев", Kazakh2021, "Toqaev"},
		{"Қазақстан Республикасы", Kazakh2021, "Qazaqstan Respublikasy"},
		{"Бұрыңғы", Kazakh2021, "Būryñğy"},
		{"шаһарының", Kazakh2021, "şaharynyñ"},
		{"бір", Kazakh2021, "bır"},
		{"Шымкент", Kazakh2021, "Şymkent"},
		{"Жезқазған", Kazakh2021, "Jezqazğan"},
		{"Київ", Ukrainian, "Kyiv"},
		{"Зеленський", Ukrainian, "Zelenskyi"},
		{"Харків", Ukrainian, "Kharkiv"},
		{"Згорани", Ukrainian, "Zghorany"},
		{"Astana 2024!", Russian, "Astana 2024!"},
	} {
		if got := ToLatin(c.in, c.sys); got != c.want {
			t.Errorf("ToLatin(%q, %s) = %q; want %q", c.in, c.sys, got, c.want)
		}
	}
}

func TestToCyrillic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Tokayev", "Токаев"},
		{"Shoigu", "Шойгу"},
		{"Khrenin", "Хренин"},
		{"Zhaksylykov", "Жаксылыков"},
		{"Astana", "Астана"},
		{"Zelensky", "Зеленский"},
		{"Qasym-Jomart Toqaev", "Касым-Джомарт Токаев"},
		{"NATO", "НАТО"},
		{"Şymkent", "Шымкент"},
	} {
		if got := ToCyrillic(c.in); got != c.want {
			t.Errorf("ToCyrillic(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"Тоқаев", "Токаев", "Tokayev", "Toqaev", "TOKAYEV"},
		{"Шойгу", "Shoigu", "Shoygu"},
		{"Астана", "Astana"},
		{"НАТО", "NATO"},
		{"Касым-Жомарт Токаев", "Kassym-Jomart Tokayev", "Qasym-Jomart Toqaev", "Kassym Jomart Tokayev"},
		{"Зеленский", "Зеленський", "Zelensky", "Zelenskyy", "Zelenskiy"},
		{"Хренин", "Khrenin", "Hrenin"},
		{"Путин", "Путін", "Putin"},
		{"Евгений", "Yevgeny", "Evgenii"},
		{"Жезказган", "Zhezkazgan", "Жезқазған", "Jezqazğan"},
		{"Сергей", "Sergei", "Sergey"},
		{"O'Brien", "OBrien", "O’Brien"},
		{"Collinson", "Коллинсон"},
		{"Smith", "Смит"},
		{"Reed", "Рид"},
	}
	for _, g := range same {
		k := Key(g[0])
		for _, s := range g[1:] {
			if got := Key(s); got != k {
				t.Errorf("Key(%q) = %q; Key(%q) = %q; want equal", g[0], k, s, got)
			}
		}
	}
	differ := [][2]string{
		{"Бектенов", "Bektanov"},
		{"EEC", "EC"},
		{"ШОС", "SCO"},
		{"Сердар", "Гурбангулы"},
	}
	for _, d := range differ {
		if Key(d[0]) == Key(d[1]) {
			t.Errorf("Key(%q) == Key(%q) == %q; want different", d[0], d[1], Key(d[0]))
		}
	}
	for _, s := range []string{"", "  ", "—", "\xff"} {
		if got := Key(s); got != "" {
			t.Errorf("Key(%q) = %q; want empty", s, got)
		}
	}
	if got := Key("  Kassym-Jomart   TOKAYEV, 2024 "); got != "kasim jomart tokaev 2024" {
		t.Errorf("Key spacing = %q", got)
	}
}

func FuzzTranslit(f *testing.F) {
	for _, s := range []string{"Тоқаев", "Tokayev", "ШОС-2024", "Зеленський", "\xff\xfe", "ʼʼ", "Qasym-Jomart Şymkent", "Yyy", "ия ия"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sys := range []System{Russian, Kazakh, Kazakh2021, Ukrainian} {
			if out := ToLatin(s, sys); !utf8.ValidString(out) {
				t.Fatalf("ToLatin(%q, %s) = %q: invalid UTF-8", s, sys, out)
			}
		}
		if out := ToCyrillic(s); !utf8.ValidString(out) {
			t.Fatalf("ToCyrillic(%q) = %q: invalid UTF-8", s, out)
		}
		k := Key(s)
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Fatalf("Key(%q) = %q: bad form", s, k)
		}
		if strings.ToLower(k) != k {
			t.Fatalf("Key(%q) = %q: not lower case", s, k)
		}
	})
}

func BenchmarkKey(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"cyrillic", "Касым-Жомарт Токаев"},
		{"latin", "Kassym-Jomart Tokayev"},
		{"long", strings.Repeat("Организация Договора о коллективной безопасности ", 20)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				Key(c.s)
			}
		})
	}
}

func BenchmarkToLatin(b *testing.B) {
	s := "Қасым-Жомарт Тоқаев Астанада Шанхай ынтымақтастық ұйымының саммитінде сөз сөйледі"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		ToLatin(s, Kazakh2021)
	}
}

func ExampleKey() {
	fmt.Println(Key("Тоқаев"), Key("Tokayev"), Key("Toqaev"))
	// Output: tokaev tokaev tokaev
}

func ExampleToLatin() {
	fmt.Println(ToLatin("Қасым-Жомарт Тоқаев", Kazakh2021))
	fmt.Println(ToLatin("Сергей Шойгу", Russian))
	// Output:
	// Qasym-Jomart Toqaev
	// Sergey Shoygu
}
