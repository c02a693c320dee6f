// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUsageShapes decodes pushed usage objects in the shapes the providers
// and gateways send (OpenRouter's chat completions with usage accounting,
// on credits and on the app's own key; Anthropic's Messages API with the
// cache writes split by lifetime, also with the split's members null) and
// checks the counts and the cost a turn gets.
func TestUsageShapes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		usage   string
		tokens  Tokens
		cost    float64
		hasCost bool
	}{{
		name: "openrouter on credits",
		usage: `{"prompt_tokens": 2210, "completion_tokens": 388, "total_tokens": 2598, "cost": 0.0048561, "is_byok": false,
			"prompt_tokens_details": {"cached_tokens": 1024, "cache_write_tokens": 0, "audio_tokens": 0, "video_tokens": 0},
			"cost_details": {"upstream_inference_cost": 0.0048561, "upstream_inference_prompt_cost": 0.0026436, "upstream_inference_completions_cost": 0.0022125},
			"completion_tokens_details": {"reasoning_tokens": 120, "image_tokens": 0, "audio_tokens": 0}}`,
		tokens: Tokens{
			Input: 2210, Output: 388, CacheRead: 1024, Reasoning: 120,
			Has: HasInput | HasOutput | HasCacheRead | HasCacheCreation | HasReasoning,
		},
		cost: 0.0048561, hasCost: true,
	}, {
		// On the app's own key, cost is OpenRouter's fee; the provider bills
		// the upstream cost on that key.
		name: "openrouter byok",
		usage: `{"prompt_tokens": 1500, "completion_tokens": 200, "total_tokens": 1700, "cost": 0.00021, "is_byok": true,
			"prompt_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 600},
			"cost_details": {"upstream_inference_cost": 0.0042, "upstream_inference_prompt_cost": 0.0015, "upstream_inference_completions_cost": 0.0027}}`,
		tokens: Tokens{Input: 1500, Output: 200, CacheCreation: 600, Has: HasInput | HasOutput | HasCacheRead | HasCacheCreation},
		cost:   0.00441, hasCost: true,
	}, {
		name:   "openrouter byok free tier: no fee",
		usage:  `{"prompt_tokens": 10, "completion_tokens": 2, "cost": 0, "is_byok": true, "cost_details": {"upstream_inference_cost": 0.00003}}`,
		tokens: Tokens{Input: 10, Output: 2, Has: HasInput | HasOutput},
		cost:   0.00003, hasCost: true,
	}, {
		name:   "cost without details",
		usage:  `{"prompt_tokens": 194, "completion_tokens": 2, "cost": 0.95}`,
		tokens: Tokens{Input: 194, Output: 2, Has: HasInput | HasOutput},
		cost:   0.95, hasCost: true,
	}, {
		name: "anthropic with the lifetime split",
		usage: `{"input_tokens": 12, "cache_creation_input_tokens": 2051, "cache_read_input_tokens": 30000,
			"cache_creation": {"ephemeral_5m_input_tokens": 51, "ephemeral_1h_input_tokens": 2000},
			"output_tokens": 503, "service_tier": "standard"}`,
		tokens: Tokens{
			Input: 12 + 30000 + 2051, Output: 503, CacheRead: 30000, CacheCreation: 2051, CacheWrite5m: 51, CacheWrite1h: 2000,
			Has: HasInput | HasOutput | HasCacheRead | HasCacheCreation | HasCacheWrite5m | HasCacheWrite1h,
		},
	}, {
		name:  "anthropic split only",
		usage: `{"input_tokens": 10, "output_tokens": 4, "cache_creation": {"ephemeral_5m_input_tokens": 400, "ephemeral_1h_input_tokens": 600}}`,
		tokens: Tokens{
			Input: 1010, Output: 4, CacheCreation: 1000, CacheWrite5m: 400, CacheWrite1h: 600,
			Has: HasInput | HasOutput | HasCacheCreation | HasCacheWrite5m | HasCacheWrite1h,
		},
	}, {
		name:   "anthropic split with nulls",
		usage:  `{"input_tokens": 9, "output_tokens": 18, "cache_creation_input_tokens": 27, "cache_read_input_tokens": 36, "cache_creation": {"ephemeral_5m_input_tokens": null, "ephemeral_1h_input_tokens": null}}`,
		tokens: Tokens{Input: 72, Output: 18, CacheRead: 36, CacheCreation: 27, Has: HasInput | HasOutput | HasCacheRead | HasCacheCreation},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			rec := `{"role":"assistant","content":"ok","usage":` + tc.usage + `,"trace":{"telemetry":{"latency_ms":10}}}`
			p, err := DecodePush([]byte(rec), 0)
			require.NoError(t, err)
			turn, ok := PushedTurn(&p.Records[0], "s", p.Digests[0])
			require.True(t, ok)
			assert.Equal(t, tc.tokens, turn.Tokens)
			assert.Equal(t, tc.hasCost, turn.HasCost)
			assert.InDelta(t, tc.cost, turn.Cost, 1e-15)
		})
	}
}

func TestUsageCostRefused(t *testing.T) {
	for _, tc := range []struct{ rec, field string }{
		{`{"usage":{"cost":-0.01},"trace":{}}`, "usage.cost"},
		{`{"usage":{"cost":2e6},"trace":{}}`, "usage.cost"},
		{`{"trace":{"usage":{"cost":-1}}}`, "trace.usage.cost"},
		{`{"usage":{"cost":0.1,"is_byok":true,"cost_details":{"upstream_inference_cost":-3}},"trace":{}}`, "usage.cost_details.upstream_inference_cost"},
		{`{"usage":{"cost":"0.1"},"trace":{}}`, "usage.cost"},
	} {
		_, err := DecodePush([]byte(tc.rec), 0)
		de, ok := errors.AsType[*DecodeError](err)
		if assert.True(t, ok, "%s: %v", tc.rec, err) {
			assert.Equal(t, tc.field, de.Field, tc.rec)
		}
	}
	_, err := DecodePush([]byte(`{"usage":{"cost":0},"trace":{}}`), 0)
	assert.NoError(t, err, "a free call costs 0")
}
