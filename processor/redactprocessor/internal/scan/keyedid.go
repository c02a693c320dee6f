// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"strings"
	"unicode/utf8"
)

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
var licenceWords = keyedWords(
	"driver license", "driver licence", "drivers license", "drivers licence", "driving license", "driving licence",
	"s license", "s licence", // (driver's license, as the scanner splits it)
	"license number", "licence number", "license no", "licence no", "license num", "licence num", "license nr", "licence nr",
	"dl number", "dl no", "dl num", "dl nr", "dln",
	"driverlicense", "driverlicence", "driverslicense", "driverslicence", "drivinglicense", "drivinglicence",
	"driverlicensenumber", "licensenumber", "licencenumber", "licenseno", "licenceno", "dlnumber", "dlno",
	"permis de conduire", "licencia de conducir", "carnet de conducir", "permiso de conducir", "patente di guida",
	"carta de condução", "prawo jazdy", "führerschein", "rijbewijs", "körkort", "kørekort", "førerkort",
	"ajokortti", "ehliyet", "운전면허", "運転免許", "驾驶证", "駕照", "駕駛執照",
	// Italian "patente" alone (Patente n.: …), Dutch in one word, a US
	// commercial licence, Mexico's federal and state licences, French
	// "permis" alone (Permis n° …, Permis B n° …), Brazil's CNH, Japan's
	// licence card (免許証番号), German Fahrerlaubnis
	"patente", "rijbewijsnummer", "rijbewijsnr", "führerscheinnummer", "cdl", "cdl number", "cdl no",
	"licencia federal", "licencia de manejo", "permis", "permis b", "cnh", "免許証", "fahrerlaubnis",
)

// licenceBefore reports whether a licence word names the value at i.
func licenceBefore(s string, i int) bool {
	return namedBefore(s, i, licenceWords, 2)
}

// licence matches at s[i] the shape of a driving licence number: 6 to
// 16 letters and digits with a digit (the states' and provinces' formats:
// CA A1234567, NY 9 digits, FL A123456789012, QC A123456789012, GB 16
// characters), which must follow a licence word (keyedID) but for a GB
// number (dvlaLicence). It returns the end.
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
	return e, true
}

// krLicence matches at s[i] a Korean driving licence number as the card
// prints it: region (2 digits), year (2), serial (6) and check (2) joined
// by '-' (13-24-902038-51). It returns the end.
func krLicence(s string, i int) (int, bool) {
	k, ok := fixedGroups(s, i, '-', 2, 2, 6, 2)
	if !ok || k < len(s) && (isAlnum(s[k]) || s[k] == '-') {
		return 0, false
	}
	return k, true
}

// fixedGroups matches at s[i] groups of digits of the given widths joined
// by sep, as a number's own print has them (a licence's 2-2-6-2, a RIB's
// 3-3-16-2). It returns the end of the last group; what may follow it is
// the caller's to say.
func fixedGroups(s string, i int, sep byte, widths ...int) (int, bool) {
	k := i
	for g, w := range widths {
		if g > 0 {
			if k >= len(s) || s[k] != sep {
				return 0, false
			}
			k++
		}
		if runOf(s, k, isDigit) != k+w {
			return 0, false
		}
		k += w
	}
	return k, true
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

// keyedLast holds the last word (lower case) of every label of this
// file's kinds, and the words for "number" (namedBefore): the word right
// before a value must be one of them (keyedGate).
var keyedLast = map[string]bool{"no": true, "nr": true, "number": true, "num": true, "nummer": true, "numero": true, "numer": true}

// keyedWords returns newContextWords(words) and adds their last words to
// keyedLast.
func keyedWords(words ...string) *contextWords {
	for _, w := range words {
		f := strings.Fields(w)
		keyedLast[f[len(f)-1]] = true
	}
	return newContextWords(words...)
}

// keyedGate reports cheaply whether a word that may end a label
// (keyedLast, or a word with letters of other scripts) stands right before
// the value at i, with at most 8 bytes of a key's punctuation between
// (quotes, maybe escaped, ':', '=', '#', '.'; a dot leader of any length
// counts as one): most numbers follow no
// label, and are not looked up in the labels' words.
func keyedGate(s string, i int) bool {
	k, leader := i, 0
	for k > 0 && i-k-leader < 8 {
		c := s[k-1]
		if c == '.' && k >= 3 && s[k-2] == '.' && s[k-3] == '.' && leader == 0 {
			e := k
			for k > 0 && s[k-1] == '.' && e-k < 40 {
				k-- // a form's dot leader: Account # ...... 7029167609
			}
			leader = e - k - 1
			continue
		}
		if c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == ':' || c == '=' || c == '#' || c == '.' {
			k--
			continue
		}
		break
	}
	w := k
	for w > 0 && k-w <= maxKey && (isAlnum(s[w-1]) || s[w-1] >= utf8.RuneSelf) {
		if s[w-1] >= utf8.RuneSelf {
			return true // (n°, Führerschein, 운전면허: asked of the words)
		}
		w--
	}
	if w == k || k-w > maxKey {
		return false
	}
	var buf [maxKey]byte
	word := string(lowerInto(buf[:], s[w:k]))
	if keyedLast[word] {
		return true
	}
	if word == "n" || word == "no" || word == "nr" || word == "nro" || word == "num" {
		// a number sign after the label's name (Patente n. U16507195A,
		// Permis B no 9312…): the word before it ends the label
		k = w
		for k > 0 && w-k < 4 && (s[k-1] == ' ' || s[k-1] == '.') {
			k--
		}
		w = k
		for w > 0 && k-w <= maxKey && isAlnum(s[w-1]) {
			w--
		}
		return w < k && k-w <= maxKey && keyedLast[string(lowerInto(buf[:], s[w:k]))]
	}
	return false
}

// keyedID matches at s[i] an identity number of a shape of its own that
// its label names (a GB licence needs none): national_id, or ssn for a
// FHIR identifier of the US SSN's system. The scanner asks it before the
// other detectors of numbers, labelledID after them.
func (sc *Scanner) keyedID(s string, i int) (Finding, bool) {
	if start, end, ok := healthShape(s, i); ok {
		return Finding{start, end, NationalID}, true // MBI 1EG4-TE5-MK73, IHI 8003 6088 …, MRN19873299
	}
	if i+16 <= len(s) && isUpper(s[i]) && dvlaLicence(s[i:i+16]) && (i+16 == len(s) || !isWord(s[i+16]) && s[i+16] != '-') {
		return Finding{i, i + 16, NationalID}, true
	}
	if i == 0 {
		return Finding{}, false
	}
	if !isDigit(s[i]) {
		if e, ok := kvnr(s, i); ok {
			return Finding{i, e, NationalID}, true // Krankenversichertennummer lautet Q793310406
		}
		if j, ok := healthLabelGate(s, i); ok && isUpper(s[i]) {
			if e, ok := healthLabelled(s, i, j); ok {
				return Finding{i, e, NationalID}, true // "kvnr": "T024213571"
			}
		}
		return Finding{}, false
	}
	if s[i-1] == '"' && (hasSuffixFold(s[:i], `extension="`) || hasSuffixFold(s[:i], `extension=\"`)) {
		if e, ok := cdaSSN(s, i); ok && sc.on[SSN] {
			return Finding{i, e, SSN}, true // <id extension="…" root="2.16.840.1.113883.4.1"/>
		}
	}
	if s[i-1] == '"' {
		if sys := fhirSystem(s, i); sys != "" {
			end, t, ok := fhirValue(s, i, sys)
			if ok && sc.on[t] {
				return Finding{i, end, t}, true
			}
			return Finding{}, false
		}
	}
	j, ok := healthLabelGate(s, i)
	if !ok {
		return Finding{}, false
	}
	if e, ok := healthLabelled(s, i, j); ok {
		return Finding{i, e, NationalID}, true // MRN: 8794381, OHIP: 8508 436 907 XY
	}
	if j != i {
		return Finding{}, false // (a copula before: only a health label takes it)
	}
	if end, ok := medicare(s, i); ok && namedBefore(s, i, medicareWords, 2) {
		return Finding{i, end, NationalID}, true
	}
	if !keyGap(s, i) {
		return Finding{}, false // the others are keys' values: "ein": …, utr=…
	}
	if end, ok := einValue(s, i); ok {
		return Finding{i, end, NationalID}, true
	}
	if end, ok := utrValue(s, i); ok && namedBefore(s, i, utrWords, 2) {
		return Finding{i, end, NationalID}, true
	}
	if e := runOf(s, i, isDigit); (e-i == 9 || e-i == 13) && (e == len(s) || !isWord(s[e])) &&
		namedBefore(s, i, ineWords[(e-i)/13], 1) {
		return Finding{i, e, NationalID}, true // an INE card's CIC (9 digits), its OCR line's number (13): cic=298678098
	}
	return Finding{}, false
}

// ineWords name the two numbers of a Mexican INE voter card besides its
// clave de elector, as KYC services key them: the CIC (código de
// identificación de credencial, 9 digits) and the number of the card's
// OCR line (13 digits).
var ineWords = [2]*contextWords{keyedWords("cic", "ine cic", "cic ine"), keyedWords("ocr", "ine ocr", "ocr ine", "numero ocr", "número ocr")}

// labelledID matches at s[i] a number of no shape of its own that its
// label names: a driving licence, any 8 to 13 digits (14 as Egypt's) under a national_id
// key, or 8 (14 as Egypt's) in a national_id column (a claims table's
// "National ID" or "ID No."; nationalIDColumns). The scanner asks it
// after the other detectors: a card or an SSN under such a key is
// reported as what it is.
func labelledID(s string, i int) (Finding, bool) {
	if i > 0 && (cellSep(s[i-1]) || s[i-1] == '\n' || s[i-1] == ' ' && i > 1 && s[i-2] == '|') {
		e, ok := licence(s, i)
		if !ok {
			e, ok = krLicence(s, i)
		}
		if ok && ownCell(s, i, e) && idColumn(s, i, licenceWords, nil) && !otherCode(s, i) {
			return Finding{i, e, NationalID}, true // a fleet's export, a cdl column, a Markdown table's cell
		}
	}
	if isDigit(s[i]) && (i == 0 || cellSep(s[i-1]) || s[i-1] == '\n' || s[i-1] == ' ' && i > 1 && (s[i-2] == '|' || s[i-2] == ' ')) {
		if e, ok := digitGroups(s, i, 8, 16); ok && columnIDDigits(s, i, e) && ownCell(s, i, e) && idColumn(s, i, nationalIDColumns, nil) {
			return Finding{i, e, NationalID}, true
		}
	}
	if i == 0 || !keyedGate(s, i) {
		return Finding{}, false
	}
	if e, ok := licence(s, i); ok && licenceBefore(s, i) && !otherCode(s, i) {
		return Finding{i, e, NationalID}, true
	}
	if e, ok := krLicence(s, i); ok && licenceBefore(s, i) {
		return Finding{i, e, NationalID}, true // 운전면허번호: 13-24-902038-51
	}
	if !isDigit(s[i]) || !keyGap(s, i) {
		return Finding{}, false
	}
	if e, ok := digitGroups(s, i, 8, 16); ok && namedBefore(s, i, nationalIDKeys, 2) {
		if _, ok := anyIDDigits(s, i, e); ok {
			return Finding{i, e, NationalID}, true
		}
	}
	return Finding{}, false
}

// columnIDDigits reports whether the digits s[i:e] may be an identity
// number of no kind in a column nationalIDColumns head: 8 of them, 14 in
// the shape of Egypt's, 16 in fours (9 to 13 there must pass a kind's
// check, nationalid.go: one that fails is a test value or a typo).
func columnIDDigits(s string, i, e int) bool {
	n, ok := anyIDDigits(s, i, e)
	return ok && (n == 8 || n == 14 || n == 16)
}

// anyIDDigits reports whether the 8 to 16 digits s[i:e] (maybe grouped)
// may be an identity number of no kind its label names: 8 to 13 digits,
// 14 in the shape of Egypt's national number, 16 only in fours (a
// PhilSys number). It returns how many digits there are.
func anyIDDigits(s string, i, e int) (int, bool) {
	var b [16]byte
	d := groupDigits(s[i:e], b[:0])
	switch {
	case len(d) == 14 && !egValid(d), len(d) == 15, len(d) == 16 && (e-i != 19 || s[i+4] != s[i+9] || s[i+9] != s[i+14]):
		return len(d), false
	}
	return len(d), true
}

// keyGap reports whether a ':' or '=' stands between the value at i and
// the word before it: the value of a key (or a label), not a number in
// prose after the word.
func keyGap(s string, i int) bool {
	for k := i; k > 0 && i-k < 8; k-- {
		switch s[k-1] {
		case ':', '=':
			return true
		case ' ', '\t', '"', '\'', '\\':
			continue
		}
		return false
	}
	return false
}

// digitGroups returns the end of lo to hi digits at s[i], in groups set
// apart by single spaces, '-', '.' or '/', ending at a boundary (no
// letter, digit or '_' after).
func digitGroups(s string, i, lo, hi int) (int, bool) {
	e, n := i, 0
	for e < len(s) {
		if isDigit(s[e]) {
			n++
			e++
			continue
		}
		if n > 0 && e+1 < len(s) && isDigit(s[e+1]) && isDigit(s[e-1]) && (s[e] == ' ' || s[e] == '-' || s[e] == '.' || s[e] == '/') {
			e++
			continue
		}
		break
	}
	if n < lo || n > hi || e < len(s) && (isWord(s[e]) || s[e] == '@') {
		return 0, false
	}
	return e, true
}

// nationalIDKeys name an identity number of no one kind as a key writes
// it: national_id, nationalId, national_id_number (the words' own checks
// decide elsewhere; under the key any 8 to 13 digits are one, and 14 in
// the shape of Egypt's national number; not "national_number", a phone
// number's national part in libphonenumber).
var nationalIDKeys = keyedWords("national id", "nationalid", "nationalidnumber", "national identity",
	"nationalidentitynumber", "national identification", "nationalidentificationnumber",
	// a KYC vendor's identity document (idDocNumber, id_doc_number), an
	// onboarding form's idNumber (camelCase: "ID number" in prose, and
	// id_number, ask for the kind's check)
	"iddocnumber", "id doc number", "id document number", "identity document number", "identitydocumentnumber",
	"idnumber")

// nationalIDColumns name a table's column of identity numbers of no one
// kind, where a cell of 8 digits (Kenya's, a kind with no check digit) or
// Egypt's 14 is one: "national_id", "National ID", and "ID No." as claims
// and payout tables head one (not as a key: "id_no": 12345678 is as
// often a row's id). Not "idnumber": Moodle's user upload file holds the
// school's own number for a student there.
var nationalIDColumns = newContextWords("national id", "nationalid", "national identity", "national identification",
	"nationalidnumber", "nationalidentitynumber", "nationalidentificationnumber", "id no", "id nr")

// An employer identification number (US EIN, NN-NNNNNNN) after its key
// (ein, fein, employer_id, employerIdentificationNumber): its two first
// digits are a prefix the IRS assigns (python-stdnum us/ein.dat, from
// the IRS's list of valid EIN prefixes); 9 digits without the dash only
// after ein or fein ("employer_id": 123456789 is as often a row's id).
var (
	einWords      = keyedWords("ein", "fein", "employer id", "employerid", "employer identification", "employeridentificationnumber", "federal ein", "federal tax id", "tax id")
	einPlainWords = keyedWords("ein", "fein", "employer identification", "employeridentificationnumber")
	einPrefixes   = func() (p [100]bool) {
		for _, n := range []int{
			1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27,
			30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
			50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68,
			71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
		} {
			p[n] = true
		}
		return p
	}()
)

// einValue returns the end of an EIN at s[i] after its key.
func einValue(s string, i int) (int, bool) {
	if i+9 > len(s) || !isDigit(s[i+1]) || !einPrefixes[atoi2(s[i], s[i+1])] {
		return 0, false
	}
	e := i + 2
	dashed := s[e] == '-'
	if dashed {
		e++
	}
	if e+7 > len(s) || !allDigits(s[e:e+7]) {
		return 0, false
	}
	e += 7
	if e < len(s) && (isWord(s[e]) || s[e] == '-' || s[e] == '.' && e+1 < len(s) && isDigit(s[e+1])) {
		return 0, false
	}
	if dashed {
		return e, namedBefore(s, i, einWords, 2)
	}
	return e, namedBefore(s, i, einPlainWords, 2)
}

// A UK unique taxpayer reference (UTR): 10 digits HMRC gives a taxpayer
// (OECD's UK TIN sheet), as HMRC's letters print it (12345 67890, maybe a
// trailing K), right after its key or label (utr, unique taxpayer
// reference; an Indian bank's UTR of a UPI payment has 12 digits, not 10),
// whatever its first digit. Further from its word (the answer to a
// question naming it, or after a generic word: "my tax number is") it
// must pass HMRC's check (utrValid, nationalid.go).
var utrWords = keyedWords("utr", "utr number", "utr no", "unique taxpayer", "taxpayer reference", "utrnumber", "sautr", "ctutr")

// utrValue returns the end of a UTR at s[i].
func utrValue(s string, i int) (int, bool) {
	if e, ok := digitGroups(s, i, 10, 10); ok {
		return e, true
	}
	if i+11 <= len(s) && allDigits(s[i:i+10]) && s[i+10] == 'K' && (i+11 == len(s) || !isWord(s[i+11])) {
		return i + 11, true // 1234567890K
	}
	return 0, false
}

// An Australian Medicare card number: 10 digits (as the card prints them,
// 2123 45670 1), the first 2 to 6, the ninth a check digit (the first
// eight times 1, 3, 7, 9, 1, 3, 7, 9, mod 10), the tenth the card's issue
// number, maybe an eleventh, the person's number on the card (IRN), as
// Presidio's AuMedicareRecognizer checks it
// (presidio_analyzer/predefined_recognizers/country_specific/australia/
// au_medicare_recognizer.py). The check passes one number in ten, so only
// after "medicare".
var medicareWords = keyedWords("medicare", "medicarenumber", "medicareno", "medicarecardnumber", "medicare card")

// medicare returns the end of a Medicare number at s[i].
func medicare(s string, i int) (int, bool) {
	e, ok := digitGroups(s, i, 10, 11)
	if !ok {
		return 0, false
	}
	var b [11]byte
	return e, medicareValid(groupDigits(s[i:e], b[:0]))
}

// medicareValid checks the digits of a Medicare number (medicare).
func medicareValid(d []byte) bool {
	if len(d) < 10 || d[0] < '2' || d[0] > '6' {
		return false
	}
	return weightedSum(d, []int{1, 3, 7, 9, 1, 3, 7, 9})%10 == int(d[8]-'0')
}

// fhirSystems map the naming systems of FHIR identifiers ({"system": …,
// "value": …}, HL7 FHIR's Identifier) to the kinds of number they hold:
// the US SSN (HL7's us-ssn and its OID), the AU Medicare number and IHI,
// the NHS number. A provider's number (us-npi) names a practitioner, as
// a registry publishes it: no one's personal data.
var fhirSystems = map[string]byte{
	"http://hl7.org/fhir/sid/us-ssn":                       'S',
	"urn:oid:2.16.840.1.113883.4.1":                        'S',
	"http://ns.electronichealth.net.au/id/medicare-number": 'M',
	"http://ns.electronichealth.net.au/id/hi/ihi/1.0":      'I',
	"https://fhir.nhs.uk/Id/nhs-number":                    'N',
	"urn:oid:2.16.840.1.113883.2.1.4.1":                    'N',
	"http://hl7.org/fhir/sid/us-npi":                       '-',
}

// fhirSystem returns the system of the FHIR identifier whose "value"
// string starts at i, when the member right before "value" is its
// "system" (the order FHIR's JSON writes them in); or "".
func fhirSystem(s string, i int) string {
	k := i - 1 // the value's opening quote
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ':') {
		k--
	}
	if k < 8 || s[k-1] != '"' {
		return ""
	}
	k--
	if s[k-1] == '\\' {
		k--
	}
	if k < 6 || s[k-5:k] != "value" {
		return ""
	}
	k -= 5
	// "system": "…", before it
	if k < 1 || s[k-1] != '"' {
		return ""
	}
	k--
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',' || s[k-1] == '\n' || s[k-1] == '\t' || s[k-1] == '\r') {
		k--
	}
	if k == 0 || s[k-1] != '"' {
		return ""
	}
	e := k - 1
	if e > 0 && s[e-1] == '\\' {
		e--
	}
	b := e
	for b > 0 && e-b < 80 && s[b-1] != '"' {
		b--
	}
	if b == 0 || e-b >= 80 || !hasSuffixAt(s, b-1, "\"system\"") && !hasSuffixAt(s, b-1, "\"system\\\"") {
		return ""
	}
	sys := s[b:e]
	if len(sys) > 0 && sys[len(sys)-1] == '\\' {
		sys = sys[:len(sys)-1]
	}
	return sys
}

// hasSuffixAt reports whether the text before s[j] (after blanks and ':'
// and a quote, maybe escaped) ends with the member name w.
func hasSuffixAt(s string, j int, w string) bool {
	k := j
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ':') {
		k--
	}
	return k >= len(w) && s[k-len(w):k] == w
}

// fhirValue matches at s[i] the value of a FHIR identifier of system sys.
func fhirValue(s string, i int, sys string) (int, Type, bool) {
	switch fhirSystems[sys] {
	case 'S':
		var b [9]byte
		if e, ok := digitGroups(s, i, 9, 9); ok {
			if d := groupDigits(s[i:e], b[:0]); ssnValid(atoiB(d[:3]), atoiB(d[3:5]), atoiB(d[5:])) {
				return e, SSN, true
			}
		}
	case 'M':
		if e, ok := medicare(s, i); ok {
			return e, NationalID, true
		}
	case 'I':
		var b [16]byte
		if e, ok := digitGroups(s, i, 16, 16); ok {
			if d := groupDigits(s[i:e], b[:0]); string(d[:6]) == "800360" && luhn(d) {
				return e, NationalID, true // 800360…: the IHI's prefix, Luhn
			}
		}
	case 'N':
		var b [10]byte
		if e, ok := digitGroups(s, i, 10, 10); ok && nhsValid(groupDigits(s[i:e], b[:0])) {
			return e, NationalID, true
		}
	}
	return 0, 0, false
}

// groupDigits appends the digits of v to d.
func groupDigits(v string, d []byte) []byte {
	for k := 0; k < len(v); k++ {
		if isDigit(v[k]) {
			d = append(d, v[k])
		}
	}
	return d
}

// cdaSSN matches at s[i] the extension of an HL7 CDA (C-CDA) <id>
// element whose root is the US SSN's OID, 2.16.840.1.113883.4.1:
// <id extension="123456789" root="2.16.840.1.113883.4.1"/>, the root
// after it or before it in the same element. It returns the end.
func cdaSSN(s string, i int) (int, bool) {
	e, ok := digitGroups(s, i, 9, 9)
	if !ok || e >= len(s) || s[e] != '"' && s[e] != '\\' {
		return 0, false
	}
	ts := strings.LastIndexByte(s[max(0, i-160):i], '<')
	te := strings.IndexByte(s[e:min(len(s), e+160)], '>')
	if ts < 0 || te < 0 {
		return 0, false
	}
	tag := s[max(0, i-160)+ts : e+te]
	return e, strings.HasPrefix(tag, "<id ") && strings.Contains(tag, "root=") &&
		(strings.Contains(tag, `2.16.840.1.113883.4.1"`) || strings.Contains(tag, `2.16.840.1.113883.4.1\"`))
}
