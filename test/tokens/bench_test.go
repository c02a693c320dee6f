// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"testing"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// BenchmarkReference measures the reference's EncodeOrdinary on the texts of
// BenchmarkCount in internal/tokens.
func BenchmarkReference(b *testing.B) {
	loadReference(b)
	for _, e := range allEncodings {
		enc := refEncs[e]
		for _, in := range tokenstest.Bench() {
			b.Run(e.String()+"/"+in.Name, func(b *testing.B) {
				b.SetBytes(int64(len(in.Text)))
				b.ReportAllocs()
				for b.Loop() {
					enc.EncodeOrdinary(in.Text)
				}
			})
		}
	}
}
