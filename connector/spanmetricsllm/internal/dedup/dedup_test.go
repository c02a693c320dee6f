// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package dedup

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()

func ids(n uint64) ([16]byte, [8]byte) {
	var tr [16]byte
	var sp [8]byte
	binary.BigEndian.PutUint64(tr[:8], n/4+1) // four spans per trace
	binary.BigEndian.PutUint64(sp[:], n)
	return tr, sp
}

func TestSeenOnce(t *testing.T) {
	f := New(time.Minute, 1<<12)
	for n := range uint64(1000) {
		tr, sp := ids(n)
		require.False(t, f.Seen(tr, sp, t0), n)
	}
	for n := range uint64(1000) {
		tr, sp := ids(n)
		require.True(t, f.Seen(tr, sp, t0+int64(time.Second)), "redelivered span %d", n)
	}
	// Same span id in another trace is another span.
	tr, sp := ids(5)
	tr[15] ^= 1
	assert.False(t, f.Seen(tr, sp, t0))
	// Zero ids are never remembered.
	assert.False(t, f.Seen([16]byte{}, [8]byte{}, t0))
	assert.False(t, f.Seen([16]byte{}, [8]byte{}, t0))
}

// TestWindow: a span is remembered for at least the window, and forgotten
// after two.
func TestWindow(t *testing.T) {
	f := New(time.Minute, 1<<12)
	tr, sp := ids(1)
	require.False(t, f.Seen(tr, sp, t0))
	now := t0
	for n := uint64(2); n < 200; n++ { // steady traffic, one span a second
		now += int64(time.Second)
		a, b := ids(n)
		f.Seen(a, b, now)
		if now-t0 < int64(time.Minute) {
			require.True(t, f.hasIDs(tr, sp), "forgotten after %s", time.Duration(now-t0))
		}
	}
	assert.False(t, f.hasIDs(tr, sp), "remembered after %s", time.Duration(now-t0))
}

// TestCapacity: at most capacity fingerprints are held, at least the newest
// capacity/2 are remembered, and the tables stay within MaxBytes.
func TestCapacity(t *testing.T) {
	const capacity = 1 << 14
	f := New(time.Hour, capacity)
	assert.Equal(t, 2*capacity*8, f.MaxBytes())
	const total = 10 * capacity
	for n := range uint64(total) {
		tr, sp := ids(n)
		require.False(t, f.Seen(tr, sp, t0), "a new span taken for a duplicate: %d", n)
		require.LessOrEqual(t, f.Len(), capacity)
	}
	for n := uint64(total - capacity/2); n < total; n++ {
		tr, sp := ids(n)
		require.True(t, f.hasIDs(tr, sp), "span %d of the newest capacity/2 forgotten", n)
	}
	assert.LessOrEqual(t, 8*(len(f.cur.slots)+len(f.old.slots)), f.MaxBytes())
}

// TestNoFalseDuplicates: a million random ids, none taken for a duplicate,
// and memory stays within the bound.
func TestNoFalseDuplicates(t *testing.T) {
	const capacity = 1 << 18
	f := New(time.Hour, capacity)
	rng := rand.New(rand.NewPCG(1, 2))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 1_000_000 {
		var tr [16]byte
		var sp [8]byte
		binary.LittleEndian.PutUint64(tr[:8], rng.Uint64())
		binary.LittleEndian.PutUint64(tr[8:], rng.Uint64())
		binary.LittleEndian.PutUint64(sp[:], rng.Uint64())
		require.False(t, f.Seen(tr, sp, t0))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.LessOrEqual(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(f.MaxBytes())+1<<20)
}

func (f *Filter) hasIDs(tr [16]byte, sp [8]byte) bool {
	h := fingerprint(tr, sp)
	return f.cur.has(h) || f.old.has(h)
}

func BenchmarkSeen(b *testing.B) {
	f := New(5*time.Minute, 1<<20)
	var n uint64
	b.ReportAllocs()
	for b.Loop() {
		n++
		tr, sp := ids(n * 0x9e3779b97f4a7c15)
		f.Seen(tr, sp, t0)
	}
}

func BenchmarkSeenSizes(b *testing.B) {
	for _, c := range []int{1 << 14, 1 << 16, 1 << 18, 1 << 20} {
		b.Run(fmt.Sprint(c), func(b *testing.B) {
			f := New(5*time.Minute, c)
			var n uint64
			for b.Loop() {
				n++
				tr, sp := ids(n * 0x9e3779b97f4a7c15)
				f.Seen(tr, sp, t0)
			}
		})
	}
}

// BenchmarkSeenBatch: batches of 100 new spans at the default capacity,
// looked up as they come or after Prefetch has touched their slots.
func BenchmarkSeenBatch(b *testing.B) {
	for _, prefetch := range []bool{false, true} {
		b.Run(fmt.Sprintf("prefetch=%v", prefetch), func(b *testing.B) {
			f := New(5*time.Minute, 1<<19)
			var n uint64
			var tr [100][16]byte
			var sp [100][8]byte
			var sink uint64
			for b.Loop() {
				for i := range 100 {
					n++
					tr[i], sp[i] = ids(n * 0x9e3779b97f4a7c15)
				}
				if prefetch {
					for i := range 100 {
						sink ^= f.Prefetch(tr[i], sp[i])
					}
				}
				for i := range 100 {
					f.Seen(tr[i], sp[i], t0)
				}
			}
			_ = sink
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100), "ns/span")
		})
	}
}
