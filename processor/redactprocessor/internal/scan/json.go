// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "unicode"

// Text that holds JSON (gen_ai.input.messages, tool arguments, a JSON log
// body) must stay valid JSON after redaction. Three rules keep it so:
//
//   - no match contains a quote or splits an escape sequence: detections
//     start after an escape (the "\n" before "jane@…" is not part of the
//     address), stop before a backslash, and end at quotes;
//   - a JSON escape that stands for a separator (\n, \t, \u0020, …) is a
//     word boundary, so "line1\n4111…" is scanned like "line1 4111…". JSON
//     inside a JSON string escapes its escapes ("\\n"): any run of
//     backslashes before an escape letter counts, so tool arguments are
//     scanned as well;
//   - a redacted bare JSON number ("card": 4111111111111111) becomes a
//     quoted placeholder, but only outside strings of a JSON document (a
//     text that starts with '{' or '[', or is nothing but the number).

// runStart returns where the run of backslashes ending at s[j] starts.
func runStart(s string, j int) int {
	for j > 0 && s[j-1] == '\\' {
		j--
	}
	return j
}

func hexVal(c byte) (rune, bool) {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0'), true
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return rune(c|0x20-'a') + 10, true
	}
	return 0, false
}

// hex4 decodes the four hex digits of a \u escape.
func hex4(s string) (rune, bool) {
	var r rune
	for k := range 4 {
		v, ok := hexVal(s[k])
		if !ok {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

var simpleEscapes = [256]rune{'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '"': '"', '\\': '\\'}

// escapeAt reports whether s[i] is the letter of an escape sequence (the
// byte after a run of backslashes: an escape at any level of nesting); it
// returns the end of the sequence and the character it stands for.
func escapeAt(s string, i int) (end int, r rune, ok bool) {
	if i == 0 || i >= len(s) || s[i-1] != '\\' {
		return 0, 0, false
	}
	if s[i] == 'u' {
		if i+5 <= len(s) {
			if r, ok := hex4(s[i+1 : i+5]); ok {
				return i + 5, r, true
			}
		}
		return 0, 0, false
	}
	if r := simpleEscapes[s[i]]; r != 0 {
		return i + 1, r, true
	}
	return 0, 0, false
}

// escapeBefore reports whether s[:i] ends with an escape sequence and
// returns the character it stands for.
func escapeBefore(s string, i int) (rune, bool) {
	if i >= 2 && s[i-2] == '\\' {
		if r := simpleEscapes[s[i-1]]; r != 0 && s[i-1] != '\\' {
			return r, true
		}
	}
	if i >= 6 && s[i-6] == '\\' && s[i-5] == 'u' {
		return hex4(s[i-4 : i])
	}
	return 0, false
}

// boundaryBefore reports whether a word-like detection may start at i: at
// the start of the text, after a byte that is not part of a word, or after
// an escape sequence standing for a character that is not.
func boundaryBefore(s string, i int) bool {
	return i == 0 || !isWord(s[i-1]) || escapedBoundary(s, i)
}

func escapedBoundary(s string, i int) bool {
	if (i < 2 || s[i-2] != '\\') && (i < 6 || s[i-6] != '\\') {
		return false
	}
	if r, ok := escapeBefore(s, i); ok {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}
	return false
}

// jsonCursor tracks whether successive, increasing positions of one text
// are inside a JSON string.
type jsonCursor struct {
	pos   int
	inStr bool
}

func (c *jsonCursor) inString(s string, p int) bool {
	for ; c.pos < p; c.pos++ {
		switch b := s[c.pos]; {
		case c.inStr && b == '\\':
			c.pos++
		case b == '"':
			c.inStr = !c.inStr
		}
	}
	return c.inStr
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// jsonNumber reports whether t is a JSON number.
func jsonNumber(t string) bool {
	k := 0
	if k < len(t) && t[k] == '-' {
		k++
	}
	d := k
	for k < len(t) && isDigit(t[k]) {
		k++
	}
	if k == d || (t[d] == '0' && k-d > 1) {
		return false
	}
	if k < len(t) && t[k] == '.' {
		k++
		d = k
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		if k == d {
			return false
		}
	}
	if k < len(t) && (t[k] == 'e' || t[k] == 'E') {
		k++
		if k < len(t) && (t[k] == '+' || t[k] == '-') {
			k++
		}
		d = k
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		if k == d {
			return false
		}
	}
	return k == len(t)
}

// bareJSONNumber reports whether s[start:end] (with a '-' just before it)
// stands as a bare number where a JSON value would, outside any string of a
// JSON document; it returns where the number starts.
func bareJSONNumber(s string, start, end int, cur *jsonCursor) (int, bool) {
	if start > 0 && s[start-1] == '-' {
		start--
	}
	if !jsonNumber(s[start:end]) {
		return 0, false
	}
	i := start - 1
	for i >= 0 && isSpace(s[i]) {
		i--
	}
	j := end
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	whole := i < 0 && j == len(s)
	if !whole {
		if i < 0 || (s[i] != ':' && s[i] != '[' && s[i] != ',') {
			return 0, false
		}
		if j < len(s) && s[j] != ',' && s[j] != ']' && s[j] != '}' {
			return 0, false
		}
		k := 0
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if s[k] != '{' && s[k] != '[' {
			return 0, false
		}
		if cur.inString(s, start) {
			return 0, false
		}
	}
	return start, true
}
