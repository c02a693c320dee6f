// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"testing"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

func TestCorpusMatchesReference(t *testing.T) {
	for _, e := range allEncodings {
		for _, c := range tokenstest.Corpus() {
			t.Run(e.String()+"/"+c.Name, func(t *testing.T) {
				requireSameAsReference(t, e, c.Text)
			})
		}
	}
}
