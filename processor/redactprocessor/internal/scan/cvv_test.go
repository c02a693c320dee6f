// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCVVNamesAndLanguages: the issuers' names of the code (Visa CVV2,
// Mastercard CVC2, Amex/Discover CID, JCB CAV2, UnionPay CVN2), the card
// forms' words in Japanese, Chinese, Korean and Portuguese, and an ASCII
// name glued to CJK punctuation or a Korean particle.
func TestCVVNamesAndLanguages(t *testing.T) {
	const cv = "[REDACTED:card_cvv]"
	for _, c := range []struct{ in, want string }{
		{"UnionPay CVN2: 225", "UnionPay CVN2: " + cv},
		{"カード番号は3589 2249 2052 9293、セキュリティコードは640です。", "カード番号は[REDACTED:credit_card]、セキュリティコードは" + cv + "です。"},
		{"カード確認番号：1234", "カード確認番号：" + cv},
		{"我用的卡号是4975-2785-8556-1662-945，CVV 022。", "我用的卡号是[REDACTED:credit_card]，CVV " + cv + "。"},
		{"安全码 225", "安全码 " + cv},
		{"卡片背面的安全碼是 318", "卡片背面的安全碼是 " + cv},
		{"카드 번호는 6011-1299-1771-1732, CVC는 084입니다.", "카드 번호는 [REDACTED:credit_card], CVC는 " + cv + "입니다."},
		{"보안코드 331", "보안코드 " + cv},
		{"보안 코드 331", "보안 코드 " + cv},
		{"código de segurança 512", "código de segurança " + cv},
		{"codigo de seguranca: 5120", "codigo de seguranca: " + cv},
		// Not codes: other words glued to CJK text, a name far off, a year.
		{"版本v2，共 120 个", "版本v2，共 120 个"},
		{"ID는 123입니다", "ID는 123입니다"},
		{"订单CID号码 4471", "订单CID号码 4471"},
		{"segurança 512", "segurança 512"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

// TestCodeCell: the cell right after a card's cell holding the card's
// code length (4 for Amex, 3 for the others) is its security code.
func TestCodeCell(t *testing.T) {
	const cc, cv = "[REDACTED:credit_card]", "[REDACTED:card_cvv]"
	for _, c := range []struct{ in, want string }{
		{"| 7412 | Ioana Popescu | 3540444426897253 | 819 | FI6552888280804135 |", "| 7412 | Ioana Popescu | " + cc + " | " + cv + " | [REDACTED:iban] |"},
		{"| 6231 | Amina | 3000 880639 2350 | 939 |\n| 6232 | Jo | 6759-2766-8823-2681 | 041 |", "| 6231 | Amina | " + cc + " | " + cv + " |\n| 6232 | Jo | " + cc + " | " + cv + " |"},
		{"amex\t3782 822463 10005\t4821\n", "amex\t" + cc + "\t" + cv + "\n"},
		{`"4111111111111111";"123"`, `"` + cc + `";"` + cv + `"`},
		// After the expiry's cell: pan,exp,cvv.
		{"CB1343398,\"Mei Tran\",6011020061054088,02/30,045,528.19", "CB1343398,\"Mei Tran\"," + cc + ",02/30," + cv + ",528.19"},
		{"373755408134250,10/31,7108,376.52\n", cc + ",10/31," + cv + ",376.52\n"},
		{"| 4111 1111 1111 1111 | 04/2029 | 123 |", "| " + cc + " | 04/2029 | " + cv + " |"},
		// Not codes: the wrong length for the issuer, another cell between,
		// a number in prose after a card, a cell with more in it.
		{"4111111111111111 | 1234 |", cc + " | 1234 |"},
		{"amex 3782 822463 10005 | 482 |", "amex " + cc + " | 482 |"},
		{"| 4111111111111111 | Visa | 123 |", "| " + cc + " | Visa | 123 |"},
		{"paid 4111111111111111, 123 times", "paid " + cc + ", 123 times"},
		{"| 4111111111111111 | 123 USD |", "| " + cc + " | 123 USD |"},
		{"4111111111111111,13/30,123", cc + ",13/30,123"},
		{"4111111111111111,02/30,1234", cc + ",02/30,1234"},
		{"4111111111111111,2030-02-01,123", cc + ",2030-02-01,123"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestCodeAfterCard(t *testing.T) {
	r, err := NewRedactor(allMask(), nil, []byte("k"))
	require.NoError(t, err)
	for _, c := range []struct{ in, want string }{
		{"kaart 6304355584962219 geldig tot 12/30 beveiligingscode 514", "kaart [REDACTED:credit_card] geldig tot 12/30 beveiligingscode [REDACTED:card_cvv]"},
		{"kortti 4111 1111 1111 1111 voimassa 02/28 turvakoodi 274!", "kortti [REDACTED:credit_card] voimassa 02/28 turvakoodi [REDACTED:card_cvv]!"},
		{"karte 4111111111111111 gültig bis 04/2027 prüfziffer 973", "karte [REDACTED:credit_card] gültig bis 04/2027 prüfziffer [REDACTED:card_cvv]"},
		{"kartu kredit 4111-1111-1111-1111 exp 12/28 cvv nya 129", "kartu kredit [REDACTED:credit_card] exp 12/28 cvv nya [REDACTED:card_cvv]"},
		{"כרטיס אשראי 3782 822463 10005 תוקף 07/31 קוד אבטחה 6394", "כרטיס אשראי [REDACTED:credit_card] תוקף 07/31 קוד אבטחה [REDACTED:card_cvv]"},
		{"kártyaszám 4111 1111 1111 1111 lejárat 04/30 biztonsági kód 083", "kártyaszám [REDACTED:credit_card] lejárat 04/30 biztonsági kód [REDACTED:card_cvv]"},
		// Card, expiry and code in one line, no word: typed (M/YY too)
		// or dumped with '|'.
		{"use this card 4111111111111111 4/27 318", "use this card [REDACTED:credit_card] 4/27 [REDACTED:card_cvv]"},
		{"5555555555554444|11/2028|204", "[REDACTED:credit_card]|11/2028|[REDACTED:card_cvv]"},
		// The answer to a question about the code, on its own line.
		{
			"CALLER: it's 4111 1111 1111 1111\nAGENT: expiration?\nCALLER: 09/28\nAGENT: and the three digit code on the back?\nCALLER: 318.\n",
			"CALLER: it's [REDACTED:credit_card]\nAGENT: expiration?\nCALLER: 09/28\nAGENT: and the three digit code on the back?\nCALLER: [REDACTED:card_cvv].\n",
		},
		// Not the card's code: the wrong length, another number between,
		// no word for a code, another line, a longer number.
		{"kaart 3782 822463 10005 beveiligingscode 514", "kaart [REDACTED:credit_card] beveiligingscode 514"},
		{"karte 4111111111111111, Bestellung 395", "karte [REDACTED:credit_card], Bestellung 395"},
		{"card 4111111111111111 x 3 items, code 123", "card [REDACTED:credit_card] x 3 items, code 123"},
		{"card 4111111111111111 declined\ncode 123", "card [REDACTED:credit_card] declined\ncode 123"},
		{"card 4111111111111111 code postal 75001", "card [REDACTED:credit_card] code postal 75001"},
		{"card 4111111111111111 promo code 123.50", "card [REDACTED:credit_card] promo code 123.50"},
		{"card 4111111111111111 13/27 318", "card [REDACTED:credit_card] 13/27 318"},
		{"card 4111111111111111 4/27 3 items", "card [REDACTED:credit_card] 4/27 3 items"},
		{"card 4111111111111111\nAGENT: how many tickets?\nCALLER: 318", "card [REDACTED:credit_card]\nAGENT: how many tickets?\nCALLER: 318"},
	} {
		got, _, _ := r.Redact(c.in, r.NewState())
		assert.Equal(t, c.want, got, c.in)
	}
}
