// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"bytes"
	"strings"
)

// codeCell reports whether the digits s[i:e] are a card security code in
// the table cell right after the cell of the card number found last, or
// after the card's expiry date in the cell between (a payments table
// dumped by a database client, a CSV export: "| 3540…7253 | 819 |",
// "4111…,123,", "pan,exp,cvv" rows "6011…4088,02/30,045"), whatever the
// column is called: the code has the card's code length (4 digits for
// American Express, whose PANs start 34 or 37; 3 for the other issuers)
// and its cell holds nothing else.
func codeCell(s string, i, e int, dst []Finding) bool {
	if len(dst) == 0 {
		return false
	}
	f := dst[len(dst)-1]
	if f.Type != CreditCard || f.End >= i {
		return false
	}
	if e-i != codeLen(s, f) {
		return false
	}
	k := f.End
	for k < i && (s[k] == ' ' || s[k] == '"' || s[k] == '\'') {
		k++
	}
	if k == i || !cellSep(s[k]) {
		return false
	}
	sep := s[k]
	for k++; k < i && (s[k] == ' ' || s[k] == '"' || s[k] == '\''); k++ {
	}
	if k != i {
		// The card's expiry in the cell between: MM/YY, MM/YYYY, MM-YY,
		// MM-YYYY, month 01 to 12.
		x := k
		if n := expiryLen(s[k:], true); n > 0 {
			if m := atoi(s[k : k+2]); m >= 1 && m <= 12 {
				x += n
			}
		}
		for x < i && (s[x] == ' ' || s[x] == '"' || s[x] == '\'') {
			x++
		}
		if x == k || x >= i || s[x] != sep {
			return false
		}
		for x++; x < i && (s[x] == ' ' || s[x] == '"' || s[x] == '\''); x++ {
		}
		if x != i {
			return false
		}
	}
	for k = e; k < len(s) && (s[k] == ' ' || s[k] == '"' || s[k] == '\''); k++ {
	}
	return k == len(s) || s[k] == sep || s[k] == '\n' || s[k] == '\r'
}

// codeLen returns the security code length of the card found at f: 4
// digits for American Express, whose PANs start 34 or 37, 3 for the other
// issuers.
func codeLen(s string, f Finding) int {
	if p := s[f.Start : f.Start+2]; p == "34" || p == "37" {
		return 4
	}
	return 3
}

// numberGoesOn reports whether the digits ending at e go on: a letter or
// digit follows, or '.', '/', ',' or '-' and a digit (a decimal, a date, a
// longer number).
func numberGoesOn(s string, e int) bool {
	return e < len(s) && (isAlnum(s[e]) || (s[e] == '.' || s[e] == '/' || s[e] == ',' || s[e] == '-') && e+1 < len(s) && isDigit(s[e+1]))
}

// cellSep reports whether c splits the cells of a table row.
func cellSep(c byte) bool { return c == '|' || c == '\t' || c == ',' || c == ';' }

// codeAfterCard reports whether the digits s[i:e] are the security code of
// the card number found last, named in the words between them in any
// language: "kaart 6304…2219 geldig tot 12/30 beveiligingscode 514",
// "kortti 5301…6181 voimassa 02/28 turvakoodi 274", "כרטיס אשראי 3708…
// תוקף 07/31 קוד אבטחה 6394". The code has the card's code length (4 for
// American Express, 3 for the others, as codeCell); it follows the card on
// the same line within 64 bytes, with no digits between them but an
// expiry date (MM/YY, MM/YYYY), and the text between holds a word for
// "code" or a card code's own name (codeStems).
func codeAfterCard(s string, i, e int, dst []Finding) bool {
	if len(dst) == 0 {
		return false
	}
	f := dst[len(dst)-1]
	if f.Type != CreditCard || f.End >= i || i-f.End > 64 {
		return false
	}
	if e-i != codeLen(s, f) || numberGoesOn(s, e) {
		return false
	}
	between := s[f.End:i]
	if n := len(between); n >= 6 && n <= 9 && between[0] == between[n-1] && (between[0] == ' ' || between[0] == '|' || between[0] == ',') &&
		shortExpiry(between[1:n-1]) {
		// card, expiry, code, as a card is dumped or typed in one line
		// ("4741598860426062 4/25 088", "…|12/27|123")
		return true
	}
	if between == " / " || between == "/" || between == " | " {
		// card / code, as people type the two in a chat ("4959536760460200
		// / 131"), when the code ends its line or the text.
		return codeEndsLine(s, e)
	}
	for k := 0; k < len(between); k++ {
		switch c := between[k]; {
		case c == '\n' || c == '\r' || c == '\\' && k+1 < len(between) && (between[k+1] == 'n' || between[k+1] == 'r'):
			return false // another line
		case isDigit(c):
			n := expiryLen(between[k:], false)
			if n == 0 || k > 0 && isAlnum(between[k-1]) {
				return false
			}
			k += n - 1
		}
	}
	var buf [64]byte
	low := buf[:0]
	for k := 0; k < len(between); k++ {
		low = append(low, lower(between[k]))
	}
	for _, w := range codeStems {
		if bytes.Contains(low, []byte(w)) {
			return true
		}
	}
	return false
}

// codeQuestionWords name a card's security code in a question about it:
// its names, or where it is printed ("the three digit code on the back").
var codeQuestionWords = newContextWords(
	"cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "security code", "card code", "digit code", "the back", "back of",
	// "on the back" in Spanish, Italian, French, German, Dutch, Portuguese
	"de detrás", "detrás", "sul retro", "retro", "au dos", "hinten", "rückseite", "achterkant", "verso", "código de seguridad",
)

// codeAnswer reports whether the digits s[i:e] answer, on their own line
// after a speaker's label, a question on the line before about the code
// of the card found last, within 320 bytes ("AGENT: And the three digit
// code on the back?\nCALLER: 581."): the card's code length, and nothing
// else on the line.
func codeAnswer(s string, i, e int, dst []Finding) bool {
	f := dst[len(dst)-1]
	if f.Type != CreditCard || f.End >= i || i-f.End > 320 || e-i != codeLen(s, f) || numberGoesOn(s, e) {
		return false
	}
	return codeEndsLine(s, e) && answerContext(s, i, codeQuestionWords)
}

// codeEndsLine reports whether only blanks, a full stop or a closing
// quote stand between e and the end of its line or text.
func codeEndsLine(s string, e int) bool {
	for k := e; k < len(s) && k-e < 8; k++ {
		switch c := s[k]; {
		case c == '\n' || c == '\r' || c == '\\' && k+1 < len(s) && (s[k+1] == 'n' || s[k+1] == '"'):
			return true
		case c == ' ' || c == '.' || c == '"' || c == '\'':
		default:
			return false
		}
	}
	return e == len(s) || len(s)-e < 8
}

// shortExpiry reports whether s is a card's expiry as people type it:
// M/YY, MM/YY, M/YYYY or MM/YYYY, month 1 to 12.
func shortExpiry(s string) bool {
	m, rest, ok := strings.Cut(s, "/")
	if !ok || len(m) < 1 || len(m) > 2 || len(rest) != 2 && len(rest) != 4 || !allDigits(m) || !allDigits(rest) {
		return false
	}
	mm := atoi(m)
	return mm >= 1 && mm <= 12
}

// expiryLen returns the length of the card expiry date at the start of s
// (MM/YY or MM/YYYY; with dash, MM-YY and MM-YYYY too), or 0.
func expiryLen(s string, dash bool) int {
	if len(s) < 5 || !isDigit(s[0]) || !isDigit(s[1]) || s[2] != '/' && (!dash || s[2] != '-') || !isDigit(s[3]) || !isDigit(s[4]) {
		return 0
	}
	n := 5
	if len(s) >= 7 && isDigit(s[5]) && isDigit(s[6]) {
		n = 7
	}
	if n < len(s) && isDigit(s[n]) {
		return 0
	}
	return n
}

// codeStems are the words for "code" and the card codes' own names, lower
// case, as the card forms and chats of each language write them after a
// card number: Dutch beveiligingscode, Finnish turvakoodi, Estonian
// turvakood, Hungarian biztonsági kód, Danish and Norwegian kontrolcifre /
// kontrollsiffer, Swedish kontrollsiffra / säkerhetskod, German
// Prüfziffer / Kartenprüfnummer, Polish kod CVV, Turkish güvenlik kodu,
// Hebrew קוד אבטחה, Arabic رمز, Persian کد امنیتی, Urdu and Hindi "CVV" as
// spoken (سی وی وی, सीवीवी), Bengali সিভিভি, Greek κωδικός, Russian and
// Ukrainian код, Thai รหัส, Vietnamese mã bảo mật, Korean 코드, Japanese
// コード, Chinese 码 / 碼; Russian сзади, на обороте ("on the back").
var codeStems = []string{
	"cvv", "cvc", "cvn", "code", "codice", "código", "codigo", "kod", "kód", "kood", "koodi",
	"ziffer", "cifre", "siffer", "siffra", "cijfer", "prüfnummer", "pruefnummer", "säkerhetskod",
	"קוד", "رمز", "کد", "کوڈ", "سی وی وی", "सीवीवी", "सी वी वी", "कोड", "সিভিভি", "সি ভি ভি", "কোড",
	"κωδικ", "Κωδικ", "код", "Код", "รหัส", "mã", "코드", "コード", "码", "碼",
	// "on the back" in Russian, Chinese and Japanese, as a card's owner
	// reads its code out (背面 965)
	"сзади", "обороте", "背面", "裏面",
}
