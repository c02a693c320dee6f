// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpokenDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"CALLER: 3 4 6 2, 9 8 9 5 1 3, 9 4 0 9 0, security code 0 6 6 4", "CALLER: [REDACTED:credit_card], security code [REDACTED:card_cvv]"},
		{"it's 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 thanks", "it's [REDACTED:credit_card] thanks"},
		{"CALLER: 6 2 9 6 4 0 9 7 3 3 4 2 8 2 1 0 3 9 8, CVV 2 2 5", "CALLER: [REDACTED:credit_card], CVV [REDACTED:card_cvv]"},
		{"and the social for the account holder is 1 3 3, 8 0, 4 1 7 4", "and the social for the account holder is [REDACTED:ssn]"},
		{"my SSN is 0 7 8 0 5 1 1 2 0.", "my SSN is [REDACTED:ssn]."},
		{"and my number is 9 8 3 6 0 6 2 2 0 8", "and my number is [REDACTED:phone]"},
		// Groups of speech-to-text's own making, after a word naming them.
		{"my social is 757 3143 86", "my social is [REDACTED:ssn]"},
		{"e o NIF 35 06 88 65 6", "e o NIF [REDACTED:national_id]"},
		{"my aadhaar is 26 50 36 47 47 25", "my aadhaar is [REDACTED:national_id]"},
		{"order 12 34 56 78 90 shipped", "order 12 34 56 78 90 shipped"},
		{"caller: la tarjeta con la que pagué es 478 517 139 60 180 06 cvv 1 6 3", "caller: la tarjeta con la que pagué es [REDACTED:credit_card] cvv [REDACTED:card_cvv]"},
		{"caller: my card is 5380 7556 703 10 448 cvv 6 4 5", "caller: my card is [REDACTED:credit_card] cvv [REDACTED:card_cvv]"},
		{"order 4574 9417 5170 791 3 shipped", "order 4574 9417 5170 791 3 shipped"},
		{"NIF 35 06 88 65 7", "NIF 35 06 88 65 7"}, // the check fails
		{"we counted 3 12 45 items", "we counted 3 12 45 items"},
		// Not taken: Luhn fails, no issuer, nine digits with no SSN word or
		// not valid as one, three digits with no code word, a run inside a
		// longer one, digits glued to a letter, a phone spoken so.
		{"4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2"},
		{"1 2 3 4 5 6 7 8 1 2 3 4 5 6 7 0", "1 2 3 4 5 6 7 8 1 2 3 4 5 6 7 0"},
		{"the scores were 1 3 3 8 0 4 1 7 4", "the scores were 1 3 3 8 0 4 1 7 4"},
		{"social security 6 6 6 1 2 3 4 5 6", "social security 6 6 6 1 2 3 4 5 6"},
		{"rows 1 2 3 of the table", "rows 1 2 3 of the table"},
		{"security code 1 2 3 4 5", "security code 1 2 3 4 5"},
		{"SSN 7 1 3 3 8 0 4 1 7 4", "SSN 7 1 3 3 8 0 4 1 7 4"},
		{"4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1x", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1x"},
		{"plus 5 4 9 1 1 9 7 0 0 9 7 2 7", "plus 5 4 9 1 1 9 7 0 0 9 7 2 7"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}
