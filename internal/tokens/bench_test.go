// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"testing"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// BenchmarkCount measures Count; test/tokens runs the reference on the same
// texts (BenchmarkReference).
func BenchmarkCount(b *testing.B) {
	for _, e := range allEncodings {
		for _, in := range tokenstest.Bench() {
			b.Run(e.String()+"/"+in.Name, func(b *testing.B) {
				Count(e, in.Text)
				b.SetBytes(int64(len(in.Text)))
				b.ReportAllocs()
				for b.Loop() {
					Count(e, in.Text)
				}
			})
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, e := range allEncodings {
		b.Run(e.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadVocab(encodings[e].vocab.file); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
