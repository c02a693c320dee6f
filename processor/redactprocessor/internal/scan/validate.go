// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Luhn reports whether the digits of s (other bytes ignored) pass the Luhn
// check used by payment card numbers.
func Luhn(s string) bool { return luhn(s) }

func luhn[T string | []byte](s T) bool {
	sum, n := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		d := int(c - '0')
		if n%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		n++
	}
	return n > 0 && sum%10 == 0
}

// cardPrefix reports whether a card number's digits start with an issuer
// prefix in use (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay,
// Maestro, Mir, and the national networks RuPay, Troy, UzCard, Humo: the
// IIN table of ISO/IEC 7812's registrations as Wikipedia's "Payment card
// number" lists them, Troy's 9792 as Turkish PSPs' test cards show it),
// which keeps Luhn-valid order or account numbers out.
func cardPrefix(d []byte) bool {
	n := len(d)
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p4 := p2*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	switch {
	case d[0] == '4': // Visa
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return n == 16
	case p4 >= 2200 && p4 <= 2204: // Mir
		return n >= 16
	case p2 == 34 || p2 == 37: // Amex
		return n == 15
	case p4 == 6011, p2 == 65, p2 == 64 && d[2] >= '4': // Discover
		return n >= 16
	case p2 == 35, p2 == 62: // JCB, UnionPay
		return n >= 16
	case p2 == 36, p2 == 30, p2 == 38, p2 == 39: // Diners
		return n >= 14
	case p2 == 50, p2 >= 56 && p2 <= 58, p2 == 63, p2 == 67: // Maestro
		return n >= 12
	case p2 == 60, p2 == 81, p2 == 82: // RuPay (India; 65 and 508 are above)
		return n == 16
	case p4 == 9792, p4 == 8600, p4 == 9860: // Troy (Turkey), UzCard and Humo (Uzbekistan)
		return n == 16
	case p4 == 9417, p4 == 9051, p4 == 9891: // Elcard (Kyrgyzstan), ArCa (Armenia), DinaCard (Serbia)
		return n == 16
	case p4 == 9682: // mada's own BINs (Saudi Arabia: 968201–968211)
		return n == 16
	}
	return false
}

// ibanLengths are the IBAN lengths per country (SWIFT IBAN registry).
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
	"BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
	"ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
	"HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
	"LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
	"MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
	"RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
	// added to the registry since 2021: Burundi, Djibouti, Libya, Sudan,
	// Somalia, Russia, Nicaragua, Mongolia, Oman, Yemen, the Falklands,
	// Honduras
	"BI": 27, "DJ": 27, "LY": 25, "SD": 18, "SO": 23, "RU": 33, "NI": 28, "MN": 20, "OM": 23, "YE": 30, "FK": 18,
	"HN": 28,
	// national IBANs outside the registry, in the same form and mod-97
	// check (Iran's Sheba, the Maghreb's and West and Central Africa's)
	"IR": 26, "DZ": 26, "MA": 28, "AO": 25, "BJ": 28, "BF": 28, "CM": 27, "CV": 25, "CF": 27, "TD": 27, "KM": 27,
	"CG": 27, "CI": 28, "GQ": 27, "GA": 27, "GW": 25, "MG": 27, "ML": 28, "MZ": 25, "NE": 28, "SN": 28, "TG": 28,
}

// IBANValid reports whether compact (no spaces, upper case) has its
// country's length and passes the ISO 7064 mod-97 check.
func IBANValid(compact []byte) bool {
	if len(compact) < 15 {
		return false
	}
	want, ok := ibanLengths[string(compact[:2])]
	if !ok || want != len(compact) {
		return false
	}
	rem := 0
	add := func(c byte) bool {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return false
		}
		return true
	}
	for _, c := range compact[4:] {
		if !add(c) {
			return false
		}
	}
	for _, c := range compact[:4] {
		if !add(c) {
			return false
		}
	}
	return rem == 1
}

// Mod97 validates any string as an IBAN after removing spaces (the
// validator custom detectors can name).
func Mod97(s string) bool {
	var buf [34]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if n == len(buf) {
			return false
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return IBANValid(buf[:n])
}

// ssnValid applies the SSA's rules: area not 000, 666 or 900-999; group
// not 00; serial not 0000.
func ssnValid(area, group, serial int) bool {
	return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}
