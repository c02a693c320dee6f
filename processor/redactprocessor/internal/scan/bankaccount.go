// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// A domestic bank account number (detector bank_account): what payroll
// onboarding, refunds and direct debits ask for where no IBAN is used (US,
// CA, GB beside the sort code, AU beside the BSB, IN beside the IFSC, ZA,
// SG, BR, MX CLABE). Most have no shape of its own (6 to 18 digits, maybe
// in groups: 012-85301-1, 649435-9), so they are found only where their
// label names them (the numbers a check digit singles out, NZ accounts,
// AR CBUs, MX CLABEs, need none: nzAccount, checkedAccount):
//
//   - right before it, as a form or a key writes it: "Account number:
//     2511244933", "Bank A/c no.: 016577994477", "account_no": "…",
//     "accountNumber=…", "Kontonummer: …", "Conta corrente 649435-9",
//     "CLABE interbancaria: 524225569679350339";
//   - as the header of its table column (bank_account; account_number or
//     account_no beside a bank's code: bsb, routing, ifsc;
//     bankAccountColumn).
//
// The bank's own codes beside it are public and kept: a routing number
// (ABA), a sort code, a BSB, an IFSC, a branch or transit number, each in
// its own field. Written right before the account as one value (a UK
// sort code and account, a Canadian transit-institution-account: see
// codedAccount) they are reported with it. A card number under an
// account label is a card (the card detector decides it).

// bankAccountWords name a bank account number whatever stands around
// them: the English labels of forms and keys for a bank's account
// (snake_case split into words, camelCase as one word) and the other
// languages' words for it.
var bankAccountWords = keyedWords(
	"bank account", "bank acct", "bank a c", "checking account", "savings account", "a c no", "a c number", "a c", // A/c no. (IN)
	"bankaccount", "bankaccountnumber", "bankaccountno", "salary account", "refund account",
	"kontonummer", "kontonr", "konto nr", "bankkonto", "numer konta", "rekeningnummer", "rekeningnr", "tilinumero",
	"numéro de compte", "n° de compte", "número de cuenta", "numero de cuenta", "cuenta bancaria", "número de conta",
	"numero de conta", "conta corrente", "conta poupança", "numero di conto", "numero conto", "conto corrente",
	"numero cuenta", "nro cuenta", "nro de cuenta", "num cuenta", "numero conta", // (a payout file's numero_cuenta, nro_cuenta)
	"clabe", "clabe interbancaria", "口座番号", "계좌번호", "银行账号", "银行卡号",
	// mainland China's account number (账号, 帐号: a bank's, a housing
	// fund's 公积金账号, as invoices and payout forms write 开户行及账号)
	"账号", "帐号", "账户", "公积金账号",
	// Taiwan's and Hong Kong's words for a bank account's number, in
	// traditional characters (帳號, 帳戶, 戶口號碼)
	"帳號", "帳戶", "銀行帳號", "銀行帳戶", "戶口號碼", "戶口", "帐户",
	// a Japanese account's type before its number (普通 1234567, as
	// transfer instructions write it), Korean banks' names (신한
	// 110-123-456789, 하나은행 …, 우리 …: Woori), and the banks whose name
	// stands for "account" in HK, SG, AU and NZ chats (HSBC 123-456789-001)
	"普通", "当座", "普通預金", "当座預金", "支店", "은행", "계좌", "신한", "국민", "우리", "농협", "카카오뱅크", "토스뱅크", "케이뱅크",
	"hsbc", "dbs", "posb", "ocbc", "uob", "commbank", "westpac", "anz", "nab", "asb", "bnz", "kiwibank", "hang seng",
	// a payout's or a transfer's other party's account (a remittance
	// file's receiver_account)
	"receiver account", "payee account", "beneficiary account", "recipient account",
	// a US bank's account types as statements, lockbox and remittance
	// reports name them (DDA: demand deposit account)
	"checking acct", "savings acct", "chequing account", "chequing acct", "depository account", "depository acct",
	"deposit account", "deposit acct", "operating account", "operating acct", "dda", "dda account", "dda acct",
	// Spanish and Portuguese account types (a savings account in soles, a
	// salary account)
	"cuenta de ahorros", "cuenta de ahorro", "cuenta corriente", "cuenta sueldo", "cuenta vista", "ahorros soles",
	"ahorros dólares", "conta salário", "conta salario", "conta poupança",
	// Southeast Asia's words for an account (Indonesian rekening, Malay
	// akaun, Vietnamese số tài khoản, Thai เลขบัญชี; not STK, German
	// Stück as often as Vietnamese số tài khoản), a payout's
	// account, a virtual account's number
	"rekening", "no rekening", "nomor rekening", "akaun", "no akaun", "nombor akaun", "số tài khoản", "so tai khoan",
	"tài khoản", "เลขบัญชี", "บัญชีรับเงิน", "payout account", "virtual account", "va number", "nomor va",
)

// payoutBanks are Nigerian, South African and Kenyan banks' names, which
// people write right before the account they hold when they give it for a
// payout (GTB 3580111103, Zenith 2378785626): only names that mean
// nothing else, and only in prose (a blank before the number, not a
// table's separator: a bank column's cell before a BVN's).
var payoutBanks = map[string]bool{
	"gtb": true, "gtbank": true, "zenith": true, "uba": true, "firstbank": true, "opay": true, "kuda": true,
	"moniepoint": true, "palmpay": true, "wema": true, "fcmb": true, "capitec": true, "fnb": true, "absa": true,
	"nedbank": true, "tymebank": true, "kcb": true,
	// Southeast Asia's (ID: BCA, Mandiri, BNI, BRI, BTN, Permata, Danamon;
	// PH: BPI, BDO, UnionBank, Metrobank, Landbank, RCBC; MY: Maybank,
	// CIMB, RHB, AmBank; VN: Techcombank, Vietcombank, ACB, VPBank,
	// TPBank, BIDV, Agribank, VietinBank, Sacombank; TH: KBank, SCB, KTB,
	// BBL, Krungsri)
	"bca": true, "mandiri": true, "bni": true, "bri": true, "btn": true, "permata": true, "danamon": true,
	"bpi": true, "bdo": true, "unionbank": true, "metrobank": true, "landbank": true, "rcbc": true,
	"maybank": true, "cimb": true, "rhb": true, "ambank": true, "techcombank": true, "vietcombank": true,
	"acb": true, "vpbank": true, "tpbank": true, "bidv": true, "agribank": true, "vietinbank": true,
	"sacombank": true, "kbank": true, "scb": true, "ktb": true, "bbl": true, "krungsri": true,
}

// payoutBankBefore reports whether one of payoutBanks (or First, Access,
// Union, Standard or Equity Bank) is the word right before the number at
// i, a blank between: one map lookup, not a context search, as every
// number after a label asks it.
func payoutBankBefore(s string, i int) bool {
	if i < 4 || s[i-1] != ' ' {
		return false
	}
	var buf [12]byte
	word := func(e int) ([]byte, int) {
		b := e
		for b > 0 && e-b < 11 && isLetter(s[b-1]) {
			b--
		}
		if b == e || e-b < 3 || b > 0 && isAlnum(s[b-1]) {
			return nil, b
		}
		return lowerInto(buf[:], s[b:e]), b
	}
	w, b := word(i - 1)
	if w == nil {
		return false
	}
	if string(w) == "bank" && b > 1 && s[b-1] == ' ' {
		p, _ := word(b - 1)
		switch string(p) {
		case "first", "access", "union", "standard", "equity":
			return true
		}
		return false
	}
	return payoutBanks[string(w)]
}

// balkanWords name an account in the languages of Serbia, Montenegro,
// Bosnia and Herzegovina and North Macedonia (račun is also a shop's
// bill: under them only a number passing balkanAccount's check counts).
var balkanWords = keyedWords(
	"račun", "racun", "рачун", "računa", "racuna", "рачуна", "broj računa", "broj racuna", "žiro račun", "tekući račun",
	"tekuci racun", "сметка", "сметки", "трансакциска сметка",
)

// balkanAccount matches at s[i] a domestic bank account of Serbia,
// Montenegro (3 digits of the bank, 13 of the account, 2 check digits),
// North Macedonia (3, 10, 2) or Bosnia and Herzegovina (3, 3, 8, 2), the
// check digits making the number ISO 7064 MOD 97-10 valid (98 minus the
// rest of the number times 100, mod 97), as the banks print it with dashes
// (265-3971498936-07: the account's leading zeros maybe left out) or in
// one piece after an account word (račun, сметка, a bank's word), under a
// column naming one, or as the R: field of the NBS IPS QR code's payload.
// It returns the end.
func balkanAccount(s string, i int, m *colMemo) (int, bool) {
	n := len(s)
	d := runOf(s, i, isDigit)
	var buf [20]byte
	var num []byte
	e := d
	switch {
	case d-i == 3 && d+13 < n && s[d] == '-' && s[d+4] == '-' && runOf(s, d+1, isDigit) == d+4 &&
		runOf(s, d+5, isDigit) == d+13 && s[d+13] == '-' && runOf(s, d+14, isDigit) == d+16:
		// BA 338-896-44983240-87: bank, branch, account, check
		num = append(append(append(append(buf[:0], s[i:d]...), s[d+1:d+4]...), s[d+5:d+13]...), s[d+14:d+16]...)
		e = d + 16
	case d-i == 3 && d+4 < n && s[d] == '-':
		a := runOf(s, d+1, isDigit)
		if a-d-1 < 1 || a-d-1 > 13 || a+3 > n || s[a] != '-' || runOf(s, a+1, isDigit) != a+3 {
			return 0, false
		}
		num = append(buf[:0], s[i:d]...)
		for k := a - d - 1; k < 13; k++ {
			num = append(num, '0')
		}
		num = append(append(num, s[d+1:a]...), s[a+1:a+3]...)
		e = a + 3
	case d-i == 18 || d-i == 15 || d-i == 16:
		num = append(buf[:0], s[i:d]...)
	default:
		return 0, false
	}
	if e < n && (isAlnum(s[e]) || s[e] == '-') || !mod97Check(num) {
		return 0, false
	}
	if b := string(num[:3]); b == "840" || b == "908" || len(strings.TrimLeft(string(num[3:len(num)-2]), "0")) < 6 {
		// the Treasury's and the National Bank's public accounts (840,
		// 908: fees and taxes are paid to them), and a company's short
		// account (EPS's 160-700-13)
		return 0, false
	}
	if e-i != len(num) {
		return e, true // the dashed form: its shape and check suffice
	}
	if i >= 2 && s[i-1] == ':' && s[i-2] == 'R' && (i == 2 || s[i-3] == '|') {
		return e, true // NBS IPS QR: …|R:170000000948270268|N:…
	}
	if namedBefore(s, i, balkanWords, 3) || namedBefore(s, i, accountWords, 2) || bankContext(s, i) ||
		ownCell(s, i, e) && (idColumn(s, i, balkanWords, m) || idColumn(s, i, accountWords, m)) {
		return e, true
	}
	return 0, false
}

// mod97Check reports whether the digits d, their last two the check
// digits, are ISO 7064 MOD 97-10 valid: the whole number mod 97 is 1
// (digitsMod97), its check digits 02 to 98, as 98 − (the rest × 100)
// mod 97 gives them.
func mod97Check(d []byte) bool {
	c := int(d[len(d)-2]-'0')*10 + int(d[len(d)-1]-'0')
	return c >= 2 && c <= 98 && digitsMod97(d) == 1
}

// accountWords name an account's number of any kind: a bank's, as often a
// utility's, a telecom's or a shop's customer account ("Your bill …
// Account number 7363066603"). Under them a number is a bank account only
// with a bank's code or word before it (bankContext).
var accountWords = keyedWords(
	"account number", "account no", "account nr", "account num", "account #", "acct number", "acct no", "acct num", "acct #",
	"accountnumber", "accountno", "acctnumber", "acctno", "acct", "account", "acc", "acc no",
	"ሂሳብ",                                                                                          // (Amharic "account": የባንክ ሂሳብ ቁጥሬ, my bank account number)
	"חשבון",                                                                                        // (Hebrew "account", glued to its prepositions: מחשבון, לחשבון; a bill's word too, so a bank beside it)
	"conta", "cuenta", "nro de cuenta", "nº da conta", "número da conta", "numero da conta", "c c", // (c/c: conta corrente)
)

// bankContext reports whether a bank's code or word stands on the line
// of i or the two lines before it, within 200 bytes (the same form, the
// same JSON object): the routing number, sort code, BSB, IFSC, branch,
// transit or institution number printed beside an account number, or the
// bank's name.
func bankContext(s string, i int) bool {
	from, lines := i, 0
	for from > 0 && i-from < 200 {
		c := s[from-1]
		if c == '\n' || c == 'n' && from >= 2 && s[from-2] == '\\' {
			if lines++; lines == 3 {
				break
			}
		}
		from--
	}
	return bankWords(s[from:i])
}

// bankWords reports whether w holds one of bankContextWords (not the
// "bank" of a bank_account placeholder: redacting twice changes nothing).
func bankWords(w string) bool {
	for _, b := range bankContextWords {
		for k := 0; k < len(w); {
			j := strings.Index(w[k:], b)
			if j < 0 {
				break
			}
			if k += j + len(b); !strings.HasPrefix(w[k:], "_account]") {
				return true
			}
		}
	}
	return false
}

// bankContextWords are bankContext's words, as forms, keys and CSV headers
// write them.
var bankContextWords = []string{
	"bank", "Bank", "BANK", "routing", "Routing", "ROUTING", "ABA", "sort code", "Sort code", "Sort Code", "sort_code", "sortCode", "SortCode", "sortcode", "SORTCODE",
	"bsb", "BSB", "ifsc", "IFSC", "branch", "Branch", "transit", "Transit", "institution", "Institution",
	"IBAN", "SWIFT", "direct deposit", "Direct deposit", "Direct Deposit", "direct_deposit",
	// a Brazilian account's branch (agência, ag.) and bank (banco, its
	// ISPB code), a Spanish-speaking bank's (banco)
	"agência", "Agência", "AGÊNCIA", "agencia", "Agencia", "ag. ", "Ag. ", "banco", "Banco", "BANCO", "ispb", "ISPB",
	// South Asian banks' names as chats write them (BD: DBBL, BRAC; LK:
	// BOC; PK: HBL, UBL, MCB, Meezan; NP: Nabil)
	"DBBL", "BRAC", "BOC ", "HBL", "UBL", "MCB", "Meezan", "Nabil", "NABIL",
	// East African banks' (Ethiopia's CBE, Kenya's Equity, KCB, Uganda's
	// Stanbic, Centenary)
	"CBE", "Equity", "KCB", "Stanbic", "Centenary",
	// Southeast Asian banks' (see payoutBanks)
	"BCA", "Mandiri", "BNI", "BRI", "BPI", "BDO", "UnionBank", "Maybank", "CIMB", "RHB", "Techcombank",
	"Vietcombank", "ACB", "VPBank", "BIDV", "KBank", "SCB",
	"בנק", "סניף", // (Hebrew "bank", "branch")
}

// bankAccountBefore reports whether a bank account label stands right
// before the value at i (its key's quotes and ':' or '=' between, or only
// blanks: "Conta corrente 649435-9").
func bankAccountBefore(s string, i int) bool {
	if !keyedGate(s, i) {
		return payoutBankBefore(s, i)
	}
	return namedBefore(s, i, bankAccountWords, 2) || namedBefore(s, i, accountWords, 2) &&
		(bankContext(s, i) || bankWords(s[i:min(i+64, lineEnd(s, i))])) // (… account no. 7907691728799 (IBAN AE07…))
}

// bankAccount matches at s[i] an account number after its label. It
// returns the end.
func bankAccount(s string, i int) (int, bool) {
	if e, ok := nzAccount(s, i); ok {
		return e, true // 12-3140-3780449-02: no label needed
	}
	if e, ok := checkedAccount(s, i); ok {
		return e, true // an AR CBU or CVU, a MX CLABE
	}
	e, ok := digitGroups(s, i, 6, 18)
	if !ok || dateLike(s[i:e]) || !bankAccountBefore(s, i) {
		return 0, false
	}
	var b [18]byte
	if d := groupDigits(s[i:e], b[:0]); len(d) >= 13 && len(d) <= 19 && luhn(d) && cardPrefix(d) && cardGroups(s[i:e]) {
		return 0, false // a card number: the card detector's
	}
	return e, true
}

// codedAccount matches at s[i] a bank account written after its bank's
// codes, as direct-debit and pre-authorised-debit forms print them: a UK
// sort code and the account's 8 digits (40-47-84 61023958, 309634
// 71520446), a Canadian transit (5 digits), institution (3, one of
// caInstitutions) and account number (7 to 12: 00712-003-1048829, 12345
// 004 8830192). It is reported whole, codes and account, as one value
// (the codes alone are public, but written with the account they are
// its address, and a BSB-Account cell is one). The shape is rare, yet it
// needs a bank's word: on its line or the two before (bankContext; "DD"
// too before a sort code), after it on its line ("(transit institution
// acct)"), or in its column's header (pad_bank). It returns the end.
func codedAccount(s string, i int, m *colMemo) (int, bool) {
	var start, end int
	d := func(a, b int) bool { return b <= len(s) && allDigits(s[a:b]) }
	switch {
	case d(i, i+2) && i+17 <= len(s) && s[i+2] == '-' && d(i+3, i+5) && s[i+5] == '-' && d(i+6, i+8) && s[i+8] == ' ' && d(i+9, i+17):
		start, end = i+9, i+17 // 40-47-84 61023958
	case d(i, i+6) && i+15 <= len(s) && s[i+6] == ' ' && d(i+7, i+15):
		start, end = i+7, i+15 // 309634 71520446
	case d(i, i+5) && i+17 <= len(s) && (s[i+5] == '-' || s[i+5] == ' ') && d(i+6, i+9) && s[i+9] == s[i+5] && caInstitutions[s[i+6:i+9]]:
		start, end = i+10, runOf(s, i+10, isDigit)
		if n := end - start; n < 7 || n > 12 {
			return 0, false
		}
	default:
		return 0, false
	}
	if end < len(s) && (isWord(s[end]) || s[end] == '-' || s[end] == '.' && end+1 < len(s) && isDigit(s[end+1])) {
		return 0, false
	}
	if bankContext(s, i) || bankWords(s[end:min(end+60, lineEnd(s, end))]) {
		return end, true
	}
	if ls, _ := lineStart(s, i, max(0, i-120)); start-i < 10 && strings.Contains(s[ls:i], "DD ") {
		return end, true // DD set up 12/03: 309634 71520446 (a direct debit)
	}
	if ownCell(s, i, end) {
		if h, ok := columnHeader(s, i, m); ok && (bankWords(h) || contextBefore(h, len(h), bankAccountWords)) {
			return end, true // pad_bank
		}
	}
	return 0, false
}

// caInstitutions are the institution numbers of Canada's largest banks
// and credit-union centrals (Payments Canada's list of financial
// institution numbers): BMO, Scotiabank, RBC, TD, National Bank, CIBC,
// HSBC, Canadian Western, Laurentian, ATB, Citibank, Tangerine,
// Desjardins, Central 1, Meridian, and a few more.
var caInstitutions = map[string]bool{
	"001": true, "002": true, "003": true, "004": true, "006": true, "010": true, "016": true, "030": true, "039": true,
	"219": true, "260": true, "320": true, "328": true, "540": true, "614": true, "815": true, "828": true, "829": true,
	"837": true, "839": true, "865": true, "879": true, "889": true, "899": true,
}

// checkedAccount matches at s[i] the account numbers of one length whose
// check digits make them rare among other numbers, written whole:
//
//   - an Argentine CBU or CVU (BCRA): 22 digits, the first eight (bank,
//     branch, check) and the last fourteen (account, check) each closed by
//     a check digit, weights 7 1 3 9 …: one number in a hundred passes
//     both, and 22 digits are no other number's length; no label needed.
//   - a Mexican CLABE (Banxico): 18 digits, a bank's code (clabeBanks),
//     a check digit (weights 3 7 1, mod 10). A bank whose code starts with
//     0 (the large banks) needs no label: no snowflake id or other 18-digit
//     id starts with 0; another (STP 646, Nu 638, BanCoppel 137) needs a
//     word of an account, a transfer or a payee nearby (accountNear).
//   - a Polish NRB, the IBAN without PL: 26 digits, whole or as the banks
//     print it (30 1246 1712 5181 8346 8746 4050), passing the IBAN's
//     mod 97 with PL before it;
//   - a Hungarian account, 24 digits in blocks of 8 (11690409-22511538-
//     39269651) or 16 after a word of an account: the bank's block and the
//     account's each closed by a check digit (weights 9 7 3 1, mod 10).
//
// It returns the end.
func checkedAccount(s string, i int) (int, bool) {
	if i > 0 && (isAlnum(s[i-1]) || s[i-1] == '-') {
		return 0, false
	}
	e := runOf(s, i, isDigit)
	switch e - i {
	case 3:
		if k, ok := maRIB(s, i); ok {
			return k, true // 230 780 9750092086604687 84
		}
		return dzRIB(s, i) // 005 57185 5561696656 44
	case 2:
		// 30 1246 1712 5181 8346 8746 4050
		var b [26]byte
		copy(b[:], s[i:e])
		k := e
		for g := 0; g < 6; g++ {
			if k+5 > len(s) || s[k] != ' ' || !allDigits(s[k+1:k+5]) {
				return 0, false
			}
			copy(b[2+4*g:], s[k+1:k+5])
			k += 5
		}
		if k < len(s) && isAlnum(s[k]) {
			return 0, false
		}
		return k, nrbValid(b[:])
	case 8:
		// 11690409-22511538[-39269651]
		k := e
		for k+9 <= len(s) && s[k] == '-' && allDigits(s[k+1:k+9]) && k-i < 26 {
			k += 9
		}
		if k == e || k < len(s) && (isAlnum(s[k]) || s[k] == '-') {
			return 0, false
		}
		// (two blocks alone, after a word of an account only: a range of
		// dates, 20240101-20240131, passes one time in a hundred)
		return k, huAccountValid(s[i:k]) && (k-i == 26 || contextNear(s, i, accountNear, 6))
	}
	if e < len(s) && isAlnum(s[e]) {
		return 0, false
	}
	d := s[i:e]
	switch len(d) {
	case 22:
		return e, cbuValid(d)
	case 18:
		return e, clabeValid(d) && (d[0] == '0' || contextNear(s, i, accountNear, 6))
	case 26:
		return e, nrbValid([]byte(d))
	case 24:
		return e, huAccountValid(d) || maRIBValid(d) && ribNamed(s, i)
	case 20:
		// a Peruvian CCI (código de cuenta interbancario: bank, branch,
		// account and two check digits) after its word or answering its
		// question: 20 digits in one piece are rare otherwise
		return e, !sameDigits([]byte(d)) && (contextNear(s, i, cciWords, 3) || answerContext(s, i, cciWords) ||
			digitsMod97(d) == 0 && ribNamed(s, i)) // (or a Tunisian or Algerian RIB, its key French: a multiple of 97)
	}
	return 0, false
}

// cciWords name a Peruvian interbank account code.
var cciWords = newContextWords("cci", "código de cuenta interbancario", "codigo de cuenta interbancario", "cuenta interbancaria")

// maRIB matches at s[i] a Moroccan RIB grouped as banks print it: bank
// (3), city (3), account (16) and key (2), blanks between (230 780
// 9750092086604687 84). It returns the end.
func maRIB(s string, i int) (int, bool) {
	k, ok := fixedGroups(s, i, ' ', 3, 3, 16, 2)
	if !ok || k < len(s) && isAlnum(s[k]) {
		return 0, false
	}
	var b [24]byte
	if !maRIBValid(string(groupDigits(s[i:k], b[:0]))) || !ribNamed(s, i) {
		return 0, false
	}
	return k, true
}

// dzRIB matches at s[i] an Algerian RIB grouped as banks print it: bank
// (3), branch (5), account (10) and key (2), blanks between, the whole a
// multiple of 97, after a RIB's word. It returns the end.
func dzRIB(s string, i int) (int, bool) {
	k, ok := fixedGroups(s, i, ' ', 3, 5, 10, 2)
	if !ok || k < len(s) && isAlnum(s[k]) {
		return 0, false
	}
	var b [20]byte
	if d := groupDigits(s[i:k], b[:0]); digitsMod97(string(d)) != 0 || sameDigits(d) || !ribNamed(s, i) {
		return 0, false
	}
	return k, true
}

// maRIBValid checks a Moroccan RIB d (24 digits): its last two are the
// key that makes the whole number a multiple of 97, as the French RIB's
// key does (97 - (first 22 digits × 100) mod 97).
func maRIBValid(d string) bool {
	return digitsMod97(d) == 0 && !sameDigits([]byte(d))
}

// ribNamed reports whether a RIB's word names the number at i: before
// it, in the question it answers, or heading its column.
func ribNamed(s string, i int) bool {
	return contextNear(s, i, ribWords, 6) || answerContext(s, i, ribWords) || idColumn(s, i, ribWords, nil)
}

// ribWords name a RIB (relevé d'identité bancaire), in French and Arabic.
var ribWords = newContextWords("rib", "rip", "relevé d'identité bancaire", "الحساب البنكي", "رقم الحساب", "الريب", "ريب")

// nrbValid checks a Polish NRB d (26 digits): "PL" and its check digits
// moved to the end, the number mod 97 is 1 (ISO 13616; P = 25, L = 21).
func nrbValid(d []byte) bool {
	var b [32]byte
	n := copy(b[:], d[2:])
	n += copy(b[n:], "2521")
	n += copy(b[n:], d[:2])
	return digitsMod97(b[:n]) == 1 && !sameDigits(d[2:])
}

// huAccountValid checks a Hungarian account number v (16 or 24 digits,
// maybe with '-' between its blocks of 8): the first block and the rest
// each end in their check digit (weights 9 7 3 1, mod 10).
func huAccountValid(v string) bool {
	var b [24]byte
	n := 0
	for k := 0; k < len(v); k++ {
		if isDigit(v[k]) {
			if n == len(b) {
				return false
			}
			b[n] = v[k]
			n++
		}
	}
	if n != 16 && n != 24 {
		return false
	}
	w := [15]int{9, 7, 3, 1, 9, 7, 3, 1, 9, 7, 3, 1, 9, 7, 3}
	check := func(d []byte) bool { return mod10Check(weightedSum(d[:len(d)-1], w[:len(d)-1]), d[len(d)-1]) }
	return check(b[:8]) && check(b[8:n]) && !sameDigits(b[8:n])
}

// accountNear name an account, a transfer or its payee in the words before
// a CLABE or a Hungarian account of two blocks.
var accountNear = newContextWords("clabe", "cuenta", "számla", "számlaszám", "bankszámla", "számlára",
	"számlaszámot", "bankszámlaszám", "bankszámlaszámot", "szamla", "szamlaszam", "bankszamla", "bankszamlaszam", "konto", "rachunek", "spei", "transferencia", "transferir", "depósito", "deposito", "beneficiario",
	"account", "payout", "transfer", "retiro", "dispersión", "dispersion")

// cbuValid checks an Argentine CBU or CVU d (22 digits).
func cbuValid(d string) bool {
	// (the account's weights 3 9 7 1 …; the bank's block takes the same
	// cycle from its 7: 7 1 3 9 7 1 3)
	w := [13]int{3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3}
	return mod10Check(weightedSum(d[:7], w[2:9]), d[7]) && mod10Check(weightedSum(d[8:21], w[:]), d[21]) && !sameDigits([]byte(d[8:21]))
}

// clabeValid checks a Mexican CLABE d (18 digits): a bank's code and the
// check digit.
func clabeValid(d string) bool {
	if !clabeBanks[d[:3]] {
		return false
	}
	sum := 0
	for k := 0; k < 17; k++ {
		sum += int(d[k]-'0') * [3]int{3, 7, 1}[k%3] % 10
	}
	return mod10Check(sum, d[17])
}

// mod10Check reports whether c is the check digit of a weighted sum by
// "ten minus the sum mod 10" (the CBU's, the CLABE's, the Hungarian
// account's).
func mod10Check(sum int, c byte) bool { return byte('0'+(10-sum%10)%10) == c }

// clabeBanks are the codes of the banks and other participants of SPEI
// (Banxico's catalogue) that CLABEs start with.
var clabeBanks = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`
		002 006 009 012 014 019 021 030 032 036 037 042 044 058 059 060 062 072
		102 103 106 108 110 112 113 116 124 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 143 145
		147 148 149 150 151 152 153 154 155 156 157 158 159 160 166 168
		600 601 602 605 606 607 608 610 614 615 616 617 618 619 620 621 622 623 626 627 628 629 630 631 632 633 634
		636 637 638 640 642 646 647 648 649 651 652 653 655 656 659 670 677 680 683 684 685 686 689 699 703 706 710
		715 720 722 723 728 730 732 734 738 901 902`) {
		m[c] = true
	}
	return m
}()

// cardGroups reports whether the digits of v are grouped as a card prints
// them: in one piece, in fours (the last maybe shorter), or 4-6-4/4-6-5.
// An account grouped otherwise (NZ 38-5519-3693039-003) is not a card,
// whatever its digits.
func cardGroups(v string) bool {
	groups, n, first, second, fours := 0, 0, 0, 0, true
	for k := 0; k <= len(v); k++ {
		if k < len(v) && isDigit(v[k]) {
			n++
			continue
		}
		switch groups++; groups {
		case 1:
			first = n
		case 2:
			second = n
		}
		if k < len(v) && n != 4 {
			fours = false // a group before the last that is not 4 digits
		}
		n = 0
	}
	return groups == 1 || fours || groups == 3 && first == 4 && second == 6
}

// abaAccount matches an account number of an Australian direct-entry
// (ABA, "Cemtex") file's detail record, the fixed-width lines payroll
// software writes for the banks (CBA's and the other banks' "Direct Entry
// User Guide": record type 1, the BSB nnn-nnn in columns 2-8, the account
// right-justified in 9-17, an indicator in 18, a transaction code 13 or 50
// to 57 in 19-20, the amount's 10 digits in 21-30; the trace record's BSB
// in 81-87 and the remitter's account in 88-96). At i, the record type's
// 1 at a line's start, it returns the payee's account; at the trace BSB
// (i 80 bytes after such a start) the remitter's.
func abaAccount(s string, i int) (int, int, bool) {
	ls := i
	if s[i] != '1' {
		ls = i - 80
		if ls < 0 || s[ls] != '1' || s[i+3] != '-' {
			return 0, 0, false
		}
	} else if s[i+4] != '-' {
		return 0, 0, false
	}
	if ls > 0 && s[ls-1] != '\n' || ls+120 > len(s) || !abaBSB(s[ls+1:ls+8]) || !abaBSB(s[ls+80:ls+87]) ||
		strings.IndexByte(" NWXY", s[ls+17]) < 0 || !allDigits(s[ls+18:ls+30]) {
		return 0, 0, false
	}
	if tc := s[ls+18 : ls+20]; tc != "13" && (tc[0] != '5' || tc[1] > '7') {
		return 0, 0, false
	}
	f := ls + 8
	if i != ls {
		f = ls + 87
	}
	b := f
	for b < f+9 && s[b] == ' ' {
		b++
	}
	if f+9-b < 5 || !allDigits(strings.ReplaceAll(s[b:f+9], "-", "")) {
		return 0, 0, false
	}
	return b, f + 9, true
}

// abaBSB reports whether b is a BSB as an ABA record writes it, nnn-nnn.
func abaBSB(b string) bool {
	return len(b) == 7 && b[3] == '-' && allDigits(b[:3]) && allDigits(b[4:])
}

// bankAccountColumn reports whether the number at s[i:e] is a whole cell
// of a table (a Markdown cell may be padded with blanks) whose header
// names its column with a bank account label (the payroll exports'
// account_number, account_no, bank_account; a direct-debit report's
// BSB-Account).
func bankAccountColumn(s string, i, e int, m *colMemo) bool {
	if e-i < 6 || !ownCell(s, i, e) {
		return false
	}
	h, ok := columnHeader(s, i, m)
	sql := false
	if !ok {
		h, ok = sqlColumn(s, i)
		sql = true
	}
	switch {
	case !ok:
		return false
	case contextBefore(h, len(h), bankAccountWords):
		return true
	case !contextBefore(h, len(h), accountWords):
		return false
	case !sql && m != nil && m.set && m.hs >= 0:
		return bankWords(s[m.hs:m.he]) // account_number beside bsb, routing, ifsc …
	}
	return bankContext(s, i)
}

// cellEdge reports whether s[k] (k may be -1) ends a table cell: a field
// separator, a line break (maybe a JSON escape's n), or the text's edge.
func cellEdge(s string, k int) bool {
	if k < 0 {
		return true
	}
	if cellSep(s[k]) || s[k] == '\n' || s[k] == '\r' {
		return true
	}
	switch s[k] {
	case 'n', 't':
		return k > 0 && s[k-1] == '\\'
	case '\\':
		return k+1 < len(s) && (s[k+1] == 'n' || s[k+1] == 't' || s[k+1] == 'r')
	}
	return false
}

// dateLike reports whether v is a date of year, month and day
// (2026-12-03, 2026.12.03, 2026/12/03) or day, month and year.
func dateLike(v string) bool {
	if len(v) != 10 {
		return false
	}
	if sep := v[4]; (sep == '-' || sep == '.' || sep == '/') && v[7] == sep {
		return true
	}
	sep := v[2]
	return (sep == '-' || sep == '.' || sep == '/') && v[5] == sep
}

// nzAccount matches at s[i] a New Zealand bank account number as the
// banks print it, bank (2 digits), branch (4), account (7) and suffix (2
// or 3), set apart by '-' or a blank: 12-3140-3780449-02. Its check
// (the algorithm its bank uses, python-stdnum nz/bankaccount.py, from
// Inland Revenue's RWT specification) fails for one such number in 10
// or 11, so it needs no label. Banks checked by no algorithm (31) are left
// out. It returns the end.
func nzAccount(s string, i int) (int, bool) {
	if i+17 > len(s) || s[i+2] != '-' && s[i+2] != ' ' {
		return 0, false
	}
	sep := s[i+2]
	if !allDigits(s[i:i+2]) || !allDigits(s[i+3:i+7]) || s[i+7] != sep || !allDigits(s[i+8:i+15]) || s[i+15] != sep {
		return 0, false
	}
	e := i + 16
	for e < len(s) && e-i < 19 && isDigit(s[e]) {
		e++
	}
	if n := e - i - 16; n < 2 || n > 3 || e < len(s) && (isWord(s[e]) || s[e] == '-') {
		return 0, false
	}
	var d [16]byte
	copy(d[:2], s[i:i+2])
	copy(d[2:6], s[i+3:i+7])
	copy(d[6:13], s[i+8:i+15])
	suffix := s[i+16 : e]
	d[13] = '0'
	copy(d[16-len(suffix):], suffix)
	return e, nzAccountValid(d[:])
}

// nzAccountValid checks the 16 digits of a NZ bank account number.
func nzAccountValid(d []byte) bool {
	alg := nzAlgorithms[string(d[:2])]
	if alg == 0 {
		return false
	}
	if alg == 'A' && string(d[6:13]) >= "0990000" {
		alg = 'B'
	}
	w := nzWeights[alg]
	mods := nzModuli[alg]
	sum := 0
	for k := range d {
		c := w[k] * int(d[k]-'0')
		if c > mods[0] {
			c %= mods[0]
		}
		sum += c
	}
	return sum%mods[1] == 0
}

// The check of a NZ bank account by its bank (python-stdnum
// nz/bankaccount.py).
var (
	nzAlgorithms = map[string]byte{
		"01": 'A', "02": 'A', "03": 'A', "04": 'A', "06": 'A', "08": 'D', "09": 'E', "10": 'A', "11": 'A', "12": 'A',
		"13": 'A', "14": 'A', "15": 'A', "16": 'A', "17": 'A', "18": 'A', "19": 'A', "20": 'A', "21": 'A', "22": 'A',
		"23": 'A', "24": 'A', "25": 'F', "26": 'G', "27": 'A', "28": 'G', "29": 'G', "30": 'A', "33": 'F', "35": 'A', "38": 'A',
	}
	nzWeights = map[byte][16]int{
		'A': {0, 0, 6, 3, 7, 9, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0},
		'B': {0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0},
		'D': {0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0},
		'E': {0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 1},
		'F': {0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0},
		'G': {0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1},
	}
	nzModuli = map[byte][2]int{'A': {11, 11}, 'B': {11, 11}, 'D': {11, 11}, 'E': {9, 11}, 'F': {10, 10}, 'G': {9, 10}}
)

// czAccount matches at s[i] a Czech or Slovak domestic account number as
// both countries write it: [prefix-]number/bank code (590426-1388002014/
// 0600, 917264665/0600): a prefix of up to 6 digits and a number of 6 to
// 10, each passing the Czech National Bank's mod 11 check (weights 10 5 8
// 4 2 1 and 6 3 7 9 10 5 8 4 2 1 over them padded with zeros: Vyhláška
// ČNB 169/2011), and a bank's 4-digit code (czBankCodes: not a year, as
// an invoice's 2024001234/2024 has). It returns the end.
func czAccount(s string, i int) (int, bool) {
	e := runOf(s, i, isDigit)
	pe := i
	if e < len(s) && s[e] == '-' && e-i <= 6 {
		pe = e
		e = runOf(s, e+1, isDigit)
	}
	ns := i
	if pe > i {
		ns = pe + 1
	}
	if e-ns < 6 || e-ns > 10 || e+5 > len(s) || s[e] != '/' || !czBankCodes[s[e+1:e+5]] ||
		e+5 < len(s) && (isAlnum(s[e+5]) || s[e+5] == '/') {
		return 0, false
	}
	mod11 := func(d string, w []int) bool {
		sum := 0
		for k := range d {
			sum += int(d[len(d)-1-k]-'0') * w[len(w)-1-k]
		}
		return sum%11 == 0
	}
	if pe > i && !mod11(s[i:pe], []int{10, 5, 8, 4, 2, 1}) {
		return 0, false
	}
	return e + 5, mod11(s[ns:e], []int{6, 3, 7, 9, 10, 5, 8, 4, 2, 1}) && !sameDigits([]byte(s[ns:e]))
}

// czBankCodes are the Czech and Slovak banks' codes (the Czech National
// Bank's and the National Bank of Slovakia's lists of payment system
// codes).
var czBankCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`0100 0300 0600 0710 0800 2010 2020 2060 2070 2100 2200 2220 2250 2260 2275 2600
		2700 3030 3050 3060 3500 4000 4300 5500 5800 6000 6100 6200 6210 6300 6363 6700 6800 7910 7950 7960 7970 7990
		8030 8040 8060 8090 8150 8190 8198 8199 8200 8220 8230 8240 8250 8255 8265 8270 8272 8280 8282 8283 8291 8292
		8293 8294 8296 0200 0720 0900 1100 1111 3000 3100 5200 5600 5900 6500 7300 7500 8050 8100 8120 8130 8160 8170
		8180 8300 8320 8330 8360 8370 8400 8410 8420 8430 9950 9951 9952`) {
		m[c] = true
	}
	return m
}()
