// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tracker

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpdateAppend(t *testing.T) {
	s := &State{Stamp: Stamp{Size: -1}}
	require.True(t, s.Changed(Stamp{Size: 10, ModTime: 1}))
	s.Stat(Stamp{Size: 10, ModTime: 1})
	from, rewritten := s.Update([]uint64{1, 2, 3})
	assert.Equal(t, [numSignals]int{0, 0}, from)
	assert.False(t, rewritten)
	s.Delivered(Traces)
	s.Delivered(Logs)
	assert.False(t, s.Pending())
	assert.False(t, s.Changed(Stamp{Size: 10, ModTime: 1}))

	from, rewritten = s.Update([]uint64{1, 2, 3, 4, 5})
	assert.Equal(t, [numSignals]int{3, 3}, from)
	assert.False(t, rewritten)
}

func TestUpdateRewritten(t *testing.T) {
	s := &State{}
	s.Update([]uint64{1, 2, 3, 4})
	s.Delivered(Traces)
	s.Delivered(Logs)
	// Message 2 edited: resume after the unchanged prefix [1, 2].
	from, rewritten := s.Update([]uint64{1, 2, 9, 10})
	assert.True(t, rewritten)
	assert.Equal(t, [numSignals]int{2, 2}, from)
	s.Delivered(Traces)
	s.Delivered(Logs)
	// Truncated: nothing to emit, but a rewrite.
	from, rewritten = s.Update([]uint64{1})
	assert.True(t, rewritten)
	assert.Equal(t, [numSignals]int{1, 1}, from)
}

func TestPartialDelivery(t *testing.T) {
	s := &State{}
	s.Update([]uint64{1, 2})
	s.Delivered(Logs)
	s.RetryDelivery()
	assert.True(t, s.Pending())
	assert.True(t, s.Changed(Stamp{Size: 0, ModTime: 0}), "a refused delivery is retried with unchanged stat")
	from, _ := s.Update([]uint64{1, 2, 3})
	assert.Equal(t, [numSignals]int{0, 2}, from)
}

func TestParseFailed(t *testing.T) {
	s := &State{}
	s.Stat(Stamp{Size: 5, ModTime: 1})
	assert.False(t, s.ParseFailed(), "first failure: probably mid-write")
	assert.True(t, s.Changed(Stamp{Size: 5, ModTime: 1}), "retried on the next poll")
	s.Stat(Stamp{Size: 9, ModTime: 2}) // changed in between: still mid-write
	assert.False(t, s.ParseFailed())
	assert.True(t, s.ParseFailed(), "same bytes failed twice")
	assert.True(t, s.Malformed)
	assert.False(t, s.Changed(Stamp{Size: 9, ModTime: 2}), "left alone until it changes")
	s.Stat(Stamp{Size: 12, ModTime: 3})
	assert.False(t, s.Malformed)
}

func TestSkipExisting(t *testing.T) {
	s := &State{SkipExisting: true}
	from, _ := s.Update([]uint64{1, 2, 3})
	assert.Equal(t, [numSignals]int{3, 3}, from)
	from, _ = s.Update([]uint64{1, 2, 3, 4})
	assert.Equal(t, [numSignals]int{3, 3}, from)
}

func TestMarshalRoundTrip(t *testing.T) {
	s := &State{
		Stamp: Stamp{Size: 1234, ModTime: 1_700_000_000_123_456_789, Ctime: 1_700_000_000_223_456_789, Ino: 1 << 40},
		Chain: []uint64{7, 8, 1 << 63}, Emitted: [numSignals]int{3, 2}, SkipExisting: true, MissingSince: 1_800_000_000_000_000_000,
	}
	got, err := Unmarshal(s.Marshal())
	require.NoError(t, err)
	assert.Equal(t, s, got)

	// A version 1 checkpoint (before change time, inode and flags) is read.
	v1 := []byte{version1}
	v1 = binary.AppendVarint(v1, 1234)
	v1 = binary.AppendVarint(v1, 99)
	v1 = append(v1, 3, 2, 3)
	for _, h := range s.Chain {
		v1 = binary.LittleEndian.AppendUint64(v1, h)
	}
	old, err := Unmarshal(v1)
	require.NoError(t, err)
	assert.Equal(t, &State{Stamp: Stamp{Size: 1234, ModTime: 99}, Chain: s.Chain, Emitted: [numSignals]int{3, 2}}, old)

	for _, bad := range [][]byte{nil, {3}, {version}, s.Marshal()[:10], append(s.Marshal(), 0)} {
		_, err := Unmarshal(bad)
		assert.Error(t, err)
	}
	over := &State{Chain: []uint64{1}, Emitted: [numSignals]int{5, 0}}
	_, err = Unmarshal(over.Marshal())
	assert.Error(t, err, "emitted beyond the chain")
}

func TestDeliveredTo(t *testing.T) {
	s := &State{}
	s.Update([]uint64{1, 2, 3, 4, 5})
	s.DeliveredTo(Traces, 2)
	s.DeliveredTo(Traces, 1) // never backwards
	s.DeliveredTo(Logs, 9)   // never beyond the chain
	assert.Equal(t, [numSignals]int{2, 5}, s.Emitted)
	assert.True(t, s.Pending())
}

func TestStampChangeTime(t *testing.T) {
	s := &State{}
	s.Stat(Stamp{Size: 10, ModTime: 1, Ctime: 5, Ino: 7})
	assert.False(t, s.Changed(Stamp{Size: 10, ModTime: 1, Ctime: 5, Ino: 7}))
	assert.True(t, s.Changed(Stamp{Size: 10, ModTime: 1, Ctime: 6, Ino: 7}), "rewritten with the same size and modification time")
	assert.True(t, s.Changed(Stamp{Size: 10, ModTime: 1, Ctime: 5, Ino: 8}), "another file under the same name")
}
