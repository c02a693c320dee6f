// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai

import (
	"math"
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
	assert.True(t, c.TurnMarked)
	assert.True(t, c.HasTTFC)
	assert.InDelta(t, 0.25, c.TimeToFirstChunk, 1e-12)

	// chat.turn present but not true is a mark too: not a turn.
	m.PutStr(ChatTurn, "no")
	c = Read(m)
	assert.False(t, c.Turn)
	assert.True(t, c.TurnMarked)
	m.Remove(ChatTurn)
	c = Read(m)
	assert.False(t, c.TurnMarked)
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
	m.PutStr("llm.cost.totals", "1")
	c := Read(m)
	assert.Empty(t, c.Operation)
	assert.Equal(t, KindNone, c.Kind())
	assert.False(t, c.Usage.Any())
	assert.False(t, c.Usage.IsInvalid())
}

// TestReadInvalidTokenCounts: a count that is present but unusable is
// reported as invalid, never clamped, and never counted as present.
func TestReadInvalidTokenCounts(t *testing.T) {
	for name, set := range map[string]func(pcommon.Map){
		"negative int":        func(m pcommon.Map) { m.PutInt(UsageInputTokens, -1) },
		"max int64":           func(m pcommon.Map) { m.PutInt(UsageInputTokens, math.MaxInt64) },
		"1e13 int":            func(m pcommon.Map) { m.PutInt(UsageInputTokens, 10_000_000_000_000) },
		"1e30 double":         func(m pcommon.Map) { m.PutDouble(UsageInputTokens, 1e30) },
		"NaN":                 func(m pcommon.Map) { m.PutDouble(UsageInputTokens, math.NaN()) },
		"+Inf":                func(m pcommon.Map) { m.PutDouble(UsageInputTokens, math.Inf(1)) },
		"-Inf":                func(m pcommon.Map) { m.PutDouble(UsageInputTokens, math.Inf(-1)) },
		"fraction":            func(m pcommon.Map) { m.PutDouble(UsageInputTokens, 10.5) },
		"not a number":        func(m pcommon.Map) { m.PutStr(UsageInputTokens, "lots") },
		"NaN string":          func(m pcommon.Map) { m.PutStr(UsageInputTokens, "NaN") },
		"fraction string":     func(m pcommon.Map) { m.PutStr(UsageInputTokens, "10.5") },
		"float notation":      func(m pcommon.Map) { m.PutStr(UsageInputTokens, "1.5e3") },
		"decimal point":       func(m pcommon.Map) { m.PutStr(UsageInputTokens, "1500.0") },
		"signed string":       func(m pcommon.Map) { m.PutStr(UsageInputTokens, "+1500") },
		"spaces":              func(m pcommon.Map) { m.PutStr(UsageInputTokens, " 1500") },
		"string above max":    func(m pcommon.Map) { m.PutStr(UsageInputTokens, "1000000000001") },
		"bool":                func(m pcommon.Map) { m.PutBool(UsageInputTokens, true) },
		"invalid beats alias": func(m pcommon.Map) { m.PutInt("llm.token_count.prompt", 5); m.PutInt(UsageInputTokens, -5) },
	} {
		t.Run(name, func(t *testing.T) {
			m := pcommon.NewMap()
			m.PutStr(RequestModel, "gpt-4o")
			m.PutInt(UsageOutputTokens, 10)
			set(m)
			c := Read(m)
			assert.True(t, c.Usage.IsInvalid())
			assert.Equal(t, HasInput, c.Usage.Invalid)
			assert.Equal(t, HasOutput, c.Usage.Has, "the invalid count is not present")
			assert.Zero(t, c.Usage.Input)
			assert.Equal(t, int64(10), c.Usage.Output)
		})
	}
	for name, v := range map[string]func(pcommon.Map){
		"integral double": func(m pcommon.Map) { m.PutDouble(UsageInputTokens, 1500) },
		"decimal string":  func(m pcommon.Map) { m.PutStr(UsageInputTokens, "1500") },
	} {
		m := pcommon.NewMap()
		v(m)
		c := Read(m)
		assert.Equal(t, Usage{Input: 1500, Has: HasInput}, c.Usage, name)
	}
	m := pcommon.NewMap()
	m.PutInt(UsageInputTokens, MaxTokens)
	assert.Equal(t, int64(MaxTokens), Read(m).Usage.Input, "the bound itself is valid")
}

func TestReadTokenAliases(t *testing.T) {
	// OpenLLMetry's cache names, the newer conventions' cache_write name,
	// a total, and the service tier.
	m := pcommon.NewMap()
	m.PutStr("gen_ai.system", "anthropic")
	m.PutInt("gen_ai.usage.cache_read_input_tokens", 700)
	m.PutInt("gen_ai.usage.cache_creation_input_tokens", 300)
	m.PutInt("llm.usage.total_tokens", 1200)
	m.PutStr("openai.request.service_tier", "auto")
	m.PutStr("openai.response.service_tier", "flex")
	c := Read(m)
	assert.Equal(t, Usage{CacheRead: 700, CacheWrite: 300, Total: 1200, Has: HasCacheRead | HasCacheWrite | HasTotal}, c.Usage)
	assert.Equal(t, "flex", c.ServiceTier, "the tier served wins over the one requested")

	m = pcommon.NewMap()
	m.PutInt("gen_ai.usage.cache_creation_input_tokens", 1)
	m.PutInt(UsageCacheWrite, 300)
	assert.Equal(t, int64(300), Read(m).Usage.CacheWrite, "the conventions' name wins")
}

func TestReadCacheWriteLifetimes(t *testing.T) {
	// The split with a total: the total stands, the 1-hour part is kept.
	m := pcommon.NewMap()
	m.PutInt(UsageCacheWrite1h, 400)
	m.PutInt(UsageCacheWrite5m, 100)
	m.PutInt(UsageCacheCreation, 500)
	c := Read(m)
	assert.Equal(t, int64(500), c.Usage.CacheWrite)
	assert.Equal(t, int64(400), c.Usage.CacheWrite1h)
	assert.Equal(t, HasCacheWrite|HasCacheWrite1h, c.Usage.Has)
	// Without a total, in either order: the sum.
	for _, order := range [][2]string{{UsageCacheWrite5m, UsageCacheWrite1h}, {UsageCacheWrite1h, UsageCacheWrite5m}} {
		m = pcommon.NewMap()
		m.PutInt(order[0], 100)
		m.PutInt(order[1], 100)
		m.PutInt(UsageCacheWrite1h, 400)
		m.PutInt(UsageCacheWrite5m, 100)
		c = Read(m)
		assert.Equal(t, int64(500), c.Usage.CacheWrite)
		assert.Equal(t, int64(400), c.Usage.CacheWrite1h)
	}
}

func TestReadImplicitOperationAndCost(t *testing.T) {
	m := pcommon.NewMap()
	m.PutStr(RequestModel, "gpt-4o")
	m.PutDouble(CostAmount, math.NaN())
	m.PutStr(CostSource, CostSourceAggregate)
	c := Read(m)
	assert.Equal(t, OpChat, c.Operation)
	assert.True(t, c.ImplicitOperation)
	assert.False(t, c.HasCost)
	assert.True(t, c.CostInvalid)
	assert.Equal(t, CostSourceAggregate, c.CostSource)

	m.PutStr(OperationName, "chat")
	m.PutDouble(CostAmount, -0.5)
	c = Read(m)
	assert.False(t, c.ImplicitOperation)
	assert.False(t, c.HasCost)
	m.PutBool(UsageEstimated, true)
	assert.True(t, Read(m).Usage.Estimated)
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
		"", "x", "server.address", "gen_ai.input.messages", "gen_ai.usage.cost.sources", "gen_ai.request.modeL", "gen_ai.usage.cache_read-input_tokens",
		"gen_ai.request.mode", "Gen_ai.request.model", "llm.cost.totals", "session.ID", "http.response.status_code",
	} {
		assert.Equal(t, kNone, keyID(k), k)
	}
}

func TestNewerOperationsByKind(t *testing.T) {
	for op, want := range map[string]Kind{
		OpRetrieval: KindRetrieval, OpFetchResponse: KindRetrieval,
		OpSearchMemory: KindMemory, OpCreateMemory: KindMemory, OpUpdateMemory: KindMemory, OpUpsertMemory: KindMemory,
		OpDeleteMemory: KindMemory, OpCreateMemoryStore: KindMemory, OpDeleteMemoryStore: KindMemory,
		OpPlan: KindAgent, OpHandleConversationTurn: KindWorkflow, OpEmbeddings: KindInference,
		"rerank": KindNone,
	} {
		assert.Equal(t, want, OperationKind(op), op)
	}
	assert.Equal(t, "retrieval", KindRetrieval.String())
	assert.Equal(t, "memory", KindMemory.String())
	assert.Equal(t, OpRetrieval, OperationFromOpenInference("RETRIEVER"))
}

func TestReadStreamPromptNestedEvaluation(t *testing.T) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, OpChat)
	m.PutBool(RequestStream, true)
	m.PutStr(PromptName, "analyze-code")
	m.PutBool(InvocationIsNested, true)
	c := Read(m)
	assert.True(t, c.Stream && c.HasStream)
	assert.Equal(t, "analyze-code", c.Prompt)
	assert.True(t, c.Nested && c.HasNested)

	// An evaluation result that names the evaluated model is no call.
	e := pcommon.NewMap()
	e.PutStr(EvaluationName, EvaluationUserFeedback)
	e.PutStr(RequestModel, "gpt-4.1")
	e.PutInt(UsageInputTokens, 10)
	c = Read(e)
	assert.Equal(t, EvaluationUserFeedback, c.Evaluation)
	assert.Equal(t, "", c.Operation)
	assert.Equal(t, KindNone, c.Kind())
	assert.Equal(t, "gpt-4.1", c.Model())
}

func TestConventions(t *testing.T) {
	c, ok := ParseConventions("v1.41")
	assert.True(t, ok)
	assert.Equal(t, ConventionsV141, c)
	assert.Equal(t, UsageCacheCreation, c.CacheWriteAttribute())
	c, ok = ParseConventions("development")
	assert.True(t, ok)
	assert.Equal(t, UsageCacheWrite, c.CacheWriteAttribute())
	assert.Equal(t, "development", c.String())
	_, ok = ParseConventions("1.42")
	assert.False(t, ok)
	// Both cache-write names are read, whichever a component writes.
	for _, k := range []string{UsageCacheCreation, UsageCacheWrite} {
		m := pcommon.NewMap()
		m.PutInt(k, 25)
		assert.Equal(t, int64(25), Read(m).Usage.CacheWrite, k)
	}
}
