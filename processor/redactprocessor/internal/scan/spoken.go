// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// spoken matches a number read out one digit at a time, as speech-to-text
// writes it in a call transcript: single digits split by a space, with
// ", " where the speaker paused ("3 4 6 2, 9 8 9 5 1 3, 9 4 0 9 0"). Such
// a run is
//
//   - a card number when it has 13 to 19 digits that start like a known
//     issuer's and pass the Luhn check;
//   - a US social security number when it has 9 digits valid as one and a
//     word naming one (ssnWords: "social", "SSN") stands within the eight
//     words before;
//   - a card security code when it has 3 or 4 digits right after a word
//     naming one (cvvWords: "security code 0 6 6 4").
//
// A run starts at its first digit (not inside another run) and is at
// most 19 digits; anything else spoken this way (a phone number, an
// account) is not taken: without a check digit or a word, single digits
// are counts and lists as often.
func (sc *Scanner) spoken(s string, i int) (Finding, bool) {
	if i >= 2 && s[i-1] == ' ' && (isDigit(s[i-2]) || (s[i-2] == ',' && i >= 3 && isDigit(s[i-3]))) {
		return Finding{}, false // inside a run
	}
	var d [20]byte
	nd, k, end := 0, i, i
	for k < len(s) && isDigit(s[k]) {
		if (k+1 < len(s) && isDigit(s[k+1])) || nd == len(d) {
			return Finding{}, false // a group of two digits or more: not spoken one by one
		}
		d[nd] = s[k]
		nd++
		end = k + 1
		switch {
		case k+2 < len(s) && s[k+1] == ' ' && isDigit(s[k+2]):
			k += 2
		case k+3 < len(s) && s[k+1] == ',' && s[k+2] == ' ' && isDigit(s[k+3]):
			k += 3
		default:
			k = len(s)
		}
	}
	if end < len(s) && isAlnum(s[end]) {
		return Finding{}, false
	}
	switch {
	case nd >= 13 && nd <= 19 && sc.on[CreditCard]:
		if cardPrefix(d[:nd]) && Luhn(string(d[:nd])) {
			return Finding{i, end, CreditCard}, true
		}
	case nd == 9 && sc.on[SSN]:
		ds := string(d[:9])
		if ssnValid(atoi(ds[0:3]), atoi(ds[3:5]), atoi(ds[5:9])) && contextNear(s, i, ssnWords, 8) {
			return Finding{i, end, SSN}, true
		}
	case (nd == 3 || nd == 4) && sc.on[CardCVV]:
		if contextNear(s, i, cvvWords, 2) {
			return Finding{i, end, CardCVV}, true
		}
	}
	return Finding{}, false
}
