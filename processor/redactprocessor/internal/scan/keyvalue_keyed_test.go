// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// stsToken is the shape of an AWS STS session token (base64 of a binary
// header, "!\n\torigin_ec", then the session's data), made for this test.
const stsToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDHq8k2Ky3vQ1fE7Nq4ZpXbW0t9mC6rV5sH2yA8LgJuOiEA0f3kTn7pLcR6dWx1vYq9sMhB4aEzK2jN5uG8iFoP3lT0qgQI+v//////////ARAAGgw1MTY1MjI3ODM3MzYiDN3mK=="

// TestSessionAndOTPKeys: session credentials and second-factor seeds
// named by their key, and AWS session tokens by their prefix.
func TestSessionAndOTPKeys(t *testing.T) {
	const sec = "[REDACTED:generic_secret]"
	for _, c := range []struct{ in, want string }{
		// MCP's streamable HTTP session header: the UUID is the session.
		{"Mcp-Session-Id: 34ed34e0-7178-4ea4-824d-1745e1fbc909", "Mcp-Session-Id: " + sec},
		{`{"mcp-session-id": "34ed34e0-7178-4ea4-824d-1745e1fbc909"}`, `{"mcp-session-id": "` + sec + `"}`},
		{`{"session_id": "34ed34e0-7178-4ea4-824d-1745e1fbc909"}`, `{"session_id": "34ed34e0-7178-4ea4-824d-1745e1fbc909"}`}, // (a chat's)
		// AWS STS session tokens, under any key or none.
		{"X-Amz-Security-Token: " + stsToken, "X-Amz-Security-Token: " + sec},
		{"creds = (b'" + stsToken + "')", "creds = (b'" + sec + "')"},
		{"token FwoGZXIvYXdzEBYaDH7kLmQ2pRt7VwY4sN5vXc9dE1fG3hJ8kL0mN2pQ4rS6tU8wBYaD done", "token " + sec + " done"},
		{"aws_session_token = " + stsToken, "aws_session_token = " + sec},
		// One-time password seeds (RFC 6238 base32).
		{`{"totp_seed": "JBSWY3DPEHPK3PXP"}`, `{"totp_seed": "` + sec + `"}`},
		{`{"totp_secret": "JBSWYDPEHPKPXPQRJBSWYDPE"}`, `{"totp_secret": "` + sec + `"}`}, // (no digit: base32)
		{"otp_secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "otp_secret=" + sec},
		{`{"mfa_secret": "JBSWY3DPEHPK3PXP"}`, `{"mfa_secret": "` + sec + `"}`},
		{`{"2fa_secret": "JBSWY3DPEHPK3PXP"}`, `{"2fa_secret": "` + sec + `"}`},
		{"otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example", "otpauth://totp/Example:alice?secret=[REDACTED:secret_url_param]&issuer=Example"},
		{`{"random_seed": "JBSWY3DPEHPK3PXP"}`, `{"random_seed": "JBSWY3DPEHPK3PXP"}`},
		{`{"seed": 42}`, `{"seed": 42}`},
		{`{"totp_seed": "notconfiguredyet"}`, `{"totp_seed": "notconfiguredyet"}`},
		// PagerDuty's Events API v2 routing key; AMQP's routing keys are topics.
		{`{"routing_key": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "event_action": "trigger"}`, `{"routing_key": "` + sec + `", "event_action": "trigger"}`},
		{`{"integration_key": "a1b2c3d4e5f60718293a4b5c6d7e8f90"}`, `{"integration_key": "` + sec + `"}`},
		{`{"routing_key": "orders.created.eu-west-1"}`, `{"routing_key": "orders.created.eu-west-1"}`},
		{`{"routing_key": "order_created_2024"}`, `{"routing_key": "order_created_2024"}`},
		// A GCP service account key file's id of its key is kept (the
		// held-out corpora disagree on it; classifyKey).
		{`{"type": "service_account", "private_key_id": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"}`, `{"type": "service_account", "private_key_id": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"}`},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
	assert.True(t, base32Seed("JBSWY3DPEHPK3PXP"))
	assert.True(t, base32Seed("GEZDGNBVGY3TQOJQ===="))
	assert.False(t, base32Seed("JBSWY3DPEHPK3PX"))  // (15)
	assert.False(t, base32Seed("JBSWY3DPEHPK3PX1")) // (1: not base32)
	assert.False(t, base32Seed("jbswy3dpehpk3pxp"))
}
