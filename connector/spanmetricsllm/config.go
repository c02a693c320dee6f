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

	// SemanticConventions selects the GenAI metric names emitted: "v1.41"
	// (semantic-conventions v1.41.0, the default) or "development"
	// (open-telemetry/semantic-conventions-genai at genai.SemconvGenAIRevision).
	SemanticConventions string `mapstructure:"semantic_conventions"`

	// LegacyMetricNames also emits every metric under the name it had before
	// the otelcol_llm namespace (gen_ai.client.calls, ...). For one release,
	// to move dashboards and alerts over. Default false.
	LegacyMetricNames bool `mapstructure:"legacy_metric_names"`

	// Evaluations turns gen_ai.evaluation.result events (span events, and
	// log records when the connector is in a logs pipeline) into score
	// histograms and label counts.
	Evaluations EvaluationsConfig `mapstructure:"evaluations"`

	// Budgets reads a budgets file and emits each budget's limit and the
	// spend against it.
	Budgets BudgetsConfig `mapstructure:"budgets"`

	// TopSpenders keeps the heaviest spenders (users, sessions) of the
	// current period in bounded memory.
	TopSpenders TopSpendersConfig `mapstructure:"top_spenders"`
}

// EvaluationsConfig shapes the evaluation metrics.
type EvaluationsConfig struct {
	// Enabled turns evaluation metrics on. Default true.
	Enabled bool `mapstructure:"enabled"`
	// ScoreBuckets are the bounds of the score histogram. Default: tenths
	// from 0 to 1, then 2 to 10 (0-1 scores, 1-5 and 1-10 ratings), with -1
	// below for a thumbs-down.
	ScoreBuckets []float64 `mapstructure:"score_buckets"`
}

// BudgetsConfig locates the budgets file.
type BudgetsConfig struct {
	// File is the budgets file (YAML, see the README); empty: no budgets.
	File string `mapstructure:"file"`
	// ReloadInterval is how often File is checked for changes (size or
	// modification time). Default 30s; 0 disables reloading.
	ReloadInterval time.Duration `mapstructure:"reload_interval"`
	// TenantAttribute is the attribute (span, else resource) that budgets
	// of scope tenant match. Default tenant.id.
	TenantAttribute string `mapstructure:"tenant_attribute"`
}

// TopSpendersConfig bounds the top-spender series.
type TopSpendersConfig struct {
	// Enabled turns the top-spender gauges on. Default true.
	Enabled bool `mapstructure:"enabled"`
	// Scopes are what is ranked: user (user.id, else enduser.id) and
	// session (gen_ai.conversation.id, else session.id). Default both.
	Scopes []string `mapstructure:"scopes"`
	// K is how many spenders per scope and currency are emitted. Default 10.
	K int `mapstructure:"k"`
	// Counters is the Space-Saving summary's size (at least K): an estimate
	// is at most (spend of the period) / counters too high. Default 100.
	Counters int `mapstructure:"counters"`
	// Period is the ranking's period, day or month (UTC). Default day.
	Period string `mapstructure:"period"`
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
	// Dimensions are attributes (span, else resource) added to this
	// histogram only, after the dimensions of every metric. Default none.
	Dimensions []string `mapstructure:"dimensions"`
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
	for _, conv := range []genai.Conventions{genai.ConventionsV141, genai.ConventionsDevelopment} {
		for _, d := range builtinDescs(conv) {
			for _, e := range d.Extra {
				seen[e] = true
			}
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
	for _, conv := range []genai.Conventions{genai.ConventionsV141, genai.ConventionsDevelopment} {
		for i, d := range builtinDescs(conv) {
			names[d.Name] = true
			names[legacyNames[i]] = true
		}
	}
	delete(names, "")
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
		errs = append(errs, checkBuckets(key+"::buckets", h.Buckets)...)
		if len(h.Dimensions) > maxHistogramDimensions {
			errs = append(errs, fmt.Errorf("%s::dimensions: %d attributes; at most %d", key, len(h.Dimensions), maxHistogramDimensions))
		}
		own := map[string]bool{}
		for j, d := range h.Dimensions {
			switch {
			case d == "":
				errs = append(errs, fmt.Errorf("%s::dimensions[%d]: empty", key, j))
			case seen[d] || own[d]:
				errs = append(errs, fmt.Errorf("%s::dimensions[%d]: %q is already an attribute of the metric", key, j, d))
			}
			own[d] = true
		}
	}
	if _, ok := genai.ParseConventions(cfg.SemanticConventions); !ok {
		errs = append(errs, fmt.Errorf("semantic_conventions: %q is not one of v1.41, development", cfg.SemanticConventions))
	}
	if cfg.Evaluations.Enabled {
		errs = append(errs, checkBuckets("evaluations::score_buckets", cfg.Evaluations.ScoreBuckets)...)
	}
	if b := cfg.Budgets; b.File != "" {
		if b.ReloadInterval < 0 {
			errs = append(errs, fmt.Errorf("budgets::reload_interval: %q must not be negative", b.ReloadInterval))
		}
		if b.TenantAttribute == "" {
			errs = append(errs, errors.New("budgets::tenant_attribute: required"))
		}
	}
	if ts := cfg.TopSpenders; ts.Enabled {
		if ts.K < 1 || ts.K > 1000 {
			errs = append(errs, fmt.Errorf("top_spenders::k: %d is not between 1 and 1000", ts.K))
		}
		if ts.Counters < ts.K || ts.Counters > 100_000 {
			errs = append(errs, fmt.Errorf("top_spenders::counters: %d is not between k (%d) and 100000", ts.Counters, ts.K))
		}
		if ts.Period != "day" && ts.Period != "month" {
			errs = append(errs, fmt.Errorf("top_spenders::period: %q is not one of day, month", ts.Period))
		}
		if len(ts.Scopes) == 0 {
			errs = append(errs, errors.New("top_spenders::scopes: give user, session or both (or enabled: false)"))
		}
		for j, sc := range ts.Scopes {
			if sc != spenderUser && sc != spenderSession {
				errs = append(errs, fmt.Errorf("top_spenders::scopes[%d]: %q is not one of user, session", j, sc))
			}
		}
	}
	return errors.Join(errs...)
}

// maxHistogramDimensions bounds a configured histogram's own dimensions.
const maxHistogramDimensions = 8

// checkBuckets checks explicit histogram bounds: 1 to 64, finite, strictly
// increasing.
func checkBuckets(key string, b []float64) []error {
	var errs []error
	if len(b) == 0 || len(b) > 64 {
		errs = append(errs, fmt.Errorf("%s: %d boundaries; give 1 to 64", key, len(b)))
	}
	for j, v := range b {
		if math.IsNaN(v) || math.IsInf(v, 0) || (j > 0 && v <= b[j-1]) {
			errs = append(errs, fmt.Errorf("%s: %v must be finite and strictly increasing", key, b))
			break
		}
	}
	return errs
}

const (
	minLabelValueLength = len(truncationMarker) + 21
	maxLabelValueLength = 4096
)

// defaultDimensions are on every metric, in this order; the metric-specific
// attributes (status, kind, ...) cannot be dimensions either.
var defaultDimensions = []string{genai.ServiceName, genai.OperationName, genai.ProviderName, genai.RequestModel, genai.AgentName}
