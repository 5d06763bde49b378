package seqtag

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"sync/atomic"
)

// ErrFormat is returned by [Unmarshal] for data that is not a model.
var ErrFormat = errors.New("seqtag: not a model")

const magic = "NMNER3"

// Model is a linear sequence model: a weight row per hashed feature and a
// label transition matrix. Weights are int16 fixed-point numbers; Scale
// converts them back to the trained float values. A Model is immutable
// after it is built and safe for concurrent use.
type Model struct {
	Bits  uint8                             // log2 of the number of weight rows, 10..24
	Scale float32                           // float weight = int16 weight * Scale
	Trans [NumLabels + 1][NumLabels]float32 // Trans[a][b]: score of b after a; row NumLabels is the sentence start
	W     []int16                           // len 2^Bits * NumLabels, row-major

	// w8 and scale8 are W requantized to 8 bits for [Model.Score]: half
	// the memory traffic of the hot loop, at no measurable cost in F1.
	w8     []int8
	scale8 float32
	id     uint64 // tells the models apart in a [Cache]
}

// modelIDs numbers the models that get 8-bit weights.
var modelIDs atomic.Uint64

// compact fills w8 from W.
func (m *Model) compact() {
	var max int
	for _, x := range m.W {
		if a := int(x); a > max {
			max = a
		} else if -a > max {
			max = -a
		}
	}
	if max == 0 {
		max = 1
	}
	m.w8 = make([]int8, len(m.W))
	for i, x := range m.W {
		m.w8[i] = int8(math.Round(float64(x) * 127 / float64(max)))
	}
	m.scale8 = m.Scale * float32(max) / 127
	m.id = modelIDs.Add(1)
}

// Emissions is the per-token label score matrix of a sentence.
type Emissions [][NumLabels]float32

// Score fills dst[k] with the label scores of token k, whose features are
// feats[offs[k]:offs[k+1]], and returns dst.
func (m *Model) Score(feats []uint32, offs []int32, dst Emissions) Emissions {
	n := len(offs) - 1
	if cap(dst) < n {
		dst = make(Emissions, n)
	}
	dst = dst[:n]
	mask := uint32(1)<<m.Bits - 1
	if m.w8 == nil {
		// A Model built by hand rather than by Unmarshal: score from W.
		w := m.W
		for k := 0; k < n; k++ {
			var acc [NumLabels]int32
			for _, f := range feats[offs[k]:offs[k+1]] {
				row := w[int(f&mask)*NumLabels : int(f&mask)*NumLabels+NumLabels]
				for l := range acc {
					acc[l] += int32(row[l])
				}
			}
			for l := range acc {
				dst[k][l] = float32(acc[l]) * m.Scale
			}
		}
		return dst
	}
	w := m.w8
	// The rows are scattered over megabytes, so the loop below waits on
	// memory. Touching every row of the sentence first, in a loop with no
	// other work, lets the processor have many of those loads in flight at
	// once; the loop below then finds the rows in cache.
	keep(touchRows(w, mask, feats[offs[0]:offs[n]]))
	for k := 0; k < n; k++ {
		acc := sumRows(w, mask, feats[offs[k]:offs[k+1]], [NumLabels]int32{})
		for l := range acc {
			dst[k][l] = float32(acc[l]) * m.scale8
		}
	}
	return dst
}

// Cache holds the sums of tokens' own feature rows (see [Buffer].Own),
// keyed by model and a hash of the features, so that a word met again is
// scored from one cached row instead of some twenty scattered ones. The
// sums are exact integers, so cached scores equal uncached ones. A Cache
// is not safe for concurrent use; its zero value is ready.
type Cache struct {
	sums map[uint64][NumLabels]int32 // by feature hash mixed with the model's id
	hash []uint64                    // per token of the sentence being scored; 0: cached
	part [][NumLabels]int32
}

// maxCached bounds a Cache; it is emptied when full.
const maxCached = 1 << 14

// hashFeats hashes a token's own features; it is never 0.
func hashFeats(fs []uint32) uint64 {
	h := uint64(fnvOffset)
	for _, f := range fs {
		h = (h ^ uint64(f)) * fnvPrime
	}
	return mix(h) | 1
}

// ScoreCached is [Model.Score] with the sums of the tokens' own features,
// feats[offs[k]:own[k]], taken from c or added to it. own has an entry per
// token. A nil c scores without a cache.
func (m *Model) ScoreCached(c *Cache, feats []uint32, offs, own []int32, dst Emissions) Emissions {
	n := len(offs) - 1
	if c == nil || m.w8 == nil || len(own) < n {
		return m.Score(feats, offs, dst)
	}
	if cap(dst) < n {
		dst = make(Emissions, n)
	}
	dst = dst[:n]
	if c.sums == nil || len(c.sums) >= maxCached {
		c.sums = make(map[uint64][NumLabels]int32, maxCached/4)
	}
	if cap(c.hash) < n {
		c.hash = make([]uint64, n)
		c.part = make([][NumLabels]int32, n)
	}
	hash, part := c.hash[:n], c.part[:n]
	salt := m.id * 0x9e3779b97f4a7c15
	for k := 0; k < n; k++ {
		h := hashFeats(feats[offs[k]:own[k]]) ^ salt | 1
		if v, ok := c.sums[h]; ok {
			part[k], hash[k] = v, 0
		} else {
			hash[k] = h
		}
	}
	mask := uint32(1)<<m.Bits - 1
	w := m.w8
	// Touch the rows to be read first (see Score).
	var sink int8
	for k := 0; k < n; k++ {
		lo := own[k]
		if hash[k] != 0 {
			lo = offs[k]
		}
		sink += touchRows(w, mask, feats[lo:offs[k+1]])
	}
	keep(sink)
	for k := 0; k < n; k++ {
		acc := part[k]
		if hash[k] != 0 {
			acc = sumRows(w, mask, feats[offs[k]:own[k]], [NumLabels]int32{})
			c.sums[hash[k]] = acc
		}
		acc = sumRows(w, mask, feats[own[k]:offs[k+1]], acc)
		for l := range acc {
			dst[k][l] = float32(acc[l]) * m.scale8
		}
	}
	return dst
}

// touchRows reads the first weight of the rows of fs and returns their sum.
func touchRows(w []int8, mask uint32, fs []uint32) int8 {
	var sink int8
	for _, f := range fs {
		sink += w[int(f&mask)*NumLabels]
	}
	return sink
}

// sumRows adds the 8-bit weight rows of fs to acc.
func sumRows(w []int8, mask uint32, fs []uint32, acc [NumLabels]int32) [NumLabels]int32 {
	for _, f := range fs {
		i := int(f&mask) * NumLabels
		row := w[i : i+NumLabels : i+NumLabels]
		acc[0] += int32(row[0])
		acc[1] += int32(row[1])
		acc[2] += int32(row[2])
		acc[3] += int32(row[3])
		acc[4] += int32(row[4])
		acc[5] += int32(row[5])
		acc[6] += int32(row[6])
		acc[7] += int32(row[7])
		acc[8] += int32(row[8])
	}
	return acc
}

// keep uses x so that the compiler keeps the loads that computed it.
//
//go:noinline
func keep(x int8) {}

// Viterbi writes the best label sequence for emis under trans into out
// (len(out) ≥ len(emis)), respecting the BIO constraints, and returns
// out[:len(emis)]. back is scratch space that is grown as needed.
func Viterbi(emis Emissions, trans *[NumLabels + 1][NumLabels]float32, out []Label, back *[][NumLabels]uint8) []Label {
	n := len(emis)
	out = out[:n]
	if n == 0 {
		return out
	}
	if cap(*back) < n {
		*back = make([][NumLabels]uint8, n)
	}
	bp := (*back)[:n]
	negInf := float32(math.Inf(-1))
	var cur, next [NumLabels]float32
	for b := 0; b < NumLabels; b++ {
		if allowed(NumLabels, Label(b)) {
			cur[b] = trans[NumLabels][b] + emis[0][b]
		} else {
			cur[b] = negInf
		}
	}
	// The columns of trans, for the labels that may follow any label.
	var col [NumLabels][NumLabels]float32
	for a := range NumLabels {
		for b := range NumLabels {
			col[b][a] = trans[a][b]
		}
	}
	for k := 1; k < n; k++ {
		e, back := &emis[k], &bp[k]
		// O and the B- labels may follow any label; ties go to the first.
		for _, b := range [...]int{0, 1, 3, 5, 7} {
			t := &col[b]
			best, arg := cur[0]+t[0], uint8(0)
			if s := cur[1] + t[1]; s > best {
				best, arg = s, 1
			}
			if s := cur[2] + t[2]; s > best {
				best, arg = s, 2
			}
			if s := cur[3] + t[3]; s > best {
				best, arg = s, 3
			}
			if s := cur[4] + t[4]; s > best {
				best, arg = s, 4
			}
			if s := cur[5] + t[5]; s > best {
				best, arg = s, 5
			}
			if s := cur[6] + t[6]; s > best {
				best, arg = s, 6
			}
			if s := cur[7] + t[7]; s > best {
				best, arg = s, 7
			}
			if s := cur[8] + t[8]; s > best {
				best, arg = s, 8
			}
			next[b] = best + e[b]
			back[b] = arg
		}
		// I- of a type follows B- or I- of that type. From the second
		// token on, every B- label has a finite score, so best is finite.
		for t := 0; t < NumTypes; t++ {
			bl, il := 1+2*t, 2+2*t
			best, arg := cur[bl]+trans[bl][il], bl
			if s := cur[il] + trans[il][il]; s > best {
				best, arg = s, il
			}
			next[il] = best + e[il]
			back[il] = uint8(arg)
		}
		cur = next
	}
	best, arg := negInf, 0
	for b := 0; b < NumLabels; b++ {
		if cur[b] > best {
			best, arg = cur[b], b
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = Label(arg)
		arg = int(bp[k][arg])
	}
	return out
}

// Quantize builds a Model from float weights (len 2^bits*NumLabels) and
// transitions, mapping the largest weight magnitude to 32767.
func Quantize(bits uint8, w []float32, trans [NumLabels + 1][NumLabels]float32) *Model {
	var max float64
	for _, x := range w {
		if a := math.Abs(float64(x)); a > max {
			max = a
		}
	}
	if max == 0 {
		max = 1
	}
	scale := max / 32767
	m := &Model{Bits: bits, Scale: float32(scale), Trans: trans, W: make([]int16, len(w))}
	for i, x := range w {
		m.W[i] = int16(math.Round(float64(x) / scale))
	}
	return m
}

// MarshalBinary encodes the model: the header, the transitions, the 8-bit
// scale, a bitmap of the rows that have a non-zero weight and those rows'
// weights requantized to int8. Most rows of a hashed model are empty, so
// the encoding is compact; it is not compressed, so that decoding is a copy.
func (m *Model) MarshalBinary() ([]byte, error) {
	if m.w8 == nil {
		m.compact()
	}
	var raw bytes.Buffer
	raw.WriteString(magic)
	raw.WriteByte(m.Bits)
	_ = binary.Write(&raw, binary.LittleEndian, m.scale8)
	_ = binary.Write(&raw, binary.LittleEndian, m.Trans)
	rows := 1 << m.Bits
	bitmap := make([]byte, (rows+7)/8)
	var vals []byte
	for r := 0; r < rows; r++ {
		row := m.w8[r*NumLabels : r*NumLabels+NumLabels]
		for _, x := range row {
			if x != 0 {
				bitmap[r/8] |= 1 << (r % 8)
				for _, y := range row {
					vals = append(vals, byte(y))
				}
				break
			}
		}
	}
	raw.Write(bitmap)
	raw.Write(vals)
	return raw.Bytes(), nil
}

// Unmarshal decodes a model written by [Model.MarshalBinary]. The decoded
// model scores with its 8-bit weights and keeps no W.
func Unmarshal(data []byte) (*Model, error) {
	head := len(magic) + 1 + 4 + 4*(NumLabels+1)*NumLabels
	if len(data) < head || string(data[:len(magic)]) != magic {
		return nil, ErrFormat
	}
	m := &Model{Bits: data[len(magic)]}
	if m.Bits < 10 || m.Bits > 24 {
		return nil, ErrFormat
	}
	r := bytes.NewReader(data[len(magic)+1 : head])
	if err := binary.Read(r, binary.LittleEndian, &m.scale8); err != nil {
		return nil, ErrFormat
	}
	if err := binary.Read(r, binary.LittleEndian, &m.Trans); err != nil {
		return nil, ErrFormat
	}
	m.Scale = m.scale8
	rows := 1 << m.Bits
	rest := data[head:]
	if len(rest) < (rows+7)/8 {
		return nil, ErrFormat
	}
	bitmap, vals := rest[:(rows+7)/8], rest[(rows+7)/8:]
	nz := 0
	for _, b := range bitmap {
		nz += bits.OnesCount8(b)
	}
	if len(vals) != NumLabels*nz {
		return nil, ErrFormat
	}
	m.w8 = make([]int8, rows*NumLabels)
	k := 0
	for row := 0; row < rows; row++ {
		if bitmap[row/8]&(1<<(row%8)) == 0 {
			continue
		}
		w := m.w8[row*NumLabels : row*NumLabels+NumLabels]
		for l := range w {
			w[l] = int8(vals[k+l])
		}
		k += NumLabels
	}
	m.id = modelIDs.Add(1)
	return m, nil
}
