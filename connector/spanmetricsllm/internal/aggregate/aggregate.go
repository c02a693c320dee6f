// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package aggregate keeps the span_metrics_llm series: counters and
// histograms keyed by dimension values, with a cardinality limit per metric,
// expiry of stale series, and cumulative or delta temporality. It has no
// dependency on pdata.
package aggregate // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/aggregate"

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Kind is a metric's instrument.
type Kind uint8

const (
	// Histogram records a distribution with explicit bucket bounds.
	Histogram Kind = iota
	// IntSum is a monotonic integer counter.
	IntSum
	// DoubleSum is a monotonic floating-point counter.
	DoubleSum
)

// Desc describes one metric.
type Desc struct {
	Name, Unit, Description string
	Kind                    Kind
	Bounds                  []float64
	// Extra names the metric-specific attributes after the dimensions
	// (e.g. gen_ai.token.type).
	Extra []string
}

// Series is one time series' state.
type Series struct {
	// Values holds the dimension values then the Extra attribute values;
	// nil for the overflow series.
	Values []string
	Start  time.Time
	last   time.Time

	Count   uint64
	Sum     float64
	Buckets []uint64
	Int     int64
	// Exemplar is the last observation of a histogram series with the span
	// that produced it (HasExemplar false when none).
	Exemplar    Exemplar
	HasExemplar bool
}

// Exemplar links a histogram observation to its trace.
type Exemplar struct {
	TraceID [16]byte
	SpanID  [8]byte
	Value   float64
	Time    time.Time
}

// Metric holds the series of one Desc.
type Metric struct {
	Desc     Desc
	series   map[string]*Series
	overflow *Series
}

// Options bound and shape the aggregation.
type Options struct {
	// Limit is the maximum number of series per metric; further series go
	// to the overflow series. 0 means no limit.
	Limit int
	// Expiration drops series not updated for that long (0: never).
	Expiration time.Duration
	// Delta resets every series after each flush (delta temporality).
	Delta bool
	// Static are extra values the caller passes as constants (kinds,
	// statuses, token types, "true" and "false"). A group keeps these very
	// strings rather than copies, so finding a series compares them by
	// pointer instead of byte by byte.
	Static []string
}

// Aggregator holds every metric. It is not safe for concurrent use; the
// connector serialises access.
type Aggregator struct {
	opts    Options
	metrics []*Metric
	key     []byte
	// OverflowHits counts updates that went to an overflow series.
	OverflowHits int64

	// groups caches, per dimension key, the series already found for it,
	// so a span's updates cost one lookup of its dimension key instead of
	// one per metric. Cleared at every Flush (which may drop series);
	// bounded like the series.
	groups  map[string]*Group
	scratch Group
	// static: Options.Static, each value mapped to itself.
	static map[string]string
}

// Group is the set of series of one combination of dimension values, as
// returned by Bind: updates through it find their series by the extra
// values alone.
type Group struct {
	dims   []string
	series [][]groupEntry // per metric
}

type groupEntry struct {
	extra []string
	s     *Series
}

// maxGroups bounds the group cache when the series are not limited.
const maxGroups = 100_000

// New returns an Aggregator for descs.
func New(opts Options, descs []Desc) *Aggregator {
	a := &Aggregator{opts: opts, groups: map[string]*Group{}, static: make(map[string]string, len(opts.Static))}
	for _, v := range opts.Static {
		a.static[v] = v
	}
	for _, d := range descs {
		a.metrics = append(a.metrics, &Metric{Desc: d, series: map[string]*Series{}})
	}
	a.scratch.series = make([][]groupEntry, len(a.metrics))
	return a
}

// Bind returns the group of dims. The group is valid until the next Bind or
// Flush; dims may be reused by the caller after the group is done with.
func (a *Aggregator) Bind(dims []string) *Group {
	a.key = appendKey(a.key[:0], dims)
	if g, ok := a.groups[string(a.key)]; ok {
		return g
	}
	limit := maxGroups
	if a.opts.Limit > 0 {
		limit = min(limit, a.opts.Limit)
	}
	if len(a.groups) >= limit {
		// Beyond the bound: an uncached group, found again series by series.
		g := &a.scratch
		g.dims = dims
		for i := range g.series {
			g.series[i] = g.series[i][:0]
		}
		return g
	}
	g := &Group{dims: cloneAll(dims), series: make([][]groupEntry, len(a.metrics))}
	a.groups[string(a.key)] = g
	return g
}

// series returns the series of metric i in group g for the extra values.
func (a *Aggregator) series(g *Group, i int, now time.Time, extra []string) *Series {
	for _, e := range g.series[i] {
		if slices.Equal(e.extra, extra) {
			e.s.last = now
			return e.s
		}
	}
	s := a.get(a.metrics[i], now, g.dims, extra...)
	if g != &a.scratch && s != a.metrics[i].overflow {
		g.series[i] = append(g.series[i], groupEntry{extra: a.keep(extra), s: s})
	}
	return s
}

// keep returns copies of extra's strings that share no memory with the
// caller's, but for the static values: those are kept as the caller passed
// them, constants that later calls pass again (nil for none).
func (a *Aggregator) keep(extra []string) []string {
	if len(extra) == 0 {
		return nil
	}
	out := make([]string, len(extra))
	for i, v := range extra {
		if c, ok := a.static[v]; ok {
			out[i] = c
		} else {
			out[i] = strings.Clone(v)
		}
	}
	return out
}

// appendKey appends values to key, each followed by a 0 byte: the map key
// of a combination of values.
func appendKey(key []byte, values []string) []byte {
	for _, v := range values {
		key = append(key, v...)
		key = append(key, 0)
	}
	return key
}

// cloneAll returns copies of v's strings that share no memory with the
// caller's (nil for none).
func cloneAll(v []string) []string {
	if len(v) == 0 {
		return nil
	}
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = strings.Clone(s)
	}
	return out
}

// Metric returns the i-th metric (in the order given to New).
func (a *Aggregator) Metric(i int) *Metric { return a.metrics[i] }

// get returns the series of metric m for dims+extra, creating it within the
// cardinality limit or returning the overflow series beyond it. The key is
// built in a reused buffer; the map lookup with string(a.key) does not
// allocate, so only new series allocate.
func (a *Aggregator) get(m *Metric, now time.Time, dims []string, extra ...string) *Series {
	a.key = appendKey(appendKey(a.key[:0], dims), extra)
	if s, ok := m.series[string(a.key)]; ok {
		s.last = now
		return s
	}
	if a.opts.Limit > 0 && len(m.series) >= a.opts.Limit {
		if m.overflow == nil {
			m.overflow = a.newSeries(m, now, nil)
		}
		a.OverflowHits++
		m.overflow.last = now
		return m.overflow
	}
	values := make([]string, 0, len(dims)+len(extra))
	for _, v := range dims {
		values = append(values, strings.Clone(v))
	}
	for _, v := range extra {
		values = append(values, strings.Clone(v))
	}
	s := a.newSeries(m, now, values)
	m.series[string(a.key)] = s
	return s
}

func (a *Aggregator) newSeries(m *Metric, now time.Time, values []string) *Series {
	s := &Series{Values: values, Start: now, last: now}
	if m.Desc.Kind == Histogram {
		s.Buckets = make([]uint64, len(m.Desc.Bounds)+1)
	}
	return s
}

// Observe records v in histogram metric i for group g; ex, when not nil,
// becomes the series' exemplar. It reports false, recording nothing, for a
// value that is not a finite number or would make the sum infinite.
func (a *Aggregator) Observe(g *Group, i int, now time.Time, v float64, ex *Exemplar, extra ...string) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	s := a.series(g, i, now, extra)
	if math.IsInf(s.Sum+v, 0) {
		return false
	}
	s.Count++
	s.Sum += v
	s.Buckets[sort.SearchFloat64s(a.metrics[i].Desc.Bounds, v)]++
	if ex != nil {
		s.Exemplar, s.HasExemplar = *ex, true
	}
	return true
}

// Add adds n to integer counter i for group g. Counters only grow: it
// reports false, adding nothing, for a negative n or one that would
// overflow the sum.
func (a *Aggregator) Add(g *Group, i int, now time.Time, n int64, extra ...string) bool {
	if n < 0 {
		return false
	}
	s := a.series(g, i, now, extra)
	if s.Int > math.MaxInt64-n {
		return false
	}
	s.Int += n
	return true
}

// AddFloat adds v to floating-point counter i for group g. It reports
// false, adding nothing, for a negative or non-finite v or one that would
// make the sum infinite.
func (a *Aggregator) AddFloat(g *Group, i int, now time.Time, v float64, extra ...string) bool {
	if !(v >= 0) || math.IsInf(v, 1) {
		return false
	}
	s := a.series(g, i, now, extra)
	if math.IsInf(s.Sum+v, 1) {
		return false
	}
	s.Sum += v
	return true
}

// Flush calls fn for every live series of every metric (overflow series
// last), then expires stale series and, for delta temporality, resets the
// rest. now is the flush time.
func (a *Aggregator) Flush(now time.Time, fn func(m *Metric, s *Series, overflow bool)) {
	clear(a.groups) // expiry may drop series the groups point to
	for _, m := range a.metrics {
		for k, s := range m.series {
			if a.opts.Expiration > 0 && now.Sub(s.last) > a.opts.Expiration {
				delete(m.series, k)
				continue
			}
			if a.opts.Delta && s.Count == 0 && s.Int == 0 && s.Sum == 0 {
				continue // nothing new since the last delta flush
			}
			fn(m, s, false)
		}
		if o := m.overflow; o != nil {
			if a.opts.Expiration > 0 && now.Sub(o.last) > a.opts.Expiration {
				m.overflow = nil
			} else {
				fn(m, o, true)
			}
		}
		if a.opts.Delta {
			for _, s := range m.series {
				reset(s, now)
			}
			if m.overflow != nil {
				reset(m.overflow, now)
			}
		}
	}
}

func reset(s *Series, now time.Time) {
	s.Start, s.last = now, now
	s.Count, s.Sum, s.Int = 0, 0, 0
	s.HasExemplar = false
	clear(s.Buckets)
}

// Len returns the number of series (overflow included) of metric i.
func (a *Aggregator) Len(i int) int {
	n := len(a.metrics[i].series)
	if a.metrics[i].overflow != nil {
		n++
	}
	return n
}
