package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsmon/newsmon"
)

var shared = sync.OnceValues(func() (*newsmon.Analyzer, error) { return newsmon.New() })

func analyzer(tb testing.TB) *newsmon.Analyzer {
	tb.Helper()
	a, err := shared()
	require.NoError(tb, err)
	return a
}

// article is the ~5 KB English article of the project's corpus.
func article(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../testdata/corpus/en-article.txt")
	require.NoError(tb, err)
	return string(b)
}

func newTestServer(tb testing.TB, cfg Config) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(Handler(analyzer(tb), cfg))
	tb.Cleanup(srv.Close)
	return srv
}

func post(tb testing.TB, url, contentType, body string) (int, []byte) {
	tb.Helper()
	res, err := http.Post(url, contentType, strings.NewReader(body))
	require.NoError(tb, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(tb, err)
	return res.StatusCode, b
}

// wantReport checks that body is the Report JSON of Analyze(text).
func wantReport(t *testing.T, text string, body []byte) {
	t.Helper()
	rep, err := analyzer(t).Analyze(context.Background(), text)
	require.NoError(t, err)
	want, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(body))
}

func TestAnalyze(t *testing.T) {
	srv := newTestServer(t, Config{})
	text := newsmon.SamplePage

	code, body := post(t, srv.URL+"/analyze", "text/plain; charset=utf-8", text)
	require.Equal(t, http.StatusOK, code, "%s", body)
	wantReport(t, text, body)

	req, _ := json.Marshal(map[string]string{"text": text})
	code, body = post(t, srv.URL+"/analyze", "application/json", string(req))
	require.Equal(t, http.StatusOK, code, "%s", body)
	wantReport(t, text, body)

	req, _ = json.Marshal(map[string]string{"title": "Astana talks", "text": "Tokayev met the Belarusian delegation."})
	code, body = post(t, srv.URL+"/analyze", "application/json; charset=utf-8", string(req))
	require.Equal(t, http.StatusOK, code, "%s", body)
	wantReport(t, "Astana talks\n\nTokayev met the Belarusian delegation.", body)

	code, body = post(t, srv.URL+"/analyze", "", "")
	require.Equal(t, http.StatusOK, code, "%s", body)
	wantReport(t, "", body)
}

func TestErrorsAndKeepsServing(t *testing.T) {
	const limit = 4096
	srv := newTestServer(t, Config{MaxBytes: limit})
	ok := func() {
		t.Helper()
		code, body := post(t, srv.URL+"/analyze", "text/plain", "Kazakhstan and Belarus discussed military cooperation in Minsk.")
		assert.Equal(t, http.StatusOK, code, "a good request after a bad one: %s", body)
	}
	for _, tc := range []struct {
		name, contentType, body string
		code                    int
	}{
		{"oversized", "text/plain", strings.Repeat("Almaty ", limit), http.StatusRequestEntityTooLarge},
		{"oversized JSON", "application/json", `{"text":"` + strings.Repeat("x", limit) + `"}`, http.StatusRequestEntityTooLarge},
		{"bad JSON", "application/json", `{"text": "unterminated`, http.StatusBadRequest},
		{"JSON not an object", "application/json", `["text"]`, http.StatusBadRequest},
		{"JSON without text", "application/json", `{"title": "x"}`, http.StatusBadRequest},
		{"JSON text not a string", "application/json", `{"text": 42}`, http.StatusBadRequest},
		{"two JSON values", "application/json", `{"text": "a"} {"text": "b"}`, http.StatusBadRequest},
		{"empty JSON", "application/json", ``, http.StatusBadRequest},
		{"form", "application/x-www-form-urlencoded", `text=Astana`, http.StatusUnsupportedMediaType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := post(t, srv.URL+"/analyze", tc.contentType, tc.body)
			assert.Equal(t, tc.code, code, "%s", body)
			var e errorBody
			require.NoError(t, json.Unmarshal(body, &e), "error body %q", body)
			assert.NotEmpty(t, e.Error)
			ok()
		})
	}

	// A body of unknown length (chunked) over the limit is cut off too.
	pr, pw := io.Pipe()
	go func() {
		for range 2 * limit / 512 {
			if _, err := pw.Write(bytes.Repeat([]byte("Астана "), 512/len("Астана "))); err != nil {
				return
			}
		}
		pw.Close()
	}()
	res, err := http.Post(srv.URL+"/analyze", "text/plain", pr)
	require.NoError(t, err)
	res.Body.Close()
	pr.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	ok()
}

func TestRoutes(t *testing.T) {
	srv := newTestServer(t, Config{})
	get := func(path string) (int, string, http.Header) {
		res, err := http.Get(srv.URL + path)
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b), res.Header
	}
	code, body, h := get("/")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, h.Get("Content-Type"), "text/html")
	assert.Contains(t, body, `id="go"`)
	assert.NotContains(t, body, "src=\"http", "the page loads nothing from elsewhere")
	code, body, _ = get("/healthz")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok\n", body)
	code, _, _ = get("/analyze")
	assert.Equal(t, http.StatusMethodNotAllowed, code)
	code, _, _ = get("/nothing")
	assert.Equal(t, http.StatusNotFound, code)
}

func TestTimeout(t *testing.T) {
	srv := newTestServer(t, Config{Timeout: time.Nanosecond})
	code, body := post(t, srv.URL+"/analyze", "text/plain", strings.Repeat(newsmon.SamplePage, 20))
	assert.Equal(t, http.StatusServiceUnavailable, code, "%s", body)
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- serve(ctx, "127.0.0.1:0", Config{Timeout: time.Second}, func(a net.Addr) { addrc <- a.String() })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-errc:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	code, body := post(t, "http://"+addr+"/analyze", "text/plain", "Almaty")
	assert.Equal(t, http.StatusOK, code, "%s", body)
	cancel()
	assert.NoError(t, <-errc, "graceful shutdown")
}

// percentile returns the p-th percentile (0 < p ≤ 100) of sorted durations
// by the nearest-rank method.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}

// TestUnderLoad sends the ~5 KB article from 50 concurrent connections to
// one server in this process: no request may fail. It is bounded in count
// and time. ./load does the same from a second process and reports
// latencies.
func TestUnderLoad(t *testing.T) {
	srv := newTestServer(t, Config{})
	body := article(t)
	const conns = 50
	perConn := 4
	if testing.Short() {
		perConn = 1
	}
	client := &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxConnsPerHost: conns, MaxIdleConnsPerHost: conns},
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var mu sync.Mutex
	var lat []time.Duration
	var errs []string
	var wg sync.WaitGroup
	start := time.Now()
	for range conns {
		wg.Go(func() {
			for range perConn {
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/analyze", strings.NewReader(body))
				req.Header.Set("Content-Type", "text/plain")
				t0 := time.Now()
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", res.StatusCode)
					}
				}
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.Empty(t, errs, "failed requests")
	require.Len(t, lat, conns*perConn)
	slices.Sort(lat)
	t.Logf("%d requests of %d bytes from %d connections in %v (%.0f/s): p50 %v, p99 %v, max %v",
		len(lat), len(body), conns, elapsed.Round(time.Millisecond), float64(len(lat))/elapsed.Seconds(),
		percentile(lat, 50).Round(time.Millisecond), percentile(lat, 99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	assert.Equal(t, time.Duration(50), percentile(d, 50))
	assert.Equal(t, time.Duration(99), percentile(d, 99))
	assert.Equal(t, time.Duration(100), percentile(d, 100))
	assert.Equal(t, time.Duration(7), percentile([]time.Duration{7}, 99))
	assert.Zero(t, percentile(nil, 99))
}

// FuzzHandler posts arbitrary bodies as text and as JSON: no panic, a
// status the API documents, a Report for 200 and an error message
// otherwise.
func FuzzHandler(f *testing.F) {
	for _, s := range []string{"Astana", `{"text":"Токаев в Астане"}`, `{"text":`, "\xff\x00", `{"title":"a","text":"b"}`, `{"text":null}`} {
		f.Add(s, true)
		f.Add(s, false)
	}
	a, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	h := Handler(a, Config{MaxBytes: 512, Timeout: 5 * time.Second})
	f.Fuzz(func(t *testing.T, body string, asJSON bool) {
		req := httptest.NewRequest(http.MethodPost, "/analyze", strings.NewReader(body))
		req.Header.Set("Content-Type", "text/plain")
		if asJSON {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			var rep newsmon.Report
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatalf("200 with a body that is not a Report: %v\n%s", err, rec.Body)
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			var e errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%d without an error message: %s", rec.Code, rec.Body)
			}
			if !asJSON && rec.Code == http.StatusBadRequest {
				t.Fatalf("400 for a text body: %s", rec.Body)
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if len(body) > 512 && rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("%d-byte body got %d; want 413", len(body), rec.Code)
		}
	})
}

func BenchmarkHandler(b *testing.B) {
	h := Handler(analyzer(b), Config{})
	body := article(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/analyze", strings.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
