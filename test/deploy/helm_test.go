// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package deploy_test

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// This file checks deploy/helm/values.yaml against the upstream
// open-telemetry/opentelemetry-collector chart: the keys it sets exist in the
// chart (strict decoding into helmValues), and the config the chart renders,
// its default config merged with ours the way Helm merges values, is exactly
// config/gateway.yaml.

// chartDefaultConfig is the chart's default `config` value (the chart's
// values.yaml): the components and keys Helm merges ours into. Everything
// here that config/gateway.yaml does not set must be null in our values.
const chartDefaultConfig = `
exporters:
  debug: {}
extensions:
  health_check:
    endpoint: ${env:MY_POD_IP}:13133
processors:
  batch: {}
  memory_limiter:
    check_interval: 5s
    limit_percentage: 80
    spike_limit_percentage: 25
receivers:
  jaeger:
    protocols:
      grpc:
        endpoint: ${env:MY_POD_IP}:14250
      thrift_http:
        endpoint: ${env:MY_POD_IP}:14268
      thrift_compact:
        endpoint: ${env:MY_POD_IP}:6831
  otlp:
    protocols:
      grpc:
        endpoint: ${env:MY_POD_IP}:4317
      http:
        endpoint: ${env:MY_POD_IP}:4318
  prometheus:
    config:
      scrape_configs:
        - job_name: opentelemetry-collector
          scrape_interval: 10s
          static_configs:
            - targets:
                - ${env:MY_POD_IP}:8888
  zipkin:
    endpoint: ${env:MY_POD_IP}:9411
service:
  telemetry:
    metrics:
      address: ${env:MY_POD_IP}:8888
  extensions:
    - health_check
  pipelines:
    logs:
      exporters: [debug]
      processors: [memory_limiter, batch]
      receivers: [otlp]
    metrics:
      exporters: [debug]
      processors: [memory_limiter, batch]
      receivers: [otlp, prometheus]
    traces:
      exporters: [debug]
      processors: [memory_limiter, batch]
      receivers: [otlp, jaeger, zipkin]
`

// chartDefaultPorts is the chart's default `ports` value (enabled state and
// container port); ours are merged into it.
var chartDefaultPorts = map[string]helmPort{
	"otlp":           {Enabled: true, ContainerPort: 4317},
	"otlp-http":      {Enabled: true, ContainerPort: 4318},
	"jaeger-compact": {Enabled: true, ContainerPort: 6831},
	"jaeger-thrift":  {Enabled: true, ContainerPort: 14268},
	"jaeger-grpc":    {Enabled: true, ContainerPort: 14250},
	"zipkin":         {Enabled: true, ContainerPort: 9411},
	"metrics":        {Enabled: false, ContainerPort: 8888},
}

// chartProbePort is where the chart's default liveness and readiness probes
// go (we keep its defaults).
const chartProbePort = 13133

type helmPort struct {
	Enabled       bool   `json:"enabled"`
	ContainerPort int32  `json:"containerPort,omitempty"`
	ServicePort   int32  `json:"servicePort,omitempty"`
	HostPort      int32  `json:"hostPort,omitempty"`
	NodePort      int32  `json:"nodePort,omitempty"`
	Protocol      string `json:"protocol,omitempty"`
	AppProtocol   string `json:"appProtocol,omitempty"`
}

// helmValues is the part of the chart's values we set, with the chart's key
// names; nested Kubernetes objects use the k8s.io/api types the chart passes
// them into.
type helmValues struct {
	Mode  string `json:"mode"`
	Image struct {
		Repository string `json:"repository"`
		Tag        string `json:"tag"`
		PullPolicy string `json:"pullPolicy,omitempty"`
	} `json:"image"`
	Command struct {
		Name      string   `json:"name"`
		ExtraArgs []string `json:"extraArgs"`
	} `json:"command"`
	Presets map[string]struct {
		Enabled bool `json:"enabled"`
	} `json:"presets"`
	ServiceAccount struct {
		Create                       bool              `json:"create"`
		AutomountServiceAccountToken *bool             `json:"automountServiceAccountToken,omitempty"`
		Name                         string            `json:"name,omitempty"`
		Annotations                  map[string]string `json:"annotations,omitempty"`
	} `json:"serviceAccount"`
	PodSecurityContext        corev1.PodSecurityContext         `json:"podSecurityContext"`
	SecurityContext           corev1.SecurityContext            `json:"securityContext"`
	UseGOMEMLIMIT             bool                              `json:"useGOMEMLIMIT"`
	Resources                 corev1.ResourceRequirements       `json:"resources"`
	ExtraEnvs                 []corev1.EnvVar                   `json:"extraEnvs"`
	ExtraVolumes              []corev1.Volume                   `json:"extraVolumes"`
	ExtraVolumeMounts         []corev1.VolumeMount              `json:"extraVolumeMounts"`
	Ports                     map[string]helmPort               `json:"ports"`
	TopologySpreadConstraints []corev1.TopologySpreadConstraint `json:"topologySpreadConstraints"`
	Autoscaling               struct {
		Enabled                           bool                                          `json:"enabled"`
		MinReplicas                       int32                                         `json:"minReplicas"`
		MaxReplicas                       int32                                         `json:"maxReplicas"`
		TargetCPUUtilizationPercentage    int32                                         `json:"targetCPUUtilizationPercentage"`
		TargetMemoryUtilizationPercentage int32                                         `json:"targetMemoryUtilizationPercentage,omitempty"`
		Behavior                          autoscalingv2.HorizontalPodAutoscalerBehavior `json:"behavior"`
	} `json:"autoscaling"`
	PodDisruptionBudget struct {
		Enabled        bool                `json:"enabled"`
		MinAvailable   *intstr.IntOrString `json:"minAvailable,omitempty"`
		MaxUnavailable *intstr.IntOrString `json:"maxUnavailable,omitempty"`
	} `json:"podDisruptionBudget"`
	// ReadinessProbe overrides the chart's readiness probe (the chart reads
	// httpGet.port and httpGet.path, and the timings).
	ReadinessProbe *struct {
		HTTPGet struct {
			Path string `json:"path,omitempty"`
			Port int32  `json:"port,omitempty"`
		} `json:"httpGet"`
		PeriodSeconds    int32 `json:"periodSeconds,omitempty"`
		TimeoutSeconds   int32 `json:"timeoutSeconds,omitempty"`
		FailureThreshold int32 `json:"failureThreshold,omitempty"`
	} `json:"readinessProbe,omitempty"`
	Config map[string]any `json:"config"`
}

// helmMerge merges user values over chart defaults the way Helm does: maps
// merge key by key, a null removes the key, anything else replaces.
func helmMerge(defaults, user any) any {
	um, uok := user.(map[string]any)
	dm, dok := defaults.(map[string]any)
	if !uok || !dok {
		return user
	}
	out := make(map[string]any, len(dm))
	for k, v := range dm {
		out[k] = v
	}
	for k, v := range um {
		if v == nil {
			delete(out, k)
			continue
		}
		if d, ok := out[k]; ok {
			out[k] = helmMerge(d, v)
		} else {
			out[k] = helmMerge(nil, v)
		}
	}
	return out
}

func parseChartDefaults() map[string]any {
	var m map[string]any
	if err := parseYAML([]byte(chartDefaultConfig), &m); err != nil {
		panic(err)
	}
	return m
}

// firstDifference names the first path where a and b differ.
func firstDifference(prefix string, a, b any) string {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			if d := firstDifference(prefix+"."+k, am[k], bm[k]); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Sprintf("%s: %v vs %v", strings.TrimPrefix(prefix, "."), a, b)
	}
	return ""
}

func checkHelm(p *problems, files fileSet, dist distribution) {
	const where = "deploy/helm/values.yaml"
	raw, ok := files[where]
	if !ok {
		p.addf("%s: missing", where)
		return
	}
	var v helmValues
	if err := decodeStrict(raw, &v); err != nil {
		p.addf("%s: %v", where, err)
		return
	}
	if v.Mode != "deployment" {
		p.addf("%s: mode %q, want deployment", where, v.Mode)
	}
	checkImage(p, where, v.Image.Repository+":"+v.Image.Tag, dist)
	// The chart runs "/<command.name>"; the image's binary is /<dist.name>.
	if v.Command.Name != dist.name {
		p.addf("%s: command.name %q, want %q (the chart runs /<command.name>)", where, v.Command.Name, dist.name)
	}
	if df, ok := files["Dockerfile"]; ok {
		entry := regexp.MustCompile(`(?m)^ENTRYPOINT \["([^"]+)"\]`).FindSubmatch(df)
		if entry == nil || string(entry[1]) != "/"+v.Command.Name {
			p.addf("%s: the Dockerfile's ENTRYPOINT is not /%s", where, v.Command.Name)
		}
	}
	for name, preset := range v.Presets {
		if preset.Enabled {
			p.addf("%s: presets.%s is enabled: it adds components our distribution does not have", where, name)
		}
	}

	merged := helmMerge(parseChartDefaults(), v.Config)
	cfg, err := configFromValue(merged)
	if err != nil {
		p.addf("%s: config: %v", where, err)
		return
	}
	checkCollectorConfig(p, where+" (config merged with the chart's default)", cfg, dist)
	if gwRaw, ok := files["config/gateway.yaml"]; ok {
		gw, err := parseCollectorConfig(gwRaw)
		if err != nil {
			p.addf("config/gateway.yaml: %v", err)
		} else if d := firstDifference("", merged, gw.m); d != "" {
			p.addf("%s: the config the chart renders differs from config/gateway.yaml at %s (regenerate: go test ./deploy/ -run TestShippedConfigsInSync -update)", where, d)
		}
	}

	// The chart always sets MY_POD_IP from status.podIP, then extraEnvs.
	env := append([]corev1.EnvVar{{Name: "MY_POD_IP", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "status.podIP"}}}}, v.ExtraEnvs...)
	checkEnv(p, where, env, cfg)
	checkStorage(p, where, env, v.ExtraVolumeMounts, v.ExtraVolumes, cfg)
	checkSecurity(p, where, &v.PodSecurityContext, &v.SecurityContext)
	if _, ok := v.Resources.Limits[corev1.ResourceMemory]; !ok || !v.UseGOMEMLIMIT {
		p.addf("%s: set resources.limits.memory and useGOMEMLIMIT (GOMEMLIMIT at 80%% of the limit)", where)
	}
	if _, ok := v.Resources.Requests[corev1.ResourceCPU]; !ok {
		p.addf("%s: resources.requests.cpu is required for CPU autoscaling", where)
	}
	live, ready, ok := cfg.probePorts()
	if !ok || live != chartProbePort {
		p.addf("%s: the chart's liveness probe hits port %d, health_check listens on %d", where, chartProbePort, live)
	}
	readinessPort := int32(chartProbePort)
	if v.ReadinessProbe != nil && v.ReadinessProbe.HTTPGet.Port != 0 {
		readinessPort = v.ReadinessProbe.HTTPGet.Port
	}
	if ok && readinessPort != ready {
		p.addf("%s: the readiness probe hits port %d, health_check/ready listens on %d (set readinessProbe.httpGet.port)", where, readinessPort, ready)
	}
	checkFeatureGates(p, where+" command.extraArgs", v.Command.ExtraArgs, cfg)

	// Ports: the chart's enabled ports (defaults merged with ours) are exactly
	// the ports the config serves to other pods, health check aside.
	enabled := map[int32]string{}
	for name, def := range chartDefaultPorts {
		port := def
		if o, ok := v.Ports[name]; ok {
			port.Enabled = o.Enabled
			if o.ContainerPort != 0 {
				port.ContainerPort = o.ContainerPort
			}
		}
		if port.Enabled {
			enabled[port.ContainerPort] = name
		}
	}
	for name, port := range v.Ports {
		if _, known := chartDefaultPorts[name]; !known && port.Enabled {
			if port.ContainerPort == 0 {
				p.addf("%s: ports.%s has no containerPort", where, name)
			}
			enabled[port.ContainerPort] = name
		}
	}
	ls, err := cfg.listeners()
	if err != nil {
		p.addf("%s: %v", where, err)
	}
	serves := map[int32]string{}
	for _, l := range ls {
		if l.exposed() && l.port != live && l.port != ready { // the kubelet probes the pod itself
			serves[l.port] = l.what
		}
	}
	for port, name := range enabled {
		if _, ok := serves[port]; !ok {
			p.addf("%s: ports.%s (%d) is enabled but the config serves nothing there", where, name, port)
		}
	}
	for port, what := range serves {
		if _, ok := enabled[port]; !ok {
			p.addf("%s: %s listens on %d but no enabled port exposes it", where, what, port)
		}
	}

	a := v.Autoscaling
	if !a.Enabled || a.MinReplicas < 2 || a.MaxReplicas < a.MinReplicas || a.TargetCPUUtilizationPercentage <= 0 {
		p.addf("%s: autoscaling must be enabled on CPU with 2 <= minReplicas <= maxReplicas", where)
	}
	pdb := v.PodDisruptionBudget
	switch {
	case !pdb.Enabled || (pdb.MinAvailable == nil) == (pdb.MaxUnavailable == nil):
		p.addf("%s: podDisruptionBudget must be enabled with one of minAvailable and maxUnavailable", where)
	case pdb.MinAvailable != nil && pdb.MinAvailable.Type == intstr.Int && pdb.MinAvailable.IntVal >= a.MinReplicas:
		p.addf("%s: podDisruptionBudget.minAvailable %d blocks every voluntary disruption at minReplicas %d", where, pdb.MinAvailable.IntVal, a.MinReplicas)
	}
	if len(v.TopologySpreadConstraints) == 0 {
		p.addf("%s: no topologySpreadConstraints", where)
	}
}

// helmConfigBody is config/gateway.yaml with a null for everything in the
// chart's default config that it does not set, as YAML.
func helmConfigBody(gateway []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(gateway, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("config/gateway.yaml is not one YAML document")
	}
	// The file's header describes the file; the values' own comment says
	// where this block comes from.
	doc.HeadComment, doc.Content[0].HeadComment = "", ""
	addNulls(parseChartDefaults(), doc.Content[0])
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func addNulls(defaults map[string]any, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return
	}
	keys := make([]string, 0, len(defaults))
	for k := range defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				found = true
				if dm, ok := defaults[k].(map[string]any); ok {
					addNulls(dm, n.Content[i+1])
				}
			}
		}
		if !found {
			n.Content = append(n.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k},
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"})
		}
	}
}
