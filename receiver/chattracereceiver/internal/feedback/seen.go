// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package feedback // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/feedback"

import (
	"crypto/sha256"
	"sync"
)

// Key identifies one piece of feedback on one turn (see KeyOf).
type Key = [16]byte

// KeyOf identifies feedback on the turn with that trace id: by the
// client's feedback_id when it gave one, else by what the feedback says
// (Request.Digest), so that the same feedback sent twice is one.
func KeyOf(trace [16]byte, r *Request) Key {
	h := sha256.New()
	h.Write(trace[:])
	if r.ID != "" {
		h.Write([]byte{0})
		h.Write([]byte(r.ID))
	} else {
		d := r.Digest()
		h.Write([]byte{1})
		h.Write(d[:])
	}
	var k Key
	copy(k[:], h.Sum(nil))
	return k
}

// Verdict is what Claim decided.
type Verdict uint8

const (
	// Deliver: new feedback, claimed; call Finish when delivered or not.
	Deliver Verdict = iota
	// Duplicate: delivered before; not to be sent again.
	Duplicate
	// Conflict: the feedback_id was used before for other feedback.
	Conflict
	// Busy: the same feedback is being delivered by another request now.
	Busy
)

type seenEntry struct {
	digest [16]byte
	busy   bool
	// pos is the entry's place in order: a key forgotten and claimed
	// again has a newer place, and the older one must not drop it.
	pos int
}

// Seen remembers the last feedback delivered (at most max keys, the oldest
// forgotten first). It is safe for concurrent use.
type Seen struct {
	mu    sync.Mutex
	max   int
	m     map[Key]seenEntry
	order []Key
	next  int
}

// NewSeen returns a Seen of at most maxKeys keys (maxKeys > 0).
func NewSeen(maxKeys int) *Seen {
	return &Seen{max: maxKeys, m: make(map[Key]seenEntry, min(maxKeys, 1<<12))}
}

// Claim decides what to do with feedback key whose content is digest.
func (s *Seen) Claim(key Key, digest [16]byte) Verdict {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.m[key]; ok {
		switch {
		case e.busy:
			return Busy
		case e.digest != digest:
			return Conflict
		}
		return Duplicate
	}
	pos := s.next
	if len(s.order) < s.max {
		s.order = append(s.order, key)
	} else {
		if old, ok := s.m[s.order[pos]]; ok && old.pos == pos {
			delete(s.m, s.order[pos])
		}
		s.order[pos] = key
	}
	s.next = (s.next + 1) % s.max
	s.m[key] = seenEntry{digest: digest, busy: true, pos: pos}
	return Deliver
}

// Finish ends a claim: delivered feedback is remembered, feedback that was
// not delivered is forgotten, so that a retry delivers it.
func (s *Seen) Finish(key Key, delivered bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.m[key]
	if !ok {
		return // forgotten meanwhile (more than max newer keys)
	}
	if delivered {
		e.busy = false
		s.m[key] = e
		return
	}
	delete(s.m, key) // its slot in order is reused when its turn comes
}
