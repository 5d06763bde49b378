package topic

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDevKK(t *testing.T) {
	if os.Getenv("DEV") == "" {
		t.Skip()
	}
	c, _ := New()
	data, _ := os.ReadFile(os.Getenv("DEV"))
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		got := c.Classify(Document{Text: l})
		var s []string
		for _, tp := range got {
			s = append(s, fmt.Sprintf("%s %.2f %v", tp.ID, tp.Score, tp.Evidence))
		}
		fmt.Printf("%s\n    => %s\n", l, strings.Join(s, " | "))
	}
}
