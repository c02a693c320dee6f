// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package aggregate

import (
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
