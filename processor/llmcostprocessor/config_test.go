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
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
)

func withEndpoint(endpoint string, timeout time.Duration) confighttp.ClientConfig {
	return confighttp.ClientConfig{Endpoint: endpoint, Timeout: timeout}
}

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
			ExclusiveScopes: []string{"my.anthropic.instrumentation"}, ReasoningExclusiveScopes: []string{"my.gemini.instrumentation"}, AggregateCosts: false,
			PriceDatabases: []DatabaseConfig{
				{Format: "litellm", Path: "testdata/litellm-prices.json"},
				{Format: "genai_prices", HTTP: withEndpoint("https://example.com/data.json", 10*time.Second), RefreshInterval: time.Hour, MaxSize: 8 << 20},
			},
		}},
		{name: "bad_database", wantErr: `price_databases[0]: format: "csv" is not one of litellm, genai_prices`},
		{name: "bad_database_source", wantErr: `price_databases[0]: path "x.json", http.endpoint "https://example.com/x.json": set exactly one of path and http.endpoint`},
		{name: "bad_database_url", wantErr: `price_databases[0]: http.endpoint: "ftp://example.com/x.json" is not an http or https URL`},
		{name: "bad_currency", wantErr: `currency: "euro" is not an ISO 4217 code`},
		{name: "bad_rate", wantErr: `exchange_rates::EUR: "-1" must be a positive decimal`},
		{name: "bad_semantics", wantErr: `token_semantics: "sometimes" is not one of auto, inclusive, exclusive`},
		{name: "bad_interval", wantErr: `reload_interval: "-1s" must not be negative`},
		{name: "missing_file", wantErr: `price_file: stat testdata/does-not-exist.yaml`},
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
