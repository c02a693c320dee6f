// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package feedback // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/feedback"

import (
	"hash/maphash"
	"strings"
	"sync"
)

// Turn is what feedback on a turn is joined to.
type Turn struct {
	// Trace and Root are the turn's trace id and root span id.
	Trace [16]byte
	Root  [8]byte
	// Linked is true when the turn's spans were emitted: its log record and
	// its feedback carry its trace context. A turn without spans (its
	// duration unknown) is a log record without one.
	Linked bool
	// Session is the turn's conversation id; Index its position in the
	// session (-1 when unknown).
	Session string
	Index   int64
	// RequestID, Agent, Model, Provider and User are the turn's chat.request.id,
	// gen_ai.agent.name, gen_ai.request.model, gen_ai.provider.name and user.id.
	RequestID, Agent, Model, Provider, User string
}

// names are the low-cardinality names of a turn, shared between entries.
type names struct {
	agent, model, provider string
}

// entry is a Turn as the table keeps it: 96 bytes, the names shared.
type entry struct {
	trace                    [16]byte
	root                     [8]byte
	linked                   bool
	index                    int64
	session, requestID, user string
	names                    *names
}

func (e *entry) turn() Turn {
	return Turn{
		Trace: e.trace, Root: e.root, Linked: e.linked, Session: e.session, Index: e.index,
		RequestID: e.requestID, Agent: e.names.agent, Model: e.names.model, Provider: e.names.provider, User: e.user,
	}
}

// maxInterned bounds the distinct agent, model and provider combinations
// shared between entries (they are few: metric labels); beyond it each
// entry keeps its own.
const maxInterned = 4096

// maxStored is the longest string kept: every pushed identifier is at most
// this long (halo.MaxIDLen); a longer one (only a history file can hold
// one) is not kept, so an entry's size is bounded.
const maxStored = 256

// Table remembers the last turns emitted, looked up by request id, by
// session and position, and by trace id. It is safe for concurrent use.
// Entries live in a ring of at most max turns; the oldest is forgotten when
// a new turn needs room. A turn put again (the same trace id) is updated in
// place.
type Table struct {
	mu      sync.Mutex
	max     int
	seeds   [3]maphash.Seed
	entries []entry
	next    int
	// index maps the hash of a key (kind and value) to a position in
	// entries; a lookup checks the entry's own fields, so a hash collision
	// is a miss, never another turn.
	index  map[uint64]int32
	intern map[names]*names
}

// NewTable returns a table of at most maxTurns turns (maxTurns > 0).
func NewTable(maxTurns int) *Table {
	return &Table{
		max:    maxTurns,
		seeds:  [3]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed(), maphash.MakeSeed()},
		index:  make(map[uint64]int32, min(3*maxTurns, 1<<14)),
		intern: make(map[names]*names),
	}
}

// The hash of a key: one seed per kind of key, so that a request id and a
// session never share a hash by construction.
func (t *Table) hashTrace(trace [16]byte) uint64 {
	return maphash.Comparable(t.seeds[0], trace)
}

func (t *Table) hashRequest(id string) uint64 {
	return maphash.String(t.seeds[1], id)
}

func (t *Table) hashIndex(session string, index int64) uint64 {
	return maphash.String(t.seeds[2], session) ^ maphash.Comparable(t.seeds[2], index)
}

// Put remembers turns (what is kept is copied: the table holds no
// reference into the caller's strings). A later turn with the same
// request id, or the same session and index, takes the key over: feedback
// goes to the latest answer.
func (t *Table) Put(turns []Turn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lastIn, lastOut string // sessions repeat: one copy for a run of turns
	for i := range turns {
		in := &turns[i]
		e := entry{trace: in.Trace, root: in.Root, linked: in.Linked, index: in.Index}
		if in.Session == lastIn {
			e.session = lastOut
		} else {
			lastIn, e.session = in.Session, keep(in.Session)
			lastOut = e.session
		}
		e.requestID, e.user = keep(in.RequestID), keep(in.User)
		e.names = t.shared(names{agent: in.Agent, model: in.Model, provider: in.Provider})
		t.put(&e)
	}
}

func (t *Table) put(e *entry) {
	th := t.hashTrace(e.trace)
	slot, ok := t.index[th]
	if ok && t.entries[slot].trace == e.trace {
		t.unindex(slot) // the same turn again: keys re-pointed below
	} else {
		slot = int32(t.next)
		if len(t.entries) < t.max {
			if len(t.entries) == cap(t.entries) {
				// Grown by hand so that a full table holds exactly max.
				grown := make([]entry, len(t.entries), min(max(2*cap(t.entries), 64), t.max))
				copy(grown, t.entries)
				t.entries = grown
			}
			t.entries = append(t.entries, entry{})
		} else {
			t.unindex(slot)
		}
		t.next = (t.next + 1) % t.max
	}
	t.entries[slot] = *e
	t.index[th] = slot
	if e.requestID != "" {
		t.index[t.hashRequest(e.requestID)] = slot
	}
	if e.index >= 0 && e.session != "" {
		t.index[t.hashIndex(e.session, e.index)] = slot
	}
}

// unindex removes the keys that still point at slot.
func (t *Table) unindex(slot int32) {
	e := &t.entries[slot]
	drop := func(h uint64) {
		if s, ok := t.index[h]; ok && s == slot {
			delete(t.index, h)
		}
	}
	drop(t.hashTrace(e.trace))
	if e.requestID != "" {
		drop(t.hashRequest(e.requestID))
	}
	if e.index >= 0 && e.session != "" {
		drop(t.hashIndex(e.session, e.index))
	}
}

// keep copies s so that the table holds no reference into a decoded
// request, and drops it when longer than maxStored.
func keep(s string) string {
	if len(s) > maxStored {
		return ""
	}
	return strings.Clone(s)
}

// shared returns one copy of a combination of names.
func (t *Table) shared(n names) *names {
	if p, ok := t.intern[n]; ok {
		return p
	}
	c := &names{agent: keep(n.agent), model: keep(n.model), provider: keep(n.provider)}
	if len(t.intern) < maxInterned {
		t.intern[*c] = c
	}
	return c
}

// ByRequestID returns the latest turn with that request id.
func (t *Table) ByRequestID(id string) (Turn, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s, ok := t.index[t.hashRequest(id)]; ok && t.entries[s].requestID == id {
		return t.entries[s].turn(), true
	}
	return Turn{}, false
}

// ByIndex returns the latest turn at that position of a session.
func (t *Table) ByIndex(session string, index int64) (Turn, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s, ok := t.index[t.hashIndex(session, index)]; ok && t.entries[s].index == index && t.entries[s].session == session {
		return t.entries[s].turn(), true
	}
	return Turn{}, false
}

// ByTrace returns the turn with that trace id.
func (t *Table) ByTrace(trace [16]byte) (Turn, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s, ok := t.index[t.hashTrace(trace)]; ok && t.entries[s].trace == trace {
		return t.entries[s].turn(), true
	}
	return Turn{}, false
}

// Len is the number of turns held.
func (t *Table) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.entries)
}
