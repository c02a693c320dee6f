// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// runeLens returns the rune lengths of pieces, counting each invalid byte as
// one rune.
func runeLens(pieces []string) []int {
	lens := make([]int, len(pieces))
	for i, p := range pieces {
		lens[i] = utf8.RuneCountInString(p)
	}
	return lens
}

// decodeBytewise returns s with each byte that is not part of a valid UTF-8
// sequence replaced with U+FFFD, as a decoder reads it.
func decodeBytewise(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// TestInvalidUTF8 checks the documented rule: for pre-tokenization each
// invalid byte is one rune U+FFFD (so the pieces, counted in runes, are those
// of the decoded text; test/tokens checks that they are the reference's), and
// BPE runs on the original bytes, in which every byte is a token.
func TestInvalidUTF8(t *testing.T) {
	for _, e := range allEncodings {
		v := e.vocab()
		for _, s := range tokenstest.InvalidUTF8() {
			pieces := Pieces(e, s)
			require.Equal(t, s, strings.Join(pieces, ""), "%v pieces of %q", e, s)
			require.Equal(t, runeLens(Pieces(e, decodeBytewise(s))), runeLens(pieces), "%v pieces of %q", e, s)
			n := Count(e, s)
			assert.Equal(t, n, Count(e, s), "deterministic")
			assert.GreaterOrEqual(t, n, len(pieces), "%v %q", e, s)
			assert.LessOrEqual(t, n, len(s), "%v %q", e, s)
			sum := 0
			for _, p := range pieces {
				if strings.ContainsRune(p, utf8.RuneError) {
					assert.GreaterOrEqual(t, v.countPiece(p), 1)
				}
				if v.rank(p) == noRank {
					sum += naiveMerge(v, p)
				} else {
					sum++
				}
			}
			assert.Equal(t, sum, n, "%v %q", e, s)
		}
	}
}
