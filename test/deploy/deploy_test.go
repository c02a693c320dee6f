// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package deploy_test validates the Kubernetes manifests under
// deploy/kubernetes and the Helm values under deploy/helm: strict decoding
// into the Kubernetes API types, the references between objects, and the
// collector configs they carry (see deploy/kubernetes/README.md).
package deploy_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
)

var update = flag.Bool("update", false, "rewrite the configs embedded in the manifests from config/gateway.yaml and config/sidecar.yaml")

const (
	gatewayDir  = "deploy/kubernetes/gateway"
	plainDir    = "deploy/kubernetes/sidecar/plain"
	operatorDir = "deploy/kubernetes/sidecar/operator"
	injectKey   = "sidecar.opentelemetry.io/inject"
	collector   = "otelcol-llm" // the collector's container name
)

// embedded is a manifest that carries a copy of a shipped config.
type embedded struct {
	manifest string // path from the repository root
	marker   string // the line after which the config is embedded
	indent   string
	source   string // the shipped config
}

var embeddedConfigs = []embedded{
	{gatewayDir + "/configmap.yaml", "  config.yaml: |", "    ", "config/gateway.yaml"},
	{plainDir + "/configmap.yaml", "  config.yaml: |", "    ", "config/sidecar.yaml"},
	{operatorDir + "/opentelemetrycollector.yaml", "  config:", "    ", "config/sidecar.yaml"},
	{"deploy/helm/values.yaml", "config:", "  ", "config/gateway.yaml"},
}

func runAll(files fileSet) problems {
	var p problems
	dist, err := loadDistribution(files["builder-config.yaml"])
	if err != nil {
		p.addf("%v", err)
		return p
	}
	checkGateway(&p, files, dist)
	checkPlainSidecar(&p, files, dist)
	checkOperatorSidecar(&p, files, dist)
	checkHelm(&p, files, dist)
	return p
}

func TestManifests(t *testing.T) {
	files, err := loadFiles()
	require.NoError(t, err)
	for _, pr := range runAll(files) {
		t.Error(pr)
	}
}

// TestShippedConfigsInSync: the ConfigMaps hold config/gateway.yaml and
// config/sidecar.yaml byte for byte; the operator's spec.config is
// config/sidecar.yaml (checkOperatorSidecar) and Helm renders
// config/gateway.yaml (checkHelm). With -update, it rewrites them.
func TestShippedConfigsInSync(t *testing.T) {
	files, err := loadFiles()
	require.NoError(t, err)
	for _, e := range embeddedConfigs {
		t.Run(e.manifest, func(t *testing.T) {
			src, ok := files[e.source]
			if !ok {
				t.Skipf("%s does not exist yet", e.source)
			}
			if *update {
				body := src
				if strings.HasPrefix(e.manifest, "deploy/helm/") {
					var err error
					body, err = helmConfigBody(src)
					require.NoError(t, err)
				}
				out, err := splice(files[e.manifest], e.marker, body, e.indent)
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join(repoRoot, e.manifest), out, 0o600))
				return
			}
			if !strings.HasSuffix(e.manifest, "configmap.yaml") {
				return // compared semantically by TestManifests
			}
			var cm corev1.ConfigMap
			require.NoError(t, decodeStrict(files[e.manifest], &cm))
			require.Equal(t, string(src), cm.Data["config.yaml"],
				"%s must hold %s byte for byte; run: go test ./deploy/ -run TestShippedConfigsInSync -update", e.manifest, e.source)
		})
	}
}

// splice replaces everything after the marker line with body, indented.
func splice(manifest []byte, marker string, body []byte, indent string) ([]byte, error) {
	lines := strings.Split(string(manifest), "\n")
	i := slices.Index(lines, marker)
	if i < 0 || slices.Index(lines[i+1:], marker) >= 0 {
		return nil, fmt.Errorf("marker %q must occur exactly once", marker)
	}
	var out bytes.Buffer
	out.WriteString(strings.Join(lines[:i+1], "\n"))
	out.WriteString("\n")
	for _, l := range strings.SplitAfter(string(body), "\n") {
		if strings.TrimSpace(l) != "" {
			out.WriteString(indent)
		}
		out.WriteString(l)
	}
	return out.Bytes(), nil
}

// TestChecksCatchBreakage breaks the manifests one way at a time, in memory,
// and requires the checks to notice each.
func TestChecksCatchBreakage(t *testing.T) {
	files, err := loadFiles()
	require.NoError(t, err)
	require.Empty(t, runAll(files), "the shipped manifests must pass before they are broken")
	cases := []struct {
		name, file, old, new, want string
	}{
		{"unknown field", gatewayDir + "/deployment.yaml", "revisionHistoryLimit: 5", "revisionHistoryLimt: 5", `unknown field "spec.revisionHistoryLimt"`},
		{"wrong field type", gatewayDir + "/hpa.yaml", "minReplicas: 2", "minReplicas: two", "HorizontalPodAutoscaler"},
		{"selector", gatewayDir + "/deployment.yaml", "    matchLabels:\n      app.kubernetes.io/name: otelcol-llm\n      app.kubernetes.io/component: gateway\n  strategy", "    matchLabels:\n      app.kubernetes.io/name: otelcol-llm\n      app.kubernetes.io/component: gatewy\n  strategy", "does not match the pod template labels"},
		{"service selector", gatewayDir + "/service.yaml", "    app.kubernetes.io/component: gateway\n  ports:", "    app.kubernetes.io/component: sidecar\n  ports:", "Service \"otelcol-llm-gateway\" selects"},
		{"service target port", gatewayDir + "/service.yaml", "targetPort: llm-metrics", "targetPort: llm-metric", `targetPort llm-metric`},
		{"probe on wrong port", gatewayDir + "/deployment.yaml", "              path: /\n              port: health\n            initialDelaySeconds", "              path: /\n              port: metrics\n            initialDelaySeconds", "livenessProbe port 8888 is not health_check's 13133"},
		{"hpa target", gatewayDir + "/hpa.yaml", "    name: otelcol-llm-gateway\n  minReplicas", "    name: otelcol-llm-gw\n  minReplicas", `scales "otelcol-llm-gw"`},
		{"pdb selector", gatewayDir + "/pdb.yaml", "      app.kubernetes.io/component: gateway", "      app.kubernetes.io/component: gw", `PodDisruptionBudget "otelcol-llm-gateway": selector`},
		{"image", gatewayDir + "/deployment.yaml", "image: ghcr.io/otelcol-llm/otelcol-llm:0.1.0", "image: otel/opentelemetry-collector-contrib:0.161.0", "want ghcr.io/otelcol-llm/otelcol-llm:0.1.0"},
		{"root", gatewayDir + "/deployment.yaml", "            runAsNonRoot: true\n            runAsUser: 65532", "            runAsNonRoot: false\n            runAsUser: 65532", "runAsNonRoot is not true"},
		{"writable root", gatewayDir + "/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "readOnlyRootFilesystem is not true"},
		{"GOMEMLIMIT", gatewayDir + "/deployment.yaml", "divisor: 1280Ki", "divisor: 1Mi", "GOMEMLIMIT is 100% of the memory limit"},
		{"token missing", gatewayDir + "/deployment.yaml", "- name: OTELCOL_BEARER_TOKEN", "- name: OTELCOL_BEARER_TOKN", "requires ${env:OTELCOL_BEARER_TOKEN}"},
		{"listen host", gatewayDir + "/deployment.yaml", "fieldPath: status.podIP", "fieldPath: metadata.name", "binds ${env:OTELCOL_LISTEN_HOST}"},
		{"storage", gatewayDir + "/deployment.yaml", "            - name: storage\n              mountPath: /var/lib/otelcol-llm", "            - name: storage\n              mountPath: /var/lib/other", "file_storage directory \"/var/lib/otelcol-llm\" is not on a writable volume mount"},
		{"config key", gatewayDir + "/deployment.yaml", "- key: config.yaml", "- key: gateway.yaml", "has no key for it"},
		{"unlisted resource", gatewayDir + "/kustomization.yaml", "  - pdb.yaml\n", "", "pdb.yaml is not listed"},
		{"component not in distribution", gatewayDir + "/configmap.yaml", "    connectors:\n", "    connectors:\n      spanmetrics: {}\n", `type "spanmetrics" is not in our distribution`},
		{"configmap out of sync", gatewayDir + "/configmap.yaml", "      memory_limiter:\n        check_interval: 1s", "      memory_limiter:\n        check_interval: 2s", ""},
		{"undefined pipeline component", plainDir + "/configmap.yaml", "exporters: [otlp_grpc/gateway]\n        logs", "exporters: [otlp_grpc/gw]\n        logs", `exporter "otlp_grpc/gw" is not defined`},
		{"processor order", plainDir + "/configmap.yaml", "processors: [memory_limiter, disk_guard, llm_cost, redact]\n          exporters: [otlp_grpc/gateway]\n        logs", "processors: [memory_limiter, disk_guard, redact, llm_cost]\n          exporters: [otlp_grpc/gateway]\n        logs", "llm_cost must run before redact"},
		{"chat history not shared", plainDir + "/deployment.yaml", "            - name: chat-history\n              mountPath: /app/data/chat_history", "            - name: otelcol-llm-storage\n              mountPath: /app/data/chat_history", "no other container writes"},
		{"native sidecar", plainDir + "/deployment.yaml", "          restartPolicy: Always\n", "", "restartPolicy: Always"},
		{"operator mode", operatorDir + "/opentelemetrycollector.yaml", "mode: sidecar", "mode: deployment", `spec.mode "deployment"`},
		{"operator annotation", operatorDir + "/app-deployment.yaml", "inject: otelcol-llm-sidecar", "inject: otelcol-llm", "no Deployment is annotated"},
		{"operator config", operatorDir + "/opentelemetrycollector.yaml", "          exporters: [otlp_grpc/gateway]\n        logs:", "          exporters: [debug]\n        logs:", "differs from config/sidecar.yaml"},
		{"operator volume clash", operatorDir + "/app-deployment.yaml", "        - name: chat-history\n          emptyDir", "        - name: otelcol-llm-storage\n          emptyDir:\n            sizeLimit: 1Gi\n        - name: chat-history\n          emptyDir", "both define volume"},
		{"hpa metric", gatewayDir + "/hpa.yaml", "        name: cpu", "        name: memory", "no CPU resource metric"},
		{"pdb both", gatewayDir + "/pdb.yaml", "  maxUnavailable: 1", "  maxUnavailable: 1\n  minAvailable: 1", "exactly one of minAvailable and maxUnavailable"},
		{"readiness probe missing", gatewayDir + "/deployment.yaml", "          readinessProbe:\n            httpGet:\n              path: /\n              port: ready\n            periodSeconds: 5\n            timeoutSeconds: 2\n            failureThreshold: 2\n", "", "no readinessProbe"},
		{"readiness on the liveness port", gatewayDir + "/deployment.yaml", "              path: /\n              port: ready", "              path: /\n              port: health", "readinessProbe port 13133 is not health_check/ready's 13134"},
		{"feature gate missing", gatewayDir + "/deployment.yaml", `, "--feature-gates=+extension.healthcheck.useComponentStatus"]`, "]", "needs --feature-gates=+extension.healthcheck.useComponentStatus"},
		{"ready port undeclared", gatewayDir + "/deployment.yaml", "            - name: ready\n              containerPort: 13134\n              protocol: TCP\n", "", "listens on 13134, which is not a declared container port"},
		{"helm readiness port", "deploy/helm/values.yaml", "    port: 13134", "    port: 13133", "the readiness probe hits port 13133, health_check/ready listens on 13134"},
		{"disk guard unset", gatewayDir + "/deployment.yaml", "            - name: OTELCOL_STORAGE_MAX_USED_MIB\n              value: \"3072\"\n", "", "has no max_used_mib (set OTELCOL_STORAGE_MAX_USED_MIB)"},
		{"disk guard above sizeLimit", plainDir + "/deployment.yaml", "              value: \"768\"", "              value: \"1000\"", "leaves no room under emptyDir \"otelcol-llm-storage\"'s sizeLimit of 1024 MiB"},
		{"helm feature gate missing", "deploy/helm/values.yaml", `extraArgs: ["--feature-gates=+extension.healthcheck.useComponentStatus"]`, "extraArgs: []", "command.extraArgs: the config's health_check needs --feature-gates"},
		{"kustomize image", gatewayDir + "/kustomization.yaml", "  - name: ghcr.io/otelcol-llm/otelcol-llm", "  - name: otel/opentelemetry-collector", "is not our image"},
		{"helm out of sync", "deploy/helm/values.yaml", "    metric_expiration: 10m", "    metric_expiration: 5m", "differs from config/gateway.yaml at exporters.prometheus.metric_expiration"},
		{"port name too long", gatewayDir + "/service.yaml", "    - name: llm-metrics\n", "    - name: llm-span-metrics-port\n", "must be no more than 15 characters"},
		{"helm key typo", "deploy/helm/values.yaml", "useGOMEMLIMIT: true", "useGoMemLimit: true", `unknown field "useGoMemLimit"`},
		{"helm jaeger not nulled", "deploy/helm/values.yaml", "    jaeger: null\n", "", `type "jaeger" is not in our distribution`},
		{"helm port", "deploy/helm/values.yaml", "  zipkin:\n    enabled: false", "  zipkin:\n    enabled: true", "ports.zipkin (9411) is enabled"},
		{"helm command", "deploy/helm/values.yaml", "  name: otelcol-llm\n", "  name: otelcol-contrib\n", "command.name"},
		{"helm preset", "deploy/helm/values.yaml", "  hostMetrics:\n    enabled: false", "  hostMetrics:\n    enabled: true", "presets.hostMetrics is enabled"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			broken := files.clone()
			if !strings.Contains(string(broken[tc.file]), tc.old) {
				t.Fatalf("the case no longer applies: %s does not contain %q", tc.file, tc.old)
			}
			broken[tc.file] = []byte(strings.Replace(string(broken[tc.file]), tc.old, tc.new, 1))
			got := runAll(broken)
			if strings.HasSuffix(tc.file, "configmap.yaml") {
				// The byte-for-byte comparison lives in TestShippedConfigsInSync.
				for _, e := range embeddedConfigs {
					if e.manifest == tc.file {
						var cm corev1.ConfigMap
						if err := decodeStrict(broken[tc.file], &cm); err == nil && cm.Data["config.yaml"] != string(files[e.source]) {
							got = append(got, tc.file+": differs from "+e.source)
						}
					}
				}
			}
			require.NotEmpty(t, got, "breaking %s went unnoticed", tc.file)
			if tc.want != "" {
				require.True(t, slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tc.want) }),
					"want a problem containing %q, got:\n%s", tc.want, strings.Join(got, "\n"))
			}
		})
	}
}

// singleDeployment returns the bundle's only Deployment.
func singleDeployment(p *problems, b *bundle) int {
	if len(b.deployments) != 1 {
		p.addf("%s: want exactly one Deployment, have %d", b.dir, len(b.deployments))
		return -1
	}
	return 0
}

func checkGateway(p *problems, files fileSet, dist distribution) {
	b := loadBundle(p, files, gatewayDir)
	if singleDeployment(p, b) < 0 {
		return
	}
	d := b.deployments[0]
	where := fmt.Sprintf("%s: Deployment %q", gatewayDir, d.Name)
	spec := &d.Spec.Template.Spec
	podLabels := d.Spec.Template.Labels
	selectorMatches(p, where, d.Spec.Selector, podLabels)
	checkVolumeMounts(p, where, spec)
	c, _ := findContainer(spec, collector)
	if c == nil {
		p.addf("%s: no container %q", where, collector)
		return
	}
	cw := where + " container " + collector
	checkImage(p, cw, c.Image, dist)
	checkSecurity(p, cw, spec.SecurityContext, c.SecurityContext)
	checkGOMEMLIMIT(p, cw, c)
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		if _, ok := c.Resources.Requests[r]; !ok {
			p.addf("%s: no %s request", cw, r)
		}
	}
	if _, ok := b.serviceAccounts[spec.ServiceAccountName]; !ok {
		p.addf("%s: serviceAccountName %q is not in the kustomization", where, spec.ServiceAccountName)
	}
	if len(spec.TopologySpreadConstraints) == 0 {
		p.addf("%s: no topologySpreadConstraints", where)
	}
	for i, tsc := range spec.TopologySpreadConstraints {
		selectorMatches(p, fmt.Sprintf("%s topologySpreadConstraints[%d]", where, i), tsc.LabelSelector, podLabels)
	}

	cfg, ok := mountedConfig(p, cw, c, spec.Volumes, b.configMaps)
	if !ok {
		return
	}
	checkCollectorConfig(p, cw+" config", cfg, dist)
	checkEnv(p, cw, c.Env, cfg)
	checkStorage(p, cw, c.Env, c.VolumeMounts, spec.Volumes, cfg)
	checkProbes(p, cw, c, cfg, "liveness", "readiness")
	checkFeatureGates(p, cw, c.Args, cfg)
	live, ready, _ := cfg.probePorts()
	ls, _ := cfg.listeners()
	exposed := map[int32]string{}
	for _, l := range ls {
		if !l.exposed() {
			continue
		}
		if _, ok := containerPort(c, intstr.FromInt32(l.port)); !ok {
			p.addf("%s: %s listens on %d, which is not a declared container port", cw, l.what, l.port)
		}
		if l.port != live && l.port != ready { // the kubelet probes the pod itself
			exposed[l.port] = l.what
		}
	}

	// Services: select the pods, target declared ports; together they
	// expose everything the config serves to other pods.
	if len(b.services) == 0 {
		p.addf("%s: no Service", gatewayDir)
	}
	served := map[int32]bool{}
	for _, s := range b.services {
		sw := fmt.Sprintf("%s: Service %q", gatewayDir, s.Name)
		if len(s.Spec.Selector) == 0 || !labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(podLabels)) {
			p.addf("%s selects %v, not the gateway pods %v", sw, s.Spec.Selector, podLabels)
		}
		for _, sp := range s.Spec.Ports {
			for _, msg := range validation.IsValidPortName(sp.Name) {
				p.addf("%s port name %q: %s", sw, sp.Name, msg)
			}
			target := sp.TargetPort
			if target.Type == intstr.Int && target.IntVal == 0 {
				target = intstr.FromInt32(sp.Port)
			}
			port, ok := containerPort(c, target)
			if !ok {
				p.addf("%s port %q: targetPort %s is not a container port", sw, sp.Name, target.String())
				continue
			}
			served[port] = true
		}
	}
	for port, what := range exposed {
		if !served[port] {
			p.addf("%s: %s listens on %d but no Service exposes it", gatewayDir, what, port)
		}
	}

	if len(b.hpas) != 1 {
		p.addf("%s: want exactly one HorizontalPodAutoscaler, have %d", gatewayDir, len(b.hpas))
	}
	var minReplicas int32 = 1
	for _, h := range b.hpas {
		hw := fmt.Sprintf("%s: HorizontalPodAutoscaler %q", gatewayDir, h.Name)
		ref := h.Spec.ScaleTargetRef
		if ref.APIVersion != "apps/v1" || ref.Kind != "Deployment" || ref.Name != d.Name {
			p.addf("%s scales %q (%s %s), not Deployment %q", hw, ref.Name, ref.APIVersion, ref.Kind, d.Name)
		}
		if h.Spec.MinReplicas != nil {
			minReplicas = *h.Spec.MinReplicas
		}
		if minReplicas < 2 || h.Spec.MaxReplicas < minReplicas {
			p.addf("%s: want 2 <= minReplicas <= maxReplicas", hw)
		}
		cpu := slices.ContainsFunc(h.Spec.Metrics, func(m autoscalingv2.MetricSpec) bool {
			return m.Type == autoscalingv2.ResourceMetricSourceType && m.Resource != nil && m.Resource.Name == corev1.ResourceCPU
		})
		if !cpu {
			p.addf("%s: no CPU resource metric", hw)
		}
		if d.Spec.Replicas != nil {
			p.addf("%s: sets spec.replicas, which fights the HorizontalPodAutoscaler on every apply", where)
		}
	}

	if len(b.pdbs) != 1 {
		p.addf("%s: want exactly one PodDisruptionBudget, have %d", gatewayDir, len(b.pdbs))
	}
	for _, pdb := range b.pdbs {
		pw := fmt.Sprintf("%s: PodDisruptionBudget %q", gatewayDir, pdb.Name)
		selectorMatches(p, pw, pdb.Spec.Selector, podLabels)
		switch {
		case (pdb.Spec.MinAvailable == nil) == (pdb.Spec.MaxUnavailable == nil):
			p.addf("%s: set exactly one of minAvailable and maxUnavailable", pw)
		case pdb.Spec.MinAvailable != nil && pdb.Spec.MinAvailable.Type == intstr.Int && pdb.Spec.MinAvailable.IntVal >= minReplicas:
			p.addf("%s: minAvailable %d blocks every voluntary disruption at minReplicas %d", pw, pdb.Spec.MinAvailable.IntVal, minReplicas)
		}
	}
}

// checkChatHistory: the chat_trace globs are on a volume the collector mounts
// and another container of the pod writes.
func checkChatHistory(p *problems, where string, cfg collectorConfig, env []corev1.EnvVar, mounts []corev1.VolumeMount, others []corev1.Container) {
	includes := cfg.chatTraceIncludes()
	if len(includes) == 0 {
		p.addf("%s: config has no chat_trace include", where)
	}
	for _, glob := range includes {
		dir := path.Dir(expand(glob, envValue(env)))
		m := mountFor(mounts, dir)
		if m == nil {
			p.addf("%s: chat_trace reads %q, which is on no volume mount", where, dir)
			continue
		}
		shared := slices.ContainsFunc(others, func(o corev1.Container) bool {
			return slices.ContainsFunc(o.VolumeMounts, func(om corev1.VolumeMount) bool { return om.Name == m.Name && !om.ReadOnly })
		})
		if !shared {
			p.addf("%s: chat_trace reads volume %q, which no other container writes", where, m.Name)
		}
	}
}

// checkAppOTLP: an app's OTEL_EXPORTER_OTLP_ENDPOINT reaches a port the
// sidecar listens on.
func checkAppOTLP(p *problems, where string, cfg collectorConfig, apps []corev1.Container) {
	ls, _ := cfg.listeners()
	for _, a := range apps {
		for _, e := range a.Env {
			if e.Name != "OTEL_EXPORTER_OTLP_ENDPOINT" {
				continue
			}
			i := strings.LastIndex(e.Value, ":")
			port, err := strconv.ParseInt(strings.TrimSuffix(e.Value[i+1:], "/"), 10, 32)
			if i < 0 || err != nil || !slices.ContainsFunc(ls, func(l listener) bool { return l.port == int32(port) }) {
				p.addf("%s: container %q sends OTLP to %q, where the sidecar does not listen", where, a.Name, e.Value)
			}
		}
	}
}

func checkPlainSidecar(p *problems, files fileSet, dist distribution) {
	b := loadBundle(p, files, plainDir)
	if singleDeployment(p, b) < 0 {
		return
	}
	d := b.deployments[0]
	where := fmt.Sprintf("%s: Deployment %q", plainDir, d.Name)
	spec := &d.Spec.Template.Spec
	selectorMatches(p, where, d.Spec.Selector, d.Spec.Template.Labels)
	checkVolumeMounts(p, where, spec)
	c, isInit := findContainer(spec, collector)
	if c == nil {
		p.addf("%s: no container %q", where, collector)
		return
	}
	cw := where + " container " + collector
	if isInit && (c.RestartPolicy == nil || *c.RestartPolicy != corev1.ContainerRestartPolicyAlways) {
		p.addf("%s: an init container without restartPolicy: Always blocks the app forever", cw)
	}
	checkImage(p, cw, c.Image, dist)
	checkSecurity(p, cw, spec.SecurityContext, c.SecurityContext)
	checkGOMEMLIMIT(p, cw, c)
	cfg, ok := mountedConfig(p, cw, c, spec.Volumes, b.configMaps)
	if !ok {
		return
	}
	checkCollectorConfig(p, cw+" config", cfg, dist)
	checkEnv(p, cw, c.Env, cfg)
	checkStorage(p, cw, c.Env, c.VolumeMounts, spec.Volumes, cfg)
	checkProbes(p, cw, c, cfg, "liveness")
	checkFeatureGates(p, cw, c.Args, cfg)
	var apps []corev1.Container
	for _, o := range spec.Containers {
		if o.Name != collector {
			apps = append(apps, o)
		}
	}
	if len(apps) == 0 {
		p.addf("%s: no app container beside the collector", where)
	}
	checkChatHistory(p, cw, cfg, c.Env, c.VolumeMounts, apps)
	checkAppOTLP(p, where, cfg, apps)
}

func checkOperatorSidecar(p *problems, files fileSet, dist distribution) {
	b := loadBundle(p, files, operatorDir)
	if len(b.collectors) != 1 {
		p.addf("%s: want exactly one OpenTelemetryCollector, have %d", operatorDir, len(b.collectors))
		return
	}
	oc := b.collectors[0]
	where := fmt.Sprintf("%s: OpenTelemetryCollector %q", operatorDir, oc.Name)
	if oc.Spec.Mode != "sidecar" {
		p.addf("%s: spec.mode %q, want sidecar", where, oc.Spec.Mode)
	}
	checkImage(p, where, oc.Spec.Image, dist)
	checkSecurity(p, where, nil, oc.Spec.SecurityContext)
	if oc.Spec.Config == nil {
		p.addf("%s: no spec.config", where)
		return
	}
	cfg, err := configFromValue(oc.Spec.Config)
	if err != nil {
		p.addf("%s: spec.config: %v", where, err)
		return
	}
	if mapAt(cfg.m, "service", "pipelines") == nil {
		p.addf("%s: spec.config has no service.pipelines", where)
	}
	checkCollectorConfig(p, where+" spec.config", cfg, dist)
	if src, ok := files["config/sidecar.yaml"]; ok {
		want, err := parseCollectorConfig(src)
		if err != nil {
			p.addf("config/sidecar.yaml: %v", err)
		} else if d := firstDifference("", cfg.m, want.m); d != "" {
			p.addf("%s: spec.config differs from config/sidecar.yaml at %s (regenerate: go test ./deploy/ -run TestShippedConfigsInSync -update)", where, d)
		}
	}
	checkEnv(p, where, oc.Spec.Env, cfg)
	checkGOMEMLIMITLiteral(p, where, oc.Spec.Env, oc.Spec.Resources)
	var args []string // the Operator passes spec.args as --key=value
	for k, v := range oc.Spec.Args {
		args = append(args, "--"+k+"="+v)
	}
	checkFeatureGates(p, where, args, cfg)

	// The apps the operator injects into: the volumes the sidecar mounts come
	// from spec.volumes or from the app's pod, and must not clash.
	injected := 0
	for _, d := range b.deployments {
		dw := fmt.Sprintf("%s: Deployment %q", operatorDir, d.Name)
		selectorMatches(p, dw, d.Spec.Selector, d.Spec.Template.Labels)
		v := d.Spec.Template.Annotations[injectKey]
		if v != oc.Name && v != "true" {
			continue
		}
		injected++
		spec := d.Spec.Template.Spec
		checkVolumeMounts(p, dw, &spec)
		for _, cv := range oc.Spec.Volumes {
			if volumeNamed(spec.Volumes, cv.Name) != nil {
				p.addf("%s and %s both define volume %q: the injected pod is invalid", dw, where, cv.Name)
			}
		}
		vols := append(slices.Clone(spec.Volumes), oc.Spec.Volumes...)
		for _, m := range oc.Spec.VolumeMounts {
			if volumeNamed(vols, m.Name) == nil {
				p.addf("%s: volumeMount %q has no volume in spec.volumes or in %s", where, m.Name, dw)
			}
		}
		checkStorage(p, where, oc.Spec.Env, oc.Spec.VolumeMounts, vols, cfg)
		checkChatHistory(p, where, cfg, oc.Spec.Env, oc.Spec.VolumeMounts, spec.Containers)
		checkAppOTLP(p, dw, cfg, spec.Containers)
	}
	if injected == 0 {
		p.addf("%s: no Deployment is annotated %s: %s", operatorDir, injectKey, oc.Name)
	}
}

// checkGOMEMLIMITLiteral: a fixed GOMEMLIMIT ("<n>MiB") is 70-95% of the
// memory limit (the operator's CR has no resourceFieldRef to the container).
func checkGOMEMLIMITLiteral(p *problems, where string, env []corev1.EnvVar, res corev1.ResourceRequirements) {
	limit, ok := res.Limits[corev1.ResourceMemory]
	v, set := envValue(env)["GOMEMLIMIT"]
	mib, err := strconv.ParseInt(strings.TrimSuffix(v, "MiB"), 10, 64)
	if !ok || !set || !strings.HasSuffix(v, "MiB") || err != nil {
		p.addf("%s: want a memory limit and GOMEMLIMIT=<n>MiB", where)
		return
	}
	if f := float64(mib<<20) / float64(limit.Value()); f < 0.7 || f > 0.95 {
		p.addf("%s: GOMEMLIMIT is %.0f%% of the memory limit, want 70-95%%", where, f*100)
	}
}
