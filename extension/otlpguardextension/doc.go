// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package otlpguardextension is a middleware for the OTLP receiver's gRPC and
// HTTP servers: it reads each export request's encoding before it is
// decoded and refuses, with a clear client error, a request that would
// expand beyond what one request may take in memory (or that holds too many
// items, an item too large to export, or values nested too deeply); it
// bounds the gRPC connection handshake; and it refuses at start-up the
// blank or weak tokens it is given to check.
package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"
