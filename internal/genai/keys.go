// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

// The attribute names Read understands, each with a small id, and the
// perfect hash that maps a key to its id: Read looks at every attribute of
// every span, most of which (server.address, gen_ai.input.messages, ...) are
// not ours, so a key costs one hash of three bytes, one table load and, for
// candidates only, one string comparison.
const (
	kNone uint8 = iota
	kOperationName
	kOpenInferenceKind
	kOpenLLMetryType
	kProviderName
	kSystem
	kRequestModel
	kOpenInferenceModel
	kOpenLLMetryRequestModel
	kResponseModel
	kOpenLLMetryResponseModel
	kInputTokens
	kPromptTokens
	kOpenLLMetryPromptTokens
	kOpenInferencePromptTokens
	kOutputTokens
	kCompletionTokens
	kOpenLLMetryCompletionTokens
	kOpenInferenceCompletionTokens
	kCacheRead
	kOpenLLMetryCacheRead
	kOpenInferenceCacheRead
	kCacheCreation
	kCacheWrite
	kOpenLLMetryCacheCreation
	kOpenInferenceCacheWrite
	kAnthropicCacheWrite5m
	kAnthropicCacheWrite1h
	kReasoning
	kOpenInferenceReasoning
	kTotalTokens
	kOpenLLMetryTotalTokens
	kOpenInferenceTotalTokens
	kEstimated
	kServiceTierResponse
	kServiceTierRequest
	kOldServiceTierResponse
	kOldServiceTierRequest
	kConversationID
	kSessionID
	kAgentName
	kCostAmount
	kOpenInferenceCost
	kCostCurrency
	kCostSource
	kCostStatus
	kFallbackUsed
	kStreamResult
	kKnowledgeHits
	kTimeToFirstChunk
	kErrorType
	kChatTurn
	kRequestStream
	kPromptName
	kInvocationIsNested
	kEvaluationName
	kUserID
	kEndUserID
	numKeys
)

// keyNames: the attribute name of each id. The current GenAI names come from
// names.go; the others are the aliases DESIGN.md lists.
var keyNames = [numKeys]string{
	kOperationName:                 OperationName,
	kOpenInferenceKind:             "openinference.span.kind",
	kOpenLLMetryType:               "llm.request.type",
	kProviderName:                  ProviderName,
	kSystem:                        "gen_ai.system",
	kRequestModel:                  RequestModel,
	kOpenInferenceModel:            "llm.model_name",
	kOpenLLMetryRequestModel:       "llm.request.model",
	kResponseModel:                 ResponseModel,
	kOpenLLMetryResponseModel:      "llm.response.model",
	kInputTokens:                   UsageInputTokens,
	kPromptTokens:                  "gen_ai.usage.prompt_tokens",
	kOpenLLMetryPromptTokens:       "llm.usage.prompt_tokens",
	kOpenInferencePromptTokens:     "llm.token_count.prompt",
	kOutputTokens:                  UsageOutputTokens,
	kCompletionTokens:              "gen_ai.usage.completion_tokens",
	kOpenLLMetryCompletionTokens:   "llm.usage.completion_tokens",
	kOpenInferenceCompletionTokens: "llm.token_count.completion",
	kCacheRead:                     UsageCacheRead,
	kOpenLLMetryCacheRead:          "gen_ai.usage.cache_read_input_tokens",
	kOpenInferenceCacheRead:        "llm.token_count.prompt_details.cache_read",
	kCacheCreation:                 UsageCacheCreation,
	kCacheWrite:                    UsageCacheWrite,
	kOpenLLMetryCacheCreation:      "gen_ai.usage.cache_creation_input_tokens",
	kOpenInferenceCacheWrite:       "llm.token_count.prompt_details.cache_write",
	kAnthropicCacheWrite5m:         UsageCacheWrite5m,
	kAnthropicCacheWrite1h:         UsageCacheWrite1h,
	kReasoning:                     UsageReasoning,
	kOpenInferenceReasoning:        "llm.token_count.completion_details.reasoning",
	kTotalTokens:                   "gen_ai.usage.total_tokens",
	kOpenLLMetryTotalTokens:        "llm.usage.total_tokens",
	kOpenInferenceTotalTokens:      "llm.token_count.total",
	kEstimated:                     UsageEstimated,
	kServiceTierResponse:           "openai.response.service_tier",
	kServiceTierRequest:            "openai.request.service_tier",
	kOldServiceTierResponse:        "gen_ai.openai.response.service_tier",
	kOldServiceTierRequest:         "gen_ai.openai.request.service_tier",
	kConversationID:                ConversationID,
	kSessionID:                     "session.id",
	kAgentName:                     AgentName,
	kCostAmount:                    CostAmount,
	kOpenInferenceCost:             "llm.cost.total",
	kCostCurrency:                  CostCurrency,
	kCostSource:                    CostSource,
	kCostStatus:                    CostStatus,
	kFallbackUsed:                  ChatFallbackUsed,
	kStreamResult:                  ChatStreamResult,
	kKnowledgeHits:                 ChatKnowledgeHits,
	kTimeToFirstChunk:              TimeToFirstChunk,
	kErrorType:                     ErrorType,
	kChatTurn:                      ChatTurn,
	kRequestStream:                 RequestStream,
	kPromptName:                    PromptName,
	kInvocationIsNested:            InvocationIsNested,
	kEvaluationName:                EvaluationName,
	kUserID:                        UserID,
	kEndUserID:                     EndUserID,
}

var (
	// keySlots maps a hash to up to two ids (kNone: no known key). Names
	// that differ only in bytes the hash does not read (such as
	// gen_ai.usage.cache_read.input_tokens and OpenLLMetry's
	// gen_ai.usage.cache_read_input_tokens) share a slot.
	keySlots             [256][2]uint8
	keySeed              uint32
	minKeyLen, maxKeyLen int
)

// keyHash mixes the length and three bytes of k; init picks the seed that
// puts at most two names in a slot.
func keyHash(k string, seed uint32) uint8 {
	n := len(k)
	h := uint32(n)*0x9e3779b1 ^ uint32(k[n-1])<<8 ^ uint32(k[n-2])<<16 ^ uint32(k[n/2])<<24
	h *= seed
	return uint8(h >> 24)
}

func init() {
	minKeyLen, maxKeyLen = len(keyNames[1]), len(keyNames[1])
	for _, k := range keyNames[1:] {
		minKeyLen, maxKeyLen = min(minKeyLen, len(k)), max(maxKeyLen, len(k))
	}
	for seed := uint32(1); seed < 1<<24; seed += 2 {
		keySlots = [256][2]uint8{}
		ok := true
		for id := kNone + 1; id < numKeys && ok; id++ {
			slot := &keySlots[keyHash(keyNames[id], seed)]
			switch {
			case slot[0] == kNone:
				slot[0] = id
			case slot[1] == kNone:
				slot[1] = id
			default:
				ok = false
			}
		}
		if ok {
			keySeed = seed
			return
		}
	}
	panic("genai: no seed spreads the attribute names")
}

// keyID returns the id of attribute name k, kNone when Read ignores it.
func keyID(k string) uint8 {
	if len(k) < minKeyLen || len(k) > maxKeyLen {
		return kNone
	}
	slot := &keySlots[keyHash(k, keySeed)]
	if id := slot[0]; id != kNone && keyNames[id] == k {
		return id
	}
	if id := slot[1]; id != kNone && keyNames[id] == k {
		return id
	}
	return kNone
}
