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
	}
}

func createTracesToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Traces, error) {
	return newConnector(set, cfg.(*Config), next)
}
