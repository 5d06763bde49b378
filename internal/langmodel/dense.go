package langmodel

import "slices"

// Dense rows speed up the keys known to many classes (the letters and
// common trigrams of a script, each known to most of its 50 Latin or 12
// Cyrillic classes), which make most of the work of [Model.Add]: instead of
// adding one entry at a time to its class, Add adds a row of benefits as
// 16-bit lanes packed four to a 64-bit word, and empties the lanes into the
// per-class sums only when they could overflow or scores are wanted. Lanes
// follow the classes ordered by script, so that a key's entries in one
// script fill a few consecutive words; entries outside the row stay sparse.
// The sums are integers, so scores are exactly those of adding entry by
// entry.

// A dense row is stored in Model.dense at the offset in its slot value as
// two header words and the row's words. The first header word packs the
// key's run in Model.ent (offset in bits 0-31, length in 32-39, kept for
// Lookup and encoding), the first lane word w0 of the row (40-47), its
// number of words nw (48-55) and the number of entries outside it (56-63),
// which are at Model.sparse[sp:], sp being the second header word.
const rowHeader = 2

// rowShape unpacks the first header word of a row.
func rowShape(h uint64) (w0, nw, spn uint8) {
	return uint8(h >> 40), uint8(h >> 48), uint8(h >> 56)
}

// maxPend is how many rows may be added to 16-bit lanes before they are
// emptied: each adds at most 255 to a lane, and 257*255 < 1<<16.
const maxPend = 256

// buildDense orders the lanes by script and makes the dense rows of the
// keys for which a row is cheaper than their entries.
func (m *Model) buildDense() {
	m.dense, m.sparse = nil, nil
	nc := len(m.Classes)
	order := make([]int, nc)
	for c := range order {
		order[c] = c
	}
	slices.SortStableFunc(order, func(a, b int) int { return m.cscript[a] - m.cscript[b] })
	// Each script starts a new word, unless that needs more than 256 lanes.
	padded := 0
	for i, c := range order {
		if i > 0 && m.cscript[c] != m.cscript[order[i-1]] {
			padded = (padded + 3) &^ 3
		}
		padded++
	}
	lane := 0
	for i, c := range order {
		if padded <= 256 && i > 0 && m.cscript[c] != m.cscript[order[i-1]] {
			lane = (lane + 3) &^ 3
		}
		m.pos[c], m.classAt[lane] = uint8(lane), uint8(c)
		lane++
	}
	m.lanes = (lane + 3) &^ 3
	var perScript [len(Scripts)]int
	for i, sl := range m.slots {
		v := sl.val
		if v&inline != 0 || v&0xff < 8 {
			continue
		}
		es := m.ent[v>>8 : v>>8+v&0xff]
		// The row spans the entries of the script with the most entries.
		perScript = [len(Scripts)]int{}
		best := 0
		for _, e := range es {
			s := m.cscript[e>>8]
			perScript[s]++
			if perScript[s] > perScript[best] {
				best = s
			}
		}
		w0, w1 := 255, 0
		for _, e := range es {
			if m.cscript[e>>8] == best {
				w := int(m.pos[e>>8]) / 4
				w0, w1 = min(w0, w), max(w1, w)
			}
		}
		in := 0
		for _, e := range es {
			if w := int(m.pos[e>>8]) / 4; w0 <= w && w <= w1 {
				in++
			}
		}
		// A word costs about as much as an entry; keep the cheaper form.
		nw := w1 - w0 + 1
		if nw+2 >= in || len(m.dense)+rowHeader+nw >= 1<<23 {
			continue
		}
		off := len(m.dense)
		m.dense = append(m.dense, make([]uint64, rowHeader+nw)...)
		row := m.dense[off+rowHeader:]
		sp, spn := len(m.sparse), 0
		for _, e := range es {
			p := int(m.pos[e>>8])
			if w := p / 4; w0 <= w && w <= w1 {
				row[w-w0] |= uint64(e&0xff) << (16 * (p % 4))
			} else {
				m.sparse = append(m.sparse, e)
				spn++
			}
		}
		m.dense[off] = uint64(v>>8) | uint64(v&0xff)<<32 | uint64(w0)<<40 | uint64(nw)<<48 | uint64(spn)<<56
		m.dense[off+1] = uint64(sp)
		m.slots[i].val = uint32(off)<<8 | 1
	}
}

// touch reads the first word of a slot value's entries, to start its
// cache miss early.
func (m *Model) touch(v uint32) uint32 {
	switch {
	case v&inline != 0:
		return 0
	case v&0xff == 1:
		return uint32(m.dense[v>>8])
	}
	return uint32(m.ent[v>>8])
}

// denseRun returns the entries of the key whose dense row is at off.
func (m *Model) denseRun(off uint32) []uint16 {
	h := m.dense[off]
	return m.ent[uint32(h) : uint32(h)+uint32(h>>32&0xff)]
}

// addRow adds the dense row at off, of a key of the given kind and weight
// w, to s.
func (m *Model) addRow(s *Scorer, kind uint32, off uint32, w int64) {
	h := m.dense[off]
	w0, nw, spn := rowShape(h)
	lanes := s.lanes[kind][w0:][:nw]
	for i, x := range m.dense[off+rowHeader:][:nw] {
		lanes[i] += x
	}
	if spn > 0 {
		for _, e := range m.sparse[m.dense[off+1]:][:spn] {
			s.acc[e>>8] += w * int64(e&0xff)
		}
	}
	s.lo[kind] = min(s.lo[kind], w0)
	s.hi[kind] = max(s.hi[kind], w0+nw-1)
	if s.pend[kind]++; s.pend[kind] == maxPend {
		m.flush(s, kind)
	}
}

// flush moves the lanes of one kind into the per-class sums.
func (m *Model) flush(s *Scorer, kind uint32) {
	if s.pend[kind] == 0 {
		return
	}
	w := int64(m.Weight[kind])
	lanes := &s.lanes[kind]
	for i := int(s.lo[kind]); i <= int(s.hi[kind]); i++ {
		x := lanes[i]
		if x == 0 {
			continue
		}
		lanes[i] = 0
		for l := range 4 {
			s.acc[m.classAt[4*i+l]] += w * int64(x>>(16*l)&0xffff)
		}
	}
	s.pend[kind], s.lo[kind], s.hi[kind] = 0, 255, 0
}

// flushAll moves every kind's lanes into the per-class sums.
func (m *Model) flushAll(s *Scorer) {
	for k := range uint32(NumKinds) {
		m.flush(s, k)
	}
}
