// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	for _, tt := range []struct {
		name    string
		want    *Config
		wantErr string
	}{
		{name: "", want: createDefaultConfig().(*Config)},
		{name: "custom", want: &Config{
			PriceFile: "testdata/prices.yaml", ReloadInterval: 5 * time.Second, TokenSemantics: "exclusive",
			EstimateTokens: false, Breakdown: true, AzureDeployments: map[string]string{"prod-chat-east": "gpt-4o-mini"},
			RecomputeReportedCost: true, Currency: "EUR", ExchangeRates: map[string]string{"USD": "0.92"},
		}},
		{name: "bad_currency", wantErr: `currency: "euro" is not an ISO 4217 code`},
		{name: "bad_rate", wantErr: `exchange_rates::EUR: "-1" must be a positive decimal`},
		{name: "bad_semantics", wantErr: `token_semantics: "sometimes" is not one of auto, inclusive, exclusive`},
		{name: "bad_interval", wantErr: `reload_interval: "-1s" must not be negative`},
		{name: "missing_file", wantErr: `price_file: open testdata/does-not-exist.yaml`},
		{name: "bad_tokenizer", wantErr: `model "acme-llm": tokenizer "gpt2" is not one of o200k_base, cl100k_base`},
		{name: "bad_file", wantErr: `price_file "testdata/bad-prices.yaml": model "broken-model": input and output prices are required`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := createDefaultConfig()
			sub, err := cm.Sub(component.NewIDWithName(metadata.Type, tt.name).String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			err = confmap.Validate(cfg)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, cfg)
		})
	}
}
