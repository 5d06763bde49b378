// Command load measures the newsmon server from a second process: it posts
// one article over many concurrent connections, bounded in count and time,
// and reports throughput and latency percentiles.
//
// Usage (the server running, e.g. go run ./examples/server):
//
//	go run ./examples/server/load [-url http://127.0.0.1:8080/analyze] [-c 50] [-n 2000] [-d 60s] [-file testdata/corpus/en-article.txt]
//
// It only targets this machine: a URL whose host is not a loopback address
// (127.0.0.0/8, ::1, localhost) is refused. It stops after -n requests or
// -d, whichever comes first, and exits 1 if any request failed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config is one load run.
type Config struct {
	URL         string        // POST target; its host must be loopback
	Body        string        // request body, sent as text/plain
	Conns       int           // concurrent connections, each one request at a time
	Requests    int           // total requests at most
	Duration    time.Duration // wall time at most
	ReqTimeout  time.Duration // one request at most
	ContentType string
}

// Result sums one run.
type Result struct {
	Requests  int             // completed with 200
	Errors    map[string]int  // failures by reason
	Elapsed   time.Duration   // wall time
	Latencies []time.Duration // of the successful requests, sorted
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of the latencies by
// the nearest-rank method, or 0 when there are none.
func (r *Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	k := int(float64(len(r.Latencies))*p/100+0.999999) - 1
	return r.Latencies[min(max(k, 0), len(r.Latencies)-1)]
}

// Failed returns the number of failed requests.
func (r *Result) Failed() int {
	n := 0
	for _, c := range r.Errors {
		n += c
	}
	return n
}

// checkLoopback refuses any target that is not on this machine.
func checkLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%s: want an http URL", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s: host %q is not a loopback address; this tool only loads servers on this machine", raw, host)
	}
	return nil
}

// Run sends cfg.Body to cfg.URL from cfg.Conns goroutines until
// cfg.Requests have been sent or cfg.Duration has passed.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := checkLoopback(cfg.URL); err != nil {
		return nil, err
	}
	if cfg.Conns < 1 || cfg.Requests < 1 || cfg.Duration <= 0 {
		return nil, errors.New("connections, requests and duration must be positive")
	}
	if cfg.ReqTimeout <= 0 {
		cfg.ReqTimeout = 30 * time.Second
	}
	if cfg.ContentType == "" {
		cfg.ContentType = "text/plain; charset=utf-8"
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	tr := &http.Transport{
		MaxConnsPerHost:     cfg.Conns,
		MaxIdleConnsPerHost: cfg.Conns,
		DisableCompression:  true,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: cfg.ReqTimeout}

	var left atomic.Int64
	left.Store(int64(cfg.Requests))
	var mu sync.Mutex
	res := &Result{Errors: map[string]int{}}
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.Conns {
		wg.Go(func() {
			for left.Add(-1) >= 0 && ctx.Err() == nil {
				t0 := time.Now()
				err := post(ctx, client, cfg)
				d := time.Since(t0)
				if ctx.Err() != nil && err != nil {
					return // the run's time is up: not the server's failure
				}
				mu.Lock()
				if err != nil {
					res.Errors[err.Error()]++
				} else {
					res.Requests++
					res.Latencies = append(res.Latencies, d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	slices.Sort(res.Latencies)
	return res, nil
}

func post(ctx context.Context, client *http.Client, cfg Config) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.URL, strings.NewReader(cfg.Body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", cfg.ContentType)
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", res.StatusCode)
	}
	return nil
}

// Print writes the figures.
func (r *Result) Print(w io.Writer, cfg Config) {
	rate := 0.0
	if s := r.Elapsed.Seconds(); s > 0 {
		rate = float64(r.Requests) / s
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	fmt.Fprintf(w, "%d requests of %d bytes, %d connections, %v: %.1f req/s, %.2f MB/s of text\n",
		r.Requests, len(cfg.Body), cfg.Conns, r.Elapsed.Round(time.Millisecond), rate, rate*float64(len(cfg.Body))/1e6)
	if len(r.Latencies) > 0 {
		fmt.Fprintf(w, "latency p50 %s, p90 %s, p99 %s, max %s\n",
			ms(r.Percentile(50)), ms(r.Percentile(90)), ms(r.Percentile(99)), ms(r.Latencies[len(r.Latencies)-1]))
	}
	fmt.Fprintf(w, "errors: %d\n", r.Failed())
	for reason, n := range r.Errors {
		fmt.Fprintf(w, "  %6d  %s\n", n, reason)
	}
}

func main() {
	var cfg Config
	flag.StringVar(&cfg.URL, "url", "http://127.0.0.1:8080/analyze", "POST target on this machine")
	flag.IntVar(&cfg.Conns, "c", 50, "concurrent connections")
	flag.IntVar(&cfg.Requests, "n", 2000, "requests at most")
	flag.DurationVar(&cfg.Duration, "d", 60*time.Second, "run time at most")
	flag.DurationVar(&cfg.ReqTimeout, "timeout", 30*time.Second, "one request at most")
	file := flag.String("file", "testdata/corpus/en-article.txt", "request body (a ~5 KB article)")
	flag.Parse()
	b, err := os.ReadFile(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	cfg.Body = string(b)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	res.Print(os.Stdout, cfg)
	if res.Failed() > 0 || res.Requests == 0 {
		os.Exit(1)
	}
}
