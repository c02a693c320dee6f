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
	// nodes are the recorded costs and links in arrival order; a span
	// recorded twice (two pipelines through one component) counts once.
	nodes []node
	seen  time.Time
	// full: more than MaxSpans were offered; sums are marked Missing.
	full bool
}

// Store is a bounded, concurrency-safe map of recent traces. Traces are
// dropped oldest first beyond MaxTraces, and when not written for TTL; their
// memory is reused, so a steady stream of traces does not allocate.
type Store struct {
	mu     sync.Mutex
	traces map[TraceID]*trace
	// ring holds the traces in insertion order: head is the oldest.
	ring    []*trace
	head, n int
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
	return &Store{traces: map[TraceID]*trace{}, MaxTraces: maxTraces, MaxSpans: maxSpans, TTL: ttl, now: time.Now}
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
	now := s.now()
	s.expire(now)
	for _, c := range b.costs {
		s.add(s.touch(c.trace, now), node{span: c.span, parent: c.parent, cost: c.cost, costed: true})
	}
	for _, l := range b.links {
		if tr, ok := s.traces[l.trace]; ok {
			s.add(tr, node{span: l.span, parent: l.parent})
		}
	}
}

func (s *Store) add(tr *trace, n node) {
	if len(tr.nodes) >= s.MaxSpans {
		tr.full = true
		return
	}
	tr.nodes = append(tr.nodes, n)
}

// Sum totals the own costs of span's descendants in trace t, following the
// recorded parent links. ok is false when nothing is recorded below span.
func (s *Store) Sum(t TraceID, span SpanID) (Sum, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tr, ok := s.traces[t]
	if !ok {
		return Sum{}, false
	}
	var sum Sum
	lookup := s.index(tr)
	for i := range tr.nodes {
		n := &tr.nodes[i]
		if !n.costed || n.span == span || lookup(n.span) != n || !descends(lookup, len(tr.nodes), n, span) {
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

// index returns the lookup of a span's node: the last word on it, its cost
// when it has one, else its link.
func (s *Store) index(tr *trace) func(SpanID) *node {
	better := func(prev, n *node) bool { return prev == nil || n.costed || !prev.costed }
	if len(tr.nodes) <= smallTrace {
		return func(id SpanID) *node {
			var found *node
			for i := range tr.nodes {
				if n := &tr.nodes[i]; n.span == id && better(found, n) {
					found = n
				}
			}
			return found
		}
	}
	byID := make(map[SpanID]*node, len(tr.nodes))
	for i := range tr.nodes {
		n := &tr.nodes[i]
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

func (s *Store) touch(t TraceID, now time.Time) *trace {
	if tr, ok := s.traces[t]; ok {
		tr.seen = now
		return tr
	}
	var tr *trace
	if s.n == s.MaxTraces {
		tr = s.popOldest()
	}
	if tr == nil {
		tr = &trace{}
	}
	*tr = trace{id: t, nodes: tr.nodes[:0], seen: now}
	if s.n == len(s.ring) {
		// Full below MaxTraces: grow, oldest first again.
		if s.head != 0 {
			s.ring = append(s.ring[s.head:], s.ring[:s.head]...)
			s.head = 0
		}
		s.ring = append(s.ring, tr)
	} else {
		s.ring[(s.head+s.n)%len(s.ring)] = tr
	}
	s.n++
	s.traces[t] = tr
	return tr
}

// popOldest drops the oldest trace and returns it for reuse.
func (s *Store) popOldest() *trace {
	tr := s.ring[s.head]
	s.ring[s.head] = nil
	s.head = (s.head + 1) % len(s.ring)
	s.n--
	delete(s.traces, tr.id)
	return tr
}

// expire drops traces not written for TTL, oldest first (insertion order:
// a trace written again late stays until the ones before it expire).
func (s *Store) expire(now time.Time) {
	for s.n > 0 && now.Sub(s.ring[s.head].seen) >= s.TTL {
		s.popOldest()
	}
}

// Len returns the number of traces held.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.traces)
}
