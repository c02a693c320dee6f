// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
)

// NewFactory returns the factory of the llm_cost processor.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		metadata.Type,
		createDefaultConfig,
		processor.WithTraces(createTraces, metadata.TracesStability),
		processor.WithLogs(createLogs, metadata.LogsStability),
	)
}

func createDefaultConfig() component.Config {
	return &Config{
		ReloadInterval: 30 * time.Second,
		TokenSemantics: "auto",
		EstimateTokens: true,
		AggregateCosts: true,
		Currency:       "USD",
	}
}

var capabilities = processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true})

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, err := newCostProcessor(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces,
		capabilities, processorhelper.WithStart(p.start), processorhelper.WithShutdown(p.shutdown))
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, err := newCostProcessor(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs,
		capabilities, processorhelper.WithStart(p.start), processorhelper.WithShutdown(p.shutdown))
}
