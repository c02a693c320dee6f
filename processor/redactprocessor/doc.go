// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package redactprocessor removes PII and secrets from traces, logs and
// metrics: e-mail addresses, phone, card, IBAN and social security numbers,
// IP addresses, API keys and tokens, private keys, credentials in URLs,
// webhook URLs and secrets written as key=value, wherever they appear, in
// one pass over each string, keeping JSON text valid.
package redactprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
