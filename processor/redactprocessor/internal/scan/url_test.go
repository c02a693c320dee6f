// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestURLs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://admin:s3cretP4ss@db.internal:5432/app", "postgres://[REDACTED:url_credentials]@db.internal:5432/app"},
		{"redis://:pw12@cache:6379", "redis://[REDACTED:url_credentials]@cache:6379"},
		{"mongodb+srv://u:p@ss@cluster0.mongodb.net/db", "mongodb+srv://[REDACTED:url_credentials]@cluster0.mongodb.net/db"},
		{"https://dana%40acme.io:tok3n@github.com/x.git", "https://[REDACTED:url_credentials]@github.com/x.git"},
		{"https://x-access-token:ghs_abc@github.com", "https://[REDACTED:url_credentials]@github.com"},
		{"https://hooks.slack.com/services/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", "[REDACTED:webhook_url]"},
		{"https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrSt", "[REDACTED:webhook_url]"},
		{"https://acme.webhook.office.com/webhookb2/a1b2c3d4-e5f6@x/IncomingWebhook/abc/def", "[REDACTED:webhook_url]"},
		{"GET /cb?code=abc&access_token=ya29.a0AfH6SMBx HTTP/1.1", "GET /cb?code=abc&access_token=[REDACTED:secret_url_param] HTTP/1.1"},
		{"https://x/f?X-Amz-Credential=AKIAZ3MHQW5TRXLN4PVB%2F20250318%2Fs3&X-Amz-Signature=8d3c2e1f", "https://x/f?X-Amz-Credential=[REDACTED:secret_url_param]&X-Amz-Signature=[REDACTED:secret_url_param]"},
		{"https://maps.example.com/api?key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY&z=3", "https://maps.example.com/api?key=[REDACTED:google_api_key]&z=3"},
		{"#access_token=abc123&token_type=Bearer", "#access_token=[REDACTED:secret_url_param]&token_type=Bearer"},
		// An OAuth authorization code in a redirect URI; other codes stay.
		{"GET /callback?code=A82QCjIE6kBu15qEpQrn&state=0UfIjdWk HTTP/1.1", "GET /callback?code=[REDACTED:secret_url_param]&state=0UfIjdWk HTTP/1.1"},
		{"https://github.com/login/oauth/callback?code=8e3f6a1b9c2d4e5f7a8b", "https://github.com/login/oauth/callback?code=[REDACTED:secret_url_param]"},
		{"https://shop.example.com/cart?code=SUMMER2024&lang=de", "https://shop.example.com/cart?code=SUMMER2024&lang=de"},
		{"https://api.example.com/countries?code=DE", "https://api.example.com/countries?code=DE"},
		// A password with punctuation nobody percent-encoded: braces, brackets, '|'.
		{"postgresql://billing:,*ryC:i$jZM^8}@pg-master.local:5432/billing", "postgresql://[REDACTED:url_credentials]@pg-master.local:5432/billing"},
		{"amqp://app:Qx[7]{r|Z@mq:5672/", "amqp://[REDACTED:url_credentials]@mq:5672/"},
		{"redis://:a<b>c9@cache:6379", "redis://[REDACTED:url_credentials]@cache:6379"},
		// Not credentials.
		{"postgres://user:{{ .Values.pw }}@db/app", "postgres://user:{{ .Values.pw }}@db/app"},
		{`{"url":"postgres://db.internal:5432/app"} @ops`, `{"url":"postgres://db.internal:5432/app"} @ops`},
		{"<redis://u:pw12@cache>,<mailto:ops@example.org>", "<redis://[REDACTED:url_credentials]@cache>,<mailto:[REDACTED:email]>"},
		// Webhook paths in documentation: a segment of one repeated character.
		{"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"},
		{"https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxxxxxx", "https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxxxxxx"},
		{"https://hooks.slack.com/services/T1234ABCD/B5678EFGH/xxxxxxxxxxxxxxxxxxxxxxxx", "https://hooks.slack.com/services/T1234ABCD/B5678EFGH/xxxxxxxxxxxxxxxxxxxxxxxx"},
		{"ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git"},
		{"https://user@example.com/path", "https://user@example.com/path"},
		{"postgres://user:${DB_PASSWORD}@db/app", "postgres://user:${DB_PASSWORD}@db/app"},
		{"https://hooks.slack.com/services/", "https://hooks.slack.com/services/"},
		{"https://example.com/search?q=llm&lang=en", "https://example.com/search?q=llm&lang=en"},
		{"http://10.0.0.5:8080/metrics", "http://[REDACTED:ipv4]:8080/metrics"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestPrivateKeys(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\nnext", "[REDACTED:private_key]\nnext"},
		{"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----", "[REDACTED:private_key]"},
		{"-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOY\n-----END PGP PRIVATE KEY BLOCK-----", "[REDACTED:private_key]"},
		{`{"k":"-----BEGIN EC PRIVATE KEY-----\nMHcC"}`, `{"k":"[REDACTED:private_key]"}`},
		{`{"k":"-----BEGIN EC PRIVATE KEY-----\nMHcC\\"}`, `{"k":"[REDACTED:private_key]\\"}`},
		{"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"},
		{"-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----"},
		{"-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: GnuPG v2\n\nlQOYBGXk\n=Xk3P\n-----END PGP PRIVATE KEY BLOCK-----", "[REDACTED:private_key]"},
		{"<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n0b7c2e91f5a4d3c8e6b1a9f0d2c4e6a8\n-----END OpenVPN Static key V1-----\n</tls-auth>", "<tls-auth>\n[REDACTED:private_key]\n</tls-auth>"},
		// A header without a key: the format named in prose or docs.
		{"never paste the `-----BEGIN OPENSSH PRIVATE KEY-----` line", "never paste the `-----BEGIN OPENSSH PRIVATE KEY-----` line"},
		{"-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN OPENSSH PRIVATE KEY-----"},
		{"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"},
		{`{"k":"-----BEGIN EC PRIVATE KEY-----"}`, `{"k":"-----BEGIN EC PRIVATE KEY-----"}`},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}
