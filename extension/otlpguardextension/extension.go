// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"

import (
	"context"
	"errors"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensionmiddleware"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"
)

// guard is the otlp_guard extension: a middleware for the OTLP receiver's
// servers.
type guard struct {
	cfg      *Config
	limits   otlpscan.Limits
	tb       *metadata.TelemetryBuilder
	refusals *refusals
}

var (
	_ extension.Extension            = (*guard)(nil)
	_ extensionmiddleware.HTTPServer = (*guard)(nil)
	_ extensionmiddleware.GRPCServer = (*guard)(nil)
)

func newGuard(set extension.Settings, cfg *Config) (*guard, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	return &guard{
		cfg: cfg,
		limits: otlpscan.Limits{
			MaxItems:        cfg.MaxItems,
			MaxDecodedBytes: cfg.MaxDecodedMiB << 20,
			MaxItemBytes:    cfg.MaxItemBytes,
			MaxValueDepth:   cfg.MaxValueDepth,
		},
		tb:       tb,
		refusals: newRefusals(),
	}, nil
}

func (*guard) Start(context.Context, component.Host) error { return nil }

func (g *guard) Shutdown(context.Context) error {
	g.tb.Shutdown()
	return nil
}

// reason is the value of the refused_requests metric's reason attribute.
func reason(err error) string {
	if le, ok := errors.AsType[*otlpscan.LimitError](err); ok {
		return string(le.Reason)
	}
	if errors.Is(err, otlpscan.ErrMalformedJSON) {
		return "malformed_json"
	}
	return "other"
}

func (g *guard) countRefused(ctx context.Context, err error, transport string) {
	g.tb.ExtensionOtlpGuardRefusedRequests.Add(ctx, 1, metric.WithAttributes(
		attribute.String("reason", reason(err)), attribute.String("transport", transport)))
}
