// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	for _, tt := range []struct {
		name    string
		check   func(*testing.T, *Config)
		wantErr string
	}{
		{name: "", check: func(t *testing.T, c *Config) {
			assert.Len(t, c.Detectors, len(scan.Names()))
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "mask"}, c.Detectors["email"])
		}},
		{name: "partial", check: func(t *testing.T, c *Config) {
			// An entry naming only some options keeps the defaults of the others.
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "drop"}, c.Detectors["email"], "action only: still enabled")
			assert.Equal(t, DetectorConfig{Enabled: false, Action: "mask"}, c.Detectors["phone"], "enabled only: action mask")
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "mask"}, c.Detectors["iban"])
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "mask"}, c.Detectors["ssn"], "empty entry")
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "mask"}, c.Detectors["ipv4"], "null entry")
			assert.Equal(t, DetectorConfig{Enabled: true, Action: "mask"}, c.Detectors["credit_card"], "not named")
			b, err := c.build()
			require.NoError(t, err)
			st := b.redactor.NewState()
			out, _, drop := b.redactor.Redact("mail jane@example.com", st)
			assert.Equal(t, "mail [REDACTED:email]", out)
			assert.True(t, drop, "email asks to drop the attribute")
			out, changed, _ := b.redactor.Redact("call +1 415 555 0100", st)
			assert.False(t, changed, "phone is off: %s", out)
		}},
		{name: "custom", check: func(t *testing.T, c *Config) {
			assert.False(t, c.Detectors["ipv4"].Enabled)
			assert.Equal(t, "hash", c.Detectors["email"].Action)
			assert.True(t, c.Detectors["phone"].Enabled, "defaults kept for detectors not mentioned")
			assert.Len(t, c.Custom, 2)
			assert.Equal(t, []string{"order.id"}, c.AllowedKeys)
			assert.Equal(t, "drop", c.BlockedKeyAction)
		}},
		{name: "unknown_detector", wantErr: `detectors: unknown detector "passport"`},
		{name: "bad_action", wantErr: `detectors::email::action: "shred" is not one of mask, hash, drop`},
		{name: "bad_regex", wantErr: `custom[0]::regex: "(["`},
		{name: "hash_without_key", wantErr: `hash_key: required when a detector uses the hash action`},
		{name: "custom_both", wantErr: `custom[0]: set exactly one of regex and keywords`},
		{name: "bad_pattern", wantErr: `blocked_key_patterns[0]: "*token"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := createDefaultConfig().(*Config)
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
			tt.check(t, cfg)
		})
	}
}
