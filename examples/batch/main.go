// Command batch analyzes news documents in JSON Lines with the newsmon
// pipeline, in parallel, and writes one JSON line per document in input
// order.
//
// Usage:
//
//	go run ./examples/batch [-workers N] [-o OUT] [FILE ...]
//
// Each input line is an object such as
//
//	{"id": 17, "title": "…", "text": "…", "published": "2025-06-20"}
//
// read from the FILEs in turn, or from stdin when there are none or FILE is
// "-". The title and text are analyzed together as title + "\n\n" + text, so
// the report's byte offsets index that string. Each output line is
//
//	{"id": 17, "source": "FILE", "line": 3, "report": {…}}
//
// with the Report JSON of the newsmon package, or "error" instead of
// "report" when the analysis failed. A line that is not a JSON object is
// reported on stderr with its file and line number and skipped; every other
// line still comes out. Blank lines are skipped silently.
//
// While it runs, a progress bar is drawn on stderr when stderr is a
// terminal. At the end a summary goes to stderr: documents, MB/s, the most
// frequent entities per type, topic counts and languages.
//
// The exit status is 0 when every line was analyzed, 2 when some line was
// malformed or failed, and 1 on a read or write error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsmon/newsmon"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
	stop()
	os.Exit(code)
}

// run is the command with its flags, streams and whether stderr is a
// terminal; it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analyzed at once")
	out := fs.String("o", "", "write the results to this file instead of stdout")
	maxLine := fs.Int("max-line", 64<<20, "longest input line in bytes; longer lines are skipped")
	progress := fs.Bool("progress", true, "draw a progress bar on stderr when it is a terminal")
	quiet := fs.Bool("q", false, "no summary")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: batch [-workers N] [-o OUT] [-max-line BYTES] [-progress=false] [-q] [FILE ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "batch:", err)
		return 1
	}
	if *workers < 1 {
		return fail(fmt.Errorf("-workers %d: want at least 1", *workers))
	}

	var inputs []Input
	var size int64 // total input bytes for the progress bar; -1 if unknown
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if name == "-" {
			inputs = append(inputs, Input{R: stdin})
			size = -1
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			size = -1
		} else if size >= 0 {
			size += st.Size()
		}
		inputs = append(inputs, Input{Name: name, R: f})
	}

	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		w = f
	}

	a, err := newsmon.New(newsmon.WithWorkers(*workers))
	if err != nil {
		return fail(err)
	}

	var bar *progressbar.ProgressBar
	cfg := Config{MaxLine: *maxLine, Warn: func(msg string) { fmt.Fprintln(stderr, "batch:", msg) }}
	if *progress && tty {
		bar = progressbar.NewOptions64(size,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("analyzing"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		cfg.Progress = func(n int64) { _ = bar.Set64(n) }
		cfg.Warn = func(msg string) {
			_ = bar.Clear()
			fmt.Fprintln(stderr, "batch:", msg)
		}
	}

	sum, err := Run(ctx, a, inputs, w, cfg)
	if bar != nil {
		_ = bar.Finish()
	}
	if !*quiet {
		sum.WriteSummary(stderr, *workers)
	}
	if err != nil {
		return fail(err)
	}
	if *out != "" {
		if f, ok := w.(*os.File); ok {
			if err := f.Close(); err != nil {
				return fail(err)
			}
		}
	}
	if sum.Malformed > 0 || sum.Failed > 0 {
		return 2
	}
	return 0
}
