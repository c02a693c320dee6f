// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// An identity number that needs its word (an SSN without dashes, a BSN, a
// Steuer-ID, a PESEL, …: idWords, ssnWords) also has it when the word is
// not right before it (idContext):
//
//   - a table column headed by the word: a CSV, TSV or Markdown table whose
//     header names the column "national_id", "SSN", "BSN", "Steuer-ID",
//     "tax id", … (columnHeader);
//   - the column an SQL INSERT names for a value of its VALUES tuples
//     (sqlColumn);
//   - earlier in the same sentence: "SSN: 288-83-1374, or 288831374
//     without dashes", "Alt SSN on file (no dashes): 159460105". The
//     nearest word before the number that names a kind of number must be
//     one of the words: "SSN 288-83-1374, routing 021000021" leaves the
//     routing number alone (otherNumberWords).
//
// These searches run only for a number that passes the check of a kind
// the words name: the scanner asks nothing of most numbers.

// idContext reports whether one of words names the number at start in a
// table header above it or earlier in its sentence (m: columnHeader's).
func idContext(s string, start int, words *contextWords, m *colMemo) bool {
	return idColumn(s, start, words, m) || sentenceContext(s, start, words)
}

// idColumn reports whether the number at start stands in a table column
// whose header holds one of words.
func idColumn(s string, start int, words *contextWords, m *colMemo) bool {
	h, ok := tableColumn(s, start, m)
	return ok && contextBefore(h, len(h), words)
}

// sqlColumn returns the column an SQL INSERT names for the value at start:
// the value stands in a tuple "(…, '609622249', …)" of a VALUES list, on
// the line of "INSERT INTO t (…, national_id, …) VALUES" or on a line
// below it whose lines between are tuples too (within 64 lines and 8 KB).
// Commas in quoted values do not count.
func sqlColumn(s string, start int) (string, bool) {
	floor := max(0, start-8192)
	ls, brk := lineStart(s, start, floor)
	line := s[ls:start]
	if strings.IndexByte(line, '(') < 0 {
		return "", false // neither "VALUES (…" nor a tuple on the line: most numbers
	}
	if v := indexFold(line, "values"); v >= 0 {
		return sqlField(line[:v], line[v+6:])
	}
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "(") {
		return "", false
	}
	for n := 0; n < 64 && brk > floor; n++ {
		end := brk
		var ps int
		ps, brk = lineStart(s, brk, floor)
		h := s[ps:end]
		if v := indexFold(h, "values"); v >= 0 && strings.TrimSpace(h[v+6:]) == "" {
			return sqlField(h[:v], t)
		}
		if !strings.HasPrefix(strings.TrimLeft(h, " \t"), "(") {
			return "", false
		}
	}
	return "", false
}

// sqlField returns the column of cols ("INSERT INTO t (a, b, c) ") named
// by the position of the value that ends tuple ("(1, 'x', "): its commas
// outside quotes.
func sqlField(cols, tuple string) (string, bool) {
	o, c := strings.IndexByte(cols, '('), strings.LastIndexByte(cols, ')')
	p := strings.IndexByte(tuple, '(')
	if o < 0 || c < o || p < 0 || indexFold(cols[:o], "insert") < 0 {
		return "", false
	}
	col, quoted := 0, false
	for k := p + 1; k < len(tuple); k++ {
		switch tuple[k] {
		case '\'':
			quoted = !quoted
		case ',':
			if !quoted {
				col++
			}
		case ')':
			if !quoted {
				return "", false // (the value is past the tuple)
			}
		}
	}
	names := strings.Split(cols[o+1:c], ",")
	if col >= len(names) {
		return "", false
	}
	return strings.Trim(names[col], " `\"[]"), true
}

// indexFold returns the index of the ASCII word w (lower case) in s, case
// folded, or -1.
func indexFold(s, w string) int {
	for k := 0; k+len(w) <= len(s); k++ {
		if s[k]|0x20 == w[0] && strings.EqualFold(s[k:k+len(w)], w) {
			return k
		}
	}
	return -1
}

// otherNumberWords name kinds of numbers that are not identity numbers: one
// of them nearer the number than an identity word takes the sentence.
var otherNumberWords = newContextWords(
	"ein", "fein", "routing", "aba", "rtn", "zip", "postal", "postcode", "plz", "bin", "pcn", "rx", "group",
	"meeting", "zoom", "webex", "teams", "passcode", "pin", "otp", "code", "swish", "bankgiro", "plusgiro", "giro",
	"iban", "bic", "swift", "sort", "phone", "tel", "mobile", "fax", "call", "amount", "total", "price",
	"date", "dob", "born", "member", "employee", "customer", "patient", "user", "imei", "iccid", "vat",
	"gid", "pid", "session", "request", "trace", "span", "job", "run", "thread", "port", "ms", "bytes", "size",
)

// sentenceContext reports whether the nearest word naming a kind of number
// before start, in its sentence (not past a line break or a '.', '?', '!'
// or ';' before a blank) and within 160 bytes and 24 words, is one of
// words. Numbers between are passed over. A number right after a question
// on its line answers it, so the question is its sentence ("mijn BSN hoef
// je toch niet? 580465470", "Your PESEL? 90051005840").
func sentenceContext(s string, start int, words *contextWords) bool {
	floor := max(0, start-160)
	var buf, prev [24]byte
	var pb []byte
	k := start
	for n := 0; n < 24 && k > floor; n++ {
		for k > floor && s[k-1] < utf8.RuneSelf && !isAlnum(s[k-1]) {
			c := s[k-1]
			if c == '?' && n == 0 && k < start && blanksOnly(s[k:start]) {
				k-- // the question the number answers
				continue
			}
			if c == '\n' || c == '\r' || ((c == '.' || c == '?' || c == '!' || c == ';') && k < len(s) && (s[k] == ' ' || s[k] == '\t')) {
				return false
			}
			k--
		}
		e := k
		ascii := true
		for k > floor && (isAlnum(s[k-1]) || s[k-1] >= utf8.RuneSelf) {
			ascii = ascii && s[k-1] < utf8.RuneSelf
			k--
		}
		if e == k {
			return false
		}
		if isDigit(s[k]) {
			pb = nil
			continue // a number between: 288-83-1374
		}
		w := s[k:e]
		b := lowerInto(buf[:], w)
		if words.has(s, k, w, b, pb, ascii) {
			return true
		}
		if ascii && b != nil && (otherNumberWords.ascii[string(b)] || notIDWords.ascii[string(b)]) {
			return false
		}
		pb = nil
		if b != nil {
			pb = prev[:copy(prev[:], b)]
		}
	}
	return false
}

// pairAt reports whether a and b, the lowered words of which a starts at
// s[k:], are one of c's pairs, with its first word right before them when
// it has one.
func (c *contextWords) pairAt(s string, k int, a, b string) bool {
	if !c.pairs[[2]string{a, b}] {
		return false
	}
	firsts, ok := c.firsts[[2]string{a, b}]
	if !ok {
		return true
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '.' || s[k-1] == '/' || s[k-1] == '-' || s[k-1] == '_') {
		k-- // (R.U.T., a/c no, e-card Nummer)
	}
	e := k
	for k > 0 && e-k < 24 && (isAlnum(s[k-1]) || s[k-1] >= utf8.RuneSelf) {
		k--
	}
	if k > 0 && (isAlnum(s[k-1]) || s[k-1] >= utf8.RuneSelf) {
		return false
	}
	var buf [24]byte
	w := lowerInto(buf[:], s[k:e])
	return w != nil && slices.Contains(firsts, string(w))
}

// blanksOnly reports whether p holds only spaces and tabs.
func blanksOnly(p string) bool {
	for k := 0; k < len(p); k++ {
		if p[k] != ' ' && p[k] != '\t' {
			return false
		}
	}
	return true
}

// has reports whether the word w at s[k:] (b lowered, nil when too long;
// pb the lowered word after it) is one of c, or starts one of its pairs
// (after the pair's first word, when it has one).
func (c *contextWords) has(s string, k int, w string, b, pb []byte, ascii bool) bool {
	if b != nil && pb != nil && c.pairAt(s, k, string(b), string(pb)) {
		return true
	}
	if ascii {
		return b != nil && c.ascii[string(b)]
	}
	if b != nil {
		return c.hasOther(string(b))
	}
	return c.hasOther(w)
}

// cjkOrderWords label an order's, a waybill's or a parcel's number in
// Chinese, Japanese and Korean shop, delivery and courier text (订单号：
// 4021382496335580627, 正在为您派送单号464052496949713的包裹, 注文番号,
// 주문번호): a number of 10 digits or more right after one (a blank, ':' or
// '：' between) is that number, not a card or a phone, however its digits
// fall (Taobao's and Meituan's are 16 to 19 digits; one in ten passes
// Luhn).
var cjkOrderWords = []string{"订单号", "订单", "单号", "订单编号", "訂單號", "訂單編號", "單號", "注文番号", "伝票番号", "주문번호", "송장번호", "운송장번호"}

// cjkOrderLabel reports whether one of cjkOrderWords stands right before
// the number at i.
func cjkOrderLabel(s string, i int) bool {
	k := i
	for k > 0 && i-k < 8 && (s[k-1] == ' ' || s[k-1] == ':' || s[k-1] == '#') {
		k--
	}
	if k >= 3 && s[k-3] == 0xef && s[k-2] == 0xbc && s[k-1] == 0x9a {
		k -= 3 // '：'
	}
	if k < 3 || s[k-1] < utf8.RuneSelf {
		return false
	}
	for _, w := range cjkOrderWords {
		if strings.HasSuffix(s[:k], w) {
			return true
		}
	}
	return false
}
