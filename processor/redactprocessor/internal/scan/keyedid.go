// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "unicode/utf8"

// Identity numbers known by the key or label that names them (detector
// national_id), where the value's shape alone says little: a driving
// licence is a letter and seven digits in one US state, 13 digits in
// another. The label must stand right before the value (a key's quotes
// and ':' between, maybe escaped), or before a word for "number":
// "licence_number": "…", "driverLicense": "…", "permis de conduire n° …".
//
// A GB driving licence number (DVLA) is found without a label: its 16
// characters (surname, birth date, initials; dvlaLicence) are no other
// code's.

// licenceWords name a driving licence: as keys write it (driver_license,
// dl_number, licence_no, the camelCase keys as one word) and in the
// languages of the other identity words; "license" alone names software
// licences as often ("license": "MIT2024"), so it needs "driver",
// "driving" or "number" with it.
var licenceWords = newContextWords(
	"driver license", "driver licence", "drivers license", "drivers licence", "driving license", "driving licence",
	"s license", "s licence", // (driver's license, as the scanner splits it)
	"license number", "licence number", "license no", "licence no", "license num", "licence num", "license nr", "licence nr",
	"dl number", "dl no", "dl num", "dl nr", "dln",
	"driverlicense", "driverlicence", "driverslicense", "driverslicence", "drivinglicense", "drivinglicence",
	"driverlicensenumber", "licensenumber", "licencenumber", "licenseno", "licenceno", "dlnumber", "dlno",
	"permis de conduire", "licencia de conducir", "carnet de conducir", "permiso de conducir", "patente di guida",
	"carta de condução", "prawo jazdy", "führerschein", "rijbewijs", "körkort", "kørekort", "førerkort",
	"ajokortti", "ehliyet", "운전면허", "運転免許", "驾驶证", "駕照", "駕駛執照",
)

// licenceBefore reports whether a licence word names the value at i.
func licenceBefore(s string, i int) bool {
	return namedBefore(s, i, licenceWords, 2)
}

// licence matches at s[i] a driving licence number: after a licence word,
// 6 to 16 letters and digits with a digit (the states' and provinces'
// formats: CA A1234567, NY 9 digits, FL A123456789012, QC A123456789012,
// GB 16 characters); or a GB number alone (dvlaLicence). It returns the
// end.
func licence(s string, i int) (int, bool) {
	e, digits := i, 0
	for e < len(s) && e-i < 17 && isAlnum(s[e]) {
		if isDigit(s[e]) {
			digits++
		}
		e++
	}
	if e-i < 6 || e-i > 16 || digits == 0 || (e < len(s) && (s[e] == '-' || s[e] == '_' || s[e] == '@')) {
		return 0, false
	}
	if e-i == 16 && dvlaLicence(s[i:e]) {
		return e, true
	}
	return e, keyedGate(s, i) && licenceBefore(s, i) && !otherCode(s, i)
}

// dvlaLicence checks the shape of a GB driving licence number (DVLA):
// the first five letters of the surname padded with 9s (LLEWE, SMIT9,
// LI999), the decade digit of the birth year, the birth month (plus 50
// for a woman), the day, the year digit, the first two initials (9 for a
// missing one), a digit (9, or more for people alike) and two check
// characters: LLEWE501156GX9DK, CHOUD762255AX9ZB (the DVLA's layout,
// as the UK government's guidance on licence numbers describes it).
func dvlaLicence(w string) bool {
	if !isUpper(w[0]) {
		return false
	}
	pad := false
	for k := 1; k < 5; k++ {
		switch c := w[k]; {
		case c == '9':
			pad = true
		case !isUpper(c) || pad:
			return false
		}
	}
	for k := 5; k < 11; k++ {
		if !isDigit(w[k]) {
			return false
		}
	}
	m := atoi2(w[6], w[7])
	if m > 50 {
		m -= 50
	}
	if day := atoi2(w[8], w[9]); m < 1 || m > 12 || day < 1 || day > 31 {
		return false
	}
	if !isUpper(w[11]) || !isUpper(w[12]) && w[12] != '9' || !isDigit(w[13]) {
		return false
	}
	return (isUpper(w[14]) || isDigit(w[14])) && (isUpper(w[15]) || isDigit(w[15]))
}

func atoi2(a, b byte) int { return int(a-'0')*10 + int(b-'0') }

// keyedGate reports cheaply whether a word (a label's last) stands right
// before the value at i, with at most 8 bytes of a key's punctuation
// between (quotes, maybe escaped, ':', '=', '#', '.'): a value after a
// digit, a bracket or a line's start is no labelled one, and is not
// looked up in the labels' words.
func keyedGate(s string, i int) bool {
	k := i
	for k > 0 && i-k < 8 {
		c := s[k-1]
		if c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == ':' || c == '=' || c == '#' || c == '.' {
			k--
			continue
		}
		break
	}
	return k > 0 && (isLetter(s[k-1]) || s[k-1] >= utf8.RuneSelf)
}

// keyedID matches at s[i] an identity number its label names (the
// detectors of this file). It returns the end.
func keyedID(s string, i int) (int, bool) {
	return licence(s, i)
}
