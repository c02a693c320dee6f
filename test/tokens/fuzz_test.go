// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"testing"
	"unicode/utf8"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// maxFuzzLen bounds the fuzzed texts: the reference is slow on long ones,
// which stalls the minimisation of new inputs, and the corpus test covers
// long texts.
const maxFuzzLen = 2048

// FuzzCount compares the split and the count of both encodings with the
// reference. Invalid UTF-8 is skipped: the reference replaces it with U+FFFD
// before encoding, see TestInvalidUTF8 for our rule.
func FuzzCount(f *testing.F) {
	for _, c := range tokenstest.Corpus() {
		if len(c.Text) <= 256 {
			f.Add(c.Text)
		}
	}
	for _, s := range edgeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("invalid UTF-8")
		}
		if len(text) > maxFuzzLen {
			t.Skip("long input")
		}
		for _, e := range allEncodings {
			requireSameAsReference(t, e, text)
		}
	})
}

// FuzzMixedRunes maps each input byte to a rune of RandomRunes, so that the
// fuzzer explores mixes of the characters that matter to the patterns
// (letters of each case, marks, digits, spaces, newlines, apostrophes,
// punctuation, emoji) instead of mostly invalid UTF-8.
func FuzzMixedRunes(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte("hello world, it's 2024!\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzLen/4 {
			t.Skip("long input")
		}
		text := tokenstest.MixedRunes(data)
		for _, e := range allEncodings {
			requireSameAsReference(t, e, text)
		}
	})
}

// edgeCases are hand-picked inputs for the branches of the scanner; they seed
// the fuzzers and run in TestEdgeCases. Add here any input on which a fuzzer
// finds a mismatch (none so far).
var edgeCases = []string{
	"'",
	"A'S",
	" \u0301",
	"\u0301A",
	"\u0301ABC ",  // a mark, then capitals: A1 matches the mark alone
	"\u0301ABCd",  // a mark, then a capitalised word
	"!ABC'S",      // a prefix, capitals and a contraction
	"ABʰC'd",      // backtracking into the capitals to a modifier letter
	"Aʰ\u0301B's", // the last rune of the capitals that is in both classes
	"x \u00a0\ny",
	" \t\n \t",
	"a \r\n\r\n  b",
	"1234567'll",
	"?'re",
	" '''",
	"!!\n/\n/x",
	" !\r/",
	"𠀀𠀁 𝐀𝐁𝐚 \U000E0041\U000E0042 \U0001F600", // runes beyond the class table
}

func TestEdgeCases(t *testing.T) {
	for _, s := range edgeCases {
		for _, e := range allEncodings {
			requireSameAsReference(t, e, s)
		}
	}
}
