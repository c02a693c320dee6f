// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package feedback

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func turnN(i int) Turn {
	t := Turn{
		Linked: true, Session: fmt.Sprintf("session-%d", i/10), Index: int64(1 + 2*(i%10)),
		RequestID: fmt.Sprintf("req-%d", i), Agent: "Support Agent", Model: "gpt-4.1", Provider: "openai", User: fmt.Sprintf("u-%d", i%50),
	}
	t.Trace[0], t.Trace[1], t.Trace[2], t.Trace[15] = byte(i), byte(i>>8), byte(i>>16), 1
	t.Root[0], t.Root[7] = byte(i), 1
	return t
}

func TestTableLookups(t *testing.T) {
	tb := NewTable(100)
	turns := make([]Turn, 30)
	for i := range turns {
		turns[i] = turnN(i)
	}
	tb.Put(turns)
	for i := range turns {
		want := turns[i]
		got, ok := tb.ByRequestID(want.RequestID)
		require.True(t, ok, i)
		assert.Equal(t, want, got)
		got, ok = tb.ByIndex(want.Session, want.Index)
		require.True(t, ok, i)
		assert.Equal(t, want, got)
		got, ok = tb.ByTrace(want.Trace)
		require.True(t, ok, i)
		assert.Equal(t, want, got)
	}
	_, ok := tb.ByRequestID("req-30")
	assert.False(t, ok)
	_, ok = tb.ByIndex("session-0", 2)
	assert.False(t, ok, "a user message's position")
	_, ok = tb.ByIndex("session-1", 1)
	assert.True(t, ok)
	_, ok = tb.ByIndex("session-", 11)
	assert.False(t, ok, "session and index do not run together")
}

// TestTableBound: the table holds at most its size, forgets the oldest
// first, and a forgotten turn's keys go with it.
func TestTableBound(t *testing.T) {
	tb := NewTable(10)
	for i := range 25 {
		tb.Put([]Turn{turnN(i)})
	}
	assert.Equal(t, 10, tb.Len())
	assert.Len(t, tb.index, 30, "three keys for each turn held")
	for i := range 25 {
		_, ok := tb.ByRequestID(fmt.Sprintf("req-%d", i))
		assert.Equal(t, i >= 15, ok, i)
		_, ok = tb.ByTrace(turnN(i).Trace)
		assert.Equal(t, i >= 15, ok, i)
	}
}

// TestTablePutAgain: the same turn put again (a retry, a file re-read) is
// updated in place; a newer turn with the same request id or position (an
// edited or regenerated answer: new trace id) takes the key over, and the
// older one stays reachable by its trace id.
func TestTablePutAgain(t *testing.T) {
	tb := NewTable(10)
	a := turnN(1)
	tb.Put([]Turn{a, a})
	tb.Put([]Turn{a})
	assert.Equal(t, 1, tb.Len())

	b := a
	b.Trace[5] = 9
	b.Model = "gpt-4.1-mini"
	tb.Put([]Turn{b})
	got, _ := tb.ByRequestID(a.RequestID)
	assert.Equal(t, b, got)
	got, _ = tb.ByIndex(a.Session, a.Index)
	assert.Equal(t, b, got)
	got, ok := tb.ByTrace(a.Trace)
	require.True(t, ok)
	assert.Equal(t, "gpt-4.1", got.Model)

	// When the older turn is forgotten, the newer keeps the shared keys.
	for i := 100; i < 109; i++ {
		tb.Put([]Turn{turnN(i)})
	}
	_, ok = tb.ByTrace(a.Trace)
	assert.False(t, ok)
	got, ok = tb.ByRequestID(a.RequestID)
	require.True(t, ok)
	assert.Equal(t, b.Trace, got.Trace)
}

// TestTableKeepsNoReference: the table copies what it keeps, and does not
// keep ids longer than pushes allow (only a history file can hold one).
func TestTableKeepsNoReference(t *testing.T) {
	tb := NewTable(4)
	buf := []byte("req-abc")
	turn := turnN(1)
	turn.RequestID = string(buf) // a copy already, but Put must not rely on it
	turn.Agent = strings.Repeat("a", 300)
	tb.Put([]Turn{turn})
	got, ok := tb.ByRequestID("req-abc")
	require.True(t, ok)
	assert.Empty(t, got.Agent, "a name beyond 256 bytes is not kept")
}

// TestTableMemory measures what the default table holds when full:
// 65,536 turns with ids of realistic length (UUID sessions of 10 turns,
// UUID request ids, short user ids, one agent and model).
func TestTableMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates the full table")
	}
	const n = 65_536
	turns := make([]Turn, n)
	for i := range turns {
		turns[i] = turnN(i)
		turns[i].Session = fmt.Sprintf("%08x-1f2e-4d3c-8b5a-%012x", i/10, i/10)
		turns[i].RequestID = fmt.Sprintf("%08x-9a8b-4c7d-a6e5-%012x", i, i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tb := NewTable(n)
	for i := 0; i < n; i += 100 { // as pushes and polls deliver them
		tb.Put(turns[i:min(i+100, n)])
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	t.Logf("feedback table: %.0f bytes per turn, %.1f MiB for %d turns", per, per*n/(1<<20), n)
	assert.Less(t, per, 350.0, "the README's memory bound")
	runtime.KeepAlive(tb)
	runtime.KeepAlive(turns)
}

func TestSeen(t *testing.T) {
	s := NewSeen(3)
	k := func(b byte) Key { return Key{b} }
	d := [16]byte{1}
	assert.Equal(t, Deliver, s.Claim(k(1), d))
	assert.Equal(t, Busy, s.Claim(k(1), d), "a copy while the first is delivered")
	s.Finish(k(1), true)
	assert.Equal(t, Duplicate, s.Claim(k(1), d))
	assert.Equal(t, Conflict, s.Claim(k(1), [16]byte{2}))

	// Not delivered: forgotten, so the retry delivers it.
	assert.Equal(t, Deliver, s.Claim(k(2), d))
	s.Finish(k(2), false)
	assert.Equal(t, Deliver, s.Claim(k(2), d))
	s.Finish(k(2), true)

	// Bounded: the oldest is forgotten first; a key claimed again after it
	// was forgotten is not dropped by its older place in the ring.
	assert.Equal(t, Deliver, s.Claim(k(3), d))
	s.Finish(k(3), true)
	assert.Equal(t, Deliver, s.Claim(k(4), d)) // takes the place of k(1)
	s.Finish(k(4), true)
	assert.Equal(t, Deliver, s.Claim(k(1), d))
	s.Finish(k(1), true)
	assert.LessOrEqual(t, len(s.m), 3)
	assert.Equal(t, Duplicate, s.Claim(k(4), d))
	assert.Equal(t, Duplicate, s.Claim(k(1), d))
}

func TestKeyOf(t *testing.T) {
	up := &Request{Thumbs: 1}
	withID := &Request{Thumbs: 1, ID: "fb-1"}
	otherWithID := &Request{Thumbs: -1, ID: "fb-1"}
	tr := [16]byte{7}
	assert.NotEqual(t, KeyOf(tr, up), KeyOf([16]byte{8}, up), "per turn")
	assert.NotEqual(t, KeyOf(tr, up), KeyOf(tr, withID))
	assert.Equal(t, KeyOf(tr, withID), KeyOf(tr, otherWithID), "the client's id decides")
	assert.NotEqual(t, withID.Digest(), otherWithID.Digest(), "and the content tells a conflict")
}
