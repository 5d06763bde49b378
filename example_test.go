package newsmon_test

import (
	"context"
	"fmt"

	"github.com/newsmon/newsmon"
)

func Example() {
	a, err := newsmon.New()
	if err != nil {
		panic(err)
	}
	text := "Kazakhstan and Belarus discussed military cooperation in Minsk."
	rep, err := a.Analyze(context.Background(), text)
	if err != nil {
		panic(err)
	}
	fmt.Println(rep.Language, len(rep.Segments))
	for _, e := range rep.Entities {
		if e.Name == "Kazakhstan" {
			m := e.Mentions[0]
			fmt.Println(e.Type, m.Start, m.End, text[m.Start:m.End])
		}
	}
	// Output:
	// en 1
	// LOC 0 10 Kazakhstan
}
