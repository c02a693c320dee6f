// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package scan finds PII and secrets in text in one pass, without
// allocating when the text holds none. It has no dependency on pdata.
package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// Type identifies a built-in detector.
type Type uint8

// The built-in detectors. Names (String) are the config keys and the values
// written to pii.redacted.types.
const (
	Email Type = iota
	Phone
	CreditCard
	IBAN
	SSN
	IPv4
	IPv6
	OpenAIKey
	AnthropicKey
	AWSAccessKey
	GitHubToken
	SlackToken
	GoogleAPIKey
	StripeKey
	JWT
	PrivateKey
	URLCredentials
	SecretURLParam
	// NumBuiltin is the number of built-in detectors; custom detectors are
	// numbered from it.
	NumBuiltin
)

var typeNames = [NumBuiltin]string{
	"email", "phone", "credit_card", "iban", "ssn", "ipv4", "ipv6",
	"openai_key", "anthropic_key", "aws_access_key", "github_token", "slack_token",
	"google_api_key", "stripe_key", "jwt", "private_key", "url_credentials", "secret_url_param",
}

// String returns the detector's name.
func (t Type) String() string {
	if t < NumBuiltin {
		return typeNames[t]
	}
	return "custom"
}

// TypeByName returns the built-in detector with the given name.
func TypeByName(name string) (Type, bool) {
	for i, n := range typeNames {
		if n == name {
			return Type(i), true
		}
	}
	return 0, false
}

// Names returns the names of all built-in detectors.
func Names() []string { return typeNames[:] }

// Finding is one match: s[Start:End] is the sensitive part.
type Finding struct {
	Start, End int
	Type       Type
}
