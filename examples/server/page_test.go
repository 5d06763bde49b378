package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsmon/newsmon"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	if p := os.Getenv("NEWSMON_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// mark is one highlighted span as the page shows it.
type mark struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// expectedMarks returns the spans the page should highlight for text: the
// mentions of rep in order, leaving out any that overlaps an earlier one.
func expectedMarks(text string, rep *newsmon.Report) []mark {
	type span struct {
		start, end int
		typ        string
	}
	var spans []span
	for _, e := range rep.Entities {
		for _, m := range e.Mentions {
			spans = append(spans, span{m.Start, m.End, e.Type})
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []mark
	pos := 0
	for _, s := range spans {
		if s.start < pos || s.end > len(text) {
			continue
		}
		out = append(out, mark{s.typ, text[s.start:s.end]})
		pos = s.end
	}
	return out
}

// TestPageInChromium loads the page in headless Chromium, pastes the seed
// page, clicks Analyze and checks the highlighted spans against the
// Analyzer's own report, the entity list, the map and the topic bars, then
// saves a screenshot.
func TestPageInChromium(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no Chromium binary (chromium, chromium-browser, google-chrome or headless-shell) in PATH and NEWSMON_CHROMIUM unset; " +
			"install Debian's chromium (apt-get install chromium) to run the page test; .ci/run does")
	}
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	text := newsmon.SamplePage
	rep, err := analyzer(t).Analyze(context.Background(), text)
	require.NoError(t, err)
	want := expectedMarks(text, rep)
	places := 0
	for _, e := range rep.Entities {
		if e.Place != nil {
			places++
		}
	}

	srv := httptest.NewServer(Handler(analyzer(t), Config{}))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	// The timeout bounds the browser's whole life; chromedp wants none on
	// the context of the first Run.
	tctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(tctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()

	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("go")),
		chromedp.SetValue(chromedp.ID("text"), text),
		chromedp.Click(chromedp.ID("go")),
		chromedp.WaitVisible(chromedp.CSS(`body[data-done="1"]`)),
	)
	require.NoError(t, err, "driving Chromium at %s", exe)
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	require.NoError(t, err)
	t.Logf("page status: %s", status)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]mark](
		`[...document.querySelectorAll("#result mark.ent")].map(m => ({type: m.dataset.type, text: m.firstChild.textContent}))`))
	require.NoError(t, err)
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#entities li[data-type]").length`))
	require.NoError(t, err)
	dots, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#map g.place circle").length`))
	require.NoError(t, err)
	topicIDs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#topics .topic")].map(d => d.dataset.id)`))
	require.NoError(t, err)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	mapShot, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.ID("map"), 3))
	require.NoError(t, err)

	types := map[string]int{}
	for _, m := range got {
		types[m.Type]++
	}
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		assert.Positive(t, types[typ], "no %s span highlighted on the page; spans by type: %v", typ, types)
	}
	assert.Equal(t, want, got, "the page's highlighted spans differ from the report's mentions")
	assert.Equal(t, len(rep.Entities), listed, "entities listed")
	assert.Equal(t, places, dots, "places plotted on the map")
	wantTopics := []string{}
	for _, tp := range rep.Topics {
		wantTopics = append(wantTopics, tp.ID)
	}
	assert.Equal(t, wantTopics, append([]string{}, topicIDs...), "topic bars")

	require.True(t, bytes.HasPrefix(shot, []byte("\x89PNG")) || bytes.HasPrefix(shot, []byte("\xff\xd8")), "screenshot is not an image")
	dir := t.TempDir()
	if d := os.Getenv("NEWSMON_SCREENSHOT_DIR"); d != "" {
		dir = d
	}
	ext := ".png"
	if bytes.HasPrefix(shot, []byte("\xff\xd8")) {
		ext = ".jpg"
	}
	path := filepath.Join(dir, "page"+ext)
	require.NoError(t, os.WriteFile(path, shot, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "map.png"), mapShot, 0o644))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Greater(t, st.Size(), int64(10_000), "screenshot %s is suspiciously small", path)
	t.Logf("screenshot: %s (%d bytes)", path, st.Size())
	assert.False(t, strings.Contains(status, "error"), "page status: %s", status)
}
