// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var invalidUTF8 = []string{
	"\xff",
	"\x80",
	"a\xffb",
	"\xff\xfe\xfd",
	" \xff",
	"\xe2\x82",         // truncated 3-byte sequence
	"\xe2\x82 euro",    // truncated, then text
	"\xc0\x80",         // overlong NUL
	"\xed\xa0\x80",     // UTF-16 surrogate
	"\xf4\x90\x80\x80", // beyond U+10FFFF
	"hello\xffworld",
	"it\xff's",
	"'\xffs",
	"1\xff2\xff3",
	"\n\xff\n",
	"e\xcc",         // truncated combining mark
	"\xcc\x81\xcc",  // mark then truncated mark
	"ÀB\xc3",        // truncated letter after letters
	"\xff\u0301abc", // invalid byte used as a prefix
	strings.Repeat("\xff", 1000),
	strings.Repeat("a\x80", 500),
}

// TestInvalidUTF8 checks the documented rule: for pre-tokenization each
// invalid byte is one rune U+FFFD (so the pieces, counted in runes, are those
// of the reference, which decodes the same way), and BPE runs on the original
// bytes, in which every byte is a token.
func TestInvalidUTF8(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	cases := append([]string(nil), invalidUTF8...)
	for range 300 {
		b := []byte(mixedRunes([]byte(randomPiece(rng, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", 1+rng.IntN(12)))))
		for range 1 + rng.IntN(3) {
			b[rng.IntN(len(b))] = byte(0x80 + rng.IntN(0x80))
		}
		cases = append(cases, string(b))
	}
	for _, e := range allEncodings {
		v := e.vocab()
		for _, s := range cases {
			require.Equal(t, refSplitRunes(t, e, s), splitRunes(e, s), "%v split of %q", e, s)
			n := Count(e, s)
			assert.Equal(t, n, Count(e, s), "deterministic")
			pieces := split(e, s)
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
