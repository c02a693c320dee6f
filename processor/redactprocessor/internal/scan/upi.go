// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// upiHandles are the handles a UPI virtual payment address (VPA, "UPI ID")
// ends in: name@handle, the handle naming the payment service provider
// (PSP) bank or app that issued it. A VPA has no domain, so only a handle
// on this list makes one; anything else after an '@' without a dot is a
// user at a host, a package at a version, a mention.
//
// Source: NPCI's "UPI 3rd party apps" page
// (https://www.npci.org.in/what-we-do/upi/3rd-party-apps), which lists each
// third-party app's handles, one per PSP bank behind it (Google Pay @okaxis,
// @okhdfcbank, @okicici, @oksbi; PhonePe @ybl, @ibl, @axl, of YES Bank, ICICI
// Bank and Axis Bank; Paytm @paytm and, since March 2024, @ptyes, @ptaxis,
// @pthdfc, @ptsbi, "according to the NPCI website" as Business Standard
// reported on 2024-03-15; Amazon Pay, WhatsApp, …), and the banks' own
// handles (BHIM @upi, @sbi, @hdfcbank, @icici, @axisbank, …). Handles that
// are also common words or host names (@citi, @sc, @jio) are left out.
var upiHandles = map[string]bool{
	// Third-party apps and their PSP banks.
	"okaxis": true, "okhdfcbank": true, "okicici": true, "oksbi": true, "okbizaxis": true, // Google Pay
	"ybl": true, "ibl": true, "axl": true, // PhonePe
	"paytm": true, "ptyes": true, "ptaxis": true, "pthdfc": true, "ptsbi": true, // Paytm
	"apl": true, "yapl": true, "rapl": true, // Amazon Pay
	"waaxis": true, "wahdfcbank": true, "waicici": true, "wasbi": true, // WhatsApp
	"ikwik":       true, // MobiKwik
	"axisb":       true, // CRED
	"jupiteraxis": true, // Jupiter
	"fifederal":   true, // Fi
	"naviaxis":    true, // Navi
	"sliceaxis":   true, // slice
	"tapicici":    true, // Tata Neu
	"pingpay":     true, // Samsung Pay
	"freecharge":  true, // Freecharge
	"upi":         true, // BHIM
	// Banks' own PSP handles.
	"sbi": true, "hdfcbank": true, "icici": true, "axisbank": true, "kotak": true, "pnb": true,
	"barodampay": true, "cnrb": true, "unionbank": true, "idfcbank": true, "idfcfirst": true,
	"indus": true, "federal": true, "yesbank": true, "aubank": true, "kbl": true, "rbl": true,
	"indianbank": true, "idbi": true, "airtel": true,
}

// upiHandleMax is the longest handle's length.
const upiHandleMax = len("jupiteraxis")

// isVPALocal reports whether c may be in a VPA's name part: NPCI allows
// letters, digits, '.', '-' and '_'.
func isVPALocal(c byte) bool { return isAlnum(c) || c == '.' || c == '-' || c == '_' }

// upi matches a UPI virtual payment address around the '@' at at (a
// URL-encoded "%40" is decoded first, percent.go: upi://pay?pa=shop%40ybl):
// a name of VPA characters that does not reach back before floor, then one
// of upiHandles as a whole word. Not a mention or a scope with nothing before
// the '@' (@okaxis, @types/node), nor a user at a host: a handle followed
// by ':' and a path (user@upi:~$), a shell prompt in brackets
// ([rahul@paytm ~]$), the argument of ssh, scp or sftp.
func upi(s string, at, floor int) (start, end int, ok bool) {
	h := at + 1
	end = h
	for end < len(s) && end-h <= upiHandleMax && isAlnum(s[end]) {
		end++
	}
	if end-h < 2 || end-h > upiHandleMax || !upiHandles[strings.ToLower(s[h:end])] {
		return 0, 0, false
	}
	if end < len(s) {
		switch c := s[end]; {
		case c == '_', c == '-', c == '@', c == '/':
			return 0, 0, false // rahul@upi-dev, team@upi/roadmap
		case c == ':' && end+1 < len(s) && (isAlnum(s[end+1]) || s[end+1] == '/' || s[end+1] == '~'):
			return 0, 0, false // user@upi:~$, deploy@sbi:/srv (not "… for x@ybl: declined")
		case c == '.' && end+1 < len(s) && isAlnum(s[end+1]):
			return 0, 0, false // a domain (email's, or not one)
		}
	}
	start = localStart(s, at, floor)
	for k := at - 1; k >= start; k-- {
		if !isVPALocal(s[k]) {
			start = k + 1
			break
		}
	}
	for start < at && !isAlnum(s[start]) {
		start++
	}
	if at-start < 2 || s[at-1] == '.' {
		return 0, 0, false
	}
	if start > 0 && s[start-1] == '[' && end < len(s) && s[end] == ' ' {
		return 0, 0, false // [rahul@paytm ~]$
	}
	if hostArg(s, start) {
		return 0, 0, false // ssh deploy@upi
	}
	return start, end, true
}

// hostArg reports whether the word at i is an argument of a remote login
// or copy command (ssh, scp, sftp, mosh, rsync, telnet), user@host.
func hostArg(s string, i int) bool {
	if i < 4 || s[i-1] != ' ' {
		return false
	}
	k := i - 1
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	w := k
	for w > 0 && isLetter(s[w-1]) {
		w--
	}
	switch s[w:k] {
	case "ssh", "scp", "sftp", "mosh", "rsync", "telnet":
		return true
	}
	return false
}
