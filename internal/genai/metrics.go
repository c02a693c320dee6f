// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

// Conventions selects the generation of GenAI semantic-convention names a
// component emits. On input both are always accepted.
type Conventions uint8

const (
	// ConventionsV141 is semantic-conventions v1.41.0, the last release with
	// the GenAI conventions in the core repository. The default.
	ConventionsV141 Conventions = iota
	// ConventionsDevelopment is open-telemetry/semantic-conventions-genai at
	// SemconvGenAIRevision: unreleased, and still changing.
	ConventionsDevelopment
)

// SemconvGenAIRevision is the commit of open-telemetry/semantic-conventions-genai
// whose model (model/gen-ai/metrics.yaml, registry.yaml) ConventionsDevelopment
// follows: PR #571, gen_ai.invocation.duration.
const SemconvGenAIRevision = "e9de14bafd9725937c6b0c219897260074a2896c"

// SemconvV141Revision is the v1.41.0 tag of open-telemetry/semantic-conventions.
const SemconvV141Revision = "e018fe6f91862f5ed63c082f87697cddac596784"

// ParseConventions reads a configuration value: "v1.41" or "development".
func ParseConventions(s string) (Conventions, bool) {
	switch s {
	case "v1.41", "":
		return ConventionsV141, true
	case "development":
		return ConventionsDevelopment, true
	}
	return ConventionsV141, false
}

func (c Conventions) String() string {
	if c == ConventionsDevelopment {
		return "development"
	}
	return "v1.41"
}

// CacheWriteAttribute is the attribute the cache-write token count is
// written under: gen_ai.usage.cache_creation.input_tokens in v1.41,
// gen_ai.usage.cache_write.input_tokens after (semantic-conventions-genai
// #440). Read accepts both.
func (c Conventions) CacheWriteAttribute() string {
	if c == ConventionsDevelopment {
		return UsageCacheWrite
	}
	return UsageCacheCreation
}

// Metric names of the GenAI semantic conventions, v1.41.
const (
	MetricOperationDuration    = "gen_ai.client.operation.duration"
	MetricTokenUsage           = "gen_ai.client.token.usage"
	MetricTimeToFirstChunkV141 = "gen_ai.client.operation.time_to_first_chunk"
)

// Metric names of semantic-conventions-genai at SemconvGenAIRevision: the
// inference duration split from gen_ai.client.operation.duration (which
// stays for the other client operations: embeddings, retrieval, memory,
// remote agents), in-process agent, workflow and turn invocations on
// gen_ai.invocation.duration, tool executions on their own, and the token
// histogram split by direction.
const (
	MetricInferenceDuration         = "gen_ai.client.inference.duration"
	MetricInferenceTimeToFirstChunk = "gen_ai.client.inference.time_to_first_chunk"
	MetricInvocationDuration        = "gen_ai.invocation.duration"
	MetricExecuteToolDuration       = "gen_ai.execute_tool.duration"
	MetricInferenceInputTokens      = "gen_ai.client.inference.operation.input_tokens"
	MetricInferenceOutputTokens     = "gen_ai.client.inference.operation.output_tokens"
)

// Metric names of the span_metrics_llm connector: the distribution's own
// namespace, otelcol_llm. Neither gen_ai.* (the conventions', which name
// gen_ai.client.operation.cost in the cost proposal and may take any other
// gen_ai.client.* name) nor llm.* (OpenLLMetry's and apps' metrics).
const (
	MetricTurns             = "otelcol_llm.turns"
	MetricTurnDuration      = "otelcol_llm.turn.duration"
	MetricToolCalls         = "otelcol_llm.tool.calls"
	MetricCalls             = "otelcol_llm.calls"
	MetricFallbacks         = "otelcol_llm.fallbacks"
	MetricTokens            = "otelcol_llm.tokens"
	MetricCost              = "otelcol_llm.cost"
	MetricUnpricedCalls     = "otelcol_llm.unpriced_calls"
	MetricStreamResults     = "otelcol_llm.stream.results"
	MetricKnowledgeHits     = "otelcol_llm.knowledge.hits"
	MetricKnowledgeZeroHits = "otelcol_llm.knowledge.zero_hit_calls"
	MetricEvaluationScore   = "otelcol_llm.evaluation.score"
	MetricEvaluationResults = "otelcol_llm.evaluation.results"
	MetricBudgetLimit       = "otelcol_llm.budget.limit"
	MetricBudgetSpend       = "otelcol_llm.budget.spend"
	MetricBudgetPeriodStart = "otelcol_llm.budget.period_start"
	MetricSpenderCost       = "otelcol_llm.spender.cost"
	MetricSpenderCostError  = "otelcol_llm.spender.cost_error"
)

// The names span_metrics_llm used before the otelcol_llm namespace, emitted
// beside the new ones with legacy_metric_names for one release.
const (
	LegacyMetricCalls            = "gen_ai.client.calls"
	LegacyMetricFallbacks        = "gen_ai.client.fallbacks"
	LegacyMetricTokens           = "gen_ai.client.tokens"
	LegacyMetricCost             = "gen_ai.client.cost"
	LegacyMetricUnpricedCalls    = "gen_ai.client.unpriced_calls"
	LegacyMetricStreamResults    = "gen_ai.client.stream.results"
	LegacyMetricKnowledgeHits    = "gen_ai.client.knowledge.hits"
	LegacyMetricKnowledgeZeroHit = "gen_ai.client.knowledge.zero_hit_calls"
	// LegacyMetricTimeToFirstChunk is the attribute's name, which the
	// connector used as the metric's before it had its convention name.
	LegacyMetricTimeToFirstChunk = TimeToFirstChunk
)
