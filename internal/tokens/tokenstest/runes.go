// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokenstest

import "math/rand/v2"

// RandomRunes is an alphabet weighted towards the runes that matter to the
// pre-tokenization patterns: letters of each case and the contraction letters,
// apostrophes, spaces of several kinds, newlines, digits and other numbers,
// punctuation and slashes, combining marks, CJK, modifier and title-case
// letters, emoji, a zero-width joiner, U+FFFD and control characters.
var RandomRunes = []rune("aaaaAAAsSlLdDtTmMrRvVeE'''   \t\n\n\r\u00a0\u3000\u2028\u0085" +
	"1234½٣!?./////-_\"(){}<>#\u0301\u0308\u0903\u20dd中文ʰʲǅǈДдéÉ😀👍🏽\u200d\ufffd\x00\x7f")

// MixedRunes maps each byte of data to a rune of RandomRunes, so that a fuzzer
// explores mixes of those runes instead of mostly invalid UTF-8.
func MixedRunes(data []byte) string {
	runes := make([]rune, len(data))
	for i, b := range data {
		runes[i] = RandomRunes[int(b)%len(RandomRunes)]
	}
	return string(runes)
}

// RandomBytes returns n bytes drawn from alphabet.
func RandomBytes(rng *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}
