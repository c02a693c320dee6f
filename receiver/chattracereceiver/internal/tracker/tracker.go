// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package tracker remembers, per chat-history file, which messages were
// already emitted, so that a file rewritten whole after every turn has each
// turn emitted exactly once. It knows nothing about pdata or storage.
package tracker // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"

import (
	"encoding/binary"
	"errors"
)

// Signals are the outputs tracked separately: a turn delivered to the traces
// pipeline but refused by the logs pipeline is retried for logs only.
const (
	Traces = iota
	Logs
	numSignals
)

// Stamp is what a stat of a file tells: enough to see that it changed
// without reading it. Ctime and Ino are 0 where the platform has none.
type Stamp struct {
	Size, ModTime, Ctime int64
	Ino                  uint64
}

// Same reports whether two stats show the same file with the same bytes:
// same size, modification and change time, inode. The change time moves on
// every write (the app cannot set it), so a rewrite within one modification
// time tick, or one that restores the time, is still seen.
func (s Stamp) Same(o Stamp) bool { return s == o }

// State is what is known about one file.
type State struct {
	// Stamp of the file when it was last read (Size -1: never read).
	Stamp
	// Chain fingerprints the messages of the last successful read (see
	// halo.Outline.Chain).
	Chain []uint64
	// Emitted[s] is how many leading messages were delivered to signal s.
	Emitted [numSignals]int

	// retryParse and retryDeliver ask for a read on the next poll even
	// when the stamp is unchanged: the last read failed to parse, or its
	// delivery was refused with a retryable error.
	retryParse, retryDeliver bool
	// Malformed is set when the file failed to parse twice with the same
	// stamp: it is not read again until it changes.
	Malformed bool
	// Oversize is set when the file was skipped for its size or its number
	// of messages.
	Oversize bool
	// Counted is how many leading messages were already counted as found
	// (for the turns metric); not part of the checkpoint.
	Counted int
	// SkipExisting marks a file found on disk the first time the receiver
	// ever ran, with start_at: end: its first successful read emits
	// nothing. Part of the checkpoint, so that a file that could not be
	// read before a restart is still skipped after it.
	SkipExisting bool
	// MissingSince is when the file was first found missing, in Unix
	// nanoseconds (zero while it is there). Part of the checkpoint, so
	// that a file deleted is forgotten after a while across restarts.
	MissingSince int64
}

// Changed reports whether the file must be read: it changed since the last
// read, or a retry is due.
func (s *State) Changed(st Stamp) bool {
	return s.retryParse || s.retryDeliver || !s.Same(st)
}

// Stat records the stamp the next read is based on. A change clears the
// malformed and oversize marks.
func (s *State) Stat(st Stamp) {
	if !s.Same(st) {
		s.Malformed, s.Oversize, s.retryParse = false, false, false
	}
	s.Stamp = st
}

// ParseFailed records a read that did not parse and reports whether the file
// is now considered malformed (the same bytes failed twice), rather than
// caught mid-write.
func (s *State) ParseFailed() (malformed bool) {
	if s.retryParse {
		s.retryParse, s.Malformed = false, true
		return true
	}
	s.retryParse = true
	return false
}

// Update takes the chain of a successful read and returns, per signal, the
// index of the first message to emit. rewritten is true when messages
// already emitted changed or disappeared (history edited or cleared): then
// emission resumes after the longest unchanged prefix, so turns that are
// new or edited are emitted and unchanged ones are not.
func (s *State) Update(chain []uint64) (from [numSignals]int, rewritten bool) {
	common := 0
	for common < len(s.Chain) && common < len(chain) && s.Chain[common] == chain[common] {
		common++
	}
	for i := range s.Emitted {
		if s.Emitted[i] > common {
			s.Emitted[i] = common
			rewritten = true
		}
	}
	s.Counted = min(s.Counted, common)
	s.Chain = append(s.Chain[:0], chain...)
	s.retryDeliver = false
	if s.SkipExisting {
		s.SkipExisting = false
		for i := range s.Emitted {
			s.Emitted[i] = len(chain)
		}
	}
	return s.Emitted, rewritten
}

// Parsed records that the read based on the current stamp parsed whole
// (Update alone does not: the messages after the unchanged prefix may still
// fail to decode).
func (s *State) Parsed() {
	s.retryParse = false
}

// Delivered records that signal sig received every message of the chain.
func (s *State) Delivered(sig int) {
	s.Emitted[sig] = len(s.Chain)
}

// DeliveredTo records that signal sig received the messages before n (a
// file's turns are delivered in parts).
func (s *State) DeliveredTo(sig, n int) {
	s.Emitted[sig] = max(s.Emitted[sig], min(n, len(s.Chain)))
}

// RetryDelivery asks for the file to be read again on the next poll because
// a pipeline refused its turns with a retryable error.
func (s *State) RetryDelivery() {
	s.retryDeliver = true
}

// Pending reports whether some signal has messages not yet delivered.
func (s *State) Pending() bool {
	for _, e := range s.Emitted {
		if e < len(s.Chain) {
			return true
		}
	}
	return false
}

// Checkpoint versions: 1 held size, modification time, emitted counts and
// the chain; 2 adds the change time, the inode, when the file went missing
// and flags.
const (
	version1 = 1
	version  = 2

	flagSkipExisting = 1
)

// Marshal encodes the durable part of the state for a checkpoint.
func (s *State) Marshal() []byte {
	b := make([]byte, 0, 2+6*binary.MaxVarintLen64+numSignals*binary.MaxVarintLen64+8*len(s.Chain))
	b = append(b, version)
	b = binary.AppendVarint(b, s.Size)
	b = binary.AppendVarint(b, s.ModTime)
	b = binary.AppendVarint(b, s.Ctime)
	b = binary.AppendUvarint(b, s.Ino)
	b = binary.AppendVarint(b, s.MissingSince)
	var flags byte
	if s.SkipExisting {
		flags |= flagSkipExisting
	}
	b = append(b, flags)
	for _, e := range s.Emitted {
		b = binary.AppendUvarint(b, uint64(e))
	}
	b = binary.AppendUvarint(b, uint64(len(s.Chain)))
	for _, h := range s.Chain {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	return b
}

var errCorrupt = errors.New("corrupt checkpoint")

// Unmarshal decodes a checkpoint written by Marshal (either version).
func Unmarshal(b []byte) (*State, error) {
	if len(b) == 0 || (b[0] != version && b[0] != version1) {
		return nil, errCorrupt
	}
	v := b[0]
	b = b[1:]
	var s State
	var n int
	varint := func(dst *int64) bool {
		*dst, n = binary.Varint(b)
		b = b[n:]
		return n > 0
	}
	if !varint(&s.Size) || !varint(&s.ModTime) {
		return nil, errCorrupt
	}
	if v == version {
		if !varint(&s.Ctime) {
			return nil, errCorrupt
		}
		if s.Ino, n = binary.Uvarint(b); n <= 0 {
			return nil, errCorrupt
		}
		b = b[n:]
		if !varint(&s.MissingSince) || len(b) == 0 {
			return nil, errCorrupt
		}
		s.SkipExisting = b[0]&flagSkipExisting != 0
		b = b[1:]
	}
	for i := range s.Emitted {
		var e uint64
		if e, n = binary.Uvarint(b); n <= 0 {
			return nil, errCorrupt
		}
		s.Emitted[i] = int(e)
		b = b[n:]
	}
	l, n := binary.Uvarint(b)
	if n <= 0 || uint64(len(b)-n) != 8*l {
		return nil, errCorrupt
	}
	b = b[n:]
	s.Chain = make([]uint64, l)
	for i := range s.Chain {
		s.Chain[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	for i := range s.Emitted {
		if s.Emitted[i] > len(s.Chain) {
			return nil, errCorrupt
		}
	}
	return &s, nil
}
