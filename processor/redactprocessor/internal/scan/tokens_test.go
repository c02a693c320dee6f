// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// needsBodyTrigger are the prefixes without a trigger byte of their own: a
// token of theirs is found only when its body has one among its first
// letters (reachable), as random bodies almost always do.
var needsBodyTrigger = map[string]bool{"SK": true}

// sampleBody writes n bytes of body the shape's class accepts, mixing
// digits and both cases where the class has them, a digit first.
func sampleBody(t tokenShape, n int) string {
	var b strings.Builder
	for _, c := range "7aB3xQ9kLm2ZpR5tY8vW0nC4dF6gH1jK" {
		if b.Len() == n {
			break
		}
		if t.body(byte(c)) {
			b.WriteRune(c)
		}
	}
	for b.Len() < n {
		b.WriteString(b.String()[:min(b.Len(), n-b.Len())])
	}
	return b.String()
}

// TestTokenShapes: every shape finds a token of its own, in prose, in
// JSON and after "key=", and reports its type; a body one byte short is
// not a token; every prefix is reachable by the skip over quiet text.
func TestTokenShapes(t *testing.T) {
	for _, sh := range tokenShapes {
		n := sh.min
		if n < 24 && sh.max == 0 {
			n = 24
		}
		tok := sh.prefix + sampleBody(sh, n)
		want := "[REDACTED:" + sh.typ.String() + "]"
		for _, frame := range []string{"use %s now", `{"k":"%s"}`, "k=%s\n", "token: %s."} {
			in := strings.Replace(frame, "%s", tok, 1)
			assert.Equal(t, strings.Replace(frame, "%s", want, 1), redactOne(t, in), "%s in %q", sh.prefix, frame)
		}
		if sh.min > 0 {
			short := sh.prefix + sampleBody(sh, sh.min-1)
			assert.NotContains(t, redactOne(t, "use "+short+" now"), "REDACTED:"+sh.typ.String(), "%s one byte short", sh.prefix)
		}
		if !needsBodyTrigger[sh.prefix] {
			assert.True(t, reachable(sh.prefix+"!", 0) || reachable(sh.prefix, 0), "prefix %q has no trigger byte within %d letters", sh.prefix, wordReach)
		}
	}
}

func TestTokenLookalikes(t *testing.T) {
	for _, s := range []string{
		"sk-learn is a library", "ask-me-anything", "AKIA is a prefix", "ghp_ alone", "xoxb- alone",
		"hf_hub_download", "glpat- in the docs", "whsec_ prefix", "key-value store", "SKU-12345",
		"api_org_chart", "SG.hello.world", "npm_config_cache", "dop_v1_", "eyJ alone",
		"pk_live_51H8abcdefGHIJKLmnopqr", "key-abcdefabcdefabcdefabcdefabcdefab", "hf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"sk-learn-2024-tutorial-v1-notebook", "xoxb-your-token-here", "glpat-xxxxxxxxxxxxxxxxxxxx",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
	} {
		assert.Equal(t, s, redactOne(t, s), s)
	}
}
