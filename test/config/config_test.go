// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package config holds the shipped configurations (collector pipelines,
// Prometheus, Grafana, Loki). Its tests check the parts no other tool here
// can: the Loki and Grafana files, which have no binary on our machines.
// Collector configs are checked by `otelcol-llm validate` (make validate),
// Prometheus files by promtool (make rules).
package config

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// configDir is the repository's config/ folder, relative to this package.
const configDir = "../../config"

func loadYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(configDir, path))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, yaml.Unmarshal(raw, &m), path)
	return m
}

func dig(t *testing.T, m map[string]any, keys ...string) any {
	t.Helper()
	var cur any = m
	for _, k := range keys {
		mm, ok := cur.(map[string]any)
		require.True(t, ok, "%v: not a map at %q", keys, k)
		cur, ok = mm[k]
		require.True(t, ok, "%v: missing %q", keys, k)
	}
	return cur
}

// TestLokiOTLPConfig: service, model and agent become index labels (resource
// attributes: the gateway lifts model and agent there with groupbyattrs/loki),
// chat attributes stay structured metadata.
func TestLokiOTLPConfig(t *testing.T) {
	m := loadYAML(t, filepath.Join("loki", "loki-config.yaml"))
	assert.Equal(t, true, dig(t, m, "limits_config", "allow_structured_metadata"))
	attrsCfg := dig(t, m, "limits_config", "otlp_config", "resource_attributes", "attributes_config").([]any)
	var indexed []any
	for _, a := range attrsCfg {
		rule := a.(map[string]any)
		if rule["action"] == "index_label" {
			indexed = append(indexed, rule["attributes"].([]any)...)
		}
	}
	assert.ElementsMatch(t, []any{"service.name", "gen_ai.request.model", "gen_ai.agent.name"}, indexed)

	// Log attributes: Loki applies the first rule that matches, so the
	// prompt and answer (already the body) are dropped, not kept as
	// metadata by the broader rule, and the other chat attributes are kept.
	rules := dig(t, m, "limits_config", "otlp_config", "log_attributes").([]any)
	action := func(attr string) string {
		for _, r := range rules {
			rule := r.(map[string]any)
			if names, ok := rule["attributes"].([]any); ok && slices.Contains(names, any(attr)) {
				return rule["action"].(string)
			}
			if re, ok := rule["regex"].(string); ok && regexp.MustCompile("^(?:"+re+")$").MatchString(attr) {
				return rule["action"].(string)
			}
		}
		return "structured_metadata" // Loki's default for log attributes
	}
	for _, a := range []string{"gen_ai.input.messages", "gen_ai.output.messages"} {
		assert.Equal(t, "drop", action(a), a)
	}
	for _, a := range []string{"gen_ai.usage.cost.amount", "chat.fallback.used", "pii.redacted.count", "error.type", "chat.turn"} {
		assert.Equal(t, "structured_metadata", action(a), a)
	}

	gw := loadYAML(t, "gateway.yaml")
	keys := dig(t, gw, "processors", "groupbyattrs/loki", "keys").([]any)
	assert.ElementsMatch(t, []any{"gen_ai.request.model", "gen_ai.agent.name"}, keys,
		"the gateway must lift exactly the attributes Loki indexes to the resource")
	logs := dig(t, gw, "service", "pipelines", "logs", "processors").([]any)
	assert.Equal(t, "groupbyattrs/loki", logs[len(logs)-1], "groupbyattrs/loki runs last in the logs pipeline, after redact")
}

// TestGrafanaProvisioning: the three data sources exist with the uids the
// dashboards and the cross-links use (the e2e test runs every dashboard
// panel's query against a real Prometheus).
func TestGrafanaProvisioning(t *testing.T) {
	ds := loadYAML(t, filepath.Join("grafana", "provisioning", "datasources", "otelcol-llm.yaml"))
	uids := map[string]string{}
	for _, d := range dig(t, ds, "datasources").([]any) {
		dm := d.(map[string]any)
		uids[dm["uid"].(string)] = dm["type"].(string)
	}
	require.Equal(t, map[string]string{
		"otelcol-llm-prometheus": "prometheus",
		"otelcol-llm-loki":       "loki",
		"otelcol-llm-jaeger":     "jaeger",
	}, uids)
	for _, d := range dig(t, ds, "datasources").([]any) {
		dm := d.(map[string]any)
		if j, ok := dm["jsonData"].(map[string]any); ok {
			for _, link := range []string{"exemplarTraceIdDestinations"} {
				if l, ok := j[link].([]any); ok {
					for _, e := range l {
						assert.Contains(t, uids, e.(map[string]any)["datasourceUid"])
					}
				}
			}
			if l, ok := j["tracesToLogsV2"].(map[string]any); ok {
				assert.Equal(t, "loki", uids[l["datasourceUid"].(string)])
			}
		}
	}
}
