// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"encoding/base64"
	"strings"
)

// tokenShape is a secret with a vendor prefix: the prefix, then a body of
// one character class whose length is in [min, max] (max 0: no bound), and
// which check, when there is one, accepts (the structure inside the body:
// segments, a suffix).
type tokenShape struct {
	prefix   string
	typ      Type
	body     func(byte) bool
	min, max int
	check    func(body string) bool
}

func isB64URLDot(c byte) bool   { return isB64URL(c) || c == '.' }
func isB64URLEq(c byte) bool    { return isB64URL(c) || c == '=' }
func isWordDot(c byte) bool     { return isWord(c) || c == '.' || c == '-' }
func isHexDash(c byte) bool     { return isHex(c) || c == '-' }
func isSlackBody(c byte) bool   { return isAlnum(c) || c == '-' }
func isWordDash(c byte) bool    { return isWord(c) || c == '-' }
func isWordDashEq(c byte) bool  { return isWord(c) || c == '-' || c == '=' }
func isUpperDash(c byte) bool   { return isUpperAl(c) || c == '-' }
func isLowerAlnum(c byte) bool  { return isDigit(c) || (c >= 'a' && c <= 'z') }
func isLowerAlDash(c byte) bool { return isLowerAlnum(c) || c == '-' }
func isAlnumEq(c byte) bool     { return isAlnum(c) || c == '=' }
func isAlnumDollar(c byte) bool { return isAlnum(c) || c == '$' }
func isTypeform(c byte) bool    { return isWordDot(c) || c == '=' }

// isB64Any is either base64 alphabet with padding, and the '_' that joins
// a token's parts: the body after a prefix no other text starts with
// (sntrys_eyJ, ops_eyJ) is taken whole, however it was encoded.
func isB64Any(c byte) bool { return isB64(c) || class[c]&cB64URL != 0 }

// tokenShapes are the secrets known by their prefix. To add one, add a
// line here; TestTokenShapes (tokens_test.go) finds a token of each with a
// body starting with a digit and with letters, and a shape with a check
// needs its examples in structuredTokens. A prefix with a trigger byte
// within wordReach is found where it starts; one without (dapi, EZTK,
// dp.pt.) from the digits of its body (wordShape, shapes.go).
//
// Sources: gitleaks/gitleaks config/gitleaks.toml at b58d3f1 and
// trufflesecurity/trufflehog pkg/detectors/*/ at 3ab759f (prefixes, body
// alphabets and lengths).
var tokenShapes = []tokenShape{
	{"sk-ant-", AnthropicKey, isB64URL, 32, 0, nil}, // sk-ant-api03-…, sk-ant-admin01-…
	{"sk-", OpenAIKey, isB64URL, 20, 0, nil},        // sk-…, sk-proj-…, sk-svcacct-… (needs a digit)

	{"AKIA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"ASIA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"ABIA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"ACCA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"AGPA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"AIDA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"AROA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"ANPA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"AIPA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"ANVA", AWSAccessKey, isUpperAl, 16, 16, nil},
	{"A3T", AWSAccessKey, isUpperAl, 17, 17, nil},
	// AWS STS session tokens (X-Amz-Security-Token, aws_session_token):
	// base64 of a binary header, "!\n\torigin_ec…" (IQoJb3JpZ2luX2Vj) since
	// 2019, "\x17\n\x06er/aws…" (FwoGZXIvYXdzE) before; hundreds of bytes,
	// the session's credential with its access key id (ASIA…).
	{"IQoJb3JpZ2luX2Vj", GenericSecret, isB64Any, 40, 0, nil},
	{"FwoGZXIvYXdzE", GenericSecret, isB64Any, 40, 0, nil},

	{"ghp_", GitHubToken, isAlnum, 36, 36, nil},
	{"gho_", GitHubToken, isAlnum, 36, 36, nil},
	{"ghu_", GitHubToken, isAlnum, 36, 36, nil},
	{"ghs_", GitHubToken, isAlnum, 36, 36, nil},
	{"ghr_", GitHubToken, isAlnum, 36, 36, nil},
	{"github_pat_", GitHubToken, isWord, 22, 0, nil},

	{"glpat-", GitLabToken, isB64URLDot, 20, 0, nil},
	{"gldt-", GitLabToken, isB64URL, 20, 0, nil},
	{"glrt-", GitLabToken, isB64URLDot, 20, 0, nil},
	{"glptt-", GitLabToken, isHex, 40, 40, nil},
	{"glsoat-", GitLabToken, isB64URL, 20, 0, nil},
	{"glcbt-", GitLabToken, isB64URL, 20, 0, nil},
	{"glffct-", GitLabToken, isB64URL, 20, 0, nil},
	{"glft-", GitLabToken, isB64URL, 20, 0, nil},
	{"glimt-", GitLabToken, isB64URL, 25, 0, nil},
	{"glagent-", GitLabToken, isB64URL, 50, 0, nil},
	{"gloas-", GitLabToken, isB64URL, 64, 0, nil},
	{"GR1348941", GitLabToken, isB64URL, 20, 0, nil},

	{"xoxb-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxp-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxa-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxo-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxs-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxr-", SlackToken, isSlackBody, 10, 0, nil},
	{"xoxe-", SlackToken, isSlackBody, 10, 0, nil},
	{"xapp-", SlackToken, isSlackBody, 10, 0, nil},

	{"AIza", GoogleAPIKey, isB64URL, 35, 35, nil},

	{"sk_live_", StripeKey, isAlnum, 16, 0, nil},
	{"sk_test_", StripeKey, isAlnum, 16, 0, nil},
	{"sk_prod_", StripeKey, isAlnum, 16, 0, nil},
	{"rk_live_", StripeKey, isAlnum, 16, 0, nil},
	{"rk_test_", StripeKey, isAlnum, 16, 0, nil},
	{"whsec_", StripeKey, isAlnum, 32, 0, nil},
	{"APP_USR-", APIToken, isHexDash, 60, 90, nil}, // Mercado Pago access token: APP_USR-<app id>-<date>-<hex>-<user id>

	{"hf_", HuggingFaceToken, isAlnum, 34, 34, nil},
	{"api_org_", HuggingFaceToken, isAlnum, 34, 34, nil},

	// Other vendors, one type.
	{"sk-or-v1-", APIToken, isHex, 64, 64, nil},              // OpenRouter
	{"gsk_", APIToken, isAlnum, 52, 52, nil},                 // Groq
	{"r8_", APIToken, isB64URL, 37, 37, nil},                 // Replicate
	{"pplx-", APIToken, isAlnum, 48, 48, nil},                // Perplexity
	{"xai-", APIToken, isWord, 80, 80, nil},                  // xAI
	{"lsv2_pt_", APIToken, isWord, 43, 43, nil},              // LangSmith
	{"lsv2_sk_", APIToken, isWord, 43, 43, nil},              // LangSmith
	{"pcsk_", APIToken, isWord, 60, 0, nil},                  // Pinecone
	{"tvly-", APIToken, isB64URL, 32, 0, nil},                // Tavily
	{"npm_", APIToken, isAlnum, 36, 36, nil},                 // npm
	{"pypi-AgEIcHlwaS5vcmc", APIToken, isB64URL, 50, 0, nil}, // PyPI
	{"dckr_pat_", APIToken, isB64URL, 20, 0, nil},            // Docker Hub
	{"shpat_", APIToken, isHex, 32, 32, nil},                 // Shopify
	{"shpss_", APIToken, isHex, 32, 32, nil},
	{"shpca_", APIToken, isHex, 32, 32, nil},
	{"shppa_", APIToken, isHex, 32, 32, nil},
	{"dop_v1_", APIToken, isHex, 64, 64, nil}, // DigitalOcean
	{"doo_v1_", APIToken, isHex, 64, 64, nil},
	{"dor_v1_", APIToken, isHex, 64, 64, nil},
	{"ATATT3", APIToken, isB64URLEq, 100, 0, nil},    // Atlassian (…=<8 hex checksum>)
	{"lin_api_", APIToken, isAlnum, 40, 40, nil},     // Linear
	{"ntn_", APIToken, isAlnum, 46, 46, nil},         // Notion
	{"glc_", APIToken, isB64, 32, 0, nil},            // Grafana Cloud
	{"glsa_", APIToken, isWord, 41, 41, nil},         // Grafana service account
	{"sntryu_", APIToken, isHex, 64, 64, nil},        // Sentry user
	{"PMAK-", APIToken, isHexDash, 59, 59, nil},      // Postman
	{"pscale_tkn_", APIToken, isWordDot, 32, 0, nil}, // PlanetScale
	{"pscale_pw_", APIToken, isWordDot, 32, 0, nil},
	{"pscale_oauth_", APIToken, isWordDot, 32, 0, nil},
	{"sbp_", APIToken, isHex, 40, 40, nil},                 // Supabase
	{"SG.", APIToken, isB64URLDot, 66, 66, nil},            // SendGrid
	{"xkeysib-", APIToken, isHexDash, 70, 90, nil},         // Brevo (Sendinblue)
	{"key-", APIToken, isHex, 32, 32, nil},                 // Mailgun
	{"SK", APIToken, isHex, 32, 32, nil},                   // Twilio API key
	{"GOCSPX-", APIToken, isB64URL, 24, 0, nil},            // Google OAuth client secret
	{"ya29.", APIToken, isB64URLDot, 30, 0, nil},           // Google OAuth access token
	{"AGE-SECRET-KEY-1", APIToken, isUpperAl, 58, 58, nil}, // age
	{"NRAK-", APIToken, isUpperAl, 27, 27, nil},            // New Relic
	{"NRII-", APIToken, isB64URL, 32, 32, nil},             // New Relic insert key
	{"sk.eyJ", APIToken, isB64URLDot, 40, 0, nil},          // Mapbox secret token (trufflehog mapbox; found from its eyJ, wordAt)
	{"HRKU-", APIToken, isB64URL, 60, 0, nil},              // Heroku
	{"fo1_", APIToken, isB64URL, 43, 43, nil},              // Fly.io
	{"figd_", APIToken, isB64URL, 40, 0, nil},              // Figma
	{"rubygems_", APIToken, isHex, 48, 48, nil},            // RubyGems
	{"pul-", APIToken, isHex, 40, 40, nil},                 // Pulumi
	{"sq0atp-", APIToken, isB64URL, 22, 0, nil},            // Square
	{"sq0csp-", APIToken, isB64URL, 22, 0, nil},            // Square
	{"shippo_live_", APIToken, isHex, 40, 40, nil},         // Shippo
	{"shippo_test_", APIToken, isHex, 40, 40, nil},         // Shippo
	{"dt0c01.", APIToken, isB64URLDot, 80, 0, nil},         // Dynatrace
	{"LTAI", APIToken, isAlnum, 20, 20, nil},               // Alibaba Cloud
	{"AKID", APIToken, isAlnum, 32, 32, nil},               // Tencent Cloud (SecretId)
	{"AKCp", APIToken, isAlnum, 69, 69, nil},               // JFrog

	// gitleaks rules with a literal prefix (rule id in the comment).
	{"A3-", APIToken, isUpperDash, 35, 37, onePasswordSecretKey},                       // 1password-secret-key
	{"ops_eyJ", APIToken, isB64Any, 64, 0, nil},                                        // 1password-service-account-token (250+ there)
	{"p8e-", APIToken, isAlnum, 32, 32, nil},                                           // adobe-client-secret
	{"cmVmd", APIToken, isAlnum, 59, 59, nil},                                          // artifactory-reference-token
	{"ABSK", APIToken, isB64, 109, 271, nil},                                           // aws-amazon-bedrock-api-key-long-lived
	{"bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", APIToken, isB64URLEq, 20, 0, nil}, // …-short-lived
	{"4b1d", APIToken, isAlnum, 38, 38, nil},                                           // clickhouse-cloud-api-secret-key
	{"CLOJARS_", APIToken, isAlnum, 60, 60, nil},                                       // clojars-api-token
	{"v1.0-", APIToken, isHexDash, 171, 171, cloudflareOriginCA},                       // cloudflare-origin-ca-key
	{"dapi", APIToken, isDatabricksByte, 32, 34, databricksToken},                      // databricks-api-token
	// A Twitch stream key: live_, the channel's id, '_', 30 letters and
	// digits (whoever holds it streams as the channel).
	{"live_", APIToken, isWord, 36, 48, twitchStreamKey},
	// A PEM private key in base64, as Kubernetes Secrets' data and Helm
	// values hold it (tls.key: LS0tLS1CRUdJTi…, "-----BEGIN" encoded);
	// a certificate's or a public key's is none.
	{"LS0tLS1CRUdJTi", PrivateKey, isB64, 60, 0, base64PrivateKey},
	{"dp.pt.", APIToken, isAlnum, 43, 43, nil},            // doppler-api-token
	{"duffel_test_", APIToken, isWordDashEq, 43, 43, nil}, // duffel-api-token
	{"duffel_live_", APIToken, isWordDashEq, 43, 43, nil},
	{"EZAK", APIToken, isAlnum, 54, 54, nil},                       // easypost-api-token
	{"EZTK", APIToken, isAlnum, 54, 54, nil},                       // easypost-test-api-token
	{"EAAA", APIToken, isWordDash, 22, 60, nil},                    // square-access-token
	{"EAA", APIToken, isAlnum, 100, 0, facebookToken},              // facebook-page-access-token (EAAM, EAAC; EAAG, EAAB … alike)
	{"FLWSECK_TEST-", APIToken, isSlackBody, 34, 34, flutterwaveX}, // flutterwave-secret-key
	{"FLWSECK_TEST-", APIToken, isHex, 12, 12, nil},                // flutterwave-encryption-key
	{"FLWPUBK_TEST-", APIToken, isSlackBody, 34, 34, flutterwaveX}, // flutterwave-public-key
	{"fm1a_", APIToken, isB64, 100, 0, nil},                        // flyio-access-token
	{"fm1r_", APIToken, isB64, 100, 0, nil},
	{"fm2_", APIToken, isB64, 100, 0, nil},
	{"fio-u-", APIToken, isWordDashEq, 64, 64, nil},       // frameio-api-token
	{"eyJrIjoi", APIToken, isAlnumEq, 70, 403, nil},       // grafana-api-key
	{"pat.", APIToken, isB64URLDot, 68, 68, harnessToken}, // harness-api-key
	{"sat.", APIToken, isB64URLDot, 68, 68, harnessToken},
	{"ico-", APIToken, isAlnum, 32, 32, nil},    // infracost-api-token
	{"s-s4t2ud-", APIToken, isHex, 64, 64, nil}, // intra42-client-secret
	{"s-s4t2af-", APIToken, isHex, 64, 64, nil},
	{"NRJS-", APIToken, isHex, 19, 19, nil},         // new-relic-browser-api-token
	{"NRII-", APIToken, isLowerAlDash, 32, 32, nil}, // new-relic-insert-key
	{"API-", APIToken, isUpperAl, 26, 26, nil},      // octopus-deploy-api-key
	{"sha256~", APIToken, isWordDash, 43, 43, nil},  // openshift-user-token
	{"pnu_", APIToken, isAlnum, 36, 36, nil},        // prefect-api-token
	{"rdme_", APIToken, isLowerAlnum, 70, 70, nil},  // readme-api-token
	{"tk-us-", APIToken, isWordDash, 48, 48, nil},   // scalingo-api-token
	{"sntrys_eyJ", APIToken, isB64Any, 40, 0, nil},  // sentry-org-token
	{"sm_aat_", APIToken, isAlnum, 16, 16, nil},     // settlemint-*-access-token
	{"sm_pat_", APIToken, isAlnum, 16, 16, nil},
	{"sm_sat_", APIToken, isAlnum, 16, 16, nil},
	{"sgp_", APIToken, isWord, 40, 57, sourcegraphToken}, // sourcegraph-access-token
	{"rk_prod_", StripeKey, isAlnum, 16, 0, nil},         // stripe-access-token
	{"tfp_", APIToken, isTypeform, 59, 59, nil},          // typeform-api-token
	{"hvs.", APIToken, isWordDash, 90, 120, nil},         // vault-service-token
	{"hvb.", APIToken, isWordDash, 138, 300, nil},        // vault-batch-token
	{"AQVN", APIToken, isWordDash, 35, 38, nil},          // yandex-api-key

	// trufflehog detectors with a literal prefix (detector in the comment).
	{"CFPAT-", APIToken, isWordDash, 43, 43, nil},             // contentfulpersonalaccesstoken
	{"FLWSECK-", APIToken, isSlackBody, 34, 34, flutterwaveX}, // flutterwave (the live key)
	{"dp.ct.", APIToken, isAlnum, 40, 44, nil},                // doppler (CLI, service, SCIM, audit tokens)
	{"dp.st.", APIToken, isAlnum, 40, 44, nil},                // (dp.st.<environment>.<token> is not found)
	{"dp.sa.", APIToken, isAlnum, 40, 44, nil},
	{"dp.scim.", APIToken, isAlnum, 40, 44, nil},
	{"dp.audit.", APIToken, isAlnum, 40, 44, nil},
	{"access_token$production$", APIToken, isAlnumDollar, 49, 49, braintreeToken}, // Braintree (ZupIT/horusec internal/services/engines/leaks)
	{"access_token$sandbox$", APIToken, isAlnumDollar, 49, 49, braintreeToken},

	// Southeast Asia's payment gateways, from their documentation and
	// public code (no gitleaks or trufflehog rule): Xendit's secret keys
	// (xnd_development_<60 letters and digits>; older ones base64 with
	// '+' and '='; not xnd_public_…, the publishable key), Midtrans's
	// server keys (Mid-server-<24>, SB-Mid-server-<24> in its sandbox;
	// not Mid-client-…, the client key a checkout page carries).
	{"xnd_production_", APIToken, isB64, 40, 0, nil},
	{"xnd_development_", APIToken, isB64, 40, 0, nil},
	{"SB-Mid-server-", APIToken, isB64URL, 24, 24, nil},
	{"Mid-server-", APIToken, isB64URL, 24, 24, nil},
}

// onePasswordSecretKey: A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX, or with
// the second group split in 6 and 5 (gitleaks 1password-secret-key).
func onePasswordSecretKey(b string) bool {
	return segments(b, '-', isUpperAl, 6, 11, 5, 5, 5) || segments(b, '-', isUpperAl, 6, 6, 5, 5, 5, 5)
}

// cloudflareOriginCA: 24 hex, '-', 146 hex.
func cloudflareOriginCA(b string) bool { return segments(b, '-', isHex, 24, 146) }

// base64PrivateKey: the base64 body after "LS0tLS1CRUdJTi" decodes to
// "-----BEGIN … PRIVATE KEY-----" (RSA, EC, OPENSSH, ENCRYPTED, PKCS #8).
func base64PrivateKey(b string) bool {
	v := "LS0tLS1CRUdJTi" + b[:min(len(b), 58)]
	var buf [54]byte
	n, err := base64.StdEncoding.Decode(buf[:], []byte(v[:len(v)&^3]))
	return err == nil && strings.Contains(string(buf[:n]), "PRIVATE KEY-----")
}

// twitchStreamKey: the channel id's digits, '_', 30 letters and digits.
func twitchStreamKey(b string) bool {
	d := runOf(b, 0, isDigit)
	return d >= 5 && d < len(b) && b[d] == '_' && len(b)-d-1 == 30 && runOf(b, d+1, isAlnum) == len(b) && mixedToken(b[d+1:])
}

// isDatabricksByte: the alphabet of a Databricks token's body (gitleaks'
// databricks-api-token: [a-h0-9], not only hex) and the '-' before its
// suffix.
func isDatabricksByte(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'h' || c == '-' }

func isDatabricksBody(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'h' }

// databricksToken: 32 of [a-h0-9], then maybe '-' and one digit (dapi…-2).
func databricksToken(b string) bool {
	return segments(b, '-', isDatabricksBody, 32) || (segments(b[:32], '-', isDatabricksBody, 32) && b[32] == '-' && isDigit(b[33]))
}

// facebookToken: EAA then an upper-case letter (EAAM, EAAC, EAAG, EAAB …,
// which app kind issued it), random letters and digits after.
func facebookToken(b string) bool { return isUpper(b[0]) }

// flutterwaveX: 32 lower-case letters or digits (hex in the examples),
// then "-X".
func flutterwaveX(b string) bool {
	return strings.HasSuffix(b, "-X") && runOf(b[:32], 0, isLowerAlnum) == 32
}

// harnessToken: 22 base64url, '.', 24 and 20 letters or digits.
func harnessToken(b string) bool {
	return segments(b, '.', isB64URL, 22, 24, 20) && strings.IndexByte(b[23:], '-') < 0 && strings.IndexByte(b[23:], '_') < 0
}

// sourcegraphToken: sgp_<40 hex>, sgp_<16 hex>_<40 hex>, sgp_local_<40 hex>.
func sourcegraphToken(b string) bool {
	return segments(b, '_', isHex, 40) || segments(b, '_', isHex, 16, 40) ||
		(strings.HasPrefix(b, "local_") && segments(b[6:], '_', isHex, 40))
}

// braintreeToken: <merchant id: 16 lower-case letters or digits>$<32 hex>.
func braintreeToken(b string) bool {
	return b[16] == '$' && runOf(b[:16], 0, isLowerAlnum) == 16 && runOf(b[17:], 0, isHex) == 32
}

// segments reports whether b is groups of the given lengths of ok bytes,
// separated by sep.
func segments(b string, sep byte, ok func(byte) bool, lens ...int) bool {
	p := 0
	for k, n := range lens {
		if k > 0 {
			if p >= len(b) || b[p] != sep {
				return false
			}
			p++
		}
		if p+n > len(b) || runOf(b[:p+n], p, ok) != p+n {
			return false
		}
		p += n
	}
	return p == len(b)
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
	if strings.HasPrefix(r, "eyJ") && i >= 3 && s[i-3:i] == "sk." && (i == 3 || !isWord(s[i-4])) {
		// A Mapbox secret token, sk.eyJ…: its '.' is no trigger byte, the
		// walk reaches it at its eyJ.
		if t, end, ok := sc.token(s, i-3); ok {
			return Finding{i - 3, end, t}, true
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
	if r[0] == 'I' && len(r) >= 32 && r[1] == 'S' && sc.on[Password] {
		if f, ok := isaPassword(s, i); ok {
			return f, true // ISA*00*          *01*DYSRHUCG  *ZZ*…
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
		if !mixedToken(body) && (t.typ != AWSAccessKey || !awsLetters(body)) {
			continue // one kind of character (a word, xxxx…): not a random secret
		}
		if t.check != nil && !t.check(body) {
			continue
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
		case AWSAccessKey:
			if awsExample(body) {
				continue // AKIAIOSFODNN7EXAMPLE
			}
		}
		return t.typ, end, true
	}
	return 0, 0, false
}

// awsLetters reports whether body, all capitals, may still be the 16
// characters of an AWS access key id after its prefix: their alphabet is
// base32's (A–Z, 2–7), and one key in 28 has no digit (gitleaks'
// aws-access-token takes [A-Z2-7]{16} with no digit asked for); a body of
// one repeated letter or a word is not one.
func awsLetters(body string) bool {
	if len(body) != 16 || strings.Trim(body, body[:1]) == "" {
		return false
	}
	for k := 0; k < len(body); k++ {
		if !isUpper(body[k]) {
			return false
		}
	}
	return !strings.Contains(body, "EXAMPLE")
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
