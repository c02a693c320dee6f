// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers (IPv4 addresses, social security, card and phone numbers) are
// found from a run of digit groups: "+44 20 7946 0958 2 times" is the run
// +44|20|7946|0958|2. The longest prefix of the run that some detector
// accepts wins, so a trailing count, date or extension that is not part of
// the number is left alone ("4111 1111 1111 1111 12/27": the card is the
// first four groups; "SSN 123-45-6789 2 kids": the first three). A prefix
// may only end where the run breaks softly (a space or '/'), never inside a
// dashed or dotted number.

// maxGroups bounds a run; no number we know has more groups.
const maxGroups = 8

// numGroup is one group of digits of a run.
type numGroup struct {
	start, end  int32 // the digits: s[start:end]
	open, close bool  // '(' right before the digits, ')' right after
	// sep is the separator before the group: 0 none (after ')' or before
	// '('), ' ' blanks (space, no-break spaces), or '-', '.', '/' (with
	// blanks around '-' and '/' allowed).
	sep byte
}

type numRun struct {
	ctx    numCtx
	g      [maxGroups]numGroup
	n      int
	plus   int // index of a leading '+', or -1
	lparen int // index of a leading '(' (before the '+' or the first group), or -1
	nd     int // digits in all groups
}

func (g *numGroup) len() int { return int(g.end - g.start) }

// digitsOf returns the digits of a group.
func (g *numGroup) digitsOf(s string) string { return s[g.start:g.end] }

// read reads the run starting at s[i] (a digit, '+' or '(').
func (r *numRun) read(s string, i int) bool {
	n := len(s)
	k := i
	r.n, r.plus, r.lparen, r.nd = 0, -1, -1, 0
	switch s[k] {
	case '(':
		r.lparen = k
		k++
		if k < n && s[k] == '+' {
			r.plus = k
			k++
		}
	case '+':
		r.plus = k
		k++
	}
	if k >= n || !isDigit(s[k]) {
		return false
	}
	open := r.lparen >= 0 && r.plus < 0
	var sep byte
	for {
		start := k
		for k < n && isDigit(s[k]) {
			k++
		}
		if k-start > 19 {
			return false // longer than any number we detect
		}
		g := &r.g[r.n]
		*g = numGroup{start: int32(start), end: int32(k), open: open, sep: sep}
		if k < n && s[k] == ')' {
			g.close = true
			k++
		}
		r.n++
		r.nd += k - start
		if r.n == maxGroups {
			return true
		}
		var next int
		sep, next, open = readSep(s, k, g.close)
		if next < 0 {
			return true
		}
		k = next
	}
}

// blankWidth returns the width of the blank at s[j]: a space, a no-break
// space, a narrow or thin no-break space (as French typography puts between
// digit pairs), raw or as a JSON \u escape; 0 when there is none.
func blankWidth(s string, j int) int {
	switch c := s[j]; {
	case c == ' ':
		return 1
	case c == 0xc2 && j+1 < len(s) && s[j+1] == 0xa0:
		return 2
	case c == 0xe2 && j+2 < len(s) && s[j+1] == 0x80 && (s[j+2] == 0xaf || s[j+2] == 0x89):
		return 3
	case c == '\\' && j+6 <= len(s) && s[j+1] == 'u':
		switch strings.ToLower(s[j+2 : j+6]) {
		case "00a0", "202f", "2009":
			return 6
		}
	}
	return 0
}

// readSep reads the separator at s[k] between two groups; it returns its
// kind, where the next group's digits start (-1 when no group follows) and
// whether a '(' opens the next group.
func readSep(s string, k int, closed bool) (kind byte, next int, open bool) {
	n := len(s)
	j := k
	before := 0
	for j < n && before < 2 {
		w := blankWidth(s, j)
		if w == 0 {
			break
		}
		j += w
		before++
	}
	if j < n && (s[j] == '-' || s[j] == '.' || s[j] == '/') && (before == 0 || s[j] != '.') {
		kind = s[j]
		j++
		if kind != '.' && before > 0 {
			w := 0
			if j < n {
				w = blankWidth(s, j)
			}
			if w == 0 && kind == '-' {
				return 0, -1, false // " -0600": a sign (a UTC offset, a negative number), not a separator
			}
			j += w // " - ", " / "
		}
	} else if before > 0 {
		if before > 1 {
			return 0, -1, false
		}
		kind = ' '
	}
	if j < n && s[j] == '(' {
		open = true
		j++
	}
	if j >= n || !isDigit(s[j]) {
		return 0, -1, false
	}
	if j == k && !closed {
		return 0, -1, false
	}
	return kind, j, open
}

// endOK reports whether a number made of the first k groups ends at a
// boundary: the run breaks softly after it, or the text goes on with
// something that cannot continue a number.
func (r *numRun) endOK(s string, k int) bool {
	if k < r.n {
		sep := r.g[k].sep
		// (or a blank right after the k groups: 62.74.112.228 - 2024-11-21,
		// a dash set apart by blanks separates two things)
		return sep == ' ' || sep == '/' || s[r.g[k-1].end] == ' '
	}
	g := &r.g[k-1]
	e := int(g.end)
	if g.close {
		e++
	}
	if e >= len(s) {
		return true
	}
	c := s[e]
	switch {
	case isWord(c), c == '@':
		return false
	case c == ',' && k == 1 && e+4 <= len(s) && allDigits(s[e+1:e+4]) && (e+4 == len(s) || !isDigit(s[e+4])) && g.len() <= 3:
		// 1,234: a thousands group follows (a longer group, or groups
		// before it, 756.0720.4163.50,061 or 0455 902 117,732-012, make
		// it a CSV field before another: no number groups its thousands
		// with blanks, dots or dashes and then a comma)
		return false
	case (c == '.' || c == '-') && e+1 < len(s) && isDigit(s[e+1]):
		return false
	}
	return true
}

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// numeric finds the IPv4 address, social security, card or phone number
// starting at s[i] (a digit, '+' or '('), longest first.
// When nothing matches, rest is where a later try may start: after the
// whole run when it starts with '+' (its groups are one international
// number, not national ones), after the first group otherwise.
func (sc *Scanner) numeric(s string, i int, ctx numCtx) (f Finding, ok bool, rest int) {
	if sc.on[NationalID] && (i == 0 || s[i-1] != '+') {
		if f, ok := sc.keyedID(s, i); ok {
			return f, true, 0 // "ein": "02-7310491", "medicare": "2123 45670 1"
		}
	}
	if sc.on[NationalID] && isDigit(s[i]) {
		if _, de, _, _, ok := mrzAt(s, i, runOf(s, i, isAlnum)); ok {
			return Finding{i, de, NationalID}, true, 0 // a passport's MRZ whose number is digits
		}
		if e, ok := pnrDocument(s, i); ok {
			return Finding{i, e, NationalID}, true, 0 // SSR DOCS … P/NOR/99019870/
		}
		if e, ok := ghanaCard(s, i); ok {
			return Finding{i, e, NationalID}, true, 0 // GHA-295301976-6
		}
		if i >= 4 && s[i-1] == ',' && s[i-2] == 'R' && s[i-3] == 'D' && s[i-4] == 'E' && (i == 4 || s[i-5] == '\n') &&
			i+15 <= len(s) && allDigits(s[i:i+14]) && s[i+14] == ',' {
			// a UAE WPS salary file's employee record (EDR): the
			// employee's 14-digit MOHRE person id first
			return Finding{i, i + 14, NationalID}, true, 0
		}
	}
	if i > 3 && s[i-1] == '^' && sc.on[Phone] {
		if as, ok := xtnPhone(s, i); ok && as >= ctx.last {
			return Finding{as, i + 7, Phone}, true, 0 // HL7 XTN: ^PRN^PH^^1^443^9908123
		}
	}
	if i > 3 && (s[i-1] == '*' || s[i-1] == '|') && isDigit(s[i]) {
		if e, t, ok := x12Value(s, i); ok && sc.on[t] {
			return Finding{i, e, t}, true, 0 // PER*IC*BILLING*TE*9157670578~, BPR*…*01*312511753*DA*40153540840*…
		}
		if s[i-1] == '|' {
			if e, t, keep, ok := hl7Number(s, i); ok {
				if keep {
					return Finding{}, false, e // PID-18, the patient's account at the provider
				}
				if sc.on[t] {
					return Finding{i, e, t}, true, 0 // PID-19, the patient's SSN
				}
			}
		}
	}
	if sc.on[BankAccount] && i >= 4 && (s[i-1] == ' ' || s[i-1] == 0x86) {
		if e, ok := micrAccount(s, i); ok {
			return Finding{i, e, BankAccount}, true, 0 // ⑆328798146⑆ 238648189⑈
		}
	}
	if sc.on[Password] && isDigit(s[i]) && i+55 <= len(s) && s[i+6] == '-' {
		if e, ok := bitLockerKey(s, i); ok {
			return Finding{i, e, Password}, true, 0 // 067133-191774-…-641421
		}
	}
	if sc.on[DeviceID] && isDigit(s[i]) && (i == 0 || s[i-1] != '+') {
		if end, ok := deviceID(s, i, ctx.memo); ok {
			return Finding{i, end, DeviceID}, true, 0 // "imei": "353285115857807", ICCID 8944…
		}
	}
	if sc.on[BankAccount] && i+40 <= len(s) && (s[i] == '1' && s[i+4] == '-' && (i == 0 || s[i-1] == '\n') || s[i+3] == '-' && i >= 80 && s[i-80] == '1') {
		if as, ae, ok := abaAccount(s, i); ok {
			return Finding{as, ae, BankAccount}, true, 0 // an ABA file's detail record: 1062-308 26611170 53…
		}
	}
	if sc.on[BankAccount] && i > 0 && isDigit(s[i]) && s[i-1] != '+' {
		if end, ok := bankAccount(s, i); ok {
			return Finding{i, end, BankAccount}, true, 0 // "Account number: 2511244933"
		}
		if end, ok := codedAccount(s, i, ctx.memo); ok {
			return Finding{i, end, BankAccount}, true, 0 // Bank: 40-47-84 61023958
		}
		if end, ok := czAccount(s, i); ok {
			return Finding{i, end, BankAccount}, true, 0 // 590426-1388002014/0600 (CZ, SK)
		}
		if i+15 <= len(s) && (s[i+3] == '-' || isDigit(s[i+14])) {
			if end, ok := balkanAccount(s, i, ctx.memo); ok {
				return Finding{i, end, BankAccount}, true, 0 // RS 265-0003971498936-07
			}
		}
	}
	var r numRun
	if !r.read(s, i) || (r.plus < 0 && r.nd < 7 && r.n < 4) {
		if r.nd == 6 && r.n == 1 && sc.on[NationalID] {
			if end, ok := digitLetterID(s, i); ok {
				return Finding{i, end, NationalID}, true, 0 // FI 230700A8596
			}
		}
		if r.n == 1 && r.plus < 0 && sc.on[CreditCard] {
			if end, ok := wideCard(s, i, int(r.g[0].end)); ok {
				return Finding{i, end, CreditCard}, true, 0
			}
		}
		if r.nd == 6 && r.n == 1 && r.plus < 0 && sc.on[BankAccount] && bankAccountColumn(s, i, int(r.g[0].end), ctx.memo) {
			return Finding{i, int(r.g[0].end), BankAccount}, true, 0 // an account_no cell of 6 digits beside its bsb
		}
		return Finding{}, false, 0 // too short for anything: most numbers in prose
	}
	if i >= 2 && s[i-1] == ':' && isDigit(s[i-2]) {
		return Finding{}, false, 0 // the seconds of a time (17:45:12 2024 -0600)
	}
	if r.n == maxGroups && r.plus < 0 {
		if e, ok := fourDigitRun(s, &r); ok {
			return Finding{}, false, e // a Brazilian NF-e's access key, 44 digits in 11 groups of 4
		}
	}
	if r.plus < 0 && r.nd == 11 && abnBefore(s, i, &r) {
		return Finding{}, false, int(r.g[r.n-1].end) // ABN 51 824 753 556: a business's, public (no phone in it)
	}
	r.ctx = ctx
	if sc.on[NationalID] {
		if end, ok := digitLetterID(s, i); ok {
			return Finding{i, end, NationalID}, true, 0
		}
		if end, ok := rvnr(s, i); ok {
			return Finding{i, end, NationalID}, true, 0
		}
	}
	if f, ok := sc.spokenCard(s, &r); ok {
		return f, true, 0
	}
	for k := r.n; k >= 1; k-- {
		if !r.endOK(s, k) {
			continue
		}
		if r.plus < 0 {
			if sc.on[IPv4] {
				if start, end, ok := r.ipv4(s, k); ok {
					return Finding{start, end, IPv4}, true, 0
				}
			}
			if sc.on[SSN] {
				if start, end, ok := r.ssn(s, k); ok {
					return Finding{start, end, SSN}, true, 0
				}
			}
			if sc.on[NationalID] {
				if start, end, ok := r.nationalID(s, k); ok {
					return Finding{start, end, NationalID}, true, 0
				}
			}
			if sc.on[CreditCard] {
				if start, end, ok := r.card(s, k); ok {
					return Finding{start, end, CreditCard}, true, 0
				}
			}
		}
		if sc.on[Phone] {
			if start, end, ok := r.phone(s, k); ok {
				if r.plus < 0 && !r.g[0].open {
					cs := ccBefore(s, start, ctx.last, &r, k)
					if cs < start && otherNumberNear(s, cs) {
						continue // ABN 51 824 753 556: not +51 after all, and no phone
					}
					start = cs
				}
				return Finding{start, phoneExt(s, end), Phone}, true, 0
			}
		}
	}
	if f, ok := sc.spokenGroups(s, &r); ok {
		return f, true, 0
	}
	if sc.on[BankAccount] && r.plus < 0 {
		if e, ok := digitGroups(s, i, 6, 18); ok && bankAccountColumn(s, i, e, r.ctx.memo) {
			return Finding{i, e, BankAccount}, true, 0 // a CSV column account_number
		}
	}
	if sc.on[NationalID] && r.plus < 0 {
		if f, ok := labelledID(s, i); ok {
			return f, true, 0 // "dl_number": "123456789", "nationalId": "12345678"
		}
	}
	if r.plus >= 0 || r.cardShaped(s) {
		return Finding{}, false, int(r.g[r.n-1].end)
	}
	return Finding{}, false, 0
}

// fourDigitRun reports whether the run r (of maxGroups groups) is groups
// of 4 digits split by single spaces that go on past it, as an electronic
// invoice's access key is printed (a Brazilian NF-e's 44 digits, 3524 1197
// 4547 …): no card, phone or identity number has 9 such groups. It
// returns the end of the last group.
func fourDigitRun(s string, r *numRun) (int, bool) {
	for j := range r.n {
		if r.g[j].len() != 4 || j > 0 && (r.g[j].sep != ' ' || s[r.g[j].start-1] != ' ' || s[r.g[j].start-2] == ' ') {
			return 0, false
		}
	}
	e := int(r.g[r.n-1].end)
	groups := r.n
	for e+5 <= len(s) && s[e] == ' ' && allDigits(s[e+1:e+5]) && (e+5 == len(s) || !isDigit(s[e+5])) {
		e += 5
		groups++
	}
	return e, groups >= 9
}

// wideCard returns the end of a card number whose groups are set apart by
// two spaces, as text copied out of a PDF statement or a scanned form
// prints them ("4282  3154  2634  3664", "3491  524640  10635"). A run
// stops at two blanks (table columns are set apart so), so this is tried
// only for a run that is one group of 4 digits, s[i:e]: 3 to 5 groups
// of 3 to 6 digits, every gap exactly two spaces, 13 to 19 digits that
// pass the issuer prefix and Luhn, and no digit right after.
func wideCard(s string, i, e int) (int, bool) {
	if e-i != 4 {
		return 0, false
	}
	var d [20]byte
	nd := copy(d[:], s[i:e])
	groups := 1
	for groups < 5 && e+2 < len(s) && s[e] == ' ' && s[e+1] == ' ' && isDigit(s[e+2]) {
		k := e + 2
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k-(e+2) < 3 || k-(e+2) > 6 || nd+k-(e+2) > 19 {
			return 0, false
		}
		nd += copy(d[nd:], s[e+2:k])
		e = k
		groups++
	}
	if groups < 3 || nd < 13 || (e < len(s) && (isDigit(s[e]) || s[e] == '-' && e+1 < len(s) && isDigit(s[e+1]))) {
		return 0, false
	}
	if !cardPrefix(d[:nd]) || !Luhn(string(d[:nd])) {
		return 0, false
	}
	return e, true
}

// plain returns the extent of a number made of the first k groups that has
// no parenthesis inside (only around: "(84.71.167.95)").
func (r *numRun) plain(k int) (start, end int, ok bool) {
	for j := range k {
		if (j > 0 && r.g[j].open) || (j < k-1 && r.g[j].close) {
			return 0, 0, false
		}
	}
	return int(r.g[0].start), int(r.g[k-1].end), true
}

// digits writes the digits of the first k groups to d (at most len(d)).
func (r *numRun) digits(s string, k int, d []byte) {
	nd := 0
	for j := range k {
		for p := r.g[j].start; p < r.g[j].end && nd < len(d); p++ {
			d[nd] = s[p]
			nd++
		}
	}
}

func (r *numRun) sameSep(k int, kinds string) bool {
	if k == 1 {
		return true
	}
	sep := r.g[1].sep
	if strings.IndexByte(kinds, sep) < 0 {
		return false
	}
	for j := 2; j < k; j++ {
		if r.g[j].sep != sep {
			return false
		}
	}
	return true
}

func atoi(b string) int {
	v := 0
	for k := 0; k < len(b); k++ {
		v = v*10 + int(b[k]-'0')
	}
	return v
}

// ipv4 accepts four dotted octets ≤ 255 (192.168.001.010 too). Loopback
// (127.x), the unspecified 0.0.0.0, netmasks (255.255.255.0) and networks
// (10.0.0.0/8) identify no one and are left alone, and so are versions: a four-part number bound
// to a version (numpy==1.2.3.4, Chrome/120.0.0.0, Version=4.0.0.0,
// "version 1.2.3.4") is not an address, and neither is a section number
// after a word naming one (section 1.2.3.4, § 4.2.1.3). A bare 1.2.3.4 is
// an address.
func (r *numRun) ipv4(s string, k int) (int, int, bool) {
	if k != 4 || !r.sameSep(4, ".") {
		return 0, 0, false
	}
	start, end, ok := r.plain(4)
	if !ok {
		return 0, 0, false
	}
	var oct [4]int
	for j := range 4 {
		g := &r.g[j]
		if g.len() > 3 {
			return 0, 0, false
		}
		oct[j] = atoi(g.digitsOf(s))
		if oct[j] > 255 {
			return 0, 0, false
		}
	}
	if oct[0] == 127 || oct == [4]int{} || documentationNet(oct) || netmask(oct) || network(s, end, oct) || versionBefore(s, start) || contextNear(s, start, sectionWords, 2) {
		return 0, 0, false
	}
	return start, end, true
}

// documentationNet reports whether oct is in one of the three networks
// RFC 5737 sets aside for documentation (192.0.2.0/24 TEST-NET-1,
// 198.51.100.0/24 TEST-NET-2, 203.0.113.0/24 TEST-NET-3): no host has
// such an address, as no mailbox is at example.com (RFC 2606).
func documentationNet(oct [4]int) bool {
	switch [3]int{oct[0], oct[1], oct[2]} {
	case [3]int{192, 0, 2}, [3]int{198, 51, 100}, [3]int{203, 0, 113}:
		return true
	}
	return false
}

// sectionWords name a section, clause or outline number (§ 4.2.1.3,
// clause 2.1.4.3, Abschnitt 1.2.3.4) just before a four-part number: a
// place in a document, not an address.
var sectionWords = newContextWords(
	"section", "sections", "sec", "§", "clause", "clauses", "chapter", "chap", "para", "paragraph", "article", "art",
	"abschnitt", "kapitel", "ziffer", "absatz", "artikel", "punkt", "rule", "step", "figure", "fig", "table",
	"appendix", "annex", "anhang", "item", "requirement", "control", "heading", "subsection", "part",
	"chapitre", "capítulo", "capitolo", "sezione", "sección", "hoofdstuk", "rozdział", "章", "节", "条",
)

// network reports whether the address ending at end is a network written
// in CIDR notation (10.0.0.0/8: host bits zero), not a host.
func network(s string, end int, o [4]int) bool {
	if end+1 >= len(s) || s[end] != '/' || !isDigit(s[end+1]) {
		return false
	}
	p := int(s[end+1] - '0')
	if end+2 < len(s) && isDigit(s[end+2]) {
		p = p*10 + int(s[end+2]-'0')
	}
	if p >= 32 {
		return false
	}
	a := uint32(o[0])<<24 | uint32(o[1])<<16 | uint32(o[2])<<8 | uint32(o[3])
	return a&(1<<(32-p)-1) == 0
}

func netmask(o [4]int) bool {
	if o[0] != 255 {
		return false
	}
	m := uint32(o[0])<<24 | uint32(o[1])<<16 | uint32(o[2])<<8 | uint32(o[3])
	return m|(m-1) == 0xffffffff || m == 0xffffffff // contiguous ones, then zeros
}

// versionBefore reports whether the number at start is bound to a version:
// a pip/npm specifier (==, >=, ~=, ^, ~), a product token
// (Chrome/120.0.0.0) or a version word among the three words before it
// ("Version=4.0.0.0", "firmware version 2.1.0.7", "Version der App: 5.12.0.3").
// hostSlash reports whether the '/' at i ends a host name (labels and
// dots, the last label letters: api.stripe.com/54.187.174.169, Java's
// InetAddress "host/address", Kubernetes' "node.internal/10.0.3.17"),
// not a product's name before its version (Chrome/120.0.0.0,
// python-requests/2.31.0 have no dot).
func hostSlash(s string, i int) bool {
	k, dots, letters := i, 0, true
	for k > 0 && i-k < 253 && (isAlnum(s[k-1]) || s[k-1] == '-' || s[k-1] == '.') {
		if s[k-1] == '.' {
			if k == i || dots == 0 && !letters {
				return false
			}
			dots++
		} else if dots == 0 && !isLetter(s[k-1]) {
			letters = false
		}
		k--
	}
	return dots > 0 && letters && k < i && isAlnum(s[k])
}

func versionBefore(s string, start int) bool {
	if start > 0 {
		switch s[start-1] {
		case '=':
			if start > 1 && strings.IndexByte("=<>~!", s[start-2]) >= 0 {
				return true
			}
		case '^', '~':
			return true
		case '/':
			if start > 1 && isAlnum(s[start-2]) && !hostSlash(s, start-1) {
				return true
			}
		}
	}
	var buf [24]byte
	k := start
	for n := 0; n < 3 && k > 0; n++ {
	skip:
		for k > 0 && start-k < 40 {
			switch {
			case strings.IndexByte(" :=\"'(,\\<>", s[k-1]) >= 0: // (\\ of an escaped quote)
				k--
			case k >= 3 && s[k-3] == 0xe2 && s[k-2] == 0x89 && (s[k-1] == 0xa5 || s[k-1] == 0xa4):
				k -= 3 // ≥, ≤: Firmware ≥ 10.1.159.12
			default:
				break skip
			}
		}
		w := k
		for w > 0 && k-w < len(buf) && (isAlnum(s[w-1]) || s[w-1] == '_' || s[w-1] == '-' || s[w-1] == '.') {
			w--
		}
		if w == k || hasDigit(s[w:k]) {
			return false
		}
		word := bytes.TrimSuffix(lowerInto(buf[:], s[w:k]), []byte("."))
		if bytes.HasSuffix(word, []byte("version")) {
			return true
		}
		if j := bytes.LastIndexByte(word, '-'); j >= 0 {
			word = word[j+1:] // Snom-Firmware
		}
		for _, v := range versionWords {
			if bytes.Equal(word, v) {
				return true
			}
		}
		k = w
	}
	return false
}

var versionWords = byteWords("v", "ver", "vers", "build", "release", "rev", "revision", "firmware", "fw", "driver", "wersja", "versie", "versione")

// ssn accepts area-group-serial with dashes (123-45-6789), and with spaces
// or none only after a word naming it (SSN, social security, ITIN,
// dependent, spouse), earlier in the sentence or heading its table column
// (idContext); ITINs (912-78-4420) too.
func (r *numRun) ssn(s string, k int) (int, int, bool) {
	if k != 1 && k != 3 {
		return 0, 0, false
	}
	start, end, ok := r.plain(k)
	if !ok {
		return 0, 0, false
	}
	var d [9]byte
	needsWord := false
	switch {
	case k == 3 && r.g[0].len() == 3 && r.g[1].len() == 2 && r.g[2].len() == 4:
		if r.g[1].sep != r.g[2].sep || (r.g[1].sep != '-' && r.g[1].sep != ' ') {
			return 0, 0, false
		}
		if end+1 < len(s) && s[end] == '-' && isAlnum(s[end+1]) {
			return 0, 0, false // case 123-45-6789-A: a longer code's groups
		}
		needsWord = r.g[1].sep == ' '
	case k == 1 && r.g[0].len() == 9:
		needsWord = true
	default:
		return 0, 0, false
	}
	r.digits(s, k, d[:])
	ds := string(d[:])
	if !ssnValid(atoi(ds[0:3]), atoi(ds[3:5]), atoi(ds[5:9])) && !itinValid(atoi(ds[0:3]), atoi(ds[3:5])) {
		return 0, 0, false
	}
	if needsWord && !contextBefore(s, start, ssnWords) && !x12SSN(s, start) && !sentenceContext(s, start, ssnNames) {
		// The word heading the column; under a generic one (national_id),
		// a number that passes the check of a 9-digit national_id kind
		// (BSN 11-proof, SIN Luhn, …) is that.
		if !idColumn(s, start, ssnNames, r.ctx.memo) && (!idColumn(s, start, ssnHeaders, r.ctx.memo) || nineDigitID(d[:])) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// x12SSN reports whether the number at start is the value of an ANSI X12
// REF segment whose qualifier is SY, Social Security Number (the code
// list of data element 128, as 270/271 eligibility and 834 enrollment
// files send a subscriber's SSN: REF*SY*573013031~), with '*' or '|' as
// the element separator.
func x12SSN(s string, start int) bool {
	if start < 7 {
		return false
	}
	p := s[start-7 : start]
	return (p[6] == '*' || p[6] == '|') && p[3] == p[6] && strings.EqualFold(p[:3], "REF") && p[4:6] == "SY"
}

// itinValid reports whether area and group are those of an IRS individual
// taxpayer identification number (9XX-70-XXXX…): area 900-999 and group
// 50-65, 70-88, 90-92 or 94-99. Written like an SSN and found the same way.
func itinValid(area, group int) bool {
	return area >= 900 && ((group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94)
}

// card accepts 13–19 digits, plain or in groups of at least three split by
// single spaces, dashes or dots (one kind), that pass the Luhn check and
// start with an issuer prefix of that length.
func (r *numRun) card(s string, k int) (int, int, bool) {
	if !r.sameSep(k, " -.") {
		return 0, 0, false
	}
	start, end, ok := r.plain(k)
	if !ok {
		return 0, 0, false
	}
	var d [20]byte
	nd := 0
	for j := range k {
		if k > 1 && r.g[j].len() < 3 {
			return 0, 0, false
		}
		nd += r.g[j].len()
	}
	if nd < 13 || nd > 19 {
		return 0, 0, false
	}
	if k > 1 && r.g[0].len() != 4 && (r.g[0].len() != 6 || nd != 19) {
		// Cards are printed from a group of four (4-4-4-4, Amex 4-6-5,
		// Diners 4-6-4, 4-4-4-4-3), a 19-digit UnionPay also 6-13; an
		// Amazon order number (357-2514331-3720177) is not one.
		return 0, 0, false
	}
	r.digits(s, k, d[:])
	if !cardPrefix(d[:nd]) || !Luhn(string(d[:nd])) {
		return 0, 0, false
	}
	if nd == 13 && gtinValid(d[:nd]) {
		// A 13-digit "Visa" that is also a valid EAN-13 is a product's
		// barcode number: Visa has issued 16-digit cards for decades, and
		// receipts and catalogues print EAN-13s everywhere.
		return 0, 0, false
	}
	return start, end, true
}

// gtinValid reports whether d passes the GS1 check digit (weights 3 and 1
// from the right, the last digit making the sum a multiple of 10).
func gtinValid(d []byte) bool {
	sum := 0
	for i := len(d) - 2; i >= 0; i-- {
		w := 1
		if (len(d)-2-i)%2 == 0 {
			w = 3
		}
		sum += int(d[i]-'0') * w
	}
	return (10-sum%10)%10 == int(d[len(d)-1]-'0')
}

// contextWords are words that name a kind of number just before it: ASCII
// words match whole (case-insensitive), the others anywhere in a word;
// pairs are two words in a row ("my number", "reach me"; a longer phrase
// by its last two, and the word before them).
type contextWords struct {
	ascii map[string]bool
	other []string
	pairs map[[2]string]bool
	// firsts are the words that must stand before a pair that only a
	// longer phrase gave: "medical record number" names a chart, "record
	// number" alone a CRM's row, and "copia de seguridad 2025" is a
	// backup, not "código de seguridad". A pair that is a phrase of its
	// own has none.
	firsts map[[2]string][]string
	// byStart indexes other by their first two bytes, so that a word is
	// matched against the few that may start at each of its positions,
	// not against all of them.
	byStart map[uint16][]string
}

// hasOther reports whether one of c's non-ASCII words occurs in w.
func (c *contextWords) hasOther(w string) bool {
	if len(c.byStart) == 0 {
		return false
	}
	for i := 0; i+1 < len(w); i++ {
		if w[i]&0xc0 == 0x80 {
			continue // inside a character: no word starts there
		}
		for _, o := range c.byStart[uint16(w[i])<<8|uint16(w[i+1])] {
			if strings.HasPrefix(w[i:], o) {
				return true
			}
		}
	}
	return false
}

func newContextWords(words ...string) *contextWords {
	c := &contextWords{ascii: map[string]bool{}, pairs: map[[2]string]bool{}, firsts: map[[2]string][]string{}}
	own := map[[2]string]bool{} // pairs that are phrases of their own
	for _, w := range words {
		first := ""
		if f := strings.Fields(w); len(f) > 2 {
			// A longer phrase is found by its last two words, the nearest
			// to the number, and the word before them: "tax file number"
			// by "file number" after "tax".
			w, first = f[len(f)-2]+" "+f[len(f)-1], f[len(f)-3]
		}
		if a, b, ok := strings.Cut(w, " "); ok {
			keys := [][2]string{{a, b}}
			if t := titleCase(a); t != a {
				keys = append(keys, [2]string{t, b}) // (Číslo dokladu: lowerInto lowers ASCII only)
			}
			if ua, ub := upperOther(a), upperOther(b); ua != a || ub != b {
				keys = append(keys, [2]string{ua, ub}) // (RODNÉ ČÍSLO)
			}
			for _, k := range keys {
				c.pairs[k] = true
				if first == "" {
					own[k] = true
					continue
				}
				// (as lowerInto gives them: ASCII lowered, the rest as
				// written, in lower, title or upper case)
				for _, v := range []string{first, titleCase(first), upperOther(first)} {
					if v = strings.Map(asciiLower, v); !slices.Contains(c.firsts[k], v) {
						c.firsts[k] = append(c.firsts[k], v)
					}
				}
			}
			continue
		}
		ascii := true
		for k := 0; k < len(w); k++ {
			ascii = ascii && w[k] < utf8.RuneSelf
		}
		if ascii {
			c.ascii[w] = true
		} else {
			c.other = append(c.other, w)
			if t := titleCase(w); t != w {
				c.other = append(c.other, t)
			}
			if u := upperOther(w); u != w && u != titleCase(w) {
				c.other = append(c.other, u) // RČ, NÚMERO: a word in capitals
			}
		}
	}
	for k := range own {
		delete(c.firsts, k)
	}
	c.byStart = map[uint16][]string{}
	for _, o := range c.other {
		k := uint16(o[0])<<8 | uint16(o[1])
		c.byStart[k] = append(c.byStart[k], o)
	}
	return c
}

// asciiLower lowers an ASCII letter and leaves any other rune.
func asciiLower(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// titleCase returns w with its first letter upper case when that letter is
// not ASCII (the ASCII ones are lowered before the words are compared).
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r < utf8.RuneSelf {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// upperOther returns w with its letters that are not ASCII in upper case
// and the others as they are: a word written in capitals as lowerInto,
// which lowers ASCII only, leaves it (RČ → rČ).
func upperOther(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r >= utf8.RuneSelf {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// contextBefore reports whether one of words is among the four words
// before i on the same line, with no digit in between (the word names
// this number, not an earlier one).
func contextBefore(s string, i int, words *contextWords) bool {
	return contextNear(s, i, words, 4)
}

// contextNear is contextBefore within the nearest n words.
func contextNear(s string, i int, words *contextWords, n int) bool {
	// (40 characters back, not bytes: the words of Cyrillic or Greek
	// take two bytes a letter; a digit between two letters is part of a
	// word, as Arabic written in Latin letters spells "bta3i", "7aga")
	from, chars := i, 0
	for from > 0 && chars < 40 {
		c := s[from-1]
		if c == '\n' || c == '\r' || isDigit(c) && !letterDigit(s, from-1) || ((c == 'n' || c == 'r') && from >= 2 && s[from-2] == '\\') {
			break
		}
		if c < 0x80 || c >= 0xc0 {
			chars++
		}
		from--
	}
	// (32 bytes: German compounds, Sozialversicherungsnummer)
	var buf, prev [32]byte
	var pb []byte
	k := i
	for ; n > 0 && k > from; n-- {
		for k > from {
			if c := s[k-1]; c < utf8.RuneSelf {
				if isAlnum(c) {
					break
				}
				k--
			} else if p := punctBefore(s, k); p > 0 && k-p >= from {
				k -= p // Passport · Number: …, Konto – Nr.
			} else {
				break
			}
		}
		e := k
		ascii := true
		for k > from && (isAlnum(s[k-1]) || s[k-1] >= utf8.RuneSelf) {
			ascii = ascii && s[k-1] < utf8.RuneSelf
			k--
		}
		if e == k {
			break
		}
		w := s[k:e]
		b := lowerInto(buf[:], w) // nil when longer than buf
		if words.has(s, k, w, b, pb, ascii) || !ascii && asciiEnd(words, w) {
			return true // asciiEnd: CVC는, ，CVV: CJK text glues particles and punctuation to a word
		}
		if ascii && e-k >= 5 && e < len(s) && (s[e] == '"' || s[e] == ':' || s[e] == '=' || s[e] == '\\') && camelWords(w, words, n) {
			return true // a key in camel case: "nationalInsuranceNumber", employeePpsn=
		}
		pb = nil
		if b != nil {
			pb = prev[:copy(prev[:], b)]
		}
	}
	return false
}

// camelWords reports whether w, an ASCII word with a capital after a small
// letter or a digit (a key in camel case: nationalInsuranceNumber,
// TaxFileNumber, employeePpsn), read as the words its capitals start,
// ends with one of words within its last n.
func camelWords(w string, words *contextWords, n int) bool {
	var buf [64]byte
	o, camel := 0, false
	for j := 0; j < len(w) && o < len(buf)-1; j++ {
		c := w[j]
		if isUpper(c) && j > 0 && (isLower(w[j-1]) || isDigit(w[j-1])) {
			buf[o] = ' '
			o++
			camel = true
		}
		buf[o] = lower(c)
		o++
	}
	if !camel || o >= len(buf)-1 {
		return false
	}
	sp := string(buf[:o])
	return contextNear(sp, len(sp), words, n)
}

// punctBefore returns the length of the punctuation character that ends
// s[:k] when it is one that sets fields or words apart as ASCII
// punctuation does (· • – — … ・ « »), else 0.
func punctBefore(s string, k int) int {
	if k >= 2 && s[k-2] == 0xc2 && (s[k-1] == 0xb7 || s[k-1] == 0xab || s[k-1] == 0xbb) {
		return 2 // · « »
	}
	if k >= 3 && (s[k-3] == 0xe2 && s[k-2] == 0x80 && (s[k-1] == 0xa2 || s[k-1] == 0x93 || s[k-1] == 0x94 || s[k-1] == 0xa6) ||
		s[k-3] == 0xe3 && s[k-2] == 0x83 && s[k-1] == 0xbb) {
		return 3 // • – — … ・
	}
	return 0
}

// letterDigit reports whether the digit s[k] stands between two ASCII
// letters.
func letterDigit(s string, k int) bool {
	return k > 0 && k+1 < len(s) && isLetter(s[k-1]) && isLetter(s[k+1])
}

// asciiEnd reports whether the ASCII letters and digits that start or end
// the word w (which holds other characters) are one of words' ASCII words.
func asciiEnd(words *contextWords, w string) bool {
	var buf [24]byte
	p := 0
	for p < len(w) && isAlnum(w[p]) {
		p++
	}
	if b := lowerInto(buf[:], w[:p]); p > 0 && b != nil && words.ascii[string(b)] {
		return true
	}
	q := len(w)
	for q > 0 && isAlnum(w[q-1]) {
		q--
	}
	b := lowerInto(buf[:], w[q:])
	return q < len(w) && b != nil && words.ascii[string(b)]
}

func byteWords(words ...string) [][]byte {
	out := make([][]byte, len(words))
	for k, w := range words {
		out[k] = []byte(w)
	}
	return out
}

var ssnWords = newContextWords("ssn", "ss", "social", "socsec", "itin", "taxpayer", "dependent", "dependant", "spouse", "ssa")

// ssnNames name an SSN further from it (idContext): not the words that
// name one only right before it (social, spouse).
var ssnNames = newContextWords("ssn", "ssns", "socsec", "itin", "social security", "ssa", "taxpayer id")

// ssnHeaders name a table column that holds SSNs: ssnNames, and the
// generic words of identity numbers (national_id, tax id).
var ssnHeaders = newContextWords(append([]string{"ssn", "ssns", "socsec", "itin", "social security", "ssa"}, genericIDWords...)...)
