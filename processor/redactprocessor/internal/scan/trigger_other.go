// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build !amd64

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// There is no vector search off amd64.
var hasAVX2, useAVX2 = false, false

// triggerBlocks has no vector search off amd64: the portable search starts
// at 0.
func triggerBlocks(string) int { return 0 }

// triggerMask64 has no vector search off amd64.
func triggerMask64(string) (uint64, bool) { return 0, false }
