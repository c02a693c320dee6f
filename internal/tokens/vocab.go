// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens // import "github.com/otelcol-llm/otelcol-llm/internal/tokens"

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/bits"

	"github.com/pkoukk/tiktoken-go-loader/assets"
)

// maxTokenLen bounds the byte length of a token (the longest tokens of both
// vocabularies have 128 bytes). loadVocab enforces it, so that longer strings
// need no lookup.
const maxTokenLen = 128

// noRank is the rank of a byte string that is not a token.
const noRank = ^uint32(0)

// vocab is a BPE vocabulary. All token bytes are concatenated in arena, and
// table is an open-addressing hash table with linear probing whose non-empty
// slots pack, for one token, everything needed to look it up with a single
// probe into the arena:
//
//	bits  0-20  offset of the token in arena
//	bits 21-28  length of the token (1..maxTokenLen, so a slot is never 0)
//	bits 29-46  rank
//	bits 47-63  fingerprint: the low 17 bits of the hash
//
// pairs holds the rank of every 2-byte string, the most frequent lookup. A
// vocab is immutable once loaded.
type vocab struct {
	arena []byte
	table []uint64
	pairs []uint32 // indexed by first<<8 | second; noRank if not a token
	shift uint8    // the slot of hash h is h >> shift
	size  int      // number of tokens
}

// Layout of a table slot.
const (
	slotOffBits  = 21
	slotLenBits  = 8
	slotRankBits = 18
	slotLenShift = slotOffBits
	slotRankShft = slotOffBits + slotLenBits
	slotFPShift  = slotRankShft + slotRankBits
	slotOffMask  = 1<<slotOffBits - 1
	slotLenMask  = 1<<slotLenBits - 1
	slotRankMask = 1<<slotRankBits - 1
)

// loadVocab parses the .tiktoken file named file of the tiktoken-go-loader
// assets: one "base64(token) rank" line per token, ranks 0, 1, 2, ... in
// order, with every single byte among the tokens.
func loadVocab(file string) (*vocab, error) {
	f, err := assets.Assets.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return parseVocab(f, int(st.Size()))
}

// parseVocab reads a vocabulary of about size bytes in the .tiktoken format.
func parseVocab(rd io.Reader, size int) (*vocab, error) {
	// Decoded tokens take about 39% of the file and a line about 18 bytes;
	// the slices are trimmed to their exact size at the end.
	arena := make([]byte, 0, size*2/5)
	ends := make([]uint32, 0, size/16)
	r := bufio.NewReaderSize(rd, 64<<10)
	for {
		line, err := r.ReadSlice('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if len(line) > 0 {
			if err := parseLine(line, len(ends), &arena); err != nil {
				return nil, err
			}
			ends = append(ends, uint32(len(arena)))
		}
		if err != nil {
			break
		}
	}
	n := len(ends)
	switch {
	case n < 256:
		return nil, fmt.Errorf("only %d tokens", n)
	case n > slotRankMask+1:
		return nil, fmt.Errorf("too many tokens: %d", n)
	case len(arena) > slotOffMask+1:
		return nil, fmt.Errorf("too many token bytes: %d", len(arena))
	}
	v := &vocab{arena: trim(arena), size: n}
	// A power of two at least twice the number of tokens keeps the load
	// factor between 1/4 and 1/2.
	slots := 1 << bits.Len(uint(2*n-1))
	v.table = make([]uint64, slots)
	v.shift = uint8(64 - bits.TrailingZeros(uint(slots)))
	v.pairs = make([]uint32, 1<<16)
	for i := range v.pairs {
		v.pairs[i] = noRank
	}
	start := uint32(0)
	for rank, end := range ends {
		if !v.insert(start, end-start, uint32(rank)) {
			return nil, fmt.Errorf("duplicate token %q", v.arena[start:end])
		}
		if end-start == 2 {
			v.pairs[uint16(v.arena[start])<<8|uint16(v.arena[start+1])] = uint32(rank)
		}
		start = end
	}
	// Every single byte must be a token so that BPE always terminates with
	// a valid tokenization, including of invalid UTF-8.
	for b := range 256 {
		if v.rank(string([]byte{byte(b)})) == noRank {
			return nil, fmt.Errorf("byte %#x is not a token", b)
		}
	}
	return v, nil
}

// parseLine decodes one "base64 rank\n" line, checks that the rank is want and
// appends the token bytes to *arena.
func parseLine(line []byte, want int, arena *[]byte) error {
	line = bytes.TrimRight(line, "\r\n")
	b64, num, ok := bytes.Cut(line, []byte{' '})
	if !ok {
		return fmt.Errorf("line %d: no rank", want+1)
	}
	rank := 0
	for _, d := range num {
		if d < '0' || d > '9' || rank > 1<<30 {
			return fmt.Errorf("line %d: bad rank %q", want+1, num)
		}
		rank = rank*10 + int(d-'0')
	}
	if len(num) == 0 || rank != want {
		return fmt.Errorf("line %d: rank %q, want %d", want+1, num, want)
	}
	a := *arena
	start := len(a)
	if need := base64.StdEncoding.DecodedLen(len(b64)); cap(a)-start < need {
		a = append(a, make([]byte, need)...)[:start]
	}
	n, err := base64.StdEncoding.Decode(a[start:cap(a)], b64)
	if err != nil {
		return fmt.Errorf("line %d: %w", want+1, err)
	}
	if n == 0 || n > maxTokenLen {
		return fmt.Errorf("line %d: token of %d bytes", want+1, n)
	}
	*arena = a[:start+n]
	return nil
}

// trim returns s without spare capacity, copying it if that saves more than
// an eighth of it.
func trim[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/8 {
		return s[:len(s):len(s)]
	}
	return append(make([]T, 0, len(s)), s...)
}

// insert adds the token arena[off:off+n] of rank r; it reports false if the
// token is already present.
func (v *vocab) insert(off, n, r uint32) bool {
	tok := string(v.arena[off : off+n])
	h := hashString(tok)
	slot := h<<slotFPShift | uint64(r)<<slotRankShft | uint64(n)<<slotLenShift | uint64(off)
	mask := uint64(len(v.table) - 1)
	for i := h >> v.shift; ; i = (i + 1) & mask {
		e := v.table[i]
		if e == 0 {
			v.table[i] = slot
			return true
		}
		if e>>slotLenShift&slotLenMask == uint64(n) && string(v.slotBytes(e)) == tok {
			return false
		}
	}
}

// slotBytes returns the token bytes of the table slot e.
func (v *vocab) slotBytes(e uint64) []byte {
	off := e & slotOffMask
	return v.arena[off : off+e>>slotLenShift&slotLenMask]
}

// rank returns the rank of the token s, or noRank if s is not a token.
func (v *vocab) rank(s string) uint32 {
	if len(s) == 2 {
		return v.pairs[uint16(s[0])<<8|uint16(s[1])]
	}
	if len(s) > maxTokenLen {
		return noRank
	}
	h := hashString(s)
	// Compare the fingerprint and the length at once.
	want := h<<slotFPShift | uint64(len(s))<<slotLenShift
	const fpLenMask = (1<<(64-slotFPShift)-1)<<slotFPShift | slotLenMask<<slotLenShift
	mask := uint64(len(v.table) - 1)
	for i := h >> v.shift; ; i = (i + 1) & mask {
		e := v.table[i]
		if e == 0 {
			return noRank
		}
		if e&fpLenMask == want {
			off := e & slotOffMask
			if string(v.arena[off:off+uint64(len(s))]) == s {
				return uint32(e>>slotRankShft) & slotRankMask
			}
		}
	}
}

// Constants of the hash function (from splitmix64 and wyhash).
const (
	hashK0 = 0x9e3779b97f4a7c15
	hashK1 = 0xbf58476d1ce4e5b9
	hashK2 = 0x94d049bb133111eb
)

// hashString is a fast non-cryptographic hash of short byte strings: 8-byte
// words are folded in with a multiply and xor-shift, then the result is
// finalised like splitmix64. The top bits select the slot and the low 32 bits
// are the fingerprint.
func hashString(s string) uint64 {
	h := uint64(len(s)) * hashK0
	for len(s) > 8 {
		h = (h ^ load64(s)) * hashK1
		h ^= h >> 29
		s = s[8:]
	}
	var w uint64
	switch n := len(s); {
	case n >= 4:
		w = uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	case n > 0:
		w = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	h = (h ^ w) * hashK1
	h ^= h >> 31
	h *= hashK2
	h ^= h >> 32
	return h
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
