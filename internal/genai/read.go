// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

import (
	"math"
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
	// HasCacheWrite1h: CacheWrite1h was reported (Anthropic's 1-hour writes).
	HasCacheWrite1h
	// HasTotal: a total token count was reported (evidence for how the
	// other counts were meant, never priced itself).
	HasTotal
	hasCacheWrite5m
)

// Usage holds token counts as reported, in the GenAI meaning: Input includes
// cached tokens, Output includes reasoning tokens (unless an instrumentation
// reports Anthropic-style exclusive counts, or Gemini's thinking tokens apart
// from output; llm_cost handles that).
type Usage struct {
	Input, Output, CacheRead, CacheWrite, Reasoning int64
	// CacheWrite1h is the part of CacheWrite written with a 1-hour lifetime.
	CacheWrite1h int64
	// Total is a reported total token count (HasTotal).
	Total int64
	// Has records which counts were present and valid (HasInput | ...).
	Has uint8
	// Invalid records which counts were present but unusable: negative,
	// fractional, NaN, infinite, above MaxTokens, or not a number. Such a
	// count is 0 here and its Has bit is clear, so nothing counts it.
	Invalid uint8
	// Estimated: the counts were estimated from text by llm_cost
	// (gen_ai.usage.estimated), not reported by the provider.
	Estimated bool
}

// Any reports whether any valid token count was present.
func (u Usage) Any() bool { return u.Has != 0 }

// IsInvalid reports whether any token count was present but unusable.
func (u Usage) IsInvalid() bool { return u.Invalid != 0 }

// Call is everything the attribute contract says about one GenAI span or log
// record, read from whichever convention the instrumentation used.
type Call struct {
	// Operation is the normalised gen_ai.operation.name ("" when none).
	Operation string
	// ImplicitOperation: no operation was named; Operation is "chat"
	// because the item carries a model or token counts.
	ImplicitOperation bool
	RequestModel      string
	ResponseModel     string
	Agent             string
	Conversation      string
	Usage             Usage

	// Cost fields as written by llm_cost (or reported by the app). A
	// negative, NaN or infinite amount is not a cost: HasCost is false and
	// CostInvalid true.
	CostAmount   float64
	HasCost      bool
	CostInvalid  bool
	CostCurrency string
	CostSource   string
	CostStatus   string

	// ServiceTier is the service tier the provider served the call at
	// (openai.response.service_tier, else the requested one): "default",
	// "flex", "priority", "scale", ... ("" when not reported).
	ServiceTier string

	FallbackUsed     bool
	StreamResult     string
	KnowledgeHits    int64
	HasKnowledgeHits bool
	TimeToFirstChunk float64
	HasTTFC          bool
	ErrorType        string
	// Turn is true on the item that stands for one whole chat turn
	// (chat.turn): the root span of a turn's trace and its log record.
	Turn bool
	// TurnMarked: chat.turn is present, whatever its value (an item marked
	// chat.turn=false is not a turn even where a rule would make it one).
	TurnMarked bool

	// Stream is gen_ai.request.stream (HasStream: it was present).
	Stream, HasStream bool
	// Prompt is gen_ai.prompt.name.
	Prompt string
	// Nested is gen_ai.invocation.is_nested (HasNested: it was present).
	Nested, HasNested bool
	// User is user.id, else enduser.id.
	User string
	// Evaluation is gen_ai.evaluation.name: the item is the result of an
	// evaluation (a gen_ai.evaluation.result event), not a call, so a model
	// name on it does not make it an implicit chat call.
	Evaluation string

	// provider as named by the telemetry, not yet normalised.
	provider string
	// labelProvider is the provider of a `provider:model` label.
	labelProvider string
	// rank of the alias that set each field (lower wins).
	rOp, rProv, rReq, rResp, rIn, rOut, rCR, rCW, rReason, rConv, rCost, rTier, rTotal uint8
}

// Model returns the response model when present, else the request model.
func (c *Call) Model() string {
	if c.ResponseModel != "" {
		return c.ResponseModel
	}
	return c.RequestModel
}

// Provider returns the normalised provider: as the telemetry names it, else
// the prefix of a `provider:model` label, else inferred from the model (""
// when it cannot be inferred). It is computed on demand: readers that need no
// provider pay nothing for it.
func (c *Call) Provider() string {
	switch {
	case c.provider != "":
		return NormalizeProvider(c.provider)
	case c.labelProvider != "":
		return c.labelProvider
	}
	return InferProvider(c.Model())
}

// Kind classifies the call's operation.
func (c *Call) Kind() Kind { return OperationKind(c.Operation) }

const unset = 255

// Read collects the contract attributes of one span or log record in a single
// pass over attrs. Older and foreign names are accepted (see DESIGN.md); when
// several aliases are present the current GenAI name wins. Model labels of
// the `provider:model` form (`openai:gpt-4.1`, see SplitModel) are split:
// RequestModel and ResponseModel hold the model, Provider() the prefix's
// provider unless the telemetry names one. When no operation is named but a
// model or token count is, the item is treated as a chat call (unless it is
// an evaluation result: gen_ai.evaluation.name).
func Read(attrs pcommon.Map) Call {
	var c Call
	ReadInto(&c, attrs)
	return c
}

// ReadInto is Read into *c, which it overwrites. A hot loop that keeps its
// Call in memory of its own (not in its stack frame, as Read's result is)
// saves copying the Call and keeps the caller's frame small, so the short
// lived goroutine a request runs on grows its stack less.
func ReadInto(c *Call, attrs pcommon.Map) {
	*c = Call{
		rOp: unset, rProv: unset, rReq: unset, rResp: unset, rIn: unset, rOut: unset,
		rCR: unset, rCW: unset, rReason: unset, rConv: unset, rCost: unset, rTier: unset, rTotal: unset,
	}
	attrs.Range(func(k string, v pcommon.Value) bool {
		if id := keyID(k); id != kNone {
			c.set(id, v)
		}
		return true
	})
	if p, m, ok := SplitModel(c.ResponseModel); ok {
		c.ResponseModel, c.labelProvider = m, p
	}
	if p, m, ok := SplitModel(c.RequestModel); ok {
		c.RequestModel, c.labelProvider = m, p
	}
	if c.Operation == "" && c.Evaluation == "" && (c.RequestModel != "" || c.ResponseModel != "" || c.Usage.Has&(HasInput|HasOutput) != 0 || c.Usage.Invalid&(HasInput|HasOutput) != 0) {
		c.Operation, c.ImplicitOperation = OpChat, true
	}
	u := &c.Usage
	if u.Has&(hasCacheWrite5m|HasCacheWrite1h) != 0 {
		if u.Has&HasCacheWrite == 0 && u.Invalid&HasCacheWrite == 0 {
			// The split without a total: the total is its sum.
			u.CacheWrite += u.CacheWrite1h
			u.Has |= HasCacheWrite
		}
		u.Has &^= hasCacheWrite5m
	}
	u.Invalid &^= hasCacheWrite5m
}

func (c *Call) set(id uint8, v pcommon.Value) {
	switch id {
	case kOperationName:
		setStr(&c.Operation, &c.rOp, 0, v.AsString())
	case kOpenInferenceKind:
		setStr(&c.Operation, &c.rOp, 1, OperationFromOpenInference(v.Str()))
	case kOpenLLMetryType:
		setStr(&c.Operation, &c.rOp, 2, OperationFromOpenLLMetry(v.Str()))
	case kProviderName:
		setStr(&c.provider, &c.rProv, 0, v.AsString())
	case kSystem:
		setStr(&c.provider, &c.rProv, 1, v.AsString())
	case kRequestModel:
		setStr(&c.RequestModel, &c.rReq, 0, v.AsString())
	case kOpenInferenceModel:
		setStr(&c.RequestModel, &c.rReq, 1, v.AsString())
	case kOpenLLMetryRequestModel:
		setStr(&c.RequestModel, &c.rReq, 2, v.AsString())
	case kResponseModel:
		setStr(&c.ResponseModel, &c.rResp, 0, v.AsString())
	case kOpenLLMetryResponseModel:
		setStr(&c.ResponseModel, &c.rResp, 1, v.AsString())
	case kInputTokens:
		c.setTokens(&c.Usage.Input, &c.rIn, 0, HasInput, v)
	case kPromptTokens:
		c.setTokens(&c.Usage.Input, &c.rIn, 1, HasInput, v)
	case kOpenLLMetryPromptTokens:
		c.setTokens(&c.Usage.Input, &c.rIn, 2, HasInput, v)
	case kOpenInferencePromptTokens:
		c.setTokens(&c.Usage.Input, &c.rIn, 3, HasInput, v)
	case kOutputTokens:
		c.setTokens(&c.Usage.Output, &c.rOut, 0, HasOutput, v)
	case kCompletionTokens:
		c.setTokens(&c.Usage.Output, &c.rOut, 1, HasOutput, v)
	case kOpenLLMetryCompletionTokens:
		c.setTokens(&c.Usage.Output, &c.rOut, 2, HasOutput, v)
	case kOpenInferenceCompletionTokens:
		c.setTokens(&c.Usage.Output, &c.rOut, 3, HasOutput, v)
	case kCacheRead:
		c.setTokens(&c.Usage.CacheRead, &c.rCR, 0, HasCacheRead, v)
	case kOpenLLMetryCacheRead:
		c.setTokens(&c.Usage.CacheRead, &c.rCR, 1, HasCacheRead, v)
	case kOpenInferenceCacheRead:
		c.setTokens(&c.Usage.CacheRead, &c.rCR, 2, HasCacheRead, v)
	case kCacheCreation:
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 0, HasCacheWrite, v)
	case kCacheWrite:
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 1, HasCacheWrite, v)
	case kOpenLLMetryCacheCreation:
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 2, HasCacheWrite, v)
	case kOpenInferenceCacheWrite:
		c.setTokens(&c.Usage.CacheWrite, &c.rCW, 3, HasCacheWrite, v)
	case kAnthropicCacheWrite5m:
		// Only counted towards a total the telemetry does not carry.
		var n int64
		r := uint8(unset)
		c.setTokens(&n, &r, 0, hasCacheWrite5m, v)
		if c.Usage.Has&HasCacheWrite == 0 {
			c.Usage.CacheWrite += n
		}
		if c.Usage.Invalid&hasCacheWrite5m != 0 {
			c.Usage.Invalid |= HasCacheWrite
		}
	case kAnthropicCacheWrite1h:
		r := uint8(unset)
		c.setTokens(&c.Usage.CacheWrite1h, &r, 0, HasCacheWrite1h, v)
	case kReasoning:
		c.setTokens(&c.Usage.Reasoning, &c.rReason, 0, HasReasoning, v)
	case kOpenInferenceReasoning:
		c.setTokens(&c.Usage.Reasoning, &c.rReason, 1, HasReasoning, v)
	case kTotalTokens:
		c.setTokens(&c.Usage.Total, &c.rTotal, 0, HasTotal, v)
	case kOpenLLMetryTotalTokens:
		c.setTokens(&c.Usage.Total, &c.rTotal, 1, HasTotal, v)
	case kOpenInferenceTotalTokens:
		c.setTokens(&c.Usage.Total, &c.rTotal, 2, HasTotal, v)
	case kEstimated:
		c.Usage.Estimated = Bool(v)
	case kServiceTierResponse:
		setStr(&c.ServiceTier, &c.rTier, 0, v.AsString())
	case kServiceTierRequest:
		setStr(&c.ServiceTier, &c.rTier, 1, v.AsString())
	case kOldServiceTierResponse:
		setStr(&c.ServiceTier, &c.rTier, 2, v.AsString())
	case kOldServiceTierRequest:
		setStr(&c.ServiceTier, &c.rTier, 3, v.AsString())
	case kConversationID:
		setStr(&c.Conversation, &c.rConv, 0, v.AsString())
	case kSessionID:
		setStr(&c.Conversation, &c.rConv, 1, v.AsString())
	case kAgentName:
		c.Agent = v.AsString()
	case kCostAmount:
		c.setCost(0, v)
	case kOpenInferenceCost:
		c.setCost(1, v)
	case kCostCurrency:
		c.CostCurrency = v.AsString()
	case kCostSource:
		c.CostSource = v.AsString()
	case kCostStatus:
		c.CostStatus = v.AsString()
	case kFallbackUsed:
		c.FallbackUsed = Bool(v)
	case kStreamResult:
		c.StreamResult = v.AsString()
	case kKnowledgeHits:
		if f, ok := Number(v); ok {
			c.KnowledgeHits, c.HasKnowledgeHits = int64(f), true
		}
	case kTimeToFirstChunk:
		if f, ok := Number(v); ok {
			c.TimeToFirstChunk, c.HasTTFC = f, true
		}
	case kErrorType:
		c.ErrorType = v.AsString()
	case kChatTurn:
		c.Turn, c.TurnMarked = Bool(v), true
	case kRequestStream:
		c.Stream, c.HasStream = Bool(v), true
	case kPromptName:
		c.Prompt = v.AsString()
	case kInvocationIsNested:
		c.Nested, c.HasNested = Bool(v), true
	case kEvaluationName:
		c.Evaluation = v.AsString()
	case kUserID:
		c.User = v.AsString()
	case kEndUserID:
		if c.User == "" {
			c.User = v.AsString()
		}
	}
}

func setStr(dst *string, rank *uint8, r uint8, s string) {
	if s != "" && r < *rank {
		*dst, *rank = s, r
	}
}

// setTokens sets a token count from the alias of rank r unless a better
// ranked alias set it. A value that is not a usable count marks the count
// invalid (whatever its rank: the best-ranked name present decides).
func (c *Call) setTokens(dst *int64, rank *uint8, r uint8, bit uint8, v pcommon.Value) {
	if r >= *rank {
		return
	}
	*rank = r
	n, ok := Tokens(v)
	if !ok {
		*dst = 0
		c.Usage.Has &^= bit
		c.Usage.Invalid |= bit
		return
	}
	*dst = n
	c.Usage.Has |= bit
	c.Usage.Invalid &^= bit
}

func (c *Call) setCost(r uint8, v pcommon.Value) {
	if r >= c.rCost {
		return
	}
	c.rCost = r
	f, ok := Number(v)
	if !ok || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		c.CostAmount, c.HasCost, c.CostInvalid = 0, false, true
		return
	}
	c.CostAmount, c.HasCost, c.CostInvalid = f, true, false
}

// Tokens reads a token count: an int, a double with an integral value, or
// a string of a decimal integer ("1500", as some SDKs serialise counts),
// from 0 to MaxTokens. Anything else (negative, fractional, NaN, infinite,
// too large, a string in another notation such as "1500.0" or "1.5e3",
// another type) is not a count.
func Tokens(v pcommon.Value) (int64, bool) {
	switch v.Type() {
	case pcommon.ValueTypeInt:
		n := v.Int()
		return n, n >= 0 && n <= MaxTokens
	case pcommon.ValueTypeDouble:
		f := v.Double()
		if !(f >= 0 && f <= MaxTokens) || f != math.Trunc(f) {
			return 0, false
		}
		return int64(f), true
	case pcommon.ValueTypeStr:
		s := v.Str()
		if s == "" || len(s) > 13 {
			return 0, false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil && n <= MaxTokens
	}
	return 0, false
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
