// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"errors"
	"fmt"
	"time"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// Dimension is an extra metric attribute taken from the span (or, when the
// span lacks it, its resource).
type Dimension struct {
	// Name is the attribute key. Required.
	Name string `mapstructure:"name"`
	// Default is used when neither span nor resource has the attribute.
	// Default: empty, which Prometheus shows as an absent label.
	Default string `mapstructure:"default"`
}

// Config is the configuration of the span_metrics_llm connector.
type Config struct {
	// Dimensions are extra attributes added to every metric after the
	// defaults (service.name, gen_ai.operation.name, gen_ai.provider.name,
	// gen_ai.request.model, gen_ai.agent.name). Default none.
	Dimensions []Dimension `mapstructure:"dimensions"`

	// AggregationCardinalityLimit is the maximum number of series per
	// metric; spans that would create more are aggregated into one series
	// marked otel.metric.overflow="true". Default 5000; 0 disables the limit.
	AggregationCardinalityLimit int `mapstructure:"aggregation_cardinality_limit"`

	// MetricsExpiration drops series not updated for this long. Default 5m;
	// 0 keeps series for ever.
	MetricsExpiration time.Duration `mapstructure:"metrics_expiration"`

	// AggregationTemporality is "cumulative" (for Prometheus) or "delta".
	// Default "cumulative".
	AggregationTemporality string `mapstructure:"aggregation_temporality"`

	// MetricsFlushInterval is how often metrics are emitted. Default 15s.
	MetricsFlushInterval time.Duration `mapstructure:"metrics_flush_interval"`
}

// Validate checks the options.
func (cfg *Config) Validate() error {
	var errs []error
	seen := map[string]bool{}
	for _, d := range defaultDimensions {
		seen[d] = true
	}
	for i, d := range cfg.Dimensions {
		switch {
		case d.Name == "":
			errs = append(errs, fmt.Errorf("dimensions[%d]::name: required", i))
		case seen[d.Name]:
			errs = append(errs, fmt.Errorf("dimensions[%d]::name: %q is already a dimension", i, d.Name))
		}
		seen[d.Name] = true
	}
	if cfg.AggregationCardinalityLimit < 0 {
		errs = append(errs, fmt.Errorf("aggregation_cardinality_limit: %d must not be negative", cfg.AggregationCardinalityLimit))
	}
	if cfg.MetricsExpiration < 0 {
		errs = append(errs, fmt.Errorf("metrics_expiration: %q must not be negative", cfg.MetricsExpiration))
	}
	switch cfg.AggregationTemporality {
	case "cumulative", "delta":
	default:
		errs = append(errs, fmt.Errorf("aggregation_temporality: %q is not one of cumulative, delta", cfg.AggregationTemporality))
	}
	if cfg.MetricsFlushInterval <= 0 {
		errs = append(errs, fmt.Errorf("metrics_flush_interval: %q must be positive", cfg.MetricsFlushInterval))
	}
	return errors.Join(errs...)
}

// defaultDimensions are on every metric, in this order.
var defaultDimensions = []string{genai.ServiceName, genai.OperationName, genai.ProviderName, genai.RequestModel, genai.AgentName}
