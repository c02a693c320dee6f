// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package genai is the one place in otelcol-llm that knows attribute names.
//
// It holds the names of the OpenTelemetry GenAI semantic conventions that our
// components emit (v1.41, "Development" upstream), the older and foreign names
// they also accept on input (OpenInference, OpenLLMetry, pre-1.37 GenAI), and
// the pure normalisation rules between them: operation names, provider names,
// and which operations are inference calls whose tokens and cost count.
package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

// Attribute names we emit (GenAI semantic conventions v1.41).
const (
	OperationName      = "gen_ai.operation.name"
	ProviderName       = "gen_ai.provider.name"
	RequestModel       = "gen_ai.request.model"
	ResponseModel      = "gen_ai.response.model"
	UsageInputTokens   = "gen_ai.usage.input_tokens"
	UsageOutputTokens  = "gen_ai.usage.output_tokens"
	UsageCacheRead     = "gen_ai.usage.cache_read.input_tokens"
	UsageCacheCreation = "gen_ai.usage.cache_creation.input_tokens"
	UsageReasoning     = "gen_ai.usage.reasoning.output_tokens"
	ConversationID     = "gen_ai.conversation.id"
	AgentName          = "gen_ai.agent.name"
	AgentID            = "gen_ai.agent.id"
	ToolName           = "gen_ai.tool.name"
	InputMessages      = "gen_ai.input.messages"
	OutputMessages     = "gen_ai.output.messages"
	SystemInstructions = "gen_ai.system_instructions"
	TimeToFirstChunk   = "gen_ai.response.time_to_first_chunk"
	ErrorType          = "error.type"
	ServiceName        = "service.name"
)

// Attribute names written by the llm_cost processor (names of the open
// semantic-convention proposal for cost).
const (
	CostAmount    = "gen_ai.usage.cost.amount"
	CostCurrency  = "gen_ai.usage.cost.currency"
	CostSource    = "gen_ai.usage.cost.source"
	CostStatus    = "gen_ai.usage.cost.status"
	CostPricingID = "gen_ai.usage.cost.pricing_id"
	// CostExchangeRate is the rate applied when the price was in another
	// currency than the configured output currency (output units per price
	// unit); CostPriceCurrency is that price's currency.
	CostExchangeRate  = "gen_ai.usage.cost.exchange_rate"
	CostPriceCurrency = "gen_ai.usage.cost.price_currency"
	// CostTokenizer says how estimated tokens were counted: the model
	// family's own tokenizer ("o200k_base"), or another one standing in for
	// it ("approx:o200k_base").
	CostTokenizer = "gen_ai.usage.cost.tokenizer"
	// The optional per-part breakdown: the cost of uncached input, cache
	// reads, cache writes, non-reasoning output and reasoning output, in the
	// currency of CostAmount; parts without tokens are not written.
	CostInput      = "gen_ai.usage.cost.input"
	CostCacheRead  = "gen_ai.usage.cost.cache_read"
	CostCacheWrite = "gen_ai.usage.cost.cache_write"
	CostOutput     = "gen_ai.usage.cost.output"
	CostReasoning  = "gen_ai.usage.cost.reasoning"
)

// Values of CostSource and CostStatus.
const (
	CostSourceProvider = "provider"
	CostSourceLocal    = "local"

	CostStatusPriced    = "priced"
	CostStatusEstimated = "estimated"
	CostStatusUnpriced  = "unpriced"
)

// Attribute names written by the redact processor.
const (
	PIIRedactedCount = "pii.redacted.count"
	PIIRedactedTypes = "pii.redacted.types"
)

// Chat-specific attributes that have no GenAI name.
const (
	ChatFallbackUsed     = "chat.fallback.used"
	ChatStreamMode       = "chat.stream.mode"
	ChatStreamEvents     = "chat.stream.events"
	ChatStreamResult     = "chat.stream.result"
	ChatKnowledgeHits    = "chat.knowledge.hits"
	ChatKnowledgeSources = "chat.knowledge.sources"
	ChatMembersSelected  = "chat.members.selected"
	ChatTools            = "chat.tools"
	ChatRequestID        = "chat.request.id"
)

// Values of OperationName.
const (
	OpChat            = "chat"
	OpTextCompletion  = "text_completion"
	OpGenerateContent = "generate_content"
	OpEmbeddings      = "embeddings"
	OpCreateAgent     = "create_agent"
	OpInvokeAgent     = "invoke_agent"
	OpExecuteTool     = "execute_tool"
	OpInvokeWorkflow  = "invoke_workflow"
)
