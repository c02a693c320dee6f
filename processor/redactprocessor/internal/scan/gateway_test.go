// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGatewayNumbers covers numbers in E.164 without '+' as SMS and
// telephony APIs take them, under their recipient and sender fields.
func TestGatewayNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"POST /send?to=4915123456789&text=hi", "POST /send?to=[REDACTED:phone]&text=hi"},
		{"msisdn=447700900123&status=DELIVRD", "msisdn=[REDACTED:phone]&status=DELIVRD"},
		{`{"phone_number": "14155550100"}`, `{"phone_number": "[REDACTED:phone]"}`},
		{"From=%2B14155550100&To=%2B14155550123&Body=hi", "From=[REDACTED:phone]&To=[REDACTED:phone]&Body=hi"},
		{`{"to": "919876543210", "from": "TXTLCL"}`, `{"to": "[REDACTED:phone]", "from": "TXTLCL"}`},
		{`{"recipients": [31612345678]}`, `{"recipients": ["[REDACTED:phone]"]}`},
		{"recipients[]=31612345678&originator=Shop", "recipients[]=[REDACTED:phone]&originator=Shop"},
		{"dst=61412345678&src=14155550100", "dst=[REDACTED:phone]&src=[REDACTED:phone]"},
		{`"Destination": 8613800138000`, `"Destination": [REDACTED:phone]`},
		// A national mobile in one piece (phone_plans.go) under such a key.
		{"msg_id=7a1 to=0612345678 from=MYSHOP status=queued", "msg_id=7a1 to=[REDACTED:phone] from=MYSHOP status=queued"},
		{"ts=0612345678 id=0612345678", "ts=0612345678 id=0612345678"},
		// A call record's calling line identity.
		{`{"call":"RC-3686391","cli":"07596065470"}`, `{"call":"RC-3686391","cli":"[REDACTED:phone]"}`},
		{"the cli tool version 1234567", "the cli tool version 1234567"},
		// Not phones: ids under to=, a number not valid for its code (a
		// German number that is no mobile, a 12-digit +1 number, an NANP
		// area code of the plan's reserve), a date, another key.
		{"to=491234567890&ref=1", "to=491234567890&ref=1"},
		{"to=1190347788", "to=1190347788"},
		{"to=14915551234", "to=14915551234"},
		{"to=20240315", "to=20240315"},
		{"order_to=4915123456789", "order_to=4915123456789"},
		{"amount=4915123456789", "amount=4915123456789"},
		{"user.to=4915123456789", "user.to=4915123456789"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestE164(t *testing.T) {
	for _, c := range []struct {
		d  string
		ok bool
	}{
		{"4915123456789", true},
		{"447700900123", true},
		{"14155550100", true},
		{"33612345678", true},
		{"8613800138000", true},
		{"79161234567", true},
		{"36301234567", true},
		{"5511912345678", true},
		{"491234567890", false},
		{"33123456789", false},
		{"1415555010", false},
		{"12115550100", false},
		{"14151550100", false},
		{"0491512345678", false},
		{"999123456789", false},
		{"44000000000", false},
	} {
		assert.Equal(t, c.ok, e164(c.d), c.d)
	}
}
