// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)

	custom := defaultConfig()
	custom.Include = []string{"data/chat_history/*.json", "other/*.json"}
	custom.Exclude = []string{"data/chat_history/tmp-*"}
	custom.PollInterval = 5 * time.Second
	custom.StartAt = startAtBeginning
	custom.MaxFileSize = 1 << 20
	custom.MaxFileMessages = 5000
	storageID := component.MustNewID("file_storage")
	custom.Storage = &storageID
	h := custom.HTTP.GetOrInsertDefault()
	h.ServerConfig.NetAddr.Endpoint = "0.0.0.0:9999"
	h.Path = "/turns"
	h.ServerConfig.MaxRequestBodySize = 2 << 20
	h.MaxItemsPerRequest = 500
	h.MaxConcurrentRequests = 8
	h.DedupTurns = 0
	h.FeedbackTurns = 1000
	custom.Capture = CaptureConfig{AgentPayloads: true}
	custom.ServiceName = "support-bot"

	httpOnly := defaultConfig()
	httpOnly.HTTP.GetOrInsertDefault()

	plain := defaultConfig()
	plain.Include = []string{"data/chat_history/*.json"}

	for _, tt := range []struct {
		name    string
		want    *Config
		wantErr []string
	}{
		{name: "", want: plain},
		{name: "custom", want: custom},
		{name: "http_only", want: httpOnly},
		{name: "nothing", wantErr: []string{"include: no file patterns and no http server configured"}},
		{name: "bad_start_at", wantErr: []string{`start_at: "middle" is not one of beginning, end`}},
		{name: "bad_interval", wantErr: []string{`poll_interval: "0s" must be positive`}},
		{name: "bad_pattern", wantErr: []string{`include: pattern "[.json": syntax error in pattern`, `exclude: pattern "a[": syntax error in pattern`}},
		{name: "bad_size", wantErr: []string{`max_file_size: "-1" must be positive`}},
		{name: "bad_path", wantErr: []string{`http::path: "turns" must start with /`}},
		{name: "bad_limits", wantErr: []string{
			`max_file_messages: "0" must be positive`, `http::max_items_per_request: "0" must be positive`,
			`http::max_concurrent_requests: "-1" must be positive`, `http::dedup_turns: "-5" must not be negative`,
			`http::feedback_turns: "-1" must not be negative`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			sub, err := cm.Sub(component.NewIDWithName(metadata.Type, tt.name).String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			err = confmap.Validate(cfg)
			if tt.wantErr != nil {
				require.Error(t, err)
				for _, want := range tt.wantErr {
					assert.Contains(t, err.Error(), want)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, cfg)
		})
	}
}

func TestDefaultConfig(t *testing.T) {
	cfg := defaultConfig()
	assert.Equal(t, time.Second, cfg.PollInterval)
	assert.Equal(t, startAtEnd, cfg.StartAt)
	assert.Equal(t, int64(64<<20), cfg.MaxFileSize)
	assert.False(t, cfg.HTTP.HasValue(), "the push server is off until configured")
	assert.Equal(t, CaptureConfig{UserRequests: true, AgentResponses: true}, cfg.Capture)
	h := cfg.HTTP.GetOrInsertDefault()
	assert.Equal(t, "localhost:4320", h.ServerConfig.NetAddr.Endpoint)
	assert.Equal(t, "/v1/chat/turns", h.Path)
	assert.Equal(t, 100_000, cfg.MaxFileMessages)
	assert.Equal(t, int64(8<<20), h.ServerConfig.MaxRequestBodySize)
	assert.Equal(t, 30*time.Second, h.ServerConfig.ReadTimeout)
	assert.Equal(t, 10_000, h.MaxItemsPerRequest)
	assert.Equal(t, 2, h.MaxConcurrentRequests)
	assert.Equal(t, 65_536, h.DedupTurns)
	assert.Equal(t, 65_536, h.FeedbackTurns)
}
