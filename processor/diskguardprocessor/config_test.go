// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package diskguardprocessor

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/metadata"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	for _, tt := range []struct {
		name    string
		want    *Config
		wantErr []string
	}{
		{name: "", want: &Config{Directory: "/var/lib/otelcol-llm", MinFreeMiB: 256, CheckInterval: 100 * time.Millisecond}},
		{name: "custom", want: &Config{Directory: "/var/lib/otelcol-llm", MinFreeMiB: 512, MaxUsedMiB: 3072, CheckInterval: 250 * time.Millisecond}},
		{name: "no_directory", wantErr: []string{"directory: must be set"}},
		{name: "negative", wantErr: []string{"min_free_mib: -1 must not be negative", "max_used_mib: -5 must not be negative"}},
		{name: "never_refuses", wantErr: []string{"min_free_mib and max_used_mib are both 0"}},
		{name: "bad_interval", wantErr: []string{`check_interval: "0s" must be positive`}},
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
