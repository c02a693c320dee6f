// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/metadata"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	const secret = "3f9c0a6e1b7d24c58e0f9a1b2c3d4e5f"
	for _, tt := range []struct {
		name    string
		want    *Config
		wantErr []string
	}{
		{name: "", want: createDefaultConfig().(*Config)},
		{name: "custom", want: &Config{
			MaxItems: 200000, MaxDecodedMiB: 128, MaxItemBytes: 2621440, MaxValueDepth: 32,
			HTTP:   HTTPConfig{TracesURLPath: "/otlp/v1/traces", LogsURLPath: "/otlp/v1/logs", MetricsURLPath: "/otlp/v1/metrics"},
			GRPC:   GRPCConfig{ConnectionTimeout: 5 * time.Second},
			Tokens: map[string]configopaque.String{"OTELCOL_BEARER_TOKEN": secret},
		}},
		{name: "negative", wantErr: []string{"max_items: -1 must not be negative", "max_decoded_mib: -2 must not be negative", "max_item_bytes: -3 must not be negative", "max_value_depth: -4 must not be negative"}},
		{name: "bad_path", wantErr: []string{`http::traces_url_path: "v1/traces" must start with /`}},
		{name: "bad_timeout", wantErr: []string{`grpc::connection_timeout: "0s" must be positive`}},
		{name: "blank_token", wantErr: []string{"tokens::OTELCOL_BEARER_TOKEN: the token is empty or blank"}},
		{name: "short_token", wantErr: []string{"tokens::OTELCOL_BEARER_TOKEN: the token is 7 characters long: use at least 16"}},
		{name: "newline_token", wantErr: []string{"tokens::OTELCOL_BEARER_TOKEN: the token contains whitespace or control characters"}},
		{name: "repetitive_token", wantErr: []string{"tokens::OTELCOL_BEARER_TOKEN: the token has only 2 distinct characters"}},
		{name: "two_bad_tokens", wantErr: []string{"tokens::GATEWAY_TOKEN: the token is 8 characters long", "tokens::SIDECAR_TOKEN: the token is empty or blank"}},
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
				assert.NotContains(t, err.Error(), "hunter2", "an error never repeats the token")
				assert.NotContains(t, err.Error(), "changeme")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, cfg)
		})
	}
}
