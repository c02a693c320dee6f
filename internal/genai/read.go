// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

import (
	"strconv"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// Token count presence bits in Usage.Has.
const (
	HasInput uint8 = 1 << iota
	HasOutput
	HasCacheRead
	HasCacheWrite
	HasReasoning
)

// Usage holds token counts as reported, in the GenAI meaning: Input includes
// cached tokens, Output includes reasoning tokens (unless an instrumentation
// reports Anthropic-style exclusive counts; llm_cost handles that).
type Usage struct {
	Input, Output, CacheRead, CacheWrite, Reasoning int64
	// Has records which counts were present (HasInput | HasOutput | ...).
	Has uint8
}

// Any reports whether any token count was present.
func (u Usage) Any() bool { return u.Has != 0 }

// Call is everything the attribute contract says about one GenAI span or log
// record, read from whichever convention the instrumentation used.
type Call struct {
	// Operation is the normalised gen_ai.operation.name ("" when none).
	Operation string
	// Provider is the normalised provider, inferred from the model if absent.
	Provider      string
	RequestModel  string
	ResponseModel string
	Agent         string
	Conversation  string
	Usage         Usage

	// Cost fields as written by llm_cost (or reported by the app).
	CostAmount   float64
	HasCost      bool
	CostCurrency string
	CostStatus   string

	FallbackUsed     bool
	StreamResult     string
	KnowledgeHits    int64
	HasKnowledgeHits bool
	TimeToFirstChunk float64
	HasTTFC          bool
	ErrorType        string

	// rank of the alias that set each field (lower wins).
	rOp, rProv, rReq, rResp, rIn, rOut, rCR, rCW, rReason, rConv, rCost uint8
}

// Model returns the response model when present, else the request model.
func (c *Call) Model() string {
	if c.ResponseModel != "" {
		return c.ResponseModel
	}
	return c.RequestModel
}

// Kind classifies the call's operation.
func (c *Call) Kind() Kind { return OperationKind(c.Operation) }

const unset = 255

// Read collects the contract attributes of one span or log record in a single
// pass over attrs. Older and foreign names are accepted (see DESIGN.md); when
// several aliases are present the current GenAI name wins. When no operation
// is named but a model or token count is, the item is treated as a chat call.
func Read(attrs pcommon.Map) Call {
	c := Call{
		rOp: unset, rProv: unset, rReq: unset, rResp: unset, rIn: unset, rOut: unset,
		rCR: unset, rCW: unset, rReason: unset, rConv: unset, rCost: unset,
	}
	attrs.Range(func(k string, v pcommon.Value) bool {
		c.set(k, v)
		return true
	})
	if c.Operation == "" && (c.RequestModel != "" || c.ResponseModel != "" || c.Usage.Has&(HasInput|HasOutput) != 0) {
		c.Operation = OpChat
	}
	if c.Provider == "" {
		c.Provider = InferProvider(c.Model())
	} else {
		c.Provider = NormalizeProvider(c.Provider)
	}
	return c
}

func (c *Call) set(k string, v pcommon.Value) {
	switch k {
	case OperationName:
		setStr(&c.Operation, &c.rOp, 0, v.AsString())
	case "openinference.span.kind":
		setStr(&c.Operation, &c.rOp, 1, OperationFromOpenInference(v.Str()))
	case "llm.request.type":
		setStr(&c.Operation, &c.rOp, 2, OperationFromOpenLLMetry(v.Str()))
	case ProviderName:
		setStr(&c.Provider, &c.rProv, 0, v.AsString())
	case "gen_ai.system":
		setStr(&c.Provider, &c.rProv, 1, v.AsString())
	case RequestModel:
		setStr(&c.RequestModel, &c.rReq, 0, v.AsString())
	case "llm.model_name":
		setStr(&c.RequestModel, &c.rReq, 1, v.AsString())
	case "llm.request.model":
		setStr(&c.RequestModel, &c.rReq, 2, v.AsString())
	case ResponseModel:
		setStr(&c.ResponseModel, &c.rResp, 0, v.AsString())
	case "llm.response.model":
		setStr(&c.ResponseModel, &c.rResp, 1, v.AsString())
	case UsageInputTokens:
		c.setTokens(&c.Usage.Input, &c.rIn, 0, HasInput, v)
	case "gen_ai.usage.prompt_tokens":
		c.setTokens(&c.Usage.Input, &c.rIn, 1, HasInput, v)
	case "llm.usage.prompt_tokens":
		c.setTokens(&c.Usage.Input, &c.rIn, 2, HasInput, v)
	case "llm.token_count.prompt":
		c.setTokens(&c.Usage.Input, &c.rIn, 3, HasInput, v)
	case UsageOutputTokens:
		c.setTokens(&c.Usage.Output, &c.rOut, 0, HasOutput, v)
	case "gen_ai.usage.completion_tokens":
		c.setTokens(&c.Usage.Output, &c.rOut, 1, HasOutput, v)
	case "llm.usage.completion_tokens":
		c.setTokens(&c.Usage.Output, &c.rOut, 2, HasOutput, v)
	case "llm.token_count.completion":
		c.setTokens(&c.Usage.Output, &c.rOut, 3, HasOutput, v)
	case UsageCacheRead:
		c.setTokens(&c.Usage.CacheRead, &c.rCR, 0, HasCacheRead, v)
	case "llm.token_count.prompt_details.cache_read":
		c.setTokens(&c.Usage.CacheRead, &c.rCR, 1, HasCacheRead, v)
	case UsageCacheCreation:
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 0, HasCacheWrite, v)
	case "gen_ai.usage.cache_write.input_tokens":
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 1, HasCacheWrite, v)
	case "llm.token_count.prompt_details.cache_write":
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 2, HasCacheWrite, v)
	case UsageReasoning:
		c.setTokens(&c.Usage.Reasoning, &c.rReason, 0, HasReasoning, v)
	case "llm.token_count.completion_details.reasoning":
		c.setTokens(&c.Usage.Reasoning, &c.rReason, 1, HasReasoning, v)
	case ConversationID:
		setStr(&c.Conversation, &c.rConv, 0, v.AsString())
	case "session.id":
		setStr(&c.Conversation, &c.rConv, 1, v.AsString())
	case AgentName:
		c.Agent = v.AsString()
	case CostAmount:
		if f, ok := Number(v); ok {
			c.CostAmount, c.HasCost, c.rCost = f, true, 0
		}
	case "llm.cost.total": // OpenInference
		if f, ok := Number(v); ok && c.rCost != 0 {
			c.CostAmount, c.HasCost, c.rCost = f, true, 1
		}
	case CostCurrency:
		c.CostCurrency = v.AsString()
	case CostStatus:
		c.CostStatus = v.AsString()
	case ChatFallbackUsed:
		c.FallbackUsed = Bool(v)
	case ChatStreamResult:
		c.StreamResult = v.AsString()
	case ChatKnowledgeHits:
		if f, ok := Number(v); ok {
			c.KnowledgeHits, c.HasKnowledgeHits = int64(f), true
		}
	case TimeToFirstChunk:
		if f, ok := Number(v); ok {
			c.TimeToFirstChunk, c.HasTTFC = f, true
		}
	case ErrorType:
		c.ErrorType = v.AsString()
	}
}

func setStr(dst *string, rank *uint8, r uint8, s string) {
	if s != "" && r < *rank {
		*dst, *rank = s, r
	}
}

func (c *Call) setTokens(dst *int64, rank *uint8, r uint8, bit uint8, v pcommon.Value) {
	if r >= *rank {
		return
	}
	f, ok := Number(v)
	if !ok || f < 0 {
		return
	}
	*dst, *rank = int64(f), r
	c.Usage.Has |= bit
}

// Number reads an int, double or numeric string attribute value.
func Number(v pcommon.Value) (float64, bool) {
	switch v.Type() {
	case pcommon.ValueTypeInt:
		return float64(v.Int()), true
	case pcommon.ValueTypeDouble:
		return v.Double(), true
	case pcommon.ValueTypeStr:
		f, err := strconv.ParseFloat(v.Str(), 64)
		return f, err == nil
	}
	return 0, false
}

// Bool reads a bool attribute, also accepting "true"/"false" strings.
func Bool(v pcommon.Value) bool {
	switch v.Type() {
	case pcommon.ValueTypeBool:
		return v.Bool()
	case pcommon.ValueTypeStr:
		b, _ := strconv.ParseBool(v.Str())
		return b
	}
	return false
}
