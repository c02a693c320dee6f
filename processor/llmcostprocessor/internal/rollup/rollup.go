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
	"container/list"
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
	parent SpanID
	cost   Cost
	costed bool
}

type trace struct {
	id    TraceID
	nodes map[SpanID]*node
	seen  time.Time
	elem  *list.Element
	// full: more spans than MaxSpans were offered; sums are marked Missing.
	full bool
}

// Store is a bounded, concurrency-safe map of recent traces: the least
// recently touched trace is dropped beyond MaxTraces, and a trace not
// touched for TTL is dropped when the store is next written.
type Store struct {
	mu     sync.Mutex
	traces map[TraceID]*trace
	lru    list.List // *trace, most recent at the front
	// MaxTraces, MaxSpans and TTL bound the memory held.
	MaxTraces, MaxSpans int
	TTL                 time.Duration
	now                 func() time.Time
}

// New returns a store of at most maxTraces traces of maxSpans spans each,
// kept for ttl after their last write.
func New(maxTraces, maxSpans int, ttl time.Duration) *Store {
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
		tr := s.touch(c.trace, now)
		n := s.node(tr, c.span)
		if n == nil {
			continue
		}
		n.parent, n.cost, n.costed = c.parent, c.cost, true
	}
	for _, l := range b.links {
		tr, ok := s.traces[l.trace]
		if !ok {
			continue
		}
		if n := s.node(tr, l.span); n != nil && !n.costed {
			n.parent = l.parent
		}
	}
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
	for id, n := range tr.nodes {
		if !n.costed || id == span || !descends(tr, n, span) {
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

// descends reports whether n has ancestor span, through recorded links
// (bounded by the trace's size, so a cycle in bad data ends).
func descends(tr *trace, n *node, span SpanID) bool {
	p := n.parent
	for range len(tr.nodes) + 1 {
		if p == span {
			return true
		}
		next, ok := tr.nodes[p]
		if !ok || p == (SpanID{}) {
			return false
		}
		p = next.parent
	}
	return false
}

func (s *Store) touch(t TraceID, now time.Time) *trace {
	tr, ok := s.traces[t]
	if ok {
		tr.seen = now
		s.lru.MoveToFront(tr.elem)
		return tr
	}
	for len(s.traces) >= s.MaxTraces && s.lru.Len() > 0 {
		s.drop(s.lru.Back().Value.(*trace))
	}
	tr = &trace{id: t, nodes: map[SpanID]*node{}, seen: now}
	tr.elem = s.lru.PushFront(tr)
	s.traces[t] = tr
	return tr
}

func (s *Store) node(tr *trace, span SpanID) *node {
	if n, ok := tr.nodes[span]; ok {
		return n
	}
	if len(tr.nodes) >= s.MaxSpans {
		tr.full = true
		return nil
	}
	n := &node{}
	tr.nodes[span] = n
	return n
}

func (s *Store) expire(now time.Time) {
	for s.lru.Len() > 0 {
		tr := s.lru.Back().Value.(*trace)
		if now.Sub(tr.seen) < s.TTL {
			return
		}
		s.drop(tr)
	}
}

func (s *Store) drop(tr *trace) {
	s.lru.Remove(tr.elem)
	delete(s.traces, tr.id)
}

// Len returns the number of traces held.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.traces)
}
