package newsmon

// Soak: many documents through one Analyzer's AnalyzeAll, checking that
// resident memory stays flat after warm-up, that no goroutine outlives the
// run, and that the output does not depend on GOMAXPROCS.
//
//	go test -run TestSoak -v .                      # 2,000 documents
//	NEWSMON_SOAK=1 go test -run TestSoak -v -timeout 2h .   # 200,000 documents
//	NEWSMON_SOAK_DOCS=50000 go test -run TestSoak -v .      # any count

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// procStatus returns a memory figure of this process from
// /proc/self/status in bytes, such as VmRSS (resident now) or VmHWM (peak
// resident).
func procStatus(key string) (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("no /proc/self/status to read %s: %w", key, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != key {
			continue
		}
		f := strings.Fields(val)
		if len(f) != 2 || f[1] != "kB" {
			break
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			break
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("/proc/self/status has no %s in kB", key)
}

// settledRSS returns the resident set after a full collection has returned
// free memory to the system, so that garbage not yet collected does not
// count as growth.
func settledRSS(t *testing.T) int64 {
	t.Helper()
	runtime.GC()
	debug.FreeOSMemory()
	rss, err := procStatus("VmRSS")
	if err != nil {
		t.Skip(err)
	}
	return rss
}

// soakPool is the documents a soak cycles through: every corpus file and
// every non-blank line of them (headline-sized documents), plus the seed page.
func soakPool(t *testing.T) []string {
	t.Helper()
	pool := []string{SamplePage}
	for _, d := range benchCorpus(t) {
		pool = append(pool, d.Text)
		for line := range strings.Lines(d.Text) {
			if strings.TrimSpace(line) != "" {
				pool = append(pool, line)
			}
		}
	}
	return pool
}

// soakDocs yields n documents from pool, each made distinct by a numbered
// first line so that any cache keyed by text would show up as growth.
func soakDocs(pool []string, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range n {
			if !yield("No. " + strconv.Itoa(i) + "\n" + pool[i%len(pool)]) {
				return
			}
		}
	}
}

// raceEnabled reports whether the test binary was built with -race, which
// makes analysis many times slower and memory figures meaningless.
var raceEnabled = sync.OnceValue(func() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
})

// soakCount is 2,000 by default (200 under -race), 200,000 with
// NEWSMON_SOAK=1, or NEWSMON_SOAK_DOCS.
func soakCount(t *testing.T) int {
	t.Helper()
	if s := os.Getenv("NEWSMON_SOAK_DOCS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("NEWSMON_SOAK_DOCS=%q: want a positive count", s)
		}
		return n
	}
	if os.Getenv("NEWSMON_SOAK") != "" {
		return 200_000
	}
	if raceEnabled() {
		return 200
	}
	return 2_000
}

func TestSoak(t *testing.T) {
	n := soakCount(t)
	pool := soakPool(t)
	a, err := New(WithWorkers(runtime.GOMAXPROCS(0)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	before := runtime.NumGoroutine()

	warm := max(n/10, min(n, 500))
	checkpoints := 10
	var base, peak int64
	var bytesIn int64
	start := time.Now()
	i := 0
	for rep, err := range a.AnalyzeAll(ctx, soakDocs(pool, n)) {
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if rep == nil {
			t.Fatalf("document %d: nil report", i)
		}
		bytesIn += int64(len(pool[i%len(pool)]))
		i++
		switch {
		case i == warm:
			base = settledRSS(t)
			peak = base
		case i > warm && (i-warm)%max((n-warm)/checkpoints, 1) == 0:
			rss := settledRSS(t)
			peak = max(peak, rss)
			t.Logf("%d documents in %v: settled RSS %.1f MB", i, time.Since(start).Round(time.Second), float64(rss)/(1<<20))
		}
	}
	elapsed := time.Since(start)
	if i != n {
		t.Fatalf("AnalyzeAll yielded %d reports for %d documents", i, n)
	}
	final := settledRSS(t)
	peak = max(peak, final)
	growth := float64(peak-base) / float64(base)
	t.Logf("%d documents, %.1f MB in %v (%.2f MB/s, GOMAXPROCS %d); settled RSS after warm-up %.1f MB, peak %.1f MB, end %.1f MB (growth %+.1f%%)",
		n, float64(bytesIn)/1e6, elapsed.Round(time.Millisecond), float64(bytesIn)/1e6/elapsed.Seconds(), runtime.GOMAXPROCS(0),
		float64(base)/(1<<20), float64(peak)/(1<<20), float64(final)/(1<<20), 100*growth)
	if growth > 0.10 {
		t.Errorf("resident memory grew %.1f%% after warm-up (%d -> %d bytes); want ≤ 10%%", 100*growth, base, peak)
	}

	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		t.Errorf("%d goroutines after the soak, %d before: leaked", g, before)
	}
}

// outputHash analyzes docs through AnalyzeAll with a new Analyzer at the
// given GOMAXPROCS and returns a hash of the reports' JSON in order.
func outputHash(t *testing.T, procs int, docs iter.Seq[string]) (uint64, int) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	a, err := New() // workers default to GOMAXPROCS
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	enc := json.NewEncoder(h)
	n := 0
	for rep, err := range a.AnalyzeAll(context.Background(), docs) {
		if err != nil {
			t.Fatalf("GOMAXPROCS %d, document %d: %v", procs, n, err)
		}
		if err := enc.Encode(rep); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return h.Sum64(), n
}

func TestSoakDeterministicAcrossGOMAXPROCS(t *testing.T) {
	pool := soakPool(t)
	n := min(soakCount(t), 2*len(pool))
	procs := []int{2, 4, 8}
	if raceEnabled() {
		procs = []int{4}
	}
	want, wantN := outputHash(t, 1, soakDocs(pool, n))
	if wantN != n {
		t.Fatalf("GOMAXPROCS 1: %d reports for %d documents", wantN, n)
	}
	for _, p := range procs {
		got, gotN := outputHash(t, p, soakDocs(pool, n))
		if got != want || gotN != n {
			t.Errorf("GOMAXPROCS %d: %d reports hashing to %x; GOMAXPROCS 1: %d hashing to %x", p, gotN, got, n, want)
		}
	}
}

// TestResourceBudget measures cold start (New and the first Analyze in a
// fresh process) and the peak resident set with every language loaded. It
// logs the figures; with NEWSMON_PERF=1 it also holds them to the targets,
// 300 ms and 300 MB (timing on a shared machine is too noisy for every run).
func TestResourceBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process; skipped in -short mode")
	}
	if os.Getenv(coldEnv) != "" {
		t.Skip("inside the child")
	}
	if raceEnabled() {
		t.Skip("timing and memory under -race say nothing about the budget")
	}
	cs := measureColdStart(t)
	t.Logf("cold start (New + first Analyze) %v; peak RSS with every language loaded %.1f MB", cs.First.Round(time.Millisecond), float64(cs.AllRSS)/(1<<20))
	// Memory does not depend on the machine's load: always held to budget.
	if cs.AllRSS > 300<<20 {
		t.Errorf("peak RSS %.1f MB; want ≤ 300 MB", float64(cs.AllRSS)/(1<<20))
	}
	// Wall time does; NEWSMON_PERF=1 holds it on a quiet machine.
	if os.Getenv("NEWSMON_PERF") != "" && cs.First > 300*time.Millisecond {
		t.Errorf("cold start %v; want ≤ 300ms", cs.First)
	}
}
