package langmodel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Magic starts every encoded model.
const Magic = "NEWSMON-LANG-MODEL 2\n"

// Class is one class of the model: a language in one script.
type Class struct {
	Tag    string // BCP 47 language, e.g. "uz"
	Script string // ISO 15924 script of the training text, e.g. "Cyrl"
}

// Model is a naive-Bayes model over hashed features, stored as compact
// integer tables: feature keys sorted and bucketed by their top 16 bits, and
// per key a run of (class, benefit) entries. The benefit of a seen feature
// is log(count/alpha) in quanta of Step nats; an unseen feature costs the
// class's floor log(total/alpha) for its kind. A Model is immutable and safe
// for concurrent use.
type Model struct {
	Header  string  // free text: provenance, written by the trainer
	Classes []Class // at most 256
	Step    float64 // nats per quantum
	// Weight is the weight of each kind in hundredths (100 = 1.0).
	Weight [NumKinds]int32
	// Floor is, per class and kind, the cost in quanta of an unseen feature.
	Floor [][NumKinds]int32
	// Bias is, per class, a score offset in quanta (a log prior), fitted by
	// the trainer to even out confusions between close languages; zero by
	// default.
	Bias []int32

	cscript []int // per class, index in Scripts

	// The lookup table: slots sorted by key, found through bucket (indexed
	// by the top bucketBits bits of a key); runs of two or more entries
	// (class<<8 | benefit) in ent.
	bucket []uint32 // 1<<bucketBits+1 offsets into slots
	slots  []slot
	ent    []uint16

	// Dense rows of the keys with many entries (see dense.go): a slot
	// whose value has count 1 holds an index into rows.
	pos     [256]uint8 // per class, its lane in a row
	classAt [256]uint8 // per lane, its class
	lanes   int        // lanes in use, a multiple of 4
	dense   []uint64
	sparse  []uint16
}

// bucketBits is the number of top key bits that index Model.bucket: 2^18
// buckets for about a million keys keeps a bucket within a cache line.
const bucketBits = 18

// A slot holds a key and its entries: inline (flag bit 31 set, the one
// entry in the low 16 bits) when there is one, else offset<<8 | count into
// Model.ent, or, for a key with a dense row, offset<<8 | 1 into Model.dense
// (see dense.go).
type slot struct {
	key uint32
	val uint32
}

const inline = 1 << 31

// Params are the training parameters of [Build].
type Params struct {
	Step   float64           // nats per quantum, e.g. 1.0/16
	Alpha  [NumKinds]float64 // pseudo-count of an unseen feature, per kind
	Weight [NumKinds]int32   // per kind, hundredths
	Min    [NumKinds]uint32  // minimum count to keep a feature, per kind
	Header string            // provenance text
	// SharedFloor gives every class the same cost for an unseen feature, as
	// if each had the median amount of training text; otherwise classes
	// with little text pay less for unseen features and win on text that
	// no class knows well.
	SharedFloor bool
}

// Build makes a model from per-class feature counts.
func Build(classes []Class, counts []map[uint32]uint32, p Params) (*Model, error) {
	if len(classes) == 0 || len(classes) > 256 || len(counts) != len(classes) {
		return nil, errors.New("langmodel: need 1 to 256 classes with counts")
	}
	m := &Model{Header: p.Header, Classes: slices.Clone(classes), Step: p.Step, Weight: p.Weight}
	m.Floor = make([][NumKinds]int32, len(classes))
	m.Bias = make([]int32, len(classes))
	type kv struct {
		key uint32
		e   uint16
	}
	var all []kv
	totals := make([][NumKinds]float64, len(counts))
	for c, cnt := range counts {
		for k, n := range cnt {
			totals[c][Kind(k)] += float64(n)
		}
		for k := 1; k < NumKinds; k++ {
			totals[c][k] = max(totals[c][k], 1)
		}
	}
	var ref [NumKinds]float64 // median total per kind
	for k := 1; k < NumKinds; k++ {
		col := make([]float64, len(totals))
		for c := range totals {
			col[c] = totals[c][k]
		}
		slices.Sort(col)
		ref[k] = col[len(col)/2]
	}
	for c, cnt := range counts {
		total := totals[c]
		floorN := total
		if p.SharedFloor {
			floorN = ref
		}
		for k := 1; k < NumKinds; k++ {
			m.Floor[c][k] = int32(math.Round(math.Log(floorN[k]/p.Alpha[k]) / p.Step))
		}
		for k, n := range cnt {
			kind := Kind(k)
			if kind == 0 || n < p.Min[kind] || p.Weight[kind] == 0 {
				continue
			}
			// log(P(seen)/P(unseen)) = log((n/total) / (alpha/floorN)).
			b := math.Round(math.Log(float64(n)*floorN[kind]/(total[kind]*p.Alpha[kind])) / p.Step)
			if b < 1 {
				continue // no likelier than unseen: not worth storing
			}
			b = min(255, b)
			all = append(all, kv{k, uint16(c)<<8 | uint16(b)})
		}
	}
	slices.SortFunc(all, func(a, b kv) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return int(a.e>>8) - int(b.e>>8)
	})
	var run []uint16
	for i, x := range all {
		run = append(run, x.e)
		if i+1 == len(all) || all[i+1].key != x.key {
			if err := m.appendSlot(x.key, run); err != nil {
				return nil, err
			}
			run = run[:0]
		}
	}
	m.buildBuckets()
	return m, nil
}

// appendSlot adds key with its entries es to the lookup table; keys come
// in increasing order.
func (m *Model) appendSlot(key uint32, es []uint16) error {
	switch {
	case len(es) == 1:
		m.slots = append(m.slots, slot{key, inline | uint32(es[0])})
	case len(es) > 1 && len(es) < 256 && len(m.ent) < 1<<23:
		m.slots = append(m.slots, slot{key, uint32(len(m.ent))<<8 | uint32(len(es))})
		m.ent = append(m.ent, es...)
	default:
		return fmt.Errorf("%w: key with %d entries", errCorrupt, len(es))
	}
	return nil
}

// buildBuckets indexes the slots by the top bucketBits bits of their keys,
// and the classes by script.
func (m *Model) buildBuckets() {
	m.cscript = make([]int, len(m.Classes))
	for c, cl := range m.Classes {
		m.cscript[c] = ScriptOther
		for s, name := range Scripts {
			if name == cl.Script {
				m.cscript[c] = s
			}
		}
	}
	m.bucket = make([]uint32, 1<<bucketBits+1)
	j := 0
	for b := 0; b <= 1<<bucketBits; b++ {
		for j < len(m.slots) && int(m.slots[j].key>>(32-bucketBits)) < b {
			j++
		}
		m.bucket[b] = uint32(j)
	}
	m.buildDense()
}

// Size returns the number of distinct keys and of (key, class) entries.
func (m *Model) Size() (keys, entries int) {
	for _, s := range m.slots {
		entries += m.slotLen(s)
	}
	return len(m.slots), entries
}

// Lookup returns the (class<<8 | benefit) entries of key, or nil.
func (m *Model) Lookup(key uint32) []uint16 {
	v, ok := m.find(key)
	switch {
	case !ok:
		return nil
	case v&inline != 0:
		return []uint16{uint16(v)}
	}
	return m.run(v)
}

// find returns the slot value of key. This is the hot path of detection:
// one bucket read and a short scan of one cache line, mostly.
func (m *Model) find(key uint32) (uint32, bool) {
	b := key >> (32 - bucketBits)
	lo, hi := m.bucket[b], m.bucket[b+1]
	if hi > uint32(len(m.slots)) || lo > hi {
		return 0, false
	}
	for _, s := range m.slots[lo:hi] {
		if s.key >= key {
			return s.val, s.key == key
		}
	}
	return 0, false
}

// Mask sets mask[c] (len(Classes)) to whether class c may label text whose
// dominant script is s (see [Dominant]): classes of that script, and for
// Han text both Chinese and Japanese. allowed, if not nil, further restricts
// the classes. It reports whether any class is left.
func (m *Model) Mask(s int, allowed, mask []bool) bool {
	any := false
	for c, cs := range m.cscript {
		ok := cs == s || s == ScriptHani && cs == ScriptJpan
		if allowed != nil && !allowed[c] {
			ok = false
		}
		mask[c] = ok
		any = any || ok
	}
	return any
}

// Scorer accumulates the evidence of features for every class. Its zero
// value is not ready: get one from [Model.NewScorer]. A Scorer is scratch
// for one goroutine at a time.
type Scorer struct {
	acc   [256]int64 // per class, in hundredths of quanta
	cnt   [NumKinds]int64
	Known int // keys seen by at least one class
	Keys  int // keys added
	sink  uint32
	// Dense rows added but not yet in acc, per kind: 16-bit lanes, four
	// to a word, in lane order (Model.classAt); pend counts the rows
	// added, flushed before a lane could overflow; lo and hi bound the
	// words touched.
	lanes [NumKinds][64]uint64
	pend  [NumKinds]int32
	lo    [NumKinds]uint8
	hi    [NumKinds]uint8
}

// NewScorer returns a Scorer for m.
func (m *Model) NewScorer() *Scorer {
	s := &Scorer{}
	s.Reset()
	return s
}

// Reset clears s for a new text.
func (s *Scorer) Reset() {
	for k := range s.pend {
		if s.pend[k] != 0 {
			clear(s.lanes[k][s.lo[k] : int(s.hi[k])+1])
		}
		s.pend[k], s.lo[k], s.hi[k] = 0, 255, 0
	}
	clear(s.acc[:])
	s.cnt = [NumKinds]int64{}
	s.Known, s.Keys = 0, 0
}

// Add adds the evidence of keys to s.
//
// This is the hot path of detection, bound by memory latency: keys are
// looked up in batches, first all their buckets, then all their slots,
// then the entries of keys found in more than one class, so that the
// processor overlaps the cache misses of one batch. Keys of a kind with
// weight 0 are counted in s.Keys and not looked up.
func (m *Model) Add(s *Scorer, keys []uint32) {
	s.Keys += len(keys)
	const batch = 16
	var ks, lo, hi, val [batch]uint32
	for len(keys) > 0 {
		// Gather a batch of weighted keys.
		n := 0
		for len(keys) > 0 && n < batch {
			k := keys[0]
			keys = keys[1:]
			if m.Weight[k&7] != 0 {
				ks[n] = k
				n++
			}
		}
		for j, k := range ks[:n] {
			b := k >> (32 - bucketBits)
			lo[j], hi[j] = m.bucket[b], m.bucket[b+1]
		}
		var sink uint32
		for j := range n {
			if lo[j] < hi[j] && hi[j] <= uint32(len(m.slots)) {
				sink += m.slots[lo[j]].key // touch: start the slot's cache miss
			}
		}
		for j, k := range ks[:n] {
			val[j] = 0 // no slot value is 0
			if hi[j] > uint32(len(m.slots)) || lo[j] > hi[j] {
				continue
			}
			for _, sl := range m.slots[lo[j]:hi[j]] {
				if sl.key >= k {
					if sl.key == k {
						val[j] = sl.val
						sink += m.touch(sl.val)
					}
					break
				}
			}
		}
		s.sink += sink
		for j, k := range ks[:n] {
			kind := k & 7
			s.cnt[kind]++
			v := val[j]
			if v == 0 {
				continue
			}
			s.Known++
			w := int64(m.Weight[kind])
			switch {
			case v&inline != 0:
				s.acc[v>>8&0xff] += w * int64(v&0xff)
			case v&0xff == 1:
				m.addRow(s, kind, v>>8, w)
			default:
				for _, e := range m.ent[v>>8 : v>>8+v&0xff] {
					s.acc[e>>8] += w * int64(e&0xff)
				}
			}
		}
	}
}

// Scores sets scores[c] (len(Classes)) to the weighted log-likelihood of
// the keys added to s under class c, in nats up to a constant shared by all
// classes, for the classes in mask (nil: all), and to -Inf for the others.
func (m *Model) Scores(s *Scorer, mask []bool, scores []float64) {
	m.flushAll(s)
	for c := range m.Classes {
		if mask != nil && !mask[c] {
			scores[c] = math.Inf(-1)
			continue
		}
		v := s.acc[c]
		f := &m.Floor[c]
		for kind := 1; kind < NumKinds; kind++ {
			if s.cnt[kind] != 0 {
				v -= int64(m.Weight[kind]) * s.cnt[kind] * int64(f[kind])
			}
		}
		scores[c] = float64(v)*m.Step/100 + float64(m.Bias[c])*m.Step
	}
}

// MarshalBinary encodes the model: [Magic], the header text, then
// little-endian tables.
func (m *Model) MarshalBinary() ([]byte, error) {
	var b []byte
	b = append(b, Magic...)
	b = binary.AppendUvarint(b, uint64(len(m.Header)))
	b = append(b, m.Header...)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.Step))
	for _, w := range m.Weight {
		b = binary.LittleEndian.AppendUint32(b, uint32(w))
	}
	b = binary.AppendUvarint(b, uint64(len(m.Classes)))
	for c, cl := range m.Classes {
		s := cl.Tag + "-" + cl.Script
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
		for _, f := range m.Floor[c] {
			b = binary.LittleEndian.AppendUint32(b, uint32(f))
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(m.Bias[c]))
	}
	b = binary.AppendUvarint(b, uint64(len(m.slots)))
	ne := 0
	for _, s := range m.slots {
		ne += m.slotLen(s)
	}
	b = binary.AppendUvarint(b, uint64(ne))
	// Keys as deltas (uvarint): they are sorted hashes, so deltas are small.
	prev := uint32(0)
	for _, s := range m.slots {
		b = binary.AppendUvarint(b, uint64(s.key-prev))
		prev = s.key
	}
	// Entry counts per key (uvarint), then entries.
	for _, s := range m.slots {
		b = binary.AppendUvarint(b, uint64(m.slotLen(s)))
	}
	for _, s := range m.slots {
		if s.val&inline != 0 {
			b = binary.LittleEndian.AppendUint16(b, uint16(s.val))
			continue
		}
		for _, e := range m.run(s.val) {
			b = binary.LittleEndian.AppendUint16(b, e)
		}
	}
	return b, nil
}

func (m *Model) slotLen(s slot) int {
	if s.val&inline != 0 {
		return 1
	}
	return len(m.run(s.val))
}

// run returns the entries of a slot value that is not inline.
func (m *Model) run(v uint32) []uint16 {
	if v&0xff == 1 {
		return m.denseRun(v >> 8)
	}
	return m.ent[v>>8 : v>>8+v&0xff]
}

var errCorrupt = errors.New("langmodel: corrupt model")

// Decode decodes a model written by [Model.MarshalBinary].
func Decode(data []byte) (*Model, error) {
	if !strings.HasPrefix(string(data[:min(len(data), len(Magic))]), Magic) {
		return nil, errCorrupt
	}
	d := data[len(Magic):]
	var bad bool
	uv := func() uint64 {
		v, n := binary.Uvarint(d)
		if n <= 0 {
			bad = true
			return 0
		}
		d = d[n:]
		return v
	}
	take := func(n int) []byte {
		if n < 0 || n > len(d) {
			bad = true
			return nil
		}
		x := d[:n]
		d = d[n:]
		return x
	}
	m := &Model{}
	m.Header = string(take(int(uv())))
	if x := take(8); x != nil {
		m.Step = math.Float64frombits(binary.LittleEndian.Uint64(x))
	}
	for i := range m.Weight {
		if x := take(4); x != nil {
			m.Weight[i] = int32(binary.LittleEndian.Uint32(x))
		}
	}
	nc64 := uv()
	if bad || nc64 == 0 || nc64 > 256 {
		return nil, errCorrupt
	}
	nc := int(nc64)
	m.Classes = make([]Class, nc)
	m.Floor = make([][NumKinds]int32, nc)
	m.Bias = make([]int32, nc)
	for c := range nc {
		s := string(take(int(uv())))
		tag, script, _ := strings.Cut(s, "-")
		m.Classes[c] = Class{tag, script}
		for k := range NumKinds {
			if x := take(4); x != nil {
				m.Floor[c][k] = int32(binary.LittleEndian.Uint32(x))
			}
		}
		if x := take(4); x != nil {
			m.Bias[c] = int32(binary.LittleEndian.Uint32(x))
		}
	}
	nk, ne := uv(), uv()
	if bad || nk > uint64(len(d)) || ne > uint64(len(d)) {
		return nil, errCorrupt
	}
	// Keys, then entry counts (kept in val until the entries are read).
	m.slots = make([]slot, nk)
	prev := uint32(0)
	for i := range m.slots {
		prev += uint32(uv())
		m.slots[i].key = prev
	}
	total, multi := uint64(0), 0
	for i := range m.slots {
		n := uv()
		if n == 0 || n > 255 {
			return nil, errCorrupt
		}
		m.slots[i].val = uint32(n)
		total += n
		if n > 1 {
			multi += int(n)
		}
	}
	x := take(int(ne) * 2)
	if bad || total != ne || multi >= 1<<23 {
		return nil, errCorrupt
	}
	m.ent = make([]uint16, 0, multi)
	for i, sl := range m.slots {
		n := int(sl.val)
		start := len(m.ent)
		for j := range n {
			e := binary.LittleEndian.Uint16(x[2*j:])
			if int(e>>8) >= nc {
				return nil, fmt.Errorf("%w: class out of range", errCorrupt)
			}
			if n == 1 {
				m.slots[i].val = inline | uint32(e)
			} else {
				m.ent = append(m.ent, e)
			}
		}
		if n > 1 {
			m.slots[i].val = uint32(start)<<8 | uint32(n)
		}
		x = x[2*n:]
	}
	m.buildBuckets()
	return m, nil
}
