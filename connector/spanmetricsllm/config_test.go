// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	for _, tt := range []struct {
		name    string
		want    *Config
		wantErr []string
	}{
		{name: "", want: createDefaultConfig().(*Config)},
		{name: "custom", want: &Config{
			Dimensions:                  []Dimension{{Name: "deployment.environment.name", Default: "unknown"}, {Name: "tenant.id"}},
			AggregationCardinalityLimit: 100, MetricsExpiration: time.Minute,
			AggregationTemporality: "delta", MetricsFlushInterval: 5 * time.Second,
			LabelValueMaxLength: 128,
			Deduplication:       DeduplicationConfig{Enabled: true, Window: 10 * time.Minute, MaxSpans: 1 << 21},
			Histograms: []HistogramConfig{{
				Name: "hemostat.analysis.confidence", Attribute: "confidence", Buckets: []float64{0.5, 0.7, 0.9},
				Description: "Confidence of the analysis.", Dimensions: []string{"hemostat.analysis.kind"},
			}},
			SemanticConventions: "development",
			LegacyMetricNames:   true,
			Evaluations:         EvaluationsConfig{Enabled: true, ScoreBuckets: []float64{0, 0.5, 1}},
			Budgets:             BudgetsConfig{File: "testdata/budgets.yaml", ReloadInterval: time.Minute, TenantAttribute: "org.id"},
			TopSpenders:         TopSpendersConfig{Enabled: true, Scopes: []string{"user"}, K: 5, Counters: 50, Period: "month"},
		}},
		{name: "no_dedup", want: func() *Config {
			c := createDefaultConfig().(*Config)
			c.Deduplication = DeduplicationConfig{MaxSpans: 1 << 19}
			return c
		}()},
		{name: "duplicate_dimension", wantErr: []string{`dimensions[0]::name: "gen_ai.request.model" is already an attribute of the metrics`}},
		{name: "reserved_dimension", wantErr: []string{
			`dimensions[0]::name: "status" is already an attribute of the metrics`,
			`dimensions[1]::name: "gen_ai.tool.name" is already an attribute of the metrics`,
		}},
		{name: "bad_temporality", wantErr: []string{`aggregation_temporality: "sometimes" is not one of cumulative, delta`}},
		{name: "bad_numbers", wantErr: []string{
			`aggregation_cardinality_limit: -1 must not be negative`,
			`metrics_expiration: "-1s" must not be negative`,
			`metrics_flush_interval: "0s" must be positive`,
			`label_value_max_length: 10 is not between 32 and 4096`,
			`deduplication::window: "0s" must be positive`,
			`deduplication::max_spans: 10 is not between 1024 and 67108864`,
		}},
		{name: "bad_histograms", wantErr: []string{
			`histograms[0]::name: "gen_ai.client.calls" is already a metric`,
			`histograms[1]::attribute: required`,
			`histograms[1]::buckets: [2 1] must be finite and strictly increasing`,
			`histograms[2]::name: "gen_ai.eval.score" is in a reserved namespace`,
			`histograms[2]::buckets: 0 boundaries; give 1 to 64`,
			`histograms[3]::name: "9lives" is not a metric name`,
			`histograms[3]::buckets: [1 +Inf] must be finite and strictly increasing`,
		}},
		{name: "bad_new_options", wantErr: []string{
			`semantic_conventions: "v1.99" is not one of v1.41, development`,
			`evaluations::score_buckets: [1 1] must be finite and strictly increasing`,
			`budgets::reload_interval: "-1s" must not be negative`,
			`budgets::tenant_attribute: required`,
			`top_spenders::k: 0 is not between 1 and 1000`,
			`top_spenders::counters: 200000 is not between k (0) and 100000`,
			`top_spenders::period: "week" is not one of day, month`,
			`top_spenders::scopes[0]: "team" is not one of user, session`,
			`histograms[0]::dimensions[0]: "status" is already an attribute of the metric`,
			`histograms[0]::dimensions[1]: empty`,
			`histograms[0]::dimensions[3]: "x" is already an attribute of the metric`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := createDefaultConfig()
			sub, err := cm.Sub(component.NewIDWithName(metadata.Type, tt.name).String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			err = confmap.Validate(cfg)
			if len(tt.wantErr) > 0 {
				require.Error(t, err)
				for _, w := range tt.wantErr {
					assert.Contains(t, err.Error(), w)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, cfg)
		})
	}
}
