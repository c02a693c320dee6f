// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package spanmetricsllm derives LLM RED metrics from GenAI spans: call
// counts, latency and token histograms, errors, fallbacks, tokens and cost,
// stream results and knowledge retrieval, per service, operation, provider,
// model and agent, with bounded cardinality.
package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"
