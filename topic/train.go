package topic

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/newsmon/newsmon/internal/stem"
)

// Example is one labelled training text for [Train].
type Example struct {
	Text  string // the text
	Label string // its class; any non-empty string, e.g. a taxonomy id
}

// Algorithm selects the learner used by [Train].
type Algorithm uint8

// Learners.
const (
	LogisticRegression Algorithm = iota // multinomial logistic regression on TF-IDF features (the default)
	NaiveBayes                          // multinomial naive Bayes on term counts
)

// String returns the learner's name.
func (a Algorithm) String() string {
	switch a {
	case LogisticRegression:
		return "logistic-regression"
	case NaiveBayes:
		return "naive-bayes"
	}
	return "Algorithm(?)"
}

type trainConfig struct {
	alg    Algorithm
	bits   int
	epochs int
	l2     float64
	alpha  float64
	seed   uint64
	err    error
}

// TrainOption configures [Train].
type TrainOption func(*trainConfig)

// WithAlgorithm selects the learner; the default is [LogisticRegression].
func WithAlgorithm(a Algorithm) TrainOption {
	return func(c *trainConfig) {
		if a > NaiveBayes {
			c.err = fmt.Errorf("%w: unknown algorithm %d", ErrTrain, a)
		}
		c.alg = a
	}
}

// WithHashBits sets the size of the hashed feature space to 2^bits
// features, bits in [10, 24], default 18. Model size is about
// 4·2^bits·(labels+1) bytes.
func WithHashBits(bits int) TrainOption {
	return func(c *trainConfig) {
		if bits < 10 || bits > 24 {
			c.err = fmt.Errorf("%w: hash bits %d not in [10, 24]", ErrTrain, bits)
		}
		c.bits = bits
	}
}

// WithEpochs sets the number of passes of logistic regression over the
// data, in [1, 1000], default 12.
func WithEpochs(n int) TrainOption {
	return func(c *trainConfig) {
		if n < 1 || n > 1000 {
			c.err = fmt.Errorf("%w: epochs %d not in [1, 1000]", ErrTrain, n)
		}
		c.epochs = n
	}
}

// WithSeed sets the seed of the shuffling of logistic regression; the
// default is 1. Training is deterministic for a given seed and data order.
func WithSeed(seed uint64) TrainOption {
	return func(c *trainConfig) { c.seed = seed }
}

// ErrTrain is returned by [Train] for bad examples or options.
var ErrTrain = errors.New("topic: cannot train")

// ErrModel is returned by [Load] for data that is not a valid model.
var ErrModel = errors.New("topic: bad model")

// Model is a trained text classifier: features are stems (Snowball for
// English and Russian, the light stripper for Kazakh) and stem bigrams,
// hashed into a fixed-size space. A Model is immutable and safe for
// concurrent use.
type Model struct {
	alg    Algorithm
	bits   uint8
	labels []string
	idf    []float32 // per feature (logistic regression); nil for naive Bayes
	bias   []float32 // per label
	w      []float32 // feature-major: w[f*len(labels)+label]
}

// Prediction is one label with its probability.
type Prediction struct {
	Label string  `json:"label"`
	Score float64 `json:"score"` // probability in [0, 1]; the scores of one text sum to 1
}

// Labels returns the model's labels in sorted order.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Algorithm returns the learner that made the model.
func (m *Model) Algorithm() Algorithm { return m.alg }

// Train fits a model to examples. There must be at least two distinct
// labels. Training on 2,000 news articles takes a few seconds on one core.
func Train(examples []Example, opts ...TrainOption) (*Model, error) {
	c := trainConfig{bits: 18, epochs: 12, l2: 1e-6, alpha: 0.05, seed: 1}
	for _, o := range opts {
		o(&c)
	}
	if c.err != nil {
		return nil, c.err
	}
	labelIndex := map[string]int{}
	for _, e := range examples {
		if e.Label == "" {
			return nil, fmt.Errorf("%w: empty label", ErrTrain)
		}
		labelIndex[e.Label] = 0
	}
	if len(labelIndex) < 2 {
		return nil, fmt.Errorf("%w: need at least two labels, have %d", ErrTrain, len(labelIndex))
	}
	m := &Model{alg: c.alg, bits: uint8(c.bits)}
	for l := range labelIndex {
		m.labels = append(m.labels, l)
	}
	sort.Strings(m.labels)
	for i, l := range m.labels {
		labelIndex[l] = i
	}
	f := newFeaturizer()
	docs := make([]sparse, len(examples))
	y := make([]int, len(examples))
	mask := uint32(1)<<c.bits - 1
	for i, e := range examples {
		docs[i] = f.vector(e.Text, mask)
		y[i] = labelIndex[e.Label]
	}
	switch c.alg {
	case NaiveBayes:
		m.trainNB(docs, y, c.alpha)
	default:
		m.trainLR(docs, y, c)
	}
	return m, nil
}

// sparse is a sparse feature vector sorted by index.
type sparse struct {
	idx []uint32
	val []float32
}

// featurizer turns texts into hashed count vectors, caching stems.
type featurizer struct {
	s *scratch
}

func newFeaturizer() *featurizer {
	return &featurizer{s: &scratch{stems: map[string]string{}, entSeen: map[string]bool{}, seen: map[hitKey]float64{}}}
}

// vector returns the feature counts of text.
func (f *featurizer) vector(text string, mask uint32) sparse {
	feats := appendFeatures(f.s, f.s.feat[:0], text, mask)
	f.s.feat = feats
	return countVector(feats)
}

// countVector sorts feats and counts duplicates.
func countVector(feats []uint32) sparse {
	slices.Sort(feats)
	var v sparse
	for i := 0; i < len(feats); {
		j := i
		for j < len(feats) && feats[j] == feats[i] {
			j++
		}
		v.idx = append(v.idx, feats[i])
		v.val = append(v.val, float32(j-i))
		i = j
	}
	return v
}

// appendFeatures appends the hashed unigram and bigram features of text.
func appendFeatures(s *scratch, dst []uint32, text string, mask uint32) []uint32 {
	sent := int32(0)
	for len(text) > 0 {
		chunk := text
		if len(chunk) > chunkSize {
			cut := chunkSize
			for cut > chunkSize/2 && text[cut-1] != ' ' && text[cut-1] != '\n' {
				cut--
			}
			for cut < len(text) && cut > 0 && !utf8RuneStart(text[cut]) {
				cut++
			}
			chunk = text[:cut]
		}
		text = text[len(chunk):]
		sent = s.splitWords(chunk, sent, false) + 1
		prev, prevSent := uint32(0), int32(-1)
		for i := range s.words {
			w := &s.words[i]
			if len(w.fold) < 2 || w.script == scriptOther {
				prevSent = -1
				continue
			}
			l := stem.English
			if w.script == scriptCyrillic {
				l = stem.Russian
				if w.kazakh {
					l = stem.Kazakh
				}
			}
			h := hashString(s.stemOf(l, w.fold))
			dst = append(dst, h&mask)
			if prevSent == w.sent {
				dst = append(dst, mix(prev*0x9e3779b1+h)&mask)
			}
			prev, prevSent = h, w.sent
		}
	}
	return dst
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// hashString is 32-bit FNV-1a.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// mix is a 32-bit finalizer (from MurmurHash3).
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

func (m *Model) trainNB(docs []sparse, y []int, alpha float64) {
	nc := len(m.labels)
	size := 1 << m.bits
	count := make([]float64, size*nc)
	total := make([]float64, nc)
	prior := make([]float64, nc)
	for i, d := range docs {
		c := y[i]
		prior[c]++
		for k, f := range d.idx {
			v := 1 + math.Log(float64(d.val[k])) // sublinear counts
			count[int(f)*nc+c] += v
			total[c] += v
		}
	}
	m.w = make([]float32, size*nc)
	m.bias = make([]float32, nc)
	for c := 0; c < nc; c++ {
		m.bias[c] = float32(math.Log(prior[c] / float64(len(docs))))
		den := math.Log(total[c] + alpha*float64(size))
		for f := 0; f < size; f++ {
			m.w[f*nc+c] = float32(math.Log(count[f*nc+c]+alpha) - den)
		}
	}
}

// tfidf turns counts into L2-normalized sublinear TF-IDF values in place
// of a copy.
func (m *Model) tfidf(d sparse, out []float32) []float32 {
	out = out[:0]
	norm := 0.0
	for k, f := range d.idx {
		v := (1 + math.Log(float64(d.val[k]))) * float64(m.idf[f])
		out = append(out, float32(v))
		norm += v * v
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for k := range out {
			out[k] *= inv
		}
	}
	return out
}

func (m *Model) trainLR(docs []sparse, y []int, c trainConfig) {
	nc := len(m.labels)
	size := 1 << m.bits
	df := make([]float64, size)
	for _, d := range docs {
		for _, f := range d.idx {
			df[f]++
		}
	}
	n := float64(len(docs))
	m.idf = make([]float32, size)
	for f := range m.idf {
		m.idf[f] = float32(math.Log((1+n)/(1+df[f])) + 1)
	}
	xs := make([][]float32, len(docs))
	for i, d := range docs {
		xs[i] = m.tfidf(d, nil)
	}
	m.w = make([]float32, size*nc)
	m.bias = make([]float32, nc)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(c.seed, 0x6e6577736d6f6e))
	p := make([]float64, nc)
	step := 0
	for ep := 0; ep < c.epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			lr := 2.0 / (1 + float64(step)/float64(len(docs)))
			step++
			d, x := docs[i], xs[i]
			m.scores(d.idx, x, p)
			softmax(p)
			p[y[i]]--
			var gs [64]float32
			g := gs[:0]
			if nc > len(gs) {
				g = make([]float32, 0, nc)
			}
			for cl := 0; cl < nc; cl++ {
				g = append(g, float32(lr*p[cl]))
				m.bias[cl] -= float32(lr * p[cl] * 0.1)
			}
			decay := float32(1 - lr*c.l2)
			for k, f := range d.idx {
				row := m.w[int(f)*nc : int(f)*nc+nc]
				xv := x[k]
				for cl := range row {
					row[cl] = row[cl]*decay - g[cl]*xv
				}
			}
		}
	}
}

// scores computes the linear scores of a feature vector into p.
func (m *Model) scores(idx []uint32, val []float32, p []float64) {
	nc := len(m.labels)
	var acc [64]float32
	sum := acc[:0]
	if nc > len(acc) {
		sum = make([]float32, 0, nc)
	}
	sum = append(sum, m.bias...)
	for k, f := range idx {
		row := m.w[int(f)*nc : int(f)*nc+nc]
		v := val[k]
		for cl, w := range row {
			sum[cl] += w * v
		}
	}
	for cl := range p {
		p[cl] = float64(sum[cl])
	}
}

func softmax(p []float64) {
	mx := math.Inf(-1)
	for _, v := range p {
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for i, v := range p {
		p[i] = math.Exp(v - mx)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
}

// predictProbs returns the label probabilities of text, in label order.
func (m *Model) predictProbs(text string, s *scratch) []float64 {
	mask := uint32(1)<<m.bits - 1
	feats := appendFeatures(s, s.feat[:0], text, mask)
	s.feat = feats
	d := countVector(feats)
	var val []float32
	if m.alg == NaiveBayes {
		val = make([]float32, len(d.val))
		for k, v := range d.val {
			val[k] = float32(1 + math.Log(float64(v)))
		}
	} else {
		val = m.tfidf(d, nil)
	}
	p := make([]float64, len(m.labels))
	m.scores(d.idx, val, p)
	softmax(p)
	return p
}

// Predict returns the labels of text with their probabilities, best first
// (ties by label).
func (m *Model) Predict(text string) []Prediction {
	s := getScratch(0)
	defer putScratch(s)
	p := m.predictProbs(text, s)
	out := make([]Prediction, len(p))
	for i, v := range p {
		out[i] = Prediction{m.labels[i], v}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	return out
}

const modelMagic = "newsmon-topic-model 1\n"

// Save writes the model to w in a compact binary format read by [Load].
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	hasIDF := byte(0)
	if m.idf != nil {
		hasIDF = 1
	}
	bw.Write([]byte{byte(m.alg), m.bits, hasIDF})
	binary.Write(bw, binary.LittleEndian, uint32(len(m.labels)))
	for _, l := range m.labels {
		binary.Write(bw, binary.LittleEndian, uint16(len(l)))
		bw.WriteString(l)
	}
	if m.idf != nil {
		binary.Write(bw, binary.LittleEndian, m.idf)
	}
	binary.Write(bw, binary.LittleEndian, m.bias)
	binary.Write(bw, binary.LittleEndian, m.w)
	return bw.Flush()
}

// Load reads a model written by [Model.Save]. Malformed data gives an error
// wrapping [ErrModel].
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	bad := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrModel, what, err)
		}
		return fmt.Errorf("%w: %s", ErrModel, what)
	}
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, bad("not a newsmon topic model", err)
	}
	var hdr [3]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil {
		return nil, bad("header", err)
	}
	m := &Model{alg: Algorithm(hdr[0]), bits: hdr[1]}
	if m.alg > NaiveBayes || m.bits < 10 || m.bits > 24 || hdr[2] > 1 || (hdr[2] == 1) != (m.alg == LogisticRegression) {
		return nil, bad("bad header", nil)
	}
	var nl uint32
	if err := binary.Read(br, binary.LittleEndian, &nl); err != nil || nl < 2 || nl > 4096 {
		return nil, bad("label count", err)
	}
	seen := map[string]bool{}
	for i := uint32(0); i < nl; i++ {
		var n uint16
		if err := binary.Read(br, binary.LittleEndian, &n); err != nil || n == 0 {
			return nil, bad("label", err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, bad("label", err)
		}
		if seen[string(b)] {
			return nil, bad("duplicate label", nil)
		}
		seen[string(b)] = true
		m.labels = append(m.labels, string(b))
	}
	size := 1 << m.bits
	if int64(size)*int64(nl) > 1<<27 {
		return nil, bad("model too large", nil)
	}
	read := func(n int) ([]float32, error) {
		out := make([]float32, 0, min(n, 1<<20))
		buf := make([]float32, 4096)
		for len(out) < n {
			k := min(len(buf), n-len(out))
			if err := binary.Read(br, binary.LittleEndian, buf[:k]); err != nil {
				return nil, err
			}
			for _, v := range buf[:k] {
				if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
					return nil, errors.New("non-finite weight")
				}
			}
			out = append(out, buf[:k]...)
		}
		return out, nil
	}
	var err error
	if hdr[2] == 1 {
		if m.idf, err = read(size); err != nil {
			return nil, bad("idf", err)
		}
	}
	if m.bias, err = read(int(nl)); err != nil {
		return nil, bad("bias", err)
	}
	if m.w, err = read(size * int(nl)); err != nil {
		return nil, bad("weights", err)
	}
	return m, nil
}
