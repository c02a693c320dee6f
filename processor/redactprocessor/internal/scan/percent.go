// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Query strings, form bodies (application/x-www-form-urlencoded) and the
// URLs logged inside them carry values percent-encoded (RFC 3986 section
// 2.1): card=4111%201111%201111%201111, tel=%2B49%2030%20901820,
// next=postgres%3A%2F%2Fuser%3Apw%40host, and a form encodes a space as
// '+' (card_number=5130+8151+2345+6780; WHATWG URL standard, section 5,
// application/x-www-form-urlencoded). Such a token is scanned decoded,
// with the 64 bytes before it for context, and the findings are mapped
// back to the original bytes, as JSON escapes are (json.go): a match
// replaces whole escapes, so the URL's or the form's structure around it
// stays, and a token holds no quote, backslash or blank, so a JSON string
// around it stays valid.
//
// Decoded are %XX escapes of printable ASCII but '%' (a decoded '%' would
// start new escapes), '"' and '\' (which the walk reads as the ends of
// JSON strings and escapes), the escapes of a whole UTF-8 character
// (M%C3%ACnh, the words naming a value in any language), and in a token
// holding '=' (a form's or a query's values) '+', the form's space, but
// for a '+' starting a value before a digit: users write a phone's '+'
// unencoded (tel=+4930901820). When the decoded token holds nothing, the
// walk goes on over the original (a password may hold a '%' of its own:
// Orzel%6035Qzv).

// pctMax bounds the bytes of a token looked at either side of its escape.
const pctMax = 2048

// pctContext is how many bytes before a token are scanned with it, for
// the words that name a value (Tel. tel%3A%2B49…).
const pctContext = 64

// pctHex returns the byte an escape %XX at s[k] stands for.
func pctHex(s string, k int) (byte, bool) {
	if k+2 >= len(s) || s[k] != '%' {
		return 0, false
	}
	h, ok1 := hexVal(s[k+1])
	l, ok2 := hexVal(s[k+2])
	return byte(h<<4 | l), ok1 && ok2
}

// pctByte reports whether an escape %XX at s[k] decodes to a character
// decoded for scanning, and returns it.
func pctByte(s string, k int) (byte, bool) {
	c, ok := pctHex(s, k)
	if !ok || c < 0x20 || c > 0x7e || c == '%' || c == '"' || c == '\\' {
		return 0, false
	}
	return c, true
}

// pctOK reports whether s[k] starts an escape pctByte decodes.
func pctOK(s string, k int) bool {
	_, ok := pctByte(s, k)
	return ok
}

// tokenByte reports whether c may be inside a URL or a form value: not a
// blank, a quote, a backslash, a bracket, ',' or ';', nor a byte of a
// non-ASCII character (the text a URL is glued to).
func tokenByte(c byte) bool {
	return c > ' ' && c < 0x7f && strings.IndexByte("\"'`\\<>()[]{}|,;", c) < 0
}

// formPlus reports whether the '+' at s[k] may be a form's encoded space
// in or next to a number (5130+8151, tarjeta+4559, 1950+y).
func formPlus(s string, k int) bool {
	if k == 0 || k+1 >= len(s) || s[k] != '+' {
		return false
	}
	a, b := s[k-1], s[k+1]
	return isDigit(a) && isAlnum(b) || isAlnum(a) && isDigit(b)
}

// formSpace reports whether the '+' at s[k], in a form token starting at
// start, is a space: not a phone's plus starting a value, nor the plus of
// an address's tag (anna_6+orders@web.de, RFC 5233), both written
// unencoded.
func formSpace(s string, start, k int) bool {
	if (k == start || s[k-1] == '=' || s[k-1] == '&') && k+1 < len(s) && isDigit(s[k+1]) {
		return false
	}
	for j := k + 1; j < len(s) && j-k <= 64; j++ {
		if c := s[j]; c == '@' {
			return false
		} else if !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			break
		}
	}
	return true
}

// pctUTF8 decodes the escapes of one UTF-8 character of two to four bytes
// at s[k] (%C3%A9), not past end, and returns the character's bytes and
// the escapes' end.
func pctUTF8(s string, k, end int) ([4]byte, int, int, bool) {
	var b [4]byte
	if k+2 >= end {
		return b, 0, 0, false
	}
	var ok bool
	if b[0], ok = pctHex(s, k); !ok {
		return b, 0, 0, false
	}
	n := 0
	switch {
	case b[0] >= 0xc2 && b[0] < 0xe0:
		n = 2
	case b[0] >= 0xe0 && b[0] < 0xf0:
		n = 3
	case b[0] >= 0xf0 && b[0] < 0xf5:
		n = 4
	default:
		return b, 0, 0, false
	}
	if k+3*n > end {
		return b, 0, 0, false
	}
	for j := 1; j < n; j++ {
		if b[j], ok = pctHex(s, k+3*j); !ok {
			return b, 0, 0, false
		}
	}
	if !utf8.Valid(b[:n]) {
		return b, 0, 0, false
	}
	return b, n, k + 3*n, true
}

// pctToken returns the bounds of the token around the escape or '+' at
// s[k], not before floor, and whether a '+' in it is a form's space (the
// token holds '=' before k).
func pctToken(s string, k, floor int) (start, end int, form bool) {
	start = k
	for start > floor && k-start < pctMax && tokenByte(s[start-1]) {
		start--
	}
	end = k
	for end < len(s) && end-k < pctMax && tokenByte(s[end]) {
		end++
	}
	return start, end, strings.IndexByte(s[start:k], '=') >= 0
}

// decodePercent returns s[from:end] with the escapes of s[start:end]
// decoded (and its form spaces when form), in u's buffer until the next
// decode; u.spans map the escapes back.
func (u *unescaped) decodePercent(s string, from, start, end int, form bool) string {
	u.buf = append(u.buf[:0], s[from:start]...)
	u.spans = u.spans[:0]
	for k := start; k < end; k++ {
		c := s[k]
		if c == '%' {
			if d, ok := pctByte(s, k); ok && k+3 <= end {
				u.spans = append(u.spans, escSpan{len(u.buf), len(u.buf) + 1, k - from, k - from + 3})
				u.buf = append(u.buf, d)
				k += 2
				continue
			}
			if b, n, e, ok := pctUTF8(s, k, end); ok {
				u.spans = append(u.spans, escSpan{len(u.buf), len(u.buf) + n, k - from, e - from})
				u.buf = append(u.buf, b[:n]...)
				k = e - 1
				continue
			}
		} else if c == '+' && form && formSpace(s, start, k) {
			c = ' '
		}
		u.buf = append(u.buf, c)
	}
	return unsafe.String(unsafe.SliceData(u.buf), len(u.buf))
}

// percentToken scans the token around the escape or form space at s[k]
// decoded (its start not before floor) and appends what it finds to dst,
// in the original's offsets. It returns the token's end and whether the
// decoded token held something (the walk then goes on after it).
// u is the walk's scratch space, reused between its tokens.
func (sc *Scanner) percentToken(s string, k, floor int, dst []Finding, u *unescaped) ([]Finding, int, bool) {
	start, end, form := pctToken(s, k, floor)
	if s[k] == '+' && !form {
		return dst, end, false // a '+' outside a form value is a plus
	}
	from := max(floor, start-pctContext)
	d := u.decodePercent(s, from, start, end, form)
	n := len(dst)
	dst, _ = sc.walk(d, dst, true, false, true, nil)
	out := n
	for _, f := range dst[n:] {
		if f.Start < start-from {
			continue // in the context before the token: the walk has seen it
		}
		f.Start, f.End = from+u.rawStart(f.Start), from+u.rawEnd(f.End)
		dst[out] = f
		out++
	}
	return dst[:out], end, out > n
}
