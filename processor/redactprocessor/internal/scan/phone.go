// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A phone number is one of:
//
//   - international: '+' or "00", a country calling code and a national
//     number of that country's length (callingCodes), in any grouping, with
//     an optional "(0)" trunk (+49 (0)40 382105-67);
//   - national, in one of the formats people use in the big markets
//     (nationalFormats), at least 8 digits;
//   - the value of an SMS or telephony API's recipient or sender field
//     (gatewayKey: to=, from=, msisdn=, "recipient": …), in one piece, a
//     number in E.164 without its '+' (e164);
//   - in a phone context (phoneContext: a word naming a phone before it,
//     Tel., Mob., Fax, call, 電話, …, phoneWords; a table column headed
//     like a phone; the answer to a question naming one), any number of 7
//     to 15 digits in at most 6 groups written the way phones are
//     (phoneSeps): 0 (212) 248 73 29, 8705 3054, 02/569.28.03.
//
// A lone last digit after a space is a count, not part of the number
// ("+44 20 7946 0958 2 times"), and a national number next to a currency
// is an amount ("612 345 678 €").

func (r *numRun) phone(s string, k int) (int, int, bool) {
	if k >= 3 && r.g[k-1].len() == 1 && r.g[k-1].sep == ' ' {
		return 0, 0, false
	}
	start, end, ok := r.phoneExtent(k)
	if !ok {
		return 0, 0, false
	}
	if r.plus >= 0 {
		return start, end, r.international(s, k, 0)
	}
	if codePrefix(s, start) {
		return 0, 0, false
	}
	g0 := &r.g[0]
	if !g0.open && g0.len() >= 2 && s[g0.start] == '0' && s[g0.start+1] == '0' && r.international(s, k, 2) {
		return start, end, true // 0049 40 382105-67
	}
	nd := 0
	for j := range k {
		nd += r.g[j].len()
	}
	if nd >= 8 && (g0.len() < 2 || s[g0.start] != '0' || s[g0.start+1] != '0') {
		if wrapped, ok := r.national(s, start, k, nd); ok {
			if wrapped {
				return int(g0.start), int(r.g[k-1].end), true
			}
			return start, end, true
		}
	}
	if nd >= 7 && nd <= 15 && k <= 6 && r.phoneSeps(k) && !dateShape(s, r, k) && !ipShape(r, k) && !stampShape(s, r, k) && !dtmfAfter(s, end) &&
		!otherNumberNear(s, start) && !amountNear(s, start, end) && r.inPhoneContext(s, start, nd) {
		return start, end, true
	}
	if k == 1 && gatewayKey(s, start) && e164(s[start:end]) {
		return start, end, true // to=4915123456789, "msisdn": "447700900123"
	}
	if k == 1 && nd >= 11 && gatewayWord(s, start) && e164Mobile(s[start:end]) {
		return start, end, true // received from 923203044046
	}
	if k == 1 && (nd == 11 || nd == 12 || nd == 13) && intlMobileAlone(s[start:end]) && !otherNumberNear(s, start) && !amountNear(s, start, end) {
		// a West African mobile in E.164 without its '+' (221706708182,
		// 237679387990), as mobile-money SMS, CDR and KYC exports write
		// them: their calling code and mobile range make them unlike
		// other numbers of their length
		return start, end, true
	}
	return 0, 0, false
}

// inPhoneContext is phoneContext for a number of nd digits: one of 7
// digits (a local number, 555-0100) is not taken as the next of a list of
// phones, where it is as often a count or a code.
func (r *numRun) inPhoneContext(s string, start, nd int) bool {
	if nd >= 8 {
		return phoneContext(s, start, r.ctx)
	}
	return contextBefore(s, start, phoneWords) || phoneColumn(s, start, r.ctx.memo) || answerContext(s, start, phoneWords) ||
		questionContext(s, start, phoneWords)
}

// national reports whether the first k groups (nd digits) are written in a
// national format; wrapped says the number sits in parentheses that are
// not part of it ("(06 12 34 56 78)"). A plain format (digits and blanks
// only) needs 9 digits, one with parentheses, '-', '/' or '.' in fixed
// places 8; and a number right after a word naming another kind of number
// (order, invoice, Artikelnummer, 注文番号) or next to a currency is none,
// unless a phone word stands before it.
func (r *numRun) national(s string, start, k, nd int) (wrapped, ok bool) {
	g0, last := &r.g[0], &r.g[k-1]
	// A ')' after the number that closes nothing in it, or a '(' before it
	// that nothing closes, is not part of it ("… 78)", "(06 …").
	opens, closes := 0, 0
	for j := range k {
		if r.g[j].open {
			opens++
		}
		if r.g[j].close {
			closes++
		}
	}
	open0, closeLast := g0.open && opens > closes, last.close && closes > opens
	for _, f := range formatsBy[k][s[g0.start]-'0'] {
		if nd < 9 && !f.marked {
			continue
		}
		plain := f.match(s, r, k, open0, closeLast)
		wrapped := !plain && g0.open && last.close && f.match(s, r, k, true, true)
		if !plain && !wrapped {
			continue
		}
		if amountNear(s, start, int(last.end)) || otherNumberNear(s, start) {
			return false, false
		}
		if zipShape(r, k) && !phoneContext(s, start, r.ctx) {
			return false, false // 02139-4307: a ZIP+4 code
		}
		if !contextBefore(s, start, phoneWords) && !gatewayKey(s, start) && (numberWordBefore(s, start) || (k == 1 && !onePieceAlone(s, start, int(last.end)))) {
			return false, false // Auftragsnummer 0712345678, ts=0712345678, #0712345678, 0612345678.pdf (not to=0612345678)
		}
		return wrapped, true
	}
	return false, false
}

// phoneExtent returns the extent of a phone number made of the first k
// groups: from the '+' (or the first digit, or a '(' the number closes) to
// the last digit (or the ')' closing a '(' inside the number).
func (r *numRun) phoneExtent(k int) (start, end int, ok bool) {
	g0 := &r.g[0]
	depth := 0
	switch {
	case r.plus >= 0 && r.lparen >= 0 && g0.close:
		start = r.lparen // (+34) 91 123 45 67
		depth = 1
	case r.plus >= 0:
		start = r.plus
	case g0.open:
		start = int(g0.start) - 1
	default:
		start = int(g0.start)
	}
	end = int(r.g[k-1].end)
	for j := range k {
		g := &r.g[j]
		if g.open && int(g.start)-1 >= start {
			depth++
		}
		if g.close {
			switch {
			case depth > 0:
				depth--
				if j == k-1 {
					end++
				}
			case j != k-1:
				return 0, 0, false // closes a '(' before the number
			}
		}
	}
	if depth > 0 && g0.open && start == int(g0.start)-1 {
		start = int(g0.start)
		depth--
	}
	return start, end, depth == 0
}

// international checks the first k groups as a number in international
// notation; skip is the length of an international prefix ("00") to drop.
func (r *numRun) international(s string, k, skip int) bool {
	var d [24]byte
	nd, first := 0, 0
	for j := range k {
		g := &r.g[j]
		if j > 0 && g.open && g.close && g.len() == 1 && s[g.start] == '0' {
			continue // the "(0)" of +49 (0)40
		}
		for p := g.start; p < g.end; p++ {
			if nd == len(d) {
				return false
			}
			d[nd] = s[p]
			nd++
		}
		if j == 0 {
			first = nd - skip
		}
	}
	digits := string(d[skip:nd])
	if first == 0 && k > 1 { // "00 49 …": the code is the next group
		first = r.g[1].len()
	}
	if len(digits) < 8 || len(digits) > 15 {
		return false
	}
	for l := 1; l <= 3; l++ {
		lens, ok := callingCodes[uint16(atoi(digits[:l]))]
		if !ok {
			continue
		}
		if first != l && first != len(digits) {
			return false // the code must stand alone, or the number be in one piece
		}
		nsn := digits[l:]
		if strings.Trim(nsn, "0") == "" {
			return false // +49 000 0000000: a form's placeholder
		}
		if skip > 0 && (len(nsn) < 8 || nsn[0] == '0') {
			return false // "00" is weaker evidence than '+': SN 0049-2231-77
		}
		if !fits(nsn, lens) && (nsn[0] != '0' || !fits(nsn[1:], lens)) {
			return false // (a trunk 0 written after the code is tolerated: +44 020 …)
		}
		if l == 1 && nsn[0] < '2' {
			return false // NANP: the area code starts with 2-9
		}
		return true
	}
	return false
}

func fits(nsn string, lens [2]uint8) bool {
	return len(nsn) >= int(lens[0]) && len(nsn) <= int(lens[1])
}

// phoneSeps reports whether the separators of the first k groups are ones
// phone numbers use: one kind, or blanks with one '-' or '/' kind ("0664/123
// 4567"); dots only alone and at least twice (a lone '.' makes a decimal).
// A '/' after an area code of at most 5 digits may precede any of these
// (the slash notation of AT, BE, CH, DE: 01/452 52 20, 02/569.28.03).
func (r *numRun) phoneSeps(k int) bool {
	var other byte
	dots, from := 0, 1
	if k > 2 && r.g[1].sep == '/' && r.g[0].len() <= 5 {
		from = 2 // the area code, then a slash: 02/569.28.03, 01/452 52 20
	}
	for j := from; j < k; j++ {
		switch sep := r.g[j].sep; sep {
		case ' ', 0:
		case '-', '/', '.':
			if other != 0 && other != sep {
				return false
			}
			other = sep
			if sep == '.' {
				dots++
			}
		default:
			return false
		}
	}
	return dots == 0 || (dots >= 2 && dots == k-from)
}

// zipShape reports whether the first k groups are written like a US ZIP+4
// code (02139-4307): a phone in that shape needs a phone context.
func zipShape(r *numRun, k int) bool {
	return k == 2 && r.g[0].len() == 5 && r.g[1].len() == 4 && r.g[1].sep == '-'
}

// dateShape reports whether the first three groups read as a date
// (2024-01-15, 15.01.2024, 2024-01-15 10:30), or as a date with a
// two-digit year joined by '/', '-' or '.' before the hour of a time
// (12/5/24 10:05, as WhatsApp's Android export writes its lines in
// Spanish; [12-03-25 09:20]: no phone plan writes a number so).
func dateShape(s string, r *numRun, k int) bool {
	if k < 3 || r.g[1].sep != r.g[2].sep || r.g[1].sep == ' ' {
		return false
	}
	a, b, c := r.g[0].len(), r.g[1].len(), r.g[2].len()
	if b <= 2 && ((a == 4 && c <= 2) || (a <= 2 && c == 4)) {
		return true
	}
	if sep := r.g[1].sep; sep != '/' && sep != '-' && sep != '.' || a > 2 || b > 2 || c != 2 || k < 4 || r.g[3].sep != ' ' || r.g[3].len() > 2 {
		return false
	}
	d, m := atoi(r.g[0].digitsOf(s)), atoi(r.g[1].digitsOf(s))
	return int(r.g[3].end) < len(s) && s[r.g[3].end] == ':' && d >= 1 && m >= 1 && min(d, m) <= 12 && max(d, m) <= 31
}

// codePrefix reports whether the number at start is joined by '/', '-' or
// '_' to the letters before it: one identifier (ZGL/039589/2025,
// INV-0712345678), unless the letters are a phone word (Tel/030 1234567).
func codePrefix(s string, start int) bool {
	glued := gluedPrefix(s, start) || start >= 2 && s[start-1] == '/' && isLetter(s[start-2])
	return glued && (!contextNear(s, start-1, phoneWords, 1) || codeBeforeWord(s, start-1))
}

// codeBeforeWord reports whether the letters ending at e are themselves
// joined by '-', '/' or '_' to a code's letters or digits before them
// (RX-PH-8940608: PH is a part of the order's code, not "Ph." for a
// phone).
func codeBeforeWord(s string, e int) bool {
	w := e
	for w > 0 && e-w < 8 && isLetter(s[w-1]) {
		w--
	}
	return w >= 2 && w < e && (s[w-1] == '-' || s[w-1] == '/' || s[w-1] == '_') && isAlnum(s[w-2])
}

// otherNumberNear reports whether one of the two words before start names
// another kind of number (notPhoneWords) and no phone word is nearer:
// "Fax/Kundennummer 0123 456789", "direct deposit to routing 021000021"
// are not phones, "Bestellung per Telefon 030 1234567" is.
func otherNumberNear(s string, start int) bool {
	if contextNear(s, start, notPhonePairs, 2) {
		return true // a phone word after the word of another number: İşlem numarası
	}
	if g := groupBefore(s, start); g >= 0 && g < start {
		// The number's run starts with another group, which the number is
		// not: the words before the run name it (Meeting ID: 219 583 104
		// 772, ABN 33 051 775 556).
		if contextNear(s, g, notPhoneWords, 2) && !contextNear(s, g, phoneWords, 1) {
			return true
		}
	}
	return contextNear(s, start, notPhoneWords, 2) && !contextNear(s, start, phoneWords, 1) && !callbackBefore(s, start) && !phonePairNear(s, start) && !hostBefore(s, start) &&
		!countryLabel(s, start)
}

// callbackBefore reports whether "cb" (call back, as call-centre and
// billing notes write it: "cb (513) 302-7728") stands right before the
// number at start, a word of its own, then a blank, ':' or '#': not the
// CB of a chargeback's id (CB-2024-04412) or a code (IAY-8941-CB).
func callbackBefore(s string, start int) bool {
	k := start
	if k > 0 && s[k-1] == '(' {
		k--
	}
	for k > 0 && start-k < 4 && s[k-1] == ' ' {
		k--
	}
	if k > 0 && (s[k-1] == ':' || s[k-1] == '#') {
		k--
	}
	if k == start || k < 2 || s[k-1]|0x20 != 'b' || s[k-2]|0x20 != 'c' || (s[k-1]^s[k-2])&0x20 != 0 {
		return false
	}
	return k == 2 || !isAlnum(s[k-3]) && s[k-3] != '-'
}

// callNouns are "call" as a noun, the phone word of the phrase, right
// before a number of the call's own (a reference, a case): no one asks
// to call it. (Asked of digits spoken one by one, the shape such a
// reference is read out in.)
var callNouns = newContextWords("this call", "the call", "that call", "your call", "today's call")

// notPhonePairs are another number's word followed by a phone word that
// means "number" too: Turkish "transaction", "order", "tracking",
// "invoice", "receipt", "reference", "customer" and "account" number.
var notPhonePairs = newContextWords(
	"işlem numarası", "İşlem numarası", "islem numarasi", "sipariş numarası", "Sipariş numarası", "siparis numarasi",
	"takip numarası", "Takip numarası", "takip numarasi", "fatura numarası", "Fatura numarası", "fatura numarasi",
	"dekont numarası", "Dekont numarası", "referans numarası", "Referans numarası", "referans numarasi",
	"müşteri numarası", "Müşteri numarası", "musteri numarasi", "hesap numarası", "Hesap numarası", "hesap numarasi",
)

// phonePairNear reports whether the two words before start are a phone
// word's pair whose last word names another number by itself ("wa_id",
// "WhatsApp ID": the id is the number; "Contact no.", Hindi "papa ka
// number": a contact's, someone's number).
func phonePairNear(s string, start int) bool {
	return contextNear(s, start, phoneIDPairs, 2)
}

var phoneIDPairs = newContextWords("wa id", "whatsapp id", "raast id", "contact no", "contact number", "contact num", "ka number", "ki number")

// countryLabel reports whether a country's code in parentheses and a colon
// stand right before start ("Customer (ID): 0812-3456-7890"): it says
// whose number follows (Indonesia's, here), it does not name an id.
func countryLabel(s string, start int) bool {
	k := start
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k > 0 && s[k-1] == ':' {
		k--
	}
	return k >= 4 && s[k-1] == ')' && s[k-4] == '(' && isUpper(s[k-3]) && isUpper(s[k-2])
}

// hostBefore reports whether the text before start (blanks and table bars
// between) ends with an e-mail address or a host name of three labels or
// more: the "id" of siti@yahoo.co.id is a domain's label, not a word
// naming the number after it (that of order.id is).
func hostBefore(s string, start int) bool {
	k := start
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t' || s[k-1] == '|') {
		k--
	}
	w := k
	for w > 0 && isAlnum(s[w-1]) {
		w--
	}
	if w == k || w < 2 || s[w-1] != '.' || !isAlnum(s[w-2]) {
		return false
	}
	dots := 0
	for t := w - 1; t >= 0 && k-t < 254; t-- {
		switch c := s[t]; {
		case c == '@':
			return true
		case c == '.':
			dots++
		case !isAlnum(c) && c != '-' && c != '_':
			return dots >= 2 // a.b.c: a host; order.id: a field
		}
	}
	return dots >= 2
}

// stampShape reports whether a number in one piece reads as a date or a
// time stamp: YYYYMMDD, YYYYMMDDhhmm or YYYYMMDDhhmmss (20240315143207),
// with a year 19xx or 20xx and a valid date and time, or Unix time in
// milliseconds (1764053083333: 13 digits starting with 1, September 2001
// to May 2033, what JavaScript's Date.now() and Android's SMS export
// write). No numbering plan has a 13-digit number starting with 1 written
// without a '+': after the NANP's 1 come 10 digits.
func stampShape(s string, r *numRun, k int) bool {
	nd := r.g[0].len()
	if k == 1 && nd == 13 && s[r.g[0].start] == '1' {
		return true
	}
	if k != 1 || (nd != 8 && nd != 12 && nd != 14) {
		return false
	}
	d := s[r.g[0].start:r.g[0].end]
	if y := atoi(d[:4]); y < 1900 || y > 2099 || !dateValid(y, atoi(d[4:6]), atoi(d[6:8])) {
		return false
	}
	return nd == 8 || (atoi(d[8:10]) < 24 && atoi(d[10:12]) < 60 && (nd == 12 || atoi(d[12:14]) < 60))
}

// dtmfAfter reports whether the number ending at end is keyed in after a
// call is placed: '#' follows it (a meeting or conference id in a one-tap
// dial string, +1-617-555-0100,,88230783082#).
func dtmfAfter(s string, end int) bool {
	return end < len(s) && s[end] == '#'
}

// ipShape reports whether four groups read as an IPv4 address (one the
// ipv4 detector left alone: a netmask, loopback, a version).
func ipShape(r *numRun, k int) bool {
	if k != 4 || !r.sameSep(4, ".") {
		return false
	}
	for j := range 4 {
		if r.g[j].len() > 3 {
			return false
		}
	}
	return true
}

// amountNear reports whether a currency stands right before or after
// s[start:end] (one space between allowed).
func amountNear(s string, start, end int) bool {
	j := end
	if j < len(s) && s[j] == ' ' {
		j++
	}
	e := j
	for e < len(s) && e-j < 8 && (isLetter(s[e]) || s[e] >= utf8.RuneSelf || s[e] == '$' || s[e] == '%') {
		e++
	}
	i := start
	if i > 0 && s[i-1] == ' ' {
		i--
	}
	b := i
	for b > 0 && i-b < 8 && (isLetter(s[b-1]) || s[b-1] >= utf8.RuneSelf || s[b-1] == '$') {
		b--
	}
	return currency(s[j:e], true) || currency(s[b:i], false)
}

// currency reports whether w (the word after a number, or before it) is or
// starts (ends) with a currency.
func currency(w string, after bool) bool {
	if w == "" {
		return false
	}
	var buf [8]byte
	lw := lowerInto(buf[:], w)
	if lw == nil {
		return false
	}
	if currencies[string(lw)] {
		return true
	}
	// A symbol glued to a word: "€ 612 …" is caught above, "612…€" here.
	for _, sym := range currencySymbols {
		if (after && strings.HasPrefix(w, sym)) || (!after && strings.HasSuffix(w, sym)) {
			return true
		}
	}
	return false
}

// currencySymbols: the common ones and the other signs of Unicode's
// currency block (lira, ruble, won, shekel, dong, peso, naira, hryvnia,
// tenge, manat, lari, baht).
var currencySymbols = []string{"€", "$", "£", "¥", "₹", "%", "₺", "₽", "₩", "₪", "₫", "₱", "₦", "₴", "₸", "₼", "₾", "฿"}

var currencies = map[string]bool{
	"€": true, "$": true, "£": true, "¥": true, "₹": true, "%": true, "zł": true, "kr": true, "eur": true,
	"usd": true, "gbp": true, "chf": true, "pln": true, "sek": true, "nok": true, "dkk": true, "jpy": true,
	"cny": true, "rmb": true, "inr": true, "brl": true, "mxn": true, "aud": true, "cad": true, "euro": true,
	"euros": true, "dollars": true, "₺": true, "₽": true, "₩": true, "₪": true, "₫": true, "₱": true, "₦": true,
	"₴": true, "₸": true, "₼": true, "₾": true, "฿": true, "try": true, "rub": true, "krw": true, "ils": true,
	"vnd": true, "thb": true, "idr": true, "myr": true, "sgd": true, "hkd": true, "nzd": true, "zar": true,
	"huf": true, "czk": true, "kč": true, "ron": true, "lei": true, "uah": true, "tl": true, "r$": true,
}

// notPhoneWords name other kinds of numbers written like phone numbers.
var notPhoneWords = newContextWords(
	"order", "orders", "ordine", "pedido", "commande", "bestellung", "bestellnummer", "bestellnr", "auftrag",
	"artikel", "artikelnummer", "artikelnr", "article", "item", "sku", "invoice", "rechnung", "rechnungsnummer",
	"facture", "factura", "fattura", "ticket", "case", "tracking", "sendung", "sendungsnummer", "serial",
	"sn", "part", "charge", "batch", "lot", "ref", "reference", "referenz", "id", "account", "konto",
	"kundennummer", "kundennr", "contract", "vertrag", "policy", "claim", "isbn", "ean", "imei",
	"vin", "pnr", "booking", "buchung", "issn", "s n", "serie", "seriennummer", "zip", "plz", "postcode", "postleitzahl",
	"dossier", "protocolo", "protocollo", "pratica", "fiscal", "ts", "timestamp", "uid", "uuid", "build", "pr", "row",
	"offset", "total", "size", "count", "amount", "balance", "saldo", "betrag", "orden", "commit", "aktenzeichen", "az",
	"bankgiro", "plusgiro", "swish", "organisationsnummer", "orgnr", "routing", "aba", "rtn",
	"zamówienie", "заказ", "订单", "注文", "договор", "счет", "счёт", "注文番号", "订单号", "受付番号",
	// a business's VAT number: Italy's partita IVA (P.IVA 09024265905),
	// France's TVA, the Netherlands' BTW, Germany's USt-IdNr.
	"iva", "partita iva", "vat", "tva", "btw", "ust", "ustid",
	// a US provider's National Provider Identifier (public, in the NPPES
	// registry): 10 digits written like a phone
	"npi",
	// a transaction's number in Spanish and Portuguese (operación
	// 15235473300), a Brazilian vehicle's registry number
	"operación", "operacion", "operação", "operacao", "renavam",
	// Other numbers written like phones: a US tax or social security
	// number, a company's D-U-N-S number, a hotel's or an airline's
	// confirmation.
	"ssn", "itin", "ein", "duns", "conf", "confirmation", "bestätigung", "buchungsbestätigung", "reservation", "réservation",
	"reserva", "prenotazione", "reservierung",
	// Company and tax registration numbers, grouped in threes as phones
	// are (SIRET 812 345 678 00021, NIPC 509 112 334, KvK, CVR, ABN).
	"siret", "siren", "nipc", "nif", "vat", "tva", "btw", "kvk", "cif", "cvr", "abn", "acn", "ust", "steuernummer",
	"rcs", "kbo", "ondernemingsnummer",
	// Freight: air waybills (MAWB, HAWB), Mexico's guía (a waybill),
	// India's IEC (an importer's code), a customs entry (pedimento), a
	// consignment, a German parcel's Sendungsnummer.
	"awb", "awbs", "mawb", "hawb", "hawbs", "guía", "guia", "iec", "pedimento", "consignment", "sendungsnummer",
	// Turkish "transaction", "tracking", "invoice", "receipt", "reference"
	// (the same before "numarası", a phone's word too: notPhonePairs).
	"işlem", "islem", "takip", "fatura", "dekont", "referans",
	// "Order" in more scripts and languages.
	"ऑर्डर", "आदेश", "অর্ডার", "طلب", "الطلب", "سفارش", "sipariş", "siparis", "pesanan", "คำสั่งซื้อ", "주문", "הזמנה",
	"encomenda", "bestilling", "beställning", "tilaus", "objednávka", "rendelés", "comanda",
)

var phoneWords = newContextWords(
	"tel", "tele", "telefon", "telefono", "telefone", "telephone", "phone", "ph", "mobile", "mob", "mobil",
	"festnetz", "office", "direct", "landline", "gsm", "natel", "kom", "fijo", "cel",
	"mobiel", "movil", "cell", "cellphone", "cellulare", "celular", "handy", "fax", "call", "ring",
	"dial", "sms", "whatsapp", "hotline", "portable", "tlf", "tfn", "puhelin", "appeler", "appelez",
	"ligar", "ligue", "liga", "telemóvel", "telemovel", "contacto",
	"nequi", "daviplata", // (Colombia's mobile wallets: the account is the phone number)
	"telefonum", "telefonu", "telefonumu",
	"llamar", "chiamare", "chiamami", "bellen", "anrufen", "rufnummer", "telefonnummer", "durchwahl",
	// a caller's number as a call log prints it (Anrufer-ID, caller ID)
	"anrufer id", "anrufer-id", "caller id", "anrufernummer",
	// a call back ("cb" right before the number: callbackBefore)
	"callback", "call back",
	"hp", "handphone", "telp", "nomor", "ponsel", "tél", "téléphone", "teléfono", "móvil", "llámame", "zadzwoń", "komórka", "電話", "携帯", "电话",
	"手机", "联系", "☎", "📞", "📱", "тел", "моб", "утас", // (утас: Mongolian)
	"my number", "our number", "your number", "his number", "her number", "mobile number", "my line",
	"meine nummer", "mon numéro", "mi número", "mijn nummer",
	// "My number (is)", "my mobile" and the words for a phone number as
	// people write them in chat, in more languages: a pair is a word and
	// the word right after it ("nummeret mitt er 422 42 221"), a non-ASCII
	// word also matches inside a longer one (телефон in телефона). Words
	// that mean any number (番号, 번호, nomor alone) are not here: an
	// order number follows them as often.
	"mitt nummer", "mit nummer", "nummeret mitt", "nummeret mit", "mobilnummer", "mobilnr", "telefonnr", "handynummer",
	"festnetznummer", "zweitnummer", "rückrufnummer", "telefoonnummer", "mijn mobiel", "numeroni", "puhelinnumero", "minu number", "mobiil",
	"mans numurs", "tālrunis", "tālr", "mano numeris", "telefono numeris", "mój numer", "numer telefonu", "komórki",
	"moje číslo", "mé číslo", "telefonní", "číslo telefonu", "számom", "telefonszám", "telefonszámom", "mobilszám",
	"numărul meu", "numarul meu", "mio numero", "mio cellulare", "meu número", "meu numero", "meu celular",
	"whats", "wpp", "wsp", "celu", "mi celu", "mi cel", "mi móvil", "mi teléfono", "mon portable", "mon tel", "mon tél",
	"κινητό", "κινητο", "τηλέφωνο", "τηλέφωνό", "τηλ", "numaram", "numaramı", "мой номер", "мій номер",
	"моят номер", "мој број", "moj broj", "телефон", "мобильный", "мобільний", "мобилен", "המספר שלי", "טלפון",
	"נייד", "פלאפון", "رقمي", "جوال", "جوالي", "موبايل", "موبايلي", "هاتف", "هاتفي", "تلفون", "موبایل", "تلفن",
	"شماره من", "شماره تماس", "میرا نمبر", "موبائل", "मेरा नंबर", "mera number", "फोन", "फ़ोन", "मोबाइल",
	"আমার নম্বর", "ফোন", "মোবাইল", "เบอร์", "โทร", "sđt", "sdt", "điện thoại", "no hp", "nombor telefon",
	"numero ko", "namba yangu", "simu", "電話番号", "携帯番号", "전화번호", "휴대폰", "핸드폰", "연락처",
	"手机号", "电话号码", "手机号码",
	// As keys name them: WhatsApp's wa_id, an MSISDN, a CamelCase field.
	"wa id", "msisdn", "phonenumber", "mobilenumber", "phoneno", "mobileno", "cellnumber",
	// a contact's number ("Contact no.") and someone's in Hindi ("papa ka
	// number")
	"contact no", "contact number", "contact num", "ka number", "ki number", "alt no", "alt number", "alternate no", "alternate number",
	// Chile's fono, Malay's "my number", Turkish "his/her number".
	"fono", "nombor saya", "numarası", "numarasi", "cep telefonu", "pager", "beeper",
	// "Call" and "hotline" in Polish, "contacts" and "phone" in
	// Lithuanian, "phone" in Icelandic, "call" in Danish/Norwegian and
	// Swedish imperatives, "mobile" in Slovenian and Croatian.
	"dzwonić", "dzwoń", "dzwonic", "infolinia", "infolinii", "kontaktai", "telefonas", "telefonu nr", "sími", "símanúmer",
	"farsími", "gsm nr", "ringe", "ring mig", "ringer", "mobitel", "mobilni", "mobilna",
)

// A compiled national format.
type natFormat struct {
	region string
	groups []fmtGroup
	marked bool // parentheses, or '-', '/', '.' in fixed places
}

type fmtGroup struct {
	toks        []digitTok
	min, max    int // digits
	open, close bool
	sep         byte // before the group: 0 none, anySep, or '-', '/', '.'
}

// digitTok is a set of digits (bit d for digit d), repeated min to max
// times.
type digitTok struct {
	set      uint16
	min, max byte
}

func digitRange(lo, hi byte) uint16 { return (1<<(hi-'0'+1) - 1) &^ (1<<(lo-'0') - 1) }

// anySep is a blank, '-' or '.' (the same in one number); blankSep a blank
// only.
const anySep, blankSep = 'a', 'b'

// formatsBy holds the compiled nationalFormats by number of groups and
// first digit.
var formatsBy [maxGroups + 1][10][]*natFormat

func init() {
	for _, nf := range nationalFormats {
		f, err := compileFormat(nf.region, nf.pattern)
		if err != nil {
			panic(err)
		}
		k := len(f.groups)
		for d := range 10 {
			if f.groups[0].toks[0].set&(1<<d) != 0 {
				formatsBy[k][d] = append(formatsBy[k][d], f)
			}
		}
	}
}

func compileFormat(region, p string) (*natFormat, error) {
	f := &natFormat{region: region}
	var sep byte
	inGroup, open := false, false
	bad := func(why string) error { return fmt.Errorf("phone format %s %q: %s", region, p, why) }
	for i := 0; i < len(p); i++ {
		c := p[i]
		var t digitTok
		switch {
		case c == '#':
			t = digitTok{digitRange('0', '9'), 1, 1}
		case c == 'N':
			t = digitTok{digitRange('2', '9'), 1, 1}
		case c >= '0' && c <= '9':
			t = digitTok{digitRange(c, c), 1, 1}
		case c == '[':
			e := strings.IndexByte(p[i:], ']')
			if e < 2 {
				return nil, bad("bad class")
			}
			set := p[i+1 : i+e]
			t = digitTok{0, 1, 1}
			for k := 0; k < len(set); k++ {
				if set[k] < '0' || set[k] > '9' {
					return nil, bad("bad class")
				}
				if k+2 < len(set) && set[k+1] == '-' {
					t.set |= digitRange(set[k], set[k+2])
					k += 2
				} else {
					t.set |= digitRange(set[k], set[k])
				}
			}
			i += e
		case c == '(':
			if inGroup {
				inGroup = false
			}
			open, f.marked = true, true
			continue
		case c == ')':
			if !inGroup {
				return nil, bad("')' after no group")
			}
			f.groups[len(f.groups)-1].close = true
			inGroup = false
			continue
		case c == ' ':
			if inGroup || sep == 0 {
				sep = anySep
			}
			inGroup = false
			continue
		case c == '_':
			sep, inGroup = blankSep, false
			continue
		case c == '-' || c == '/' || c == '.':
			sep, f.marked = c, true
			inGroup = false
			continue
		default:
			return nil, bad(fmt.Sprintf("unknown %q", c))
		}
		if i+1 < len(p) && p[i+1] == '{' {
			var lo, hi int
			e := strings.IndexByte(p[i:], '}')
			if e < 0 {
				return nil, bad("unclosed {")
			}
			if _, err := fmt.Sscanf(p[i+1:i+e+1], "{%d,%d}", &lo, &hi); err != nil || lo < 0 || hi < lo {
				return nil, bad("bad repeat")
			}
			t.min, t.max = byte(lo), byte(hi)
			i += e
		}
		if !inGroup {
			if len(f.groups) == maxGroups {
				return nil, bad("too many groups")
			}
			g := fmtGroup{open: open}
			if len(f.groups) > 0 {
				g.sep = sep
			}
			f.groups = append(f.groups, g)
			inGroup, open, sep = true, false, 0
		}
		g := &f.groups[len(f.groups)-1]
		g.toks = append(g.toks, t)
		g.min += int(t.min)
		g.max += int(t.max)
	}
	if len(f.groups) == 0 {
		return nil, bad("no digits")
	}
	return f, nil
}

// match reports whether the first k groups of r are written in format f,
// ignoring a '(' before the first group (noOpen) and a ')' after the last
// (noClose).
func (f *natFormat) match(s string, r *numRun, k int, noOpen, noClose bool) bool {
	if len(f.groups) != k {
		return false
	}
	var any byte
	for j := range k {
		fg, g := &f.groups[j], &r.g[j]
		open, closed := g.open, g.close
		if noOpen && j == 0 {
			open = false
		}
		if noClose && j == k-1 {
			closed = false
		}
		if open != fg.open || closed != fg.close || g.len() < fg.min || g.len() > fg.max {
			return false
		}
		if j > 0 {
			switch {
			case fg.sep == anySep:
				if g.sep != ' ' && g.sep != '-' && g.sep != '.' {
					return false
				}
				if any == 0 {
					any = g.sep
				} else if g.sep != any {
					return false
				}
			case fg.sep == blankSep:
				if g.sep != ' ' {
					return false
				}
			case g.sep != fg.sep:
				return false
			}
		}
		if !matchToks(fg.toks, g.digitsOf(s)) {
			return false
		}
	}
	return true
}

func matchToks(toks []digitTok, d string) bool {
	if len(toks) == 0 {
		return d == ""
	}
	t := toks[0]
	for n := 0; n <= int(t.max) && n <= len(d); n++ {
		if n > 0 && t.set&(1<<(d[n-1]-'0')) == 0 {
			return false
		}
		if n >= int(t.min) && matchToks(toks[1:], d[n:]) {
			return true
		}
	}
	return false
}

// groupBefore returns where the group of 1 to 4 digits set apart by one
// blank right before start begins, or -1.
func groupBefore(s string, start int) int {
	if start < 3 || s[start-1] != ' ' || !isDigit(s[start-2]) {
		return -1
	}
	g := start - 2
	for g > 0 && start-1-g < 4 && isDigit(s[g-1]) {
		g--
	}
	if g > 0 && (isDigit(s[g-1]) || isLetter(s[g-1])) {
		return -1
	}
	return g
}
