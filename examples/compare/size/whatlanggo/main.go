// Command whatlanggo is a minimal program that detects one language with
// whatlanggo, to measure its binary size.
package main

import (
	"fmt"

	"github.com/abadojack/whatlanggo"
)

func main() {
	fmt.Println(whatlanggo.DetectLang("Сенат вернул проект бюджета"))
}
