// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package rollup keeps, per trace, the cost of every priced call and the
// parent links between spans, so llm_cost can write the exact total of a
// span's descendants (an agent turn's root span, an instrumentation's span
// that repeats its children's totals) and of the log record of a turn,
// which arrives in another pipeline after its spans. It has no dependency
// on pdata.
package rollup // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/rollup"

import (
	"math"
	"sync"
	"time"
)

// TraceID and SpanID are the W3C ids.
type (
	TraceID [16]byte
	SpanID  [8]byte
)

// Flags describe what a sum is made of.
type Flags uint8

// The kinds of items a sum can include.
const (
	// Priced: an item priced from reported tokens.
	Priced Flags = 1 << iota
	// Estimated: an item priced from estimated tokens.
	Estimated
	// Reported: an item whose cost the provider reported.
	Reported
	// Missing: an inference item that could not be priced (unpriced,
	// invalid, another currency) or a trace too large to follow.
	Missing
)

// Cost is one item's own cost in 1e-12 units of the output currency.
type Cost struct {
	Picos int64
	Flags Flags
}

// Sum is the total of a span's descendants.
type Sum struct {
	Picos int64
	Flags Flags
	// Items is the number of costed items summed.
	Items int
}

type node struct {
	span, parent SpanID
	cost         Cost
	costed       bool
}

type trace struct {
	id TraceID
	// The recorded costs and links in arrival order, in blocks of
	// blockNodes nodes of Store.nodes chained through Store.next (first and
	// last: block numbers, -1 for none); a span recorded twice (two
	// pipelines through one component) counts once.
	first, last int32
	count       int32
	// seen is when the trace was last written, from Store.epoch.
	seen time.Duration
	// full: more than MaxSpans were offered; sums are marked Missing.
	full bool
}

// blockNodes is the size of the blocks a trace's nodes are kept in (an
// agent turn's trace, two priced calls and the links of three spans, fills
// two, as many nodes as append's growth gave it in a slice of its own).
const blockNodes = 4

// Store is a bounded, concurrency-safe map of recent traces. Traces are
// dropped oldest first beyond MaxTraces, and when not written for TTL; their
// memory is reused, so a steady stream of traces does not allocate. It
// holds no pointers, so the garbage collector has nothing to mark in it,
// however many traces it holds.
type Store struct {
	mu     sync.Mutex
	traces map[TraceID]int32 // the trace's number in slab
	slab   []trace
	// ring holds the traces' numbers in insertion order: head is the
	// oldest.
	ring    []int32
	head, n int
	// nodes holds the traces' nodes, blocks of blockNodes; next[b] is the
	// block after block b of its trace, or the next free block (-1: none).
	nodes []node
	next  []int32
	free  int32
	// scratch holds the nodes of the trace being summed.
	scratch []node
	// epoch is the first time the store was written; times are kept as
	// durations since.
	epoch time.Time
	// MaxTraces, MaxSpans and TTL bound the memory held.
	MaxTraces, MaxSpans int
	TTL                 time.Duration
	now                 func() time.Time
}

// New returns a store of at most maxTraces traces of maxSpans spans each,
// kept for ttl after their last write.
func New(maxTraces, maxSpans int, ttl time.Duration) *Store {
	// Memory is taken as traces come, not up front: an idle store (no
	// GenAI calls with trace ids) holds next to nothing.
	return &Store{traces: map[TraceID]int32{}, free: -1, MaxTraces: maxTraces, MaxSpans: maxSpans, TTL: ttl, now: time.Now}
}

// Batch is one batch's writes, applied under one lock.
type Batch struct {
	costs []costed
	links []link
}

type costed struct {
	trace        TraceID
	span, parent SpanID
	cost         Cost
}

type link struct {
	trace        TraceID
	span, parent SpanID
}

// Cost records an item's own cost (a priced or reported call, or one left
// unpriced: Flags Missing).
func (b *Batch) Cost(t TraceID, span, parent SpanID, c Cost) {
	b.costs = append(b.costs, costed{t, span, parent, c})
}

// Link records a span's parent; links are kept only for traces with a
// recorded cost, so traces without GenAI calls cost nothing.
func (b *Batch) Link(t TraceID, span, parent SpanID) {
	b.links = append(b.links, link{t, span, parent})
}

// Reset empties b for reuse.
func (b *Batch) Reset() { b.costs, b.links = b.costs[:0], b.links[:0] }

// Empty reports whether b records nothing.
func (b *Batch) Empty() bool { return len(b.costs) == 0 }

// Apply writes b into the store.
func (s *Store) Apply(b *Batch) {
	if len(b.costs) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.since(s.now())
	s.expire(now)
	for _, c := range b.costs {
		s.add(s.touch(c.trace, now), node{span: c.span, parent: c.parent, cost: c.cost, costed: true})
	}
	for _, l := range b.links {
		if i, ok := s.traces[l.trace]; ok {
			s.add(&s.slab[i], node{span: l.span, parent: l.parent})
		}
	}
}

// since returns t as the store keeps times: the time since its first
// write (a monotonic difference when both have monotonic readings, as
// time.Time.Sub makes it).
func (s *Store) since(t time.Time) time.Duration {
	if s.epoch.IsZero() {
		s.epoch = t
	}
	return t.Sub(s.epoch)
}

func (s *Store) add(tr *trace, n node) {
	if int(tr.count) >= s.MaxSpans {
		tr.full = true
		return
	}
	if tr.count%blockNodes == 0 {
		b := s.block()
		if tr.last < 0 {
			tr.first = b
		} else {
			s.next[tr.last] = b
		}
		tr.last = b
	}
	s.nodes[int(tr.last)*blockNodes+int(tr.count%blockNodes)] = n
	tr.count++
}

// block returns a free block of nodes, the last of its chain.
func (s *Store) block() int32 {
	b := s.free
	if b < 0 {
		b = int32(len(s.next))
		s.next = append(s.next, -1)
		s.nodes = append(s.nodes, make([]node, blockNodes)...)
	} else {
		s.free = s.next[b]
	}
	s.next[b] = -1
	return b
}

// release returns tr's blocks to the free list.
func (s *Store) release(tr *trace) {
	if tr.last >= 0 {
		s.next[tr.last] = s.free
		s.free = tr.first
	}
	tr.first, tr.last, tr.count = -1, -1, 0
}

// nodesOf returns tr's nodes in arrival order, in the store's scratch
// space (valid until the next call).
func (s *Store) nodesOf(tr *trace) []node {
	out := s.scratch[:0]
	for b, left := tr.first, int(tr.count); left > 0; b = s.next[b] {
		k := min(left, blockNodes)
		out = append(out, s.nodes[int(b)*blockNodes:int(b)*blockNodes+k]...)
		left -= k
	}
	s.scratch = out
	return out
}

// Sum totals the own costs of span's descendants in trace t, following the
// recorded parent links. ok is false when nothing is recorded below span.
func (s *Store) Sum(t TraceID, span SpanID) (Sum, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.traces[t]
	if !ok {
		return Sum{}, false
	}
	tr := &s.slab[i]
	nodes := s.nodesOf(tr)
	var sum Sum
	lookup := index(nodes)
	for i := range nodes {
		n := &nodes[i]
		if !n.costed || n.span == span || lookup(n.span) != n || !descends(lookup, len(nodes), n, span) {
			continue
		}
		sum.Items++
		sum.Flags |= n.cost.Flags
		if n.cost.Flags&Missing != 0 {
			continue
		}
		if sum.Picos > math.MaxInt64-n.cost.Picos {
			sum.Flags |= Missing
			continue
		}
		sum.Picos += n.cost.Picos
	}
	if sum.Items == 0 {
		return Sum{}, false
	}
	if tr.full {
		sum.Flags |= Missing
	}
	return sum, true
}

// smallTrace is the size up to which a trace's spans are looked up by a
// scan instead of through a map built for the sum.
const smallTrace = 64

// index returns the lookup of a span's node among a trace's nodes: the last
// word on it, its cost when it has one, else its link.
func index(nodes []node) func(SpanID) *node {
	better := func(prev, n *node) bool { return prev == nil || n.costed || !prev.costed }
	if len(nodes) <= smallTrace {
		return func(id SpanID) *node {
			var found *node
			for i := range nodes {
				if n := &nodes[i]; n.span == id && better(found, n) {
					found = n
				}
			}
			return found
		}
	}
	byID := make(map[SpanID]*node, len(nodes))
	for i := range nodes {
		n := &nodes[i]
		if better(byID[n.span], n) {
			byID[n.span] = n
		}
	}
	return func(id SpanID) *node { return byID[id] }
}

// descends reports whether n has ancestor span, through recorded links
// (bounded by the trace's size, so a cycle in bad data ends).
func descends(lookup func(SpanID) *node, size int, n *node, span SpanID) bool {
	p := n.parent
	for range size + 1 {
		if p == span {
			return true
		}
		if p == (SpanID{}) {
			return false
		}
		next := lookup(p)
		if next == nil {
			return false
		}
		p = next.parent
	}
	return false
}

func (s *Store) touch(t TraceID, now time.Duration) *trace {
	if i, ok := s.traces[t]; ok {
		tr := &s.slab[i]
		tr.seen = now
		return tr
	}
	i := int32(-1)
	if s.n == s.MaxTraces {
		i = s.popOldest()
	}
	if i < 0 {
		i = int32(len(s.slab))
		s.slab = append(s.slab, trace{first: -1, last: -1})
	}
	tr := &s.slab[i]
	*tr = trace{id: t, first: -1, last: -1, seen: now}
	if s.n == len(s.ring) {
		// Full below MaxTraces: grow, oldest first again.
		if s.head != 0 {
			s.ring = append(s.ring[s.head:], s.ring[:s.head]...)
			s.head = 0
		}
		s.ring = append(s.ring, i)
	} else {
		s.ring[(s.head+s.n)%len(s.ring)] = i
	}
	s.n++
	s.traces[t] = i
	return tr
}

// popOldest drops the oldest trace and returns its number for reuse.
func (s *Store) popOldest() int32 {
	i := s.ring[s.head]
	s.ring[s.head] = -1
	s.head = (s.head + 1) % len(s.ring)
	s.n--
	tr := &s.slab[i]
	delete(s.traces, tr.id)
	s.release(tr)
	return i
}

// expire drops traces not written for TTL, oldest first (insertion order:
// a trace written again late stays until the ones before it expire).
func (s *Store) expire(now time.Duration) {
	for s.n > 0 && now-s.slab[s.ring[s.head]].seen >= s.TTL {
		s.popOldest()
	}
}

// Len returns the number of traces held.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.traces)
}
