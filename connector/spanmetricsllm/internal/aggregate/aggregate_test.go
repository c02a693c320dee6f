// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package aggregate

import (
	"math"
	"strings"
	"testing"
	"time"
	"unsafe"

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

// TestStaticValues: a group keeps a static value as the caller passed it
// and copies any other (a value read from a span must not keep the span's
// memory), and both find their series again, whichever copy of a value a
// later call passes.
func TestStaticValues(t *testing.T) {
	now := time.Unix(1000, 0)
	a := New(Options{Static: []string{"ok"}}, testDescs)
	fromSpan := strings.Clone("error")
	g := a.Bind([]string{"svc"})
	require.True(t, a.Add(g, 0, now, 1, "ok"))
	require.True(t, a.Add(g, 0, now, 1, fromSpan))
	entries := g.series[0]
	require.Len(t, entries, 2)
	assert.Same(t, unsafe.StringData("ok"), unsafe.StringData(entries[0].extra[0]), "a static value is kept as passed")
	assert.NotSame(t, unsafe.StringData(fromSpan), unsafe.StringData(entries[1].extra[0]), "any other value is copied")
	require.True(t, a.Add(g, 0, now, 2, strings.Clone("ok")))
	require.True(t, a.Add(g, 0, now, 2, "error"))
	assert.Len(t, g.series[0], 2)
	assert.Equal(t, map[string]float64{"calls/svc/ok": 3, "calls/svc/error": 3}, collect(a, now))
}

// BenchmarkGroupUpdates: the updates of one span in its group, with the
// connector's constant values as static or not.
func BenchmarkGroupUpdates(b *testing.B) {
	descs := []Desc{
		{Name: "calls", Kind: IntSum, Extra: []string{"kind", "status", "error.type"}},
		{Name: "tokens", Kind: IntSum, Extra: []string{"type", "estimated"}},
	}
	for _, static := range []bool{false, true} {
		name := "copies"
		var opts Options
		if static {
			name, opts.Static = "static", []string{"inference", "ok", "input", "output", "cache_read", "false"}
		}
		b.Run(name, func(b *testing.B) {
			a := New(opts, descs)
			now := time.Unix(1000, 0)
			dims := []string{"svc", "chat", "openai", "gpt-4o", ""}
			for b.Loop() {
				g := a.Bind(dims)
				a.Add(g, 0, now, 1, "inference", "ok", "")
				for _, typ := range []string{"input", "output", "cache_read"} {
					a.Add(g, 1, now, 100, typ, "false")
				}
			}
		})
	}
}
