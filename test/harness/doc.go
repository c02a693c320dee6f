// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package harness is what every test around the built binary shares: start a
// collector (or a backend) as a process on 127.0.0.1 and wait until it is
// healthy, give it free ports through the environment variables the shipped
// configs read, an OTLP sink that stands in for Jaeger and Loki and counts
// and de-duplicates what it receives, and a scraper for /metrics endpoints.
//
// Functions return errors rather than fail a test, so that the benchmark's
// command-line harness can use them too; tests wrap them with require.
package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"
