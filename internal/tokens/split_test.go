// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// TestClasses checks the classification of every rune against the very
// tables that regexp2 consults for the classes of the patterns.
func TestClasses(t *testing.T) {
	initClasses()
	cat := func(name string, r rune) bool { return unicode.Is(unicode.Categories[name], r) }
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := computeClass(r)
		if r < rune(len(classTable)) && classTable[r] != c {
			t.Fatalf("%U: table class %b, computed %b", r, classTable[r], c)
		}
		if r < 128 && asciiClass[r] != c {
			t.Fatalf("%U: ascii class %b, computed %b", r, asciiClass[r], c)
		}
		newline := r == '\r' || r == '\n'
		letter := cat("L", r)
		number := cat("N", r)
		space := unicode.IsSpace(r)
		for _, check := range []struct {
			class string
			want  bool
			set   uint8
		}{
			{`\p{L}`, letter, setL},
			{`\p{N}`, number, cNum},
			{`\s`, space, setS},
			{`[\r\n]`, newline, cNewline},
			{`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`, cat("Lu", r) || cat("Lt", r) || cat("Lm", r) || cat("Lo", r) || cat("M", r), setU},
			{`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`, cat("Ll", r) || cat("Lm", r) || cat("Lo", r) || cat("M", r), setW},
			{`[^\r\n\p{L}\p{N}]`, !newline && !letter && !number, setP},
			{`[^\s\p{L}\p{N}]`, !space && !letter && !number, setQ},
		} {
			if got := c&check.set != 0; got != check.want {
				t.Fatalf("%U in %s: got %v, want %v (class %b)", r, check.class, got, check.want, c)
			}
		}
	}
}

// TestContractionCaseFolding checks that regexp2's case-insensitive match
// of the contractions accepts only the ASCII letters, as contraction assumes.
func TestContractionCaseFolding(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); r >= 128 && strings.ContainsRune("'strevmld", l) {
			t.Errorf("unicode.ToLower(%U) = %q", r, l)
		}
	}
}

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
					if got, want := split(e, s), refSplit(t, e, s); !slices.Equal(got, want) {
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

// randomRunes is a larger alphabet for TestSplitRandom, weighted towards the
// runes that matter to the patterns.
var randomRunes = []rune("aaaaAAAsSlLdDtTmMrRvVeE'''   \t\n\n\r\u00a0\u3000\u2028\u0085" +
	"1234½٣!?./////-_\"(){}<>#\u0301\u0308\u0903\u20dd中文ʰʲǅǈДдéÉ😀👍🏽\u200d\ufffd\x00\x7f")

func TestSplitRandom(t *testing.T) {
	n := 20000
	if testing.Short() || raceEnabled {
		n = 5000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(16) {
			b.WriteRune(randomRunes[rng.IntN(len(randomRunes))])
		}
		s := b.String()
		for _, e := range allEncodings {
			if got, want := split(e, s), refSplit(t, e, s); !slices.Equal(got, want) {
				require.Equal(t, want, got, "%v split of %q", e, s)
			}
		}
	}
}
