// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build !race

package tokens_test

// raceEnabled reports whether the race detector is on; the slowest tests do
// less work under it, and sync.Pool drops items at random under it.
const raceEnabled = false
