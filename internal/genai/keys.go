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
	kOpenInferenceCacheRead
	kCacheCreation
	kCacheWrite
	kOpenInferenceCacheWrite
	kReasoning
	kOpenInferenceReasoning
	kConversationID
	kSessionID
	kAgentName
	kCostAmount
	kOpenInferenceCost
	kCostCurrency
	kCostStatus
	kFallbackUsed
	kStreamResult
	kKnowledgeHits
	kTimeToFirstChunk
	kErrorType
	kChatTurn
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
	kOpenInferenceCacheRead:        "llm.token_count.prompt_details.cache_read",
	kCacheCreation:                 UsageCacheCreation,
	kCacheWrite:                    "gen_ai.usage.cache_write.input_tokens",
	kOpenInferenceCacheWrite:       "llm.token_count.prompt_details.cache_write",
	kReasoning:                     UsageReasoning,
	kOpenInferenceReasoning:        "llm.token_count.completion_details.reasoning",
	kConversationID:                ConversationID,
	kSessionID:                     "session.id",
	kAgentName:                     AgentName,
	kCostAmount:                    CostAmount,
	kOpenInferenceCost:             "llm.cost.total",
	kCostCurrency:                  CostCurrency,
	kCostStatus:                    CostStatus,
	kFallbackUsed:                  ChatFallbackUsed,
	kStreamResult:                  ChatStreamResult,
	kKnowledgeHits:                 ChatKnowledgeHits,
	kTimeToFirstChunk:              TimeToFirstChunk,
	kErrorType:                     ErrorType,
	kChatTurn:                      ChatTurn,
}

var (
	keySlots             [256]uint8 // hash -> id (kNone: no known key)
	keySeed              uint32
	minKeyLen, maxKeyLen int
)

// keyHash mixes the length and three bytes of k; init picks the seed that
// makes it collision-free over keyNames.
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
	for seed := uint32(1); ; seed += 2 {
		keySlots = [256]uint8{}
		ok := true
		for id := kNone + 1; id < numKeys; id++ {
			h := keyHash(keyNames[id], seed)
			if keySlots[h] != kNone {
				ok = false
				break
			}
			keySlots[h] = id
		}
		if ok {
			keySeed = seed
			return
		}
	}
}

// keyID returns the id of attribute name k, kNone when Read ignores it.
func keyID(k string) uint8 {
	if len(k) < minKeyLen || len(k) > maxKeyLen {
		return kNone
	}
	id := keySlots[keyHash(k, keySeed)]
	if id != kNone && keyNames[id] != k {
		return kNone
	}
	return id
}
