// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// email matches an address around the '@' at at (URL-encoded "%40" is
// decoded first: percent.go); the local part may not reach back before
// floor, the end of the previous finding.
//
// The local part is letters and digits of any script (李雷, jürgen.müller),
// "._%+-'" (pat.o'brien), and in JSON text \uXXXX escapes of letters (what
// Python's json.dumps writes for ü). The domain is at least two labels of
// letters, digits and '-', the last (TLD) letters only. A user name in a URL
// (ssh://git@host) or an scp-style remote (git@github.com:org/repo) is not
// an address.
func email(s string, at, floor int) (start, end int, ok bool) {
	if start, end, ok = rfcForms(s, at, floor); ok {
		return start, end, true
	}
	start = localStart(s, at, floor)
	for start < at && (s[start] == '.' || s[start] == '-' || s[start] == '+' || s[start] == '\'' || s[start] == '%') {
		start++
	}
	if start == at || s[at-1] == '.' || (start >= 3 && s[start-3:start] == "://") {
		return 0, 0, false
	}
	end, ok = domainEnd(s, at+1)
	if !ok {
		return 0, 0, false
	}
	if end+1 < len(s) && s[end] == ':' && (isAlnum(s[end+1]) || s[end+1] == '/' || s[end+1] == '~') &&
		(comboPassword(s, end) < 0 || curlUser(s, start)) {
		return 0, 0, false // git@github.com:org/repo.git; curl -u user:password is the key/value rule's
	}
	if imageName(s[at+1 : end]) {
		return 0, 0, false // logo@2x.png
	}
	if reservedTLD(s[at+1:end]) || placeholderAddress(s[start:at], s[at+1:end]) {
		return 0, 0, false // test@example.invalid, test@example.com
	}
	if messageID(s, start, at, end) {
		return 0, 0, false // <49c67eef155d0dd5cc82@mail.example.de>
	}
	return start, end, true
}

// rfcForms matches the address forms of RFC 5321 section 4.1.2 that the
// common form does not take: a quoted local part ("john..doe"@example.org,
// its quotes maybe JSON-escaped) and a domain literal
// (user@[192.0.2.10], user@[IPv6:2001:db8::1]).
func rfcForms(s string, at, floor int) (start, end int, ok bool) {
	start, end = -1, -1
	if at-floor >= 3 && s[at-1] == '"' {
		q := at - 1
		esc := q > floor && s[q-1] == '\\'
		if esc {
			q = max(floor, runStart(s, q-1)) // \"john..doe\"@…, at any level of nesting
		}
		for k := q - 1; k > floor && q-k <= 64; k-- {
			c := s[k]
			if c == '"' && esc && (k-runStart(s, k))%2 == 0 {
				break // an unescaped quote: the JSON string ends, no local part spans it
			}
			if c == '"' && (!esc || s[k-1] == '\\') {
				if esc {
					k = max(floor, runStart(s, k-1))
				}
				if k < q-2 && quotedLocalOK(s, k, q, floor, esc) {
					start = k
				}
				break
			} else if c == '\n' || c == '\r' || c == '@' || c == ' ' && !esc {
				break
			}
		}
	}
	d := at + 1
	if d+8 < len(s) && s[d] == '[' {
		if e := strings.IndexByte(s[d:min(len(s), d+64)], ']'); e > 0 {
			lit := s[d+1 : d+e]
			if ipv4Literal(lit) || (strings.HasPrefix(lit, "IPv6:") && strings.Count(lit, ":") >= 3) {
				end = d + e + 1
			}
		}
	}
	switch {
	case start >= 0 && end >= 0:
		return start, end, true
	case start >= 0:
		if e, ok := domainEnd(s, d); ok {
			return start, e, true
		}
	case end >= 0:
		if ls := localStart(s, at, floor); ls < at {
			return ls, end, true
		}
	}
	return 0, 0, false
}

// quotedLocalOK reports whether s[k:q] (its quotes maybe escaped) can be
// a quoted local part: it holds a letter or a digit, and its opening
// quote starts a word (after a blank, '<', '(', ',', ':' or ';', or a
// JSON string's own quote when escaped), not a JSON key's closing quote
// ({"000000":{"@0.AA":0}}: the quotes of two strings, not of one local part).
func quotedLocalOK(s string, k, q, floor int, esc bool) bool {
	alnum := false
	for j := k; j < q; j++ {
		if isAlnum(s[j]) || s[j] >= utf8.RuneSelf {
			alnum = true
			break
		}
	}
	if !alnum {
		return false
	}
	if k == floor {
		return true
	}
	switch s[k-1] {
	case ' ', '\t', '\n', '\r', '<', '(', ',', ':', ';':
		return true
	case '"':
		return esc
	}
	return false
}

// ipv4Literal reports whether lit is a dotted-quad IPv4 address.
func ipv4Literal(lit string) bool {
	parts := strings.Split(lit, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || !allDigits(p) || atoi(p) > 255 {
			return false
		}
	}
	return true
}

// messageID reports whether the address s[start:end] (its '@' at s[at])
// names a message, not a mailbox (RFC 5322 section 3.6.4 msg-id): in angle
// brackets, with a generated local part of 16 hex digits or more mixing
// digits and letters (mail servers write a hash or a counter there), or on
// a Message-ID:, In-Reply-To: or References: line (those fields hold only
// msg-ids), or Gmail's <CA…@mail.gmail.com> (Gmail's mailboxes are at
// gmail.com; mail.gmail.com is the host part of its message ids).
func messageID(s string, start, at, end int) bool {
	if start == 0 || s[start-1] != '<' || end >= len(s) || s[end] != '>' {
		return false
	}
	l := s[start:at]
	if at-start >= 16 && allHex(l) && charKinds(l)&cDigit != 0 && charKinds(l)&(cUpper|cLower) != 0 {
		return true
	}
	if at-start >= 20 && strings.HasPrefix(l, "CA") && strings.EqualFold(s[at+1:end], "mail.gmail.com") {
		return true
	}
	return msgIDField(s, start-1)
}

// msgIDField reports whether s[i] is in the body of a Message-ID,
// In-Reply-To or References header field, which may be folded onto lines
// starting with white space (References: <a@x>\n <b@y>).
func msgIDField(s string, i int) bool {
	for floor := max(0, i-1024); i > floor; {
		ls := strings.LastIndexByte(s[floor:i], '\n') + floor + 1 // floor when none
		if ls == floor && floor > 0 {
			return false
		}
		line := s[ls:i]
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			i = ls - 1 // a folded line: the field started above
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon < 0 {
			return false
		}
		switch strings.ToLower(line[:colon]) {
		case "message-id", "in-reply-to", "references", "resent-message-id":
			return true
		}
		return false
	}
	return false
}

// reservedTLD reports whether the domain d ends in a top-level name that
// RFC 2606 and RFC 6761 reserve as never to be delegated (.test, .invalid,
// .localhost): no mailbox exists there. The reserved .example and
// example.com, .net, .org are left alone: they stand in for real domains
// in samples (ours and users'), and what is written there is as often a
// real address rewritten.
func reservedTLD(d string) bool {
	switch strings.ToLower(d[strings.LastIndexByte(d, '.')+1:]) {
	case "test", "invalid", "localhost":
		return true
	}
	return false
}

// placeholderAddress reports whether local@domain is a documentation's or a
// form's stand-in: a generic local part (test, user, you, …) at a domain
// RFC 2606 reserves for examples. A name there (jane.doe@example.com) is
// still taken for an address: examples stand in for people, and writers
// of test data put real-looking names there.
func placeholderAddress(local, domain string) bool {
	switch strings.ToLower(domain) {
	case "example.com", "example.net", "example.org":
	default:
		return false
	}
	switch strings.ToLower(local) {
	case "test", "user", "username", "email", "name", "example", "someone", "somebody", "nobody", "foo", "bar",
		"you", "me", "yourname", "your.name", "youremail", "your.email", "your_email", "noreply", "no-reply":
		return true
	}
	return false
}

// imageName reports whether a "domain" is the scale and extension of an
// image file name (logo@2x.png, icon@1.5x.webp): no TLD is an image format.
func imageName(d string) bool {
	dot := strings.LastIndexByte(d, '.')
	switch strings.ToLower(d[dot+1:]) {
	case "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff", "heic":
		return true
	}
	return false
}

func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// localStart walks back from the '@' over the local part. A local part in
// one script is whole (李雷@example.com, jürgen.müller@…), but where ASCII
// letters follow CJK ones the CJK ones are the words before the address
// (邮箱wangwei@163.com, メールはtaro@example.jp): the address starts at the
// change of script.
func localStart(s string, at, floor int) int {
	k := at
	for k > floor && at-k < 64 {
		c := s[k-1]
		if c < utf8.RuneSelf {
			if isAlnum(c) || class[c]&cLocal != 0 {
				k--
				continue
			}
			if c == '\\' {
				// s[k] may be the letter of an escape sequence.
				end, r, ok := escapeAt(s, k)
				if ok && s[k] == 'u' && isCJK(r) && asciiIn(s, end, at) {
					return end // \u90ae\u7bb1wangwei@…: the escape is a word before
				}
				if rs := runStart(s, k-1); ok && s[k] == 'u' && isNameRune(r) && rs > floor {
					k = rs // \u00fc inside the name: keep walking, escape whole
					continue
				}
				if ok {
					k = end // "\njane@…": the name starts after the escape
				}
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(s[floor:k])
		if !isNameRune(r) || (isCJK(r) && asciiIn(s, k, at)) {
			break
		}
		k -= size
	}
	if at-k >= 64 && k > floor && s[k-1] == '\\' {
		if end, _, ok := escapeAt(s, k); ok {
			k = end // (the 64 bytes ended on an escape's letter: "\b000…@")
		}
	}
	return k
}

// asciiIn reports whether s[from:to] holds an ASCII letter or digit that is
// not part of a \uXXXX escape.
func asciiIn(s string, from, to int) bool {
	for p := from; p < to; p++ {
		if s[p] == '\\' && p+5 < to && s[p+1] == 'u' {
			p += 5
			continue
		}
		if isAlnum(s[p]) {
			return true
		}
	}
	return false
}

// isCJK reports whether r is written in a script without spaces between
// words (Han, Hiragana, Katakana, Hangul), whose words glue to an address.
func isCJK(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || r == 0x30fc)
}

// domainEnd returns the end of the domain starting at i and whether it is
// one.
func domainEnd(s string, i int) (int, bool) {
	end, labelStart, dots, lastDot := i, i, 0, -1
	for end < len(s) && end-i < 255 {
		c := s[end]
		if c == '.' {
			if end == labelStart || end+1 >= len(s) || !domainStart(s, end+1) {
				break
			}
			dots++
			lastDot = end
			labelStart = end + 1
			end++
			continue
		}
		if c < utf8.RuneSelf {
			if !isAlnum(c) && c != '-' {
				break
			}
			end++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isNameRune(r) || (isCJK(r) && end > labelStart && s[end-1] < utf8.RuneSelf) {
			break // (example.jpです: the word after the address)
		}
		end += size
	}
	if dots == 0 || end-lastDot-1 < 2 {
		return 0, false
	}
	for _, r := range s[lastDot+1 : end] {
		if !unicode.IsLetter(r) {
			return 0, false
		}
	}
	return end, true
}

func domainStart(s string, k int) bool {
	if s[k] < utf8.RuneSelf {
		return isAlnum(s[k])
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	return isNameRune(r)
}

// comboPassword returns the end of the password after the ':' at s[c]
// that follows an address in a combo list (a credential dump's
// "user@mail.com:Password1" lines), or -1: the rest of the line's word,
// with no '/' (git@github.com:org/repo), not a port's digits
// (user@host.com:8080), not ending in .git, and with a letter and a digit
// or a symbol (passwordLike).
func comboPassword(s string, c int) int {
	e := c + 1
	for e < len(s) && e-c <= 129 && s[e] > ' ' && s[e] < 0x7f && s[e] != '"' && s[e] != '\\' {
		if s[e] == '/' {
			return -1
		}
		e++
	}
	v := s[c+1 : e]
	if e < len(s) && s[e] > ' ' || allDigits(v) || strings.HasSuffix(v, ".git") || !passwordLike(v) || !plausibleValue(v) {
		return -1
	}
	return e
}

// comboPasswords adds to the findings dst[from:] of s the password after
// each address of a combo list (a credential dump's
// "user@mail.com:Password1" lines): after the walk, which found the
// address, so that the walk's own path stays as it was.
func (sc *Scanner) comboPasswords(s string, dst []Finding, from int) []Finding {
	if !sc.on[Password] {
		return dst
	}
	for k := from; k < len(dst); k++ {
		f := dst[k]
		if f.Type != Email || f.End >= len(s) || s[f.End] != ':' {
			continue
		}
		if pe := comboPassword(s, f.End); pe > 0 && (k+1 == len(dst) || dst[k+1].Start >= pe) {
			dst = slices.Insert(dst, k+1, Finding{f.End + 1, pe, Password}) // samuel.okafor@yahoo.com:Samuel1987!
			k++
		}
	}
	return dst
}
