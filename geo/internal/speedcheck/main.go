// Command speedcheck measures the gazetteer's start-up and lookup rate in
// CPU time, which a loaded machine disturbs less than wall time:
//
//	go run ./geo/internal/speedcheck
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/newsmon/newsmon/geo"
	"github.com/newsmon/newsmon/internal/cputime"
)

func main() {
	runtime.GOMAXPROCS(1)
	c0, t0 := cputime.Used(), time.Now()
	g, err := geo.NewGazetteer()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	g.KindOf("x") // the tables are indexed on first use
	fmt.Printf("ready: wall %v, cpu %v\n", time.Since(t0).Round(time.Millisecond), (cputime.Used() - c0).Round(time.Millisecond))
	words := []string{"Almaty", "military", "Kazakhstan", "cooperation", "Belarus", "the", "Moscow", "Crimea",
		"Павлодар", "Astana", "officials", "Black Sea"}
	const n = 2000000
	for _, name := range []string{"KindOf", "Lookup"} {
		c0, t0 = cputime.Used(), time.Now()
		for i := 0; i < n; i++ {
			if name == "KindOf" {
				g.KindOf(words[i%len(words)])
			} else {
				g.Lookup(words[i%len(words)])
			}
		}
		c := cputime.Used() - c0
		fmt.Printf("%s: %d calls, wall %v, cpu %v: %.0f per CPU-second\n", name, n,
			time.Since(t0).Round(time.Millisecond), c.Round(time.Millisecond), float64(n)/c.Seconds())
	}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") || strings.HasPrefix(l, "VmHWM:") {
			fmt.Println(strings.Join(strings.Fields(l), " "))
		}
	}
}
