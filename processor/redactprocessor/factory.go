// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"
)

// NewFactory returns the factory of the redact processor.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		metadata.Type,
		createDefaultConfig,
		processor.WithTraces(createTraces, metadata.TracesStability),
		processor.WithLogs(createLogs, metadata.LogsStability),
		processor.WithMetrics(createMetrics, metadata.MetricsStability),
	)
}

func createDefaultConfig() component.Config {
	detectors := map[string]DetectorConfig{}
	for _, name := range scan.Names() {
		detectors[name] = DetectorConfig{Enabled: true, Action: "mask"}
	}
	return &Config{
		Detectors: detectors,
		AllowedKeys: []string{
			genai.OperationName, genai.ProviderName, "gen_ai.system", genai.RequestModel, genai.ResponseModel,
			"gen_ai.response.id", "gen_ai.response.finish_reasons", genai.AgentID,
			genai.CostCurrency, genai.CostSource, genai.CostStatus, genai.CostPricingID,
			genai.PIIRedactedTypes, genai.ChatStreamMode, genai.ChatStreamResult, genai.ChatRequestID,
			genai.ServiceName, "service.version", "service.namespace", "service.instance.id",
			"telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version",
			"otel.scope.name", "otel.scope.version",
		},
		BlockedKeys: []string{
			"user.email", "user.phone", "user.full_name",
			"http.request.header.authorization", "http.request.header.proxy-authorization",
			"http.request.header.cookie", "http.response.header.set-cookie", "http.request.header.x-api-key",
		},
		BlockedKeyPatterns: []string{`(?i)(^|[._-])(password|passwd|secret|api[_-]?key|private[_-]?key|credentials?)($|[._-])`},
		BlockedKeyAction:   "mask",
	}
}

var capabilities = processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true})

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, err := newRedactProcessor(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces, capabilities, processorhelper.WithShutdown(p.shutdown))
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, err := newRedactProcessor(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs, capabilities, processorhelper.WithShutdown(p.shutdown))
}

func createMetrics(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
	p, err := newRedactProcessor(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	return processorhelper.NewMetrics(ctx, set, cfg, next, p.processMetrics, capabilities, processorhelper.WithShutdown(p.shutdown))
}
