// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package config holds the shipped configurations (collector pipelines,
// Prometheus, Grafana, Loki). Its tests check the parts no other tool here
// can: the Loki and Grafana files, which have no binary on our machines.
// Collector configs are checked by `otelcol-llm validate` (make validate),
// Prometheus files by promtool (make rules).
package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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

// TestGrafanaDashboardImport: the dashboards name no data source by uid, so
// they import into a Grafana whose data sources have other uids: every
// data source is a datasource variable of the right type (Grafana fills it
// with that type's default, or the one chosen), every ${...} a dashboard
// uses is a variable it defines, and the links to Jaeger and Loki go
// through those variables. The provisioned data sources cover every type
// the variables ask for, so provisioning still resolves them.
func TestGrafanaDashboardImport(t *testing.T) {
	ds := loadYAML(t, filepath.Join("grafana", "provisioning", "datasources", "otelcol-llm.yaml"))
	provisioned := map[string]bool{}
	for _, d := range dig(t, ds, "datasources").([]any) {
		provisioned[d.(map[string]any)["type"].(string)] = true
	}
	files, err := filepath.Glob(filepath.Join(configDir, "grafana", "dashboards", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	varRef := regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		name := filepath.Base(f)
		assert.NotContains(t, string(raw), "otelcol-llm-prometheus", "%s: a fixed data source uid", name)
		assert.NotContains(t, string(raw), "otelcol-llm-jaeger", name)
		assert.NotContains(t, string(raw), "otelcol-llm-loki", name)
		var d map[string]any
		require.NoError(t, json.Unmarshal(raw, &d))
		vars := map[string]map[string]any{}
		for _, v := range d["templating"].(map[string]any)["list"].([]any) {
			vm := v.(map[string]any)
			vars[vm["name"].(string)] = vm
		}
		dsVar := func(ref string) (string, bool) {
			m := regexp.MustCompile(`^\$\{([a-z_]+)\}$`).FindStringSubmatch(ref)
			if m == nil {
				return "", false
			}
			v, ok := vars[m[1]]
			if !ok || v["type"] != "datasource" {
				return "", false
			}
			return v["query"].(string), true
		}
		// Every data source reference, at any depth, is a variable of its type.
		var walk func(any)
		walk = func(n any) {
			switch x := n.(type) {
			case map[string]any:
				if dsRef, ok := x["datasource"].(map[string]any); ok {
					typ, ok := dsVar(dsRef["uid"].(string))
					assert.True(t, ok, "%s: data source %v is not a datasource variable", name, dsRef)
					assert.Equal(t, dsRef["type"], typ, "%s: %v", name, dsRef)
				}
				for _, v := range x {
					walk(v)
				}
			case []any:
				for _, v := range x {
					walk(v)
				}
			}
		}
		walk(d["panels"])
		walk(d["templating"])
		for _, v := range vars {
			if v["type"] == "datasource" {
				assert.True(t, provisioned[v["query"].(string)], "%s: no provisioned data source of type %v", name, v["query"])
				assert.Empty(t, v["current"], "%s: variable %v must default to the data source Grafana has, not a uid", name, v["name"])
			}
		}
		// Every variable used is defined (Grafana's own start with __).
		for _, m := range varRef.FindAllStringSubmatch(string(raw), -1) {
			ref := m[1] + m[2]
			if strings.HasPrefix(ref, "__") {
				continue
			}
			assert.Contains(t, vars, ref, "%s: ${%s} is not a variable of the dashboard", name, ref)
		}
		// The links to traces and logs go through the Jaeger and Loki variables.
		links := 0
		var walkLinks func(any)
		walkLinks = func(n any) {
			switch x := n.(type) {
			case map[string]any:
				if u, ok := x["url"].(string); ok && strings.Contains(u, "/explore") {
					links++
					ok := false
					for _, v := range []string{"${jaeger}", "${loki}"} {
						ok = ok || strings.Contains(u, v)
					}
					assert.True(t, ok, "%s: explore link without a data source variable: %s", name, u)
				}
				for _, v := range x {
					walkLinks(v)
				}
			case []any:
				for _, v := range x {
					walkLinks(v)
				}
			}
		}
		walkLinks(d)
		assert.Positive(t, links, "%s: links to Jaeger and Loki", name)
		for _, want := range []string{"jaeger", "loki", "prometheus"} {
			assert.Contains(t, vars, want, name)
		}
	}
}

// TestEveryAlertHasARunbookRow: each alert of the shipped rules, and of
// no other, has its row in the README's alert table, and each has a test
// case in config/prometheus/tests (promtool checks the cases themselves).
func TestEveryAlertHasARunbookRow(t *testing.T) {
	var alerts []string
	files, err := filepath.Glob(filepath.Join(configDir, "prometheus", "rules", "*.yml"))
	require.NoError(t, err)
	for _, f := range files {
		rules := loadYAML(t, filepath.Join("prometheus", "rules", filepath.Base(f)))
		for _, g := range dig(t, rules, "groups").([]any) {
			for _, r := range g.(map[string]any)["rules"].([]any) {
				if name, ok := r.(map[string]any)["alert"].(string); ok {
					alerts = append(alerts, name)
				}
			}
		}
	}
	require.NotEmpty(t, alerts)
	readme, err := os.ReadFile(filepath.Join(configDir, "..", "README.md"))
	require.NoError(t, err)
	var tests strings.Builder
	files, err = filepath.Glob(filepath.Join(configDir, "prometheus", "tests", "*.yml"))
	require.NoError(t, err)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		tests.Write(raw)
	}
	var rows []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z][A-Za-z0-9]+)`(?:, `[A-Z][A-Za-z0-9]+`)*").FindAllString(string(readme), -1) {
		for _, n := range regexp.MustCompile("`([A-Z][A-Za-z0-9]+)`").FindAllStringSubmatch(m, -1) {
			rows = append(rows, n[1])
		}
	}
	for _, a := range alerts {
		assert.Contains(t, rows, a, "README has no runbook row for %s", a)
		assert.Contains(t, tests.String(), "alertname: "+a+"\n", "no promtool case for %s", a)
	}
	for _, r := range rows {
		if strings.HasPrefix(r, "LLM") || strings.HasPrefix(r, "Otelcol") {
			assert.Contains(t, alerts, r, "README's runbook names %s, which no rule defines", r)
		}
	}
}
