// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"strings"
	"testing"
)

// benchInputs are the texts of the benchmarks.
var benchInputs = []struct {
	name string
	text string
}{
	{"prose", proseText[:4096]},
	{"code", codeText[:4096]},
	{"multilingual", strings.Repeat("Привет, мир! 我们今天去公园散步。 مرحبا بالعالم नमस्ते दुनिया 👍🏽 café ", 40)},
	{"repeated", strings.Repeat("a", 4096)},
}

func BenchmarkCount(b *testing.B) {
	for _, e := range allEncodings {
		for _, in := range benchInputs {
			b.Run(e.String()+"/"+in.name, func(b *testing.B) {
				Count(e, in.text)
				b.SetBytes(int64(len(in.text)))
				b.ReportAllocs()
				for b.Loop() {
					Count(e, in.text)
				}
			})
		}
	}
}

func BenchmarkReference(b *testing.B) {
	loadReference(b)
	for _, e := range allEncodings {
		enc := refEncs[e]
		for _, in := range benchInputs {
			b.Run(e.String()+"/"+in.name, func(b *testing.B) {
				b.SetBytes(int64(len(in.text)))
				b.ReportAllocs()
				for b.Loop() {
					enc.EncodeOrdinary(in.text)
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
