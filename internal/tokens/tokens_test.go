// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"strings"
	"testing"

	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
}

func TestCorpusMatchesReference(t *testing.T) {
	for _, e := range allEncodings {
		for _, c := range corpus() {
			t.Run(e.String()+"/"+c[0], func(t *testing.T) {
				requireSameAsReference(t, e, c[1])
			})
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
