// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package e2e holds end-to-end tests that run the built otelcol-llm binary
// (`make build`, which writes _build/otelcol-llm) as a real process on
// 127.0.0.1 and talk to it over the network.
//
// The tests skip when the binary is missing, unless OTELCOL_LLM_E2E=1 is set
// (as `make test` does), in which case a missing binary is a failure. Set
// OTELCOL_LLM_BIN to test a binary at another path.
package e2e // import "github.com/otelcol-llm/otelcol-llm/test/e2e"
