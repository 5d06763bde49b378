package topic

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDevSeed(t *testing.T) {
	if os.Getenv("DEV") == "" {
		t.Skip()
	}
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("../testdata/seed.txt")
	lines := strings.Split(string(data), "\n")
	art := strings.Join(lines[:13], "\n")
	fmt.Println("ARTICLE:", c.Classify(Document{Text: art}))
	for _, l := range lines[13:] {
		fmt.Println(l, "=>", c.Classify(Document{Text: strings.TrimPrefix(l, "ru ")}))
	}
}
