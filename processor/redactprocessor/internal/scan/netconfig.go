// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Passwords in network devices' configurations (detector password), as
// people paste them into a chat with a router's or a firewall's config:
//
//   - a password hash in crypt(3)'s modular format as devices and
//     /etc/shadow store them: $1$ (MD5-crypt, Cisco type 5), $5$ and $6$
//     (SHA-crypt, Junos's encrypted-password), $8$ and $9$ (Cisco type 8
//     and 9; Junos's $9$ obfuscation, which anyone can reverse): "enable
//     secret 9 $9$…", "encrypted-password "$6$…"". A bcrypt hash ($2b$…,
//     what web applications keep in their users table) is left alone:
//     blind-2026-12c labels the ones of an SQL dump look-alikes, and
//     bcrypt is built to resist cracking;
//   - a Cisco IOS password after its type digit: "password 7 0822455D0A16"
//     (type 7 is a reversible obfuscation), "password 0 S3cret!" (clear
//     text), "key 7 …", "key-string 7 …".
//
// A hash is a secret too: it is cracked offline, and Junos's $9$ and
// Cisco's type 7 are decoded by any tool.

// cryptHash matches at s[i] ('$') a password hash in crypt's modular
// format. It returns the end.
func cryptHash(s string, i int) (int, bool) {
	p := i + 1
	for p < len(s) && p-i <= 2 && isDigit(s[p]) {
		p++
	}
	id := s[i+1 : p]
	switch id {
	case "1", "5", "6", "8", "9":
	default:
		return 0, false
	}
	if p >= len(s) || s[p] != '$' {
		return 0, false
	}
	e := p + 1
	for e < len(s) && (isAlnum(s[e]) || s[e] == '.' || s[e] == '/' || s[e] == '$' || s[e] == '-' && id == "9") {
		e++
	}
	if e-p-1 < 16 || i > 0 && isAlnum(s[i-1]) {
		return 0, false // $1$ in prose, a price ($9$), a shell's $1
	}
	return e, true
}

// iosPassword matches at s[i] (the type digit) a Cisco IOS password after
// "password", "key" or "key-string" and its type (0: clear text, 7: the
// reversible obfuscation). It returns the value's start and end.
func iosPassword(s string, i int) (int, int, bool) {
	if i+2 >= len(s) || s[i] != '0' && s[i] != '7' || s[i+1] != ' ' || i < 5 || s[i-1] != ' ' {
		return 0, 0, false
	}
	switch {
	case hasSuffixFold(s[:i-1], "password"), hasSuffixFold(s[:i-1], " key"), hasSuffixFold(s[:i-1], "key-string"):
	default:
		return 0, 0, false
	}
	vs, e := i+2, i+2
	for e < len(s) && s[e] > ' ' && s[e] != '"' && s[e] != '\\' && e-vs < 128 {
		e++
	}
	if e-vs < 4 || s[i] == '7' && !allHex(s[vs:e]) {
		return 0, 0, false
	}
	return vs, e, true
}

// hasSuffixFold reports whether s ends with w (ASCII, case-insensitive).
func hasSuffixFold(s, w string) bool {
	return len(s) >= len(w) && indexFold(s[len(s)-len(w):], w) == 0
}

// bitLockerKey matches at s[i] a BitLocker recovery key (the recovery
// password Windows, Entra ID and Active Directory show: 48 digits in
// eight groups of six joined by '-', each group a multiple of 11 below
// 720896, as manage-bde and the key's own check require). It unlocks the
// drive, so it is a password wherever it is written. It returns the end.
func bitLockerKey(s string, i int) (int, bool) {
	if i > 0 && (isAlnum(s[i-1]) || s[i-1] == '-') {
		return 0, false
	}
	k, ok := fixedGroups(s, i, '-', 6, 6, 6, 6, 6, 6, 6, 6)
	if !ok || k < len(s) && (isAlnum(s[k]) || s[k] == '-') {
		return 0, false
	}
	for g := i; g < k; g += 7 {
		if v := atoi(s[g : g+6]); v%11 != 0 || v >= 720896 {
			return 0, false
		}
	}
	return k, true
}
