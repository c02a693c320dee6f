// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package dedup remembers the spans seen recently, in bounded memory, so that
// a span delivered twice (an at-least-once sender retrying a batch whose
// answer it lost) is counted once. It has no dependency on pdata.
//
// A span is known by a 64-bit fingerprint of its trace and span id, kept in
// one of two generations: open-addressing tables of fingerprints, at most
// half full. New spans go to the current generation; a lookup checks both.
// When the current generation has held Window, or holds Capacity/2
// fingerprints, the older generation is cleared and becomes the current one.
// So a span is remembered for at least Window unless more than Capacity/2
// newer spans arrived in the meantime, and memory never exceeds
// 2 × Capacity × 8 bytes (the tables grow on demand up to that).
package dedup // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/dedup"

import (
	"encoding/binary"
	"math/bits"
	"time"
)

// Filter is a bounded set of recently seen spans. It is not safe for
// concurrent use.
type Filter struct {
	window  int64 // nanoseconds
	perGen  int   // fingerprints per generation before it rotates
	maxSlot int   // table size limit per generation (a power of two)
	cur     table
	old     table
	since   int64 // when cur became current (Unix nanoseconds; 0: not yet)
}

type table struct {
	slots []uint64 // 0: empty
	n     int
}

const minSlots = 1024

// New returns a filter that remembers spans for at least window, and at
// least the last capacity/2 of them; capacity is rounded up to a power of
// two (at least 2048).
func New(window time.Duration, capacity int) *Filter {
	maxSlot := minSlots * 2
	for maxSlot < capacity {
		maxSlot <<= 1
	}
	return &Filter{window: int64(window), perGen: maxSlot / 2, maxSlot: maxSlot}
}

// MaxBytes is the most memory the filter's tables take.
func (f *Filter) MaxBytes() int { return 2 * f.maxSlot * 8 }

// Len returns the number of fingerprints held (both generations).
func (f *Filter) Len() int { return f.cur.n + f.old.n }

// Seen reports whether the span (traceID, spanID) was seen within the
// window, and remembers it if not; now is the time in Unix nanoseconds. An
// all-zero id (not a valid span) is never a duplicate and is not remembered.
func (f *Filter) Seen(traceID [16]byte, spanID [8]byte, now int64) bool {
	if spanID == [8]byte{} && traceID == [16]byte{} {
		return false
	}
	h := fingerprint(traceID, spanID)
	if f.has(h) {
		return true
	}
	if f.since == 0 {
		f.since = now
	}
	if f.cur.n >= f.perGen || now-f.since >= f.window {
		f.rotate(now)
	}
	f.cur.add(h, f.maxSlot)
	return false
}

// Prefetch reads the table slots the span would be looked up in, and
// returns them folded into one value (to keep the loads from being
// optimised away). Called for every span of a batch before the batch is
// processed, it lets the processor overlap the cache misses of many
// lookups instead of waiting for each in turn.
func (f *Filter) Prefetch(traceID [16]byte, spanID [8]byte) uint64 {
	h := fingerprint(traceID, spanID)
	var v uint64
	if n := len(f.cur.slots); n > 0 {
		v = f.cur.slots[h&uint64(n-1)]
	}
	if n := len(f.old.slots); n > 0 {
		v ^= f.old.slots[h&uint64(n-1)]
	}
	return v
}

// rotate clears the older generation and makes it the current one.
func (f *Filter) rotate(now int64) {
	f.old, f.cur = f.cur, f.old
	clear(f.cur.slots)
	f.cur.n = 0
	f.since = now
}

// fingerprint mixes the ids into 64 bits (never 0). Span ids are random in
// every SDK, but chat_trace derives its ids by hashing and apps may number
// spans, so the ids are mixed rather than used as they are.
func fingerprint(traceID [16]byte, spanID [8]byte) uint64 {
	a := binary.LittleEndian.Uint64(traceID[:8])
	b := binary.LittleEndian.Uint64(traceID[8:])
	c := binary.LittleEndian.Uint64(spanID[:])
	h := mix(a^0x9e3779b97f4a7c15, b) ^ mix(c, 0xbf58476d1ce4e5b9)
	if h == 0 {
		h = 1
	}
	return h
}

// mix is a 64×64→128-bit multiply folded to 64 bits (as wyhash does).
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// has looks h up in both generations. The first slot of each is loaded
// before either is compared, so the two cache misses overlap instead of
// following each other; the rest of a probe is usually in the same line.
func (f *Filter) has(h uint64) bool {
	if len(f.old.slots) == 0 {
		return f.cur.has(h)
	}
	c, o := &f.cur, &f.old
	ci, oi := h&uint64(len(c.slots)-1), h&uint64(len(o.slots)-1)
	a, b := c.slots[ci], o.slots[oi]
	if a == h || b == h {
		return true
	}
	return (a != 0 && c.probe(h, ci)) || (b != 0 && o.probe(h, oi))
}

// probe continues a lookup of h after slot i (occupied by another value).
func (t *table) probe(h, i uint64) bool {
	mask := uint64(len(t.slots) - 1)
	for i = (i + 1) & mask; ; i = (i + 1) & mask {
		switch t.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

func (t *table) has(h uint64) bool {
	if len(t.slots) == 0 {
		return false
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch t.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// add inserts h (not present), growing the table to keep it at most half
// full, up to maxSlot slots.
func (t *table) add(h uint64, maxSlot int) {
	if len(t.slots) == 0 {
		t.slots = make([]uint64, min(minSlots, maxSlot))
	} else if 2*(t.n+1) > len(t.slots) && len(t.slots) < maxSlot {
		old := t.slots
		t.slots = make([]uint64, 2*len(old))
		for _, v := range old {
			if v != 0 {
				t.insert(v)
			}
		}
	}
	t.insert(h)
	t.n++
}

func (t *table) insert(h uint64) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = h
}
