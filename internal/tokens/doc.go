// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package tokens counts the tokens of a text exactly as OpenAI's tiktoken
// does, offline and without allocating, for the encodings o200k_base (gpt-4o,
// gpt-4.1, gpt-5, o1, o3, o4) and cl100k_base (gpt-4, gpt-3.5-turbo,
// text-embedding-3-*). The llm_cost processor uses it to estimate the token
// counts of LLM calls that report none.
//
// # What is counted
//
// Count returns the length of tiktoken's encode_ordinary: special tokens such
// as "<|endoftext|>" are counted as the ordinary text they are made of. Like
// tiktoken, it splits the text into pieces with the encoding's
// pre-tokenization pattern (Pieces returns them), then counts the tokens of
// each piece with byte pair encoding over the encoding's ranks (a piece that
// is itself a token counts one).
//
// The patterns are not run by a regular expression engine: a hand-written
// scanner reproduces the matches of the backtracking engine, alternative by
// alternative, including the \s+(?!\S) lookahead, the case-insensitive
// contractions ('s, 't, 're, 've, 'm, 'll, 'd), the \p{N}{1,3} digit groups
// and the optional [^\r\n\p{L}\p{N}] prefix of words. Characters are
// classified with the Unicode tables of the Go standard library, the same
// tables the reference uses. Pieces of up to 64 bytes are merged with
// tiktoken's own algorithm; longer ones with an equivalent O(n log n)
// algorithm on a heap.
//
// # Exactness
//
// The tests in the test module (test/tokens, so that this module does not
// depend on the reference) compare the counts and the pieces with the
// reference implementation, github.com/pkoukk/tiktoken-go with the offline
// vocabularies: on a corpus of English prose, code, JSON, whitespace of all
// kinds, contractions, numbers, URLs, many scripts, combining marks, emoji
// and long runs of one character; the pieces also on every string of up to
// five characters over several alphabets chosen to exercise each alternative
// of the patterns, and on random strings; and two fuzz tests (FuzzCount,
// FuzzMixedRunes) compare both on arbitrary valid UTF-8. This package's own
// tests check the class of every rune against the Unicode tables and the
// merge algorithms against a naive definition of byte pair encoding. Both
// test packages take their texts from package tokenstest.
//
// The reference runs the same patterns as OpenAI's Python tiktoken but with
// Go's Unicode tables (Unicode 15.0.0) and regexp2's case-insensitivity
// (unicode.ToLower), and so does this package. Python's tiktoken, whose
// regular expressions are Rust's, may therefore split differently around
// characters assigned after Unicode 15.0, and around "'ſ" (U+017F, long s),
// which Unicode case folding equates with "'s" (not verified here).
//
// # Invalid UTF-8
//
// Go strings may hold invalid UTF-8. For pre-tokenization each byte that is
// not part of a valid UTF-8 sequence is one character of category So, like
// U+FFFD, which is what a decoder makes of it (so the pieces are those
// tiktoken makes of the decoded text); byte pair encoding then runs on the
// original bytes. Every single byte is a token of both vocabularies, so the
// count is always defined and is at least one per piece.
//
// # Memory and speed
//
// A vocabulary is loaded on the first Count with its encoding, so an idle
// process pays nothing. o200k_base then retains 5.6 MiB of heap and takes
// about 40 ms to load, cl100k_base 2.9 MiB and 15 ms: all token bytes are kept
// in one arena, indexed by an open-addressing hash table of packed 64-bit
// slots, plus a table of the ranks of all byte pairs. A static table of 128
// KiB, filled on first use, classifies the characters of the first two
// Unicode planes. Count does not allocate and is safe for concurrent use; it
// processes about 100 MB/s of English prose on one core, some 40 times the
// reference's speed. Pieces must be shorter than 4 GiB.
//
// # Vocabularies
//
// The vocabularies are OpenAI's o200k_base.tiktoken and cl100k_base.tiktoken,
// read from the files embedded in github.com/pkoukk/tiktoken-go-loader/assets
// (MIT licence); they are not copied into this repository.
package tokens // import "github.com/otelcol-llm/otelcol-llm/internal/tokens"
