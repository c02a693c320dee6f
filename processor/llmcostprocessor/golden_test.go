// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
)

// goldenCase is one hand-worked price. want is the exact amount as a decimal
// string (or "" for unpriced); the working is in the comment beside it, from
// the provider's price page as recorded in internal/pricing/prices.yaml.
type goldenCase struct {
	name     string
	start    time.Time
	resource map[string]any
	attrs    map[string]any
	want     string
	currency string
	status   string
}

var (
	may2025 = time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)
	jul2025 = time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC)
	aug2025 = time.Date(2025, 8, 1, 12, 0, 0, 0, time.UTC)
	oct2025 = time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)
)

func chatCall(model string, in, out int64, extra ...any) map[string]any {
	m := map[string]any{genai.OperationName: "chat", genai.RequestModel: model, genai.UsageInputTokens: in, genai.UsageOutputTokens: out}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i].(string)] = extra[i+1]
	}
	return m
}

var goldenCases = []goldenCase{
	// Plain input/output.
	{name: "gpt-4o plain", attrs: chatCall("gpt-4o", 1000, 500), want: "0.0075"},                                                                                                                  // 1000×2.50 + 500×10.00 = 7500 µ$ per M
	{name: "gpt-4o-mini plain", attrs: chatCall("gpt-4o-mini", 1_000_000, 1_000_000), want: "0.75"},                                                                                               // 0.15 + 0.60
	{name: "claude-3-5-haiku plain", attrs: chatCall("claude-3-5-haiku", 2000, 1000), want: "0.0056"},                                                                                             // 2000×0.80 + 1000×4 = 5600
	{name: "gemini-2.0-flash plain", attrs: chatCall("gemini-2.0-flash", 10_000, 2000), want: "0.0018"},                                                                                           // 10000×0.10 + 2000×0.40 = 1800
	{name: "mistral-large plain", attrs: chatCall("mistral-large-latest", 3000, 1000), want: "0.012"},                                                                                             // 3000×2 + 1000×6 = 12000
	{name: "command-r plain", attrs: chatCall("command-r", 4000, 400), want: "0.00084"},                                                                                                           // 4000×0.15 + 400×0.60 = 840
	{name: "llama 3.3 70b plain", attrs: chatCall("meta-llama/Llama-3.3-70B-Instruct-Turbo", 1000, 1000), want: "0.00176"},                                                                        // 2000×0.88
	{name: "embeddings input only", attrs: map[string]any{genai.OperationName: "embeddings", genai.RequestModel: "text-embedding-3-small", genai.UsageInputTokens: int64(500_000)}, want: "0.01"}, // 500k×0.02
	// Cached reads (GenAI inclusive counts).
	{name: "gpt-4o cached read", attrs: chatCall("gpt-4o", 10_000, 1000, genai.UsageCacheRead, int64(8000)), want: "0.025"},                                                      // 2000×2.50 + 8000×1.25 + 1000×10 = 5000+10000+10000
	{name: "deepseek-chat cache hit (Sept 2025 price)", start: oct2025, attrs: chatCall("deepseek-chat", 100_000, 10_000, genai.UsageCacheRead, int64(90_000)), want: "0.00952"}, // 10000×0.28 + 90000×0.028 + 10000×0.42 = 2800+2520+4200
	// Cache writes.
	{name: "claude-sonnet-4 cache write", attrs: chatCall("claude-sonnet-4-20250514", 10_000, 1000, genai.UsageCacheCreation, int64(6000)), want: "0.0495"},                       // 4000×3 + 6000×3.75 + 1000×15 = 12000+22500+15000
	{name: "claude read and write", attrs: chatCall("claude-3-7-sonnet", 20_000, 0, genai.UsageCacheRead, int64(10_000), genai.UsageCacheCreation, int64(5000)), want: "0.03675"}, // 5000×3 + 10000×0.30 + 5000×3.75 = 15000+3000+18750
	// Anthropic-style exclusive counts, detected (cache > input).
	{name: "anthropic exclusive detected", attrs: chatCall("claude-3-5-sonnet-20241022", 100, 200, genai.UsageCacheRead, int64(10_000)), want: "0.0063"}, // 100×3 + 10000×0.30 + 200×15
	// Reasoning (priced at output when no separate price; never double).
	{name: "o3 reasoning inside output", start: jul2025, attrs: chatCall("o3", 1000, 5000, genai.UsageReasoning, int64(4000)), want: "0.042"}, // 1000×2 + 5000×8 = 2000+40000
	{name: "o1 reasoning", attrs: chatCall("o1", 2000, 3000, genai.UsageReasoning, int64(2500)), want: "0.21"},                                // 2000×15 + 3000×60 = 30000+180000
	// Long-context tier boundary.
	{name: "gemini-2.5-pro at 200k", attrs: chatCall("gemini-2.5-pro", 200_000, 1000), want: "0.26"},         // 200000×1.25 + 1000×10 = 250000+10000
	{name: "gemini-2.5-pro above 200k", attrs: chatCall("gemini-2.5-pro", 200_001, 1000), want: "0.5150025"}, // 200001×2.50 + 1000×15 = 500002.5+15000
	{name: "claude-sonnet-4 above 200k", attrs: chatCall("claude-sonnet-4", 300_000, 2000), want: "1.845"},   // 300000×6 + 2000×22.50 = 1800000+45000
	{name: "gemini-1.5-pro below 128k", attrs: chatCall("gemini-1.5-pro", 128_000, 1000), want: "0.165"},     // 128000×1.25 + 1000×5 = 160000+5000
	// Names from the wild.
	{name: "date-suffixed", attrs: chatCall("gpt-4o-2024-08-06", 1000, 500), want: "0.0075"},
	{name: "provider-prefixed", attrs: chatCall("openai/gpt-4o-mini", 1_000_000, 0), want: "0.15"},
	{name: "bedrock id", attrs: chatCall("anthropic.claude-3-5-sonnet-20241022-v2:0", 1000, 1000), want: "0.018"},      // 1000×3 + 1000×15
	{name: "vertex id", attrs: chatCall("publishers/google/models/gemini-1.5-flash", 100_000, 10_000), want: "0.0105"}, // 100000×0.075 + 10000×0.30 = 7500+3000
	{name: "response model wins", attrs: chatCall("gpt-4o", 1_000_000, 0, genai.ResponseModel, "gpt-4o-mini-2024-07-18"), want: "0.15"},
	// Unknown model: no amount, never 0.
	{name: "unknown model", attrs: chatCall("my-finetune-v3", 1000, 1000), status: "unpriced"},
	// Estimated from text with o200k_base (gpt-4o's tokenizer; token splits as tiktoken gives them).
	// In: system "You are a helpful assistant." (6 tokens) + user "Hello, world!" ("Hello" "," " world" "!": 4)
	// = 3+1+6 + 3+1+4 + 3 priming = 21. Out: "Hi there! How can I help?" = 8.
	{name: "estimated tokens", attrs: map[string]any{
		genai.OperationName: "chat", genai.RequestModel: "gpt-4o",
		genai.SystemInstructions: `[{"type":"text","content":"You are a helpful assistant."}]`,
		genai.InputMessages:      `[{"role":"user","parts":[{"type":"text","content":"Hello, world!"}]}]`,
		genai.OutputMessages:     `[{"role":"assistant","parts":[{"type":"text","content":"Hi there! How can I help?"}],"finish_reason":"stop"}]`,
	}, want: "0.0001325", status: "estimated"}, // 21×2.50 + 8×10 = 52.5 + 80 = 132.5
	// Estimated for a model without a public tokenizer: o200k_base stands in (approx:o200k_base).
	// claude-3-5-haiku: in "Hello, world!" = 3+1+4+3 = 11; out "Hi there! How can I help?" = 8.
	{name: "estimated tokens, approximate tokenizer", attrs: map[string]any{
		genai.OperationName: "chat", genai.RequestModel: "claude-3-5-haiku-20241022",
		genai.InputMessages:  `[{"role":"user","content":"Hello, world!"}]`,
		genai.OutputMessages: `[{"role":"assistant","content":"Hi there! How can I help?"}]`,
	}, want: "0.0000408", status: "estimated"}, // 11×0.80 + 8×4 = 8.8 + 32 = 40.8
	// Provider-reported cost kept.
	{name: "provider-reported cost", attrs: chatCall("gpt-4o", 1000, 500, genai.CostAmount, 0.5), want: "0.5", status: "priced"},
	{name: "openinference llm.cost.total", attrs: chatCall("gpt-4o", 1000, 500, "llm.cost.total", 0.125), want: "0.125", status: "priced"},
	// Time-versioned: o3 before and after the 2025-06-10 price cut.
	{name: "o3 before the cut", start: may2025, attrs: chatCall("o3", 1000, 1000), want: "0.05"},                                   // 1000×10 + 1000×40
	{name: "o3 after the cut", start: jul2025, attrs: chatCall("o3", 1000, 1000), want: "0.01"},                                    // 1000×2 + 1000×8
	{name: "deepseek-chat before Sept 2025", start: aug2025, attrs: chatCall("deepseek-chat", 1_000_000, 1_000_000), want: "1.37"}, // 0.27 + 1.10
	// Per-tenant discount (testdata/prices.yaml: acme-corp ×0.85; negotiated gpt-4o 2.00/8.00).
	{name: "tenant discount", resource: map[string]any{"tenant.id": "acme-corp"}, attrs: chatCall("gpt-4o", 1_000_000, 100_000), want: "2.38"}, // (2.00 + 0.80) × 0.85
	// Currency conversion: acme-llm is priced in EUR; output USD at 1.08.
	{name: "currency conversion", attrs: chatCall("acme-llm", 1_000_000, 1_000_000), want: "3.24", currency: "USD"}, // (1 + 2) EUR × 1.08
}

func TestGoldenCosts(t *testing.T) {
	require.GreaterOrEqual(t, len(goldenCases), 30)
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			cfg := createDefaultConfig().(*Config)
			if gc.name == "tenant discount" || gc.name == "currency conversion" {
				cfg.PriceFile = filepath.Join("testdata", "prices.yaml")
				cfg.ExchangeRates = map[string]string{"EUR": "1.08"}
			}
			td := ptrace.NewTraces()
			rs := td.ResourceSpans().AppendEmpty()
			require.NoError(t, rs.Resource().Attributes().FromRaw(gc.resource))
			s := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
			start := gc.start
			if start.IsZero() {
				start = oct2025
			}
			s.SetStartTimestamp(pcommon.NewTimestampFromTime(start))
			s.SetEndTimestamp(pcommon.NewTimestampFromTime(start.Add(time.Second)))
			require.NoError(t, s.Attributes().FromRaw(gc.attrs))

			sink := new(consumertest.TracesSink)
			p, err := createTraces(context.Background(), processortest.NewNopSettings(metadata.Type), cfg, sink)
			require.NoError(t, err)
			require.NoError(t, p.ConsumeTraces(context.Background(), td))
			require.NoError(t, p.Shutdown(context.Background()))
			got := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes()

			status, _ := got.Get(genai.CostStatus)
			amount, hasAmount := got.Get(genai.CostAmount)
			if gc.status == "unpriced" {
				assert.Equal(t, "unpriced", status.Str())
				assert.False(t, hasAmount, "never a silent 0")
				return
			}
			require.True(t, hasAmount)
			want, ok := new(big.Rat).SetString(gc.want)
			require.True(t, ok)
			wantF, _ := want.Float64()
			assert.Equal(t, wantF, amount.Double(), "exact to the nearest double of the decimal")
			if gc.status != "" && gc.status != "priced" {
				assert.Equal(t, gc.status, status.Str())
			}
			if gc.currency != "" {
				cur, _ := got.Get(genai.CostCurrency)
				assert.Equal(t, gc.currency, cur.Str())
				pc, _ := got.Get(genai.CostPriceCurrency)
				assert.Equal(t, "EUR", pc.Str())
			}
		})
	}
}
