// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// A mobile subscriber's or device's identifier (detector device_id): what
// telecom and IoT support tools print beside a subscriber, and what
// Google's DLP finds as IMEI_HARDWARE_ID, IMSI_ID and ICCID_NUMBER:
//
//   - the IMEI of a handset or a modem (15 digits, the last a Luhn digit
//     over the others, 3GPP TS 23.003; AA-BBBBBB-CCCCCC-D as a box prints
//     it), and the IMEISV (16 digits, no check), after their label;
//   - the IMSI of a SIM (15 digits: a country code MCC of 2xx to 7xx, the
//     network's code, the subscriber's number), after its label;
//   - the ICCID of a SIM card (19 or 20 digits, 89 and the country's
//     calling code first, the last a Luhn digit, ITU-T E.118), after its
//     label or alone: no other number of that length starts so and
//     passes Luhn;
//   - the EID of an eSIM (32 digits, 89 first, mod 97 equal to 1 as an
//     IBAN's, GSMA SGP.29), alone.
//
//   - a network interface's hardware address (a MAC address, what AWS
//     Comprehend finds as MAC_ADDRESS and Google's DLP as MAC_ADDRESS):
//     six groups of two hex digits, ':' or '-' between (IEEE 802's and
//     Windows' forms), alone. A phone's, a laptop's or a guest's device
//     is tracked by it across networks (hotspot logs, DHCP leases,
//     RADIUS's Calling-Station-Id), as personal as an IP address. Not a
//     longer colon chain (a certificate's fingerprint), not the all-zero
//     or broadcast address, and with '-' a hex letter in it (not six
//     pairs of digits: a phone or a date).
//
// A label stands right before the value (a key's quotes and ':' or '=',
// or the dot leaders of a trace's field, "imsi ........... 2860…") or
// heads its table column (a CDR export's imsi, imei). An IMEI or an
// ICCID that fails its check is kept: a typo in a ticket is no one's.

// deviceWords name a device's or a subscriber's identifier.
var deviceWords = keyedWords(
	"imei", "imeisv", "imsi", "iccid", "sim iccid", "sim imsi", "modem imei", "device imei", "esim eid", "eid",
	"simiccid", "simimsi", "modemimei", "deviceimei", "sim serial", "sim number", "sim card", "simcardnumber",
	// (not "sim card number": a phrase is found by its last two words,
	// and "card number" heads a column of cards)
)

// deviceID matches at s[i] (a digit) a device's or a subscriber's
// identifier (m: the scanner's memo of the table header). It returns the
// end.
func deviceID(s string, i int, m *colMemo) (int, bool) {
	e := i
	for e < len(s) && e-i < 33 && isDigit(s[e]) {
		e++
	}
	n := e - i
	if n == 2 && e < len(s) && s[e] == '-' {
		return imeiDashed(s, i) // 35-209900-176148-1
	}
	if e < len(s) && (isWord(s[e]) || s[e] == '-' || s[e] == '.' && e+1 < len(s) && isDigit(s[e+1])) {
		return 0, false
	}
	switch {
	case n == 32 && s[i] == '8' && s[i+1] == '9' && digitsMod97(s[i:e]) == 1:
		return e, true // an eSIM's EID
	case (n == 19 || n == 20) && s[i] == '8' && s[i+1] == '9' && luhn(s[i:e]):
		return e, true // a SIM's ICCID
	case n == 15 && deviceLabel(s, i) && (luhn(s[i:e]) || s[i] >= '2' && s[i] <= '7' && imsiLabel(s, i)):
		return e, true // an IMEI, an IMSI
	case n == 15 && luhn(s[i:e]) && imeiOnLine(s, i):
		return e, true // IMEI para que lo chequen en la lista negra: 990012341805163
	case n == 16 && deviceLabel(s, i) && imeisvLabel(s, i):
		return e, true
	case n >= 15 && n <= 20 && deviceColumn(s, i, e, m):
		return e, true // a CDR export's imsi and imei columns
	}
	return 0, false
}

// imeiDashed matches an IMEI grouped as its box prints it: 2, 6, 6 and
// the check digit, '-' between, after its label.
func imeiDashed(s string, i int) (int, bool) {
	if i+18 > len(s) || s[i+2] != '-' || s[i+9] != '-' || s[i+16] != '-' {
		return 0, false
	}
	if !allDigits(s[i:i+2]) || !allDigits(s[i+3:i+9]) || !allDigits(s[i+10:i+16]) || !isDigit(s[i+17]) ||
		i+18 < len(s) && isWord(s[i+18]) {
		return 0, false
	}
	var d [15]byte
	n := copy(d[:], s[i:i+2])
	n += copy(d[n:], s[i+3:i+9])
	n += copy(d[n:], s[i+10:i+16])
	d[n] = s[i+17]
	return i + 18, luhn(d[:]) && deviceLabel(s, i)
}

// deviceLabel reports whether a device label stands right before the
// value at i, its punctuation or a trace's dot leaders between (up to 24
// bytes of blanks, '.', ':', '=', quotes).
func deviceLabel(s string, i int) bool {
	k := i
	for k > 0 && i-k < 24 {
		switch s[k-1] {
		case ' ', '\t', '.', ':', '=', '"', '\'', '\\':
			k--
			continue
		}
		break
	}
	if k >= 3 && k < i && (s[k-1] == '1' || s[k-1] == '2') && (s[k-2] == ' ' || s[k-2] == '-' || s[k-2] == '_' || isLetter(s[k-2])) {
		// a dual-SIM phone's IMEI 1:, IMEI-2:, imei2=
		k--
		if !isLetter(s[k-1]) {
			k--
		}
	}
	return k > 0 && k < i && contextNear(s, k, deviceWords, 2)
}

// imeiOnLine reports whether the word IMEI stands earlier on the line of
// the number at i, within 80 bytes: a sentence about the handset between
// the label and its IMEI (a 15-digit number that passes Luhn, asked
// only then).
func imeiOnLine(s string, i int) bool {
	ls, _ := lineStart(s, i, max(0, i-80))
	for k := ls; k+4 <= i; k++ {
		if s[k]|0x20 == 'i' && strings.EqualFold(s[k:k+4], "imei") && (k == 0 || !isAlnum(s[k-1])) && !isAlnum(s[k+4]) {
			return true
		}
	}
	return false
}

// imsiLabel reports whether the label before the value at i names an
// IMSI (an IMSI has no check digit: only its label says it is one).
func imsiLabel(s string, i int) bool { return wordBeforeIs(s, i, "imsi") }

// imeisvLabel reports whether the label before the value at i names an
// IMEISV.
func imeisvLabel(s string, i int) bool { return wordBeforeIs(s, i, "imeisv") }

// wordBeforeIs reports whether the last ASCII word before the value at i
// ends with w (case-insensitive): imsi, sim_imsi, SIM-IMSI.
func wordBeforeIs(s string, i int, w string) bool {
	k := i
	for k > 0 && i-k < 24 && !isAlnum(s[k-1]) {
		k--
	}
	return hasSuffixFold(s[:k], w)
}

// deviceColumn reports whether the number at s[i:e] is a whole cell of a
// table column whose header names a device's identifier (a CDR export's
// imsi, imei, iccid) and has that identifier's shape.
func deviceColumn(s string, i, e int, m *colMemo) bool {
	n := e - i
	if n != 15 && n != 16 && n != 19 && n != 20 || !cellEdge(s, i-1) || e < len(s) && !cellEdge(s, e) || !allDigits(s[i:e]) {
		return false
	}
	h, ok := columnHeader(s, i, m)
	if !ok || !contextBefore(h, len(h), deviceWords) {
		return false
	}
	switch n {
	case 15:
		return luhn(s[i:e]) || indexFold(h, "imsi") >= 0
	case 16:
		return indexFold(h, "imeisv") >= 0
	}
	return s[i] == '8' && s[i+1] == '9' && luhn(s[i:e])
}

// digitsMod97 returns the number the digits of d stand for, mod 97.
func digitsMod97[T string | []byte](d T) int {
	r := 0
	for k := 0; k < len(d); k++ {
		r = (r*10 + int(d[k]-'0')) % 97
	}
	return r
}

// adID reports whether v is a mobile device's advertising or vendor id: a
// UUID (8-4-4-4-12 hex digits, either case; not the zeros an app reads
// when its user limits ad tracking), or 16 hex digits (ANDROID_ID).
func adID(v string) bool {
	switch len(v) {
	case 16:
		return runOf(v, 0, isHex) == 16
	case 36:
		zeros := true
		for k := 0; k < 36; k++ {
			switch c := v[k]; {
			case k == 8 || k == 13 || k == 18 || k == 23:
				if c != '-' {
					return false
				}
			case !isHex(c):
				return false
			case c != '0':
				zeros = false
			}
		}
		return !zeros
	}
	return false
}

// macAround matches the MAC address holding the digit run s[i:e] of at
// most two digits, a group of it (the walk reaches a group after ':' or
// '-', a letter-led group, F2 or AD, not being a word's start). It
// returns the address's start and end.
func macAround(s string, i, e int) (int, int, bool) {
	g := i
	if e == i+1 && g > 0 && isHex(s[g-1]) {
		g-- // (F2: the walk met the 2)
	}
	for k := 0; k < 5 && g >= 3 && (s[g-1] == ':' || s[g-1] == '-') && isHex(s[g-2]) && isHex(s[g-3]); k++ {
		g -= 3
	}
	if end, ok := macAt(s, g); ok {
		return g, end, true
	}
	return 0, 0, false
}

// macAt matches a MAC address at s[g:g+17] (see above).
func macAt(s string, g int) (int, bool) {
	end := g + 17
	if end > len(s) || g > 0 && (isWord(s[g-1]) || (s[g-1] == ':' || s[g-1] == '-' || s[g-1] == '.') && g > 1 && isHex(s[g-2])) {
		return 0, false
	}
	sep := s[g+2]
	if sep != ':' && sep != '-' {
		return 0, false
	}
	letter, zero, ff := false, true, true
	for k := g; k < end; k += 3 {
		a, b := s[k], s[k+1]
		if !isHex(a) || !isHex(b) || k+2 < end && s[k+2] != sep {
			return 0, false
		}
		letter = letter || !isDigit(a) || !isDigit(b)
		zero = zero && a == '0' && b == '0'
		ff = ff && a|0x20 == 'f' && b|0x20 == 'f'
	}
	if end < len(s) && (isWord(s[end]) || (s[end] == ':' || s[end] == '-') && end+1 < len(s) && isHex(s[end+1])) {
		return 0, false // (a longer chain: a fingerprint)
	}
	return end, !zero && !ff && (letter || sep == ':')
}

// macNear is the walk's test, in a few byte comparisons, of whether the
// digit run s[i:e] may be a group of a MAC address: ':' or '-' after it
// or its hex letter, or before it.
func macNear(s string, i, e int) bool {
	if e < len(s) && isHex(s[e]) && e == i+1 {
		e++
	}
	return e < len(s) && (s[e] == ':' || s[e] == '-') || i > 0 && (s[i-1] == ':' || s[i-1] == '-')
}
