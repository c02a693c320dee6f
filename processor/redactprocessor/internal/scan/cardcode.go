// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// codeCell reports whether the digits s[i:e] are a card security code in
// the table cell right after the cell of the card number found last (a
// payments table dumped by a database client, a CSV export: "| 3540…7253
// | 819 |", "4111…,123,"), whatever the column is called: the code has
// the card's code length (4 digits for American Express, whose PANs start
// 34 or 37; 3 for the other issuers) and its cell holds nothing else.
func codeCell(s string, i, e int, dst []Finding) bool {
	if len(dst) == 0 {
		return false
	}
	f := dst[len(dst)-1]
	if f.Type != CreditCard || f.End >= i {
		return false
	}
	want := 3
	if p := s[f.Start : f.Start+2]; p == "34" || p == "37" {
		want = 4
	}
	if e-i != want {
		return false
	}
	k := f.End
	for k < i && (s[k] == ' ' || s[k] == '"') {
		k++
	}
	if k == i || !cellSep(s[k]) {
		return false
	}
	sep := s[k]
	for k++; k < i && (s[k] == ' ' || s[k] == '"'); k++ {
	}
	if k != i {
		return false
	}
	for k = e; k < len(s) && (s[k] == ' ' || s[k] == '"'); k++ {
	}
	return k == len(s) || s[k] == sep || s[k] == '\n' || s[k] == '\r'
}

// cellSep reports whether c splits the cells of a table row.
func cellSep(c byte) bool { return c == '|' || c == '\t' || c == ',' || c == ';' }
