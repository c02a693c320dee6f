// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"strings"
	"testing"

	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// allEncodings are the encodings every test runs with.
var allEncodings = []Encoding{O200kBase, Cl100kBase}

func TestParseEncoding(t *testing.T) {
	for _, tc := range []struct {
		name string
		want Encoding
		ok   bool
	}{
		{"o200k_base", O200kBase, true},
		{"cl100k_base", Cl100kBase, true},
		{"p50k_base", 0, false},
		{"O200K_BASE", 0, false},
		{"", 0, false},
	} {
		got, ok := ParseEncoding(tc.name)
		assert.Equal(t, tc.ok, ok, tc.name)
		assert.Equal(t, tc.want, got, tc.name)
		if ok {
			assert.Equal(t, tc.name, got.String())
		}
	}
	assert.Equal(t, "Encoding(0)", Encoding(0).String())
	assert.Equal(t, "Encoding(9)", Encoding(9).String())
	assert.Panics(t, func() { Count(Encoding(0), "x") })
	assert.Panics(t, func() { Pieces(Encoding(0), "x") })
	assert.Panics(t, func() { Pieces(Encoding(9), "x") })
}

// TestPieces checks Pieces on texts whose pieces follow from the patterns
// (test/tokens compares them with the reference's on many more), and that the
// pieces of every corpus text make up the text and add up to its Count.
func TestPieces(t *testing.T) {
	for _, tc := range []struct {
		e    Encoding
		text string
		want []string
	}{
		{O200kBase, "", nil},
		{O200kBase, "I'm 12345 tokens!!\n\n", []string{"I'm", " ", "123", "45", " tokens", "!!\n\n"}},
		{Cl100kBase, "I'm 12345 tokens!!\n\n", []string{"I", "'m", " ", "123", "45", " tokens", "!!\n\n"}},
		{O200kBase, "HTTPServer's  x", []string{"HTTPServer's", " ", " x"}},
		{Cl100kBase, "HTTPServer's  x", []string{"HTTPServer", "'s", " ", " x"}},
	} {
		assert.Equal(t, tc.want, Pieces(tc.e, tc.text), "%v %q", tc.e, tc.text)
	}
	for _, e := range allEncodings {
		v := e.vocab()
		for _, c := range tokenstest.Corpus() {
			pieces := Pieces(e, c.Text)
			require.Equal(t, c.Text, strings.Join(pieces, ""), "%v %s", e, c.Name)
			n := 0
			for _, p := range pieces {
				require.NotEmpty(t, p, "%v %s", e, c.Name)
				n += v.countPiece(p)
			}
			assert.Equal(t, Count(e, c.Text), n, "%v %s", e, c.Name)
		}
	}
}

func TestKnownCounts(t *testing.T) {
	// Counts published for tiktoken (its README and docs); they guard the
	// reference too.
	for _, tc := range []struct {
		e    Encoding
		text string
		want int
	}{
		{O200kBase, "", 0},
		{O200kBase, "hello world", 2},
		{Cl100kBase, "hello world", 2},
		{Cl100kBase, "tiktoken is great!", 6},
	} {
		assert.Equal(t, tc.want, Count(tc.e, tc.text), "%v %q", tc.e, tc.text)
	}
}

func TestVocabulary(t *testing.T) {
	for _, tc := range []struct {
		e    Encoding
		size int
	}{
		{O200kBase, 199998},
		{Cl100kBase, 100256},
	} {
		v := tc.e.vocab()
		require.Equal(t, tc.size, v.size)
		// The reference loader's map of every token to its rank.
		ranks, err := tiktoken_loader.NewOfflineLoader().LoadTiktokenBpe(encodings[tc.e].vocab.file)
		require.NoError(t, err)
		require.Len(t, ranks, tc.size)
		for tok, r := range ranks {
			if got := v.rank(tok); got != uint32(r) {
				require.Equal(t, uint32(r), got, "%v rank of %q", tc.e, tok)
			}
		}
		var pairs int
		for _, r := range v.pairs {
			if r != noRank {
				pairs++
			}
		}
		var wantPairs int
		for tok := range ranks {
			if len(tok) == 2 {
				wantPairs++
			}
		}
		assert.Equal(t, wantPairs, pairs)
		for _, s := range []string{"", "<|endoftext|>", "\xff\xff\xff", "zzzzzzzzzzzzzzzzzzzzqqq", strings.Repeat("a", maxTokenLen+1)} {
			assert.Equal(t, noRank, v.rank(s), "%q", s)
		}
	}
}
