// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// splitAlphabets are small sets of runes that exercise the alternatives of the
// patterns: every string up to a few runes over each is split by both
// scanners.
var splitAlphabets = []string{
	"Aaʰ\u0301' 1\n!",        // Lu, Ll, Lm, Mn, apostrophe, space, N, newline, punctuation
	"Ss'Ll ve\u0301",         // contractions
	" \t\n\r\u00a0x!/",       // whitespace runs, lookahead, slashes
	"AǅB\u0301中a!'",          // upper runs, title case, marks, Lo
	"\u0301\u0903 a\n1'!",    // Mn, Mc
	"1½٣ a.\n",               // numbers
	"'sDd\u0301 \n\t",        // contractions after marks and spaces
	" !/\r\n\u0301a\u00a0\t", // punctuation with newline and slash tails
}

func TestSplitExhaustive(t *testing.T) {
	maxLen := 5
	if testing.Short() || raceEnabled {
		maxLen = 4
	}
	for _, alphabet := range splitAlphabets {
		runes := []rune(alphabet)
		for n := 1; n <= maxLen; n++ {
			idx := make([]int, n)
			for {
				var b strings.Builder
				for _, i := range idx {
					b.WriteRune(runes[i])
				}
				s := b.String()
				for _, e := range allEncodings {
					if got, want := tokens.Pieces(e, s), refSplit(t, e, s); !slices.Equal(got, want) {
						require.Equal(t, want, got, "%v split of %q", e, s)
					}
				}
				// Next string in lexicographic order.
				k := n - 1
				for k >= 0 && idx[k] == len(runes)-1 {
					idx[k] = 0
					k--
				}
				if k < 0 {
					break
				}
				idx[k]++
			}
		}
	}
}

func TestSplitRandom(t *testing.T) {
	n := 20000
	if testing.Short() || raceEnabled {
		n = 5000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(16) {
			b.WriteRune(tokenstest.RandomRunes[rng.IntN(len(tokenstest.RandomRunes))])
		}
		s := b.String()
		for _, e := range allEncodings {
			if got, want := tokens.Pieces(e, s), refSplit(t, e, s); !slices.Equal(got, want) {
				require.Equal(t, want, got, "%v split of %q", e, s)
			}
		}
	}
}
