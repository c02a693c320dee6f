// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Travel documents as machines print them (detector national_id):
//
//   - the second line of a passport's machine-readable zone (ICAO Doc 9303
//     part 4, TD3: 44 characters of A-Z, 0-9 and the filler '<'): the
//     document number (9 characters and its check digit), nationality,
//     birth date and check, sex, expiry and check, the optional personal
//     number (a national ID in some countries) and its check, and a
//     composite check. A line whose document number, birth date and
//     expiry pass their checks (digits and letters A=10 … Z=35, '<' 0,
//     weighted 7, 3, 1, mod 10) is one: the document number goes, and the
//     personal number when there is one;
//   - a PNR's SSR DOCS and DOCO elements, as Amadeus, Sabre and Galileo
//     print the travel document the airline holds for a passenger
//     (IATA's API Guidelines): "SSR DOCS QF HK1 P/NOR/99019870/NOR/06JUN89/…"
//     (type P, issuing state, number) and "SSR DOCO UA HK1 /V/13186671/…"
//     (a visa's number).

// mrzValue is the value of an MRZ character in a check digit's sum.
func mrzValue(c byte) (int, bool) {
	switch {
	case isDigit(c):
		return int(c - '0'), true
	case isUpper(c):
		return int(c-'A') + 10, true
	case c == '<':
		return 0, true
	}
	return 0, false
}

// mrzCheck reports whether the check digit c is right for f.
func mrzCheck(f string, c byte) bool {
	if !isDigit(c) && c != '<' {
		return false
	}
	w := [3]int{7, 3, 1}
	sum := 0
	for k := 0; k < len(f); k++ {
		v, ok := mrzValue(f[k])
		if !ok {
			return false
		}
		sum += v * w[k%3]
	}
	want := byte('0' + sum%10)
	return c == want || c == '<' && sum == 0
}

// mrzAt is mrzLine2 for the line starting with the run of letters and
// digits s[b:e], after a cheap test of that run: the document number of
// 8 or 9 characters and a '<' after it, or a run of 20 or more (the
// number, its check, the nationality, the birth date …).
func mrzAt(s string, b, e int) (ds, de, ps, pe int, ok bool) {
	if e-b >= 8 && b >= 2 && b+25 <= len(s) {
		if ds, de, ps, pe, ok := mrzTD1(s, b); ok {
			return ds, de, ps, pe, true
		}
	}
	if e-b < 8 || (e >= len(s) || s[e] != '<') && e-b < 20 {
		return 0, 0, 0, 0, false
	}
	return mrzLine2(s, b)
}

// mrzTD1 matches the first line of an identity card's MRZ (TD1, ICAO 9303
// part 5: 30 characters, I, A or C and a type letter or '<', the issuing
// state, the document number and its check digit, 15 characters of
// optional data, as the Dutch, German, French, Spanish and Italian cards
// print it: I<NLDANF8W71Z61491006184<<<<<<) around the word at s[b] (which
// starts at most 5 characters into the line). It returns the document
// number's span and the optional data's (a Dutch BSN, a Spanish DNI),
// empty when that is all '<'.
func mrzTD1(s string, b int) (ds, de, ps, pe int, ok bool) {
	ls := b
	for ls > 0 && b-ls < 5 && (isUpper(s[ls-1]) || s[ls-1] == '<') {
		ls--
	}
	escBreak := ls >= 2 && s[ls-1] == 'n' && s[ls-2] == '\\' // (a JSON string's \n before it)
	if ls > 0 && s[ls-1] != '\n' && !escBreak || ls+30 > len(s) {
		return 0, 0, 0, 0, false
	}
	l := s[ls : ls+30]
	if l[0] != 'I' && l[0] != 'A' && l[0] != 'C' || ls+30 < len(s) && s[ls+30] != '\n' && s[ls+30] != '\r' && s[ls+30] != '\\' {
		return 0, 0, 0, 0, false
	}
	if !mrzChars(l) || !isUpper(l[2]) && l[2] != '<' || !mrzCheck(l[5:14], l[14]) || l[14] == '<' {
		return 0, 0, 0, 0, false
	}
	de, pe = fillerStart(l, 5, 14), fillerStart(l, 15, 30)
	return ls + 5, ls + de, ls + 15, ls + pe, de > 5
}

// mrzChars reports whether every character of l is of the MRZ's alphabet.
func mrzChars(l string) bool {
	for k := 0; k < len(l); k++ {
		if _, ok := mrzValue(l[k]); !ok {
			return false
		}
	}
	return true
}

// fillerStart returns where the '<' fillers that end the field l[from:to]
// start (from when the field is all filler).
func fillerStart(l string, from, to int) int {
	for to > from && l[to-1] == '<' {
		to--
	}
	return to
}

// mrzLine2 matches at s[i] the second line of a passport's MRZ (TD3). It
// returns the document number's span and the personal number's (pe ==
// ps when it is empty).
func mrzLine2(s string, i int) (ds, de, ps, pe int, ok bool) {
	escBreak := i >= 2 && (s[i-1] == 'n' || s[i-1] == 't') && s[i-2] == '\\' // (a JSON string's \n before it)
	if i+44 > len(s) || i > 0 && (isAlnum(s[i-1]) && !escBreak || s[i-1] == '<') || i+44 < len(s) && (isAlnum(s[i+44]) && s[i+44] != '\\' || s[i+44] == '<') {
		return 0, 0, 0, 0, false
	}
	l := s[i : i+44]
	if !isDigit(l[13]) || !isDigit(l[19]) || !isDigit(l[27]) || l[20] != 'M' && l[20] != 'F' && l[20] != '<' && l[20] != 'X' {
		return 0, 0, 0, 0, false // (the cheap tests first: most words and numbers fail them)
	}
	if !mrzChars(l) {
		return 0, 0, 0, 0, false
	}
	if !allDigits(l[13:19]) || !allDigits(l[21:27]) || l[20] != 'M' && l[20] != 'F' && l[20] != '<' && l[20] != 'X' ||
		!mrzCheck(l[0:9], l[9]) || !mrzCheck(l[13:19], l[19]) || !mrzCheck(l[21:27], l[27]) {
		return 0, 0, 0, 0, false
	}
	de, pe = fillerStart(l, 0, 9), fillerStart(l, 28, 42)
	return i, i + de, i + 28, i + pe, de > 0
}

// pnrDocument matches at s[i] the number of a travel document in a PNR's
// SSR DOCS or DOCO element: after "/P/NOR/" or " P/NOR/" (a passport, or
// I, A, C for other documents, then the issuing state) on a DOCS line,
// after "/V/" on a DOCO line. It returns the end.
func pnrDocument(s string, i int) (int, bool) {
	if i < 3 || s[i-1] != '/' {
		return 0, false
	}
	var elem string // (lower case, for indexFold)
	switch {
	case i >= 7 && s[i-5] == '/' && isUpper(s[i-4]) && isUpper(s[i-3]) && isUpper(s[i-2]) &&
		(s[i-6] == 'P' || s[i-6] == 'I' || s[i-6] == 'A' || s[i-6] == 'C') && (s[i-7] == '/' || s[i-7] == ' '):
		elem = "docs"
	case s[i-3] == '/' && s[i-2] == 'V':
		elem = "doco"
	default:
		return 0, false
	}
	e := i
	for e < len(s) && e-i < 16 && isAlnum(s[e]) {
		e++
	}
	if e-i < 5 || e-i > 15 || e >= len(s) || s[e] != '/' {
		return 0, false
	}
	ls := i
	for ls > 0 && i-ls < 80 && s[ls-1] != '\n' {
		ls--
	}
	return e, indexFold(s[ls:i], "ssr") >= 0 && indexFold(s[ls:i], elem) >= 0
}
