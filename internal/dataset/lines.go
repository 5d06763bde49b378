package dataset

import (
	"bufio"
	"os"
	"strings"
)

// EveryNth returns every n-th non-empty line of a file (the n-th, the 2n-th,
// ...), trimmed: with n = 5, the lines that `train-lang -holdout 5` (the
// shipped language model) does not train on. Lines may be up to 16 MB long.
func EveryNth(path string, n int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	k := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		k++
		if n > 0 && k%n == 0 {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}
