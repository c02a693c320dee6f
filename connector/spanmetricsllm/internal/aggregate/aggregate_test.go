// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package aggregate

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testDescs = []Desc{
	{Name: "calls", Kind: IntSum, Extra: []string{"status"}},
	{Name: "latency", Kind: Histogram, Bounds: []float64{1, 10}},
}

// collect flushes a and returns the value of each series by its values.
func collect(a *Aggregator, now time.Time) map[string]float64 {
	out := map[string]float64{}
	a.Flush(now, func(m *Metric, s *Series, overflow bool) {
		k := m.Desc.Name
		if overflow {
			k += "/overflow"
		}
		for _, v := range s.Values {
			k += "/" + v
		}
		if m.Desc.Kind == IntSum {
			out[k] = float64(s.Int)
		} else {
			out[k] = float64(s.Count)
		}
	})
	return out
}

// TestGroups: updates through a bound group land in the same series as
// updates found key by key, separate extras get separate series, and a
// series dropped by expiry is recreated, not updated behind the flush.
func TestGroups(t *testing.T) {
	t0 := time.Unix(1000, 0)
	a := New(Options{Expiration: time.Minute}, testDescs)
	dims := []string{"svc", "chat"}
	for range 3 {
		g := a.Bind(dims)
		a.Add(g, 0, t0, 1, "ok")
		a.Observe(g, 1, t0, 2, nil)
	}
	a.Add(a.Bind(dims), 0, t0, 1, "error")
	a.Add(a.Bind([]string{"svc", "embeddings"}), 0, t0, 5, "ok")
	dims[1] = "reused" // the caller may reuse its slice
	assert.Equal(t, map[string]float64{
		"calls/svc/chat/ok": 3, "calls/svc/chat/error": 1, "calls/svc/embeddings/ok": 5, "latency/svc/chat": 3,
	}, collect(a, t0))

	// Two minutes later only chat/ok is updated: the rest expire.
	t1 := t0.Add(2 * time.Minute)
	a.Add(a.Bind([]string{"svc", "chat"}), 0, t1, 1, "ok")
	got := collect(a, t1)
	assert.Equal(t, map[string]float64{"calls/svc/chat/ok": 4}, got)

	// The expired series come back from zero.
	a.Add(a.Bind([]string{"svc", "chat"}), 0, t1, 1, "error")
	assert.Equal(t, 1.0, collect(a, t1)["calls/svc/chat/error"])
}

// TestGroupsOverflow: beyond the series limit updates go to the overflow
// series, also through groups, and are counted.
func TestGroupsOverflow(t *testing.T) {
	t0 := time.Unix(1000, 0)
	a := New(Options{Limit: 2}, testDescs[:1])
	for _, model := range []string{"a", "b", "c", "d", "c"} {
		a.Add(a.Bind([]string{model}), 0, t0, 1, "ok")
	}
	got := collect(a, t0)
	require.Len(t, got, 3)
	assert.Equal(t, 3.0, got["calls/overflow"])
	assert.Equal(t, int64(3), a.OverflowHits)
	assert.Equal(t, 1.0, got["calls/a/ok"])
}

// TestNeverBackwards: counters refuse negative, non-finite and overflowing
// additions, histograms non-finite values; what they hold never decreases.
func TestNeverBackwards(t *testing.T) {
	t0 := time.Unix(1000, 0)
	a := New(Options{}, []Desc{
		{Name: "tokens", Kind: IntSum},
		{Name: "cost", Kind: DoubleSum},
		{Name: "latency", Kind: Histogram, Bounds: []float64{1, 10}},
	})
	g := a.Bind([]string{"svc"})
	assert.True(t, a.Add(g, 0, t0, math.MaxInt64-5))
	assert.False(t, a.Add(g, 0, t0, 6), "overflow")
	assert.False(t, a.Add(g, 0, t0, -1), "negative")
	assert.True(t, a.Add(g, 0, t0, 5))
	assert.False(t, a.Add(g, 0, t0, 1), "at the maximum")

	assert.True(t, a.AddFloat(g, 1, t0, 0.25))
	for _, v := range []float64{-0.1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		assert.False(t, a.AddFloat(g, 1, t0, v), v)
	}
	assert.True(t, a.AddFloat(g, 1, t0, math.MaxFloat64))
	assert.False(t, a.AddFloat(g, 1, t0, math.MaxFloat64), "the sum would be infinite")

	assert.True(t, a.Observe(g, 2, t0, 3, nil))
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		assert.False(t, a.Observe(g, 2, t0, v, nil), v)
	}
	var ints []int64
	var sums []float64
	var counts []uint64
	a.Flush(t0, func(m *Metric, s *Series, _ bool) {
		switch m.Desc.Kind {
		case IntSum:
			ints = append(ints, s.Int)
		case DoubleSum:
			sums = append(sums, s.Sum)
		case Histogram:
			counts = append(counts, s.Count)
			sums = append(sums, s.Sum)
		}
	})
	assert.Equal(t, []int64{math.MaxInt64}, ints)
	assert.Equal(t, []float64{0.25 + math.MaxFloat64, 3}, sums)
	assert.Equal(t, []uint64{1}, counts)
}
