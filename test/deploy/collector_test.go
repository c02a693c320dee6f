// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package deploy_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	sigsyaml "sigs.k8s.io/yaml"
)

// This file checks the collector configs embedded in the manifests: that they
// parse, name only components our distribution has, and wire pipelines
// correctly. It reads the distribution's components from builder-config.yaml.

// moduleTypes maps every component module builder-config.yaml may name to
// its component type. A module missing here fails the test, so the table
// grows with the manifest.
var moduleTypes = map[string]string{
	"go.opentelemetry.io/collector/receiver/otlpreceiver":                                              "otlp",
	"go.opentelemetry.io/collector/processor/memorylimiterprocessor":                                   "memory_limiter",
	"go.opentelemetry.io/collector/processor/batchprocessor":                                           "batch",
	"go.opentelemetry.io/collector/exporter/otlpexporter":                                              "otlp_grpc",
	"go.opentelemetry.io/collector/exporter/otlphttpexporter":                                          "otlp_http",
	"go.opentelemetry.io/collector/exporter/debugexporter":                                             "debug",
	"go.opentelemetry.io/collector/exporter/nopexporter":                                               "nop",
	"go.opentelemetry.io/collector/connector/forwardconnector":                                         "forward",
	"go.opentelemetry.io/collector/extension/zpagesextension":                                          "zpages",
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/transformprocessor":           "transform",
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/attributesprocessor":          "attributes",
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/tailsamplingprocessor":        "tail_sampling",
	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/groupbyattrsprocessor":        "groupbyattrs",
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/prometheusexporter":            "prometheus",
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/prometheusremotewriteexporter": "prometheus_remote_write",
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/fileexporter":                  "file",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/healthcheckextension":         "health_check",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/pprofextension":               "pprof",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/bearertokenauthextension":     "bearertokenauth",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage":          "file_storage",
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver":                                    "chat_trace",
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor":                                    "llm_cost",
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor":                                     "redact",
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm":                                      "span_metrics_llm",
	"github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor":                                  "disk_guard",
	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension":                                  "otlp_guard",
	"github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension":                               "queue_storage",
}

var componentKinds = []string{"receivers", "processors", "exporters", "connectors", "extensions"}

// distribution is what builder-config.yaml says we build.
type distribution struct {
	name       string
	version    string
	components map[string]map[string]bool // kind -> type -> present
}

type builderConfig struct {
	Dist struct {
		Name    string `yaml:"name"`
		Version string `yaml:"version"`
	} `yaml:"dist"`
	Receivers  []builderModule `yaml:"receivers"`
	Processors []builderModule `yaml:"processors"`
	Exporters  []builderModule `yaml:"exporters"`
	Connectors []builderModule `yaml:"connectors"`
	Extensions []builderModule `yaml:"extensions"`
}

// builderModule is one ocb entry: a module, and the package inside it when
// that is not the module root (our own components).
type builderModule struct {
	GoMod  string `yaml:"gomod"`
	Import string `yaml:"import"`
}

func loadDistribution(raw []byte) (distribution, error) {
	var bc builderConfig
	if err := yaml.Unmarshal(raw, &bc); err != nil {
		return distribution{}, fmt.Errorf("builder-config.yaml: %w", err)
	}
	d := distribution{name: bc.Dist.Name, version: bc.Dist.Version, components: map[string]map[string]bool{}}
	for _, kind := range componentKinds {
		d.components[kind] = map[string]bool{}
	}
	lists := map[string][]builderModule{
		"receivers": bc.Receivers, "processors": bc.Processors, "exporters": bc.Exporters,
		"connectors": bc.Connectors, "extensions": bc.Extensions,
	}
	for kind, list := range lists {
		for _, c := range list {
			module, _, _ := strings.Cut(strings.TrimSpace(c.GoMod), " ")
			if c.Import != "" {
				module = c.Import
			}
			typ, ok := moduleTypes[module]
			if !ok {
				return distribution{}, fmt.Errorf("builder-config.yaml: module %q has no entry in moduleTypes (deploy/collector_test.go): add its component type", module)
			}
			d.components[kind][typ] = true
		}
	}
	if d.name == "" || d.version == "" {
		return distribution{}, fmt.Errorf("builder-config.yaml: dist.name and dist.version are required")
	}
	return d, nil
}

// collectorConfig is a parsed collector config plus its raw text (for the
// ${env:...} references, which the parse keeps as strings anyway).
type collectorConfig struct {
	m   map[string]any
	raw string
}

func parseCollectorConfig(raw []byte) (collectorConfig, error) {
	var m map[string]any
	if err := parseYAML(raw, &m); err != nil {
		return collectorConfig{}, err
	}
	if m == nil {
		return collectorConfig{}, fmt.Errorf("empty config")
	}
	return collectorConfig{m: m, raw: string(raw)}, nil
}

// configFromValue builds a collectorConfig from an already-parsed value (the
// operator CR's spec.config, Helm's merged config).
func configFromValue(v any) (collectorConfig, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return collectorConfig{}, fmt.Errorf("config is %T, not a map", v)
	}
	raw, err := sigsyaml.Marshal(m)
	if err != nil {
		return collectorConfig{}, err
	}
	return collectorConfig{m: m, raw: string(raw)}, nil
}

func mapAt(v any, keys ...string) map[string]any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	m, _ := v.(map[string]any)
	return m
}

func stringList(v any) ([]string, bool) {
	if v == nil {
		return nil, true
	}
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func componentType(id string) string {
	t, _, _ := strings.Cut(id, "/")
	return t
}

// checkCollectorConfig reports components our distribution does not have and
// pipelines that reference undefined components or break the data path.
func checkCollectorConfig(p *problems, where string, cfg collectorConfig, dist distribution) {
	for k := range cfg.m {
		if !slices.Contains(componentKinds, k) && k != "service" {
			p.addf("%s: unknown top-level key %q", where, k)
		}
	}
	defined := map[string]map[string]bool{}
	for _, kind := range componentKinds {
		defined[kind] = map[string]bool{}
		section := cfg.m[kind]
		if section == nil {
			continue
		}
		sm, ok := section.(map[string]any)
		if !ok {
			p.addf("%s: %s is not a map", where, kind)
			continue
		}
		for id := range sm {
			if !dist.components[kind][componentType(id)] {
				p.addf("%s: %s %q: type %q is not in our distribution (builder-config.yaml)", where, kind, id, componentType(id))
			}
			defined[kind][id] = true
		}
	}
	service := mapAt(cfg.m, "service")
	if service == nil {
		p.addf("%s: no service section", where)
		return
	}
	exts, ok := stringList(service["extensions"])
	if !ok {
		p.addf("%s: service.extensions is not a list of names", where)
	}
	for _, e := range exts {
		if !defined["extensions"][e] {
			p.addf("%s: service.extensions names %q, which extensions does not define", where, e)
		}
	}
	pipelines := mapAt(service, "pipelines")
	if len(pipelines) == 0 {
		p.addf("%s: service.pipelines is empty", where)
		return
	}
	connectorIn := map[string]bool{}
	connectorOut := map[string]bool{}
	ids := make([]string, 0, len(pipelines))
	for id := range pipelines {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		signal := componentType(id)
		if signal != "traces" && signal != "metrics" && signal != "logs" {
			p.addf("%s: pipeline %q: signal %q is not traces, metrics or logs", where, id, signal)
		}
		pl, _ := pipelines[id].(map[string]any)
		receivers, ok1 := stringList(pl["receivers"])
		processors, ok2 := stringList(pl["processors"])
		exporters, ok3 := stringList(pl["exporters"])
		if !ok1 || !ok2 || !ok3 {
			p.addf("%s: pipeline %q: receivers, processors and exporters must be lists of names", where, id)
			continue
		}
		if len(receivers) == 0 || len(exporters) == 0 {
			p.addf("%s: pipeline %q needs at least one receiver and one exporter", where, id)
		}
		fromReceiver := false
		for _, r := range receivers {
			switch {
			case defined["receivers"][r]:
				fromReceiver = true
			case defined["connectors"][r]:
				connectorOut[r] = true
			default:
				p.addf("%s: pipeline %q: receiver %q is not defined", where, id, r)
			}
		}
		for _, pr := range processors {
			if !defined["processors"][pr] {
				p.addf("%s: pipeline %q: processor %q is not defined", where, id, pr)
			}
		}
		for _, e := range exporters {
			switch {
			case defined["exporters"][e]:
			case defined["connectors"][e]:
				connectorIn[e] = true
			default:
				p.addf("%s: pipeline %q: exporter %q is not defined", where, id, e)
			}
		}
		// The data path (DESIGN.md): memory_limiter first, llm_cost before
		// redact, in every pipeline fed by a receiver.
		if fromReceiver {
			if i := indexOfType(processors, "memory_limiter"); i > 0 {
				p.addf("%s: pipeline %q: memory_limiter must be the first processor", where, id)
			}
			if c, r := indexOfType(processors, "llm_cost"), indexOfType(processors, "redact"); c >= 0 && r >= 0 && c > r {
				p.addf("%s: pipeline %q: llm_cost must run before redact", where, id)
			}
		}
	}
	for c := range defined["connectors"] {
		if connectorIn[c] != connectorOut[c] {
			p.addf("%s: connector %q must be an exporter in one pipeline and a receiver in another", where, c)
		}
	}
}

func indexOfType(ids []string, typ string) int {
	for i, id := range ids {
		if componentType(id) == typ {
			return i
		}
	}
	return -1
}

var envRef = regexp.MustCompile(`\$\{env:([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}`)

// requiredEnv lists the ${env:NAME} references without a default: the
// collector does not start unless NAME is set.
func (c collectorConfig) requiredEnv() []string {
	var out []string
	for _, m := range envRef.FindAllStringSubmatch(c.raw, -1) {
		if m[2] == "" && !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// expand resolves ${env:NAME:-default} in s with env (unset: the default).
func expand(s string, env map[string]string) string {
	return envRef.ReplaceAllStringFunc(s, func(ref string) string {
		m := envRef.FindStringSubmatch(ref)
		if v, ok := env[m[1]]; ok {
			return v
		}
		return strings.TrimPrefix(m[2], ":-")
	})
}

// portRef is an ${env:..._PORT:-default} reference: the shipped configs read
// every port from the environment with today's port as the default.
var portRef = regexp.MustCompile(`\$\{env:[A-Za-z_][A-Za-z0-9_]*_PORT:-([0-9]+)\}`)

// defaultPorts resolves the port references in s to their defaults: no
// manifest sets a port variable, so the defaults are what the pods serve.
func defaultPorts(s string) string { return portRef.ReplaceAllString(s, "$1") }

// listener is a network endpoint the collector serves.
type listener struct {
	what string // e.g. "receivers.otlp.protocols.grpc"
	host string // unexpanded
	port int32
}

// exposed reports whether the listener binds an address other pods can
// reach: the pod IP through OTELCOL_LISTEN_HOST or MY_POD_IP, or all
// interfaces. A listener on localhost serves only its own pod.
func (l listener) exposed() bool {
	return strings.Contains(l.host, "OTELCOL_LISTEN_HOST") || strings.Contains(l.host, "MY_POD_IP") ||
		l.host == "0.0.0.0" || l.host == "" || l.host == "[::]"
}

// listeners finds every server endpoint in the config: receivers, extensions,
// the prometheus exporter and the own-metrics pull reader.
func (c collectorConfig) listeners() ([]listener, error) {
	var out []listener
	var walk func(path string, v any) error
	walk = func(path string, v any) error {
		switch t := v.(type) {
		case map[string]any:
			if ep, ok := t["endpoint"].(string); ok {
				ep = defaultPorts(ep)
				i := strings.LastIndex(ep, ":")
				port, err := strconv.ParseInt(ep[i+1:], 10, 32)
				if i < 0 || err != nil {
					return fmt.Errorf("%s.endpoint %q has no port", path, ep)
				}
				out = append(out, listener{what: path, host: ep[:i], port: int32(port)})
			}
			if host, ok := t["host"].(string); ok {
				port, err := strconv.ParseInt(defaultPorts(fmt.Sprint(t["port"])), 10, 32)
				if err != nil {
					return fmt.Errorf("%s.port %v is not a port", path, t["port"])
				}
				out = append(out, listener{what: path, host: host, port: int32(port)})
			}
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if err := walk(path+"."+k, t[k]); err != nil {
					return err
				}
			}
		case []any:
			for i, e := range t {
				if err := walk(fmt.Sprintf("%s[%d]", path, i), e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, kind := range []string{"receivers", "extensions"} {
		if err := walk(kind, c.m[kind]); err != nil {
			return nil, err
		}
	}
	for id, v := range mapAt(c.m, "exporters") {
		if componentType(id) == "prometheus" {
			if err := walk("exporters."+id, v); err != nil {
				return nil, err
			}
		}
	}
	if err := walk("service.telemetry", mapAt(c.m, "service", "telemetry")); err != nil {
		return nil, err
	}
	return out, nil
}

// probePorts are the ports liveness and readiness probes must hit: the
// health_check extension's, and health_check/ready's where the config has
// one (it reports component status: not ready while data is refused).
func (c collectorConfig) probePorts() (liveness, readiness int32, ok bool) {
	ls, err := c.listeners()
	if err != nil {
		return 0, 0, false
	}
	for _, l := range ls {
		switch {
		case l.what == "extensions.health_check" || strings.HasPrefix(l.what, "extensions.health_check."):
			liveness, ok = l.port, true
		case strings.HasPrefix(l.what, "extensions.health_check/ready"):
			readiness = l.port
		}
	}
	if readiness == 0 {
		readiness = liveness
	}
	return liveness, readiness, ok
}

// componentStatusGate is the feature gate the health_check extension's v2
// settings (http, grpc, component_health) need at this release.
const componentStatusGate = "extension.healthcheck.useComponentStatus"

// needsComponentStatusGate reports whether a health_check in the config uses
// the v2 settings, which the collector refuses without the feature gate.
func (c collectorConfig) needsComponentStatusGate() bool {
	for id, v := range mapAt(c.m, "extensions") {
		if componentType(id) != "health_check" {
			continue
		}
		m, _ := v.(map[string]any)
		for _, k := range []string{"http", "grpc", "component_health"} {
			if _, ok := m[k]; ok {
				return true
			}
		}
	}
	return false
}

// checkFeatureGates: a config that needs the component-status gate runs
// with it.
func checkFeatureGates(p *problems, where string, args []string, cfg collectorConfig) {
	if !cfg.needsComponentStatusGate() {
		return
	}
	for _, a := range args {
		if strings.HasPrefix(a, "--feature-gates") && strings.Contains(a, "+"+componentStatusGate) {
			return
		}
	}
	p.addf("%s: the config's health_check needs --feature-gates=+%s in the arguments", where, componentStatusGate)
}

// storageDirectory is the file_storage extension's directory, unexpanded.
func (c collectorConfig) storageDirectory() (string, bool) {
	for id, v := range mapAt(c.m, "extensions") {
		if componentType(id) == "file_storage" {
			m, _ := v.(map[string]any)
			d, ok := m["directory"].(string)
			return d, ok
		}
	}
	return "", false
}

// chatTraceIncludes are the chat_trace receivers' include globs, unexpanded.
func (c collectorConfig) chatTraceIncludes() []string {
	var out []string
	for id, v := range mapAt(c.m, "receivers") {
		if componentType(id) != "chat_trace" {
			continue
		}
		m, _ := v.(map[string]any)
		l, _ := stringList(m["include"])
		out = append(out, l...)
	}
	return out
}
