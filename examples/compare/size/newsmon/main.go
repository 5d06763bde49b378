// Command newsmon is a minimal program that detects one language with
// newsmon's lang package, to measure the binary size it adds.
package main

import (
	"fmt"

	"github.com/newsmon/newsmon/lang"
)

func main() {
	d, err := lang.New()
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Detect("Сенат вернул проект бюджета").Language)
}
