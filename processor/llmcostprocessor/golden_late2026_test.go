// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"time"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

func withReasoningScope(cfg *Config) {
	cfg.ReasoningExclusiveScopes = []string{"acme.gemini.native"}
}

var (
	wed1200    = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) // a Wednesday, off-peak at DeepSeek
	wed0200    = time.Date(2026, 12, 2, 2, 0, 0, 0, time.UTC)  // Wednesday 10:00 in Beijing: peak
	sat0200    = time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)  // Saturday: off-peak all day
	aug22at02  = time.Date(2026, 8, 22, 2, 0, 0, 0, time.UTC)  // Saturday, before peak hours were weekdays only
	aug2026    = time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC)
	jul2026    = time.Date(2026, 7, 10, 12, 0, 0, 0, time.UTC)
	may2026    = time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC)
	may15at18  = time.Date(2026, 5, 15, 18, 59, 0, 0, time.UTC) // a minute before xAI's retirement (12:00 PT)
	oct1st2026 = time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	nov15th    = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)
	jan2nd2027 = time.Date(2027, 1, 2, 12, 0, 0, 0, time.UTC)
)

// goldenCasesLate2026 are the hand-worked cases of the rows added or
// corrected after the price pages of September to November 2026 (each row's
// page and date are in internal/pricing/prices.yaml), of the Gemini
// reasoning rule and of the statuses. Prices per million tokens.
var goldenCasesLate2026 = []goldenCase{
	// --- OpenAI: the GPT-6 line (model pages developers.openai.com/api/docs/models/<id>).
	{name: "gpt-6-astra cached", start: wed1200, attrs: chatCall("gpt-6-astra", 100_000, 10_000, genai.UsageCacheRead, int64(50_000)), want: "1.05", pricingID: "default:gpt-6-astra@2026-09-03"},              // 50000×10 + 50000×1 + 10000×50 = 500000+50000+500000
	{name: "gpt-6-astra above 272k", start: wed1200, attrs: chatCall("gpt-6-astra", 400_000, 20_000), want: "9.5"},                                                                                             // whole request at 2x/1.5x: 400000×20 + 20000×75 = 8000000+1500000
	{name: "gpt-6-astra at 272k", start: wed1200, attrs: chatCall("gpt-6-astra", 272_000, 1000), want: "2.77"},                                                                                                 // 272000×10 + 1000×50 = 2720000+50000
	{name: "gpt-6.2-astra cached", start: wed1200, attrs: chatCall("gpt-6.2-astra", 100_000, 10_000, genai.UsageCacheRead, int64(60_000)), want: "0.744"},                                                      // 40000×8 + 60000×0.40 + 10000×40 = 320000+24000+400000
	{name: "gpt-6.2-sol read and write", start: wed1200, attrs: chatCall("gpt-6.2-sol", 50_000, 3000, genai.UsageCacheRead, int64(20_000), genai.UsageCacheWrite, int64(10_000)), want: "0.097"},               // 20000×2 + 20000×0.10 + 10000×2.50 + 3000×10 = 40000+2000+25000+30000
	{name: "gpt-6.2-sol has no flex price", start: wed1200, attrs: chatCall("gpt-6.2-sol", 100_000, 10_000, "openai.response.service_tier", "flex"), want: "0.3", pricingID: "default:gpt-6.2-sol@2026-11-17"}, // standard: 100000×2 + 10000×10
	{name: "gpt-6.1-sol flex", start: wed1200, attrs: chatCall("gpt-6.1-sol", 100_000, 10_000, "openai.response.service_tier", "flex"), want: "0.15", pricingID: "default:gpt-6.1-sol@2026-09-29/flex"},        // 100000×1 + 10000×5
	{name: "gpt-6.1-sol priority", start: wed1200, attrs: chatCall("gpt-6.1-sol", 10_000, 1000, "openai.response.service_tier", "priority"), want: "0.06"},                                                     // 2x: 10000×4 + 1000×20 = 40000+20000
	{name: "gpt-6.1-sol above 272k cached", start: wed1200, attrs: chatCall("gpt-6.1-sol", 300_000, 1000, genai.UsageCacheRead, int64(100_000)), want: "0.835"},                                                // 200000×4 + 100000×0.20 + 1000×15 = 800000+20000+15000
	{name: "gpt-6-luna", start: wed1200, attrs: chatCall("gpt-6-luna", 200_000, 20_000), want: "0.03"},                                                                                                         // 200000×0.10 + 20000×0.50 = 20000+10000
	{name: "gpt-6-sol", start: wed1200, attrs: chatCall("gpt-6-sol", 100_000, 10_000), want: "0.3"},                                                                                                            // 100000×2 + 10000×10
	{name: "gpt-6.1-terra cached", start: wed1200, attrs: chatCall("gpt-6.1-terra", 100_000, 10_000, genai.UsageCacheRead, int64(50_000)), want: "0.1025"},                                                     // 50000×1 + 50000×0.05 + 10000×5 = 50000+2500+50000
	{name: "gpt-5.5 above 272k", start: wed1200, attrs: chatCall("gpt-5.5", 300_000, 10_000), want: "3.45"},                                                                                                    // 300000×10 + 10000×45 = 3000000+450000
	{name: "gpt-5.6-sol before its cut", start: aug2026, attrs: chatCall("gpt-5.6-sol", 100_000, 10_000), want: "0.8"},                                                                                         // 100000×5 + 10000×30 = 500000+300000
	{name: "gpt-5.6-sol after its cut", start: wed1200, attrs: chatCall("gpt-5.6-sol", 100_000, 10_000), want: "0.6", pricingID: "default:gpt-5.6-sol@2026-08-21"},                                             // 100000×4 + 10000×20 = 400000+200000
	// --- Anthropic (platform.claude.com pricing and model overview pages).
	{name: "claude-opus-5-5 read and 5m write", start: wed1200, attrs: chatCall("claude-opus-5-5", 100_000, 8000, genai.UsageCacheRead, int64(60_000), genai.UsageCacheWrite, int64(20_000)), want: "0.352"}, // 20000×4 + 60000×0.20 + 20000×5 + 8000×20 = 80000+12000+100000+160000
	{name: "claude-sonnet-5-5 read before the cut", start: oct1st2026, attrs: chatCall("claude-sonnet-5-5", 100_000, 2000, genai.UsageCacheRead, int64(80_000)), want: "0.076"},                              // 20000×2 + 80000×0.20 + 2000×10 = 40000+16000+20000
	{name: "claude-sonnet-5-5 read after the cut", start: wed1200, attrs: chatCall("claude-sonnet-5-5", 100_000, 2000, genai.UsageCacheRead, int64(80_000)), want: "0.068"},                                  // since 2026-10-07: 40000 + 80000×0.10 + 20000
	{name: "claude-haiku-5-5 short prompt", start: wed1200, attrs: chatCall("claude-haiku-5-5", 50_000, 2000, genai.UsageCacheRead, int64(20_000)), want: "0.0042"},                                          // 30000×0.10 + 20000×0.01 + 2000×0.50 = 3000+200+1000
	{name: "claude-haiku-5-5 at 100k", start: wed1200, attrs: chatCall("claude-haiku-5-5", 100_000, 1000), want: "0.0105"},                                                                                   // not above 100K: 100000×0.10 + 1000×0.50
	{name: "claude-haiku-5-5 long prompt", start: wed1200, attrs: chatCall("claude-haiku-5-5", 150_000, 2000), want: "0.08"},                                                                                 // every token at the high band: 150000×0.50 + 2000×2.50 = 75000+5000
	{name: "claude-fable-5-1 read", start: wed1200, attrs: chatCall("claude-fable-5-1", 20_000, 5000, genai.UsageCacheRead, int64(10_000)), want: "0.3525"},                                                  // 10000×10 + 10000×0.25 + 5000×50 = 100000+2500+250000
	{name: "claude-fable-5-2 1h write", start: wed1200, attrs: chatCall("claude-fable-5-2", 20_000, 1000, genai.UsageCacheWrite, int64(10_000), genai.UsageCacheWrite1h, int64(10_000)), want: "0.28"},       // 10000×8 + 10000×16 + 1000×40 = 80000+160000+40000
	// Bedrock: regional +10%, global at Anthropic's price (aws.amazon.com/bedrock/pricing via genai-prices@47df840 aws).
	{name: "bedrock regional claude-opus-5", start: wed1200, attrs: chatCall("us.anthropic.claude-opus-5-v1:0", 100_000, 10_000), want: "0.825", pricingID: "default:bedrock-regional-claude-opus-5@2026-07-24"}, // 100000×5.50 + 10000×27.50
	{name: "bedrock global claude-opus-5", start: wed1200, attrs: chatCall("global.anthropic.claude-opus-5-v1:0", 100_000, 10_000), want: "0.75"},                                                                // 100000×5 + 10000×25
	{name: "bedrock regional claude-sonnet-5 keeps its price", start: wed1200, attrs: chatCall("eu.anthropic.claude-sonnet-5-v1:0", 100_000, 10_000), want: "0.33"},                                              // 100000×2.20 + 10000×11
	{name: "bedrock regional claude-haiku-5-5 long prompt", start: wed1200, attrs: chatCall("jp.anthropic.claude-haiku-5-5", 150_000, 2000), want: "0.088"},                                                      // +10%, high band: 150000×0.55 + 2000×2.75 = 82500+5500
	{name: "bedrock regional claude-opus-5-5 read", start: wed1200, attrs: chatCall("anthropic.claude-opus-5-5", 100_000, 1000, genai.UsageCacheRead, int64(50_000)), want: "0.253"},                             // in-region id, +10%: 50000×4.40 + 50000×0.22 + 1000×22 = 220000+11000+22000
	// --- Google (ai.google.dev/gemini-api/docs/pricing).
	{name: "gemini-4-neon cached", start: wed1200, attrs: chatCall("gemini-4-neon", 100_000, 10_000, genai.UsageCacheRead, int64(40_000)), want: "0.336"}, // 60000×3 + 40000×0.15 + 10000×15 = 180000+6000+150000
	{name: "gemini-4-argon launch price", start: nov15th, attrs: chatCall("gemini-4-argon", 1_000_000, 100_000), want: "3"},                               // 2 + 0.1×10
	{name: "gemini-4-argon from December", start: wed1200, attrs: chatCall("gemini-4-argon", 1_000_000, 100_000), want: "6"},                              // 100000×4 + 10000×20 = 400000+200000
	{name: "gemini-3.8-flash introductory", start: wed1200, attrs: chatCall("gemini-3.8-flash", 1_000_000, 100_000), want: "1.125"},                       // 0.75 + 0.1×3.75
	{name: "gemini-3.8-flash from 2027", start: jan2nd2027, attrs: chatCall("gemini-3.8-flash", 1_000_000, 100_000), want: "2.25"},                        // 1.50 + 0.1×7.50
	// Gemini reasoning: inside output unless the counts or the scope say otherwise.
	{name: "gemini thinking inside output, no total", start: wed1200, attrs: chatCall("gemini-2.5-pro", 100_000, 10_000, genai.ProviderName, "gcp.gemini", genai.UsageReasoning, int64(6000)), want: "0.225"},                                                                  // conventions: 100000×1.25 + 10000×10
	{name: "gemini thinking from the OTel google-genai scope", start: wed1200, scope: "opentelemetry.instrumentation.google_genai", attrs: chatCall("gemini-2.5-flash", 1000, 3050, genai.ProviderName, "gcp.vertex_ai", genai.UsageReasoning, int64(3000)), want: "0.007925"}, // it adds thoughts to output: 1000×0.30 + 3050×2.50 = 300+7625
	{name: "gemini thinking apart, scope listed", start: wed1200, scope: "acme.gemini.native", cfg: withReasoningScope, attrs: chatCall("gemini-2.5-pro", 100_000, 10_000, genai.ProviderName, "gcp.gemini", genai.UsageReasoning, int64(6000)), want: "0.285"},                // 100000×1.25 + (10000+6000)×10 = 125000+160000
	// --- xAI: retired slugs at grok-4.3's price from 2026-05-15 19:00 UTC (docs.x.ai migration page).
	{name: "grok-4-fast-reasoning a minute before retirement", start: may15at18, attrs: chatCall("grok-4-fast-reasoning", 100_000, 10_000), want: "0.025"}, // 100000×0.20 + 10000×0.50
	{name: "grok-4-fast-reasoning after retirement", start: wed1200, attrs: chatCall("grok-4-fast-reasoning", 100_000, 10_000), want: "0.15"},              // 100000×1.25 + 10000×2.50 = 125000+25000
	{name: "grok-4.7 below 200k", start: wed1200, attrs: chatCall("grok-4.7", 199_999, 1000), want: "0.405998"},                                            // 199999×2 + 1000×6 = 399998+6000
	{name: "grok-4.7 from 200k", start: wed1200, attrs: chatCall("grok-4.7", 250_000, 1000), want: "1.012"},                                                // 250000×4 + 1000×12 = 1000000+12000
	// --- DeepSeek (api-docs.deepseek.com/quick_start/pricing): peak hours, weekdays, aliases.
	{name: "deepseek-flash off-peak", start: wed1200, attrs: chatCall("deepseek-flash", 100_000, 10_000, genai.UsageCacheRead, int64(80_000)), want: "0.00924"},             // 20000×0.15 + 80000×0.003 + 10000×0.60 = 3000+240+6000
	{name: "deepseek-v4-flash name at peak", start: wed0200, attrs: chatCall("deepseek-v4-flash", 100_000, 10_000, genai.UsageCacheRead, int64(80_000)), want: "0.01848"},   // 20000×0.30 + 80000×0.006 + 10000×1.20 = 6000+480+12000
	{name: "deepseek-flash Saturday is off-peak", start: sat0200, attrs: chatCall("deepseek-flash", 100_000, 10_000, genai.UsageCacheRead, int64(80_000)), want: "0.00924"}, // as off-peak
	{name: "deepseek-v4-pro peak on a Saturday in August", start: aug22at02, attrs: chatCall("deepseek-v4-pro", 1_000_000, 100_000), want: "1.716"},                         // every day then: 1.32 + 0.1×3.96
	{name: "deepseek-v4-pro off-peak now", start: wed1200, attrs: chatCall("deepseek-v4-pro", 100_000, 10_000, genai.UsageCacheRead, int64(50_000)), want: "0.0539"},        // 50000×0.66 + 50000×0.022 + 10000×1.98 = 33000+1100+19800
	{name: "deepseek-v4-pro in July", start: jul2026, attrs: chatCall("deepseek-v4-pro", 1_000_000, 100_000), want: "0.522"},                                                // 0.435 + 0.1×0.87
	{name: "deepseek-reasoner is V4-Flash", start: may2026, attrs: chatCall("deepseek-reasoner", 1_000_000, 1_000_000), want: "0.42"},                                       // 0.14 + 0.28
	// --- Mistral.
	{name: "mistral-small-2506", start: wed1200, attrs: chatCall("mistral-small-2506", 100_000, 10_000), want: "0.013"}, // 100000×0.10 + 10000×0.30 = 10000+3000
	// --- Cohere: dated snapshots with their own (legacy) price.
	{name: "command-r-03-2024 keeps its own price", start: wed1200, attrs: chatCall("command-r-03-2024", 1_000_000, 100_000), want: "0.65"},          // 0.50 + 0.1×1.50, not command-r's 0.15 + 0.06
	{name: "command-r-plus-04-2024 keeps its own price", start: wed1200, attrs: chatCall("command-r-plus-04-2024", 1_000_000, 100_000), want: "4.5"}, // 3 + 0.1×15
	// --- Statuses and counts.
	{name: "provider-reported cost has status reported", start: wed1200, attrs: chatCall("gpt-4o", 10_000, 1000, genai.CostAmount, 0.123), want: "0.123", status: genai.CostStatusReported},
	{name: "token count as a decimal string", start: wed1200, attrs: chatCall("gpt-4o", 0, 100, genai.UsageInputTokens, "1000"), want: "0.0035"}, // 1000×2.50 + 100×10 = 2500+1000
	{name: "token count as a float string", start: wed1200, attrs: chatCall("gpt-4o", 0, 100, genai.UsageInputTokens, "1.5e3"), status: genai.CostStatusInvalid},
	{name: "token count as a fraction string", start: wed1200, attrs: chatCall("gpt-4o", 0, 100, genai.UsageInputTokens, "10.5"), status: genai.CostStatusInvalid},
}
