package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/newsmon/newsmon"
)

//go:embed page.html
var page []byte

// Config sets the limits of the service.
type Config struct {
	// MaxBytes is the largest request body accepted by POST /analyze, in
	// bytes; larger bodies get 413. Zero means 1 MiB.
	MaxBytes int64
	// Timeout bounds the analysis of one request; past it the request gets
	// 503. Zero means 10 s.
	Timeout time.Duration
}

// service answers the HTTP API with one Analyzer shared by all requests.
type service struct {
	a   *newsmon.Analyzer
	cfg Config
}

// request is the JSON body of POST /analyze. Title, when present, is
// analyzed before the text as Title + "\n\n" + Text, and offsets index that
// string.
type request struct {
	Title *string `json:"title"`
	Text  *string `json:"text"`
}

// errorBody is the JSON body of every error response.
type errorBody struct {
	Error string `json:"error"`
}

// Handler returns the HTTP API:
//
//	GET  /         the page: paste text, see entities, places and topics
//	POST /analyze  text/plain (or any non-JSON type) or application/json
//	               {"text": "…", "title": "…"}; answers the Report JSON
//	GET  /healthz  "ok"
//
// Errors are JSON {"error": "…"} with 400 (bad JSON), 413 (body over
// cfg.MaxBytes), 415 (a form upload) or 503 (analysis over cfg.Timeout).
func Handler(a *newsmon.Analyzer, cfg Config) http.Handler {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 1 << 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	s := &service{a: a, cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /analyze", s.analyze)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	return mux
}

func (s *service) page(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Everything the page needs is inline; it talks only to this server.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(page)
}

func (s *service) fail(w http.ResponseWriter, code int, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(errorBody{Error: fmt.Sprintf(format, args...)})
}

func (s *service) analyze(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > s.cfg.MaxBytes {
		s.fail(w, http.StatusRequestEntityTooLarge, "request body of %d bytes is over the limit of %d", r.ContentLength, s.cfg.MaxBytes)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.fail(w, http.StatusRequestEntityTooLarge, "request body is over the limit of %d bytes", s.cfg.MaxBytes)
			return
		}
		s.fail(w, http.StatusBadRequest, "reading the request body: %v", err)
		return
	}

	text := string(body)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		var req request
		dec := json.NewDecoder(strings.NewReader(text))
		if err := dec.Decode(&req); err != nil {
			s.fail(w, http.StatusBadRequest, "bad JSON: %v", err)
			return
		}
		if dec.More() {
			s.fail(w, http.StatusBadRequest, "bad JSON: more than one value in the body")
			return
		}
		if req.Text == nil {
			s.fail(w, http.StatusBadRequest, `bad JSON: want an object with a string field "text"`)
			return
		}
		text = *req.Text
		if req.Title != nil && *req.Title != "" {
			text = *req.Title + "\n\n" + text
		}
	case mt == "multipart/form-data" || mt == "application/x-www-form-urlencoded":
		s.fail(w, http.StatusUnsupportedMediaType, "send the text as text/plain or as JSON {\"text\": ...}, not as a form")
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	rep, err := s.a.Analyze(ctx, text)
	switch {
	case errors.Is(err, newsmon.ErrTooLarge):
		s.fail(w, http.StatusRequestEntityTooLarge, "%v", err)
		return
	case errors.Is(err, context.DeadlineExceeded):
		s.fail(w, http.StatusServiceUnavailable, "analysis took longer than %v", s.cfg.Timeout)
		return
	case err != nil: // the client went away
		s.fail(w, http.StatusServiceUnavailable, "%v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(rep)
}

// newServer returns an http.Server with timeouts suited to the API: a slow
// client cannot hold a connection for long, and a response has the analysis
// timeout plus time to write.
func newServer(addr string, h http.Handler, cfg Config) *http.Server {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
