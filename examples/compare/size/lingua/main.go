// Command lingua is a minimal program that detects one language with
// lingua-go (all languages), to measure its binary size.
package main

import (
	"fmt"

	"github.com/pemistahl/lingua-go"
)

func main() {
	d := lingua.NewLanguageDetectorBuilder().FromAllLanguages().Build()
	fmt.Println(d.DetectLanguageOf("Сенат вернул проект бюджета"))
}
