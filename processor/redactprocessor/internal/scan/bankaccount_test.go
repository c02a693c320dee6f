// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBankAccount(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// After a label naming a bank account, in any language.
		{"Bank A/c no.: 016577994477\nIFSC: ICIC0745001", "Bank A/c no.: [REDACTED:bank_account]\nIFSC: ICIC0745001"},
		{"Conta corrente 649435-9", "Conta corrente [REDACTED:bank_account]"},
		{"CLABE interbancaria: 524225569679350339", "CLABE interbancaria: [REDACTED:bank_account]"},
		{`{"bank_account": "38-5519-3693039-003"}`, `{"bank_account": "[REDACTED:bank_account]"}`},
		{"Kontonummer: 0532013000", "Kontonummer: [REDACTED:bank_account]"},
		{`"bankAccountNumber":"000123456789"`, `"bankAccountNumber":"[REDACTED:bank_account]"`},
		// "Account number" beside a bank's code or name.
		{"Routing number (ABA): 021000021\nAccount number: 2511244933", "Routing number (ABA): 021000021\nAccount number: [REDACTED:bank_account]"},
		{"Sort code: 83-51-92\nAccount number: 46408225", "Sort code: 83-51-92\nAccount number: [REDACTED:bank_account]"},
		{"BSB: 439-270\nAccount number: 490911456", "BSB: 439-270\nAccount number: [REDACTED:bank_account]"},
		{"Bank: DBS/POSB · Account no.: 012-85301-1", "Bank: DBS/POSB · Account no.: [REDACTED:bank_account]"},
		{`"direct_deposit": {"routing_number": "132439769", "account_number": "171533282"}`, `"direct_deposit": {"routing_number": "132439769", "account_number": "[REDACTED:bank_account]"}`},
		// A US bank's account types: a lockbox report's depository
		// account, a checking account, a DDA.
		{"LOCKBOX 551020 DEPOSIT 01/14/2025\nDepository acct: 7730091842", "LOCKBOX 551020 DEPOSIT 01/14/2025\nDepository acct: [REDACTED:bank_account]"},
		{"moved to checking acct 40017735", "moved to checking acct [REDACTED:bank_account]"},
		{"DDA 000123450017", "DDA [REDACTED:bank_account]"},
		// Brazilian and Spanish-speaking accounts: "conta" or "c/c"
		// beside the branch (agência, ag.) or the bank (banco), a savings
		// account in soles.
		{"Meus dados: agência 1234, conta 56789-0.", "Meus dados: agência 1234, conta [REDACTED:bank_account]."},
		{"banco 341 ag. 0123 c/c 45678-9", "banco 341 ag. 0123 c/c [REDACTED:bank_account]"},
		{"Agência  0001\nConta  1234567-8\n", "Agência  0001\nConta  [REDACTED:bank_account]\n"},
		{"Cuenta de ahorros soles: 191-12345678-0-12", "Cuenta de ahorros soles: [REDACTED:bank_account]"},
		{"pague a conta de luz 4455667788", "pague a conta de luz 4455667788"},
		// A table column of account numbers.
		{
			"employee_id,name,bsb,account_number\n336239,Liam,336-266,814427613\n927052,Chloe,839-610,972699843",
			"employee_id,name,bsb,account_number\n336239,Liam,336-266,[REDACTED:bank_account]\n927052,Chloe,839-610,[REDACTED:bank_account]",
		},
		{`"text": "emp,name,bank,account_no\n160776,Arjun,DBS,942-801619-1\n"`, `"text": "emp,name,bank,account_no\n160776,Arjun,DBS,[REDACTED:bank_account]\n"`},
		// A Markdown cell padded with blanks under BSB-Account; six digits
		// in a CSV cell under account_no beside a bsb column.
		{
			"| Cust # | BSB-Account | NMI |\n|---|---|---|\n| C12319042 | 012-902 329973545 | NCCC155665 |",
			"| Cust # | BSB-Account | NMI |\n|---|---|---|\n| C12319042 | [REDACTED:bank_account] | NCCC155665 |",
		},
		{
			"customer_no,phone,bsb,account_no,nmi\nC10098217,0455 902 117,033-088,418273,6305214329",
			"customer_no,phone,bsb,account_no,nmi\nC10098217,[REDACTED:phone],033-088,[REDACTED:bank_account],6305214329",
		},
		// A sort code or a transit and institution number written before
		// the account, with a bank's word before, after or above it.
		{"Bank: 40-47-84 61023958\nAmount: £142.00", "Bank: [REDACTED:bank_account]\nAmount: £142.00"},
		{"DD set up 12/03: 309634 71520446, £88/mo", "DD set up 12/03: [REDACTED:bank_account], £88/mo"},
		{"Bank info (transit-institution-account): 00712-003-1048829", "Bank info (transit-institution-account): [REDACTED:bank_account]"},
		{"Void cheque received: 12345 004 8830192 (transit institution acct)", "Void cheque received: [REDACTED:bank_account] (transit institution acct)"},
		{"cust_id\tpad_bank\tpostal\nNL-66511426\t78532-010-6976239\tK1P 7V5", "cust_id\tpad_bank\tpostal\nNL-66511426\t[REDACTED:bank_account]\tK1P 7V5"},
		// A card number under an account label is a card.
		{"Bank account: 4111 1111 1111 1111", "Bank account: [REDACTED:credit_card]"},
		// Kept: an account number of no bank (a bill's, a customer's), the
		// bank's own codes, an account named by a word alone, a mask, an
		// employee's id column.
		{"Your bill\nAccount number 7363066603     Bill date 2026-11-30", "Your bill\nAccount number 7363066603     Bill date 2026-11-30"},
		{"customer account: 48213377 (premium)", "customer account: 48213377 (premium)"},
		{"Routing number: 021000021, sort code 83-51-92, BSB 439-270, IFSC ICIC0745001", "Routing number: 021000021, sort code 83-51-92, BSB 439-270, IFSC ICIC0745001"},
		{"Bank account: ****8788", "Bank account: ****8788"},
		{"employee_id,name,bsb,account_number\n336239,Liam,336-266,814427613", "employee_id,name,bsb,account_number\n336239,Liam,336-266,[REDACTED:bank_account]"},
		{"bank account opened on 2026-11-30, 3 accounts in all", "bank account opened on 2026-11-30, 3 accounts in all"},
		{"bank account no 12345", "bank account no 12345"},
		// The same shapes with no bank's word, or an institution no bank
		// has: an order's, a parcel's number.
		{"order 12345 004 8830192 shipped", "order 12345 004 8830192 shipped"},
		{"Bank info: 12345-777-8830192", "Bank info: 12345-777-8830192"},
		{"ref 40-47-84 61023958", "ref 40-47-84 61023958"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestCheckedAccounts(t *testing.T) {
	const acct = "[REDACTED:bank_account]"
	for _, c := range []struct{ in, want string }{
		// AR CBU and CVU: two check digits, no label needed.
		{"y el cbu para retirar es 0115783571802687475667 (galicia)", "y el cbu para retirar es " + acct + " (galicia)"},
		{"cvu=0000003115440438584611 created=2024", "cvu=" + acct + " created=2024"},
		{"usamos la cuenta 0144952739524483347798", "usamos la cuenta " + acct},
		{"ref 0115783571802687475668", "ref 0115783571802687475668"}, // second check
		{"ref 0115783671802687475667", "ref 0115783671802687475667"}, // first check
		// MX CLABE: a bank's code and its check digit; a code starting
		// with 0 alone, another after an account's word.
		{"si claro mi clabe es 012748526057479382 bbva", "si claro mi clabe es " + acct + " bbva"},
		{"CLABE para dispersiones: 072181427142734133", "CLABE para dispersiones: " + acct},
		{"- 646855722891113349 — valid, STP", "- 646855722891113349 — valid, STP"},
		{"deposita a la cuenta STP 646855722891113349", "deposita a la cuenta STP " + acct},
		{"012748526057479383", "012748526057479383"},                             // check digit
		{"discord user 1181244896215863346", "discord user 1181244896215863346"}, // 19 digits
		{"id 003748526057479382", "id 003748526057479382"},                       // no bank 003
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestNRBAndHungarianAccounts(t *testing.T) {
	const acct = "[REDACTED:bank_account]"
	for _, c := range []struct{ in, want string }{
		{"Przelew na konto 30 1246 1712 5181 8346 8746 4050, tytułem FV/1", "Przelew na konto " + acct + ", tytułem FV/1"},
		{"1\tKatarzyna Nowak\t13114491841245501184807488\t66,11", "1\tKatarzyna Nowak\t" + acct + "\t66,11"},
		{"ref 13114491841245501184807489", "ref 13114491841245501184807489"}, // mod 97
		{"erre a számlára kérem: 11690409-22511538-39269651 (OTP)", "erre a számlára kérem: " + acct + " (OTP)"},
		{"számla 11690409-22511539", "számla " + acct},
		{"ref 11690409-22511539", "ref 11690409-22511539"},           // two blocks: its word
		{"11690409-22511538-39269652", "11690409-22511538-39269652"}, // check digit
		{"period 20240101-20240131", "period 20240101-20240131"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestPayoutBankNames(t *testing.T) {
	const acct = "[REDACTED:bank_account]"
	redactCases(t, []struct{ in, want string }{
		// A Nigerian or South African bank's name right before the
		// account, as riders give it for a payout.
		{"Rider: GTB 0123456789 and BVN to follow", "Rider: GTB " + acct + " and BVN to follow"},
		{"the account for the payout is Zenith 2033445566.", "the account for the payout is Zenith " + acct + "."},
		{"paid to First Bank 3089415523 today", "paid to First Bank " + acct + " today"},
		// Kept: a bank's name in a table's cell before another column's
		// number, another word before "Bank".
		{"ref\tbank\tbvn\nPAY1\tUBA\t22119675506", "ref\tbank\tbvn\nPAY1\tUBA\t[REDACTED:national_id]"},
		{"Blood Bank 3089415523", ""},
	})
}
