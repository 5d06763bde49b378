// Command analyze runs the newsmon pipeline on one document and prints a
// readable summary or the Report JSON.
//
// Usage:
//
//	go run ./examples/analyze [-json] [FILE|-]
//
// With no FILE it analyzes the embedded sample page; FILE "-" reads stdin.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/newsmon/newsmon"
)

func main() {
	asJSON := flag.Bool("json", false, "print the Report JSON instead of a summary")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: analyze [-json] [FILE|-]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(os.Stdout, flag.Args(), *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "analyze:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, args []string, asJSON bool) error {
	text, err := input(args)
	if err != nil {
		return err
	}
	a, err := newsmon.New()
	if err != nil {
		return err
	}
	rep, err := a.Analyze(context.Background(), text)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	summarize(w, text, rep)
	return nil
}

func input(args []string) (string, error) {
	switch {
	case len(args) == 0:
		return newsmon.SamplePage, nil
	case len(args) > 1:
		return "", fmt.Errorf("want at most one FILE, got %d", len(args))
	case args[0] == "-":
		b, err := io.ReadAll(os.Stdin)
		return string(b), err
	}
	b, err := os.ReadFile(args[0])
	return string(b), err
}

// summarize prints segments, entities by type and topics.
func summarize(w io.Writer, text string, rep *newsmon.Report) {
	fmt.Fprintf(w, "Language: %s\n\nSegments:\n", rep.Language)
	for _, s := range rep.Segments {
		fmt.Fprintf(w, "  %6d-%-6d %-4s %.2f  %s\n", s.Start, s.End, s.Language, s.Confidence, preview(text[s.Start:s.End], 50))
	}
	for _, typ := range []string{"PER", "ORG", "LOC", "EVENT"} {
		var es []newsmon.Entity
		for _, e := range rep.Entities {
			if e.Type == typ {
				es = append(es, e)
			}
		}
		if len(es) == 0 {
			continue
		}
		slices.SortStableFunc(es, func(a, b newsmon.Entity) int { return len(b.Mentions) - len(a.Mentions) })
		fmt.Fprintf(w, "\n%s (%d):\n", typ, len(es))
		for _, e := range es {
			fmt.Fprintf(w, "  %-40s ×%d  salience %.2f", e.Name, len(e.Mentions), e.Salience)
			if p := e.Place; p != nil {
				fmt.Fprintf(w, "  → %s, %s %s (%s, %.2f %.2f)", p.Name, p.Country, p.Admin1, p.Kind, p.Lat, p.Lon)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w, "\nTopics:")
	for _, t := range rep.Topics {
		fmt.Fprintf(w, "  %-24s %.2f  %s\n", t.ID, t.Score, strings.Join(t.Evidence, ", "))
	}
}

// preview returns the first n runes of s on one line.
func preview(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
