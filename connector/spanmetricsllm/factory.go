// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
)

// NewFactory returns the factory of the span_metrics_llm connector.
func NewFactory() connector.Factory {
	return connector.NewFactory(
		metadata.Type,
		createDefaultConfig,
		connector.WithTracesToMetrics(createTracesToMetrics, metadata.TracesToMetricsStability),
		connector.WithLogsToMetrics(createLogsToMetrics, metadata.LogsToMetricsStability),
	)
}

func createDefaultConfig() component.Config {
	return &Config{
		AggregationCardinalityLimit: 5000,
		MetricsExpiration:           5 * time.Minute,
		AggregationTemporality:      "cumulative",
		MetricsFlushInterval:        15 * time.Second,
		LabelValueMaxLength:         256,
		Deduplication:               DeduplicationConfig{Enabled: true, Window: 5 * time.Minute, MaxSpans: 1 << 19},
		SemanticConventions:         "v1.41",
		Evaluations:                 EvaluationsConfig{Enabled: true, ScoreBuckets: defaultScoreBuckets()},
		Budgets:                     BudgetsConfig{ReloadInterval: 30 * time.Second, TenantAttribute: "tenant.id"},
		TopSpenders:                 TopSpendersConfig{Enabled: true, Scopes: []string{spenderUser, spenderSession}, K: 10, Counters: 100, Period: "day"},
	}
}

// defaultScoreBuckets covers 0-1 scores, 1-5 and 1-10 ratings and a -1
// thumbs-down.
func defaultScoreBuckets() []float64 {
	return []float64{-1, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
}

// The traces and logs instances of one span_metrics_llm component share
// one aggregator (the evaluations of both signals land in the same series).
func createTracesToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Traces, error) {
	return acquire(set, cfg.(*Config), next)
}

func createLogsToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Logs, error) {
	return acquire(set, cfg.(*Config), next)
}
