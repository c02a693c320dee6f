// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package topk

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBounds streams skewed weights over many keys (a few heavy spenders,
// a long tail) and checks the guarantees against the exact sums.
func TestBounds(t *testing.T) {
	for _, m := range []int{1, 10, 100} {
		for seed := range uint64(5) {
			r := rand.New(rand.NewPCG(seed, 42))
			zipf := rand.NewZipf(r, 1.3, 1, 20_000)
			s := New(m)
			exact := map[string]float64{}
			var n float64
			for range 200_000 {
				k := fmt.Sprintf("user-%d", zipf.Uint64())
				w := 0.0001 + r.Float64()*0.01 // a call's cost
				s.Add(k, w)
				exact[k] += w
				n += w
			}
			require.InDelta(t, n, s.Total(), 1e-9*n)
			top := s.Top(m)
			var sum float64
			held := map[string]bool{}
			for _, e := range top {
				held[e.Key] = true
				sum += e.Count
				assert.GreaterOrEqual(t, e.Count+1e-9, exact[e.Key], "m=%d %s: count below the true weight", m, e.Key)
				assert.LessOrEqual(t, e.Count-e.Err, exact[e.Key]+1e-9, "m=%d %s: overestimate beyond Err", m, e.Key)
				assert.LessOrEqual(t, e.Err, n/float64(m)+1e-9, "m=%d: Err above N/m", m)
			}
			assert.InDelta(t, n, sum, 1e-9*n, "the counters sum to N")
			for k, v := range exact {
				if v > n/float64(m) {
					assert.True(t, held[k], "m=%d: %s (%.4f > N/m = %.4f) missing", m, k, v, n/float64(m))
				}
			}
			// The true top 3 are the reported top 3 when they stand out.
			if m == 100 {
				keys := make([]string, 0, len(exact))
				for k := range exact {
					keys = append(keys, k)
				}
				sort.Slice(keys, func(i, j int) bool { return exact[keys[i]] > exact[keys[j]] })
				got := s.Top(3)
				for i := range 3 {
					assert.Equal(t, keys[i], got[i].Key, "rank %d", i)
				}
			}
		}
	}
}

func TestSmallAndReset(t *testing.T) {
	s := New(2)
	s.Add("a", 5)
	s.Add("b", 1)
	s.Add("c", 2) // replaces b (1): c = 3, err 1
	s.Add("a", -1)
	s.Add("a", math.NaN())
	s.Add("a", math.Inf(1))
	assert.Equal(t, []Entry{{Key: "a", Count: 5}, {Key: "c", Count: 3, Err: 1}}, s.Top(5))
	assert.Equal(t, []Entry{{Key: "a", Count: 5}}, s.Top(1))
	assert.Equal(t, 8.0, s.Total())
	s.Reset()
	assert.Empty(t, s.Top(5))
	assert.Equal(t, 0.0, s.Total())
	s.Add("d", 1)
	assert.Equal(t, []Entry{{Key: "d", Count: 1}}, s.Top(5))
}

// TestKeyCopied: a key held is not the caller's memory.
func TestKeyCopied(t *testing.T) {
	s := New(4)
	b := []byte("user-1")
	s.Add(string(b), 1)
	b[5] = '2'
	assert.Equal(t, "user-1", s.Top(1)[0].Key)
}

func BenchmarkAdd(b *testing.B) {
	s := New(100)
	keys := make([]string, 10_000)
	for i := range keys {
		keys[i] = fmt.Sprintf("user-%d", i)
	}
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.3, 1, uint64(len(keys)-1))
	idx := make([]uint64, 4096)
	for i := range idx {
		idx[i] = zipf.Uint64()
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Add(keys[idx[i%len(idx)]], 0.001)
	}
}
