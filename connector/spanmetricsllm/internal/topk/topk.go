// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package topk finds the heaviest keys of a weighted stream in bounded
// memory: the Space-Saving algorithm (Metwally, Agrawal, El Abbadi, 2005)
// with a min-heap of m counters, for weights that are amounts of money.
//
// Guarantees, with N the total weight added and m the number of counters:
//   - every counter overestimates its key by at most its Err, and
//     Err <= N/m: true <= Count <= true + Err;
//   - a key whose true weight is above N/m holds a counter, so it cannot
//     be missing from the summary;
//   - the counters sum to N exactly, so what the top k do not hold is
//     N - (their counts) >= 0, the weight of every other key.
package topk // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/topk"

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Summary is a Space-Saving summary. It is not safe for concurrent use.
type Summary struct {
	capacity int
	index    map[string]*counter
	heap     []*counter // min-heap by count
	total    float64
}

type counter struct {
	key        string
	count, err float64
	pos        int
}

// Entry is one key's estimate.
type Entry struct {
	Key string
	// Count is the estimated weight, at least the true one.
	Count float64
	// Err bounds the overestimate: the true weight is at least Count - Err.
	Err float64
}

// New returns a summary of m counters (m >= 1).
func New(m int) *Summary {
	m = max(m, 1)
	return &Summary{capacity: m, index: make(map[string]*counter, m), heap: make([]*counter, 0, m)}
}

// Capacity is m.
func (s *Summary) Capacity() int { return s.capacity }

// Total is N, the weight added since the last Reset.
func (s *Summary) Total() float64 { return s.total }

// Add adds weight w (finite, > 0; others are ignored) to key. The key is
// copied only when it gets a counter.
func (s *Summary) Add(key string, w float64) {
	if !(w > 0) || math.IsInf(w, 1) || math.IsInf(s.total+w, 1) {
		return
	}
	s.total += w
	if c, ok := s.index[key]; ok {
		c.count += w
		s.down(c.pos)
		return
	}
	if len(s.heap) < s.capacity {
		c := &counter{key: strings.Clone(key), count: w, pos: len(s.heap)}
		s.heap = append(s.heap, c)
		s.index[c.key] = c
		s.up(c.pos)
		return
	}
	// Replace the smallest counter: the new key inherits its count as the
	// bound of its overestimate.
	c := s.heap[0]
	delete(s.index, c.key)
	c.key = strings.Clone(key)
	c.err = c.count
	c.count += w
	s.index[c.key] = c
	s.down(0)
}

// Top returns the k largest estimates, largest first (ties by key).
func (s *Summary) Top(k int) []Entry {
	out := make([]Entry, 0, len(s.heap))
	for _, c := range s.heap {
		out = append(out, Entry{Key: c.key, Count: c.count, Err: c.err})
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	if k < len(out) {
		out = out[:k]
	}
	return out
}

// Reset empties the summary (a new period).
func (s *Summary) Reset() {
	clear(s.index)
	s.heap = s.heap[:0]
	s.total = 0
}

func (s *Summary) less(i, j int) bool { return s.heap[i].count < s.heap[j].count }

func (s *Summary) swap(i, j int) {
	s.heap[i], s.heap[j] = s.heap[j], s.heap[i]
	s.heap[i].pos, s.heap[j].pos = i, j
}

func (s *Summary) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !s.less(i, p) {
			return
		}
		s.swap(i, p)
		i = p
	}
}

func (s *Summary) down(i int) {
	n := len(s.heap)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && s.less(r, l) {
			m = r
		}
		if !s.less(m, i) {
			return
		}
		s.swap(i, m)
		i = m
	}
}
