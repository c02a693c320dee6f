// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

func TestReadCurrentConvention(t *testing.T) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, "chat")
	m.PutStr(ProviderName, "openai")
	m.PutStr(RequestModel, "gpt-4o")
	m.PutStr(ResponseModel, "gpt-4o-2024-08-06")
	m.PutInt(UsageInputTokens, 1200)
	m.PutInt(UsageOutputTokens, 300)
	m.PutInt(UsageCacheRead, 1000)
	m.PutInt(UsageReasoning, 100)
	m.PutBool(ChatFallbackUsed, true)
	m.PutDouble(TimeToFirstChunk, 0.25)
	m.PutBool(ChatTurn, true)

	c := Read(m)
	assert.Equal(t, "chat", c.Operation)
	assert.Equal(t, KindInference, c.Kind())
	assert.Equal(t, "openai", c.Provider())
	assert.Equal(t, "gpt-4o-2024-08-06", c.Model())
	assert.Equal(t, Usage{
		Input: 1200, Output: 300, CacheRead: 1000, Reasoning: 100,
		Has: HasInput | HasOutput | HasCacheRead | HasReasoning,
	}, c.Usage)
	assert.True(t, c.FallbackUsed)
	assert.True(t, c.Turn)
	assert.True(t, c.HasTTFC)
	assert.InDelta(t, 0.25, c.TimeToFirstChunk, 1e-12)
}

func TestReadPrefersCurrentNameOverAliases(t *testing.T) {
	m := pcommon.NewMap()
	// Alias first in iteration order, current name after it: current wins.
	m.PutInt("llm.token_count.prompt", 5)
	m.PutInt(UsageInputTokens, 7)
	m.PutStr("gen_ai.system", "vertex_ai")
	m.PutStr("llm.model_name", "old")
	m.PutStr(RequestModel, "gemini-1.5-pro")
	c := Read(m)
	assert.Equal(t, int64(7), c.Usage.Input)
	assert.Equal(t, "gcp.vertex_ai", c.Provider())
	assert.Equal(t, "gemini-1.5-pro", c.RequestModel)
}

func TestReadForeignConventions(t *testing.T) {
	oi := pcommon.NewMap()
	oi.PutStr("openinference.span.kind", "LLM")
	oi.PutStr("llm.model_name", "claude-3-5-sonnet-20241022")
	oi.PutInt("llm.token_count.prompt", 10)
	oi.PutStr("llm.token_count.completion", "20")
	oi.PutInt("llm.token_count.prompt_details.cache_write", 3)
	oi.PutStr("session.id", "s1")
	c := Read(oi)
	assert.Equal(t, OpChat, c.Operation)
	assert.Equal(t, "anthropic", c.Provider())
	assert.Equal(t, Usage{Input: 10, Output: 20, CacheWrite: 3, Has: HasInput | HasOutput | HasCacheWrite}, c.Usage)
	assert.Equal(t, "s1", c.Conversation)

	ol := pcommon.NewMap()
	ol.PutStr("llm.request.type", "embedding")
	ol.PutStr("llm.request.model", "text-embedding-3-small")
	ol.PutInt("gen_ai.usage.prompt_tokens", 8)
	c = Read(ol)
	assert.Equal(t, OpEmbeddings, c.Operation)
	assert.Equal(t, "openai", c.Provider())
	assert.Equal(t, int64(8), c.Usage.Input)
}

func TestReadNonGenAI(t *testing.T) {
	m := pcommon.NewMap()
	m.PutStr("http.request.method", "GET")
	m.PutInt(UsageInputTokens, -1) // negative counts are ignored
	c := Read(m)
	assert.Empty(t, c.Operation)
	assert.Equal(t, KindNone, c.Kind())
	assert.False(t, c.Usage.Any())
}

func TestOperationKinds(t *testing.T) {
	assert.Equal(t, KindAgent, OperationKind(OpInvokeAgent))
	assert.Equal(t, KindTool, OperationKind(OpExecuteTool))
	assert.Equal(t, KindWorkflow, OperationKind(OpInvokeWorkflow))
	assert.Equal(t, KindInference, OperationKind(OpEmbeddings))
	assert.Equal(t, KindNone, OperationKind("something_else"))
	assert.Equal(t, OpInvokeAgent, OperationFromOpenInference("agent"))
	assert.Equal(t, OpTextCompletion, OperationFromOpenLLMetry("completion"))
}

func TestInferProvider(t *testing.T) {
	for model, want := range map[string]string{
		"gpt-4o-mini":                "openai",
		"o3-mini":                    "openai",
		"openai/gpt-4o":              "openai",
		"claude-3-5-sonnet-20241022": "anthropic",
		"anthropic.claude-3-5-sonnet-20241022-v2:0": "aws.bedrock",
		"publishers/google/models/gemini-1.5-pro":   "gcp.vertex_ai",
		"google/gemini-2.0-flash":                   "gcp.gemini",
		"gemini-2.5-pro":                            "gcp.gemini",
		"mistral-large-latest":                      "mistral_ai",
		"deepseek-chat":                             "deepseek",
		"meta-llama/Llama-3.1-70B-Instruct":         "meta",
		"command-r-plus":                            "cohere",
		"my-finetune":                               "",
		"":                                          "",
	} {
		assert.Equal(t, want, InferProvider(model), model)
	}
}

func BenchmarkRead(b *testing.B) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, "chat")
	m.PutStr(ProviderName, "openai")
	m.PutStr(RequestModel, "gpt-4o")
	m.PutInt(UsageInputTokens, 1200)
	m.PutInt(UsageOutputTokens, 300)
	m.PutStr("http.url", "https://api.openai.com/v1/chat/completions")
	m.PutStr(InputMessages, `[{"role":"user","content":"hello"}]`)
	b.ReportAllocs()
	for b.Loop() {
		_ = Read(m)
	}
}

func TestReadOpenInferenceCost(t *testing.T) {
	m := pcommon.NewMap()
	m.PutDouble("llm.cost.total", 0.25)
	c := Read(m)
	assert.True(t, c.HasCost)
	assert.InDelta(t, 0.25, c.CostAmount, 0)
	m.PutDouble(CostAmount, 0.5) // the GenAI name wins whatever the order
	assert.InDelta(t, 0.5, Read(m).CostAmount, 0)
}

// BenchmarkReadChatSpan reads a span shaped like an instrumented chat call:
// 16 attributes, most of them not part of the contract.
func BenchmarkReadChatSpan(b *testing.B) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, "chat")
	m.PutStr(RequestModel, "gpt-4o")
	m.PutStr(ResponseModel, "gpt-4o-2024-08-06")
	m.PutStr(ConversationID, "conv-5f2a9c")
	m.PutStr("gen_ai.response.id", "chatcmpl-AB12cd34")
	m.PutStr("gen_ai.response.finish_reasons", "stop")
	m.PutStr("server.address", "api.openai.com")
	m.PutInt("server.port", 443)
	m.PutInt(UsageInputTokens, 1200)
	m.PutInt(UsageCacheRead, 800)
	m.PutInt(UsageOutputTokens, 300)
	m.PutStr(ChatRequestID, "req-1")
	m.PutStr(ChatStreamMode, "stream")
	m.PutBool(ChatFallbackUsed, false)
	m.PutStr(InputMessages, `[{"role":"user","content":"hello"}]`)
	m.PutStr(OutputMessages, `[{"role":"assistant","content":"hi"}]`)
	b.ReportAllocs()
	for b.Loop() {
		_ = Read(m)
	}
}

// TestKeyIDs: every name Read understands is found under its own id, and
// other names, including near misses, are not.
func TestKeyIDs(t *testing.T) {
	for id := kNone + 1; id < numKeys; id++ {
		assert.Equal(t, id, keyID(keyNames[id]), keyNames[id])
	}
	for _, k := range []string{
		"", "x", "server.address", "gen_ai.input.messages", "gen_ai.usage.cost.source", "gen_ai.request.modeL",
		"gen_ai.request.mode", "Gen_ai.request.model", "llm.cost.totals", "session.ID", "http.response.status_code",
	} {
		assert.Equal(t, kNone, keyID(k), k)
	}
}
