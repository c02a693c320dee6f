// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// naiveMerge is the definition of byte pair encoding, recomputed from
// scratch at every step: merge the leftmost adjacent pair of parts whose
// concatenation has the lowest rank until none is a token.
func naiveMerge(v *vocab, p string) int {
	starts := make([]int, len(p)+1)
	for i := range starts {
		starts[i] = i
	}
	for {
		best, at := noRank, -1
		for i := 0; i+2 < len(starts); i++ {
			if r := v.rank(p[starts[i]:starts[i+2]]); r < best {
				best, at = r, i
			}
		}
		if at < 0 {
			return len(starts) - 1
		}
		starts = append(starts[:at+1], starts[at+2:]...)
	}
}

func TestMergeAlgorithmsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := []string{
		"ab", "aab ", "etaoin shrdlu", "0123456789", " \n\t", "!-=", "abcdefghijklmnopqrstuvwxyz",
		"\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x98\x80", // bytes of UTF-8 sequences, recombined
		"\x00\x80\xff\xfe\xc3\xa9",
	}
	for _, e := range allEncodings {
		v := e.vocab()
		for range 3000 {
			alphabet := alphabets[rng.IntN(len(alphabets))]
			p := tokenstest.RandomBytes(rng, alphabet, 2+rng.IntN(smallPiece-1))
			want := naiveMerge(v, p)
			require.Equal(t, want, v.mergeSmall(p), "%v mergeSmall(%q)", e, p)
			require.Equal(t, want, v.mergeLarge(p), "%v mergeLarge(%q)", e, p)
		}
		for range 100 {
			alphabet := alphabets[rng.IntN(len(alphabets))]
			p := tokenstest.RandomBytes(rng, alphabet, smallPiece+1+rng.IntN(300))
			require.Equal(t, naiveMerge(v, p), v.mergeLarge(p), "%v mergeLarge(%q)", e, p)
		}
		// Substrings of real text merge into real tokens of many lengths.
		texts := []string{tokenstest.Prose, tokenstest.Code, strings.ReplaceAll(tokenstest.Prose, " ", ""), tokenstest.Multilingual}
		for range 2000 {
			text := texts[rng.IntN(len(texts))]
			n := 2 + rng.IntN(smallPiece-1)
			if rng.IntN(4) == 0 {
				n = smallPiece + 1 + rng.IntN(200)
			}
			start := rng.IntN(len(text) - n)
			p := text[start : start+n]
			want := naiveMerge(v, p)
			if n <= smallPiece {
				require.Equal(t, want, v.mergeSmall(p), "%v mergeSmall(%q)", e, p)
			}
			require.Equal(t, want, v.mergeLarge(p), "%v mergeLarge(%q)", e, p)
		}
		// Pieces around the length where countPiece switches algorithm.
		for n := smallPiece - 2; n <= smallPiece+2; n++ {
			p := strings.Repeat("ab", n)[:n]
			require.Equal(t, naiveMerge(v, p), v.countPiece(p), "%v countPiece(%q)", e, p)
		}
	}
}

func TestHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	h := make([]uint64, 500)
	for i := range h {
		h[i] = rng.Uint64N(100)
	}
	heapInit(h)
	for range 500 {
		h = heapPush(h, rng.Uint64N(100))
	}
	var popped []uint64
	for len(h) > 0 {
		popped = append(popped, h[0])
		h = heapPop(h)
	}
	assert.Len(t, popped, 1000)
	assert.IsNonDecreasing(t, popped)
}
