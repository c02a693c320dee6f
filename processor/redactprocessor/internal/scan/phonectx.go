// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A number that no national format takes (a landline in one piece,
// 0145678901; an Indian mobile, 9876543210; a US number, 4155550100) is a
// phone only in a phone context (phoneContext):
//
//   - a phone word among the words before it on its line (Tel., call,
//     WhatsApp, 手机, …: phoneWords);
//   - a list of phones: it follows a phone found on the same line, with
//     only a separator and at most two words between ("+7 916 123-45-67,
//     домашний 8 495 987-65-43", "06 12 34 56 78 / 0145678901");
//   - a table column named like a phone: a CSV, TSV, ';' or '|' table
//     (Markdown too) whose header names the column "phone", "Telefon",
//     "mobile", … (columnHeader);
//   - the answer to a question about it: the line before names a phone
//     ("What's the best number to reach you?" is not enough: "phone",
//     "mobile", "WhatsApp" are) and only a speaker label precedes the
//     number on its line.

// numCtx is what the scanner knows about the text before a number: where
// the previous finding ends (last), and where it ends if it is a phone
// (phoneEnd, -1 otherwise).
type numCtx struct {
	last, phoneEnd int
	idEnd          int      // where the last finding ends if it is a national_id, else -1
	memo           *colMemo // (nil: no memo)
}

// idEnd returns the end of the last finding when it is a national_id,
// else -1.
func idEnd(dst []Finding) int {
	if len(dst) == 0 || dst[len(dst)-1].Type != NationalID {
		return -1
	}
	return dst[len(dst)-1].End
}

// phoneEnd returns the end of the last finding when it is a phone, else -1.
func phoneEnd(dst []Finding) int {
	if len(dst) == 0 || dst[len(dst)-1].Type != Phone {
		return -1
	}
	return dst[len(dst)-1].End
}

// phoneContext reports whether the number at start stands where phone
// numbers stand.
func phoneContext(s string, start int, ctx numCtx) bool {
	if contextBefore(s, start, phoneWords) || callbackBefore(s, start) {
		return true
	}
	if listedAfterPhone(s, start, ctx.phoneEnd) {
		// (a number in the next column of a table, an amount after the
		// phone column, is no phone of a list: its own header names it)
		if h, inTable := tableColumn(s, start, ctx.memo); !inTable || phoneHeader(h) {
			return true
		}
	} else if phoneColumn(s, start, ctx.memo) {
		return true
	}
	return answerContext(s, start, phoneWords) || questionContext(s, start, phoneWords) || phoneKeyed(s, start)
}

// phoneKeySuffixes end the names of keys and XML elements that hold a
// phone number, written in camel case or after '_' or '-' ("ToPhone",
// "noTelp", "RecipientMsisdn", "customer_mobile", Brazil's NF-e <fone>),
// or alone ("wa", "contact": a WhatsApp id, a contact's number).
var phoneKeySuffixes = []string{"phone", "msisdn", "mobile", "telp", "fone", "telefone", "telefono", "handy", "celular"}

// phoneKeyed reports whether the number at start is the whole value of a
// key or an XML element whose name ends with a word of phoneKeySuffixes
// (or is "wa" or "contact"): "ToPhone": "0382954984", noTelp=085200887167,
// <fone>11969857362</fone>, wa=6281154585524.
func phoneKeyed(s string, start int) bool {
	k := spacesBefore(s, quoteBefore(s, start))
	if k == 0 {
		return false
	}
	switch s[k-1] {
	case '>':
		k-- // <fone>…
	case '=', ':':
		k = quoteBefore(s, spacesBefore(s, k-1))
	default:
		return false
	}
	e := k
	for k > 0 && e-k < 32 && (isAlnum(s[k-1]) || s[k-1] == '_' || s[k-1] == '-') {
		k--
	}
	if k == e || e-k < 2 || k > 0 && s[k-1] == '.' {
		return false
	}
	name := s[k:e]
	if strings.EqualFold(name, "wa") || strings.EqualFold(name, "contact") {
		return true
	}
	for _, suf := range phoneKeySuffixes {
		n := len(name) - len(suf)
		if n < 0 || !strings.EqualFold(name[n:], suf) {
			continue
		}
		// the whole name, or a word of it: after '_' or '-', or a capital
		// after a lower-case letter or a digit
		if n == 0 || name[n-1] == '_' || name[n-1] == '-' || isUpper(name[n]) && !isUpper(name[n-1]) {
			return true
		}
	}
	return false
}

// quoteBefore returns k moved before the quote that ends s[:k] and the
// backslashes escaping it (\"…: a JSON string inside one), or k.
func quoteBefore(s string, k int) int {
	if k > 0 && (s[k-1] == '"' || s[k-1] == '\'') {
		k--
		for k > 0 && s[k-1] == '\\' {
			k--
		}
	}
	return k
}

// spacesBefore returns k moved before the blanks that end s[:k].
func spacesBefore(s string, k int) int {
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	return k
}

// questionContext reports whether the number at start follows, on its
// line, a question whose nearest word naming a kind of number is one of
// words: the number answers it ("which mobile number should we use for
// the courier? 9123456780"; not "your phone or your order number?
// 370053291").
func questionContext(s string, start int, words *contextWords) bool {
	k := start
	for k > 0 && start-k < 4 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	return k < start && k > 0 && s[k-1] == '?' && sentenceContext(s, start, words)
}

// listedAfterPhone reports whether s[end:start] separates two phones of
// one list: no digit, no line break, at most two words, 32 bytes.
func listedAfterPhone(s string, start, end int) bool {
	if end < 0 || end > start || start-end > 32 {
		return false
	}
	words, inWord := 0, false
	for k := end; k < start; k++ {
		c := s[k]
		switch {
		case isDigit(c), c == '\n', c == '\r', c == '@':
			return false
		case c == ',' && k+1 < start && s[k+1] == ',':
			return false // ",,": a pause in a dial string, then the digits keyed in
		case isLetter(c) || c >= utf8.RuneSelf:
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return words <= 2
}

// phoneColumn reports whether the number at start is a field of a table
// whose header names that column like a phone, or a value of an SQL
// INSERT whose column list does.
func phoneColumn(s string, start int, m *colMemo) bool {
	h, ok := tableColumn(s, start, m)
	return ok && phoneHeader(h)
}

// tableColumn returns the header of the table column, or of the SQL
// INSERT's column, that the value at start stands in.
func tableColumn(s string, start int, m *colMemo) (string, bool) {
	if h, ok := columnHeader(s, start, m); ok {
		return h, true
	}
	return sqlColumn(s, start) // INSERT INTO t (…, phone, …) VALUES (…, '9524 8272', …)
}

// phoneHeader reports whether a column's header h names phone numbers.
func phoneHeader(h string) bool {
	return !idHeader(h) && (contextBefore(h, len(h), phoneWords) || headerWords.match(h))
}

// idHeader reports whether the column header h ends with the word "id":
// an identifier's column (a radio cell's cell_id, a phone_id), not a
// phone number's.
func idHeader(h string) bool {
	h = strings.TrimRight(h, " \t\"'`")
	n := len(h)
	return n >= 3 && h[n-2]|0x20 == 'i' && h[n-1]|0x20 == 'd' && !isLetter(h[n-3]) || n == 2 && strings.EqualFold(h, "id")
}

// columnHeader returns the header of the table column the text at start
// stands in: the table's fields are split by ',', ';', a tab or '|' (a
// Markdown or ASCII table, whose rule lines |---|:--| are skipped), and its
// header is the nearest of the 64 lines before (within 8 KB) that has as
// many fields and no digit in that column. Lines and tabs may be JSON
// escapes (a table pasted into a chat message or a tool result: "\n",
// "\t"), and a JSON string's quotes end the first and the last line. ok is
// false when there is no table or no header. m (may be nil) remembers the
// header of the last row asked about, so that the next row of the table
// finds it without walking up again.
func columnHeader(s string, start int, m *colMemo) (h string, ok bool) {
	floor := max(0, start-8192)
	ls, brk := lineStart(s, start, floor)
	line := s[ls:lineEnd(s, start)]
	sep := tableSep(line)
	if sep == 0 {
		return alignedHeader(s, start, ls, brk, floor, m)
	}
	col := countSep(s[ls:start], sep)
	fields := countSep(line, sep)
	if hs, he, ok := m.header(s, ls, brk, sep, fields, floor); ok {
		if hs < 0 {
			return "", false
		}
		if f := fieldOf(s[hs:he], sep, col); !dataField(f) {
			return f, true
		}
	}
	hs, he := headerLine(s, ls, brk, floor, m, sep, fields, func(h string) lineKind {
		switch {
		case h == "" || countSep(h, sep) != fields:
			if asciiRule(h) {
				return aboveRow // psql's rule under its header: -----+-----
			}
			return aboveEnd // the table ends: no header above
		case dataField(fieldOf(h, sep, col)):
			return aboveRow // a row like this one, or the rule under the header
		}
		return aboveHeader
	})
	if hs < 0 {
		return "", false
	}
	return fieldOf(s[hs:he], sep, col), true
}

// lineKind is what a line above a table's row is to the search for its
// header.
type lineKind uint8

const (
	aboveRow    lineKind = iota // a row, or a rule: the search goes on
	aboveEnd                    // no line of the table: no header
	aboveHeader                 // the header
)

// headerLine returns the header line above the row starting at ls (brk:
// where the break before it starts): the first of the 64 lines above,
// within floor, that kind calls the header, walking up past rows (hs < 0:
// none). m remembers it for the next row.
func headerLine(s string, ls, brk, floor int, m *colMemo, sep byte, fields int, kind func(h string) lineKind) (hs, he int) {
	hs, he = -1, -1
lines:
	for n := 0; n < 64 && brk > floor; n++ {
		end := brk
		var ps int
		ps, brk = lineStart(s, brk, floor)
		switch kind(s[ps:end]) {
		case aboveRow:
			continue
		case aboveHeader:
			hs, he = ps, end
		}
		break lines
	}
	m.remember(ls, sep, fields, hs, he)
	return hs, he
}

// alignedHeader returns the header of the column of a fixed-width table
// (a mainframe extract, a report printed with padded columns, a COBOL
// copybook's layout) that the value at start stands in; ls and brk are
// its line's start and the break before. The header is the first line
// above without a digit (the rows between, within 64 lines, all hold
// one), made of three or more words with two blanks or more between some
// of them, and with a word that starts where the value starts (a
// left-aligned column) or ends where it ends (a right-aligned one):
//
//	SSN       LAST-NAME      FIRST-NAME  DEPT  PHONE
//	005592282 NGUYEN         KEVIN       D037  6026143642
func alignedHeader(s string, start, ls, brk, floor int, m *colMemo) (string, bool) {
	end := start
	for end < len(s) && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' && s[end] != '\r' && s[end] != '\\' {
		end++
	}
	col, width := start-ls, end-start
	if col > 0 && s[start-1] != ' ' {
		return "", false // not a field of its own
	}
	if hs, he, ok := m.header(s, ls, brk, ' ', -1, floor); ok {
		if hs < 0 {
			return "", false
		}
		return alignedField(s[hs:he], col, width)
	}
	hs, he := headerLine(s, ls, brk, floor, m, ' ', -1, func(h string) lineKind {
		switch {
		case len(h) <= col:
			return aboveEnd // a short line or a blank one: the table ends
		case hasDigit(h):
			return aboveRow
		case alignedWords(h):
			return aboveHeader
		}
		return aboveEnd
	})
	if hs < 0 {
		return "", false
	}
	return alignedField(s[hs:he], col, width)
}

// alignedWords reports whether h is a fixed-width table's header: three
// words or more, two blanks or more between two of them, nothing but
// words and blanks.
func alignedWords(h string) bool {
	words, wide := 0, false
	for k := 0; k < len(h); {
		if h[k] == ' ' {
			b := k
			for k < len(h) && h[k] == ' ' {
				k++
			}
			wide = wide || (b > 0 && k < len(h) && k-b >= 2)
			continue
		}
		for ; k < len(h) && h[k] != ' '; k++ {
			if c := h[k]; c < utf8.RuneSelf && !isWord(c) && c != '-' && c != '.' && c != '#' && c != '/' && c != '\r' {
				return false
			}
		}
		words++
	}
	return words >= 3 && wide
}

// alignedField returns the word of header line h that starts at col or
// ends at col+width.
func alignedField(h string, col, width int) (string, bool) {
	for k := 0; k < len(h); {
		if h[k] == ' ' {
			k++
			continue
		}
		b := k
		for k < len(h) && h[k] != ' ' {
			k++
		}
		if b == col || k == col+width {
			return strings.TrimRight(h[b:k], "\r"), true
		}
		if b > col+width {
			break
		}
	}
	return "", false
}

// dataField reports whether a field of the line above a row is no header's:
// it holds a digit, it is a rule under the header, or it is empty (a row
// that left the column blank, ",,").
func dataField(f string) bool {
	return hasDigit(f) || tableRule(f) || strings.Trim(f, " \t\"'") == ""
}

// asciiRule reports whether a line is a rule of dashes and '+' (psql and
// ASCII tables draw one under the header with '+' where the columns meet).
func asciiRule(h string) bool {
	dash := false
	for k := 0; k < len(h); k++ {
		switch h[k] {
		case '-', '=':
			dash = true
		case '+', ' ', '|', '\r':
		default:
			return false
		}
	}
	return dash
}

// colMemo is what columnHeader found for the last row it was asked about:
// the row's start, its separator and number of fields, and the header
// line (hs < 0: none). One walk over one text has one (numCtx.memo).
type colMemo struct {
	row, hs, he int
	fields      int
	sep         byte
	set         bool
}

// header returns the header line remembered for the row starting at ls
// (brk: where the line break before it starts), when that row, or the row
// right above it, was the last asked about in the same table.
func (m *colMemo) header(s string, ls, brk int, sep byte, fields, floor int) (hs, he int, ok bool) {
	if m == nil || !m.set || m.sep != sep || m.fields != fields {
		return 0, 0, false
	}
	if m.row != ls {
		if brk <= floor {
			return 0, 0, false
		}
		if above, _ := lineStart(s, brk, floor); above != m.row || m.hs < 0 || m.hs >= above {
			// (a row above with no header may be the header line itself:
			// its own cell was asked about, cohort1)
			return 0, 0, false
		}
		m.row = ls // (the table goes on: the next row chains on this one)
	}
	return m.hs, m.he, true
}

func (m *colMemo) remember(row int, sep byte, fields, hs, he int) {
	if m != nil {
		*m = colMemo{row: row, hs: hs, he: he, fields: fields, sep: sep, set: true}
	}
}

// lineStart returns where the line holding s[p] starts and where the line
// break before it starts (-1 when there is none: the text, or a JSON
// string, starts the line). A break is '\n', "\r\n", or their JSON escapes.
func lineStart(s string, p, floor int) (ls, brk int) {
	for k := p - 1; k >= floor; k-- {
		switch c := s[k]; {
		case c == '\n' || c == '\r':
			if brk = k; c == '\n' && k > 0 && s[k-1] == '\r' {
				brk--
			}
			return k + 1, brk
		case (c == 'n' || c == 'r') && k > 0 && s[k-1] == '\\':
			brk = runStart(s, k-1)
			if c == 'n' && brk >= 2 && s[brk-1] == 'r' && s[brk-2] == '\\' {
				brk = runStart(s, brk-1)
			}
			return k + 1, brk
		case c == '"' && k > 0:
			j := runStart(s, k) - 1 // (a quote escaped in a string of a string)
			if j >= 0 && s[j] == ' ' {
				j--
			}
			if j >= 0 && (s[j] == ':' || s[j] == '[') {
				return k + 1, -1 // "content": "id,name,phone
			}
		}
	}
	return floor, -1
}

// lineEnd returns where the line holding s[p] ends: at a line break (or
// its escape), at an escaped quote, or at a quote that ends a JSON string
// (before '}', ']' or the next key).
func lineEnd(s string, p int) int {
	for k := p; k < len(s); k++ {
		switch s[k] {
		case '\n', '\r':
			return k
		case '\\':
			q := runOf(s, k, func(c byte) bool { return c == '\\' })
			if q < len(s) && (s[q] == 'n' || s[q] == 'r' || s[q] == '"') {
				return k
			}
			k = q - 1
		case '"':
			if jsonStringEnd(s, k+1) {
				return k
			}
		}
	}
	return len(s)
}

// jsonStringEnd reports whether s[k:] goes on like JSON after a string
// value: '}', ']', or ", " and a key ("…|", "role": …).
func jsonStringEnd(s string, k int) bool {
	if k < len(s) && (s[k] == '}' || s[k] == ']') {
		return true
	}
	if k >= len(s) || s[k] != ',' {
		return false
	}
	k++
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if k >= len(s) || s[k] != '"' {
		return false
	}
	e := runOf(s, k+1, isWord)
	return e > k+1 && e+1 < len(s) && s[e] == '"' && s[e+1] == ':'
}

// tableSep returns the separator of the fields of line: a tab (or its
// JSON escape), ';', '|' or ',', the first found in that order; 0 for none.
func tableSep(line string) byte {
	if strings.IndexByte(line, '\t') >= 0 || strings.Contains(line, "\\t") {
		return '\t'
	}
	for _, c := range []byte{';', '|', ','} {
		if strings.IndexByte(line, c) >= 0 {
			return c
		}
	}
	return 0
}

// nextSep returns where the first separator sep of line (which starts a
// field) starts and ends (-1, -1 when there is none); a tab may be written
// "\t". A CSV field in quotes ends at its closing quote (RFC 4180: a
// quoted field may hold the separator, "Håkansson, Björn", and doubles a
// quote in it), also in a table inside a JSON string, whose quotes are
// escaped (\"Håkansson, Björn\").
func nextSep(line string, sep byte) (int, int) {
	if sep == ',' || sep == ';' {
		if q := quotedEnd(line); q > 0 {
			k, e := nextSep(line[q:], sep)
			if k < 0 {
				return -1, -1
			}
			return q + k, q + e
		}
	}
	k := strings.IndexByte(line, sep)
	if sep != '\t' {
		if k < 0 {
			return -1, -1
		}
		return k, k + 1
	}
	if e := strings.Index(line, "\\t"); e >= 0 && (k < 0 || e < k) {
		return runStart(line, e), e + 2
	}
	if k < 0 {
		return -1, -1
	}
	return k, k + 1
}

// quotedEnd returns where the quoted field that starts line (after
// blanks) ends, after its closing quote; 0 when line does not start with
// a quote or the quote does not close on it.
func quotedEnd(line string) int {
	k := 0
	for k < len(line) && line[k] == ' ' {
		k++
	}
	esc := k+1 < len(line) && line[k] == '\\' && line[k+1] == '"'
	switch {
	case esc:
		k += 2
	case k < len(line) && line[k] == '"':
		k++
	default:
		return 0
	}
	for ; k < len(line); k++ {
		switch {
		case esc && line[k] == '\\' && k+1 < len(line) && line[k+1] == '"':
			return k + 2
		case !esc && line[k] == '"':
			if k+1 < len(line) && line[k+1] == '"' {
				k++ // "" is a quote in the field
				continue
			}
			return k + 1
		}
	}
	return 0
}

// countSep counts the separators sep in line.
func countSep(line string, sep byte) int {
	n := 0
	for {
		_, e := nextSep(line, sep)
		if e < 0 {
			return n
		}
		n++
		line = line[e:]
	}
}

// fieldOf returns the col-th field of line (fields split by sep).
func fieldOf(line string, sep byte, col int) string {
	for ; col > 0; col-- {
		_, e := nextSep(line, sep)
		if e < 0 {
			return ""
		}
		line = line[e:]
	}
	if k, _ := nextSep(line, sep); k >= 0 {
		line = line[:k]
	}
	return line
}

// tableRule reports whether a field is a piece of a table's rule line
// (---, :---:, ===, +----+).
func tableRule(f string) bool {
	rule := false
	for k := 0; k < len(f); k++ {
		switch f[k] {
		case '-', '=', '+':
			rule = true
		case ':', ' ':
		default:
			return false
		}
	}
	return rule
}

// headerWords name a phone column: whole words, or the start of a compound
// (phone_number, telefonnummer, mobile_phone).
var headerWords = prefixWords{
	"phone", "tel", "mobile", "mobil", "cell", "handy", "fax", "gsm", "whatsapp", "contact_number", "msisdn",
	"movil", "celular", "puhelin", "rufnummer",
}

type prefixWords []string

// match reports whether some word of f (split at anything not a letter)
// starts with one of w, case-insensitively.
func (w prefixWords) match(f string) bool {
	lf := strings.ToLower(f)
	for k := 0; k < len(lf); {
		for k < len(lf) && !isLetter(lf[k]) {
			k++
		}
		e := k
		for e < len(lf) && isLetter(lf[e]) {
			e++
		}
		for _, p := range w {
			if strings.HasPrefix(lf[k:e], p) {
				return true
			}
		}
		if e == k {
			break
		}
		k = e
	}
	return false
}

// ccBefore returns where a national number at start really starts when a
// country calling code without '+' stands before it ("48 601 234 567"):
// 1 to 3 digits alone, one space before the number, that are a calling code
// whose national numbers have the length of the first k groups. floor is
// the end of the previous finding.
func ccBefore(s string, start, floor int, r *numRun, k int) int {
	if start < 3 || s[start-1] != ' ' || !isDigit(s[start-2]) || s[r.g[0].start] == '0' {
		return start
	}
	b := start - 1
	for b > floor && start-1-b < 4 && isDigit(s[b-1]) {
		b--
	}
	if l := start - 1 - b; l == 0 || l > 3 || (b > 0 && (isAlnum(s[b-1]) || strings.IndexByte("+.,:/-", s[b-1]) >= 0)) {
		return start
	}
	lens, ok := callingCodes[uint16(atoi(s[b:start-1]))]
	nd := 0
	for j := range k {
		nd += r.g[j].len()
	}
	if !ok || nd < int(lens[0]) || nd > int(lens[1]) || (s[b] == '1' && start-1-b == 1) {
		return start // (a lone 1 before a US number is in its formats: 1 800 …)
	}
	return b
}

// phoneExt returns the end of the phone number ending at end with the
// extension written after it: "x204", "ext. 12", "extension 4412",
// "poste 12", "Durchwahl 12", "内線 123", ";ext=12".
func phoneExt(s string, end int) int {
	k := end
	if k < len(s) && (s[k] == ',' || s[k] == ';') {
		k++
	}
	for n := 0; n < 2 && k < len(s) && s[k] == ' '; n++ {
		k++
	}
	w := k
	for k < len(s) && (isLetter(s[k]) || s[k] >= utf8.RuneSelf) && k-w < 12 {
		k++
	}
	if w == k {
		return end
	}
	var buf [12]byte
	word := lowerInto(buf[:], s[w:k])
	if word == nil || !extWords[string(word)] {
		return end
	}
	if k < len(s) && (s[k] == '.' || s[k] == '=' || s[k] == ':') {
		k++
	}
	if k < len(s) && s[k] == ' ' {
		k++
	}
	d := k
	for k < len(s) && isDigit(s[k]) && k-d < 7 {
		k++
	}
	if k == d || (k < len(s) && isAlnum(s[k])) {
		return end
	}
	return k
}

var extWords = map[string]bool{
	"x": true, "ext": true, "extn": true, "extension": true, "poste": true, "durchwahl": true, "dw": true,
	"int": true, "interno": true, "anexo": true, "доб": true, "内線": true, "分机": true, "내선": true,
}

// cardShaped reports whether a run is written like a payment card (groups
// of 4 split by one kind of separator, 13 to 19 digits, 2202 0047 3454
// 6496; or Amex's and Diners' 4-6-5 and 4-6-4) and passes the Luhn check or starts like a card of a known issuer
// (cardPrefix): its groups are never taken for a phone, even when the
// issuer is one cardPrefix does not know, or the card is mistyped or
// declined (5462 0781 5911 2349 fails Luhn; its "0781 5911 2349" is no UK
// mobile).
func (r *numRun) cardShaped(s string) bool {
	if r.n < 3 || r.n > 5 || !r.sameSep(r.n, " -") || r.nd < 13 || r.nd > 19 {
		return false
	}
	if r.n == 3 {
		// Amex 4-6-5 and Diners 4-6-4: 3456 082448 24053.
		if r.g[0].len() != 4 || r.g[1].len() != 6 || r.g[2].len() < 4 || r.g[2].len() > 5 {
			return false
		}
	}
	for j := range r.n - 1 {
		if r.n > 3 && r.g[j].len() != 4 || r.g[j].open || r.g[j].close {
			return false
		}
	}
	var d [20]byte
	r.digits(s, r.n, d[:])
	return luhn(d[:r.nd]) || cardPrefix(d[:r.nd])
}

// answerContext reports whether the number at start answers a question on
// the line before that names it ("En uw BSN voor de verificatie?" /
// "Klant: 344965302"): only a short speaker label (no digit) stands before
// the number on its line, maybe after the time stamp of a chat export
// ("07.09.2026, 13:44 Klient: 90051005840", see chatStamp), and the line
// before holds one of words.
func answerContext(s string, start int, words *contextWords) bool {
	// (cheap test first: the line starts at most 32 bytes before, or 64
	// with a time stamp)
	from := max(0, start-65)
	ls := strings.LastIndexByte(s[from:start], '\n')
	if ls < 0 {
		return false
	}
	ls += from + 1
	brk := ls - 1
	if brk > 0 && s[brk-1] == '\r' {
		brk--
	}
	le := answerFillers(s, ls, start) // CALLER: it's 613444, CALLER: got it, 325 327
	if n, secs := chatStamp(s[ls:le]); n > 0 {
		if !stampedLabel(s[ls+n:le], secs) {
			return false
		}
	} else if le-ls > 32 || hasDigit(s[ls:le]) || !speakerLabel(s[ls:le]) {
		return false
	}
	pe := brk
	ps, _ := lineStart(s, pe, max(0, pe-160))
	if le == ls && tableRow(s, ps, pe, start) {
		return false // a table's first cell under its header line: its column names it, not the header's other words
	}
	var buf, prev [24]byte
	var pb []byte
	pk := 0 // where pb starts
	for k := ps; k < pe; {
		for k < pe && s[k] < utf8.RuneSelf && !isAlnum(s[k]) {
			k++
		}
		e := k
		ascii := true
		for e < pe && (isAlnum(s[e]) || s[e] >= utf8.RuneSelf) {
			ascii = ascii && s[e] < utf8.RuneSelf
			e++
		}
		if e == k {
			break
		}
		b := lowerInto(buf[:], s[k:e])
		if b != nil {
			if ascii && (words.ascii[string(b)] || (pb != nil && words.pairAt(s, pk, string(pb), string(b)))) {
				return true
			}
			if !ascii && words.hasOther(string(b)) {
				return true
			}
		}
		pb = nil
		if b != nil {
			pb, pk = prev[:copy(prev[:], b)], k
		}
		k = e
	}
	return false
}

// tableRow reports whether the line before, s[ps:pe], and the text from
// start to its line's end are rows of one table: the line before holds
// two cell separators or more of a kind (tab, ',', ';', '|') that follows
// the value on its own line.
func tableRow(s string, ps, pe, start int) bool {
	end := start
	for end < len(s) && end-start < 64 && s[end] != '\n' && !cellSep(s[end]) {
		end++
	}
	if end == len(s) || !cellSep(s[end]) {
		return false
	}
	return strings.Count(s[ps:pe], s[end:end+1]) >= 2
}

// speakerLabel reports whether p, the text before a number on its line,
// has no word or a speaker's label ("User: ", "Me: sure, it's ", "> "): a
// ':' or '>' ("Bankgiro 5050-1055" names the number, not who answers).
// answerFillers returns where the words a caller says before the value
// itself start, at most two of them after the speaker's label ("it's",
// "yes", "sure, it's", "ja, dis"): start when there are none.
func answerFillers(s string, ls, start int) int {
	e := start
	for n := 0; n < 2; n++ {
		k := e
		for k > ls && (s[k-1] == ' ' || s[k-1] == ',') {
			k--
		}
		if k == e {
			return e
		}
		b := k
		for b > ls && k-b < 6 && (isLetter(s[b-1]) || s[b-1] == '\'') {
			b--
		}
		var buf [6]byte
		if lw := lowerInto(buf[:], s[b:k]); b == k || lw == nil || !answerFillerWords[string(lw)] {
			return e
		}
		e = b
	}
	return e
}

// answerFillerWords are what callers and customers say before the value
// they were asked for.
var answerFillerWords = map[string]bool{
	"it's": true, "its": true, "it": true, "is": true, "yes": true, "yeah": true, "yep": true, "sure": true,
	"ok": true, "okay": true, "got": true, "that's": true, "um": true, "uh": true, "so": true, "right": true,
	"sí": true, "si": true, "es": true, "ja": true, "dis": true, "oui": true, "c'est": true, "sim": true, "é": true,
}

func speakerLabel(p string) bool {
	if t := strings.TrimRight(p, " "); len(t) >= 3 && t[0] == '[' && t[len(t)-1] == ']' && strings.IndexByte(t[1:len(t)-1], ']') < 0 {
		return true // [customer], [agent Priya]
	}
	words := false
	for k := 0; k < len(p); k++ {
		switch c := p[k]; {
		case c == ':' || c == '>':
			return true
		case isLetter(c) || c >= utf8.RuneSelf:
			words = true
		}
	}
	return !words
}

// chatStamp returns the length of the time stamp a chat export writes at
// the start of each line before the speaker's name, with the blanks after
// it, or 0: a time (13:44, 13:44:05, 1:44 PM), maybe after a date
// (07.09.2026, 28/02/26, 2026-11-22, 9/7/26) and a comma, maybe in
// brackets, maybe followed by '-' — WhatsApp's "[28/02/26, 17:33] Name:"
// (iOS) and "07.09.2026, 13:44 - Name:" (Android), Signal's and
// Messenger's "2026-11-22 13:55 Name:", Telegram's and Slack's "[10:42]
// Name:" and "10:42 AM Name:". secs reports a time with seconds, which
// logs write more than chats do.
func chatStamp(p string) (n int, secs bool) {
	k := 0
	bracket := k < len(p) && (p[k] == '[' || p[k] == '(')
	if bracket {
		k++
	}
	if d := stampDate(p[k:]); d > 0 {
		k += d
		if k < len(p) && p[k] == ',' {
			k++
		}
		if k == len(p) || p[k] != ' ' {
			return 0, false
		}
		for k < len(p) && p[k] == ' ' {
			k++
		}
	}
	t := stampTime(p[k:])
	secs = strings.Count(p[k:k+t], ":") == 2
	if t == 0 {
		return 0, false
	}
	k += t
	if bracket {
		if k == len(p) || p[k] != ']' && p[k] != ')' || p[k] == ')' && p[0] != '(' || p[k] == ']' && p[0] != '[' {
			return 0, false
		}
		k++
	}
	b := k
	for k < len(p) && p[k] == ' ' {
		k++
	}
	if k+1 < len(p) && (p[k] == '-' || p[k] == '|') && p[k+1] == ' ' && k > b {
		k += 2 // 07.09.2026, 13:44 - Name:
		for k < len(p) && p[k] == ' ' {
			k++
		}
	}
	if k == b {
		return 0, false // (13:44Name: is no stamp)
	}
	return k, secs
}

// stampDate returns the length of a date at the start of p (day, month
// and year in either order, joined by '.', '/' or '-'; a year of four
// digits first: 2026-11-22), or 0.
func stampDate(p string) int {
	var n [3]int
	var v [3]int
	k := 0
	sep := byte(0)
	for g := range 3 {
		b := k
		for k < len(p) && k-b < 4 && isDigit(p[k]) {
			v[g] = v[g]*10 + int(p[k]-'0')
			k++
		}
		n[g] = k - b
		if n[g] == 0 {
			return 0
		}
		if g == 2 {
			break
		}
		if k == len(p) || p[k] != '.' && p[k] != '/' && p[k] != '-' || sep != 0 && p[k] != sep {
			return 0
		}
		sep = p[k]
		k++
	}
	if k < len(p) && isDigit(p[k]) {
		return 0
	}
	switch {
	case n[0] == 4 && n[1] <= 2 && n[2] <= 2: // 2026-11-22
		if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 {
			return 0
		}
	case n[0] <= 2 && n[1] <= 2 && (n[2] == 2 || n[2] == 4): // 07.09.2026, 9/7/26
		if v[0] < 1 || v[1] < 1 || v[0] > 31 || v[1] > 31 || v[0] > 12 && v[1] > 12 {
			return 0
		}
	default:
		return 0
	}
	return k
}

// stampTime returns the length of a time at the start of p (H:MM or
// HH:MM, maybe :SS, maybe AM or PM after a blank or glued), or 0.
func stampTime(p string) int {
	k := 0
	for k < len(p) && k < 2 && isDigit(p[k]) {
		k++
	}
	if k == 0 || k+3 > len(p) || p[k] != ':' || !isDigit(p[k+1]) || !isDigit(p[k+2]) {
		return 0
	}
	h, m := atoiSmall(p[:k]), atoiSmall(p[k+1:k+3])
	k += 3
	if k+3 <= len(p) && p[k] == ':' && isDigit(p[k+1]) && isDigit(p[k+2]) {
		k += 3
	}
	if h > 23 || m > 59 || k < len(p) && isDigit(p[k]) {
		return 0
	}
	a := k
	if a < len(p) && p[a] == ' ' {
		a++
	}
	if a+2 <= len(p) && (p[a]|0x20 == 'a' || p[a]|0x20 == 'p') && p[a+1]|0x20 == 'm' && (a+2 == len(p) || !isLetter(p[a+2])) {
		if h == 0 || h > 12 {
			return 0
		}
		k = a + 2
	}
	return k
}

func atoiSmall(d string) int {
	v := 0
	for k := 0; k < len(d); k++ {
		v = v*10 + int(d[k]-'0')
	}
	return v
}

// stampedLabel reports whether p, the text after a chat export's time
// stamp and before a number, is a speaker's name and ':' (one to three
// words of letters, no digit: "Klient: ", "Anna Kowalska: ", "~ Jan K.: "),
// then at most a few words with no digit ("Klient: to jest "). A log
// level (2026-11-22 13:55:02 INFO: …) names no speaker, nor, after a time
// with seconds, a word in small letters (a log line's component).
func stampedLabel(p string, secs bool) bool {
	c := strings.IndexByte(p, ':')
	if c <= 0 || len(p) > 32 || hasDigit(p) || len(strings.Fields(p[c+1:])) > 3 {
		return false // (as without a stamp: a label and a few words, 32 bytes at most)
	}
	name := strings.TrimSpace(strings.TrimPrefix(p[:c], "~"))
	words, inWord := 0, false
	for _, r := range name {
		switch {
		case r == ' ':
			inWord = false
		case unicode.IsLetter(r) || r == '.' || r == '\'' || r == '’' || r == '-' || r == '_':
			if !inWord {
				words++
			}
			inWord = true
		default:
			return false
		}
	}
	if words == 0 || words > 3 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(name); secs && r < utf8.RuneSelf && unicode.IsLower(r) {
		return false // 2026-11-22 13:55:02 worker: …, a log line (a name in another script: a chat's, კლიენტი:)
	}
	for _, l := range logLevels {
		if strings.EqualFold(name, l) {
			return false
		}
	}
	return true
}

var logLevels = []string{"info", "warn", "warning", "error", "err", "debug", "trace", "fatal", "notice", "critical"}

// numberWordBefore reports whether the word right before the number at
// start names another kind of number by its form: a compound ending in
// "nummer", "number", "numero", "nr" (Auftragsnummer, Kundennr,
// order_number) that is not a phone's (Telefonnummer, Handynummer), or
// "No." / "Nr." / "n°" after a word that is not a phone word.
func numberWordBefore(s string, start int) bool {
	k := start
	for k > 0 && start-k < 4 && (s[k-1] == ' ' || s[k-1] == ':' || s[k-1] == '.' || s[k-1] == '#' || s[k-1] == '=') {
		k--
	}
	if k > 1 && (s[k-2:k] == "°" || s[k-2:k] == "º") {
		k -= 2
	}
	e := k
	for k > 0 && e-k < 24 && (isLetter(s[k-1]) || s[k-1] == '_' || s[k-1] == '-' || s[k-1] >= utf8.RuneSelf) {
		k--
	}
	for k < e && s[k]&0xc0 == 0x80 {
		k++ // (cut at 24 bytes inside a rune)
	}
	if k == e || (k > 0 && s[k-1] == '\\') {
		return false // (the letter of a JSON escape, \n)
	}
	var buf [24]byte
	w := lowerInto(buf[:], s[k:e])
	if w == nil {
		return false
	}
	switch string(w) {
	case "no", "n":
		// No. 4471, n° 12: an abbreviation for "number" takes its point,
		// colon or sign; "no" alone is Portuguese and Spanish for "in
		// the" (fala com a tia no (41) 98672-6035), English "no".
		if e < len(s) && (s[e] == '.' || s[e] == ':' || s[e] == '#') || e+1 < len(s) && (s[e:e+2] == "°" || s[e:e+2] == "º") {
			return !contextBefore(s, k, phoneWords)
		}
		return false
	case "nr", "num", "nro":
		return !contextBefore(s, k, phoneWords)
	}
	for _, suf := range []string{"nummer", "number", "numero", "nr", "nummern", "numbers"} {
		if len(w) > len(suf) && strings.HasSuffix(string(w), suf) {
			return !headerWords.match(string(w)) && !strings.Contains(string(w), "fon") && !strings.Contains(string(w), "ruf")
		}
	}
	return false
}

// onePieceAlone reports whether a number in one piece, s[start:end],
// stands alone as phones do: not a key's value unless the key names a
// phone (ts=0712345678, "id": …), not after '#', not a file name
// (0612345678.pdf), not a count of a unit (0612345678 bytes).
func onePieceAlone(s string, start, end int) bool {
	if start > 0 {
		switch s[start-1] {
		case '#', '_', '/':
			return false
		case '=', ':', '"':
			k := start - 1
			for k > 0 && (s[k-1] == '"' || s[k-1] == ':' || s[k-1] == ' ' || s[k-1] == '=') {
				k--
			}
			w := k
			for w > 0 && k-w < 32 && (isAlnum(s[w-1]) || s[w-1] == '_' || s[w-1] == '-') {
				w--
			}
			if s[start-1] != ':' || (k < start-2 && s[k] == '"') { // key=…, "key": …
				if w < k && !headerWords.match(s[w:k]) && !contextBefore(s, start, phoneWords) {
					return false
				}
			}
		}
	}
	if end+1 < len(s) && s[end] == '.' && isLetter(s[end+1]) {
		return false
	}
	k := end
	if k < len(s) && s[k] == ' ' {
		k++
	}
	e := k
	for e < len(s) && e-k < 8 && isLetter(s[e]) {
		e++
	}
	var buf [8]byte
	if w := lowerInto(buf[:], s[k:e]); w != nil && unitWords[string(w)] {
		return false
	}
	return true
}

var unitWords = map[string]bool{
	"bytes": true, "b": true, "kb": true, "mb": true, "gb": true, "ms": true, "ns": true, "us": true, "rows": true,
	"records": true, "items": true, "users": true, "times": true, "tokens": true, "requests": true, "views": true,
	"points": true, "km": true, "m": true, "steps": true, "lines": true, "events": true, "hits": true,
}

// gatewayKeys are the fields of SMS and telephony APIs that hold the number
// of a recipient or a sender, often in E.164 without its '+': Twilio's
// To/From (webhook form fields and the Messages API), Vonage's and
// Infobip's to/from/msisdn, Plivo's src/dst, MessageBird's recipients and
// originator, Sinch's, Telnyx's and Africa's Talking's to, AWS SNS's
// PhoneNumber, and the generic names of such fields.
var gatewayKeys = map[string]bool{
	"to": true, "from": true, "msisdn": true, "recipient": true, "recipients": true, "destination": true,
	"destinations": true, "dest": true, "dst": true, "src": true, "receiver": true, "originator": true,
	"phone": true, "phonenumber": true, "phone_number": true, "mobile": true, "mobile_number": true,
	"to_number": true, "from_number": true, "recipient_number": true, "destination_number": true,
	"tel": true, "cell": true,
	// a contact centre's calling line identity and ANI (automatic number
	// identification) of a call record
	"cli": true, "ani": true, "caller_id": true, "callerid": true,
	// RADIUS accounting (RFC 2865): a mobile subscriber's MSISDN, and the
	// number or APN called
	"calling-station-id": true, "called-station-id": true,
	// M-Pesa's Daraja API: the paying customer's MSISDN (PartyB is the
	// till or paybill's short code)
	"partya": true,
	// MTN MoMo's Collection API: the payer's partyId (an MSISDN when its
	// partyIdType says so), a mobile-money SDK's payer
	"partyid": true, "payer": true,
}

// gatewayWord reports whether the number at start follows a word or an
// arrow that sends a message or money to or from it, as SMS and transfer
// logs write them: "received from 923203044046", "TRF TO 2348180057617",
// "-> 358419794257".
func gatewayWord(s string, start int) bool {
	k := start
	if k < 3 || s[k-1] != ' ' {
		return false
	}
	k--
	switch {
	case s[k-2] == '-' && s[k-1] == '>':
		return true
	case k >= 3 && strings.HasSuffix(s[:k], "→"):
		return true
	}
	b := k
	for b > 0 && k-b < 4 && isLetter(s[b-1]) {
		b--
	}
	if b > 0 && isAlnum(s[b-1]) {
		return false
	}
	w := s[b:k]
	return strings.EqualFold(w, "to") || strings.EqualFold(w, "from")
}

// gatewayKey reports whether the number at start is the value of one of
// gatewayKeys: to=…, "to": "…", To: …, recipients[]=…, "recipients": […
// (a key's case and a trailing "[]" aside).
func gatewayKey(s string, start int) bool {
	k := spacesBefore(s, quoteBefore(s, start)) // (\"2348068340287\": inside a JSON string)
	if k > 0 && s[k-1] == '[' {
		k = spacesBefore(s, k-1) // "recipients": [31612345678]
	}
	if k == 0 || s[k-1] != '=' && s[k-1] != ':' {
		return false
	}
	k = quoteBefore(s, spacesBefore(s, k-1))
	if k >= 2 && s[k-1] == ']' && s[k-2] == '[' {
		k -= 2
	}
	e := k
	for k > 0 && e-k < 24 && (isLetter(s[k-1]) || s[k-1] == '_' || s[k-1] == '-' && k-1 > 0 && isLetter(s[k-2])) {
		k--
	}
	if k == e || k > 0 && (isDigit(s[k-1]) || s[k-1] == '.') {
		return false // (not the end of a longer name: user.to; cc-to is no key of the list)
	}
	var buf [24]byte
	w := buf[:0]
	for p := k; p < e; p++ {
		w = append(w, lower(s[p]))
	}
	return gatewayKeys[string(w)]
}

// regionTrunk is the national prefix before a region's numbers written in
// one piece, where it is not 0: none in China (13800138000), 8 in Russia,
// 06 in Hungary.
var regionTrunk = map[string]string{"CN": "", "RU": "8", "HU": "06"}

// codeRegions are the regions of nationalFormats by calling code.
var codeRegions = map[uint16]string{
	49: "DE", 43: "AT", 33: "FR", 31: "NL", 82: "KR", 86: "CN", 61: "AU", 7: "RU", 36: "HU", 62: "ID",
	966: "SA", 971: "AE", 90: "TR", 44: "GB", 81: "JP", 84: "VN", 66: "TH", 63: "PH", 20: "EG", 92: "PK",
	880: "BD", 39: "IT", 34: "ES", 91: "IN", 52: "MX", 55: "BR", 54: "AR", 48: "PL", 351: "PT", 46: "SE",
	32: "BE", 353: "IE", 60: "MY", 380: "UA", 56: "CL", 57: "CO", 51: "PE", 64: "NZ", 886: "TW", 972: "IL",
	358: "FI", 234: "NG", 254: "KE", 233: "GH", 27: "ZA",
}

// onePiece holds the one-piece formats of nationalFormats by region: the
// mobile ranges (phone_plans.go).
var onePiece = func() map[string][]*natFormat {
	m := map[string][]*natFormat{}
	for _, nf := range nationalFormats {
		f, err := compileFormat(nf.region, nf.pattern)
		if err != nil || len(f.groups) != 1 || f.groups[0].open || f.groups[0].close {
			continue
		}
		for _, r := range strings.Split(nf.region, "/") {
			m[r] = append(m[r], f)
		}
	}
	return m
}()

// intlMobiles are the mobile ranges of the countries with no trunk prefix
// whose national numbers in one piece are no phones by their shape (any 8
// or 9 digits): their national significant numbers after the calling code,
// as a number in E.164 without its '+' is checked (libphonenumber's
// mobile patterns): Senegal 7[05-8] and 7 digits, Cameroon 6[5-9] and 7,
// Mali [5-9] and 7, Côte d'Ivoire 0[157] and 8 (since 2021), Burkina Faso
// [5-7] and 7, Benin 01 and 8 (since 2024) or [4-9] and 7, Niger [89] and
// 7, Togo [79] and 7, Guinea 6 and 8.
var intlMobiles = func() map[uint16][]*natFormat {
	m := map[uint16][]*natFormat{}
	for cc, ps := range map[uint16][]string{
		221: {"7[05-8]#######"}, 237: {"6[5-9]#######"}, 223: {"[5-9]#######"}, 225: {"0[157]########"}, 226: {"[5-7]#######"},
		229: {"01########"}, 227: {"[89]#######"}, 228: {"[79]#######"}, 224: {"6########"},
		// and East Africa's, whose national form has a trunk 0: Kenya 7
		// or 1[01] and 8 digits, Tanzania [67], Uganda 7, Rwanda 7[2389],
		// Ethiopia [79]
		254: {"7########", "1[01][0-5]######"}, 255: {"[67]########"}, 256: {"7########"}, 250: {"7[2389]#######"},
		251: {"[79]########"},
	} {
		for _, p := range ps {
			f, err := compileFormat("", p)
			if err != nil {
				panic(err)
			}
			m[cc] = append(m[cc], f)
		}
	}
	return m
}()

// intlMobile reports whether nsn, a national significant number after
// calling code cc, is in one of intlMobiles' ranges for it (ok false: cc
// has none listed).
func intlMobile(cc uint16, nsn string) (mobile, ok bool) {
	fs, ok := intlMobiles[cc]
	for _, f := range fs {
		if g := &f.groups[0]; len(nsn) >= g.min && len(nsn) <= g.max && matchToks(g.toks, nsn) {
			return true, true
		}
	}
	return false, ok
}

// intlMobileAlone reports whether the digits d are a mobile of one of
// intlMobiles' countries in E.164 without its '+'.
func intlMobileAlone(d string) bool {
	mobile, _ := intlMobile(uint16(atoi(d[:3])), d[3:])
	return mobile
}

// nanp reports whether the ten digits d are a number of the North American
// Numbering Plan: an area code NXX with X not 9 in the middle (the N9X
// codes are reserved for the plan's expansion) and not N11 (service
// codes), and an exchange NXX (N is 2-9). Source: NANPA's "Area Codes"
// and "Central Office Codes" pages; libphonenumber's US patterns agree.
func nanp(d string) bool {
	return d[0] >= '2' && d[1] != '9' && d[1:3] != "11" && d[3] >= '2'
}

// e164 reports whether the digits d are a number in E.164 without its '+':
// a calling code and a national number of that country's length
// (callingCodes; for +1 one of the plan, nanp), and, for a country whose
// mobiles phone_plans.go lists in one piece, one of those written with the
// country's trunk prefix (4915123456789 is 015123456789, a German mobile;
// 491234567890 is no German number in one piece). SMS gateways send to
// mobiles.
func e164(d string) bool { return e164Plan(d, false) }

// e164Mobile is e164 for a country whose mobiles phone_plans.go lists only:
// a number in E.164 without its '+' that prose, not a gateway's field,
// names ("received from 923203044046") must be one of those.
func e164Mobile(d string) bool { return e164Plan(d, true) }

func e164Plan(d string, listed bool) bool {
	if len(d) < 8 || len(d) > 15 || d[0] == '0' {
		return false
	}
	for l := 1; l <= 3; l++ {
		cc := uint16(atoi(d[:l]))
		lens, ok := callingCodes[cc]
		if !ok {
			continue
		}
		nsn := d[l:]
		if !fits(nsn, lens) || strings.Trim(nsn, "0") == "" || cc == 1 && !nanp(nsn) {
			return false
		}
		if mobile, ok := intlMobile(cc, nsn); ok {
			return mobile
		}
		fs := onePiece[codeRegions[cc]]
		if len(fs) == 0 {
			return !listed
		}
		trunk, ok := regionTrunk[codeRegions[cc]]
		if !ok {
			trunk = "0"
		}
		var buf [20]byte
		nat := append(append(buf[:0], trunk...), nsn...)
		for _, f := range fs {
			g := &f.groups[0]
			if len(nat) >= g.min && len(nat) <= g.max && matchToks(g.toks, string(nat)) {
				return true
			}
		}
		return false
	}
	return false
}
