// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens // import "github.com/otelcol-llm/otelcol-llm/internal/tokens"

import (
	"fmt"
	"strconv"
	"sync"
)

// Encoding identifies a tiktoken encoding. The zero value is not a valid
// Encoding; use the constants or ParseEncoding.
type Encoding uint8

const (
	// O200kBase is tiktoken's o200k_base encoding, used by gpt-4o, gpt-4.1,
	// gpt-5 and the o1, o3 and o4 models.
	O200kBase Encoding = iota + 1
	// Cl100kBase is tiktoken's cl100k_base encoding, used by gpt-4,
	// gpt-3.5-turbo and the text-embedding-3 models.
	Cl100kBase
)

// encodings holds the vocabulary of each Encoding, loaded on first use, and
// its pre-tokenizer: next returns the end of the piece that starts at s[i].
var encodings = [...]struct {
	name  string
	next  func(s string, i int) int
	vocab lazyVocab
}{
	O200kBase:  {name: "o200k_base", next: nextO200k, vocab: lazyVocab{file: "o200k_base.tiktoken"}},
	Cl100kBase: {name: "cl100k_base", next: nextCl100k, vocab: lazyVocab{file: "cl100k_base.tiktoken"}},
}

// lazyVocab loads a vocabulary on first use.
type lazyVocab struct {
	file string
	once sync.Once
	v    *vocab
}

// get returns the vocabulary, loading it (and the character classes) once.
func (l *lazyVocab) get() *vocab {
	l.once.Do(func() {
		initClasses()
		v, err := loadVocab(l.file)
		if err != nil {
			// The vocabularies are embedded in the binary and verified by
			// the tests, so this cannot happen in a correct build.
			panic(fmt.Sprintf("tokens: loading %s: %v", l.file, err))
		}
		l.v = v
	})
	return l.v
}

// ParseEncoding returns the Encoding named name ("o200k_base" or
// "cl100k_base") and whether the name is known.
func ParseEncoding(name string) (Encoding, bool) {
	for e := O200kBase; e <= Cl100kBase; e++ {
		if encodings[e].name == name {
			return e, true
		}
	}
	return 0, false
}

// String returns the tiktoken name of the encoding, such as "o200k_base".
func (e Encoding) String() string {
	if e.valid() {
		return encodings[e].name
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

func (e Encoding) valid() bool {
	return e >= O200kBase && e <= Cl100kBase
}

// vocab returns the vocabulary of e, loading it on first use.
func (e Encoding) vocab() *vocab {
	if !e.valid() {
		panic(fmt.Sprintf("tokens: invalid %v", e))
	}
	return encodings[e].vocab.get()
}

// Count returns the number of tokens that tiktoken's encode_ordinary produces
// for text with encoding e: special tokens such as "<|endoftext|>" are counted
// as ordinary text. Invalid UTF-8 is handled as described in the package
// documentation. The first call for an encoding loads its vocabulary; Count
// is safe for concurrent use and does not allocate after that. Count panics
// if e is not a valid Encoding.
func Count(e Encoding, text string) int {
	v, next := e.vocab(), encodings[e].next
	n := 0
	for i := 0; i < len(text); {
		j := next(text, i)
		n += v.countPiece(text[i:j])
		i = j
	}
	return n
}

// Pieces returns the pieces that encoding e's pre-tokenizer splits text into,
// in order, as tiktoken's pattern for e matches them: words with an optional
// leading space or punctuation character, contractions such as "'s", groups
// of up to three digits, runs of punctuation and runs of whitespace. Their
// concatenation is text, no token spans two pieces, and Count is the sum of
// the token counts of the pieces, so Pieces shows where the token boundaries
// of a text may fall and which parts of it a count comes from. Invalid UTF-8 is handled as described in the
// package documentation. Unlike Count, Pieces does not load the vocabulary; it
// allocates the returned slice. Pieces panics if e is not a valid Encoding.
func Pieces(e Encoding, text string) []string {
	if !e.valid() {
		panic(fmt.Sprintf("tokens: invalid %v", e))
	}
	initClasses()
	next := encodings[e].next
	var pieces []string
	for i := 0; i < len(text); {
		j := next(text, i)
		pieces = append(pieces, text[i:j])
		i = j
	}
	return pieces
}
