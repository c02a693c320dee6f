// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"strings"
	"testing"
	"unicode"
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
