// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Tax numbers of sellers and sole traders (detector national_id), found
// by their structure and check, as marketplaces' KYC records and
// invoices print them:
//
//   - a Mexican RFC (Registro Federal de Contribuyentes): 4 letters (a
//     person) or 3 (a company), the birth or incorporation date YYMMDD,
//     a homoclave of 2 characters and a check character over the rest
//     (python-stdnum mx/rfc.py: the alphabet 0-9 A-N & O-Z, blank, Ñ,
//     weights 13 to 2, mod 11): GODE561231GR8, MAB9307148T4;
//   - an Indian GSTIN of a person (a proprietor's: the PAN inside it has P
//     as its fourth letter): the state code 01 to 37, the PAN, the
//     registration's number, Z, a check character (Luhn mod 36,
//     python-stdnum in_/gstin.py): 27AAPPU0939F1Z…. A company's GSTIN is
//     public on its invoices and is left alone.

// rfcAlphabet is the alphabet of the RFC's check character.
const rfcAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"

// rfcValid checks a Mexican RFC of 12 or 13 characters.
func rfcValid(w string) bool {
	l := len(w) - 9 // the letters before the date
	if l != 3 && l != 4 {
		return false
	}
	for k := 0; k < l; k++ {
		if !isUpper(w[k]) && w[k] != '&' {
			return false
		}
	}
	d := w[l : l+6]
	if !allDigits(d) {
		return false
	}
	if m, day := atoi2(d[2], d[3]), atoi2(d[4], d[5]); m < 1 || m > 12 || day < 1 || day > 31 {
		return false
	}
	h := w[l+6:]
	if !digit1to9OrUpper(h[0], 'V') || !digit1to9OrUpper(h[1], 'Z') || !isDigit(h[2]) && h[2] != 'A' {
		return false
	}
	sum := 0
	pad := 12 - (len(w) - 1) // a company's RFC is padded with a blank (value 37) to 12
	for k := 0; k < len(w)-1; k++ {
		v := indexByte(rfcAlphabet, w[k])
		if v < 0 {
			return false
		}
		sum += v * (13 - (k + pad))
	}
	sum += 37 * 13 * pad // (the blank's value at the first weight)
	c := (11 - sum%11) % 11
	want := byte('0' + c)
	if c == 10 {
		want = 'A'
	}
	return w[len(w)-1] == want
}

// gstinValid checks an Indian GSTIN of 15 characters whose PAN is a
// person's.
func gstinValid(w string) bool {
	if len(w) != 15 || !isDigit(w[0]) || !isDigit(w[1]) {
		return false
	}
	if st := atoi2(w[0], w[1]); st < 1 || st > 37 {
		return false
	}
	if !panValid(w[2:12]) || w[5] != 'P' || w[7:11] == "0000" || !digit1to9OrUpper(w[12], 'Z') || w[13] != 'Z' {
		return false
	}
	sum := 0
	for k := 0; k < 15; k++ {
		v := indexByte("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", w[14-k])
		if v < 0 {
			return false
		}
		if k%2 == 1 {
			v *= 2
			v = v/36 + v%36
		}
		sum += v
	}
	return sum%36 == 0
}

// digit1to9OrUpper reports whether c is 1 to 9 or a capital up to last.
func digit1to9OrUpper(c, last byte) bool {
	return c >= '1' && c <= '9' || c >= 'A' && c <= last
}
