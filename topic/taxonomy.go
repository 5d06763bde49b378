package topic

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// node is one topic of the taxonomy.
type node struct {
	id, medtop string
	parent     int32 // index of the parent; -1 for a top level
	labels     [3]string
	depth      int8 // 0 for a top level
}

// taxonomy is the compiled topic tree. Nodes are in file order, so every
// parent comes before its children.
type taxonomy struct {
	nodes []node
	index map[string]int32
}

// lookup returns the index of id.
func (t *taxonomy) lookup(id string) (int32, bool) {
	i, ok := t.index[id]
	return i, ok
}

// parseTaxonomy reads the taxonomy format of data/taxonomy.txt:
// "id | parent | medtop | en | ru | kk" per line.
func parseTaxonomy(name string, data []byte) (*taxonomy, error) {
	t := &taxonomy{index: map[string]int32{}}
	parents := []string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 6 {
			return nil, fmt.Errorf("%w: %s:%d: want 6 fields separated by |, got %d", ErrTaxonomy, name, ln, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		id := f[0]
		if !validID(id) {
			return nil, fmt.Errorf("%w: %s:%d: bad topic id %q", ErrTaxonomy, name, ln, id)
		}
		if _, dup := t.index[id]; dup {
			return nil, fmt.Errorf("%w: %s:%d: topic %q defined twice", ErrTaxonomy, name, ln, id)
		}
		for _, l := range f[3:] {
			if l == "" {
				return nil, fmt.Errorf("%w: %s:%d: topic %q has an empty label", ErrTaxonomy, name, ln, id)
			}
		}
		medtop := f[2]
		if medtop == "-" {
			medtop = ""
		}
		t.index[id] = int32(len(t.nodes))
		t.nodes = append(t.nodes, node{id: id, medtop: medtop, parent: -1, labels: [3]string{f[3], f[4], f[5]}})
		parents = append(parents, f[1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTaxonomy, name, err)
	}
	if len(t.nodes) == 0 {
		return nil, fmt.Errorf("%w: %s: no topics", ErrTaxonomy, name)
	}
	// Resolve parents after reading everything, so that a cycle is reported
	// as a cycle rather than as an undefined parent.
	for i, p := range parents {
		if p == "-" || p == "" {
			continue
		}
		pi, ok := t.index[p]
		if !ok {
			return nil, fmt.Errorf("%w: %s: topic %q has unknown parent %q", ErrTaxonomy, name, t.nodes[i].id, p)
		}
		t.nodes[i].parent = pi
	}
	for i := range t.nodes {
		d, j := 0, int32(i)
		for t.nodes[j].parent >= 0 {
			j = t.nodes[j].parent
			d++
			if d > len(t.nodes) {
				return nil, fmt.Errorf("%w: %s: cycle in the parents of topic %q", ErrTaxonomy, name, t.nodes[i].id)
			}
		}
		if d > 100 {
			return nil, fmt.Errorf("%w: %s: topic %q is nested too deep", ErrTaxonomy, name, t.nodes[i].id)
		}
		t.nodes[i].depth = int8(d)
	}
	// Children are summed into parents in reverse order, so parents must
	// come first; reorder when a file defines a child before its parent.
	t.sortParentsFirst()
	return t, nil
}

// sortParentsFirst orders the nodes by depth (stable), keeping indexes valid.
func (t *taxonomy) sortParentsFirst() {
	ordered := true
	for i, n := range t.nodes {
		if n.parent >= int32(i) {
			ordered = false
		}
	}
	if ordered {
		return
	}
	old := t.nodes
	var order []int32
	for d := int8(0); len(order) < len(old); d++ {
		for i, n := range old {
			if n.depth == d {
				order = append(order, int32(i))
			}
		}
	}
	newIndex := make([]int32, len(old))
	for ni, oi := range order {
		newIndex[oi] = int32(ni)
	}
	t.nodes = make([]node, len(old))
	for ni, oi := range order {
		n := old[oi]
		if n.parent >= 0 {
			n.parent = newIndex[n.parent]
		}
		t.nodes[ni] = n
		t.index[n.id] = int32(ni)
	}
}

// validID reports whether id is a lower-case ASCII slug: letters, digits and
// single hyphens.
func validID(id string) bool {
	if id == "" || len(id) > 64 || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
