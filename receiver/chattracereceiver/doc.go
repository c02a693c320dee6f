// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package chattracereceiver turns chat histories into GenAI spans and logs:
// it watches HALO Core style chat-history files (one JSON array of messages
// per session, rewritten whole after every turn) and accepts the same
// per-turn objects over HTTP, and emits one span tree and one log record per
// assistant turn, each turn exactly once.
package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"
