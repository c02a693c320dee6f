// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
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
	h, ok := columnHeader(s, start, m)
	return ok && contextBefore(h, len(h), words)
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
// words. Numbers between are passed over.
func sentenceContext(s string, start int, words *contextWords) bool {
	floor := max(0, start-160)
	var buf, prev [24]byte
	var pb []byte
	k := start
	for n := 0; n < 24 && k > floor; n++ {
		for k > floor && s[k-1] < utf8.RuneSelf && !isAlnum(s[k-1]) {
			c := s[k-1]
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
		if words.has(w, b, pb, ascii) {
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

// has reports whether the word w (b lowered, nil when too long; pb the
// lowered word after it) is one of c, or ends one of its pairs.
func (c *contextWords) has(w string, b, pb []byte, ascii bool) bool {
	if b != nil && pb != nil && c.pairs[[2]string{string(b), string(pb)}] {
		return true
	}
	if ascii {
		return b != nil && c.ascii[string(b)]
	}
	if b != nil {
		w = string(b)
	}
	for _, o := range c.other {
		if strings.Contains(w, o) {
			return true
		}
	}
	return false
}
