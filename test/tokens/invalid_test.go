// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

// TestInvalidUTF8 checks that each invalid byte is one rune U+FFFD for
// pre-tokenization, as for the reference, which decodes the same way: the
// pieces, counted in runes, are the reference's. The counts are not compared:
// the reference encodes the U+FFFD, we the original bytes (internal/tokens
// checks ours).
func TestInvalidUTF8(t *testing.T) {
	for _, e := range allEncodings {
		for _, s := range tokenstest.InvalidUTF8() {
			require.Equal(t, refSplitRunes(t, e, s), splitRunes(e, s), "%v split of %q", e, s)
		}
	}
}
