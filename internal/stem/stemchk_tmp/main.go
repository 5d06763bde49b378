package main

import (
	"fmt"
	"os"

	"github.com/newsmon/newsmon/internal/stem"
)

func main() {
	for _, w := range os.Args[1:] {
		fmt.Printf("%s→%s  ", w, stem.Russian.Stem(w))
	}
	fmt.Println()
}
