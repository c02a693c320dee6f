// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Numbers spoken as words, as speech-to-text writes a caller's turn when it
// does not turn digits into figures: "four nine six three nine five double
// four double eight …" (a card), "oh seven double eight six …" (a UK
// mobile), "two nine three, eight one nine, six five two" (a SIN). The
// walk meets no byte of such a number, so each turn of a transcript (a
// line that starts with a speaker's label, "CALLER:", "Customer:",
// "09:06:02 Caller:") of 16 to 256 bytes is read at its end, with the
// spelled-out addresses (spokenmail.go). The words are English: the digits
// (zero and "oh" for 0), "double" and "triple" before a digit, and the
// tens and teens a caller reads a card in pairs with ("forty six, forty
// five"); blanks, commas, dashes and dots may stand between them, and
// "uh", "um", "er" too. A run of at least three words is read as digits
// and then as what its digits and its turn say it is: a card by Luhn, an
// SSN, SIN, TFN, IRD or ZA identity number by their checks and a word of
// their kind in the turn or the one before, a phone number by its plan
// (a NANP number, or 10 or 11 digits after a trunk 0) and a phone word,
// or a card's code or a one-time code of 3 to 8 digits after a word
// naming one in the turn before.

// spokenText appends to out what a line or JSON string s[from:to] of 16
// to 256 bytes spells out: numbers spoken as words in a speaker's turn,
// and e-mail addresses (spokenEmails).
func spokenText(s string, from, to int, on *[NumBuiltin]bool, out []Finding) []Finding {
	out = spokenNumbers(s, from, to, on, out)
	if on[Password] {
		out = codesBeforeWords(s, from, to, out)
	}
	if on[Email] {
		n := len(out)
		out = spokenEmails(s, from, to, out)
		if n > 0 && len(out) > n {
			slices.SortFunc(out, func(a, b Finding) int { return a.Start - b.Start })
		}
	}
	return out
}

// spokenDigitWords maps the number words to their digits (tens without
// their unit: "forty" alone is 40, "forty six" 46).
var spokenDigitWords = map[string]string{
	"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9",
	"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
	"sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9",
}

// spokenTens are the tens of spokenDigitWords (a unit may follow).
var spokenTens = map[string]bool{
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
}

// numberWordShape has, per first letter (its low five bits), a bit per
// length of the words above, the fillers, "double" and "triple".
var numberWordShape = func() (t [32]uint16) {
	add := func(w string) { t[w[0]&31] |= 1 << len(w) }
	for w := range spokenDigitWords {
		add(w)
	}
	for w := range spokenFillers {
		add(w)
	}
	add("double")
	add("triple")
	return t
}()

// spokenFillers may stand between a number's words.
var spokenFillers = map[string]bool{"uh": true, "um": true, "er": true, "erm": true, "hmm": true}

// spokenNumbers appends to out the numbers spoken as words in the turn
// s[from:to] (see above).
func spokenNumbers(s string, from, to int, on *[NumBuiltin]bool, out []Finding) []Finding {
	seg := s[from:to]
	c := -1
	for k := 0; k < min(len(seg), 40); {
		j := strings.IndexByte(seg[k:min(len(seg), 40)], ':')
		if j < 0 {
			break
		}
		if k+j > 0 && isLetter(seg[k+j-1]) {
			c = k + j // the label's ':', after a time stamp's ([00:00:14] CALLER:)
			break
		}
		k += j + 1
	}
	if c < 0 {
		return out // not a speaker's turn
	}
	var digits [24]byte
	k := c + 1
	for k < len(seg) {
		rs, re, n, next := wordRun(seg, k, &digits)
		if n == 0 {
			break
		}
		k = next
		if re-rs == 0 {
			continue
		}
		if t, ok := spokenKind(s, from, from+rs, digits[:n], on); ok {
			out = append(out, Finding{from + rs, from + re, t})
		}
	}
	return out
}

// wordRun finds the next run of three or more number words at or after
// seg[k:]: its start and end, its digits in d, and where to go on from; n
// is 0 when no number word is left, re == rs when the run is too short.
func wordRun(seg string, k int, d *[24]byte) (rs, re, n, next int) {
	words, nd := 0, 0
	rs, re = -1, -1
	tens := false
	p := k
	for p < len(seg) {
		for p < len(seg) && !isLetter(seg[p]) {
			if isDigit(seg[p]) && words > 0 {
				goto end // a figure ends the spoken number
			}
			p++
		}
		ws := p
		for p < len(seg) && isLetter(seg[p]) {
			p++
		}
		if ws == p {
			break
		}
		if l := p - ws; l > 9 || numberWordShape[seg[ws]&31]&(1<<l) == 0 {
			// (cheap test first: no number word, filler, "double" or
			// "triple" has this first letter and length)
			if words > 0 {
				break
			}
			continue
		}
		var buf [10]byte
		word := string(lowerInto(buf[:], seg[ws:p]))
		if spokenFillers[word] && words > 0 {
			continue
		}
		if word == "double" || word == "triple" {
			rep := 2
			if word == "triple" {
				rep = 3
			}
			q := p
			for q < len(seg) && seg[q] == ' ' {
				q++
			}
			e := q
			for e < len(seg) && isLetter(seg[e]) {
				e++
			}
			nw := lowerInto(buf[:], seg[q:e])
			dd, ok := spokenDigitWords[string(nw)]
			if !ok || len(dd) != 1 || nd+rep > len(d) {
				if words > 0 {
					break
				}
				continue
			}
			for r := 0; r < rep; r++ {
				d[nd] = dd[0]
				nd++
			}
			if rs < 0 {
				rs = ws
			}
			re, p, words, tens = e, e, words+1, false
			continue
		}
		dd, ok := spokenDigitWords[word]
		if !ok || nd+len(dd)+1 > len(d) {
			if words > 0 {
				break
			}
			continue
		}
		if tens && len(dd) == 1 && !spokenTens[word] {
			d[nd-1] = dd[0] // forty six: the unit replaces the tens' 0
			re, words, tens = p, words+1, false
			continue
		}
		nd += copy(d[nd:], dd)
		if spokenTens[word] {
			d[nd] = '0'
			nd++
		}
		tens = spokenTens[word]
		if rs < 0 {
			rs = ws
		}
		re, words = p, words+1
	}
end:
	if words == 0 {
		return 0, 0, 0, len(seg)
	}
	if words < 3 {
		return rs, rs, nd, max(re, p)
	}
	return rs, re, nd, max(re, p)
}

// spokenKind says what the digits d spoken at start are, by their checks
// and the words of their turn (from) and of the turn before.
func spokenKind(s string, from, start int, d []byte, on *[NumBuiltin]bool) (Type, bool) {
	if contextNear(s, start, notIDWords, 3) {
		return 0, false // your ref is four four seven two, claim zero four …
	}
	turn := s[max(0, lineBefore(s, from)):start]
	has := func(words ...string) bool {
		for _, w := range words {
			if indexFold(turn, w) >= 0 {
				return true
			}
		}
		return false
	}
	n := len(d)
	switch {
	case n >= 13 && n <= 19 && luhn(d) && on[CreditCard]:
		return CreditCard, true
	case n == 13 && zaIDValid(d) && on[NationalID] && has("id"):
		return NationalID, true
	case n == 9 && on[SSN] && has("social", "ssn") && ssnValid(atoiB(d[:3]), atoiB(d[3:5]), atoiB(d[5:])):
		return SSN, true
	case n == 9 && on[NationalID] && (sinValid(d) && has("sin", "social insurance") || tfnValid(d) && has("tfn", "tax file")):
		return NationalID, true
	case (n == 8 || n == 9) && on[NationalID] && irdValid(d) && has("ird", "inland revenue"):
		return NationalID, true
	case (n == 10 && nanp(string(d)) || (n == 10 || n == 11) && d[0] == '0') && on[Phone] &&
		has("phone", "number", "mobile", "cell", "call", "reach", "contact"):
		return Phone, true
	case (n == 3 || n == 4) && on[CardCVV] && has("cvv", "cvc", "security code", "back of", "front of the card", "three digit", "four digit", "3-digit", "4-digit"):
		return CardCVV, true
	case n >= 4 && n <= 8 && on[Password] && has("code", "passcode", "one-time", "pin", "otp"):
		return Password, true
	}
	return 0, false
}

// lineBefore returns where the line before the one starting at ls starts
// (the turn a caller answers), or ls when there is none.
func lineBefore(s string, ls int) int {
	if ls < 2 {
		return ls
	}
	p := strings.LastIndexByte(s[max(0, ls-2-256):ls-1], '\n')
	if p < 0 {
		return max(0, ls-2-256)
	}
	return max(0, ls-2-256) + p + 1
}

// Chinese speakers read numbers out digit by digit in their numerals (客户：
// 四二零幺零六幺九六四零二零八三三三九; 借记卡 六二二五 八八零幺 …), 幺 for
// one and 两 for two as phones and call centres say them, sometimes mixed
// with figures (340104一九六六一二二七四三四一). cjkNumerals reads each run of
// seven or more such digits in a line (blanks between groups, an X
// ending a resident ID) as the ASCII number it stands for, with the line
// before it as context, and checks it as the number detectors check
// figures (numeric: resident IDs by their check digit, mobiles by their
// plan, cards by Luhn); a finding covers the run. A line without the
// lead byte of 一, 二, 三, 五, 七, 九 and 两 (0xE4) is passed over in one
// search (a number of seven digits or more read out without any of them,
// of 四, 六, 八, 幺 and 零 alone, is rare).

// cjkNumeral returns the digit the Chinese numeral at s[k] stands for (零
// 〇 一 幺 二 两 三 四 五 六 七 八 九: three bytes each in UTF-8), by its bytes.
func cjkNumeral(s string, k int) (byte, bool) {
	if k+2 >= len(s) {
		return 0, false
	}
	b1, b2 := s[k+1], s[k+2]
	switch s[k] {
	case 0xe4:
		switch {
		case b1 == 0xb8 && b2 == 0x80:
			return '1', true // 一
		case b1 == 0xb8 && b2 == 0xa4:
			return '2', true // 两
		case b1 == 0xb8 && b2 == 0x89:
			return '3', true // 三
		case b1 == 0xb8 && b2 == 0x83:
			return '7', true // 七
		case b1 == 0xba && b2 == 0x8c:
			return '2', true // 二
		case b1 == 0xba && b2 == 0x94:
			return '5', true // 五
		case b1 == 0xb9 && b2 == 0x9d:
			return '9', true // 九
		}
	case 0xe5:
		switch {
		case b1 == 0xb9 && b2 == 0xba:
			return '1', true // 幺
		case b1 == 0x9b && b2 == 0x9b:
			return '4', true // 四
		case b1 == 0x85 && b2 == 0xad:
			return '6', true // 六
		case b1 == 0x85 && b2 == 0xab:
			return '8', true // 八
		}
	case 0xe9:
		return '0', b1 == 0x9b && b2 == 0xb6 // 零
	case 0xe3:
		return '0', b1 == 0x80 && b2 == 0x87 // 〇
	}
	return 0, false
}

// cjkDigitAt returns the digit the character at s[k] stands for (a
// numeral, a figure, a full-width figure), its width, and whether it is
// one; numeral is true for a Chinese numeral.
func cjkDigitAt(s string, k int) (d byte, w int, numeral, ok bool) {
	if c := s[k]; c < utf8.RuneSelf {
		return c, 1, false, isDigit(c)
	}
	if d, ok := cjkNumeral(s, k); ok {
		return d, 3, true, true
	}
	if k+2 < len(s) && s[k] == 0xef && s[k+1] == 0xbc && s[k+2] >= 0x90 && s[k+2] <= 0x99 {
		return '0' + s[k+2] - 0x90, 3, false, true // ０-９
	}
	return 0, 0, false, false
}

// cjkNumerals appends to out the numbers read out in Chinese numerals in
// the line s[from:to] (see above).
func (sc *Scanner) cjkNumerals(s string, from, to int, out []Finding) []Finding {
	seg := s[from:to]
	if strings.IndexByte(seg, 0xe4) < 0 {
		return out
	}
	for k := from; k < to; {
		if s[k] < 0xe3 {
			k++
			continue
		}
		if _, ok := cjkNumeral(s, k); !ok {
			k++
			continue
		}
		if k+3 >= to {
			break
		}
		if _, _, _, ok := cjkDigitAt(s, k+3); !ok {
			k += 3 // (one numeral alone: a word's, 一个, 三月)
			continue
		}
		w := 3
		// A run of digits (at least three of them numerals), blanks between.
		var buf [48 + 24]byte
		var at [25]int
		cs := max(strings.LastIndexByte(s[:k], '\n')+1, k-48, from)
		for cs < k && s[cs]&0xc0 == 0x80 {
			cs++
		}
		rs := k
		for rs > cs && isDigit(s[rs-1]) {
			rs-- // (figures before the numerals: 340104一九六六…)
		}
		n := copy(buf[:], s[cs:rs])
		base, j, numerals, q := n, 0, 0, rs
		for q < to && j < 24 {
			d, w, num, ok := cjkDigitAt(s, q)
			if !ok {
				if s[q] == ' ' && q+1 < to {
					if _, _, _, ok := cjkDigitAt(s, q+1); ok {
						q++ // a blank between groups
						continue
					}
				}
				if (s[q] == 'X' || s[q] == 'x' || strings.HasPrefix(s[q:to], "Ｘ")) && j == 17 {
					buf[n], at[j] = 'X', q
					n++
					j++
					q += wideX(s, q)
				}
				break
			}
			if num {
				numerals++
			}
			buf[n], at[j] = d, q
			n++
			j++
			q += w
		}
		at[j] = q
		if j >= 7 && numerals >= 3 {
			if f, ok, _ := sc.numeric(string(buf[:n]), base, numCtx{last: 0, phoneEnd: -1, idEnd: -1}); ok && f.Start == base && f.End == n {
				out = append(out, Finding{at[0], at[j], f.Type})
			}
		}
		k = max(q, k+w)
	}
	return out
}

// codesBeforeWords appends to out the one-time codes written before the
// words that name them in the line s[from:to] ("482913 is your
// verification code", "Use 552910 as your login code", "G-318274 is your
// Google verification code": codeNamedAfter), found from the y of "your"
// (a search for one byte).
func codesBeforeWords(s string, from, to int, out []Finding) []Finding {
	for k := from; k < to; {
		j := strings.IndexByte(s[k:to], 'y')
		if j < 0 {
			break
		}
		p := k + j - 1 // (the blank before "your")
		k = p + 2
		if p-from < 7 || p+6 > to || s[p] != ' ' || s[p+1:p+6] != "your " || s[p-3] != ' ' {
			continue
		}
		e := p - 3
		b := e
		for b > from && isDigit(s[b-1]) {
			b--
		}
		if n := e - b; n < 4 || n > 8 || b > from && isAlnum(s[b-1]) || !codeNamedAfter(s, e) {
			continue
		}
		out = append(out, Finding{b, e, Password})
	}
	return out
}
