package main

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckLoopback(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/analyze", "http://localhost/x", "http://[::1]:9/", "https://127.9.9.9/"} {
		assert.NoError(t, checkLoopback(u), u)
	}
	for _, u := range []string{"http://10.0.0.1/", "http://192.168.1.2:8080/", "http://example.com/", "ftp://127.0.0.1/", "http://0.0.0.0/", "::"} {
		assert.Error(t, checkLoopback(u), u)
	}
	_, err := Run(context.Background(), Config{URL: "http://10.1.2.3/analyze", Conns: 1, Requests: 1, Duration: time.Second})
	assert.ErrorContains(t, err, "not a loopback")
}

func TestRunCountsAndBounds(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%10 == 0 {
			http.Error(w, "no", http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	res, err := Run(context.Background(), Config{URL: srv.URL, Body: "x", Conns: 8, Requests: 100, Duration: 30 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(100), n.Load(), "requests sent")
	assert.Equal(t, 90, res.Requests)
	assert.Equal(t, map[string]int{"status 500": 10}, res.Errors)
	assert.Len(t, res.Latencies, 90)
	assert.LessOrEqual(t, res.Percentile(50), res.Percentile(99))

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(50 * time.Millisecond):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	start := time.Now()
	res, err = Run(context.Background(), Config{URL: slow.URL, Body: "x", Conns: 4, Requests: 1_000_000, Duration: 500 * time.Millisecond})
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "the run stops at its duration")
	assert.Positive(t, res.Requests)
	assert.Zero(t, res.Failed(), "requests cut by the end of the run are not failures")
}

func TestPercentile(t *testing.T) {
	r := &Result{}
	assert.Zero(t, r.Percentile(99))
	for i := 1; i <= 200; i++ {
		r.Latencies = append(r.Latencies, time.Duration(i))
	}
	assert.Equal(t, time.Duration(100), r.Percentile(50))
	assert.Equal(t, time.Duration(198), r.Percentile(99))
	assert.Equal(t, time.Duration(200), r.Percentile(100))
}

// TestServerFromSecondProcess builds and starts the example server as its
// own process on 127.0.0.1, loads it with 50 connections posting the ~5 KB
// article, and requires that no request fails.
func TestServerFromSecondProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the server; skipped in -short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the server with")
	}
	body, err := os.ReadFile("../../../testdata/corpus/en-article.txt")
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "server")
	build := exec.Command(goTool, "build", "-o", bin, "..")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0")
	stderr, err := srv.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	defer func() {
		srv.Process.Signal(os.Interrupt)
		srv.Wait()
	}()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if _, rest, ok := strings.Cut(sc.Text(), "listening on "); ok {
				addr <- strings.TrimSpace(rest)
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(time.Minute):
		t.Fatal("the server did not say where it listens")
	}

	cfg := Config{URL: strings.TrimSuffix(base, "/") + "/analyze", Body: string(body), Conns: 50, Requests: 300, Duration: 90 * time.Second}
	res, err := Run(ctx, cfg)
	require.NoError(t, err)
	var sb strings.Builder
	res.Print(&sb, cfg)
	t.Log("\n" + sb.String())
	assert.Zero(t, res.Failed(), "failed requests")
	assert.Positive(t, res.Requests)
}
