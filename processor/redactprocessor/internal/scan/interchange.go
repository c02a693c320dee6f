// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// The records of healthcare's and banking's interchange formats name their
// values by position, not by words; a value's segment and place say what
// it is, which no word before it does:
//
//   - ANSI X12 (837 claims, 835 remittances, 270/271 eligibility): a
//     segment is an id and elements split by '*' (or '|'), ended by '~'
//     or a line break. PER (administrative contact) holds pairs of a
//     communication number qualifier (data element 365: TE telephone, FX
//     fax, CP cell, HP home, WP work, BN beeper) and the number; BPR
//     (financial information) the payer's and the payee's bank accounts
//     (BPR09, BPR15) after their qualifiers (data element 569: DA demand
//     deposit, SG savings, 03 checking), the routing numbers before them
//     (BPR07, BPR13) public; the ISA envelope the sender's password
//     (ISA04) when ISA03 is 01. (REF*SY, a subscriber's SSN: x12SSN.)
//   - HL7 v2 (ADT, ORM, DFT messages): fields split by '|', segments by a
//     carriage return. PID-19 and GT1-12 are the patient's and the
//     guarantor's SSN; PID-18 is the patient's account number at the
//     provider, an id to keep (a phone list or an SSN's shape does not
//     make it one). A phone in an XTN field given by parts
//     (^PRN^PH^^1^443^9908123) is its area code and local number.
//   - A cheque's MICR line as OCR or a lockbox file prints it: the
//     routing number between transit symbols (⑆, U+2446), the account
//     before the on-us symbol (⑈, U+2448): ⑆328798146⑆ 238648189⑈ 1142.

// x12Segment returns the id of the X12 segment s[i] is in and the number
// of the element at i (1 for the first after the id), with sep the element
// separator right before i. The segment starts after '~', a line break or
// a JSON string's \n, within 160 bytes.
func x12Segment(s string, i int, sep byte) (id string, elem int, ok bool) {
	k := i
	for k > 0 && i-k < 160 {
		c := s[k-1]
		if c == '~' || c == '\n' || c == '\r' || c == '"' || c == 'n' && k >= 2 && s[k-2] == '\\' {
			break
		}
		if c == sep {
			elem++
		}
		k--
	}
	if k > 0 && i-k >= 160 {
		return "", 0, false
	}
	e := k
	for e < i && e-k < 3 && isUpperAl(s[e]) {
		e++
	}
	if e-k < 2 || e >= i || s[e] != sep || !isUpper(s[k]) {
		return "", 0, false
	}
	return s[k:e], elem, true
}

// x12Element returns the value of the element that ends right before the
// separator at s[p-1] (the qualifier before a value at p).
func x12Element(s string, p int) string {
	k := p - 1
	for k > 0 && p-1-k < 4 && s[k-1] != s[p-1] {
		k--
	}
	return s[k : p-1]
}

// x12Value matches at s[i] (a digit after '*' or '|') the value of an X12
// element that is a phone number (PER04, 06, 08 after TE, FX, CP, HP, WP,
// BN) or a bank account (BPR09, BPR15 after DA, SG, 03). It returns the
// value's end and its type.
func x12Value(s string, i int) (int, Type, bool) {
	sep := s[i-1]
	id, elem, ok := x12Segment(s, i, sep)
	if !ok {
		return 0, 0, false
	}
	e := i
	for e < len(s) && e-i < 36 && s[e] != sep && s[e] != '~' && s[e] != '\n' && s[e] != '\r' && s[e] != '\\' && s[e] != '"' {
		e++
	}
	v, q := s[i:e], x12Element(s, i)
	switch {
	case id == "PER" && (elem == 4 || elem == 6 || elem == 8):
		switch q {
		case "TE", "FX", "CP", "HP", "WP", "BN":
		default:
			return 0, 0, false
		}
		nd := 0
		for k := 0; k < len(v); k++ {
			switch c := v[k]; {
			case isDigit(c):
				nd++
			case c == '(' || c == ')' || c == '-' || c == '.' || c == ' ' || c == '+':
			default:
				return 0, 0, false
			}
		}
		return e, Phone, nd >= 7 && nd <= 15
	case id == "BPR" && (elem == 9 || elem == 15):
		if q != "DA" && q != "SG" && q != "03" {
			return 0, 0, false
		}
		return e, BankAccount, len(v) >= 4 && runOf(v, 0, isAlnum) == len(v)
	}
	return 0, 0, false
}

// isaPassword matches at s[i] an X12 interchange header (ISA, its fields of
// fixed width) whose security information qualifier (ISA03) is 01: the
// password in ISA04, reported without the blanks that pad it to 10.
func isaPassword(s string, i int) (Finding, bool) {
	if i+32 > len(s) || s[i+1] != 'S' || s[i+2] != 'A' || isAlnum(s[i+3]) || (i > 0 && isAlnum(s[i-1])) {
		return Finding{}, false
	}
	sep := s[i+3]
	// ISA*00*<10>*01*<10>*: ISA01 at i+4, ISA02 at i+7, ISA03 at i+18,
	// ISA04 at i+21.
	if s[i+6] != sep || s[i+17] != sep || s[i+20] != sep || s[i+31] != sep || s[i+18:i+20] != "01" {
		return Finding{}, false
	}
	vs, ve := i+21, i+31
	for vs < ve && s[vs] == ' ' {
		vs++
	}
	for ve > vs && s[ve-1] == ' ' {
		ve--
	}
	if ve == vs {
		return Finding{}, false
	}
	return Finding{vs, ve, Password}, true
}

// hl7Field returns the id of the HL7 v2 segment s[i] is in and the number
// of the field at i (after its '|'): the segment starts a line (or
// follows a carriage return, raw or as a JSON string's \r or \n), within
// 512 bytes.
func hl7Field(s string, i int) (id string, field int, ok bool) {
	k := i
	for k > 0 && i-k < 512 {
		c := s[k-1]
		if c == '\n' || c == '\r' || c == '"' || (c == 'r' || c == 'n') && k >= 2 && s[k-2] == '\\' {
			break
		}
		if c == '|' {
			field++
		}
		k--
	}
	if k+4 > i || s[k+3] != '|' || !isUpper(s[k]) || !isUpperAl(s[k+1]) || !isUpperAl(s[k+2]) {
		return "", 0, false
	}
	return s[k : k+3], field, true
}

// hl7Number classifies the number at s[i] (after '|') by its HL7 field:
// an SSN (PID-19, GT1-12: 9 digits or 3-2-4, valid as one), or an account
// to keep (PID-18); it returns the end of the field's value.
func hl7Number(s string, i int) (end int, t Type, keep, ok bool) {
	id, field, ok := hl7Field(s, i)
	if !ok {
		return 0, 0, false, false
	}
	e := i
	for e < len(s) && e-i < 24 && s[e] != '|' && s[e] != '^' && s[e] != '\r' && s[e] != '\n' && s[e] != '\\' && s[e] != '"' {
		e++
	}
	switch {
	case id == "PID" && field == 18:
		return e, 0, true, true
	case id == "PID" && field == 19, id == "GT1" && field == 12:
		var d [9]byte
		nd := 0
		for k := i; k < e; k++ {
			switch {
			case isDigit(s[k]) && nd < 9:
				d[nd] = s[k]
				nd++
			case s[k] == '-' && (k-i == 3 || k-i == 6):
			default:
				return 0, 0, false, false
			}
		}
		if nd == 9 && ssnValid(atoi(string(d[0:3])), atoi(string(d[3:5])), atoi(string(d[5:9]))) {
			return e, SSN, false, true
		}
	}
	return 0, 0, false, false
}

// xtnEquipment are the telecommunication equipment types (HL7 table 0202)
// of a phone: telephone, cellular, fax, beeper, modem, TDD, teletypewriter,
// satellite.
var xtnEquipment = []string{"PH", "CP", "FX", "BP", "MD", "TDD", "TTY", "SAT"}

// xtnPhone matches at s[i] the local number of an HL7 XTN phone given by
// parts, ^PH^<e-mail>^<country>^<area>^<local>: seven digits after '^'
// and three. It returns where the area code starts.
func xtnPhone(s string, i int) (int, bool) {
	if i+7 > len(s) || i < 12 || !allDigits(s[i:i+7]) || i+7 < len(s) && isAlnum(s[i+7]) || !allDigits(s[i-4:i-1]) {
		return 0, false
	}
	a := i - 4 // the area code
	if s[a-1] != '^' {
		return 0, false
	}
	k := a - 1 // the '^' before the area code
	c := k
	for c > 0 && k-c < 3 && isDigit(s[c-1]) {
		c--
	}
	if c == 0 || s[c-1] != '^' {
		return 0, false
	}
	m := c - 1 // the '^' before the country code; the e-mail's part before it (empty)
	for m > 0 && c-1-m < 64 && s[m-1] != '^' && s[m-1] != '|' {
		m--
	}
	if m == 0 || s[m-1] != '^' {
		return 0, false
	}
	q := m - 1
	for _, eq := range xtnEquipment {
		if q >= len(eq)+1 && s[q-len(eq):q] == eq && s[q-len(eq)-1] == '^' {
			return a, true
		}
	}
	return 0, false
}

// micrAccount matches at s[i] the account number of a cheque's MICR line:
// digits (with spaces or dashes inside) right before the on-us symbol ⑈,
// after the transit symbol ⑆ that closes the routing number (and a blank).
// It returns the end of the digits.
func micrAccount(s string, i int) (int, bool) {
	k := i
	if s[k-1] == ' ' {
		k--
	}
	if k < 3 || s[k-3] != 0xe2 || s[k-2] != 0x91 || s[k-1] != 0x86 {
		return 0, false
	}
	e := i
	for e < len(s) && e-i < 20 && (isDigit(s[e]) || (s[e] == ' ' || s[e] == '-') && e+1 < len(s) && isDigit(s[e+1])) {
		e++
	}
	if e+3 > len(s) || s[e] != 0xe2 || s[e+1] != 0x91 || s[e+2] != 0x88 || e-i < 4 {
		return 0, false
	}
	return e, true
}
