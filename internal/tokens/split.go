// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens // import "github.com/otelcol-llm/otelcol-llm/internal/tokens"

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file is the pre-tokenizer: a hand-written scanner that splits text into
// the same pieces as tiktoken's regular expressions, evaluated with the
// leftmost-first, backtracking semantics of the reference engine (regexp2,
// like Python's regex and Rust's fancy-regex):
//
// o200k_base, alternatives A1..A7:
//
//	A1 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	A2 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	A3 \p{N}{1,3}
//	A4  ?[^\s\p{L}\p{N}]+[\r\n/]*
//	A5 \s*[\r\n]+
//	A6 \s+(?!\S)
//	A7 \s+
//
// cl100k_base, alternatives B1..B7:
//
//	B1 (?i:'s|'t|'re|'ve|'m|'ll|'d)
//	B2 [^\r\n\p{L}\p{N}]?\p{L}+
//	B3 \p{N}{1,3}
//	B4  ?[^\s\p{L}\p{N}]+[\r\n]*
//	B5 \s*[\r\n]+
//	B6 \s+(?!\S)
//	B7 \s+
//
// Every rune falls in exactly one of the classes below; each character class
// of the patterns is a union of them. An invalid UTF-8 byte is classified as
// cOther, exactly like U+FFFD (category So), which is what a decoder makes of
// it.

// Character classes; each is one bit so that sets are masks.
const (
	cOther   uint8 = 1 << iota // not a letter, mark, number or space: punctuation, symbols, controls, invalid bytes
	cMark                      // \p{M}
	cUpper                     // \p{Lu}, \p{Lt}
	cLower                     // \p{Ll}
	cLetter                    // \p{Lm}, \p{Lo}
	cNum                       // \p{N}
	cSpace                     // \s (unicode.IsSpace) except \r and \n
	cNewline                   // \r, \n
)

// Sets of classes used by the patterns.
const (
	// setL is \p{L}.
	setL = cUpper | cLower | cLetter
	// setU is [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}].
	setU = cUpper | cLetter | cMark
	// setW is [\p{Ll}\p{Lm}\p{Lo}\p{M}].
	setW = cLower | cLetter | cMark
	// setP is [^\r\n\p{L}\p{N}].
	setP = cOther | cMark | cSpace
	// setQ is [^\s\p{L}\p{N}].
	setQ = cOther | cMark
	// setS is \s.
	setS = cSpace | cNewline
)

// asciiClass classifies the ASCII runes; it is tiny and built at init.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = computeClass(r)
	}
	return t
}()

// classTable classifies the runes below U+20000: the Basic Multilingual Plane
// and the Supplementary Multilingual Plane with the emoji. It lives in
// zero-initialised static memory and is filled on first use by initClasses;
// rarer runes are classified with computeClass.
var (
	classTable     [0x20000]uint8
	classTableOnce sync.Once
)

// initClasses fills classTable. It must have returned before any scanner runs
// (Count calls it through the vocabulary's sync.Once). Walking the Unicode
// range tables is much faster than classifying rune by rune.
func initClasses() {
	classTableOnce.Do(func() {
		for i := range classTable {
			classTable[i] = cOther
		}
		for _, c := range []struct {
			class  uint8
			tables []*unicode.RangeTable
		}{
			{cUpper, []*unicode.RangeTable{unicode.Lu, unicode.Lt}},
			{cLower, []*unicode.RangeTable{unicode.Ll}},
			{cLetter, []*unicode.RangeTable{unicode.Lm, unicode.Lo}},
			{cMark, []*unicode.RangeTable{unicode.M}},
			{cNum, []*unicode.RangeTable{unicode.N}},
			{cSpace, []*unicode.RangeTable{unicode.White_Space}},
		} {
			for _, t := range c.tables {
				for _, r := range t.R16 {
					for x := int(r.Lo); x <= int(r.Hi); x += int(r.Stride) {
						classTable[x] = c.class
					}
				}
				for _, r := range t.R32 {
					for x := int(r.Lo); x <= int(r.Hi) && x < len(classTable); x += int(r.Stride) {
						classTable[x] = c.class
					}
				}
			}
		}
		// unicode.IsSpace is White_Space (TestClasses checks the whole
		// table against computeClass); asciiClass also separates \r and \n.
		copy(classTable[:utf8.RuneSelf], asciiClass[:])
	})
}

// computeClass classifies r with the same Unicode tables regexp2 uses for the
// \p{...} and \s classes of the patterns.
func computeClass(r rune) uint8 {
	switch {
	case r == '\r' || r == '\n':
		return cNewline
	case unicode.IsSpace(r):
		return cSpace
	case unicode.Is(unicode.Lu, r) || unicode.Is(unicode.Lt, r):
		return cUpper
	case unicode.Is(unicode.Ll, r):
		return cLower
	case unicode.Is(unicode.Lm, r) || unicode.Is(unicode.Lo, r):
		return cLetter
	case unicode.Is(unicode.M, r):
		return cMark
	case unicode.Is(unicode.N, r):
		return cNum
	default:
		return cOther
	}
}

// classAt returns the class and the byte length of the rune starting at s[i].
// i must be < len(s). An invalid byte is a 1-byte rune of class cOther.
func classAt(s string, i int) (uint8, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return asciiClass[b], 1
	}
	return classMultibyte(s[i:])
}

func classMultibyte(s string) (uint8, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r < rune(len(classTable)) {
		// This includes utf8.RuneError for an invalid byte (n == 1): cOther.
		return classTable[r], n
	}
	return computeClass(r), n
}

// nextO200k returns the end of the o200k_base piece starting at s[i]
// (i < len(s)); it is always > i.
func nextO200k(s string, i int) int {
	c0, n0 := classAt(s, i)
	j := i + n0
	// A1 with and without its optional prefix, then A2 likewise.
	if c0&setP != 0 && j < len(s) {
		if e := o200kA1(s, j); e >= 0 {
			return contraction(s, e)
		}
	}
	if c0&(setU|setW) != 0 {
		if e := o200kA1(s, i); e >= 0 {
			return contraction(s, e)
		}
	}
	if c0&setP != 0 && j < len(s) {
		if e := o200kA2(s, j); e >= 0 {
			return contraction(s, e)
		}
	}
	if c0&setU != 0 {
		if e := o200kA2(s, i); e >= 0 {
			return contraction(s, e)
		}
	}
	return numbersPunctuationSpace(s, i, j, c0, true) // A3-A7
}

// o200kA1 matches [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+ at
// s[j] (j < len(s)) with backtracking and returns the end of the match, or -1.
func o200kA1(s string, j int) int {
	// The greedy U* run; remember the end of its last rune that is also in W,
	// which is where W+ succeeds when the engine backtracks into U*.
	k, lastW := j, -1
	for k < len(s) {
		c, n := classAt(s, k)
		if c&setU == 0 {
			if c == cLower { // in W but not in U: W+ matches right after U*.
				return run(s, k+n, setW)
			}
			break
		}
		k += n
		if c&setW != 0 {
			lastW = k
		}
	}
	return lastW
}

// o200kA2 matches [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]* at
// s[j] (j < len(s)) and returns the end of the match, or -1.
func o200kA2(s string, j int) int {
	k := j
	for k < len(s) {
		c, n := classAt(s, k)
		if c&setU == 0 {
			break
		}
		k += n
	}
	if k == j {
		return -1
	}
	return run(s, k, setW)
}

// run returns the end of the run of characters in class set at s[k]: setW
// ([\p{Ll}\p{Lm}\p{Lo}\p{M}], o200k's word tail) or setL (\p{L}, cl100k's
// letters). ASCII bytes take the table path without decoding.
func run(s string, k int, set uint8) int {
	for k < len(s) {
		if b := s[k]; b < utf8.RuneSelf {
			if asciiClass[b]&set == 0 {
				return k
			}
			k++
			continue
		}
		c, n := classMultibyte(s[k:])
		if c&set == 0 {
			return k
		}
		k += n
	}
	return k
}

// contraction returns the end of (?i:'s|'t|'re|'ve|'m|'ll|'d)? at s[i].
// regexp2 compares unicode.ToLower of the input rune with the pattern, and no
// rune other than the ASCII letters lowers to one of these letters or to '.
func contraction(s string, i int) int {
	if i+1 >= len(s) || s[i] != '\'' {
		return i
	}
	switch s[i+1] | 0x20 {
	case 's', 't', 'm', 'd':
		return i + 2
	case 'r', 'v':
		if i+2 < len(s) && s[i+2]|0x20 == 'e' {
			return i + 3
		}
	case 'l':
		if i+2 < len(s) && s[i+2]|0x20 == 'l' {
			return i + 3
		}
	}
	return i
}

// numbers returns the end of \p{N}{1,3} whose first rune ends at k.
func numbers(s string, k int) int {
	for range 2 {
		if k >= len(s) {
			return k
		}
		c, n := classAt(s, k)
		if c != cNum {
			return k
		}
		k += n
	}
	return k
}

// punctuation returns the end of [^\s\p{L}\p{N}]+[\r\n/]* (o200k, slash true)
// or [^\s\p{L}\p{N}]+[\r\n]* (cl100k) at s[k], whose first rune is known to be
// in [^\s\p{L}\p{N}].
func punctuation(s string, k int, slash bool) int {
	for k < len(s) {
		c, n := classAt(s, k)
		if c&setQ == 0 {
			break
		}
		k += n
	}
	for k < len(s) && (s[k] == '\n' || s[k] == '\r' || (slash && s[k] == '/')) {
		k++
	}
	return k
}

// whitespace returns the end of \s*[\r\n]+|\s+(?!\S)|\s+ at s[i], whose first
// rune is known to be in \s.
func whitespace(s string, i int) int {
	k, lastNewline, lastStart, runes := i, -1, i, 0
	for k < len(s) {
		c, n := classAt(s, k)
		if c&setS == 0 {
			break
		}
		if c == cNewline {
			lastNewline = k + 1
		}
		lastStart = k
		runes++
		k += n
	}
	switch {
	case lastNewline >= 0:
		// \s*[\r\n]+: \s* backtracks to the last newline of the run.
		return lastNewline
	case k == len(s):
		// \s+(?!\S) at the end of the text.
		return k
	case runes >= 2:
		// \s+(?!\S) backtracks one rune so that a space follows.
		return lastStart
	default:
		// \s+: a single space rune before a non-space.
		return k
	}
}

// nextCl100k returns the end of the cl100k_base piece starting at s[i]
// (i < len(s)); it is always > i.
func nextCl100k(s string, i int) int {
	// B1.
	if s[i] == '\'' {
		if e := contraction(s, i); e > i {
			return e
		}
	}
	c0, n0 := classAt(s, i)
	j := i + n0
	// B2 with its optional prefix; without it when the first rune is a letter.
	if c0&setP != 0 {
		if j < len(s) {
			if c1, _ := classAt(s, j); c1&setL != 0 {
				return run(s, j, setL)
			}
		}
	} else if c0&setL != 0 {
		return run(s, j, setL)
	}
	return numbersPunctuationSpace(s, i, j, c0, false) // B3-B7
}

// numbersPunctuationSpace matches the alternatives both patterns end with,
// at s[i] whose first rune has class c0 and ends at j: \p{N}{1,3}, then
// " ?[^\s\p{L}\p{N}]+" followed by [\r\n]* (o200k also takes '/'), then
// the whitespace alternatives.
func numbersPunctuationSpace(s string, i, j int, c0 uint8, o200k bool) int {
	if c0 == cNum {
		return numbers(s, j)
	}
	if s[i] == ' ' && j < len(s) {
		if c1, _ := classAt(s, j); c1&setQ != 0 {
			return punctuation(s, j, o200k)
		}
	}
	if c0&setQ != 0 {
		return punctuation(s, i, o200k)
	}
	return whitespace(s, i)
}
