// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "golang.org/x/sys/cpu"

// hasAVX2 reports whether the CPU (and OS) support AVX2; useAVX2 selects the
// vector search (tests turn it off to check the portable path as well).
var (
	hasAVX2 = cpu.X86.HasAVX2
	useAVX2 = hasAVX2
)

// triggerBlocks returns the offset of the first trigger byte in the whole
// 32-byte blocks of s, or where those blocks end (0 when s is shorter or the
// CPU lacks AVX2): the caller finishes with the portable search from there.
func triggerBlocks(s string) int {
	if !useAVX2 || len(s) < 32 {
		return 0
	}
	return triggerBlocksAVX2(s, &triggerNibbles)
}

//go:noescape
func triggerBlocksAVX2(s string, tabs *nibbleTables) int

// triggerMask64 returns the trigger bytes of s[:64] as bits (bit k for
// s[k]), or ok false when the CPU lacks AVX2 or s is shorter: the caller
// uses the portable search.
func triggerMask64(s string) (mask uint64, ok bool) {
	if !useAVX2 || len(s) < 64 {
		return 0, false
	}
	return triggerMaskAVX2(s, &triggerNibbles), true
}

//go:noescape
func triggerMaskAVX2(s string, tabs *nibbleTables) uint64
