// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package scan finds PII and secrets in text in one pass, without
// allocating when the text holds none. It has no dependency on pdata.
//
// The detectors live one to a file, each with its tests beside it:
// email.go (and upi.go, UPI payment addresses), numeric.go (IPv4, SSN, cards, and the number runs they share
// with phones), phone.go and phone_plans.go (the national formats, one line
// each), phonectx.go (where a phone stands), nationalid.go (national
// identity numbers and card security codes), keyedid.go (identity
// numbers their key or label names: driving licences, EIN, UTR, Medicare,
// FHIR identifiers), bankaccount.go (account numbers under their
// label), deviceid.go (IMEI, IMSI, ICCID, EID), netconfig.go (routers'
// passwords), healthid.go (MRN, MBI, IHI, health cards), taxid.go (MX
// RFC, IN GSTIN), mrz.go (passport MRZ lines, PNR travel documents),
// wide.go (full-width digits and at signs),
// tokens.go (secret prefixes, one line each), keyvalue.go
// (password=, token: … and the AWS secret key), prose.go (passwords and
// secrets stated in prose), cli.go (command-line flags, .pgpass, Oracle
// logins), shapes.go (secrets known by their whole shape), url.go
// (credentials, webhooks, query secrets), blocks.go (JWT, PEM, IBAN,
// IPv6). scanner.go walks the text and sends each position to the
// detectors that can start there; json.go keeps JSON text valid and scans
// JSON-escaped text decoded.
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
	AWSSecretKey
	GitHubToken
	GitLabToken
	SlackToken
	GoogleAPIKey
	StripeKey
	HuggingFaceToken
	APIToken
	JWT
	PrivateKey
	URLCredentials
	WebhookURL
	SecretURLParam
	Password
	GenericSecret
	CardCVV
	NationalID
	UPIID
	BankAccount
	DeviceID
	// NumBuiltin is the number of built-in detectors; custom detectors are
	// numbered from it.
	NumBuiltin
)

var typeNames = [NumBuiltin]string{
	Email:            "email",
	Phone:            "phone",
	CreditCard:       "credit_card",
	IBAN:             "iban",
	SSN:              "ssn",
	IPv4:             "ipv4",
	IPv6:             "ipv6",
	OpenAIKey:        "openai_key",
	AnthropicKey:     "anthropic_key",
	AWSAccessKey:     "aws_access_key",
	AWSSecretKey:     "aws_secret_key",
	GitHubToken:      "github_token",
	GitLabToken:      "gitlab_token",
	SlackToken:       "slack_token",
	GoogleAPIKey:     "google_api_key",
	StripeKey:        "stripe_key",
	HuggingFaceToken: "huggingface_token",
	APIToken:         "api_token",
	JWT:              "jwt",
	PrivateKey:       "private_key",
	URLCredentials:   "url_credentials",
	WebhookURL:       "webhook_url",
	SecretURLParam:   "secret_url_param",
	Password:         "password",
	GenericSecret:    "generic_secret",
	CardCVV:          "card_cvv",
	NationalID:       "national_id",
	UPIID:            "upi_id",
	BankAccount:      "bank_account",
	DeviceID:         "device_id",
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
