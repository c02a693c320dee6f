// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package genai is the one place in otelcol-llm that knows attribute names.
//
// It holds the names of the OpenTelemetry GenAI semantic conventions that our
// components emit (v1.41, "Development" upstream; the newer names of
// semantic-conventions-genai where a component is switched to them, see
// metrics.go), the older and foreign names they also accept on input
// (OpenInference, OpenLLMetry, pre-1.37 GenAI), and
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
	// UsageCacheWrite is the newer conventions' name for UsageCacheCreation;
	// both are read, UsageCacheCreation is written.
	UsageCacheWrite    = "gen_ai.usage.cache_write.input_tokens"
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
	// RequestStream (bool) says whether the request was made in streaming
	// mode; the time-to-first-chunk metric is for streaming calls only.
	RequestStream = "gen_ai.request.stream"
	// PromptName names the prompt (template) a call used: a dimension of the
	// evaluation metrics.
	PromptName    = "gen_ai.prompt.name"
	PromptVersion = "gen_ai.prompt.version"
	WorkflowName  = "gen_ai.workflow.name"
	ResponseID    = "gen_ai.response.id"
	// InvocationIsNested (bool, semantic-conventions-genai after v1.41) is
	// false on the root invocation of a turn, true on invocations nested
	// inside another one.
	InvocationIsNested = "gen_ai.invocation.is_nested"
)

// The gen_ai.evaluation.result event (v1.41 and later): the result of
// evaluating a GenAI output, as a span event on the evaluated span or a log
// record whose event name it is (parented to that span by its trace
// context, or naming gen_ai.response.id).
const (
	EvaluationResultEvent = "gen_ai.evaluation.result"
	EvaluationName        = "gen_ai.evaluation.name"
	EvaluationScoreValue  = "gen_ai.evaluation.score.value"
	EvaluationScoreLabel  = "gen_ai.evaluation.score.label"
	EvaluationExplanation = "gen_ai.evaluation.explanation"
	// EventName is the attribute older SDKs put an event's name in, before
	// log records had an event name field of their own.
	EventName = "event.name"
)

// User feedback is an evaluation: a gen_ai.evaluation.result event whose
// gen_ai.evaluation.name is EvaluationUserFeedback, score.value +1 (up) or -1
// (down) for a thumb, or the rating given, score.label FeedbackPositive or
// FeedbackNegative for a thumb, explanation the user's comment (free text,
// never a metric label). DESIGN.md, "Evaluations and feedback".
const (
	EvaluationUserFeedback = "user_feedback"
	FeedbackPositive       = "positive"
	FeedbackNegative       = "negative"
)

// End-user identity: user.id (chat_trace writes it), or the older
// enduser.id. Budgets and the top spenders read them.
const EndUserID = "enduser.id"

// Anthropic's split of cache writes by lifetime (its API's
// usage.cache_creation.ephemeral_5m_input_tokens / ephemeral_1h_input_tokens):
// both are part of the cache-write count, which is their sum when the
// telemetry carries no total. Written by the chat_trace receiver from pushed
// Anthropic-style usage; read by llm_cost to price 1-hour writes at their
// own rate.
const (
	UsageCacheWrite5m = "anthropic.usage.cache_creation.ephemeral_5m_input_tokens"
	UsageCacheWrite1h = "anthropic.usage.cache_creation.ephemeral_1h_input_tokens"
)

// UsageEstimated (bool) marks an item whose gen_ai.usage.input_tokens and
// output_tokens were estimated by llm_cost from the item's text, not reported
// by the provider: metrics must keep such counts apart from reported ones.
const UsageEstimated = "gen_ai.usage.estimated"

// MaxTokens is the largest token count accepted: a count above it, negative,
// fractional, NaN, infinite or not a number at all is invalid (Usage.Invalid),
// never used. No model has a context within three orders of magnitude of it.
const MaxTokens = 1_000_000_000_000

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
	// CostSourceAggregate marks an amount that is the sum of other items'
	// amounts (a chat turn's root span and log record, a span whose priced
	// children carry its cost): metrics must count neither its cost nor its
	// tokens, or they are counted twice.
	CostSourceAggregate = "aggregate"

	CostStatusPriced    = "priced"
	CostStatusEstimated = "estimated"
	// CostStatusReported: the cost arrived with the item (the app or the
	// provider reported it, source provider) and was kept, not priced
	// here; the amount is the reported one.
	CostStatusReported = "reported"
	// CostStatusUnpriced: the model has no price (or the call names none).
	CostStatusUnpriced = "unpriced"
	// CostStatusInvalid: a token count (or the cost it gives) is out of
	// range: negative, fractional, NaN, infinite, above MaxTokens, or an
	// amount that does not fit; no amount is written.
	CostStatusInvalid = "invalid"
	// CostStatusFailed: the call failed and reported no usage; providers
	// do not bill such calls, no amount is written.
	CostStatusFailed = "failed"
	// CostStatusNoUsage: the model has a price but the call reported no
	// tokens and carried no text to estimate them from.
	CostStatusNoUsage = "no_usage"
	// CostStatusPartial (on aggregates only): some of the summed items were
	// not priced; the amount is the sum of those that were.
	CostStatusPartial = "partial"
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
	// OpRetrieval is a retrieval from a vector store or search index (RAG),
	// in v1.41.
	OpRetrieval = "retrieval"
	// Operations of semantic-conventions-genai after v1.41.
	OpFetchResponse          = "fetch_response"
	OpHandleConversationTurn = "handle_conversation_turn"
	OpPlan                   = "plan"
	OpSearchMemory           = "search_memory"
	OpCreateMemory           = "create_memory"
	OpUpdateMemory           = "update_memory"
	OpUpsertMemory           = "upsert_memory"
	OpDeleteMemory           = "delete_memory"
	OpCreateMemoryStore      = "create_memory_store"
	OpDeleteMemoryStore      = "delete_memory_store"
)
