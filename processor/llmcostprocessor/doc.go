// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package llmcostprocessor prices every LLM call: it matches the model of
// each inference span or log record against a price table (embedded defaults
// merged with an optional user price file) and writes the exact cost as
// gen_ai.usage.cost.* attributes.
package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"
