// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// sampleBody writes n bytes of body the shape's class accepts, mixing
// digits and both cases where the class has them, from the k-th letter of
// a fixed random run (k 0: a digit first; k 1: letters first).
func sampleBody(t tokenShape, n, k int) string {
	var b strings.Builder
	for _, c := range "7aB3xQ9kLm2ZpR5tY8vW0nC4dF6gH1jK7aB3xQ9kLm2ZpR5tY8vW0nC4dF6gH1jK"[k:] {
		if b.Len() == n {
			break
		}
		if t.body(byte(c)) {
			b.WriteRune(c)
		}
	}
	for b.Len() < n {
		b.WriteString(b.String()[:min(b.Len(), n-b.Len())])
	}
	return b.String()
}

// TestTokenShapes: every shape without a structure check finds a token of
// its own, its body starting with a digit or with letters, in prose, in
// JSON and after "key=", and reports its type; a body one byte short is
// not a token. A prefix with no trigger byte within wordReach (dapi,
// EZTK, dp.pt.) is found from its body's digits (wordShape), so both
// bodies matter. Shapes with a check are tested on their own examples
// (TestTokenStructures).
func TestTokenShapes(t *testing.T) {
	for _, sh := range tokenShapes {
		if sh.check != nil {
			assert.NotEmpty(t, structuredTokens[sh.prefix], "%s has a check: give it examples in structuredTokens", sh.prefix)
			continue
		}
		n := sh.min
		if n < 24 && sh.max == 0 {
			n = 24
		}
		for k := range 2 {
			tok := sh.prefix + sampleBody(sh, n, k)
			want := "[REDACTED:" + sh.typ.String() + "]"
			for _, frame := range []string{"use %s now", `{"k":"%s"}`, "k=%s\n", "token: %s."} {
				in := strings.Replace(frame, "%s", tok, 1)
				assert.Equal(t, strings.Replace(frame, "%s", want, 1), redactOne(t, in), "%s in %q", sh.prefix, frame)
			}
		}
		if sh.min > 0 {
			short := sh.prefix + sampleBody(sh, sh.min-1, 0)
			assert.NotContains(t, redactOne(t, "use "+short+" now"), "REDACTED:"+sh.typ.String(), "%s one byte short", sh.prefix)
		}
	}
}

// structuredTokens are, per prefix of a shape with a check, tokens it must
// find (from the gitleaks rule's own examples where it has them, at
// b58d3f1, else written to the source's format) and look-alikes with the
// prefix that it must not.
var structuredTokens = map[string]struct{ hits, misses []string }{
	"A3-": {
		[]string{"A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM-H43EB", "A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB", "A3-C4ZJMN-PQTZTL-HGL84-G64M7-KVZRN-4ZVP6"},
		[]string{"A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX", "A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM", "A3-ASWWYB798JRYLJVD423DC286TVMH43EB"},
	},
	"v1.0-": {
		[]string{
			"v1.0-aaa334dc886f30631ba0a610-0d98ef66290d7e50aac7c27b5986c99e6f3f1084c881d8ac0eae5de1d1aa0644076ff57022069b3237d19afe60ad045f207ef2b16387ee37b749441b2ae2e9ebe5b4606e846475d4a5",
			"v1.0-15d20c7fccb4234ac5cdd756-d5c2630d1b606535cf9320ae7456b090e0896cec64169a92fae4e931ab0f72f111b2e4ffed5b2bb40f6fba6b2214df23b188a23693d59ce3fb0d28f7e89a2206d98271b002dac695ed",
		},
		[]string{"v1.0-rc1", "v1.0-2024-01-15", "v1.0-aaa334dc886f30631ba0a610-0d98ef66290d7e50aac7c27b5986c99e6f3f1084"},
	},
	"LS0tLS1CRUdJTi": {
		[]string{
			"LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdlZZTi92SXJNOFJ2eVJjWHdlMG9Xd1djSERZOTI0a2wydWNYUE1aRFpJLzJQN055aHMKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K",
			"LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0KYjNCbGJuTnphQzFyWlhrdGRqRUFBQUFBQkc1dmJtVUFBQUFFYm05dVpRQUFBQUFBQUFBQkFBQUFNd0FBQUF0emMyZ3RaVwotLS0tLUVORCBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0K",
		},
		[]string{
			"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURhekNDQWxPZ0F3SUJBZ0lVWDhiMHBKcVI0RnoyazFvTjN2WTdtQTZzSGtFd0RRWUpLb1pJaHZjTkFRRUwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=",
			"LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUlJQklqQU5CZ2txaGtpRzl3MEJBUUVGQUFPQ0FROEFNSUlCQ2dLQ0FRRUF2VllOL3ZJck04UnZ5UmNYd2Uwb1d3Ci0tLS0tRU5EIFBVQkxJQyBLRVktLS0tLQo=",
		},
	},
	"live_": {
		[]string{"live_883920174_Xk2PqLmN9rT4vB7wYz1cD5eF8gH0jJ", "live_12345678_aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2"},
		[]string{"live_883920174_short", "live_events_dashboard_2024_overview_page", "live_883920174_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	},
	"dapi": {
		// (gitleaks' databricks-api-token: [a-h0-9], g and h too)
		[]string{"dapif13ac4b49d1cb31f69f678e39602e381-2", "dapi4e1a2b7c9d0f3a6e8b5c2d1f0a9e7b3c", "dapih3a1g09b7c2d4e6f8a0b2c4d6e8f0a1b"},
		[]string{"dapi123456789012345678a9bc01234defk5", "dapi-docs", "dapif13ac4b49d1cb31f69f678e39602e38"},
	},
	"EAA": {
		[]string{"EAAM" + strings.Repeat("Zb7xQ2kLw9", 11), "EAAG7Rk89tLfSsvuXWgTRWbqoTsdUpXRhzCvtCh45bMq9OGedWRatm1BF2iJxE3dmiegIBia8TWLjrlSQg2Cf739KdVFLhW4P63wk4Ar5kdDeBb"},
		[]string{"EAA" + strings.Repeat("7bxq2klw9z", 11), "EAAM" + strings.Repeat("Zb7xQ2kLw9", 5)},
	},
	"FLWSECK_TEST-": {
		[]string{"FLWSECK_TEST-9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d-X"},
		[]string{"FLWSECK_TEST-9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d", "FLWSECK_TEST-9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d-Y"},
	},
	"FLWPUBK_TEST-": {
		[]string{"FLWPUBK_TEST-0f1e2d3c4b5a69788796a5b4c3d2e1f0-X"},
		[]string{"FLWPUBK_TEST-0f1e2d3c4b5a69788796a5b4c3d2e1f0"},
	},
	"FLWSECK-": {
		[]string{"FLWSECK-357304fe58c8a8512c4f136af6be62d0-X", "FLWSECK-c0ffee12a9b8c7d6e5f4a3b2c1d0e9f8-X"},
		[]string{"FLWSECK-357304fe58c8a8512c4f136af6be62d0", "FLWSECK-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-X"},
	},
	"pat.": {
		[]string{"pat.Ab3dE5fG7hI9jK1lM3nO5p.Qr7sT9uV1wX3yZ5aB7cD9eF1.gH3iJ5kL7mN9oP1qR3sT"},
		[]string{"pat.Ab3dE5fG7hI9jK1lM3nO5p.Qr7sT9uV1wX3yZ5aB7cD9eF1", "pat.Ab3dE5fG7hI9jK1lM3nO5p.Qr7sT9uV1wX3-Z5aB7cD9eF1.gH3iJ5kL7mN9oP1qR3sT"},
	},
	"sat.": {
		[]string{"sat.Zx9_Yw8-Vu7tS6rQ5pO4nM.La3kJ2iH1gF0eD9cB8aZ7yX6.Wv5uT4sR3qP2oN1mL0kJ"},
		[]string{"sat.Zx9_Yw8-Vu7tS6rQ5pO4nM"},
	},
	"sgp_": {
		[]string{"sgp_AaD80dc6E02eCAE1_d3cba16CC0F18fA14A2EFB61CbDFceEBf9fAD16b", "sgp_0D697F54cb24238EefB29af05Abf1b505E90950F", "sgp_local_d7dfFD43cF2503B1da673EB560aAa3e80f16FA42"},
		[]string{"sgp_0D697F54cb24238EefB29af05Abf1b505E9095", "sgp_remote_d7dfFD43cF2503B1da673EB560aAa3e80f16FA42"},
	},
	"access_token$production$": {
		[]string{"access_token$production$7vkgea23kzcsxgx4$cfba73b386e8d928334c7f40c85fb648", "access_token$production$q2w3e4r5t6y7u8i9$0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
		[]string{"access_token$production$7vkgea23kzcsxgx4", "access_token$production$7vkgea23kzcsxgx4$cfba73b386e8d928334c7f40c85fb64z"},
	},
	"access_token$sandbox$": {
		[]string{"access_token$sandbox$m4n5b6v7c8x9z0l1$ffeeddccbbaa99887766554433221100"},
		[]string{"access_token$sandbox$"},
	},
}

// TestTokenStructures: the shapes with a check find their examples in
// prose, JSON and after "key=", and not their look-alikes.
func TestTokenStructures(t *testing.T) {
	for prefix, c := range structuredTokens {
		want := "[REDACTED:api_token]"
		for _, sh := range tokenShapes {
			if sh.prefix == prefix {
				want = "[REDACTED:" + sh.typ.String() + "]"
			}
		}
		for _, tok := range c.hits {
			for _, frame := range []string{"use %s now", `{"k":"%s"}`, "k=%s\n", "here: `%s`."} {
				in := strings.Replace(frame, "%s", tok, 1)
				out := redactOne(t, in)
				assert.NotContains(t, out, tok, "%s: %q", prefix, in)
				assert.Equal(t, 1, strings.Count(out, want), "%s: %q → %q", prefix, in, out)
			}
		}
		for _, s := range c.misses {
			in := "use " + s + " now"
			assert.Equal(t, in, redactOne(t, in), prefix)
		}
	}
}

func TestBareKey64(t *testing.T) {
	const k = "0VrQx0AVUxnAM8jnT5Dfo3lMtkOEzcA3ai0Wn1bQDYIfHzgUc6RDGZm7T9p8Md5M"
	const tok = "[REDACTED:api_token]"
	redactCases(t, []struct{ in, want string }{
		{"Binance: " + k + " / " + k, "Binance: " + tok + " / " + tok},
		{"const client = new Spot('" + k + "', '" + k + "')", "const client = new Spot('" + tok + "', '" + tok + "')"},
		{"API Key\n" + k + "\nSecret Key\n" + k + "\n", "API Key\n" + tok + "\nSecret Key\n" + tok + "\n"},
		{"| bot_1 | " + k + " | 2026-10-10 |", "| bot_1 | " + tok + " | 2026-10-10 |"},
		// After a JSON escape: the escape stays whole, and its letter is
		// not the key's first.
		{`{"m":"API Key:\n` + k + `\tok"}`, `{"m":"API Key:\n` + tok + `\tok"}`},
		{`{"m":"\b` + k[1:] + ` "}`, `{"m":"\b` + k[1:] + ` "}`},
		// Kept: a hex digest (one case), the lines of a PEM body (indented
		// in YAML too), a longer base64 string, a prefixed token's body.
		{"sha256 e3f8c979223dfdcde49f1435c3d0cd89c8d0d82f416c42bd2a551c3afac75486 ok", ""},
		{"-----BEGIN CERTIFICATE-----\n" + k + "\nBQAwRTELMAkGA1UEBhMCQVUxEzARBgNVBAgMClNvbWUtU3RhdGUxITAfBgNVBAoM\nGEludGVy==\n-----END CERTIFICATE-----", ""},
		{"  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    " + k + "\n    BQAwRTELMAkGA1UEBhMCQVUxEzARBgNVBAgMClNvbWUtU3RhdGUxITAfBgNVBAoM\n", ""},
		{"data " + k + "+/x==", ""},
		{"mytool-" + k, ""},
	})
}

func TestTokenLookalikes(t *testing.T) {
	for _, s := range []string{
		"sk-learn is a library", "ask-me-anything", "AKIA is a prefix", "ghp_ alone", "xoxb- alone",
		"hf_hub_download", "glpat- in the docs", "whsec_ prefix", "key-value store", "SKU-12345",
		"api_org_chart", "SG.hello.world", "npm_config_cache", "dop_v1_", "eyJ alone",
		"pk_live_51H8abcdefGHIJKLmnopqr", "key-abcdefabcdefabcdefabcdefabcdefab", "hf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"sk-learn-2024-tutorial-v1-notebook", "xoxb-your-token-here", "glpat-xxxxxxxxxxxxxxxxxxxx",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
		// AWS's documentation examples (gitleaks allows .+EXAMPLE$).
		"AKIAIOSFODNN7EXAMPLE", "EXAMPLE_AWS_KEY=AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE,",
	} {
		assert.Equal(t, s, redactOne(t, s), s)
	}
}
