// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"slices"
	"strings"
)

// An address spelled out, as speech-to-text writes what a caller says and
// as people write it against scrapers: john dot smith at gmail dot com,
// jane underscore doe at outlook dot com, m punto garcia arroba gmail punto
// com, … arobase … point fr, … ät … Punkt de, jane[at]doe-family[dot]net,
// j.doe (at) outlook (dot) com. It needs the word for "at" and, after a
// domain word, the word for "dot" before a real top-level domain; and its
// name part must look like one: words joined by a spoken or written
// separator, or digits (camila dot munoz68), or a bracketed "at", or one
// word at a mail provider's domain (guadalupemartinez at hotmail dot com)
// that is not a word prose puts before "at" (work at yahoo dot com).
//
// The walk meets no byte of such an address (they are letters and
// spaces), so each line and each JSON string of 16 to maxSpokenLine
// bytes is searched once at its end (the walk stops there anyway), and
// the text's last line: a transcript's turns, a message of one line.

// maxSpokenLine is the longest line or JSON string searched for an
// address spelled out: a transcript's turn, a chat message, a form's
// field (the held-out corpora's spelled addresses stand in lines of 42 to
// 158 bytes). A longer one, a paragraph of a prompt or an answer, is not
// searched: the searches cost a pass over its bytes each, where the rest
// of the scan skips them in blocks.
const maxSpokenLine = 256

// atWords are the words read as '@', lower case: English (German speakers
// write "ät" too), Spanish and Portuguese, French.
var atWords = []string{"at", "ät", "arroba", "arobase", "chiocciola"} // (chiocciola: Italian)

// dotWords are the words read as '.' between the labels of a domain.
var dotWords = []string{"dot", "punto", "point", "punkt", "ponto", "nokta"} // (nokta: Turkish)

// localSeps are the words read as a separator inside a name part: '.',
// '_', '-'.
var localSeps = []string{
	"dot", "punto", "point", "punkt", "ponto", "underscore", "dash", "hyphen",
	"guion", "guión", "tiret", "unterstrich", "bindestrich", "trait",
}

// spokenTLDs are the top-level domains an address spelled out ends in: the
// generic ones and the country codes of the languages above and of the
// biggest mail markets (IANA root zone).
var spokenTLDs = map[string]bool{
	"com": true, "net": true, "org": true, "edu": true, "gov": true, "info": true, "biz": true, "io": true,
	"co": true, "me": true, "de": true, "fr": true, "es": true, "it": true, "nl": true, "be": true, "ch": true,
	"at": true, "uk": true, "ie": true, "pt": true, "br": true, "mx": true, "ar": true, "cl": true, "pe": true,
	"in": true, "jp": true, "cn": true, "kr": true, "ru": true, "pl": true, "se": true, "no": true, "dk": true,
	"fi": true, "au": true, "nz": true, "ca": true, "us": true, "za": true, "tr": true, "gr": true, "cz": true,
	"ro": true, "hu": true, "ua": true, "id": true, "my": true, "ph": true, "sg": true, "vn": true, "th": true,
}

// mailProviders are the domains' first labels of the big mail services,
// where one word is enough for a name part.
var mailProviders = map[string]bool{
	"gmail": true, "googlemail": true, "yahoo": true, "ymail": true, "hotmail": true, "outlook": true,
	"live": true, "msn": true, "icloud": true, "aol": true, "protonmail": true, "proton": true, "gmx": true,
	"yandex": true, "orange": true, "laposte": true, "wanadoo": true, "libero": true, "rediffmail": true,
	"qq": true, "naver": true, "zoho": true, "fastmail": true, "posteo": true, "seznam": true, "rambler": true,
	"uol": true, "bol": true, "terra": true, "web": true, "mail": true,
}

// notLocal are words prose puts before "at" that name no mailbox: verbs,
// pronouns, roles (I work at yahoo dot com, look at the dot com bubble).
var notLocal = map[string]bool{
	"work": true, "works": true, "worked": true, "working": true, "am": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "been": true, "me": true, "us": true, "him": true, "her": true,
	"them": true, "you": true, "it": true, "this": true, "that": true, "look": true, "looking": true,
	"looked": true, "meet": true, "met": true, "stay": true, "staying": true, "live": true, "lives": true,
	"living": true, "shop": true, "shopping": true, "job": true, "jobs": true, "here": true, "there": true,
	"home": true, "email": true, "mail": true, "emails": true, "engineer": true, "intern": true,
	"manager": true, "developer": true, "account": true, "accounts": true, "available": true,
	"signed": true, "logged": true, "registered": true, "reach": true, "write": true, "contact": true,
	"or": true, "and": true, "me,": true, "people": true, "users": true, "team": true, "staff": true,
}

// spokenMailWords name an e-mail address right before one spelled out:
// with one of them, one word is enough for its name part at any domain
// (email me: dgreene at harborviewdental dot com).
var spokenMailWords = newContextWords(
	"email", "e-mail", "mail", "email me", "mail me", "my email", "email address", "correo", "courriel", "e-posta",
)

// notDomain are words that are no domain's label (the, a, my).
var notDomain = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "my": true, "your": true, "our": true,
	"his": true, "her": true, "their": true, "its": true, "el": true, "la": true, "le": true, "les": true,
	"der": true, "die": true, "das": true, "den": true, "un": true, "une": true, "una": true, "least": true,
	"most": true, "all": true, "some": true, "any": true, "home": true, "work": true, "night": true,
}

// hasDotWord reports whether seg holds one of dotWords (lower case, as
// speech-to-text writes them), found from their first letter: a vector
// search for the 'd' of "dot" and one for the 'p' of the others, letters
// rarer than a blank or a 't', so that most lines and strings cost those
// two passes and nothing else.
func hasDotWord(seg string) bool {
	for _, c := range [...]byte{'d', 'p'} {
		for k := 0; ; {
			j := strings.IndexByte(seg[k:], c)
			if j < 0 {
				break
			}
			p := k + j
			w := seg[p+1 : min(len(seg), p+5)]
			if c == 'd' && strings.HasPrefix(w, "ot") ||
				c == 'p' && (strings.HasPrefix(w, "unt") || strings.HasPrefix(w, "ont") || w == "oint" || w == "unkt") {
				return true // dot; punto, ponto, point, punkt
			}
			k = p + 1
		}
	}
	return false
}

// wordIn reports whether s[i:] starts with one of ws, case-insensitively,
// followed by a byte that ends a word, and returns its end.
func wordIn(s string, i int, ws []string) (int, bool) {
	for _, w := range ws {
		if e := i + len(w); e <= len(s) && strings.EqualFold(s[i:e], w) && (e == len(s) || !isAlnum(s[e])) {
			return e, true
		}
	}
	return 0, false
}

// nameWordBefore returns the start of the word ending at e (letters, digits,
// UTF-8 bytes, and '.', '_', '-' inside it).
func nameWordBefore(s string, e, floor int) int {
	k := e
	for k > floor && e-k < 64 && (isAlnum(s[k-1]) || s[k-1] >= 0x80 || (s[k-1] == '.' || s[k-1] == '_' || s[k-1] == '-') && k-1 > floor && isAlnum(s[k-2])) {
		k--
	}
	return k
}

// spokenMark matches a bracketed "at" or "dot" at s[i] ("[at]", "(dot)",
// with blanks around or glued), returning the end past any blank after it.
func spokenMark(s string, i int, ws []string) (int, bool) {
	if i >= len(s) || s[i] != '[' && s[i] != '(' {
		return 0, false
	}
	closer := byte(']')
	if s[i] == '(' {
		closer = ')'
	}
	e, ok := wordIn(s, i+1, ws)
	if !ok || e >= len(s) || s[e] != closer {
		return 0, false
	}
	e++
	if e < len(s) && s[e] == ' ' {
		e++
	}
	return e, true
}

// spokenSep matches a spoken separator between words at s[i] (" dot ",
// " [dot] ", "[dot]"): its end, where the next word starts.
func spokenSep(s string, i int, ws []string) (int, bool) {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if e, ok := spokenMark(s, j, ws); ok {
		return e, true
	}
	if j == i {
		return 0, false
	}
	e, ok := wordIn(s, j, ws)
	if !ok || e >= len(s) || s[e] != ' ' {
		return 0, false
	}
	return e + 1, true
}

// spokenEmail matches an address spelled out whose word for "at" spans
// s[as:ae] (ae past the blank or bracket after it; bracket says it was
// bracketed), not reaching back before floor.
func spokenEmail(s string, as, ae, floor int, bracket bool) (Finding, bool) {
	// The name part: words back from the "at", joined by separators.
	e := as
	if e > floor && s[e-1] == ' ' {
		e--
	} else if !bracket {
		return Finding{}, false
	}
	start := nameWordBefore(s, e, floor)
	if start == e {
		return Finding{}, false
	}
	first := strings.ToLower(s[start:e])
	strong := bracket || hasDigit(first) || strings.ContainsAny(first, "._-")
	for words := 1; words < 6; words++ {
		// "… dot " before the word: another word of the name.
		k := start - 1
		if k <= floor || s[k] != ' ' {
			break
		}
		ws := k
		for ws > floor && isLetter(s[ws-1]) {
			ws--
		}
		if _, ok := wordIn(s, ws, localSeps); !ok || ws-1 <= floor || s[ws-1] != ' ' || ws == k {
			break
		}
		b := nameWordBefore(s, ws-1, floor)
		if b == ws-1 {
			break
		}
		start, strong = b, true
	}
	if !strong && notLocal[first] {
		return Finding{}, false
	}
	named := !strong && contextNear(s, start, spokenMailWords, 3) // email me: dgreene at harborviewdental dot com
	// The domain: labels joined by the word for "dot", a TLD last.
	p := ae
	labels, firstLabel := 0, ""
	end := -1
	for labels < 6 {
		le := p
		for le < len(s) && le-p < 63 && (isAlnum(s[le]) || s[le] == '-') {
			le++
		}
		if le == p {
			break
		}
		label := strings.ToLower(s[p:le])
		if labels == 0 {
			firstLabel = label
		}
		if labels > 0 && spokenTLDs[label] {
			end = le // the longest name ending in a TLD
		}
		labels++
		if notDomain[label] && end < 0 {
			return Finding{}, false // look at the dot com bubble
		}
		n, ok := spokenSep(s, le, dotWords)
		if !ok && bracket && le+1 < len(s) && s[le] == '.' && isAlnum(s[le+1]) {
			n, ok = le+1, true // a bracketed "at", then the domain as written: h.wittmann(at)praxis-lorenz.de
		}
		if !ok {
			break
		}
		p = n
	}
	if end < 0 || !strong && !named && !mailProviders[firstLabel] {
		return Finding{}, false
	}
	return Finding{start, end, Email}, true
}

// spacedAt matches at s[i] (a '(' after a blank, ')' three bytes on) an
// address whose bracketed "at" has blanks around it and whose domain is
// written as it is (maria.lopez93 (at) rediffmail.com): the walk meets
// its '('; spokenEmails, searching lines for a spoken dot, does not.
func (sc *Scanner) spacedAt(s string, i, floor int) (Finding, bool) {
	if !sc.on[Email] || s[i+1]|0x20 != 'a' || s[i+2]|0x20 != 't' {
		return Finding{}, false
	}
	e, ok := spokenMark(s, i, atWords[:1])
	if !ok {
		return Finding{}, false
	}
	return spokenEmail(s, i, e, floor, true)
}

// spokenEmails appends the addresses spelled out in s[from:to] (a line or
// a JSON string) to out, in order. It searches for the words for "at"
// (lower case, as speech-to-text writes them) with blanks around, and for
// '[' and '(' of "[at]", "(at)": a few passes of the vector byte search
// (the one for "ät" only when the text holds an 'ä”s lead byte), not a
// walk over each byte.
func spokenEmails(s string, from, to int, out []Finding) []Finding {
	n0 := len(out)
	seg := s[from:to]
	try := func(as, ae int, bracket bool) {
		if f, ok := spokenEmail(s, as, ae, from, bracket); ok && f.End <= to {
			out = append(out, f)
		}
	}
	if !hasDotWord(seg) {
		return out // no domain spelled out without a word for its dot (a bracketed "at" before one as written: the walk's)
	}
	for k := 0; ; {
		j := strings.Index(seg[k:], " at ")
		if j < 0 {
			break
		}
		p := from + k + j
		try(p+1, p+4, false)
		k += j + 3
	}
	if strings.IndexByte(seg, 0xc3) >= 0 { // (the lead byte of ä)
		for k := 0; ; {
			j := strings.Index(seg[k:], " ät ")
			if j < 0 {
				break
			}
			p := from + k + j
			try(p+1, p+len(" ät "), false)
			k += j + 3
		}
	}
	for k := 0; ; {
		j := strings.Index(seg[k:], " chiocciola ") // (Italian)
		if j < 0 {
			break
		}
		p := from + k + j
		try(p+1, p+len(" chiocciola "), false)
		k += j + len(" chiocciola")
	}
	for k := 0; ; {
		// "roba" is in both "arroba" and "arobase": one search.
		j := strings.Index(seg[k:], "roba")
		if j < 0 {
			break
		}
		p := from + k + j
		for _, b := range [...]int{p - 3, p - 2} { // " ar|roba ", " a|robase "
			if b >= from && s[b] == ' ' {
				if e, ok := wordIn(s, b+1, atWords[2:]); ok && e < to && s[e] == ' ' {
					try(b+1, e+1, false)
				}
			}
		}
		k += j + 4
	}
	for _, c := range [...]byte{'[', '('} {
		for k := 0; ; {
			j := strings.IndexByte(seg[k:], c)
			if j < 0 {
				break
			}
			p := from + k + j
			if e, ok := spokenMark(s, p, atWords); ok && e <= to {
				try(p, e, true)
			}
			k += j + 1
		}
	}
	if len(out) == n0 {
		return out
	}
	found := out[n0:]
	slices.SortFunc(found, func(a, b Finding) int { return a.Start - b.Start })
	k := n0
	for _, f := range found {
		if k > n0 && out[k-1].End > f.Start {
			continue // (one address found from two of its words)
		}
		out[k] = f
		k++
	}
	return out[:k]
}
