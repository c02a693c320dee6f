// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
