// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"net/netip"
	"slices"
	"strings"
)

// byte classes
const (
	cDigit uint8 = 1 << iota
	cUpper
	cLower
	cLocal  // allowed in an e-mail local part besides letters and digits
	cDomain // allowed in a domain besides letters and digits
	cB64URL // base64url besides letters and digits
	cPhone  // phone separators
)

var class [256]uint8

// dispatch says which detectors can start at a byte; most bytes of prose
// (spaces, punctuation, and letters inside words) are dNone or skipped as
// whole words.
const (
	dNone uint8 = iota
	dAt
	dNumber
	dDash
	dColon
	dQuery
	dLetter
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
	for _, c := range "._%+-" {
		class[c] |= cLocal
	}
	for _, c := range "-." {
		class[c] |= cDomain
	}
	for _, c := range "-_" {
		class[c] |= cB64URL
	}
	for _, c := range " -.()" {
		class[c] |= cPhone
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
		case c == '?', c == '&':
			dispatch[c] = dQuery
		case class[c]&(cUpper|cLower) != 0:
			dispatch[c] = dLetter
		}
	}
}

func isDigit(c byte) bool { return class[c]&cDigit != 0 }
func isAlnum(c byte) bool { return class[c]&(cDigit|cUpper|cLower) != 0 }
func isWord(c byte) bool  { return isAlnum(c) || c == '_' }
func isUpperAlnum(c byte) bool {
	return class[c]&(cDigit|cUpper) != 0
}

func isB64URL(c byte) bool { return isAlnum(c) || class[c]&cB64URL != 0 }

// Scanner finds the enabled built-in detectors' matches.
type Scanner struct {
	on [NumBuiltin]bool
	// wordStart[c]: some enabled detector can start a word with byte c.
	wordStart [256]bool
}

// NewScanner returns a scanner for the enabled detectors.
func NewScanner(enabled [NumBuiltin]bool) *Scanner {
	s := &Scanner{on: enabled}
	starts := map[Type]string{
		OpenAIKey: "s", AnthropicKey: "s", StripeKey: "sr", AWSAccessKey: "A", GoogleAPIKey: "A",
		GitHubToken: "g", SlackToken: "x", JWT: "e", IBAN: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		IPv6: "0123456789abcdefABCDEF",
	}
	for t, bytes := range starts {
		if enabled[t] {
			for k := 0; k < len(bytes); k++ {
				s.wordStart[bytes[k]] = true
			}
		}
	}
	return s
}

// Scan appends the findings in s to dst, in order and not overlapping, and
// returns it. It reads s once, left to right; a string with nothing found
// costs no allocation.
func (sc *Scanner) Scan(s string, dst []Finding) []Finding {
	return sc.scan(s, dst, true)
}

// scan is Scan; skip enables the fast path over text where no detector can
// start (tests compare it with the byte-by-byte walk).
func (sc *Scanner) scan(s string, dst []Finding, skip bool) []Finding {
	n := len(s)
	last := 0 // end of the previous finding
	add := func(f Finding) {
		dst = append(dst, f)
		last = f.End
	}
	for i := 0; i < n; {
		if skip {
			if i = skipQuiet(s, i); i == n {
				break
			}
		}
		c := s[i]
		switch dispatch[c] {
		case dNone:
			i++
			continue
		case dAt:
			if sc.on[Email] {
				if start, end, ok := email(s, i, last); ok {
					add(Finding{start, end, Email})
					i = end
					continue
				}
			}
		case dNumber:
			if i > 0 && (isWord(s[i-1]) || s[i-1] == '.') {
				break
			}
			if end, t, ok := sc.numeric(s, i); ok {
				add(Finding{i, end, t})
				i = end
				continue
			}
			if sc.on[IPv6] && isDigit(c) && groupThenColon(s[i:]) {
				if end, ok := ipv6(s, i); ok {
					add(Finding{i, end, IPv6})
					i = end
					continue
				}
			}
			// Skip the digit group so the next group gets its own try.
			for i++; i < n && isDigit(s[i]); i++ {
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
		case dColon:
			if sc.on[URLCredentials] && strings.HasPrefix(s[i:], "://") {
				if start, end, ok := urlCredentials(s, i+3); ok {
					add(Finding{start, end, URLCredentials})
					i = end
					continue
				}
			}
		case dQuery:
			if sc.on[SecretURLParam] {
				if start, end, ok := secretParam(s, i+1); ok {
					add(Finding{start, end, SecretURLParam})
					i = end
					continue
				}
			}
		case dLetter:
			if sc.wordStart[c] && (i == 0 || !isWord(s[i-1])) {
				if end, t, ok := sc.word(s, i); ok {
					add(Finding{i, end, t})
					i = end
					continue
				}
			}
			// Skip the rest of the word: nothing starts inside it.
			for i++; i < n && class[s[i]]&(cDigit|cUpper|cLower) != 0; i++ {
			}
			continue
		}
		i++
	}
	return dst
}

// trigger marks the bytes every detection needs near its start: the bytes
// that dispatch to a detector other than a word's ('@', digits, '+', '(',
// '-', ':', '?', '&'), and the bytes that make a word a candidate within its
// first wordReach bytes: '-' and '_' of key prefixes (sk-, sk_live_, ghp_,
// github_pat_, xoxb-), 'A' (AKIA…, AIza…), 'J' (eyJ), and the digits or ':'
// of IBANs and IPv6 addresses that start with a letter. Prose is mostly other
// bytes, so Scan jumps over it in blocks (skipQuiet).
var trigger [256]uint8

// wordReach is how far before a trigger byte the walk resumes over letters:
// a word-started detection has a trigger byte at most 6 bytes after its
// first (github_pat_'s '_'); 8 leaves a margin.
const wordReach = 8

func init() {
	for _, c := range "0123456789@+(-:?&_AJ" {
		trigger[c] = 1
	}
	triggerNibbles = splitNibbles(&trigger)
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

// skipQuiet returns where the byte-by-byte walk must resume at or after i:
// the start of the letter run (at most wordReach back) before the next
// trigger byte, or len(s) when no trigger byte follows. Every position it
// skips is one where the walk would find nothing: no detector starts there.
func skipQuiet(s string, i int) int {
	// 32 bytes at a time where the CPU can, then 8.
	p := i + triggerBlocks(s[i:])
	for ; p+8 <= len(s); p += 8 {
		// Every trigger byte is in '&'..'_'; lower-case letters, spaces
		// and UTF-8 are not, so most blocks of prose pass this test alone.
		x := load64(s, p)
		if !mayTrigger(x) {
			continue
		}
		if trigger[byte(x)]|trigger[byte(x>>8)]|trigger[byte(x>>16)]|trigger[byte(x>>24)]|
			trigger[byte(x>>32)]|trigger[byte(x>>40)]|trigger[byte(x>>48)]|trigger[byte(x>>56)] != 0 {
			break
		}
	}
	for p < len(s) && trigger[s[p]] == 0 {
		p++
	}
	if p == len(s) {
		return p
	}
	q := p
	for q > i && p-q < wordReach && class[s[q-1]]&(cUpper|cLower) != 0 {
		q--
	}
	return q
}

// load64 reads s[p:p+8] as a little-endian word (one load: the compiler
// merges the byte loads).
func load64(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// mayTrigger reports whether any of the 8 bytes in x is an ASCII byte in
// '&'..'_' (0x26..0x5f), the range holding every trigger byte, testing all
// eight at once (SWAR: no carry crosses a byte, since each byte is summed
// from at most 0x7f + 0x80).
func mayTrigger(x uint64) bool {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
		low7 = 0x7f7f7f7f7f7f7f7f
	)
	x7 := x & low7
	atLeastLo := x7 + (0x80-'&')*ones // high bit set where byte >= '&'
	aboveHi := x7 + (0x7f-'_')*ones   // high bit set where byte > '_'
	return (atLeastLo&^aboveHi)&^x&high != 0
}

// email matches around the '@' at at; the local part may not reach back
// before floor.
func email(s string, at, floor int) (start, end int, ok bool) {
	start = at
	for start > floor && at-start < 64 {
		c := s[start-1]
		if !isAlnum(c) && class[c]&cLocal == 0 {
			break
		}
		start--
	}
	for start < at && (s[start] == '.' || s[start] == '-' || s[start] == '+') {
		start++
	}
	if start == at || s[at-1] == '.' || (start >= 3 && s[start-3:start] == "://") {
		// Nothing before '@', or a URL's user name (ssh://git@host).
		return 0, 0, false
	}
	// Domain: labels of letters, digits and '-', at least two, TLD letters.
	end = at + 1
	dots, labelStart, lastDot := 0, end, -1
	for end < len(s) && end-at < 255 {
		c := s[end]
		if c == '.' {
			if end == labelStart || end+1 >= len(s) || !isAlnum(s[end+1]) {
				break
			}
			dots++
			lastDot = end
			labelStart = end + 1
		} else if !isAlnum(c) && c != '-' {
			break
		}
		end++
	}
	if dots == 0 || end-lastDot-1 < 2 {
		return 0, 0, false
	}
	for k := lastDot + 1; k < end; k++ {
		if class[s[k]]&(cUpper|cLower) == 0 {
			return 0, 0, false
		}
	}
	return start, end, true
}

// numeric classifies the number-like run starting at i: IPv4, SSN, card
// number or phone number, each with its own guards.
func (sc *Scanner) numeric(s string, i int) (int, Type, bool) {
	n := len(s)
	end, digits := i, 0
	var d [20]byte
	plus := s[i] == '+'
	if plus {
		end++
	}
	for end < n {
		c := s[end]
		if isDigit(c) {
			if digits == len(d) {
				return 0, 0, false
			}
			d[digits] = c
			digits++
			end++
			continue
		}
		if class[c]&cPhone == 0 {
			break
		}
		if end+1 < n && class[s[end+1]]&cPhone != 0 && (c != ')' || s[end+1] != ' ') && (c != ' ' || s[end+1] != '(') {
			break // two separators in a row end the run, except ") " and " ("
		}
		end++
	}
	for end > i && !isDigit(s[end-1]) && s[end-1] != ')' {
		end--
	}
	if digits == 0 || (end < n && (isWord(s[end]) || s[end] == '@')) {
		return 0, 0, false
	}
	r := s[i:end]
	if sc.on[IPv4] && isIPv4(r) && (end+1 >= n || s[end] != '.' || !isDigit(s[end+1])) {
		return end, IPv4, true
	}
	if sc.on[SSN] && digits == 9 && len(r) == 11 && r[3] == '-' && r[6] == '-' {
		area := atoi(d[0:3])
		if ssnValid(area, atoi(d[3:5]), atoi(d[5:9])) {
			return end, SSN, true
		}
	}
	if sc.on[CreditCard] && !plus && digits >= 13 && digits <= 19 && cardSeparators(r) && Luhn(r) && cardPrefix(d[:digits]) {
		return end, CreditCard, true
	}
	if sc.on[Phone] && isPhone(r, digits, plus) {
		return end, Phone, true
	}
	return 0, 0, false
}

func atoi(b []byte) int {
	v := 0
	for _, c := range b {
		v = v*10 + int(c-'0')
	}
	return v
}

func isIPv4(r string) bool {
	octets, val, nd := 0, 0, 0
	for k := 0; k <= len(r); k++ {
		if k == len(r) || r[k] == '.' {
			if nd == 0 || val > 255 || (nd > 1 && r[k-nd] == '0') {
				return false
			}
			octets++
			val, nd = 0, 0
			continue
		}
		if !isDigit(r[k]) {
			return false
		}
		val = val*10 + int(r[k]-'0')
		nd++
	}
	return octets == 4
}

// cardSeparators: digits only, or groups separated by single spaces or
// single dashes (not mixed).
func cardSeparators(r string) bool {
	var sep byte
	for k := 0; k < len(r); k++ {
		c := r[k]
		if isDigit(c) {
			continue
		}
		if c != ' ' && c != '-' {
			return false
		}
		if sep != 0 && c != sep {
			return false
		}
		sep = c
	}
	return true
}

// isPhone accepts international numbers (+ and 8–15 digits), North American
// formats ((415) 555-0100, 415-555-0100, 415.555.0100, 415 555 0100) and
// national trunk-prefixed numbers (020 7946 0958, 030-1234567). Plain digit
// runs, dates and versions are not phones.
func isPhone(r string, digits int, plus bool) bool {
	if plus {
		return digits >= 8 && digits <= 15 && groups(r) >= 2 || (digits >= 10 && digits <= 15 && groups(r) == 1)
	}
	if digits == 10 && nanp(r) {
		return true
	}
	if r[0] == '0' && digits >= 9 && digits <= 11 && groups(r) >= 2 && minGroup(r) >= 3 {
		return true
	}
	return false
}

// nanp matches (ddd) ddd-dddd and ddd?ddd?dddd with one separator kind.
func nanp(r string) bool {
	if len(r) == 14 && r[0] == '(' && r[4] == ')' && r[5] == ' ' && (r[9] == '-' || r[9] == ' ' || r[9] == '.') {
		return allDigits(r[1:4]) && allDigits(r[6:9]) && allDigits(r[10:])
	}
	if len(r) == 12 && r[3] == r[7] && (r[3] == '-' || r[3] == '.' || r[3] == ' ') {
		return allDigits(r[:3]) && allDigits(r[4:7]) && allDigits(r[8:]) && r[0] != '0' && r[0] != '1'
	}
	return false
}

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

func groups(r string) int {
	g, in := 0, false
	for k := 0; k < len(r); k++ {
		if isDigit(r[k]) {
			if !in {
				g++
			}
			in = true
		} else {
			in = false
		}
	}
	return g
}

func minGroup(r string) int {
	m, cur := 99, 0
	for k := 0; k <= len(r); k++ {
		if k < len(r) && isDigit(r[k]) {
			cur++
			continue
		}
		if cur > 0 && cur < m {
			m = cur
		}
		cur = 0
	}
	return m
}

// ipv6 matches an IPv6 address starting at i: hex groups with "::" or all
// eight groups, validated by netip.
func ipv6(s string, i int) (int, bool) {
	end, colons, double := i, 0, false
	for end < len(s) && end-i < 45 {
		c := s[end]
		if c == ':' {
			colons++
			if end+1 < len(s) && s[end+1] == ':' {
				double = true
			}
		} else if !isHex(c) && c != '.' {
			break
		}
		end++
	}
	for end > i && (s[end-1] == '.' || (s[end-1] == ':' && (end-2 < i || s[end-2] != ':'))) {
		end--
	}
	colons = strings.Count(s[i:end], ":") // after trimming a trailing ':'
	if colons < 2 || (!double && colons != 7) || (end < len(s) && isWord(s[end])) {
		return 0, false
	}
	a, err := netip.ParseAddr(s[i:end])
	return end, err == nil && a.Is6()
}

// word tries the detectors that start at a word boundary with a letter or
// digit: secret-key prefixes, JWTs, IBANs and IPv6 addresses.
func (sc *Scanner) word(s string, i int) (int, Type, bool) {
	r := s[i:]
	switch r[0] {
	case 's':
		if sc.on[AnthropicKey] && strings.HasPrefix(r, "sk-ant-") {
			if end := runOf(s, i+7, isB64URL); end-i-7 >= 32 {
				return end, AnthropicKey, true
			}
		}
		if sc.on[OpenAIKey] && strings.HasPrefix(r, "sk-") && !strings.HasPrefix(r, "sk-ant-") {
			if end := runOf(s, i+3, isB64URL); end-i-3 >= 20 && hasDigit(s[i+3:end]) {
				return end, OpenAIKey, true
			}
		}
		if sc.on[StripeKey] && (strings.HasPrefix(r, "sk_live_") || strings.HasPrefix(r, "sk_test_")) {
			if end := runOf(s, i+8, isAlnum); end-i-8 >= 16 {
				return end, StripeKey, true
			}
		}
	case 'r':
		if sc.on[StripeKey] && (strings.HasPrefix(r, "rk_live_") || strings.HasPrefix(r, "rk_test_")) {
			if end := runOf(s, i+8, isAlnum); end-i-8 >= 16 {
				return end, StripeKey, true
			}
		}
	case 'A':
		if sc.on[AWSAccessKey] && len(r) >= 20 && awsPrefix(r[:4]) {
			if end := runOf(s, i+4, isUpperAlnum); end-i == 20 {
				return end, AWSAccessKey, true
			}
		}
		if sc.on[GoogleAPIKey] && strings.HasPrefix(r, "AIza") {
			if end := runOf(s, i+4, isB64URL); end-i == 39 {
				return end, GoogleAPIKey, true
			}
		}
	case 'g':
		if sc.on[GitHubToken] && len(r) > 4 && r[0:2] == "gh" && strings.IndexByte("pousr", r[2]) >= 0 && r[3] == '_' {
			if end := runOf(s, i+4, isAlnum); end-i-4 >= 36 {
				return end, GitHubToken, true
			}
		}
		if sc.on[GitHubToken] && strings.HasPrefix(r, "github_pat_") {
			if end := runOf(s, i+11, isWord); end-i-11 >= 22 {
				return end, GitHubToken, true
			}
		}
	case 'x':
		if sc.on[SlackToken] && len(r) > 5 && r[0:3] == "xox" && strings.IndexByte("abposr", r[3]) >= 0 && r[4] == '-' {
			if end := runOf(s, i+5, func(c byte) bool { return isAlnum(c) || c == '-' }); end-i-5 >= 10 {
				return end, SlackToken, true
			}
		}
	case 'e':
		if sc.on[JWT] && strings.HasPrefix(r, "eyJ") {
			if end, ok := jwt(s, i); ok {
				return end, JWT, true
			}
		}
	}
	if sc.on[IBAN] && len(r) >= 15 && class[r[0]]&cUpper != 0 && class[r[1]]&cUpper != 0 && isDigit(r[2]) && isDigit(r[3]) {
		if end, ok := iban(s, i); ok {
			return end, IBAN, true
		}
	}
	if sc.on[IPv6] && isHex(r[0]) {
		if groupThenColon(r) {
			if end, ok := ipv6(s, i); ok {
				return end, IPv6, true
			}
		}
	}
	return 0, 0, false
}

// groupThenColon reports whether r starts like an IPv6 address: at most
// four hex digits (a group; five tolerated here, netip decides) then ':'.
func groupThenColon(r string) bool {
	k := 0
	for k < len(r) && k < 5 && isHex(r[k]) {
		k++
	}
	return k < len(r) && r[k] == ':'
}

func isHex(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

func awsPrefix(p string) bool {
	switch p {
	case "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "AIPA", "ANVA", "ABIA", "ACCA":
		return true
	}
	return false
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

// jwt matches header.payload.signature in base64url, header and payload
// JSON objects ("eyJ").
func jwt(s string, i int) (int, bool) {
	h := runOf(s, i, isB64URL)
	if h-i < 10 || h >= len(s) || s[h] != '.' || !strings.HasPrefix(s[h+1:], "eyJ") {
		return 0, false
	}
	p := runOf(s, h+1, isB64URL)
	if p-h-1 < 10 || p >= len(s) || s[p] != '.' {
		return 0, false
	}
	sig := runOf(s, p+1, isB64URL)
	if sig-p-1 < 16 {
		return 0, false
	}
	return sig, true
}

// iban matches a country's full IBAN length of upper-case letters and
// digits, optionally in groups of four separated by single spaces, then
// checks mod 97.
func iban(s string, i int) (int, bool) {
	want, ok := ibanLengths[s[i:i+2]]
	if !ok {
		return 0, false
	}
	var buf [34]byte
	n, k := 0, i
	for k < len(s) && n < want {
		c := s[k]
		if c == ' ' && n%4 == 0 && n > 0 && k+1 < len(s) && isUpperAlnum(s[k+1]) {
			k++
			continue
		}
		if !isUpperAlnum(c) {
			break
		}
		buf[n] = c
		n++
		k++
	}
	if n != want || (k < len(s) && isWord(s[k])) {
		return 0, false
	}
	return k, IBANValid(buf[:n])
}

// privateKey matches a PEM private-key block (to the end of the text when
// its END line is missing).
func privateKey(s string, i int) (int, bool) {
	hdrEnd := strings.Index(s[i+11:min(len(s), i+80)], "-----")
	if hdrEnd < 0 || !strings.HasSuffix(s[i+11:i+11+hdrEnd], "PRIVATE KEY") {
		return 0, false
	}
	body := i + 11 + hdrEnd + 5
	e := strings.Index(s[body:], "-----END ")
	if e < 0 {
		return len(s), true
	}
	tail := body + e + 9
	t := strings.Index(s[tail:], "-----")
	if t < 0 {
		return len(s), true
	}
	return tail + t + 5, true
}

// urlCredentials matches user:password in scheme://user:password@host.
func urlCredentials(s string, i int) (int, int, bool) {
	colon := -1
	for k := i; k < len(s) && k-i < 256; k++ {
		switch s[k] {
		case '@':
			if colon > i && k > colon+1 {
				return i, k, true
			}
			return 0, 0, false
		case ':':
			if colon < 0 {
				colon = k
			}
		case '/', '?', '#', ' ', '\t', '\n', '"', '\'', '\\', '<', '>', '[', ']':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// secretParam matches the value of a secret-named query parameter.
func secretParam(s string, i int) (int, int, bool) {
	k := i
	for k < len(s) && k-i < 32 && (isWord(s[k]) || s[k] == '-' || s[k] == '.') {
		k++
	}
	if k == i || k >= len(s) || s[k] != '=' || !secretParamName(s[i:k]) {
		return 0, 0, false
	}
	v := k + 1
	e := v
	for e < len(s) && strings.IndexByte("&# \t\n\"'\\<>", s[e]) < 0 {
		e++
	}
	if e == v || isPlaceholder(s[v:e]) {
		return 0, 0, false
	}
	return v, e, true
}

func secretParamName(name string) bool {
	var buf [32]byte
	n := copy(buf[:], name)
	for k := 0; k < n; k++ {
		if buf[k] >= 'A' && buf[k] <= 'Z' {
			buf[k] += 'a' - 'A'
		}
	}
	switch string(buf[:n]) {
	case "token", "access_token", "refresh_token", "id_token", "auth_token", "api_key", "apikey", "api-key",
		"key", "password", "passwd", "pwd", "secret", "client_secret", "sig", "signature",
		"x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "session_token":
		return true
	}
	return false
}

// isPlaceholder reports whether s is one of our own replacements.
func isPlaceholder(s string) bool {
	return strings.HasPrefix(s, "[REDACTED") || strings.HasPrefix(s, "[HASH:")
}
