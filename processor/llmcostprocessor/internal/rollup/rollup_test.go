// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package rollup

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tid(b byte) TraceID { return TraceID{b} }
func sid(b byte) SpanID  { return SpanID{b} }

func TestSumFollowsLinksAcrossBatches(t *testing.T) {
	s := New(10, 100, time.Hour)
	var b Batch
	// root 1 <- chain 2 <- llm 3 (cost 5), root 1 <- llm 4 (cost 7), other trace.
	b.Cost(tid(1), sid(3), sid(2), Cost{Picos: 5, Flags: Priced})
	b.Cost(tid(9), sid(3), sid(2), Cost{Picos: 1000, Flags: Priced})
	s.Apply(&b)
	b.Reset()
	b.Link(tid(1), sid(2), sid(1))
	b.Cost(tid(1), sid(4), sid(1), Cost{Picos: 7, Flags: Estimated})
	b.Link(tid(5), sid(1), sid(0)) // a trace without costs: not kept
	s.Apply(&b)
	sum, ok := s.Sum(tid(1), sid(1))
	require.True(t, ok)
	assert.Equal(t, Sum{Picos: 12, Flags: Priced | Estimated, Items: 2}, sum)
	sum, ok = s.Sum(tid(1), sid(2))
	require.True(t, ok)
	assert.Equal(t, int64(5), sum.Picos)
	_, ok = s.Sum(tid(1), sid(3))
	assert.False(t, ok, "nothing below a leaf")
	assert.Equal(t, 2, s.Len())
}

func TestMissingAndOverflowMakeSumsPartial(t *testing.T) {
	s := New(10, 100, time.Hour)
	var b Batch
	b.Cost(tid(1), sid(2), sid(1), Cost{Picos: math.MaxInt64, Flags: Priced})
	b.Cost(tid(1), sid(3), sid(1), Cost{Picos: 1, Flags: Priced})
	b.Cost(tid(1), sid(4), sid(1), Cost{Flags: Missing})
	s.Apply(&b)
	sum, ok := s.Sum(tid(1), sid(1))
	require.True(t, ok)
	assert.NotZero(t, sum.Flags&Missing)
	assert.LessOrEqual(t, sum.Picos, int64(math.MaxInt64))
}

func TestBounds(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s := New(2, 3, time.Minute)
	s.now = func() time.Time { return now }
	var b Batch
	for i := byte(1); i <= 3; i++ {
		b.Reset()
		b.Cost(tid(i), sid(1), sid(0), Cost{Picos: 1, Flags: Priced})
		s.Apply(&b)
	}
	assert.Equal(t, 2, s.Len(), "least recently written trace dropped")
	_, ok := s.Sum(tid(1), sid(0))
	assert.False(t, ok)
	// Spans per trace are bounded; a full trace's sums are partial.
	b.Reset()
	for i := byte(2); i <= 6; i++ {
		b.Cost(tid(3), sid(i), sid(0), Cost{Picos: 1, Flags: Priced})
	}
	s.Apply(&b)
	sum, _ := s.Sum(tid(3), sid(0))
	assert.Equal(t, 3, sum.Items)
	assert.NotZero(t, sum.Flags&Missing)
	// Traces expire after the TTL.
	now = now.Add(2 * time.Minute)
	b.Reset()
	b.Cost(tid(7), sid(1), sid(0), Cost{Picos: 1, Flags: Priced})
	s.Apply(&b)
	assert.Equal(t, 1, s.Len())
}

func TestCyclesEnd(t *testing.T) {
	s := New(10, 100, time.Hour)
	var b Batch
	b.Cost(tid(1), sid(2), sid(3), Cost{Picos: 1, Flags: Priced})
	b.Link(tid(1), sid(3), sid(2))
	s.Apply(&b)
	_, ok := s.Sum(tid(1), sid(9))
	assert.False(t, ok, "a cycle in bad data ends")
}

// TestLargeTrace: beyond smallTrace spans the lookups go through a map, with
// the same answers.
func TestLargeTrace(t *testing.T) {
	s := New(10, 1000, time.Hour)
	var b Batch
	// A chain 1 <- 2 <- ... <- 200 with a cost on every tenth span, and the
	// same costs recorded twice (two pipelines): counted once.
	for i := 2; i <= 200; i++ {
		id, parent := SpanID{byte(i), byte(i >> 8)}, SpanID{byte(i - 1), byte((i - 1) >> 8)}
		if i%10 == 0 {
			b.Cost(tid(1), id, parent, Cost{Picos: int64(i), Flags: Priced})
			b.Cost(tid(1), id, parent, Cost{Picos: int64(i), Flags: Priced})
		} else {
			b.Link(tid(1), id, parent)
		}
	}
	s.Apply(&b)
	sum, ok := s.Sum(tid(1), SpanID{1})
	require.True(t, ok)
	assert.Equal(t, 20, sum.Items)
	assert.Equal(t, int64(2100), sum.Picos) // 10+20+...+200
	sum, _ = s.Sum(tid(1), SpanID{100})
	assert.Equal(t, int64(1550), sum.Picos) // 110+120+...+200 = 10 terms averaging 155
}

// TestRingGrowsAfterExpiry: traces expiring before the store is full leave
// the ring wrapped; growing it keeps every trace and the age order.
func TestRingGrowsAfterExpiry(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s := New(8, 10, time.Minute)
	s.now = func() time.Time { return now }
	put := func(id byte) {
		var b Batch
		b.Cost(tid(id), sid(1), sid(0), Cost{Picos: int64(id), Flags: Priced})
		s.Apply(&b)
	}
	put(1)
	put(2)
	now = now.Add(30 * time.Second)
	put(3)
	put(4)
	now = now.Add(40 * time.Second) // 1 and 2 expire
	for id := byte(5); id <= 12; id++ {
		put(id)
	}
	assert.Equal(t, 8, s.Len())
	for id := byte(5); id <= 12; id++ {
		sum, ok := s.Sum(tid(id), sid(0))
		require.True(t, ok, id)
		assert.Equal(t, int64(id), sum.Picos)
	}
	_, ok := s.Sum(tid(3), sid(0))
	assert.False(t, ok, "the oldest went first")
}

// TestBlocksReused: traces of every size come and go through a small
// store; each sum is the one of the trace's own costs (no node of a dropped
// trace leaks into a new one through a reused block), and the blocks stay
// bounded by what the live traces hold.
func TestBlocksReused(t *testing.T) {
	s := New(5, 50, time.Hour)
	for id := range 300 {
		tr := TraceID{byte(id), byte(id >> 8)}
		spans := 1 + id%23 // 1 to 23 priced children of span 0
		var b Batch
		for k := range spans {
			b.Cost(tr, SpanID{byte(k + 1)}, SpanID{}, Cost{Picos: int64(id*100 + k), Flags: Priced})
		}
		s.Apply(&b)
		var want int64
		for k := range spans {
			want += int64(id*100 + k)
		}
		sum, ok := s.Sum(tr, SpanID{})
		require.True(t, ok, id)
		assert.Equal(t, spans, sum.Items, id)
		assert.Equal(t, want, sum.Picos, id)
		assert.LessOrEqual(t, len(s.next), 5*((23+blockNodes-1)/blockNodes), "blocks bounded by the live traces")
	}
	assert.Equal(t, 5, s.Len())
}

// TestNoPointers: nothing the store keeps per trace holds a pointer, so the
// garbage collector marks nothing in it however many traces it holds.
func TestNoPointers(t *testing.T) {
	var hasPointers func(reflect.Type) bool
	hasPointers = func(t reflect.Type) bool {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.String, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
			return true
		case reflect.Array:
			return hasPointers(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if hasPointers(t.Field(i).Type) {
					return true
				}
			}
		}
		return false
	}
	st := reflect.TypeFor[Store]()
	for _, f := range []string{"traces", "slab", "ring", "nodes", "next", "scratch"} {
		field, ok := st.FieldByName(f)
		require.True(t, ok, f)
		ft := field.Type
		if ft.Kind() == reflect.Map {
			assert.False(t, hasPointers(ft.Key()) || hasPointers(ft.Elem()), f)
			continue
		}
		assert.False(t, hasPointers(ft.Elem()), f)
	}
}
