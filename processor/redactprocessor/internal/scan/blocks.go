// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"net/netip"
	"strings"
)

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

// iban matches a country's full IBAN length of letters and digits (upper
// case, or all lower case as some people type it), optionally in groups of
// four separated by single spaces or single dashes (one kind), then checks
// mod 97.
func iban(s string, i int) (int, bool) {
	want, ok := ibanLengths[string([]byte{lower(s[i]) - 'a' + 'A', lower(s[i+1]) - 'a' + 'A'})]
	if !ok {
		return 0, false
	}
	lowerCase := s[i] >= 'a'
	part := func(c byte) bool {
		return isDigit(c) || (lowerCase && c >= 'a' && c <= 'z') || (!lowerCase && isUpper(c))
	}
	var buf [34]byte
	n, k := 0, i
	var sep byte
	for k < len(s) && n < want {
		c := s[k]
		if (c == ' ' || c == '-') && (sep == 0 || c == sep) && n%4 == 0 && n > 0 && k+1 < len(s) && part(s[k+1]) {
			sep = c
			k++
			continue
		}
		if !part(c) {
			break
		}
		if c >= 'a' {
			c -= 'a' - 'A'
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

// privateKey matches a PEM private-key block (RSA, EC, OpenSSH, PGP, PKCS#8
// …) or an OpenVPN static key (tls-auth, tls-crypt: the secret both ends
// share). A block without its END line runs to the end of the text, or of the
// JSON string holding it.
func privateKey(s string, i int) (int, bool) {
	hdrEnd := strings.Index(s[i+11:min(len(s), i+80)], "-----")
	if hdrEnd < 0 {
		return 0, false
	}
	label := s[i+11 : i+11+hdrEnd]
	if !strings.HasSuffix(label, "PRIVATE KEY") && !strings.HasSuffix(label, "PRIVATE KEY BLOCK") && label != "OpenVPN Static key V1" {
		return 0, false // (OpenVPN's tls-auth and tls-crypt keys: a shared secret, hex)
	}
	body := i + 11 + hdrEnd + 5
	// A block never holds a quote: the END line is looked for up to the
	// first one (the end of the JSON string holding the block).
	e := body
	for e < len(s) && s[e] != '"' {
		e++
	}
	if k := strings.Index(s[body:e], "-----END "); k >= 0 {
		tail := body + k + 9
		if t := strings.Index(s[tail:min(e, tail+80)], "-----"); t >= 0 {
			if !hasRunOf(s[body:body+k], isB64, 4) {
				return 0, false // no key between the lines: "-----BEGIN … -----\n...\n-----END … -----"
			}
			return tail + t + 5, true
		}
	}
	// Truncated (a shipper cut the line): the base64 body only, so the
	// text after it stays. A header with no body after it names the
	// format ("never paste the -----BEGIN OPENSSH PRIVATE KEY----- line").
	if end := pemBody(s, body, e); end > body {
		return end, true
	}
	return 0, false
}

// hasRunOf reports whether s holds n bytes in a row that ok accepts.
func hasRunOf(s string, ok func(byte) bool, n int) bool {
	for k := 0; k < len(s); {
		e := runOf(s, k, ok)
		if e-k >= n {
			return true
		}
		k = e + 1
	}
	return false
}

// pemBody returns the end of the base64 lines of a PEM body from s[p],
// before e: runs of base64 separated by blanks, line breaks or escaped
// ones (\n), each of 16 characters or more, or shorter as the last one
// when it ends in '=' padding or the text (or string) ends right after it.
// Header lines of encrypted keys (Proc-Type:, DEK-Info:) are taken too.
func pemBody(s string, p, e int) int {
	end := p
	for p < e {
		q := pemBlanks(s, p, e)
		if q >= e {
			break
		}
		if strings.HasPrefix(s[q:e], "Proc-Type:") || strings.HasPrefix(s[q:e], "DEK-Info:") {
			k := q
			for k < e && s[k] != '\n' && s[k] != '\\' {
				k++
			}
			end, p = k, k
			continue
		}
		r := runOf(s[:e], q, isB64)
		if r == q {
			break // not base64: the text after the key
		}
		if r < e && !isSpace(s[r]) && s[r] != '\\' {
			if r-q >= 16 {
				end = r // a line of the body, glued to what follows
			}
			break
		}
		if r-q < 16 && s[r-1] != '=' && strings.TrimLeft(s[pemBlanks(s, r, e):e], "\\") != "" {
			break // a short word with text after it: not the body's last line
		}
		end, p = r, r
	}
	return end
}

// pemBlanks skips blanks and line breaks, raw or escaped (\n at any
// level of nesting), from p up to e.
func pemBlanks(s string, p, e int) int {
	for p < e {
		if isSpace(s[p]) {
			p++
			continue
		}
		if s[p] == '\\' {
			r := runOf(s, p, func(c byte) bool { return c == '\\' })
			if r < e && (s[r] == 'n' || s[r] == 'r' || s[r] == 't') {
				p = r + 1
				continue
			}
		}
		break
	}
	return p
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

// ipv6 matches an IPv6 address starting at i: hex groups with "::" or all
// eight groups, validated by netip; not a network (fd00::/8); or a
// global unicast /64 prefix written as its four groups (prefix64).
// keyColon reports whether the ':' at c ends a word that no hex group is
// (rate:2405:…, a Redis key's prefix; ip:2001:…): the address after it
// stands alone, not inside a colon chain.
func keyColon(s string, c int) bool {
	k, hex := c, true
	for k > 0 && c-k < 32 && (isAlnum(s[k-1]) || s[k-1] == '_' || s[k-1] == '-') {
		hex = hex && isHex(s[k-1])
		k--
	}
	return k < c && !hex && (k == 0 || s[k-1] != ':')
}

func ipv6(s string, i int) (int, bool) {
	if i > 0 && s[i-1] == ':' && !keyColon(s, i-1) {
		return 0, false // inside a longer colon chain (a fingerprint)
	}
	end, double := i, false
	for end < len(s) && end-i < 45 {
		c := s[end]
		if c == ':' {
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
	colons := strings.Count(s[i:end], ":") // after trimming a trailing ':'
	if !double && colons == 3 && (end == len(s) || !isWord(s[end])) && prefix64(s, i, end) {
		return end, true
	}
	if colons < 2 || (!double && colons != 7) || (end < len(s) && isWord(s[end])) {
		return 0, false
	}
	a, err := netip.ParseAddr(s[i:end])
	if err != nil || !a.Is6() {
		return 0, false
	}
	// A network in CIDR notation (2001:db8::/32, fe80::/64: host bits
	// zero) is not a host's address; but a global unicast /48 to /64 is a
	// site's or a subscriber's delegated prefix (RADIUS's
	// Framed-IPv6-Prefix=2a00:1d38:6dd7:7e3d::/64, a router's /56), as
	// personal as its addresses.
	if end+1 < len(s) && s[end] == '/' && isDigit(s[end+1]) {
		e := runOf(s, end+1, isDigit)
		if p, err := netip.ParsePrefix(s[i:e]); err == nil && p.Bits() < 128 && p.Masked().Addr() == a && !subscriberPrefix(p) {
			return 0, false
		}
	}
	return end, true
}

// subscriberPrefix reports whether p is a /48 to /64 of global unicast
// (2000::/3) outside the documentation range (2001:db8::/32).
func subscriberPrefix(p netip.Prefix) bool {
	b := p.Addr().As16()
	return p.Bits() >= 48 && p.Bits() <= 64 && b[0]&0xe0 == 0x20 && (b[0] != 0x20 || b[1] != 0x01 || b[2] != 0x0d || b[3] != 0xb8)
}

// prefix64 reports whether s[i:e] (hex digits and three colons) is the
// /64 prefix of a global unicast address written alone, as access logs
// and abuse reports print a client's network ("2001:41d0:742e:229f - -
// [02/Dec/2026:13:21:06 …]"): four groups of 1 to 4 hex digits, the first
// four digits in 2000::/3 (2000 to 3fff: the block IANA allocates for
// global unicast, RFC 4291 2.4), not inside a longer token (a '.', '/',
// '-' or word before it, a '.' and more after it), and a hex letter in it
// or every group of four: a time after a year ("2026:13:21:06", Apache's
// [day/month/year:time]) has neither.
func prefix64(s string, i, e int) bool {
	if i > 0 {
		if c := s[i-1]; isWord(c) || c == '.' || c == '/' || c == '-' {
			return false
		}
	}
	if e+1 < len(s) && s[e] == '.' && isAlnum(s[e+1]) {
		return false
	}
	p := s[i:e]
	if len(p) < 11 || (p[0] != '2' && p[0] != '3') || p[4] != ':' {
		return false
	}
	letter, all4 := false, true
	for _, g := range strings.Split(p, ":") {
		if len(g) == 0 || len(g) > 4 {
			return false
		}
		all4 = all4 && len(g) == 4
		for k := 0; k < len(g); k++ {
			if !isHex(g[k]) {
				return false
			}
			letter = letter || !isDigit(g[k])
		}
	}
	return letter || all4
}
