// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/metadata"
)

// NewFactory returns the factory of the otlp_guard extension.
func NewFactory() extension.Factory {
	return extension.NewFactory(metadata.Type, createDefaultConfig, createExtension, metadata.ExtensionStability)
}

func createDefaultConfig() component.Config {
	return &Config{
		MaxDecodedMiB: 64,
		MaxValueDepth: 64,
		HTTP: HTTPConfig{
			TracesURLPath:  "/v1/traces",
			LogsURLPath:    "/v1/logs",
			MetricsURLPath: "/v1/metrics",
		},
		GRPC: GRPCConfig{ConnectionTimeout: 10 * time.Second},
	}
}

func createExtension(_ context.Context, set extension.Settings, cfg component.Config) (extension.Extension, error) {
	return newGuard(set, cfg.(*Config))
}
