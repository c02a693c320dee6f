// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// Japanese and Chinese text often writes numbers in full-width forms
// (携帯：０９０－８７６５－４３２１), Arabic text in Arabic-Indic digits
// (U+0660-0669, ٠١٢), Persian text in their Persian forms (U+06F0-06F9,
// ۰۹۱۲ ۵۸۳ ۱۷۶۵), Hindi and Nepali in Devanagari digits (U+0966-096F, ९८६२)
// and Bengali in its own (U+09E6-09EF, ০১৭৭৫). A run of such digits, with the full-width or ASCII
// separators a number has between them, is read as the ASCII number it
// stands for, with the text before it on its line as context, and checked
// by the number detectors (phones, cards, SSNs, national IDs); a finding
// covers the run. 0xEF, 0xD9, 0xDB and 0xE0, the lead bytes of these
// digits, are trigger bytes (scanner.go): ASCII text pays nothing for
// them (text in an Indic script, whose every letter has the lead byte
// 0xE0, is walked byte by byte).

// wideRunMax bounds a run, in ASCII characters.
const wideRunMax = 40

// wideASCII returns the ASCII character the rune at s[i] stands for in a
// number (a full-width digit, '+', '-', '(', ')', '.', '/', an ideographic
// or ASCII space, a dash), its width, and whether it is a digit.
func wideASCII(s string, i int) (c byte, w int, digit bool) {
	b := s[i]
	if b < 0x80 {
		switch {
		case isDigit(b):
			return b, 1, true
		case b == ' ' || b == '-' || b == '(' || b == ')' || b == '.' || b == '/' || b == '+':
			return b, 1, false
		}
		return 0, 0, false
	}
	if i+1 < len(s) {
		switch b1 := s[i+1]; {
		case b == 0xd9 && b1 >= 0xa0 && b1 <= 0xa9: // ٠-٩
			return '0' + b1 - 0xa0, 2, true
		case b == 0xdb && b1 >= 0xb0 && b1 <= 0xb9: // ۰-۹
			return '0' + b1 - 0xb0, 2, true
		}
	}
	if i+2 >= len(s) {
		return 0, 0, false
	}
	b1, b2 := s[i+1], s[i+2]
	switch {
	case b == 0xef && b1 == 0xbc && b2 >= 0x90 && b2 <= 0x99: // ０-９
		return '0' + b2 - 0x90, 3, true
	case b == 0xe0 && (b1 == 0xa5 || b1 == 0xa7) && b2 >= 0xa6 && b2 <= 0xaf: // ०-९ (Devanagari), ০-৯ (Bengali)
		return '0' + b2 - 0xa6, 3, true
	case b == 0xef && b1 == 0xbc:
		switch b2 {
		case 0x8b:
			return '+', 3, false
		case 0x8d:
			return '-', 3, false
		case 0x88:
			return '(', 3, false
		case 0x89:
			return ')', 3, false
		case 0x8e:
			return '.', 3, false
		case 0x8f:
			return '/', 3, false
		}
	case b == 0xe3 && b1 == 0x80 && b2 == 0x80: // ideographic space
		return ' ', 3, false
	case b == 0xe3 && b1 == 0x83 && b2 == 0xbc: // ー, typed for a dash
		return '-', 3, false
	case b == 0xe2 && b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95: // ‐ ‑ ‒ – — ―
		return '-', 3, false
	case b == 0xe2 && b1 == 0x88 && b2 == 0x92: // −
		return '-', 3, false
	}
	return 0, 0, false
}

// wideX returns the width of an X (a check character) at s[q]: ASCII X
// or x, full-width Ｘ or ｘ; 0 if none is there.
func wideX(s string, q int) int {
	switch {
	case q < len(s) && (s[q] == 'X' || s[q] == 'x'):
		return 1
	case strings.HasPrefix(s[q:], "Ｘ") || strings.HasPrefix(s[q:], "ｘ"):
		return 3
	}
	return 0
}

// wideDigitAt reports whether s[i] starts a full-width, Arabic-Indic or
// Persian digit.
func wideDigitAt(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	switch b1 := s[i+1]; s[i] {
	case 0xef:
		return i+2 < len(s) && b1 == 0xbc && s[i+2] >= 0x90 && s[i+2] <= 0x99
	case 0xe0:
		return i+2 < len(s) && (b1 == 0xa5 || b1 == 0xa7) && s[i+2] >= 0xa6 && s[i+2] <= 0xaf
	case 0xd9:
		return b1 >= 0xa0 && b1 <= 0xa9
	case 0xdb:
		return b1 >= 0xb0 && b1 <= 0xb9
	}
	return false
}

// wideNumber reads the number around the full-width digit at s[p] and
// returns where it ends and its finding, if any.
func (sc *Scanner) wideNumber(s string, p int) (end int, f Finding, ok bool) {
	// Back to the start of the run (a '+' or '(' may lead it).
	start := p
	for start > 0 {
		q := start - 1
		for q > 0 && s[q]&0xc0 == 0x80 {
			q--
		}
		c, w, _ := wideASCII(s, q)
		if w == 0 || q+w != start || (c != '+' && c != '(' && c != ' ') {
			break
		}
		if c == ' ' {
			break // a space before the run separates it from the words before
		}
		start = q
	}
	// The context: the text before the run on its line, at most 48 bytes,
	// from a rune boundary.
	cs := max(strings.LastIndexByte(s[:start], '\n')+1, start-48)
	for cs < start && s[cs]&0xc0 == 0x80 {
		cs++
	}
	var buf [48 + wideRunMax]byte
	var at [wideRunMax + 1]int // at[j]: where the j-th ASCII character of the run starts in s
	n := copy(buf[:], s[cs:start])
	base := n
	j, q, lastDigit, digits := 0, start, start, 0
	for q < len(s) && j < wideRunMax {
		c, w, digit := wideASCII(s, q)
		if w == 0 {
			break
		}
		buf[n] = c
		at[j] = q
		n++
		j++
		q += w
		if digit {
			lastDigit = q
			digits++
		}
	}
	if lastDigit == q && digits == 17 && j < wideRunMax {
		// A Chinese resident ID's check character X after its 17
		// digits, full-width or not (２２０１…３８９３Ｘ).
		if w := wideX(s, q); w > 0 {
			buf[n] = 'X'
			at[j] = q
			n++
			j++
			q += w
		}
	}
	at[j] = q
	if lastDigit == start {
		return q, Finding{}, false
	}
	text := string(buf[:n]) // (rare: only text with full-width digits gets here)
	nf, found, _ := sc.numeric(text, base, numCtx{last: 0, phoneEnd: -1, idEnd: -1})
	if !found || nf.Start < base {
		return q, Finding{}, false
	}
	return q, Finding{at[nf.Start-base], at[nf.End-base], nf.Type}, true
}

// Japanese and Chinese text also writes e-mail addresses with a
// full-width at sign (kenta1990＠gmail.com, typed with the IME on) or in
// full-width letters throughout (ｙｕｋｉ＿ｓａｔｏ＠ｏｕｔｌｏｏｋ．ｊｐ).
// wideEmail reads the address around the ＠ at s[at] as the ASCII it
// stands for (the full-width forms U+FF01-FF5E are ASCII's 0x21-0x7E) and
// checks it as email does; the finding covers the original bytes.

// wideAt is the full-width at sign.
const wideAt = "＠"

// wideEmail matches an address around the full-width at sign at s[at]
// (floor: the end of the previous finding).
func wideEmail(s string, at, floor int) (start, end int, ok bool) {
	const maxLocal, maxDomain = 64, 255
	var buf [maxLocal + 1 + maxDomain]byte
	var pos [maxLocal + 1 + maxDomain + 1]int // buf[k] stands for s[pos[k]:pos[k+1]]
	// The local part, backwards into the end of a scratch array.
	var lb [maxLocal]byte
	var lp [maxLocal]int
	n := 0
	for k := at; k > floor && n < maxLocal; {
		c, w := asciiFormBefore(s, k)
		if w == 0 || !isAlnum(c) && c != '.' && c != '_' && c != '-' && c != '+' && c != '\'' {
			break
		}
		k -= w
		lb[maxLocal-1-n], lp[maxLocal-1-n] = c, k
		n++
	}
	if n == 0 {
		return 0, 0, false
	}
	m := copy(buf[:], lb[maxLocal-n:])
	copy(pos[:], lp[maxLocal-n:])
	buf[m], pos[m] = '@', at
	m++
	for k := at + len(wideAt); k < len(s) && m < len(buf); {
		c, w := asciiFormAt(s, k)
		if w == 0 || !isAlnum(c) && c != '.' && c != '-' {
			break
		}
		buf[m], pos[m] = c, k
		m++
		k += w
		pos[m] = k
	}
	a := string(buf[:m])
	st, en, ok := email(a, n, 0)
	if !ok || st >= n {
		return 0, 0, false
	}
	return pos[st], pos[en], true
}

// asciiFormAt returns the ASCII character the rune at s[k] is (itself, or
// a full-width form) and the rune's width, or 0, 0.
func asciiFormAt(s string, k int) (byte, int) {
	if s[k] < 0x80 {
		return s[k], 1
	}
	if k+2 < len(s) && s[k] == 0xef {
		switch b1, b2 := s[k+1], s[k+2]; {
		case b1 == 0xbc && b2 >= 0x81 && b2 <= 0xbf:
			return 0x20 + b2 - 0x80, 3 // U+FF01-FF3F
		case b1 == 0xbd && b2 >= 0x80 && b2 <= 0x9e:
			return 0x60 + b2 - 0x80, 3 // U+FF40-FF5E
		}
	}
	return 0, 0
}

// asciiFormBefore is asciiFormAt for the rune that ends s[:k].
func asciiFormBefore(s string, k int) (byte, int) {
	if s[k-1] < 0x80 {
		return s[k-1], 1
	}
	if k >= 3 {
		if c, w := asciiFormAt(s, k-3); w == 3 {
			return c, 3
		}
	}
	return 0, 0
}
