// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPercentEncoded(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// A form's '+' spaces and %20 between a card's or a phone's groups.
		{"card_number=5130+8151+2345+6785&exp=12%2F27", "card_number=[REDACTED:credit_card]&exp=12%2F27"},
		{"card=4111%201111%201111%201111&cvc=", "card=[REDACTED:credit_card]&cvc="},
		{"tel=%2B49%2030%20901820&x=1", "tel=[REDACTED:phone]&x=1"},
		{"From=%2B14155550100&To=%2B14155550123", "From=[REDACTED:phone]&To=[REDACTED:phone]"},
		{"message=Pagu%C3%A9+con+la+tarjeta+4559+6012+0453+1950+y+listo", "message=Pagu%C3%A9+con+la+tarjeta+[REDACTED:credit_card]+y+listo"},
		{"q=%2B49+30+901820", "q=[REDACTED:phone]"},
		// URLs logged encoded: a webhook whole, the credentials of a
		// connection URL, an encoded address.
		{
			"redirect_uri=https%3A%2F%2Fhooks.slack.com%2Fservices%2F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&state=1",
			"redirect_uri=[REDACTED:webhook_url]&state=1",
		},
		{"next=postgres%3A%2F%2Fadmin%3As3cretP4ss%40db.internal%3A5432%2Fapp", "next=postgres%3A%2F%2F[REDACTED:url_credentials]%40db.internal%3A5432%2Fapp"},
		{"?email=lena.hoffmann%40gmx.de&lang=de", "?email=[REDACTED:email]&lang=de"},
		{"sam.okafor%2Bbilling@gmail.com", "[REDACTED:email]"},
		// An address's tag and a phone's '+' written unencoded stay what
		// they are.
		{"email=anna_6+orders@web.de&tel=+4930901820", "email=[REDACTED:email]&tel=[REDACTED:phone]"},
		// Not numbers: an id, a sum, a password's own '%' (found as before).
		{"path=%2Fv1%2Forders%2F20240315&page=2", "path=%2Fv1%2Forders%2F20240315&page=2"},
		{"1+1=2 and x=3+4", "1+1=2 and x=3+4"},
		{"q=ticket+4711+open", "q=ticket+4711+open"},
		{"mi contraseña es Sommer%24kL.", "mi contraseña es [REDACTED:password]."},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

// TestPercentEncodedJSON checks that a redacted encoded value keeps the
// JSON string around it valid.
func TestPercentEncodedJSON(t *testing.T) {
	in := `{"url":"https://shop.example/cb?next=https%3A%2F%2Fhooks.slack.com%2Fservices%2F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","body":"card=4111%201111%201111%201111"}`
	out := redactOne(t, in)
	assert.True(t, json.Valid([]byte(out)), out)
	assert.Equal(t, `{"url":"https://shop.example/cb?next=[REDACTED:webhook_url]","body":"card=[REDACTED:credit_card]"}`, out)
}
