// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package dedup remembers, for a bounded number of pushed turns, which
// pipelines (signals) accepted them, so that a push retried after a partial
// refusal re-sends each turn only to the pipelines that refused it. It knows
// nothing about pdata or HTTP.
package dedup // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/dedup"

import "sync"

// Signals are tracked apart (the tracker's numbering: 0 traces, 1 logs).
const Signals = 2

// Key identifies one delivery of a turn (halo.DeliveryKey).
type Key = [16]byte

const (
	doneShift = 0       // bit s: signal s accepted the turn
	busyShift = Signals // bit Signals+s: a request is delivering it to s
)

// Cache is safe for concurrent use. The zero value is not usable: see New.
type Cache struct {
	mu    sync.Mutex
	max   int
	state map[Key]uint8
	// order is a ring of the keys in insertion order; the oldest is
	// forgotten when a new key needs room.
	order []Key
	next  int
}

// New returns a cache of at most max turns (max > 0).
func New(maxTurns int) *Cache {
	return &Cache{max: maxTurns, state: make(map[Key]uint8, min(maxTurns, 4096))}
}

// Claim is the delivery plan of one request.
type Claim struct {
	keys []Key
	// Send[s][i] is true when turn i must be sent to signal s: no earlier
	// request delivered it there, and it is not a repeat within this
	// request.
	Send [Signals][]bool
	// Skipped[s] counts the turns not sent to s because it had them.
	Skipped [Signals]int
	// New counts the turns no earlier request carried.
	New int
}

// Claim plans the delivery of keys and marks the turns to send as being
// delivered. ok is false when another request is delivering one of them at
// this moment: then nothing is claimed, and the caller answers "retry" (its
// turns are either delivered by that request, or free again when it fails).
func (c *Cache) Claim(keys []Key) (cl *Claim, ok bool) {
	cl = &Claim{keys: keys}
	for s := range cl.Send {
		cl.Send[s] = make([]bool, len(keys))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if c.state[k]>>busyShift != 0 {
			return nil, false
		}
	}
	seen := make(map[Key]bool, len(keys))
	for i, k := range keys {
		st, known := c.state[k]
		if seen[k] {
			continue // the same record twice in one request: sent once
		}
		seen[k] = true
		if !known {
			cl.New++
			c.insert(k)
		}
		for s := range cl.Send {
			if st>>(doneShift+s)&1 == 1 {
				cl.Skipped[s]++
				continue
			}
			cl.Send[s][i] = true
			st |= 1 << (busyShift + s)
		}
		c.state[k] = st
	}
	return cl, true
}

// Finish records the outcome of delivering the claimed turns to signal s:
// accepted, they are remembered as delivered there; refused, they are free
// for a retry.
func (c *Cache) Finish(cl *Claim, s int, accepted bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range cl.keys {
		if !cl.Send[s][i] {
			continue
		}
		st, known := c.state[k]
		if !known {
			if !accepted {
				continue
			}
			c.insert(k) // forgotten meanwhile (a full cache): remembered again
		}
		st &^= 1 << (busyShift + s)
		if accepted {
			st |= 1 << (doneShift + s)
		}
		c.state[k] = st
	}
}

// Len is the number of turns remembered.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.state)
}

// insert makes room for k in the ring, forgetting the oldest key when full.
func (c *Cache) insert(k Key) {
	if len(c.order) < c.max {
		c.order = append(c.order, k)
		return
	}
	delete(c.state, c.order[c.next])
	c.order[c.next] = k
	c.next = (c.next + 1) % c.max
}
