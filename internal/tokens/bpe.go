// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens // import "github.com/otelcol-llm/otelcol-llm/internal/tokens"

import "sync"

// This file counts the tokens of one piece with tiktoken's byte pair
// encoding: start from single bytes and repeatedly merge the adjacent pair of
// parts whose concatenation is the token of lowest rank, the leftmost one on
// ties, until no adjacent pair is a token. Both algorithms below make exactly
// that sequence of merges; only the number of parts left matters here.

// smallPiece is the longest piece merged with the simple quadratic algorithm
// on stack buffers; longer pieces use a heap. It must stay below 256.
const smallPiece = 64

// countPiece returns the number of tokens of the piece p.
func (v *vocab) countPiece(p string) int {
	if len(p) <= 1 {
		return len(p) // every single byte is a token
	}
	if v.rank(p) != noRank { // the common case: the piece is a token
		return 1
	}
	if len(p) <= smallPiece {
		return v.mergeSmall(p)
	}
	return v.mergeLarge(p)
}

// mergeSmall is tiktoken's own algorithm: part i starts at start[i] and
// rank[i] is the rank of the merge of parts i and i+1; the last entry is the
// end of the piece. Each merge scans for the minimum and shifts the arrays,
// which is quadratic but fastest for short pieces.
func (v *vocab) mergeSmall(p string) int {
	var (
		start [smallPiece + 1]uint8
		rank  [smallPiece + 1]uint32
	)
	n := len(p)
	for i := range n - 1 {
		start[i] = uint8(i)
		rank[i] = v.rank(p[i : i+2])
	}
	start[n-1], rank[n-1] = uint8(n-1), noRank
	start[n], rank[n] = uint8(n), noRank
	m := n + 1 // entries in use: the parts and the end
	for {
		minRank, i := noRank, -1
		for k, r := range rank[:m-1] {
			if r < minRank {
				minRank, i = r, k
			}
		}
		if i < 0 {
			return m - 1
		}
		// Merge parts i and i+1. Part i+2 exists (possibly as the end)
		// because rank[i] is a valid rank.
		if i > 0 {
			rank[i-1] = v.rank(p[start[i-1]:start[i+2]])
		}
		if i+3 < m {
			rank[i] = v.rank(p[start[i]:start[i+3]])
		} else {
			rank[i] = noRank
		}
		copy(start[i+1:m-1], start[i+2:m])
		copy(rank[i+1:m-1], rank[i+2:m])
		m--
	}
}

// mergeScratch holds the buffers of mergeLarge, reused through scratchPool.
type mergeScratch struct {
	next []uint32 // start of the next part, or len(p)
	prev []uint32 // start of the previous part
	rank []uint32 // rank of the merge of the part with the next one; noRank if none or dead
	heap []uint64 // min-heap of rank<<32 | start, with stale entries
}

var scratchPool = sync.Pool{New: func() any { return new(mergeScratch) }}

// maxPooledScratch bounds the piece length whose buffers go back to the pool,
// so that one huge piece does not pin its buffers.
const maxPooledScratch = 1 << 20

// mergeLarge makes the same merges as mergeSmall in O(n log n): the parts
// form a doubly linked list indexed by their start, and a min-heap keyed by
// (rank, start) yields the leftmost lowest-rank merge. Heap entries whose
// rank no longer matches their part are stale and skipped: a part's merge
// rank only changes when the pair grows, to a different token and so to a
// different rank. Pieces must be shorter than 4 GiB.
func (v *vocab) mergeLarge(p string) int {
	n := len(p)
	sc := scratchPool.Get().(*mergeScratch)
	if cap(sc.next) < n {
		sc.next = make([]uint32, n)
		sc.prev = make([]uint32, n)
		sc.rank = make([]uint32, n)
		sc.heap = make([]uint64, 0, n)
	}
	next, prev, rank, h := sc.next[:n], sc.prev[:n], sc.rank[:n], sc.heap[:0]
	for i := range n {
		next[i] = uint32(i + 1)
		prev[i] = uint32(i - 1)
		if i+1 < n {
			rank[i] = v.rank(p[i : i+2])
		} else {
			rank[i] = noRank
		}
		if rank[i] != noRank {
			h = append(h, uint64(rank[i])<<32|uint64(i))
		}
	}
	heapInit(h)
	parts := n
	for len(h) > 0 {
		top := h[0]
		h = heapPop(h)
		i, r := uint32(top), uint32(top>>32)
		if rank[i] != r {
			continue // stale
		}
		// Merge part i with the next part j, then update the merge ranks
		// of part i and of the part before it.
		j := next[i]
		k := next[j]
		next[i] = k
		if int(k) < n {
			prev[k] = i
		}
		rank[j] = noRank
		parts--
		if int(k) < n {
			rank[i] = v.rank(p[i:next[k]])
			if rank[i] != noRank {
				h = heapPush(h, uint64(rank[i])<<32|uint64(i))
			}
		} else {
			rank[i] = noRank
		}
		if i > 0 {
			q := prev[i]
			rank[q] = v.rank(p[q:k])
			if rank[q] != noRank {
				h = heapPush(h, uint64(rank[q])<<32|uint64(q))
			}
		}
	}
	if n <= maxPooledScratch {
		sc.heap = h
		scratchPool.Put(sc)
	}
	return parts
}

// heapInit establishes the min-heap order on h.
func heapInit(h []uint64) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
}

// heapPush adds x to the heap h.
func heapPush(h []uint64, x uint64) []uint64 {
	h = append(h, x)
	i := len(h) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if h[parent] <= x {
			break
		}
		h[i] = h[parent]
		i = parent
	}
	h[i] = x
	return h
}

// heapPop removes the minimum h[0] from the heap h.
func heapPop(h []uint64) []uint64 {
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	if last > 0 {
		siftDown(h, 0)
	}
	return h
}

// siftDown moves h[i] down to its place in the heap h.
func siftDown(h []uint64, i int) {
	x := h[i]
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1] < h[c] {
			c++
		}
		if x <= h[c] {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = x
}
