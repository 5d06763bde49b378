// Command server serves the newsmon pipeline over HTTP: an API that
// answers the Report JSON, and a page where a person pastes text and sees
// it back with the entities highlighted by type, a list of entities with
// canonical names, the places on a small world map and the topics as bars.
//
// Usage:
//
//	go run ./examples/server [-addr 127.0.0.1:8080] [-max-bytes 1048576] [-timeout 10s]
//
// then open http://127.0.0.1:8080/ or
//
//	curl -s --data-binary @article.txt -H 'Content-Type: text/plain' http://127.0.0.1:8080/analyze
//	curl -s -d '{"title": "…", "text": "…"}' -H 'Content-Type: application/json' http://127.0.0.1:8080/analyze
//
// All requests share one Analyzer. Bodies over -max-bytes get 413, bad JSON
// 400, and an analysis over -timeout 503. The page loads nothing from
// elsewhere: no fonts, tiles or scripts.
//
// The load generator in ./load measures latency from a second process.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsmon/newsmon"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	maxBytes := flag.Int64("max-bytes", 1<<20, "largest request body, bytes")
	timeout := flag.Duration("timeout", 10*time.Second, "longest analysis of one request")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, *addr, Config{MaxBytes: *maxBytes, Timeout: *timeout}, func(l net.Addr) {
		fmt.Fprintf(os.Stderr, "server: listening on http://%s/\n", l)
	}); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// serve listens on addr, calls ready with the address, and serves until ctx
// is done, then shuts down gracefully.
func serve(ctx context.Context, addr string, cfg Config, ready func(net.Addr)) error {
	start := time.Now()
	a, err := newsmon.New(newsmon.WithMaxBytes(int(cfg.MaxBytes))) // the body limit, checked again after JSON decoding
	if err != nil {
		return err
	}
	// Load the models before taking traffic, so the first request is not slow.
	if _, err := a.Analyze(ctx, newsmon.SamplePage); err != nil {
		return err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newServer(addr, Handler(a, cfg), cfg)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	ready(l.Addr())
	fmt.Fprintf(os.Stderr, "server: ready in %v\n", time.Since(start).Round(time.Millisecond))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), cfg.Timeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
