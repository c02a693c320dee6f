// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

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
//     quoted placeholder, but only outside strings of a JSON document: a
//     text that is valid JSON, a line of one that is (JSON Lines), or a
//     text that is nothing but the number. Text that merely starts with
//     '[' (a chat export's "[12/11/2026, 23:59] Réka: card: 4111…, CVC")
//     gets no quotes.

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
	// doc is whether the whole text is valid JSON: 0 not yet known, 1 yes,
	// 2 no. It is computed once, for the first bare number found.
	doc uint8
}

// inDocument reports whether the number at s[p] is in a valid JSON value:
// the whole text, or else the line that holds it (JSON Lines).
func (c *jsonCursor) inDocument(s string, p int) bool {
	if c.doc == 0 {
		c.doc = 2
		if json.Valid(unsafe.Slice(unsafe.StringData(s), len(s))) {
			c.doc = 1
		}
	}
	if c.doc == 1 {
		return true
	}
	start := strings.LastIndexByte(s[:p], '\n') + 1
	end := strings.IndexByte(s[p:], '\n')
	if end < 0 {
		end = len(s)
	} else {
		end += p
	}
	line := s[start:end]
	return len(line) < len(s) && json.Valid(unsafe.Slice(unsafe.StringData(line), len(line)))
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
		if cur.inString(s, start) || !cur.inDocument(s, start) {
			return 0, false
		}
	}
	return start, true
}

// JSON encoders escape characters the detectors need to see: PHP and many
// Java and .NET encoders write '/' as \/ (https:\/\/hooks.slack.com\/…),
// Go writes '&', '<', '>' as \u0026, \u003c, \u003e (?a=b\u0026api_key=…),
// Python writes every non-ASCII character as \uXXXX (a phone glued to
// Japanese text: \u96fb\u8a71090-8765-1234). A text holding such escapes
// is scanned decoded: each escape of a printable character other than '"'
// and '\' (at any level of nesting: any run of backslashes before it) is
// replaced by the character, and the findings are mapped back to the
// original bytes. Only the matches are replaced, so the rest keeps the
// encoder's escaping, and a match never holds a quote or a backslash that
// was not part of an escape it covers whole: JSON stays valid.

// escSpan is one decoded escape: decoded s[dec:decEnd] stands for the
// original s[raw:rawEnd].
type escSpan struct{ dec, decEnd, raw, rawEnd int }

// unescaped is a text decoded for scanning, reusable between texts.
type unescaped struct {
	buf   []byte
	spans []escSpan
	// pct is the scratch space of percent-decoded tokens (percent.go),
	// made on first use.
	pct *unescaped
}

// pctScratch returns u's scratch space for percent-decoded tokens.
func (u *unescaped) pctScratch() *unescaped {
	if u.pct == nil {
		u.pct = new(unescaped)
	}
	return u.pct
}

// printableEscape reports whether the escape whose letter is at s[q] (after
// a run of backslashes) stands for a character that decoding may show:
// '/' or a \u escape of a printable character other than '"' and '\' (a
// surrogate pair as one). It returns the end of the escape and the
// character.
func printableEscape(s string, q int) (end int, r rune, ok bool) {
	n := len(s)
	if q >= n {
		return 0, 0, false
	}
	if s[q] == '/' {
		return q + 1, '/', true
	}
	if s[q] != 'u' || q+5 > n {
		return 0, 0, false
	}
	r, ok = hex4(s[q+1 : q+5])
	if !ok {
		return 0, 0, false
	}
	end = q + 5
	switch {
	case r < 0x20, r == '"', r == '\\', r >= 0x7f && r < 0xa0:
		return 0, 0, false
	case r >= 0xd800 && r < 0xdc00:
		// A high surrogate: decodable with the low one after it.
		if end+6 <= n && s[end] == '\\' {
			k := runOf(s, end, func(c byte) bool { return c == '\\' })
			if k+5 <= n && s[k] == 'u' {
				if lo, ok := hex4(s[k+1 : k+5]); ok && lo >= 0xdc00 && lo < 0xe000 {
					return k + 5, 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00), true
				}
			}
		}
		return 0, 0, false
	case r >= 0xdc00 && r < 0xe000:
		return 0, 0, false
	}
	return end, r, true
}

// firstPrintableEscape returns where the first escape printableEscape
// decodes starts (its first backslash) at or after the backslash at k, or
// -1.
func firstPrintableEscape(s string, k int) int {
	for k >= 0 {
		q := runOf(s, k, func(c byte) bool { return c == '\\' })
		if _, _, ok := printableEscape(s, q); ok {
			return k
		}
		j := strings.IndexByte(s[q:], '\\')
		if j < 0 {
			return -1
		}
		k = q + j
	}
	return -1
}

// decode returns s with its printable escapes decoded, the first at k.
// The result lives in u's buffer until the next decode.
func (u *unescaped) decode(s string, k int) string {
	u.buf = append(u.buf[:0], s[:k]...)
	u.spans = u.spans[:0]
	for k < len(s) {
		if s[k] != '\\' {
			j := strings.IndexByte(s[k:], '\\')
			if j < 0 {
				j = len(s) - k
			}
			u.buf = append(u.buf, s[k:k+j]...)
			k += j
			continue
		}
		q := runOf(s, k, func(c byte) bool { return c == '\\' })
		end, r, ok := printableEscape(s, q)
		if !ok {
			u.buf = append(u.buf, s[k:q]...)
			k = q
			continue
		}
		d := len(u.buf)
		u.buf = utf8.AppendRune(u.buf, r)
		u.spans = append(u.spans, escSpan{d, len(u.buf), k, end})
		k = end
	}
	return unsafe.String(unsafe.SliceData(u.buf), len(u.buf))
}

// span returns the last decoded escape starting before p (at or before p
// when at is true), or false.
func (u *unescaped) span(p int, at bool) (escSpan, bool) {
	k := sort.Search(len(u.spans), func(k int) bool {
		if at {
			return u.spans[k].dec > p
		}
		return u.spans[k].dec >= p
	})
	if k == 0 {
		return escSpan{}, false
	}
	return u.spans[k-1], true
}

// rawStart maps the start of a match in the decoded text to the original:
// a match starting inside a decoded character starts at its escape.
func (u *unescaped) rawStart(p int) int {
	e, ok := u.span(p, true)
	if !ok {
		return p
	}
	if p < e.decEnd {
		return e.raw
	}
	return e.rawEnd + p - e.decEnd
}

// rawEnd maps the end of a match in the decoded text to the original: a
// match ending inside a decoded character ends after its escape.
func (u *unescaped) rawEnd(p int) int {
	e, ok := u.span(p, false)
	if !ok {
		return p
	}
	if p <= e.decEnd {
		return e.rawEnd
	}
	return e.rawEnd + p - e.decEnd
}

// scanEscaped scans s, decoded first when it holds printable escapes (u is
// the scratch space for that).
func (sc *Scanner) scanEscaped(s string, dst []Finding, u *unescaped) []Finding {
	n := len(dst)
	dst, k := sc.walk(s, dst, true, true, false, u)
	if k < 0 {
		return dst // no printable escape: scanned as it is, in one pass
	}
	d := u.decode(s, k)
	dst, _ = sc.walk(d, dst[:n], true, false, false, u)
	out, last := n, 0
	for _, f := range dst[n:] {
		f.Start, f.End = max(last, u.rawStart(f.Start)), u.rawEnd(f.End)
		if f.Start >= f.End {
			continue
		}
		dst[out] = f
		out++
		last = f.End
	}
	return dst[:out]
}
