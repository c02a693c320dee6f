// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
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

	// LabelValueMaxLength is the longest metric attribute value, in bytes;
	// longer values are cut (at a character boundary) and end in
	// "[truncated]", so one runaway value cannot blow up every scrape.
	// Default 256; between 32 and 4096.
	LabelValueMaxLength int `mapstructure:"label_value_max_length"`

	// Deduplication drops spans already counted: a span redelivered by an
	// at-least-once sender is counted once.
	Deduplication DeduplicationConfig `mapstructure:"deduplication"`

	// Histograms are extra histograms of numeric span attributes (scores,
	// confidences, sizes), with the same dimensions as every metric.
	Histograms []HistogramConfig `mapstructure:"histograms"`
}

// DeduplicationConfig bounds the memory of recently counted spans.
type DeduplicationConfig struct {
	// Enabled turns deduplication on. Default true.
	Enabled bool `mapstructure:"enabled"`
	// Window is how long a counted span is remembered at least (unless
	// more than max_spans/2 newer spans arrive first). Default 5m.
	Window time.Duration `mapstructure:"window"`
	// MaxSpans bounds what is remembered: memory is at most 16 bytes per
	// span (rounded up to a power of two). Default 524288 (8 MiB).
	MaxSpans int `mapstructure:"max_spans"`
}

// HistogramConfig is a histogram of one numeric span attribute.
type HistogramConfig struct {
	// Name is the metric name (e.g. hemostat.analysis.confidence).
	Name string `mapstructure:"name"`
	// Attribute is the span attribute observed (int, double or numeric
	// string); spans without it record nothing.
	Attribute string `mapstructure:"attribute"`
	// Unit is the metric unit (UCUM, e.g. "1", "s", "By"). Default "1".
	Unit string `mapstructure:"unit"`
	// Description is the metric description.
	Description string `mapstructure:"description"`
	// Buckets are the explicit bucket boundaries, strictly increasing.
	Buckets []float64 `mapstructure:"buckets"`
}

// metricName is the instrument name syntax of the OpenTelemetry API.
var metricName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_./-]{0,254}$`)

// Validate checks the options.
func (cfg *Config) Validate() error {
	var errs []error
	seen := map[string]bool{}
	for _, d := range defaultDimensions {
		seen[d] = true
	}
	for _, d := range builtinDescs {
		for _, e := range d.Extra {
			seen[e] = true
		}
	}
	seen[attrOverflow] = true
	for i, d := range cfg.Dimensions {
		switch {
		case d.Name == "":
			errs = append(errs, fmt.Errorf("dimensions[%d]::name: required", i))
		case seen[d.Name]:
			errs = append(errs, fmt.Errorf("dimensions[%d]::name: %q is already an attribute of the metrics", i, d.Name))
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
	if cfg.LabelValueMaxLength < minLabelValueLength || cfg.LabelValueMaxLength > maxLabelValueLength {
		errs = append(errs, fmt.Errorf("label_value_max_length: %d is not between %d and %d", cfg.LabelValueMaxLength, minLabelValueLength, maxLabelValueLength))
	}
	if d := cfg.Deduplication; d.Enabled {
		if d.Window <= 0 {
			errs = append(errs, fmt.Errorf("deduplication::window: %q must be positive", d.Window))
		}
		if d.MaxSpans < 1024 || d.MaxSpans > 1<<26 {
			errs = append(errs, fmt.Errorf("deduplication::max_spans: %d is not between 1024 and %d", d.MaxSpans, 1<<26))
		}
	}
	names := map[string]bool{}
	for _, d := range builtinDescs {
		names[d.Name] = true
	}
	for i, h := range cfg.Histograms {
		key := fmt.Sprintf("histograms[%d]", i)
		switch {
		case !metricName.MatchString(h.Name):
			errs = append(errs, fmt.Errorf("%s::name: %q is not a metric name (a letter, then letters, digits, _ . / -)", key, h.Name))
		case names[h.Name]:
			errs = append(errs, fmt.Errorf("%s::name: %q is already a metric", key, h.Name))
		case strings.HasPrefix(h.Name, "gen_ai.") || strings.HasPrefix(h.Name, "otelcol_llm."):
			errs = append(errs, fmt.Errorf("%s::name: %q is in a reserved namespace (gen_ai. belongs to the semantic conventions, otelcol_llm. to this connector)", key, h.Name))
		}
		names[h.Name] = true
		if h.Attribute == "" {
			errs = append(errs, fmt.Errorf("%s::attribute: required", key))
		}
		if len(h.Buckets) == 0 || len(h.Buckets) > 64 {
			errs = append(errs, fmt.Errorf("%s::buckets: %d boundaries; give 1 to 64", key, len(h.Buckets)))
		}
		for j, b := range h.Buckets {
			if math.IsNaN(b) || math.IsInf(b, 0) || (j > 0 && b <= h.Buckets[j-1]) {
				errs = append(errs, fmt.Errorf("%s::buckets: %v must be finite and strictly increasing", key, h.Buckets))
				break
			}
		}
	}
	return errors.Join(errs...)
}

const (
	minLabelValueLength = len(truncationMarker) + 21
	maxLabelValueLength = 4096
)

// defaultDimensions are on every metric, in this order; the metric-specific
// attributes (status, kind, ...) cannot be dimensions either.
var defaultDimensions = []string{genai.ServiceName, genai.OperationName, genai.ProviderName, genai.RequestModel, genai.AgentName}
