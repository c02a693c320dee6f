// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package tokens holds the tests that compare the tokenizer of llm_cost
// (internal/tokens) with the reference implementation, OpenAI's tiktoken as
// ported to Go by github.com/pkoukk/tiktoken-go with the offline vocabularies,
// and its pre-tokenization patterns compiled with github.com/dlclark/regexp2:
// pieces and counts, token for token, on the shared corpus, on every short
// string over alphabets chosen for the patterns, on random strings, on invalid
// UTF-8, and by fuzzing. They live in the test module so that the product
// module does not depend on the reference.
package tokens // import "github.com/otelcol-llm/otelcol-llm/test/tokens"
