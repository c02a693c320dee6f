// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// Secrets known by their whole shape rather than a prefix with a trigger
// byte, tried where the walk meets their digits or their ':'. Sources:
// gitleaks config/gitleaks.toml (airtable-personnal-access-token,
// telegram-bot-api-token) and trufflehog pkg/detectors/mailgun (the hex
// key form), mailchimp and discordbottoken; gitleaks azure-ad-client-secret,
// hashicorp-tf-api-token and maxmind-license-key.

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

// mailchimpKey matches 32 lower-case hex, "-us" and the one or two digits
// of the data centre at s[i] (trufflehog pkg/detectors/mailchimp).
func mailchimpKey(s string, i int) (int, bool) {
	d := i + 32
	if d+4 > len(s) || s[d:d+3] != "-us" || runOf(s, i, isLowerHex) != d || !isDigit(s[d+3]) {
		return 0, false
	}
	e := runOf(s, d+3, isDigit)
	if e-d-3 > 2 || (e < len(s) && (isWord(s[e]) || s[e] == '-')) || !mixedToken(s[i:d]) {
		return 0, false
	}
	return e, true
}

// discordBotToken matches a Discord bot token whose first segment holds
// s[i]: base64url segments of 24 to 26, 6 and 27 to 38 characters joined
// by '.' (trufflehog pkg/detectors/discordbottoken: 24, 6, 27; longer
// first and last segments for newer ids and HMACs). The first segment is
// the bot's id in base64, whose first digit makes it start with M, N or O.
// It returns where the token starts.
func discordBotToken(s string, i, floor int) (int, int, bool) {
	b := i
	for b > floor && i-b < 26 && isB64URL(s[b-1]) {
		b--
	}
	if b > floor && (isB64URL(s[b-1]) || s[b-1] == '.') {
		return 0, 0, false
	}
	if c := s[b]; c != 'M' && c != 'N' && c != 'O' {
		return 0, 0, false
	}
	d1 := runOf(s, b, isB64URL)
	if d1-b < 24 || d1-b > 26 || d1+8 >= len(s) || s[d1] != '.' {
		return 0, 0, false
	}
	d2 := runOf(s, d1+1, isB64URL)
	if d2-d1-1 != 6 || d2 >= len(s) || s[d2] != '.' {
		return 0, 0, false
	}
	e := runOf(s, d2+1, isB64URL)
	if e-d2-1 < 27 || e-d2-1 > 38 || (e < len(s) && s[e] == '.') {
		return 0, 0, false
	}
	if !mixedToken(s[b:d1]) || !mixedToken(s[d2+1:e]) || upperCount(s[b:d1]) < (d1-b)/5 {
		// (base64 has as many capitals as small letters; dotted CamelCase
		// words, Mozilla5Windows10Chromium.Safari.…, have few)
		return 0, 0, false
	}
	return b, e, true
}

// fcmToken matches a Firebase Cloud Messaging registration token around
// the ':' at s[i]: the app instance's id (11 to 22 base64url characters),
// ':', then "APA91b" and 100 or more base64url characters (a device's
// push address, which lets anyone with the server key message it). It
// returns where the token starts and ends.
func fcmToken(s string, i, floor int) (int, int, bool) {
	if !strings.HasPrefix(s[i+1:], "APA91b") {
		return 0, 0, false
	}
	b := i
	for b > floor && i-b < 23 && isB64URL(s[b-1]) {
		b--
	}
	if i-b < 11 || i-b > 22 || b > floor && (isB64URL(s[b-1]) || s[b-1] == ':') {
		return 0, 0, false
	}
	e := runOf(s, i+1, isB64URL)
	if e-i-1 < 106 || e < len(s) && (s[e] == '.' || s[e] == ':') {
		return 0, 0, false
	}
	return b, e, true
}

func upperCount(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if isUpper(s[k]) {
			n++
		}
	}
	return n
}

// azureClientSecret matches an Entra ID (Azure AD) client secret around
// the word at s[ws]: three characters of [A-Za-z0-9_~.], a digit, "Q~" and
// 31 to 34 of [A-Za-z0-9_~.-], between delimiters (gitleaks
// azure-ad-client-secret). It returns where the secret starts.
func azureClientSecret(s string, ws, floor int) (int, int, bool) {
	q := -1
	for k := ws + 1; k < len(s)-1 && k-ws <= 4 && isAlnum(s[k]); k++ {
		if s[k] == 'Q' && s[k+1] == '~' && isDigit(s[k-1]) {
			q = k
			break
		}
	}
	b := q - 4
	if q < 0 || b < floor {
		return 0, 0, false
	}
	for k := b; k < q-1; k++ {
		if !isAzureSecret(s[k]) || s[k] == '-' {
			return 0, 0, false
		}
	}
	if b > 0 && strings.IndexByte("\\'\"`>=:(,) \t\n\r", s[b-1]) < 0 {
		return 0, 0, false
	}
	e := runOf(s, q+2, isAzureSecret)
	if n := e - q - 2; n < 31 || n > 34 || (e < len(s) && strings.IndexByte("\\'\"`<), \t\n\r", s[e]) < 0) {
		return 0, 0, false
	}
	return b, e, mixedToken(s[q+2 : e])
}

func isAzureSecret(c byte) bool { return isWord(c) || c == '~' || c == '.' || c == '-' }

// terraformToken matches a Terraform Cloud / Enterprise API token, 14
// letters or digits, ".atlasv1." and 60 to 70 of [A-Za-z0-9_=-] (gitleaks
// hashicorp-tf-api-token), from its first word or from the word after
// ".atlasv1.". It returns where the token starts.
func terraformToken(s string, ws, floor int) (int, int, bool) {
	const infix = ".atlasv1."
	b := ws
	if ws-floor >= 14+len(infix) && s[ws-1] == '.' && s[ws-len(infix):ws] == infix {
		b = ws - len(infix) - 14
	}
	d := b + 14
	if d+len(infix) >= len(s) || s[d:d+len(infix)] != infix || runOf(s, b, isAlnum) != d || !boundaryBefore(s, b) {
		return 0, 0, false
	}
	e := runOf(s, d+len(infix), isWordDashEq)
	if n := e - d - len(infix); n < 60 || n > 70 || (e < len(s) && s[e] == '.') {
		return 0, 0, false
	}
	return b, e, mixedToken(s[b:d])
}

// maxMindKey matches a MaxMind license key, 6 letters or digits, '_', 29
// letters or digits, "_mmk" (gitleaks maxmind-license-key), from either
// of its words. It returns where the key starts.
func maxMindKey(s string, ws, floor int) (int, int, bool) {
	b := ws
	if ws-floor >= 7 && s[ws-1] == '_' && runOf(s, ws-7, isAlnum) == ws-1 {
		b = ws - 7
	}
	e := b + 6 + 1 + 29 + 4
	if e > len(s) || s[b+6] != '_' || s[b+36:e] != "_mmk" || runOf(s, b, isAlnum) != b+6 || runOf(s, b+7, isAlnum) != b+36 {
		return 0, 0, false
	}
	if !boundaryBefore(s, b) || (e < len(s) && isWord(s[e])) {
		return 0, 0, false
	}
	return b, e, mixedToken(s[b+7 : b+36])
}

// pixKeyWords name a Brazilian PIX key right before it: a random key
// (chave aleatória, EVP) is a UUID, and it is the receiver's account.
var pixKeyWords = newContextWords("chave aleatória", "chave aleatoria", "chave pix", "pix", "evp", "chave evp", "aleatória", "aleatoria")

// pixKey reports whether a PIX random key (EVP, a UUID: 36 bytes) after
// its words starts at s[ws]: the receiver's account (chave aleatória
// 5aee2f79-6a9f-…).
func (sc *Scanner) pixKey(s string, ws int) bool {
	if ws+36 > len(s) || !sc.on[BankAccount] || !adID(s[ws:ws+36]) || ws+36 < len(s) && isWord(s[ws+36]) {
		return false
	}
	return contextNear(s, ws, pixKeyWords, 3)
}

// dottedToken matches a token of sc.dotted whose prefix ends with the '.'
// right before ws (dp.pt.4…, hvs.…), not starting before floor.
func (sc *Scanner) dottedToken(s string, ws, floor int) (Finding, bool) {
	for _, t := range sc.dotted {
		b := ws - len(t.prefix)
		if b >= floor && strings.HasSuffix(s[:ws], t.prefix) && boundaryBefore(s, b) {
			if typ, end, ok := sc.token(s, b); ok {
				return Finding{b, end, typ}, true
			}
		}
	}
	return Finding{}, false
}

// wordShape tries the shapes above, and the token prefixes, on the word
// at s[ws:] the walk skipped (it held a digit): a token whose prefix has
// no trigger byte in reach (dapi…, EZTK…, cmVmd…) is found from the digits
// of its body, and one whose prefix ends in '.' (dp.pt., hvs.) from the
// word after it. floor is the end of the previous finding.
func (sc *Scanner) wordShape(s string, ws, floor int) (Finding, bool) {
	if isDigit(s[ws]) && s[ws] != '0' && ws+11 <= len(s) && isUpper(s[ws+1]) && sc.on[NationalID] {
		if e, ok := mbi(s, ws); ok {
			return Finding{ws, e, NationalID}, true // a Medicare MBI (healthid.go): 1EG4-TE5-MK73
		}
	}
	if isDigit(s[ws]) && ws+15 <= len(s) && isUpper(s[ws+2]) && (ws+15 == len(s) || !isAlnum(s[ws+15])) && sc.on[NationalID] && gstinValid(s[ws:ws+15]) {
		return Finding{ws, ws + 15, NationalID}, true // a proprietor's GSTIN (taxid.go)
	}
	if sc.tokenStart[s[ws]] {
		if t, end, ok := sc.token(s, ws); ok {
			return Finding{ws, end, t}, true
		}
	}
	if ws > floor+1 && s[ws-1] == '.' && sc.dottedLast[s[ws-2]] {
		if f, ok := sc.dottedToken(s, ws, floor); ok {
			return f, true
		}
	} else if ws > floor+1 && (s[ws-1] == '-' || s[ws-1] == '_') {
		// a part of a dotted token's body after its '-' or '_', which the
		// walk resumed at (hvs.nooxWco-1mYDq…: no trigger byte before
		// the '-')
		dw := ws - 1
		for dw > floor+1 && ws-dw < 32 && isWordDash(s[dw-1]) {
			dw--
		}
		if dw > floor+1 && s[dw-1] == '.' && sc.dottedLast[s[dw-2]] {
			if f, ok := sc.dottedToken(s, dw, floor); ok {
				return f, true
			}
		}
	}
	if ws+36 <= len(s) && s[ws+8] == '-' && sc.pixKey(s, ws) {
		return Finding{ws, ws + 36, BankAccount}, true // a PIX random key: chave aleatória 5aee2f79-…
	}
	if !sc.on[APIToken] {
		return Finding{}, false
	}
	if s[ws] == 'p' && ws+17 < len(s) && s[ws+17] == '.' {
		if e, ok := airtablePAT(s, ws); ok {
			return Finding{ws, e, APIToken}, true
		}
	}
	if isLowerHex(s[ws]) && ws+36 <= len(s) && s[ws+32] == '-' {
		if e, ok := mailgunKey(s, ws); ok {
			return Finding{ws, e, APIToken}, true
		}
		if e, ok := mailchimpKey(s, ws); ok {
			return Finding{ws, e, APIToken}, true
		}
	}
	const b64Run = cDigit | cUpper | cLower | cB64URL
	if ws+4 > len(s) || class[s[ws+1]]&b64Run == 0 || class[s[ws+2]]&b64Run == 0 || class[s[ws+3]]&b64Run == 0 ||
		(isDigit(s[ws]) && (class[s[ws+1]]|class[s[ws+2]]|class[s[ws+3]])&(cUpper|cLower) == 0) {
		// A short word or a number: none of the shapes below.
		return Finding{}, false
	}
	// The shapes below, each tried only when the byte after the word's
	// base64url run, or the run's end, can be theirs.
	we := ws
	for we < len(s) && class[s[we]]&b64Run != 0 {
		we++
	}
	if n := we - ws; n == 64 || n == 65 {
		kws := ws
		if _, _, esc := escapeAt(s, ws); esc && s[ws] != 'u' {
			kws++ // a key after "\n": the escape's letter is not its first
		}
		if we-kws == 64 {
			if e, ok := bareKey64(s, kws, we); ok {
				return Finding{kws, e, APIToken}, true
			}
		}
	}
	var shape func(string, int, int) (int, int, bool)
	switch {
	case we == len(s):
	case s[we] == '.':
		if we-ws == 14 && strings.HasPrefix(s[we:], ".atlasv1.") {
			shape = terraformToken
		} else if we+7 < len(s) && s[we+7] == '.' && we-ws <= 26 {
			shape = discordBotToken // <24–26>.<6>.<27–38>
		}
	case s[we] == '~':
		if s[we-1] == 'Q' {
			shape = azureClientSecret
		}
	case we-ws >= 33 && s[we-1] == 'k' && strings.HasSuffix(s[ws:we], "_mmk"):
		shape = maxMindKey
	}
	if shape == nil && ws > 9 && s[ws-1] == '.' && s[ws-2] == '1' && s[ws-3] == 'v' {
		shape = terraformToken // from the word after ".atlasv1."
	}
	if shape == nil && we-ws == 6 && we < len(s) && s[we] == '.' && ws >= floor+25 && s[ws-1] == '.' {
		// A Discord bot token from its middle segment, when the first
		// holds no digit nor a trigger byte the walk meets
		// (MjBUHhcRxzQANmlQYwVdbvtp.Bz4kZm.…).
		if b, e, ok := discordBotToken(s, ws-2, floor); ok {
			return Finding{b, e, APIToken}, true
		}
	}
	if shape != nil {
		if b, e, ok := shape(s, ws, floor); ok {
			return Finding{b, e, APIToken}, true
		}
	}
	return Finding{}, false
}

// bareKey64 matches s[ws:we] as the 64 random letters and digits of an
// exchange's API key or secret with no prefix of its own (Binance's key
// and secret, pasted as a pair, in a table, or into new Spot('…', '…')):
// upper and lower case and digits, not a hex digest (one case), standing
// alone (no base64 '+', '/', '=' on either side, not a prefixed token's
// body), and not a line of a
// base64 block (a PEM body wraps at 64 characters: a line beside it is
// base64 too).
func bareKey64(s string, ws, we int) (int, bool) {
	if runOf(s, ws, isAlnum) != we || charKinds(s[ws:we]) != cDigit|cUpper|cLower {
		return 0, false
	}
	if ws > 0 {
		if _, _, esc := escapeAt(s, ws-1); !esc && (isAlnum(s[ws-1]) || strings.IndexByte("+/-_.", s[ws-1]) >= 0) {
			return 0, false // (a part of a longer token: pypi-…)
		}
	}
	if we < len(s) && strings.IndexByte("+/=", s[we]) >= 0 {
		return 0, false // (base64)
	}
	if b := indentStart(s, ws); lineEnd(s, we) == we && (b64Line(s, we, true) || b64Line(s, b, false)) {
		return 0, false
	}
	return we, true
}

// indentStart returns where the blanks and tabs before s[k] start.
func indentStart(s string, k int) int {
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	return k
}

// b64Line reports whether the line after the one ending at k (after), or
// before the one starting at k, is a line of base64 of 16 characters or
// more (indented maybe, as YAML and pasted PEM blocks are).
func b64Line(s string, k int, after bool) bool {
	isB := func(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' }
	if after {
		next := -1
		switch {
		case k+1 < len(s) && s[k] == '\r' && s[k+1] == '\n', k+1 < len(s) && s[k] == '\\' && s[k+1] == 'n':
			next = k + 2
		case k < len(s) && s[k] == '\n':
			next = k + 1
		}
		if next < 0 {
			return false
		}
		next = runOf(s, next, func(c byte) bool { return c == ' ' || c == '\t' })
		e := runOf(s, next, isB)
		return e-next >= 16 && lineEnd(s, e) == e
	}
	ls, brk := lineStart(s, k, max(0, k-2))
	if brk < 0 || ls != k {
		return false
	}
	b := brk
	for b > 0 && isB(s[b-1]) {
		b--
	}
	pb := indentStart(s, b)
	pls, _ := lineStart(s, pb, max(0, pb-2))
	return brk-b >= 16 && pls == pb
}
