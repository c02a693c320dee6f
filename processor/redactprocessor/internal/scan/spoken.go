// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// spoken matches a number read out one digit at a time, as speech-to-text
// writes it in a call transcript: single digits split by a space, with
// ", " where the speaker paused ("3 4 6 2, 9 8 9 5 1 3, 9 4 0 9 0"). Such
// a run is
//
//   - a card number when it has 13 to 19 digits that start like a known
//     issuer's and pass the Luhn check;
//   - a US social security number when it has 9 digits valid as one and a
//     word naming one (ssnWords: "social", "SSN") stands within the eight
//     words before;
//   - a card security code when it has 3 or 4 digits right after a word
//     naming one (cvvWords: "security code 0 6 6 4");
//   - a phone number when it has 9 to 15 digits after a phone word
//     (phoneWords: "my number is 9 8 3 6 0 6 2 2 0 8").
//
// A run starts at its first digit (not inside another run) and is at
// most 19 digits; anything else spoken this way (an account, a phone with
// no word before it) is not taken: without a check digit or a word,
// single digits are counts and lists as often.
func (sc *Scanner) spoken(s string, i int) (Finding, bool) {
	if i >= 2 && s[i-1] == ' ' && (isDigit(s[i-2]) || (s[i-2] == ',' && i >= 3 && isDigit(s[i-3]))) {
		return Finding{}, false // inside a run
	}
	var d [20]byte
	nd, k, end := 0, i, i
	for k < len(s) && isDigit(s[k]) {
		if (k+1 < len(s) && isDigit(s[k+1])) || nd == len(d) {
			return Finding{}, false // a group of two digits or more: not spoken one by one
		}
		d[nd] = s[k]
		nd++
		end = k + 1
		switch {
		case k+2 < len(s) && s[k+1] == ' ' && isDigit(s[k+2]):
			k += 2
		case k+3 < len(s) && s[k+1] == ',' && s[k+2] == ' ' && isDigit(s[k+3]):
			k += 3
		default:
			k = len(s)
		}
	}
	if end < len(s) && isAlnum(s[end]) {
		return Finding{}, false
	}
	switch {
	case nd >= 13 && nd <= 19 && sc.on[CreditCard]:
		if cardPrefix(d[:nd]) && Luhn(string(d[:nd])) {
			return Finding{i, end, CreditCard}, true
		}
	case nd == 9 && sc.on[SSN]:
		ds := string(d[:9])
		if ssnValid(atoi(ds[0:3]), atoi(ds[3:5]), atoi(ds[5:9])) && contextNear(s, i, ssnWords, 8) {
			return Finding{i, end, SSN}, true
		}
	case (nd == 3 || nd == 4) && sc.on[CardCVV]:
		if contextNear(s, i, cvvWords, 2) {
			return Finding{i, end, CardCVV}, true
		}
	}
	if nd >= 9 && nd <= 15 && sc.on[Phone] && contextBefore(s, i, phoneWords) && !otherNumberNear(s, i) && !contextNear(s, i, callNouns, 3) {
		return Finding{i, end, Phone}, true // my number is 9 8 3 6 0 6 2 2 0 8
	}
	return Finding{}, false
}

// spokenGroups matches a number that speech-to-text wrote in groups of its
// own making, which no national format has: "my social is 757 3143 86",
// "o NIF 35 06 88 65 6", "aadhaar 26 50 36 47 47 25", "my number is 9 8 3
// 6 0 6 2 2 0 8". The run is three groups or more of one to four digits
// split by single spaces. With no shape to go by, a word must name it:
//
//   - a card: 13 to 19 digits that start like a known issuer's and pass
//     the Luhn check, after a word for a card among the eight words
//     before (cardWords; spokenCard, asked before the national formats);
//   - a phone: 9 to 15 digits after a phone word (phoneWords), none naming
//     another kind of number nearer;
//   - a US social security number: 9 digits valid as one, after an SSN
//     word within the eight words before (ssnWords);
//   - a national identity number: the digits pass the check of a kind
//     whose own word stands before them (spokenID), or, after a word for
//     an identity number that names no kind of this length, of any kind
//     of their length (anyKindValid).
func (sc *Scanner) spokenGroups(s string, r *numRun) (Finding, bool) {
	start, end, ok := spokenRun(s, r)
	if !ok || r.nd > 15 {
		return Finding{}, false
	}
	var d [15]byte
	r.digits(s, r.n, d[:])
	ds := d[:r.nd]
	if r.nd == 9 && sc.on[SSN] && ssnValid(atoi(string(ds[0:3])), atoi(string(ds[3:5])), atoi(string(ds[5:9]))) && contextNear(s, start, ssnWords, 8) {
		return Finding{start, end, SSN}, true
	}
	if sc.on[NationalID] && r.nd >= 9 && r.nd <= 13 && (spokenID(s, start, ds) || anyKindContext(s, start, r.nd) && r.anyKindValid(ds, 1)) {
		return Finding{start, end, NationalID}, true
	}
	if sc.on[Phone] && r.nd >= 9 && contextBefore(s, start, phoneWords) && !otherNumberNear(s, start) && !contextNear(s, start, callNouns, 3) {
		return Finding{start, end, Phone}, true
	}
	return Finding{}, false
}

// spokenCard is spokenGroups' card, asked before the national formats:
// their groups may be a phone's ("es 478 517 139 60 180 06").
func (sc *Scanner) spokenCard(s string, r *numRun) (Finding, bool) {
	if r.nd < 13 || r.nd > 19 || !sc.on[CreditCard] {
		return Finding{}, false
	}
	start, end, ok := spokenRun(s, r)
	if !ok {
		return Finding{}, false
	}
	var d [19]byte
	r.digits(s, r.n, d[:])
	if ds := d[:r.nd]; cardPrefix(ds) && Luhn(string(ds)) && contextNear(s, start, cardWords, 8) {
		return Finding{start, end, CreditCard}, true // la tarjeta es 4574 9417 5170 791 3
	}
	return Finding{}, false
}

// spokenRun returns the extent of r when it is written in speech-to-text's
// groups: three or more of one to four digits split by single spaces, in
// no parentheses, with no '+', and nothing glued after it.
func spokenRun(s string, r *numRun) (start, end int, ok bool) {
	if r.plus >= 0 || r.n < 3 || r.lparen >= 0 {
		return 0, 0, false
	}
	for j := range r.n {
		g := &r.g[j]
		if g.len() > 4 || g.open || g.close || (j > 0 && (g.sep != ' ' || s[g.start-1] != ' ' || s[g.start-2] == ' ')) {
			return 0, 0, false
		}
	}
	start, end = int(r.g[0].start), int(r.g[r.n-1].end)
	if end < len(s) && (isAlnum(s[end]) || s[end] == '-' || s[end] == '/' || s[end] == ':') {
		return 0, 0, false
	}
	return start, end, true
}

// spokenID reports whether d passes the check of an identity number of
// its length whose own word stands before start.
func spokenID(s string, start int, d []byte) bool {
	near := func(w *contextWords) bool { return contextNear(s, start, w, 4) }
	switch len(d) {
	case 9:
		return bsnValid(d) && near(bsnWords) || sinValid(d) && near(sinWords) || tfnValid(d) && near(tfnWords) ||
			nifPTValid(d) && near(nifWords) || ilValid(d) && near(ilWords)
	case 11:
		return peselValid(d) && near(peselWords) || steuerIDCheck(d) && near(steuerWords) || tcValid(d) && near(tcWords) ||
			cpfValid(d) && near(cpfWords)
	case 12:
		return aadhaarValid(d) && near(aadhaarWords)
	case 13:
		return cnpValid(d) && near(roWords) || zaIDValid(d) && near(zaWords)
	}
	return false
}

// cardWords name a payment card in the languages of the call transcripts
// spokenGroups reads ("my card is", "la tarjeta es", "kartım", "मेरा कार्ड").
var cardWords = newContextWords(
	"card", "cards", "tarjeta", "tarjetas", "cartão", "cartao", "carte", "carta", "karte", "kaart", "kart", "kartı",
	"kartım", "kartu", "kad", "thẻ", "kaarten", "karta", "kartę", "karty", "kortet", "kortti", "ikhadi", "कार्ड",
	"கார்டு", "কার্ড", "بطاقة", "بطاقتي", "الكارت", "کارڈ", "כרטיס", "卡", "卡号", "カード", "카드", "บัตร",
	"visa", "mastercard", "amex", "rupay", "troy", "mada", "elo",
)
