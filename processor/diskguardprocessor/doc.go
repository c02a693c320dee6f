// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package diskguardprocessor refuses data, with a retryable error, while the
// directory that holds the persistent sending queues is short of space, so
// that the queues never run into a full disk: a full disk makes the upstream
// persistent queue drop items it had already acknowledged.
package diskguardprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor"
