// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokenstest

import (
	"math/rand/v2"
	"strings"
)

// invalidUTF8 are hand-picked texts with invalid UTF-8.
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

// InvalidUTF8 returns texts with invalid UTF-8: the hand-picked ones, then 300
// random strings of 1 to 12 of the letters a, A, s, S, l, L, d and D (the first
// 13 RandomRunes) in which 1 to 3 bytes are replaced with a byte of 0x80-0xff.
// The seed is fixed: every call returns the same texts.
func InvalidUTF8() []string {
	rng := rand.New(rand.NewPCG(7, 8))
	cases := append([]string(nil), invalidUTF8...)
	for range 300 {
		b := []byte(MixedRunes([]byte(RandomBytes(rng, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", 1+rng.IntN(12)))))
		for range 1 + rng.IntN(3) {
			b[rng.IntN(len(b))] = byte(0x80 + rng.IntN(0x80))
		}
		cases = append(cases, string(b))
	}
	return cases
}
