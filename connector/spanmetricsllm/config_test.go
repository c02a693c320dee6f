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
		}},
		{name: "duplicate_dimension", wantErr: []string{`dimensions[0]::name: "gen_ai.request.model" is already a dimension`}},
		{name: "bad_temporality", wantErr: []string{`aggregation_temporality: "sometimes" is not one of cumulative, delta`}},
		{name: "bad_numbers", wantErr: []string{
			`aggregation_cardinality_limit: -1 must not be negative`,
			`metrics_expiration: "-1s" must not be negative`,
			`metrics_flush_interval: "0s" must be positive`,
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
