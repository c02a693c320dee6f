// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import "testing"

// TestSpokenNumbers: numbers a caller says as words in a transcript's turn,
// by their checks and their turn's words, and the numbers of a turn that
// are none of those.
func TestSpokenNumbers(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{
			"[00:00:11] AGENT: And the card you're calling about?\n[00:00:14] CALLER: ok it's four nine six three nine five double four double eight double five double two seven nine\n",
			"[00:00:11] AGENT: And the card you're calling about?\n[00:00:14] CALLER: ok it's [REDACTED:credit_card]\n",
		},
		{
			"[00:00:29] AGENT: and the three digit code on the back\n[00:00:31] CALLER: three one four\n",
			"[00:00:29] AGENT: and the three digit code on the back\n[00:00:31] CALLER: [REDACTED:card_cvv]\n",
		},
		{
			"Agent: righto, what's the best mobile?\nCustomer: it's oh four two nine six eight six three five four\n",
			"Agent: righto, what's the best mobile?\nCustomer: it's [REDACTED:phone]\n",
		},
		{
			"Agent: we need your TFN otherwise withholding tax applies\nCustomer: oh yep um seven six four five four seven eight three nine\n",
			"Agent: we need your TFN otherwise withholding tax applies\nCustomer: oh yep um [REDACTED:national_id]\n",
		},
		{
			"00:04:17 AGENT: Can you verify the last four of your social?\n00:04:20 CALLER: the whole thing is two three eight nine seven two three double five\n",
			"00:04:17 AGENT: Can you verify the last four of your social?\n00:04:20 CALLER: the whole thing is [REDACTED:ssn]\n",
		},
		{
			"AGENT: card please\nCALLER: 5348 6933 1814 2710 — sorry, five three four eight six nine double three one eight one four two seven one oh\n",
			"AGENT: card please\nCALLER: [REDACTED:credit_card] — sorry, [REDACTED:credit_card]\n",
		},
		// A loan number, a reference, amounts and times, a number that
		// fails Luhn, words outside a speaker's turn.
		{"IVR: Please say or enter your loan number.\nCALLER: oh oh seven one two three three four five\n", ""},
		{"AGENT: never read that code to anyone. Your ref is four four seven two.\n", ""},
		{"AGENT: a charge for four hundred and twelve dollars on March ninth, within ten business days\n", ""},
		{"AGENT: the card?\nCALLER: four nine six three nine five double four double eight double five double two seven eight\n", ""},
		{"the numbers were one two three four five six seven eight nine\n", ""},
	})
}
