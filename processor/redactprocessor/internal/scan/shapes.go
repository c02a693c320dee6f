// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Secrets known by their whole shape rather than a prefix with a trigger
// byte, tried where the walk meets their digits or their ':'. Sources:
// gitleaks config/gitleaks.toml (airtable-personnal-access-token,
// telegram-bot-api-token) and trufflehog pkg/detectors/mailgun (the hex
// key form).

// airtablePAT matches pat + 14 letters or digits + '.' + 64 hex digits at
// s[i].
func airtablePAT(s string, i int) (int, bool) {
	if i+3+14+1+64 > len(s) || s[i:i+3] != "pat" {
		return 0, false
	}
	d := i + 3 + 14
	if runOf(s, i+3, isAlnum) != d || s[d] != '.' || runOf(s, d+1, isHex) != d+65 {
		return 0, false
	}
	if e := d + 65; e < len(s) && isWord(s[e]) {
		return 0, false
	}
	return d + 65, true
}

// mailgunKey matches 32 hex, '-', 8 hex, '-', 8 hex (lower case) at s[i].
func mailgunKey(s string, i int) (int, bool) {
	p := i
	for _, n := range [...]int{32, 8, 8} {
		if p > i {
			if p >= len(s) || s[p] != '-' {
				return 0, false
			}
			p++
		}
		e := runOf(s, p, isLowerHex)
		if e-p != n {
			return 0, false
		}
		p = e
	}
	if p < len(s) && (isWord(s[p]) || s[p] == '-') {
		return 0, false
	}
	if !mixedToken(s[i:p]) {
		return 0, false
	}
	return p, true
}

func isLowerHex(c byte) bool { return isDigit(c) || (c >= 'a' && c <= 'f') }

// telegramToken matches a Telegram bot token whose ':' is at s[i]: the
// bot's id (5 to 16 digits, maybe right after "bot" in an API URL), ':',
// 'A' and 34 base64url characters. It returns where the token starts.
func telegramToken(s string, i, floor int) (int, int, bool) {
	b := i
	for b > floor && i-b <= 16 && isDigit(s[b-1]) {
		b--
	}
	if i-b < 5 || i-b > 16 || (b > 0 && isAlnum(s[b-1]) && (b < 3 || s[b-3:b] != "bot")) {
		return 0, 0, false
	}
	e := i + 1
	if e >= len(s) || s[e] != 'A' {
		return 0, 0, false
	}
	end := runOf(s, e, isB64URL)
	if end-e != 35 || (end < len(s) && isWord(s[end])) || !mixedToken(s[e:end]) {
		return 0, 0, false
	}
	return b, end, true
}

// wordShape tries the shapes above on the word at s[ws:] the walk skipped
// (it held a digit).
func (sc *Scanner) wordShape(s string, ws int) (Finding, bool) {
	if !sc.on[APIToken] {
		return Finding{}, false
	}
	if s[ws] == 'p' && ws+17 < len(s) && s[ws+17] == '.' {
		if e, ok := airtablePAT(s, ws); ok {
			return Finding{ws, e, APIToken}, true
		}
	}
	if isLowerHex(s[ws]) && ws+48 <= len(s) && s[ws+32] == '-' {
		if e, ok := mailgunKey(s, ws); ok {
			return Finding{ws, e, APIToken}, true
		}
	}
	return Finding{}, false
}
