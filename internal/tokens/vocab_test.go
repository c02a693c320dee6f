// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tiktokenFile returns a vocabulary in the .tiktoken format: the 256 single
// bytes, then extra, ranked in order.
func tiktokenFile(extra ...string) string {
	var b strings.Builder
	rank := 0
	add := func(tok string) {
		fmt.Fprintf(&b, "%s %d\n", base64.StdEncoding.EncodeToString([]byte(tok)), rank)
		rank++
	}
	for c := range 256 {
		add(string([]byte{byte(c)}))
	}
	for _, tok := range extra {
		add(tok)
	}
	return b.String()
}

func TestParseVocab(t *testing.T) {
	file := tiktokenFile("ab", "abc", "bc", "abcd")
	v, err := parseVocab(strings.NewReader(file), len(file))
	require.NoError(t, err)
	assert.Equal(t, 260, v.size)
	assert.Equal(t, uint32(256), v.rank("ab"))
	assert.Equal(t, uint32(257), v.rank("abc"))
	assert.Equal(t, uint32(259), v.rank("abcd"))
	assert.Equal(t, noRank, v.rank("abcde"))
	assert.Equal(t, uint32('x'), v.rank("x"))
	// "abcd": ab (256) first, then abc (257), then abcd (259).
	assert.Equal(t, 1, v.countPiece("abcd"))
	assert.Equal(t, 2, v.mergeSmall("abcdx"))
	assert.Equal(t, 2, v.mergeLarge("abcdx"))

	// No final newline, CRLF line endings and a small size hint.
	file = strings.ReplaceAll(strings.TrimSuffix(tiktokenFile("hello"), "\n"), "\n", "\r\n")
	v, err = parseVocab(strings.NewReader(file), 10)
	require.NoError(t, err)
	assert.Equal(t, uint32(256), v.rank("hello"))
}

func TestParseVocabErrors(t *testing.T) {
	long := strings.Repeat("x", maxTokenLen+1)
	for _, tc := range []struct {
		name string
		file string
		err  string
	}{
		{"empty", "", "only 0 tokens"},
		{"bytes missing", strings.Join(strings.SplitAfter(tiktokenFile(), "\n")[:100], ""), "only 100 tokens"},
		{"no rank", tiktokenFile() + "YWI=\n", "no rank"},
		{"bad rank", tiktokenFile() + "YWI= 2x6\n", "bad rank"},
		{"empty rank", tiktokenFile() + "YWI= \n", "rank"},
		{"wrong rank", tiktokenFile() + "YWI= 300\n", "want 256"},
		{"bad base64", tiktokenFile() + "!!!! 256\n", "illegal base64"},
		{"empty token", tiktokenFile() + " 256\n", "token of 0 bytes"},
		{"long token", tiktokenFile(long), "token of 129 bytes"},
		{"duplicate", tiktokenFile("ab", "ab"), "duplicate token"},
		{"byte not a token", strings.Replace(tiktokenFile("ab"), base64.StdEncoding.EncodeToString([]byte{7}), base64.StdEncoding.EncodeToString([]byte("zz")), 1), "byte 0x7"},
	} {
		_, err := parseVocab(strings.NewReader(tc.file), len(tc.file))
		assert.ErrorContains(t, err, tc.err, tc.name)
	}
}

func TestTrim(t *testing.T) {
	s := make([]int, 10, 100)
	assert.Equal(t, 10, cap(trim(s)))
	s = make([]int, 95, 100)
	assert.Equal(t, 95, cap(trim(s)))
}
