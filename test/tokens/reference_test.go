// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"github.com/pkoukk/tiktoken-go"
	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
)

// This file holds the reference implementation: tiktoken-go with the offline
// vocabularies, and the pre-tokenization regular expressions it compiles with
// regexp2 (copied from its encoding.go, v0.1.8).

var allEncodings = []tokens.Encoding{tokens.O200kBase, tokens.Cl100kBase}

var refPatterns = map[tokens.Encoding]string{
	tokens.O200kBase: `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?` +
		`|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?` +
		`|\p{N}{1,3}` +
		`| ?[^\s\p{L}\p{N}]+[\r\n/]*` +
		`|\s*[\r\n]+` +
		`|\s+(?!\S)` +
		`|\s+`,
	tokens.Cl100kBase: `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
}

var (
	refOnce    sync.Once
	refEncs    map[tokens.Encoding]*tiktoken.Tiktoken
	refRegexps map[tokens.Encoding]*regexp2.Regexp
)

func loadReference(tb testing.TB) {
	tb.Helper()
	refOnce.Do(func() {
		tiktoken.SetBpeLoader(tiktoken_loader.NewOfflineLoader())
		refEncs = map[tokens.Encoding]*tiktoken.Tiktoken{}
		refRegexps = map[tokens.Encoding]*regexp2.Regexp{}
		for _, e := range allEncodings {
			enc, err := tiktoken.GetEncoding(e.String())
			if err != nil {
				panic(err)
			}
			refEncs[e] = enc
			refRegexps[e] = regexp2.MustCompile(refPatterns[e], regexp2.None)
		}
	})
	require.NotNil(tb, refEncs)
}

// refCount is the number of tokens of the reference's EncodeOrdinary.
func refCount(tb testing.TB, e tokens.Encoding, text string) int {
	tb.Helper()
	loadReference(tb)
	return len(refEncs[e].EncodeOrdinary(text))
}

// refSplitRunes returns the rune lengths of the pieces of the reference
// pre-tokenizer. regexp2 works on runes: an invalid UTF-8 byte is one U+FFFD.
func refSplitRunes(tb testing.TB, e tokens.Encoding, text string) []int {
	tb.Helper()
	loadReference(tb)
	var lens []int
	m, err := refRegexps[e].FindStringMatch(text)
	for m != nil && err == nil {
		lens = append(lens, m.Length)
		m, err = refRegexps[e].FindNextMatch(m)
	}
	require.NoError(tb, err)
	return lens
}

// refSplit returns the pieces of the reference pre-tokenizer of valid UTF-8.
func refSplit(tb testing.TB, e tokens.Encoding, text string) []string {
	tb.Helper()
	runes := []rune(text)
	var pieces []string
	pos := 0
	for _, n := range refSplitRunes(tb, e, text) {
		pieces = append(pieces, string(runes[pos:pos+n]))
		pos += n
	}
	return pieces
}

// splitRunes returns the rune lengths of our pieces, counting each invalid
// byte as one rune.
func splitRunes(e tokens.Encoding, text string) []int {
	var lens []int
	for _, p := range tokens.Pieces(e, text) {
		lens = append(lens, utf8.RuneCountInString(p))
	}
	return lens
}

// requireSameAsReference checks the pieces and the count of text against the
// reference.
func requireSameAsReference(tb testing.TB, e tokens.Encoding, text string) {
	tb.Helper()
	require.Equal(tb, refSplit(tb, e, text), tokens.Pieces(e, text), "%v split of %q", e, text)
	require.Equal(tb, refCount(tb, e, text), tokens.Count(e, text), "%v count of %q", e, text)
}
