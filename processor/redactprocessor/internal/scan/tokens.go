// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// tokenShape is a secret with a vendor prefix: the prefix, then a body of
// one character class whose length is in [min, max] (max 0: no bound).
type tokenShape struct {
	prefix   string
	typ      Type
	body     func(byte) bool
	min, max int
}

func isB64URLDot(c byte) bool { return isB64URL(c) || c == '.' }
func isB64URLEq(c byte) bool  { return isB64URL(c) || c == '=' }
func isWordDot(c byte) bool   { return isWord(c) || c == '.' || c == '-' }
func isHexDash(c byte) bool   { return isHex(c) || c == '-' }
func isSlackBody(c byte) bool { return isAlnum(c) || c == '-' }

// tokenShapes are the secrets known by their prefix. To add one, add a
// line here and a case to TestTokenShapes (tokens_test.go); the test checks
// that the prefix has a trigger byte within wordReach.
//
// Sources: gitleaks/gitleaks config/gitleaks.toml at b58d3f1 and
// trufflesecurity/trufflehog pkg/detectors/*/ at 3ab759f (prefixes, body
// alphabets and lengths).
var tokenShapes = []tokenShape{
	{"sk-ant-", AnthropicKey, isB64URL, 32, 0}, // sk-ant-api03-…, sk-ant-admin01-…
	{"sk-", OpenAIKey, isB64URL, 20, 0},        // sk-…, sk-proj-…, sk-svcacct-… (needs a digit)

	{"AKIA", AWSAccessKey, isUpperAl, 16, 16},
	{"ASIA", AWSAccessKey, isUpperAl, 16, 16},
	{"ABIA", AWSAccessKey, isUpperAl, 16, 16},
	{"ACCA", AWSAccessKey, isUpperAl, 16, 16},
	{"AGPA", AWSAccessKey, isUpperAl, 16, 16},
	{"AIDA", AWSAccessKey, isUpperAl, 16, 16},
	{"AROA", AWSAccessKey, isUpperAl, 16, 16},
	{"ANPA", AWSAccessKey, isUpperAl, 16, 16},
	{"AIPA", AWSAccessKey, isUpperAl, 16, 16},
	{"ANVA", AWSAccessKey, isUpperAl, 16, 16},
	{"A3T", AWSAccessKey, isUpperAl, 17, 17},

	{"ghp_", GitHubToken, isAlnum, 36, 36},
	{"gho_", GitHubToken, isAlnum, 36, 36},
	{"ghu_", GitHubToken, isAlnum, 36, 36},
	{"ghs_", GitHubToken, isAlnum, 36, 36},
	{"ghr_", GitHubToken, isAlnum, 36, 36},
	{"github_pat_", GitHubToken, isWord, 22, 0},

	{"glpat-", GitLabToken, isB64URLDot, 20, 0},
	{"gldt-", GitLabToken, isB64URL, 20, 0},
	{"glrt-", GitLabToken, isB64URLDot, 20, 0},
	{"glptt-", GitLabToken, isHex, 40, 40},
	{"glsoat-", GitLabToken, isB64URL, 20, 0},
	{"glcbt-", GitLabToken, isB64URL, 20, 0},
	{"glffct-", GitLabToken, isB64URL, 20, 0},
	{"glft-", GitLabToken, isB64URL, 20, 0},
	{"glimt-", GitLabToken, isB64URL, 25, 0},
	{"glagent-", GitLabToken, isB64URL, 50, 0},
	{"gloas-", GitLabToken, isB64URL, 64, 0},
	{"GR1348941", GitLabToken, isB64URL, 20, 0},

	{"xoxb-", SlackToken, isSlackBody, 10, 0},
	{"xoxp-", SlackToken, isSlackBody, 10, 0},
	{"xoxa-", SlackToken, isSlackBody, 10, 0},
	{"xoxo-", SlackToken, isSlackBody, 10, 0},
	{"xoxs-", SlackToken, isSlackBody, 10, 0},
	{"xoxr-", SlackToken, isSlackBody, 10, 0},
	{"xoxe-", SlackToken, isSlackBody, 10, 0},
	{"xapp-", SlackToken, isSlackBody, 10, 0},

	{"AIza", GoogleAPIKey, isB64URL, 35, 35},

	{"sk_live_", StripeKey, isAlnum, 16, 0},
	{"sk_test_", StripeKey, isAlnum, 16, 0},
	{"sk_prod_", StripeKey, isAlnum, 16, 0},
	{"rk_live_", StripeKey, isAlnum, 16, 0},
	{"rk_test_", StripeKey, isAlnum, 16, 0},
	{"whsec_", StripeKey, isAlnum, 32, 0},

	{"hf_", HuggingFaceToken, isAlnum, 34, 34},
	{"api_org_", HuggingFaceToken, isAlnum, 34, 34},

	// Other vendors, one type.
	{"sk-or-v1-", APIToken, isHex, 64, 64},              // OpenRouter
	{"gsk_", APIToken, isAlnum, 52, 52},                 // Groq
	{"r8_", APIToken, isB64URL, 37, 37},                 // Replicate
	{"pplx-", APIToken, isAlnum, 48, 48},                // Perplexity
	{"xai-", APIToken, isWord, 80, 80},                  // xAI
	{"lsv2_pt_", APIToken, isWord, 43, 43},              // LangSmith
	{"lsv2_sk_", APIToken, isWord, 43, 43},              // LangSmith
	{"pcsk_", APIToken, isWord, 60, 0},                  // Pinecone
	{"tvly-", APIToken, isB64URL, 32, 0},                // Tavily
	{"npm_", APIToken, isAlnum, 36, 36},                 // npm
	{"pypi-AgEIcHlwaS5vcmc", APIToken, isB64URL, 50, 0}, // PyPI
	{"dckr_pat_", APIToken, isB64URL, 20, 0},            // Docker Hub
	{"shpat_", APIToken, isHex, 32, 32},                 // Shopify
	{"shpss_", APIToken, isHex, 32, 32},
	{"shpca_", APIToken, isHex, 32, 32},
	{"shppa_", APIToken, isHex, 32, 32},
	{"dop_v1_", APIToken, isHex, 64, 64}, // DigitalOcean
	{"doo_v1_", APIToken, isHex, 64, 64},
	{"dor_v1_", APIToken, isHex, 64, 64},
	{"ATATT3", APIToken, isB64URLEq, 100, 0},    // Atlassian (…=<8 hex checksum>)
	{"lin_api_", APIToken, isAlnum, 40, 40},     // Linear
	{"ntn_", APIToken, isAlnum, 46, 46},         // Notion
	{"glc_", APIToken, isB64, 32, 0},            // Grafana Cloud
	{"glsa_", APIToken, isWord, 41, 41},         // Grafana service account
	{"sntrys_", APIToken, isB64, 50, 0},         // Sentry org
	{"sntryu_", APIToken, isHex, 64, 64},        // Sentry user
	{"PMAK-", APIToken, isHexDash, 59, 59},      // Postman
	{"pscale_tkn_", APIToken, isWordDot, 32, 0}, // PlanetScale
	{"pscale_pw_", APIToken, isWordDot, 32, 0},
	{"pscale_oauth_", APIToken, isWordDot, 32, 0},
	{"sbp_", APIToken, isHex, 40, 40},                 // Supabase
	{"SG.", APIToken, isB64URLDot, 66, 66},            // SendGrid
	{"xkeysib-", APIToken, isHexDash, 70, 90},         // Brevo (Sendinblue)
	{"key-", APIToken, isHex, 32, 32},                 // Mailgun
	{"SK", APIToken, isHex, 32, 32},                   // Twilio API key
	{"GOCSPX-", APIToken, isB64URL, 24, 0},            // Google OAuth client secret
	{"ya29.", APIToken, isB64URLDot, 30, 0},           // Google OAuth access token
	{"AGE-SECRET-KEY-1", APIToken, isUpperAl, 58, 58}, // age
	{"NRAK-", APIToken, isUpperAl, 27, 27},            // New Relic
	{"HRKU-", APIToken, isB64URL, 60, 0},              // Heroku
	{"fo1_", APIToken, isB64URL, 43, 43},              // Fly.io
	{"figd_", APIToken, isB64URL, 40, 0},              // Figma
	{"rubygems_", APIToken, isHex, 48, 48},            // RubyGems
	{"pul-", APIToken, isHex, 40, 40},                 // Pulumi
	{"sq0atp-", APIToken, isB64URL, 22, 0},            // Square
	{"sq0csp-", APIToken, isB64URL, 22, 0},            // Square
	{"shippo_live_", APIToken, isHex, 40, 40},         // Shippo
	{"shippo_test_", APIToken, isHex, 40, 40},         // Shippo
	{"dt0c01.", APIToken, isB64URLDot, 80, 0},         // Dynatrace
	{"LTAI", APIToken, isAlnum, 20, 20},               // Alibaba Cloud
	{"AKCp", APIToken, isAlnum, 69, 69},               // JFrog
}

// word tries the detectors that start at a word boundary with a letter:
// token prefixes, JWTs, IBANs and IPv6 addresses. A match counts only when
// reachable, so the walk finds the same with and without skipping.
func (sc *Scanner) word(s string, i int) (Finding, bool) {
	f, ok := sc.wordAt(s, i)
	return f, ok && reachable(s, i)
}

func (sc *Scanner) wordAt(s string, i int) (Finding, bool) {
	if len(sc.words[s[i]]) > 0 {
		if t, end, ok := sc.token(s, i); ok {
			return Finding{i, end, t}, true
		}
	}
	r := s[i:]
	if sc.on[AWSSecretKey] && (r[0] == 'a' || r[0] == 'A') && len(r) > 22 && strings.EqualFold(r[:22], "aws_secret_access_key ") {
		// aws configure set aws_secret_access_key <secret>
		if e := runOf(s, i+22, isB64); awsSecretShape(s[i+22:e]) && (e == len(s) || !isWord(s[e])) {
			return Finding{i + 22, e, AWSSecretKey}, true
		}
	}
	if sc.on[JWT] && strings.HasPrefix(r, "eyJ") {
		if end, ok := jwt(s, i); ok {
			return Finding{i, end, JWT}, true
		}
	}
	if sc.on[IBAN] && len(r) >= 15 && isLetter(r[0]) && isLetter(r[1]) && isDigit(r[2]) && isDigit(r[3]) {
		if end, ok := iban(s, i); ok {
			return Finding{i, end, IBAN}, true
		}
	}
	if sc.on[IPv6] && isHex(r[0]) && groupThenColon(r) {
		if end, ok := ipv6(s, i); ok {
			return Finding{i, end, IPv6}, true
		}
	}
	if phraseBefore(s, i) {
		if f, ok := sc.afterPhrase(s, i); ok {
			return f, true
		}
	}
	return Finding{}, false
}

// token matches a tokenShape at s[i].
func (sc *Scanner) token(s string, i int) (Type, int, bool) {
	if i+1 >= len(s) || sc.second[s[i]][s[i+1]>>6]&(1<<(s[i+1]&63)) == 0 {
		return 0, 0, false
	}
	for _, t := range sc.words[s[i]] {
		if !strings.HasPrefix(s[i:], t.prefix) {
			continue
		}
		b := i + len(t.prefix)
		end := runOf(s, b, t.body)
		for end > b && s[end-1] == '.' {
			end-- // a sentence's full stop
		}
		n := end - b
		if n < t.min || (t.max > 0 && n > t.max) || (end < len(s) && isWord(s[end])) {
			continue
		}
		body := s[b:end]
		if !mixedToken(body) {
			continue // one kind of character (a word, xxxx…): not a random secret
		}
		switch t.typ {
		case OpenAIKey:
			// Random base62 (sk-…, sk-proj-…) or hex (DeepSeek), not a slug
			// such as sk-learn-2024-tutorial.
			base62 := charKinds(body) == cDigit|cUpper|cLower
			hex := allHex(body) && len(body) >= 32
			if strings.HasPrefix(s[i:], "sk-ant-") || (!base62 && !hex) {
				continue
			}
		case SlackToken:
			if !hasDigit(body) {
				continue // xoxb-token-here in documentation
			}
		}
		return t.typ, end, true
	}
	return 0, 0, false
}

// charKinds returns which of digits, upper-case and lower-case letters s
// holds (cDigit | cUpper | cLower).
func charKinds(s string) uint8 {
	var kinds uint8
	for k := 0; k < len(s); k++ {
		kinds |= class[s[k]]
	}
	return kinds & (cDigit | cUpper | cLower)
}

func allHex(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isHex(s[k]) {
			return false
		}
	}
	return true
}

// mixedToken reports whether a token body mixes character kinds, as
// random secrets do (prose and identifiers that happen to follow a prefix
// do not).
func mixedToken(b string) bool {
	var kinds uint8
	for k := 0; k < len(b); k++ {
		kinds |= class[b[k]] & (cDigit | cUpper | cLower)
		if kinds&(kinds-1) != 0 {
			return true // two kinds or more
		}
	}
	return false
}
