// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// byte classes
const (
	cDigit uint8 = 1 << iota
	cUpper
	cLower
	cLocal  // allowed in an e-mail local part besides letters and digits
	cB64URL // base64url besides letters and digits
	cB64    // standard base64 besides letters and digits
)

var class [256]uint8

// dispatch says which detectors can start at a byte; most bytes of prose
// (spaces, punctuation, and letters inside words) are dNone or skipped as
// whole words.
const (
	dNone      uint8 = iota
	dAt              // '@': e-mail addresses
	dNumber          // digits, '+', '(': IPv4, SSN, cards, phones, IPv6, percent escapes (percent.go)
	dDash            // '-': PEM blocks, --password flags
	dColon           // ':': URL credentials and webhooks, "key: value" secrets
	dEquals          // '=': "key=value" secrets, URL query secrets
	dLetter          // letters: token prefixes, JWTs, IBANs, IPv6
	dBackslash       // '\\': JSON escapes (json.go decodes the printable ones)
	dWide            // 0xEF, 0xD9, 0xDB: the lead bytes of full-width, Arabic-Indic and Persian digits (wide.go)
	dTail            // '\n', '"': the end of a line or a JSON string, which may end a passphrase of words
)

var dispatch [256]uint8

func init() {
	for c := '0'; c <= '9'; c++ {
		class[c] |= cDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		class[c] |= cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		class[c] |= cLower
	}
	for _, c := range "._%+-'" {
		class[c] |= cLocal
	}
	for _, c := range "-_" {
		class[c] |= cB64URL
	}
	for _, c := range "+/=" {
		class[c] |= cB64
	}
	for c := 0; c < 256; c++ {
		switch {
		case c == '@':
			dispatch[c] = dAt
		case class[c]&cDigit != 0, c == '+', c == '(':
			dispatch[c] = dNumber
		case c == '-':
			dispatch[c] = dDash
		case c == ':':
			dispatch[c] = dColon
		case c == '=':
			dispatch[c] = dEquals
		case class[c]&(cUpper|cLower) != 0:
			dispatch[c] = dLetter
		case c == '\\':
			dispatch[c] = dBackslash
		case c == 0xef, c == 0xd9, c == 0xdb, c == 0xe0:
			dispatch[c] = dWide
		case c == '\n', c == '"':
			dispatch[c] = dTail
		}
	}
}

func isDigit(c byte) bool   { return class[c]&cDigit != 0 }
func isLetter(c byte) bool  { return class[c]&(cUpper|cLower) != 0 }
func isLower(c byte) bool   { return c >= 'a' && c <= 'z' }
func isAlnum(c byte) bool   { return class[c]&(cDigit|cUpper|cLower) != 0 }
func isWord(c byte) bool    { return isAlnum(c) || c == '_' }
func isB64URL(c byte) bool  { return isAlnum(c) || class[c]&cB64URL != 0 }
func isB64(c byte) bool     { return isAlnum(c) || class[c]&cB64 != 0 }
func isUpperAl(c byte) bool { return class[c]&(cDigit|cUpper) != 0 }

func isHex(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Scanner finds the enabled built-in detectors' matches.
type Scanner struct {
	on [NumBuiltin]bool
	// words[c]: the token shapes starting with byte c (tokens.go), and
	// second[c] the bytes that can follow c in their prefixes.
	words  [256][]*tokenShape
	second [256][4]uint64
	// tokenStart[c]: words[c] is not empty (a small table for the words
	// wordShape looks at).
	tokenStart [256]bool
	// dotted: the token shapes whose prefix ends in '.' and has no
	// trigger byte in reach, found from the word after it (shapes.go
	// wordShape); dottedLast[c]: c is the byte before that '.' in one.
	dotted     []*tokenShape
	dottedLast [256]bool
	// wordStart[c]: some enabled word detector can start with byte c.
	wordStart [256]bool
	// wideOn: a number detector is on, so full-width digits are read.
	wideOn bool
}

// NewScanner returns a scanner for the enabled detectors.
func NewScanner(enabled [NumBuiltin]bool) *Scanner {
	s := &Scanner{on: enabled, wideOn: enabled[Phone] || enabled[CreditCard] || enabled[NationalID] || enabled[SSN]}
	for k := range tokenShapes {
		t := &tokenShapes[k]
		if enabled[t.typ] {
			c0, c1 := t.prefix[0], t.prefix[1]
			s.words[c0] = append(s.words[c0], t)
			s.second[c0][c1>>6] |= 1 << (c1 & 63)
			s.wordStart[c0] = true
			s.tokenStart[c0] = true
			if p := t.prefix; strings.HasSuffix(p, ".") && !reachable(p, 0) {
				s.dotted = append(s.dotted, t)
				s.dottedLast[p[len(p)-2]] = true
			}
		}
	}
	for c := range s.words {
		// Longest prefix first, so sk-ant- is tried before sk-.
		slices.SortStableFunc(s.words[c], func(a, b *tokenShape) int { return len(b.prefix) - len(a.prefix) })
	}
	if enabled[JWT] {
		s.wordStart['e'] = true
	}
	if enabled[IBAN] {
		for c := 'A'; c <= 'Z'; c++ {
			s.wordStart[c] = true
		}
	}
	if enabled[Password] {
		s.wordStart['I'] = true // an X12 envelope's password (isaPassword)
	}
	if enabled[IPv6] {
		for _, c := range "0123456789abcdefABCDEF" {
			s.wordStart[c] = true
		}
	}
	return s
}

// Scan appends the findings in s to dst, in order and not overlapping, and
// returns it. It reads s once, left to right (decoded first when it holds
// JSON escapes of printable characters: json.go); a string with nothing
// found costs no allocation.
func (sc *Scanner) Scan(s string, dst []Finding) []Finding {
	var u unescaped
	return sc.scanEscaped(s, dst, &u)
}

// scan is Scan without the decoding of JSON escapes; skip enables the fast
// path over text where no detector can start (tests compare it with the
// byte-by-byte walk).
func (sc *Scanner) scan(s string, skip bool) []Finding {
	dst, _ := sc.walk(s, nil, skip, false, false, nil)
	return dst
}

// walk is scan; with stop it returns as soon as it meets a JSON escape of
// a printable character (its first backslash is the int, -1 when none):
// the text is then scanned decoded (json.go). A token holding a percent
// escape or a form's encoded space is scanned decoded too (percent.go),
// unless decoded says s is such a token already; u, when not nil, lends
// the scratch space for that (its pctScratch).
func (sc *Scanner) walk(s string, dst []Finding, skip, stop, decoded bool, u *unescaped) ([]Finding, int) {
	n := len(s)
	q := newQuiet()
	last := 0 // end of the previous finding
	// The table header of the last row columnHeader was asked about.
	var memo colMemo
	add := func(f Finding) {
		dst = append(dst, f)
		last = f.End
	}
	proseDone := 0 // end of the last word prosePassword looked at
	pctDone := 0   // end of the last token scanned percent-decoded
	var pu *unescaped
	// Addresses spelled out are looked for in each line and JSON string
	// of 16 to maxSpokenLine bytes at its end (spokenmail.go; the callers
	// test the length); spokenFrom is where the current one starts.
	spokenFrom := 0
	spoken := func(e int) {
		var buf [4]Finding
		for _, f := range sc.cjkNumerals(s, spokenFrom, e, spokenText(s, spokenFrom, e, &sc.on, buf[:0])) {
			p := len(dst)
			for p > 0 && dst[p-1].Start >= f.End {
				p--
			}
			if p > 0 && dst[p-1].End > f.Start {
				continue // (inside or across a finding)
			}
			dst = slices.Insert(dst, p, f)
			last = dst[len(dst)-1].End
		}
	}
	prose := func(i int) (Finding, bool) {
		if !sc.on[Password] || s[i] == '(' {
			return Finding{}, false // ('(' starts no word)
		}
		if i > 0 && s[i-1] == '*' {
			if f, ok := dtmfPasscode(s, i); ok {
				return f, true // ,,85746322134#,,,,*123456# (inside the word the gate saw)
			}
		}
		if i < proseDone {
			if i > 0 && cellSep(s[i-1]) {
				// a CSV row's next cell inside what the gate read as one
				// number (1,8504,1118 under door_code, lockbox)
				if f, ok := sc.columnSecret(s, i, last, &memo); ok {
					proseDone = f.End
					return f, true
				}
			}
			return Finding{}, false
		}
		if f, ok := sc.columnSecret(s, i, last, &memo); ok {
			proseDone = f.End
			return f, true // username,password / ana.souza,Aluno2025!665
		}
		if i >= 2 && s[i-1] == ' ' && (isDigit(s[i]) && (s[i-2] == '.' || isUpper(s[i-2])) || isUpper(s[i]) && i+2 < len(s) && isUpper(s[i+1]) && isDigit(s[i+2])) && sc.on[NationalID] {
			if rs, re, ok := roIDCard(s, i); ok && rs >= last {
				proseDone = re
				return Finding{rs, re, NationalID}, true // CI seria RT nr. 636298
			}
		}
		if i >= 2 && s[i-1] == ' ' && (s[i-2] == ':' || s[i-2] == ']' || s[i-2] >= 0x80) && i >= last {
			if e, ok := otpAnswer(s, i); ok {
				proseDone = e
				return Finding{i, e, Password}, true // AGENT: … read the code back.\nCALLER: 483120
			}
		}
		if ok, end := proseGate(s, i); !ok {
			proseDone = end
			return Finding{}, false
		}
		f, done, ok := sc.prosePassword(s, i, last)
		proseDone = done
		return f, ok
	}
	for i := 0; i < n; {
		if skip {
			if i = q.skipQuiet(s, i); i == n {
				break
			}
		}
		c := s[i]
		switch dispatch[c] {
		case dNone:
			i++
			continue
		case dBackslash:
			q := runOf(s, i, func(c byte) bool { return c == '\\' })
			if stop {
				if _, _, ok := printableEscape(s, q); ok {
					return dst, i
				}
			}
			if q < n && (s[q] == 'n' || s[q] == 'r' || s[q] == '"') && i > 0 && sentenceTail[s[i-1]] && sc.on[Password] {
				// A JSON string's line break or end after a passphrase
				// of words (my password is correct horse battery staple\n).
				if b, ok := spacedPassphrase(s, i); ok && b >= last {
					add(Finding{b, passphraseEnd(s, i), Password})
				}
			}
			if q < n && (s[q] == 'n' || s[q] == '"') && i > 0 && s[i-1] == '>' && sc.on[Password] {
				if f, ok := sc.xmlSecret(s, i, last); ok {
					add(f) // "<password>…</password>\n…" in a JSON string
				}
			}
			if q < n && (s[q] == 'n' || s[q] == '"') && q-i == 1 {
				if l := i - spokenFrom; l >= 16 && l <= maxSpokenLine {
					spoken(i) // the end of a line or a string inside the JSON string
				}
				spokenFrom = q + 1
			}
			i = q // the escape's letter is looked at next
			continue
		case dTail:
			if l := i - spokenFrom; l >= 16 && l <= maxSpokenLine {
				spoken(i)
			}
			spokenFrom = i + 1
			if e := i; sc.on[Password] && e > 1 {
				if s[e-1] == '\r' && c == '\n' {
					e-- // (a CRLF line end)
				}
				if sentenceTail[s[e-1]] {
					// The end of a line or a JSON string after a
					// passphrase of words (my password is correct horse
					// battery staple\n).
					if b, ok := spacedPassphrase(s, e); ok && b >= last {
						add(Finding{b, passphraseEnd(s, e), Password})
						i++
						continue
					}
				}
				if s[e-1] == '>' {
					if f, ok := sc.xmlSecret(s, e, last); ok {
						add(f) // <password>…</password>
						i++
						continue
					}
				}
				if valueByte(s[e-1]) && s[e-1] != ':' && s[e-1] != ',' && (c != '"' || i+1 == n || s[i+1] != ':') {
					// A password of letters and symbols ending the line
					// or the string (password Zorba#WwFmtn!\n), which no
					// byte inside it stops the walk at. (Not a JSON key's
					// closing quote, nor the opening one after ':' or ',')
					if b, ok := symbolWord(s, e-1, last); ok {
						if f, ok := prose(b); ok {
							add(f)
						}
					}
				}
			}
		case dWide:
			if c == 0xe0 {
				// A letter of an Indic script (or Thai): pass its run of
				// letters and blanks in one loop, to a digit of its own or
				// the first other byte (restarting the quiet skip at each
				// letter would cost more than the letters).
				k := i
				for k+2 < n {
					b2 := s[k+2] // (read first: the bounds of the two before are then known)
					b0, b1 := s[k], s[k+1]
					if b0 == 0xe0 {
						if b1|2 == 0xa7 && b2-0xa6 <= 9 {
							break // E0 A5 A6–AF, E0 A7 A6–AF
						}
						k += 3
						continue
					}
					if b0 != ' ' {
						break
					}
					k++
				}
				if k+2 >= n || s[k] != 0xe0 {
					i = max(k, i+1)
					continue
				}
				i = k // a Devanagari or Bengali digit
			}
			if sc.on[Email] && strings.HasPrefix(s[i:], wideAt) {
				if start, end, ok := wideEmail(s, i, last); ok {
					add(Finding{start, end, Email}) // kenta1990＠gmail.com
					i = end
					continue
				}
			}
			if sc.wideOn && wideDigitAt(s, i) {
				end, f, ok := sc.wideNumber(s, i)
				if ok && f.Start >= last {
					add(f) // ０９０－８７６５－４３２１
				}
				i = end
				continue
			}
		case dAt:
			if sc.on[Email] {
				if start, end, ok := email(s, i, last); ok {
					add(Finding{start, end, Email})
					i = end
					continue
				}
			}
			if sc.on[UPIID] {
				if start, end, ok := upi(s, i, last); ok {
					add(Finding{start, end, UPIID}) // priya.sharma@okaxis, 9876543210@ybl
					i = end
					continue
				}
			}
			if i+5 < n && (s[i+1] == 't' || s[i+1] == 'u') {
				if f, ok := sc.goDSN(s, i, last); ok { // metering:RG0K2jio…@tcp(10.0.0.5:3306)/usage
					add(f)
					i = f.End
					continue
				}
			}
			if f, ok := sc.oracleLogin(s, i, last); ok { // scott/tiger@//host:1521/svc
				add(f)
				i = f.End
				continue
			}
			if i > 0 && valueByte(s[i-1]) && i+1 < n && valueByte(s[i+1]) {
				// A word of letters and symbols with an '@' inside and no
				// address (.netrc's password %SxBSrVu#^@bj%): a password
				// stated in prose, as from a '-' or '_' (below).
				if b, ok := symbolWord(s, i, last); ok {
					if f, ok := prose(b); ok {
						add(f)
						i = f.End
						continue
					}
				}
			}
		case dNumber:
			if sc.on[Password] && i > 0 && (s[i-1] == '$' || s[i-1] == ' ' && (c == '0' || c == '7')) {
				// Network devices' passwords: enable secret 9 $9$…,
				// "$6$…", password 7 0822455D0A16 (netconfig.go)
				if s[i-1] == '$' {
					if end, ok := cryptHash(s, i-1); ok && i-1 >= last {
						add(Finding{i - 1, end, Password})
						i = end
						continue
					}
				} else if vs, ve, ok := iosPassword(s, i); ok {
					add(Finding{vs, ve, Password})
					i = ve
					continue
				}
			}
			if !decoded && i >= pctDone && (c == '+' && formPlus(s, i) || i > 0 && s[i-1] == '%' && pctOK(s, i-1)) {
				// card=4111%201111…, tel=%2B49%2030…, card_number=5130+8151+…
				k := i - 1
				if c == '+' {
					k = i
				}
				switch {
				case pu != nil:
				case u != nil:
					pu = u.pctScratch()
				default:
					pu = new(unescaped)
				}
				var found bool
				if dst, pctDone, found = sc.percentToken(s, k, last, dst, pu); found {
					last = dst[len(dst)-1].End
					i = pctDone
					continue
				}
			}
			if c == '(' {
				if i > 0 && s[i-1] == ' ' && i+5 < n && s[i+3] == ')' {
					if f, ok := sc.spacedAt(s, i, last); ok {
						add(f) // maria.lopez93 (at) rediffmail.com
						i = f.End
						continue
					}
				}
				if !boundaryBefore(s, i) {
					if i >= 5 && (s[i-1] == 'n' && s[i-5:i] == "login" || s[i-1] == '=' && s[i-5:i] == "auth=") {
						// (also requests' auth=("user", "password") tuple)
						if f, us, ue, ok := sc.loginCall(s, i+1); ok {
							// smtp.login("user@gmail.com", "xkcd fgpq lmzt bwer"):
							// the user first (an e-mail address), then the password
							for _, u := range sc.Scan(s[us:ue], nil) {
								add(Finding{us + u.Start, us + u.End, u.Type})
							}
							add(f)
							i = f.End
							continue
						}
					}
					if s[i-1]|0x20 == 'e' {
						if f, ok := sc.phpDefine(s, i, last); ok {
							add(f) // define('DB_PASSWORD', '…');
							i = f.End
							continue
						}
					}
					if i+4 < n && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 't' && s[i+3] == ')' && sc.on[Email] {
						if f, ok := spokenEmail(s, i, i+4, last, true); ok {
							add(f) // h.wittmann(at)praxis-lorenz.de
							i = f.End
							continue
						}
					}
					// Str(1.11.41.153), Int(4155550100): a value after a call's
					// or a wrapper's name (the debug exporter prints attributes
					// so) starts after the '('.
					i++
					continue
				}
			}
			if !boundaryBefore(s, i) || (i > 0 && s[i-1] == '.') || (i > 1 && (s[i-1] == '-' || s[i-1] == '/') && isDigit(s[i-2])) {
				// Inside a word, or a dotted or dashed number
				// (INV-2024-000123): skip the digits, unless the word is
				// a password stated in prose.
				if (s[i-1] == '-' || s[i-1] == ':') && i >= 3 && isHex(s[i-2]) && isHex(s[i-3]) && sc.on[DeviceID] {
					if g, end, ok := macAround(s, i, runOf(s, i, isDigit)); ok && g >= last {
						add(Finding{g, end, DeviceID}) // F2-74-15-81-14-5C, B8:27:EB:0C:6C:C1 (a group inside a word)
						i = end
						continue
					}
				}
				if shortWord(s, i) {
					// Q3, v2, x86: no password
				} else if f, ok := prose(i); ok {
					add(f)
					i = f.End
					continue
				}
				if s[i-1] == '.' && i > 1 && sc.dottedLast[s[i-2]] {
					if f, ok := sc.wordShape(s, i, last); ok { // dp.pt.4…
						add(f)
						i = f.End
						continue
					}
				}
				start := i
				for i++; i < n && isDigit(s[i]); i++ {
				}
				if skip && c != '+' && c != '(' && !escapeNear(s, start) {
					// And the rest of the word (a hex id, 95d9f0c966ade756):
					// every position in it follows a letter or digit, so no
					// detector starts there unless a JSON escape just before
					// makes one a boundary (\u00a04111…), which escapeNear
					// rules out. The byte-by-byte walk (skip false) goes the
					// long way, which the tests compare.
					for ; i < n && isAlnum(s[i]); i++ {
					}
				}
				continue
			}
			if i >= 3 && s[i-1] == ' ' && isUpper(s[i-2]) && isUpper(s[i-3]) && sc.on[NationalID] && i-3 >= last {
				if boundaryBefore(s, i-3) {
					if end, ok := letterID(s, i-3); ok {
						add(Finding{i - 3, end, NationalID}) // AB 12 34 56 C: the letters were skipped as a word
						i = end
						continue
					}
				} else if i >= 4 && isUpper(s[i-4]) && i-4 >= last && boundaryBefore(s, i-4) {
					if end, ok := plIDCard(s, i-4); ok {
						add(Finding{i - 4, end, NationalID}) // HJL 854732 (PL dowód osobisty)
						i = end
						continue
					}
				}
			}
			e := runOf(s, i, isDigit)
			decimal := e-i >= 5 && e+1 < n && s[e] == '.' && isDigit(s[e+1]) // 20241022.1, 2841.6
			if (c == '+' || c == '(' || e-i >= 7 || moreDigits(s, e) || (e-i == 6 && (e < n && isUpper(s[e]) || i > 0 && cellSep(s[i-1])))) && !decimal && (!codeBefore(s, i) || e < n && s[e] == '.' && quadAt(s, i) || e-i == 15 && imeiNumbered(s, i)) {
				// (not the tail of a spaced code: 1Z 9W8 47E 03 4419 2210)
				// Not a short lone number (most numbers in prose): a run
				// that may be an address, card, SSN or phone (or, six
				// digits in a CSV cell, a bank account under account_no).
				if e-i >= 10 && i > 0 && (s[i-1] >= 0x80 || s[i-1] == ' ' || s[i-1] == ':') && cjkOrderLabel(s, i) {
					i = e // 订单号：4021382496335580627: an order's number
					continue
				}
				f, ok, rest := sc.numeric(s, i, numCtx{last: last, phoneEnd: phoneEnd(dst), idEnd: idEnd(dst), memo: &memo})
				if ok {
					add(f)
					i = f.End
					continue
				}
				if rest > i {
					i = rest // +1 555 123 4567: not a national number after the "+1"
					continue
				}
			}
			if e > i && e-i <= 5 && e < n && (s[e] == ':' || isHex(s[e])) && groupThenColon(s[i:]) {
				if sc.on[IPv6] {
					if end, ok := ipv6(s, i); ok {
						add(Finding{i, end, IPv6})
						i = end
						continue
					}
				}
				if e-i <= 2 && sc.on[DeviceID] {
					if g, end, ok := macAround(s, i, e); ok && g >= last {
						add(Finding{g, end, DeviceID}) // mac=F2:74:15:81:14:53, 00:1B:63:5A:87:8D
						i = end
						continue
					}
				}
			}
			if e == i+1 && e+1 < n && (s[e] == ' ' || s[e] == ',') {
				if f, ok := sc.spoken(s, i); ok {
					add(f) // 3 4 6 2, 9 8 9 5 1 3, 9 4 0 9 0 in a call transcript
					i = f.End
					continue
				}
			}
			if (e-i == 3 || e-i == 4) && len(dst) > 0 && dst[len(dst)-1].Type == CreditCard && sc.on[CardCVV] && (codeCell(s, i, e, dst) || codeAfterCard(s, i, e, dst) || codeAnswer(s, i, e, dst)) {
				add(Finding{i, e, CardCVV}) // | 3540444426897253 | 819 |, … geldig tot 12/30 beveiligingscode 514
				i = e
				continue
			}
			if e-i-3 <= 1 && i >= 4 && (cvvTail[s[i-2]] || !isAlnum(s[i-2])) && sc.on[CardCVV] && e-i >= 3 && cvv(s, i, e) {
				add(Finding{i, e, CardCVV}) // cvv 123, "cvc": "0421"
				i = e
				continue
			}
			if e < n && (isLetter(s[e]) || s[e] == '-') {
				// Digits glued to letters or a '-' (a hex key, 4b1d…):
				// a whole-word shape; a number alone is none.
				if e-i <= 2 && sc.on[DeviceID] && macNear(s, i, e) {
					if g, end, ok := macAround(s, i, e); ok && g >= last {
						add(Finding{g, end, DeviceID}) // A4-BB-6D-9B-80-2D
						i = end
						continue
					}
				}
				if f, ok := sc.wordShape(s, i, last); ok {
					add(f)
					i = f.End
					continue
				}
			}
			if pe := plainNumber(s, i, e); pe > 0 {
				proseDone = max(proseDone, pe) // most numbers in prose: no call
			} else if e+3 < n && s[e] == 0xe3 && s[e+1] == 0x80 && s[e+2] == 0x80 && isDigit(s[e+3]) {
				// figures with ideographic spaces between their groups (151　1778　2842)
				if _, f, ok := sc.wideNumber(s, i); ok && f.Start >= last {
					add(f)
					i = f.End
					continue
				}
			} else if c != '(' {
				if f, ok := prose(i); ok {
					add(f)
					i = f.End
					continue
				}
			}
			// Skip the digit group so the next group gets its own try.
			if i = e; c == '+' || c == '(' {
				i++
			}
			continue
		case dDash:
			if sc.on[PrivateKey] && strings.HasPrefix(s[i:], "-----BEGIN ") {
				if end, ok := privateKey(s, i); ok {
					add(Finding{i, end, PrivateKey})
					i = end
					continue
				}
			}
			if i+2 < n && s[i+1] == '-' && isLetter(s[i+2]) && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' || s[i-1] == '"') {
				if f, ok := sc.flagValue(s, i+2); ok {
					add(f)
					i = f.End
					continue
				}
			}
			if i+2 < n && isLetter(s[i+1]) && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				if sc.on[Password] && (s[i+1] == 'A' || s[i+1] == 'a') {
					if vs, ve, ok := secureStringText(s, i); ok && vs >= last {
						add(Finding{vs, ve, Password}) // ConvertTo-SecureString "…" -AsPlainText
						i++
						continue
					}
				}
				if f, ok := sc.cliFlag(s, i); ok { // mysql -pSECRET, sshpass -p 'SECRET'
					add(f)
					i = f.End
					continue
				}
			}
		case dColon:
			if i >= 5 && s[i-1]|0x20 == 's' && s[i-5] == '/' {
				if f, ok := sc.winSwitch(s, i); ok { // cmdkey /pass:SECRET
					add(f)
					i = f.End
					continue
				}
			}
			if i+2 < n && s[i+1] == '/' && s[i+2] == '/' {
				if f, ok := sc.url(s, i+3); ok {
					add(f)
					i = f.End
					continue
				}
				i += 3
				continue
			}
			if i+7 < n && s[i+1] == 'A' && s[i+2] == 'P' && sc.on[GenericSecret] {
				if b, e, ok := fcmToken(s, i, last); ok {
					add(Finding{b, e, GenericSecret}) // a Firebase Cloud Messaging registration token
					i = e
					continue
				}
			}
			if f, ok := sc.keyValue(s, i, last); ok {
				add(f)
				i = f.End
				continue
			}
			if i+1 < n && s[i+1] == 'A' && sc.on[APIToken] && i > 0 && isDigit(s[i-1]) {
				if b, e, ok := telegramToken(s, i, last); ok { // 123456789:AA…
					add(Finding{b, e, APIToken})
					i = e
					continue
				}
			}
			if i+1 < n && (isDigit(s[i+1]) || s[i+1] == '*') && i > 0 && (isAlnum(s[i-1]) || s[i-1] == '*') {
				if f, ok := sc.pgpass(s, i, last); ok { // host:port:db:user:password
					add(f)
					i = f.End
					continue
				}
			}
		case dEquals:
			if f, ok := sc.keyValue(s, i, last); ok {
				add(f)
				i = f.End
				continue
			}
		case dLetter:
			if c == 'n' || c == 't' || c == 'u' || c == 'r' || c == 'b' || c == 'f' {
				if end, _, ok := escapeAt(s, i); ok {
					// The letter of a JSON escape (\n, \t, \u00e9): what
					// follows starts a word.
					i = end
					continue
				}
			}
			if c <= 'Z' && i+8 <= n && (isUpper(s[i+1]) || isDigit(s[i+1])) && c >= 'A' && sc.on[NationalID] &&
				(i+9 <= n && letterIDStart(s, i) || isDigit(s[i+2]) && hkidStart(s, i)) && boundaryBefore(s, i) {
				if end, ok := letterID(s, i); ok {
					add(Finding{i, end, NationalID}) // AB123456C, X1234567L, RSSMRA85T10A562S, T0626247Z
					i = end
					continue
				}
			}
			if (sc.wordStart[c] || phraseBefore(s, i)) && boundaryBefore(s, i) {
				if f, ok := sc.word(s, i); ok {
					add(f)
					i = f.End
					if f.Type == AWSAccessKey {
						i = sc.afterAWSKey(s, i, add)
					} else if f.Type == APIToken && (s[f.Start] == 'A' || s[f.Start] == 'L') {
						if strings.HasPrefix(s[f.Start:], "AKID") {
							i = sc.afterKeyID(s, i, 32, add)
						} else if strings.HasPrefix(s[f.Start:], "LTAI") {
							i = sc.afterKeyID(s, i, 30, add)
						}
					}
					continue
				}
			}
			// Skip the rest of the word: nothing starts inside it, but a
			// word with a digit may be a password stated in prose.
			ws, kinds, trig := i, class[c], trigger[c]
			for i++; i < n && isAlnum(s[i]); i++ {
				kinds |= class[s[i]]
				trig |= trigger[s[i]]
			}
			if kinds&cDigit != 0 {
				for ws > last && isAlnum(s[ws-1]) {
					ws-- // where the word starts (the fast path may resume inside it)
				}
				if i-ws == 2 && i < n && (s[i] == ':' || s[i] == '-') && sc.on[DeviceID] && ws >= last {
					if end, ok := macAt(s, ws); ok {
						add(Finding{ws, end, DeviceID}) // B8:27:EB:0C:6C:C1
						i = end
						continue
					}
				}
				mz := ws
				if mz > 0 && s[mz-1] == '\\' && (s[mz] == 'n' || s[mz] == 't') {
					mz++ // (the word starts after a JSON escape's letter)
				}
				if ds, de, ps, pe, ok := mrzAt(s, mz, i); ok && sc.on[NationalID] && mz >= last {
					add(Finding{ds, de, NationalID}) // P<GBR… / 1234567897GBR…: the document number
					if pe > ps {
						add(Finding{ps, pe, NationalID}) // and the personal number
					}
					i = mz + 44
				} else if f, ok := sc.wordShape(s, ws, last); ok && boundaryBefore(s, ws) {
					add(f)
					i = f.End
				} else if f, ok := sc.wordID(s, ws, i-ws, last); ok {
					add(f) // Passport: R29768618, curp herj711128hsrrms55
					i = f.End
				} else if f, ok := sc.cellSecret(s, ws, last); ok {
					add(f) // | DARAJA_CONSUMER_KEY | mvNDYdzj… |
					i = f.End
				} else if f, ok := prose(ws); ok {
					add(f)
					i = f.End
				}
			} else if i+1 < n && ((s[i] == '-' || s[i] == '_' || s[i] == '+') || trig != 0 && s[i] != ':' && s[i] != '=' && s[i] != '@' && !tailByte(s[i])) && valueByte(s[i]) && valueByte(s[i+1]) {
				// A word of letters and symbols (Zorba_WwFmtn#, AzhKJ[TAw}…)
				// may be a password stated in prose too. (Only from letters
				// before a trigger byte inside the word, or holding one
				// (A, G, J): both walks visit those; not ':', '=' or '@',
				// which end keys and start domains.)
				if b, ok := symbolWord(s, i, last); ok {
					if f, ok := prose(b); ok {
						add(f)
						i = f.End
					}
				}
			}
			continue
		}
		i++
	}
	if l := n - spokenFrom; l >= 16 && l <= maxSpokenLine {
		spoken(n) // a transcript's last turn, a text of one line
	}
	if n > 0 && s[n-1] == '>' && sc.on[Password] {
		if f, ok := sc.xmlSecret(s, n, last); ok {
			add(f) // the text's last line: <password>…</password>
		}
	}
	if n > 0 && sentenceTail[s[n-1]] && sc.on[Password] {
		// The text's end after a passphrase of words.
		if b, ok := spacedPassphrase(s, n); ok && b >= last {
			add(Finding{b, passphraseEnd(s, n), Password})
		}
	}
	return dst, -1
}

// escapeNear reports whether a backslash is among the five bytes before i:
// an escape (\n, \u00a0) may end inside the word at i and make the next
// byte a boundary.
func escapeNear(s string, i int) bool {
	return strings.IndexByte(s[max(0, i-5):i], '\\') >= 0
}

// phraseBefore reports whether the word at i may follow a phrase naming a
// secret ("Bearer ", "Basic ", "password is "): a cheap test on the two
// letters before the space.
func phraseBefore(s string, i int) bool {
	if i < 4 || s[i-1] != ' ' {
		return false
	}
	a, b := lower(s[i-3]), lower(s[i-2])
	return (b == 's' && (a == 'i' || a == 'e' || a == 'a')) || (b == 't' && a == 's') || (b == 'r' && (a == 'e' || a == 0xa4)) || b == 0xa8 || (b == 'c' && a == 'i')
}

// imeiNumbered reports whether a dual-SIM phone's label, IMEI1 or IMEI2,
// and a blank stand right before i (which codeBefore reads as a code's
// part).
func imeiNumbered(s string, i int) bool {
	return i >= 6 && s[i-1] == ' ' && (s[i-2] == '1' || s[i-2] == '2') && strings.EqualFold(s[i-6:i-2], "imei")
}

// quadAt reports whether four dotted groups of one to three digits start
// at s[i], an IPv4 address's shape: no code's tail, whatever stands
// before it (an ALB log's load balancer id, then the client's address).
func quadAt(s string, i int) bool {
	for g := 0; g < 4; g++ {
		e := runOf(s, i, isDigit)
		if e == i || e-i > 3 || g < 3 && (e == len(s) || s[e] != '.') {
			return false
		}
		i = e + 1
	}
	return true
}

// codeBefore reports whether the digits at i follow, after single spaces
// and maybe other groups of digits, a token that mixes letters and digits
// (DE47 5449 …, 47E 03 4419 …): the tail of an identifier written in
// groups, not a number of its own.
func codeBefore(s string, i int) bool {
	for n := 0; n < 8; n++ {
		if i < 3 || s[i-1] != ' ' || !isAlnum(s[i-2]) {
			return false
		}
		letters, digits := false, false
		k := i - 2
		for ; k >= 0 && i-k < 24 && isAlnum(s[k]); k-- {
			letters = letters || isLetter(s[k])
			digits = digits || isDigit(s[k])
		}
		if k >= 0 && s[k] == '\\' {
			return false // the token is a JSON escape (\u00e9): a letter, not a code
		}
		if k >= 1 && s[k] == ':' && isDigit(s[k-1]) {
			return false // the token ends a time (19:02Z, 10:42am), not a code
		}
		if !digits {
			return false
		}
		if letters {
			return !arabizi(s[k+1 : i-1])
		}
		i = k + 1 // a group of digits: look at what is before it
	}
	return false
}

// wordID matches a passport or driving licence number, an identity number
// its key names (keyedID) or a lower-case CURP or PAN at s[ws], or a
// mobile number's porting code or a password a configuration line sets
// (portingCode, configSecret), a word of wl letters and
// digits with a digit; the word's length is asked first, since most such
// words are neither.
func (sc *Scanner) wordID(s string, ws, wl, last int) (Finding, bool) {
	if sc.on[Password] && ws >= last && ws >= 4 && s[ws-1] == ' ' {
		if wl == 9 && isUpper(s[ws]) {
			if f, ok := portingCode(s, ws, wl); ok {
				return f, true
			}
		}
		if c := s[ws-2]; c == 'y' || c == 'c' || c == '1' || c == 's' || c == 'h' {
			if f, ok := configSecret(s, ws, wl); ok {
				return f, true // (the last letter of community, 2c, 1, requirepass, masterauth)
			}
		}
	}
	if !sc.on[NationalID] || ws < last || wl < 5 || wl > 18 {
		return Finding{}, false
	}
	if e, ok := pnrDocument(s, ws); ok {
		return Finding{ws, e, NationalID}, true // SSR DOCS … P/SGP/K5064268T/
	}
	if wl < 6 || !boundaryBefore(s, ws) {
		return Finding{}, false
	}
	if wl == 7 && isDigit(s[ws]) {
		if e, ok := azFIN(s, ws); ok {
			return Finding{ws, e, NationalID}, true // AZ FİN 8LC47LN (from a digit: the number walk passes it)
		}
	}
	if wl == 12 && isUpper(s[ws]) && jpResidenceCard(s, ws) {
		return Finding{ws, ws + 12, NationalID}, true // 在留カード番号：WX71788496NY
	}
	if (wl == 11 || wl == 14 || wl == 15) && isUpper(s[ws]) {
		if e, ok := eastAfricanID(s, ws, wl); ok {
			return Finding{ws, e, NationalID}, true // KE KRA PIN A074846282M, SHA CR3999983783185-3, UG NIN CM9497045LPBH6
		}
	}
	if wl <= 16 {
		if f, ok := sc.keyedID(s, ws); ok {
			return f, true // LLEWE501156GX9DK
		}
		if wl == 15 && vnBHYT(s, ws) {
			return Finding{ws, ws + wl, NationalID}, true // VN BHYT TE3014096610799
		}
		if f, ok := labelledID(s, ws); ok {
			return f, true // licence_number: D1234567
		}
	}
	if (wl == 12 || wl == 13) && rfcValid(s[ws:ws+wl]) && !otherCode(s, ws) {
		return Finding{ws, ws + wl, NationalID}, true // MX RFC GODE561231GR8 (taxid.go)
	}
	if wl == 11 && s[ws] == 'N' {
		if e, ok := sevisID(s, ws); ok {
			return Finding{ws, e, NationalID}, true // SEVIS ID N0008365852
		}
	}
	if wl > 10 && wl != 18 {
		return Finding{}, false
	}
	if wl == 10 && isUpper(s[ws]) {
		if end, ok := passport(s, ws); ok {
			return Finding{ws, end, NationalID}, true // a German ID card's number and its check digit
		}
	}
	if wl <= 9 {
		if end, ok := passport(s, ws); ok {
			return Finding{ws, end, NationalID}, true
		}
		if wl <= 8 && isUpper(s[ws]) {
			if end, ok := maCIN(s, ws, wl); ok {
				return Finding{ws, end, NationalID}, true // CIN BK766467
			}
		}
		return Finding{}, false
	}
	if end, ok := lowerLetterID(s, ws); ok {
		return Finding{ws, end, NationalID}, true
	}
	return Finding{}, false
}

// arabizi reports whether the word w is lower-case letters with single
// digits between them, as Arabic is written in Latin letters (bta3i,
// ma7al, so2al: 3 for ع, 7 for ح, 2 for ء), not a code's group (9W8,
// 47E, 1Z).
func arabizi(w string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if isDigit(c) {
			if k == 0 || k == len(w)-1 || !isLower(w[k-1]) || !isLower(w[k+1]) {
				return false
			}
		} else if !isLower(c) {
			return false
		}
	}
	return true
}

// moreDigits reports whether another group of digits may follow the
// digits ending at e, after a separator a number can have (" - ", " / ",
// ") ", " (", a no-break space).
func moreDigits(s string, e int) bool {
	for k := e; k < len(s) && k-e < 4; k++ {
		switch c := s[k]; {
		case isDigit(c):
			return k > e
		case c == ' ', c == '-', c == '.', c == '/', c == '(', c == ')':
		case c == 0xc2, c == 0xe2, c == '\\':
			return true // a no-break space, raw or escaped
		default:
			return false
		}
	}
	return false
}

// trigger marks the bytes every detection needs near its start: the bytes
// that dispatch to a detector other than a word's ('@', digits, '+', '(',
// '-', ':', '=', and '\\' of JSON escapes), and the bytes that make a word a candidate within its
// first wordReach bytes: '-' and '_' of key prefixes (sk-, sk_live_, ghp_,
// glpat-, hf_), 'A' (AKIA…, AIza…, ATATT3…), 'G' (SG., GOCSPX-), 'J' (eyJ),
// the digits or ':' of IBANs and IPv6 addresses that start with a
// letter, and 0xEF, the lead byte of full-width digits; and '\n' and '"',
// the ends of lines and JSON strings, which may end a passphrase of words
// (the walk resumes at them, not at the letters before: tailByte). Prose
// is mostly other bytes, so Scan jumps over it in blocks (skipQuiet).
var trigger [256]uint8

// wordReach is how far before a trigger byte the walk resumes over letters:
// a word-started detection has only letters before its first trigger byte,
// at most wordReach of them (tokens.go checks every shape; a shape without
// such a byte matches only when its text has one, reachable).
const wordReach = 8

func init() {
	for _, c := range "0123456789@+(-:=_AGJ\\\n\"" {
		trigger[c] = 1
	}
	trigger[0xef], trigger[0xd9], trigger[0xdb], trigger[0xe0] = 1, 1, 1, 1
	triggerNibbles = splitNibbles(&trigger)
}

// reachable reports whether the walk over quiet text resumes at i: the
// first trigger byte at or after i has only letters before it, at most
// wordReach of them.
func reachable(s string, i int) bool {
	for k := i; k < len(s) && k-i <= wordReach; k++ {
		if trigger[s[k]] != 0 && !tailByte(s[k]) {
			return true
		}
		if !isLetter(s[k]) {
			return false
		}
	}
	return false
}

// nibbleTables classify bytes by their low and high four bits: c is in the
// set they were built from exactly when lo[c&15]&hi[c>>4] != 0, the form a
// vector byte shuffle evaluates for 32 bytes at once.
type nibbleTables struct{ lo, hi [16]byte }

// triggerNibbles is the trigger set as nibble tables.
var triggerNibbles nibbleTables

// splitNibbles gives each distinct set of low nibbles that follows some high
// nibble in set one class bit; it panics when a set needs more than eight.
func splitNibbles(set *[256]uint8) nibbleTables {
	var t nibbleTables
	var classes []uint16
	for h := range 16 {
		var lows uint16
		for l := range 16 {
			if set[h<<4|l] != 0 {
				lows |= 1 << l
			}
		}
		if lows == 0 {
			continue
		}
		k := slices.Index(classes, lows)
		if k < 0 {
			k = len(classes)
			classes = append(classes, lows)
		}
		if k >= 8 {
			panic("scan: byte set needs more than 8 nibble classes")
		}
		t.hi[h] = 1 << k
		for l := range 16 {
			if lows&(1<<l) != 0 {
				t.lo[l] |= 1 << k
			}
		}
	}
	return t
}

// quiet finds the trigger bytes of a text 64 at a time: mask has bit k set
// when s[base+k] is a trigger byte (none beyond the text's end), so most
// questions about the next trigger byte are one shift and one count of
// trailing zeros, not a new search.
type quiet struct {
	base int
	mask uint64
}

// newQuiet returns a quiet with no window loaded.
func newQuiet() quiet { return quiet{base: math.MinInt / 2} }

// skipQuiet returns where the byte-by-byte walk must resume at or after i:
// the start of the letter run (at most wordReach back) before the next
// trigger byte, or len(s) when no trigger byte follows. Every position it
// skips is one where the walk would find nothing: no detector starts there.
func (q *quiet) skipQuiet(s string, i int) int {
	if q.mask>>uint(i-q.base)&1 != 0 { // (0 outside the window: Go's shifts saturate)
		return i // a trigger byte at i (inlined: the most common answer)
	}
	return q.skipSlow(s, i)
}

func (q *quiet) skipSlow(s string, i int) int {
	p := q.next(s, i)
	if p == len(s) {
		return p
	}
	if tailByte(s[p]) {
		return p // (no word starts before a line's or a string's end)
	}
	k := p
	for k > i && p-k < wordReach && isLetter(s[k-1]) {
		k--
	}
	return k
}

// tailByte reports whether c is a trigger byte only as the end of a line
// or a JSON string ('\n', '"'): the walk resumes at it, not at the letters
// before it, which start no detection.
func tailByte(c byte) bool { return c == '\n' || c == '"' }

// next returns the position of the first trigger byte at or after i, or
// len(s).
func (q *quiet) next(s string, i int) int {
	for {
		if d := uint(i - q.base); d < 64 {
			if m := q.mask >> d; m != 0 {
				return i + bits.TrailingZeros64(m)
			}
			i = q.base + 64
		}
		if i >= len(s) {
			return len(s)
		}
		q.load(s, i)
		i = max(i, q.base) // the window may start after a quiet stretch
	}
}

// load sets the window to the 64 bytes from i, or from the end of the
// quiet stretch that starts at i.
func (q *quiet) load(s string, i int) {
	n := len(s)
	q.base = i
	if m, ok := triggerMask64(s[i:]); ok {
		q.mask = m
		if m == 0 && n-i >= 128 {
			// A long quiet stretch: skip it 32 bytes at a time, then
			// load the window where it ends.
			j := i + 64
			j += triggerBlocks(s[j:])
			if m, ok := triggerMask64(s[j:]); ok {
				q.base, q.mask = j, m
			} else {
				q.base, q.mask = j, quietTail(s, j)
			}
		}
		return
	}
	q.mask = quietTail(s, i)
}

// quietTail returns the trigger bytes of s[i:i+64] (fewer at the end of s)
// as bits: from the text's last 64 bytes in one vector step when the text
// is that long, else eight bytes at a time.
func quietTail(s string, i int) uint64 {
	n := len(s)
	if n-i < 64 && n >= 64 {
		if m, ok := triggerMask64(s[n-64:]); ok {
			return m >> (i - (n - 64))
		}
	}
	end := min(n, i+64)
	var m uint64
	p := i
	for ; p+8 <= end; p += 8 {
		// Every trigger byte is in '('..'_' but the wide digits' lead
		// bytes, '\n' and '"'; lower-case letters, spaces and UTF-8 are
		// not, so most blocks of prose pass these tests alone.
		x := load64(s, p)
		if !mayTrigger(x) && !hasWideLead(x) && !hasTail(x) {
			continue
		}
		b := uint64(trigger[byte(x)]) | uint64(trigger[byte(x>>8)])<<1 | uint64(trigger[byte(x>>16)])<<2 | uint64(trigger[byte(x>>24)])<<3 |
			uint64(trigger[byte(x>>32)])<<4 | uint64(trigger[byte(x>>40)])<<5 | uint64(trigger[byte(x>>48)])<<6 | uint64(trigger[byte(x>>56)])<<7
		m |= b << (p - i)
	}
	for ; p < end; p++ {
		m |= uint64(trigger[s[p]]) << (p - i)
	}
	return m
}

// load64 reads s[p:p+8] as a little-endian word (one load: the compiler
// merges the byte loads).
func load64(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Bounds of the byte range holding every trigger byte.
const triggerLo, triggerHi = '(', '_'

// mayTrigger reports whether any of the 8 bytes in x is an ASCII byte in
// triggerLo..triggerHi, the range holding every trigger byte, testing all
// eight at once (SWAR: no carry crosses a byte, since each byte is summed
// from at most 0x7f + 0x80).
func mayTrigger(x uint64) bool {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
		low7 = 0x7f7f7f7f7f7f7f7f
	)
	x7 := x & low7
	atLeastLo := x7 + (0x80-triggerLo)*ones // high bit set where byte >= lo
	aboveHi := x7 + (0x7f-triggerHi)*ones   // high bit set where byte > hi
	return (atLeastLo&^aboveHi)&^x&high != 0
}

// hasWideLead reports whether one of the 8 bytes in x is 0xEF, 0xD9, 0xDB
// or 0xE0, the lead bytes of the digits wide.go reads (SWAR zero-byte
// tests of x XOR the byte repeated).
func hasWideLead(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	a, b, c, d := x^0xefefefefefefefef, x^0xd9d9d9d9d9d9d9d9, x^0xdbdbdbdbdbdbdbdb, x^0xe0e0e0e0e0e0e0e0
	return ((a-ones)&^a|(b-ones)&^b|(c-ones)&^c|(d-ones)&^d)&high != 0
}

// hasTail reports whether one of the 8 bytes in x is '\n' or '"' (SWAR
// zero-byte tests, as hasWideLead).
func hasTail(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	a, b := x^0x0a0a0a0a0a0a0a0a, x^0x2222222222222222
	return ((a-ones)&^a|(b-ones)&^b)&high != 0
}

func runOf(s string, i int, ok func(byte) bool) int {
	for i < len(s) && ok(s[i]) {
		i++
	}
	return i
}

func hasDigit(s string) bool {
	for k := 0; k < len(s); k++ {
		if isDigit(s[k]) {
			return true
		}
	}
	return false
}

// isPlaceholder reports whether s starts with one of our own replacements.
func isPlaceholder(s string) bool {
	return strings.HasPrefix(s, "[REDACTED") || strings.HasPrefix(s, "[HASH:")
}
