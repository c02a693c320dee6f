// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Command corpusgen writes the generated part of the redaction corpus,
// testdata/corpus_generated.tsv: realistic prompts, tool arguments, log lines
// and JSON messages, each carrying one PII value of a known type (positives,
// value marked) or one look-alike that must survive (negatives). It is
// deterministic: `go run ./corpusgen` (from internal/scan) rewrites the same
// file.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
)

// contexts wrap a value the way it appears in LLM telemetry.
var contexts = []string{
	"Hi, please reach me at %s about my order.",
	"User: can you update my profile? %s\nAssistant: Sure.",
	`{"role":"user","content":"my details: %s, thanks"}`,
	`{"tool":"crm_lookup","args":{"query":"%s"}}`,
	"2025-11-02T10:15:03Z INFO request handled value=%s latency_ms=231",
	"The customer wrote: \"%s\" in the ticket (order 48213).",
	"- contact: %s\n- status: open",
	"tool_result: found record for %s in 12 ms",
	"[assistant] I have noted %s for the refund.",
	"Forwarding conversation; note %s is on file.",
	"<p>Signature: %s</p>",
	`{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"use %s"}]}`,
	"ERROR payment failed for %s: declined",
	"Q: what is on record?\nA: %s (verified)",
}

var positives = map[string][]string{
	"email":             {"jane.doe@example.com", "o.smith+news@mail.co.uk", "ana_maria99@uni-bonn.de", "ceo@big-corp.travel", "x.y.z@sub.domain.io"},
	"phone":             {"+1 415 555 0100", "(415) 555-0188", "+44 20 7946 0958", "212-555-0147", "+49 30 901820", "020 7946 0321", "+33 6 12 34 56 78", "415.555.0133"},
	"credit_card":       {"4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "6011111111111117", "4242424242424242"},
	"iban":              {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300"},
	"ssn":               {"123-45-6789", "078-05-1121", "219-09-9999"},
	"ipv4":              {"192.168.10.24", "10.0.0.1", "172.16.254.3", "8.8.4.4"},
	"ipv6":              {"2001:db8::ff00:42:8329", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"},
	"openai_key":        {"sk-proj-Abc123DEF456ghi789JKL012mno345", "sk-4fG7hJ2kL9mN3pQ8rS1tV6wX0yZ5aB7c"},
	"anthropic_key":     {"sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdEF"},
	"aws_access_key":    {"AKIA2E0A8F3B244C9986", "ASIAY34FZKBOKMUTVV7A"},
	"github_token":      {"ghp_16C7e42F292c6912E7710c838347Ae178B4a", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"},
	"slack_token":       {"xoxb-1234567890-0987654321-AbCdEfGhIjKl"},
	"google_api_key":    {"AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"},
	"stripe_key":        {"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "rk_test_51H8abcdefGHIJKLmnopqr"},
	"jwt":               {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"},
	"url_credentials":   {"postgres://admin:s3cretP4ss@db.internal:5432/app", "https://deploy:tok3n@git.example.com/repo.git", "redis://:Rk9sPq2Lm@cache.internal:6379/0"},
	"aws_secret_key":    {"aws_secret_access_key=Vn3Kq8TzL0wR/9YbXc2Hs+4MdPj7FgUe1AoZiW6t", "SecretAccessKey: 9dK3mQ7vL2xR8tZ1pW4yB6nC0sF5hJ2gA7eU3iO1"},
	"gitlab_token":      {"glpat-Xq7RzT2vBn9KmLp4WsYd", "gldt-4Hk9Lm2Qw8Er5Ty1Ui3O"},
	"huggingface_token": {"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"},
	"api_token":         {"npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "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", "dop_v1_4f7a9c2e8b1d6f3a0c5e9b2d7f4a1c8e6b3d0f5a2c9e7b4d1f8a6c3e0b5d2f91"},
	"webhook_url":       {"https://hooks.slack.com/services/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"},
	"password":          {"password=Sommer2024!", "passwd: hunter22"},
	"generic_secret":    {"api_token: 8f3kQ9zLm2xV7pR4tY1wB6nC", "client_secret=Zx81kLmQ2pRt7VwY4s"},
	"upi_id":            {"priya.sharma@okaxis", "9876543210@ybl", "rahul123@paytm"},
	"bank_account":      {"Kontonummer: 0532013000", "CLABE 032180000118359719", "bank account no. 38-5519-3693039-003"},
	"device_id":         {"89441000001234567897", "IMEI 352099001761481", "a4:bb:6d:9b:80:2d", "F2-74-15-81-14-5C"},
	"secret_url_param":  {"https://api.example.com/v1/items?api_key=live_1234abcd&page=2", "https://x.example.com/cb?state=1&access_token=ya29.a0AfH6SMBx"},
}

// secretPart is the substring that must disappear for URL-shaped positives.
var secretPart = map[string]string{
	"Kontonummer: 0532013000":                                       "0532013000",
	"CLABE 032180000118359719":                                      "032180000118359719",
	"bank account no. 38-5519-3693039-003":                          "38-5519-3693039-003",
	"postgres://admin:s3cretP4ss@db.internal:5432/app":              "s3cretP4ss",
	"https://deploy:tok3n@git.example.com/repo.git":                 "tok3n",
	"https://api.example.com/v1/items?api_key=live_1234abcd&page=2": "live_1234abcd",
	"https://x.example.com/cb?state=1&access_token=ya29.a0AfH6SMBx": "ya29.a0AfH6SMBx",
}

var negatives = []string{
	"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "550e8400-e29b-41d4-a716-446655440000",
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
	"2024-08-06", "2025-11-02T10:15:03.123Z", "10:30:45", "1700000000123", "v1.2.3", "build 20241022.1",
	"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002", "o3-2025-04-16",
	"1234567812345678", "4111 1111 1111 1112", "order #48213", "INV-2024-000123", "978-3-16-148410-0",
	"$41,870", "1,234,567", "0.3125", "port 5432", "localhost:4317", "00:00:00:00:00:00", "999.1.1.1",
	"1.2.3.4.5", "GB82 WEST", "NL91", "sk-learn", "AKIA prefix", "eyJ", "-----BEGIN CERTIFICATE-----",
	"https://example.com/search?q=llm&lang=en", "ssh://git@github.com/org/repo.git", "user@ mention", "@channel",
	"555-1234", "12-34-56", "1Z999AA10123456784", "52.5200, 13.4050", "ticket JIRA-12345", "temperature 0.7",
	"numpy==1.2.3.4", "Chrome/120.0.0.0", "Version=4.0.0.0", "netmask 255.255.255.0", "127.0.0.1:8080",
	"password reset link", "token_type=Bearer", "max_tokens=4096", "hf_hub_download", "glpat- prefix",
	"password=${DB_PASSWORD}", "git@github.com:org/repo.git", "2024-01-15 10:30", "1,234,567",
}

func main() {
	r := rand.New(rand.NewPCG(42, 2026))
	var b strings.Builder
	b.WriteString("# Generated by corpusgen (go run ./corpusgen); do not edit.\n")
	b.WriteString("# <type>\\t<text>\\t<value that must disappear>; type none: <text> must survive unchanged.\n")
	n := 0
	types := make([]string, 0, len(positives))
	for typ := range positives {
		types = append(types, typ)
	}
	sort.Strings(types)
	for _, typ := range types {
		for _, v := range positives[typ] {
			for _, c := range contexts {
				text := fmt.Sprintf(c, v)
				if strings.HasPrefix(c, "{") {
					text = strings.ReplaceAll(text, "\n", `\n`)
				}
				secret := v
				if s, ok := secretPart[v]; ok {
					secret = s
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\n", typ, escape(text), escape(secret))
				n++
			}
		}
	}
	for _, v := range negatives {
		for _, c := range contexts {
			fmt.Fprintf(&b, "none\t%s\n", escape(fmt.Sprintf(c, v)))
			n++
		}
	}
	// Clean prose of realistic length, some with several look-alikes.
	for range 800 {
		words := make([]string, 0, 40)
		for range 30 + r.IntN(20) {
			if r.IntN(10) == 0 {
				words = append(words, negatives[r.IntN(len(negatives))])
			} else {
				words = append(words, prose[r.IntN(len(prose))])
			}
		}
		fmt.Fprintf(&b, "none\t%s\n", escape(strings.Join(words, " ")))
		n++
	}
	if err := os.WriteFile("testdata/corpus_generated.tsv", []byte(b.String()), 0o600); err != nil {
		panic(err)
	}
	fmt.Println(n, "cases")
}

var prose = strings.Fields("the assistant summarised quarterly revenue churn roadmap customer asked about refund policy shipping delay model answered with citations from the knowledge base agent called a tool returned results latency was high because of retries tokens cost budget team members selected writer analyst fallback path stream ended empty")

// escape keeps one case per line: newlines become \N (a real newline when
// read back), tabs become spaces.
func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\t", " "), "\n", `\N`)
}
