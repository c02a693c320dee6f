// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package tokenstest holds the test inputs of the tokenizer, shared by its own
// tests (package tokens: character classes, byte pair encoding, invalid UTF-8,
// memory) and by its comparison with the reference implementation, tiktoken-go,
// in the test module (test/tokens), so that both run on the very same strings
// without the product module depending on the reference. It imports only the
// standard library; no binary links it.
package tokenstest // import "github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
