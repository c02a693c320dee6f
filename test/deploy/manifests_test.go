// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package deploy_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	sigsjson "sigs.k8s.io/json"
	sigsyaml "sigs.k8s.io/yaml"
)

// This file decodes the manifests strictly into the Kubernetes API types
// (k8s.io/api: an unknown or misspelled field is an error, as it is for
// `kubectl apply --validate=strict`) and checks what the API server does not:
// that the objects fit together and fit the collector config they run.

// repoRoot is the repository root, relative to this package.
const repoRoot = "../.."

const imageRepository = "ghcr.io/otelcol-llm/otelcol-llm"

// The image runs as this user (Dockerfile: USER 65532:65532).
const imageUID = 65532

// decodeStrict decodes YAML the way the API server does with
// fieldValidation=Strict: duplicate keys, unknown fields and fields in the
// wrong case are errors (encoding/json alone matches field names
// case-insensitively).
func decodeStrict(doc []byte, obj any) error {
	j, err := sigsyaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	strictErrs, err := sigsjson.UnmarshalStrict(j, obj)
	if err != nil {
		return err
	}
	return errors.Join(strictErrs...)
}

// parseYAML decodes YAML into untyped values, integers as int64, rejecting
// duplicate keys; every parse in these tests uses it, so values compare.
func parseYAML(doc []byte, v any) error {
	j, err := sigsyaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	return sigsjson.UnmarshalCaseSensitivePreserveInts(j, v)
}

// problems collects every failed check, so one run reports them all.
type problems []string

func (p *problems) addf(format string, args ...any) {
	*p = append(*p, fmt.Sprintf(format, args...))
}

// fileSet is the repository files the checks read, keyed by path from the
// repository root; the mutation test edits a copy in memory.
type fileSet map[string][]byte

func (f fileSet) clone() fileSet {
	out := make(fileSet, len(f))
	for k, v := range f {
		out[k] = slices.Clone(v)
	}
	return out
}

// loadFiles reads deploy/ and the files the manifests must agree with.
func loadFiles() (fileSet, error) {
	files := fileSet{}
	deployDir := filepath.Join(repoRoot, "deploy")
	err := filepath.WalkDir(deployDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(deployDir, p)
		files[path.Join("deploy", filepath.ToSlash(rel))] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range []string{"builder-config.yaml", "Dockerfile", "config/gateway.yaml", "config/sidecar.yaml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, p))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return nil, err
		}
		files[p] = b
	}
	return files, nil
}

// otelCollector is the part of the OpenTelemetry Operator's
// opentelemetry.io/v1beta1 OpenTelemetryCollector we use; decoding is strict,
// so a field outside it (or misspelled) fails. Its Go types live in the
// operator's module, which we do not depend on.
type otelCollector struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Mode            string                      `json:"mode"`
		Image           string                      `json:"image"`
		Args            map[string]string           `json:"args,omitempty"`
		UpgradeStrategy string                      `json:"upgradeStrategy,omitempty"`
		Env             []corev1.EnvVar             `json:"env,omitempty"`
		Resources       corev1.ResourceRequirements `json:"resources,omitempty"`
		SecurityContext *corev1.SecurityContext     `json:"securityContext,omitempty"`
		Volumes         []corev1.Volume             `json:"volumes,omitempty"`
		VolumeMounts    []corev1.VolumeMount        `json:"volumeMounts,omitempty"`
		Config          map[string]any              `json:"config"`
	} `json:"spec"`
}

// kustomization is the part of kustomize's Kustomization we use.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Namespace  string   `json:"namespace,omitempty"`
	Resources  []string `json:"resources"`
	Images     []struct {
		Name    string `json:"name"`
		NewName string `json:"newName,omitempty"`
		NewTag  string `json:"newTag,omitempty"`
		Digest  string `json:"digest,omitempty"`
	} `json:"images,omitempty"`
}

// bundle is the objects of one kustomization directory.
type bundle struct {
	dir             string
	kustomization   *kustomization
	deployments     []*appsv1.Deployment
	services        []*corev1.Service
	configMaps      map[string]*corev1.ConfigMap
	serviceAccounts map[string]*corev1.ServiceAccount
	hpas            []*autoscalingv2.HorizontalPodAutoscaler
	pdbs            []*policyv1.PodDisruptionBudget
	pods            []*corev1.Pod
	collectors      []*otelCollector
}

func splitDocuments(b []byte) ([][]byte, error) {
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(b)))
	var docs [][]byte
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		var probe map[string]any
		if err := parseYAML(doc, &probe); err != nil {
			return nil, err
		}
		if len(probe) > 0 { // skip comment-only documents
			docs = append(docs, doc)
		}
	}
}

// loadBundle strictly decodes every manifest directly inside dir.
func loadBundle(p *problems, files fileSet, dir string) *bundle {
	b := &bundle{dir: dir, configMaps: map[string]*corev1.ConfigMap{}, serviceAccounts: map[string]*corev1.ServiceAccount{}}
	var names []string
	for name := range files {
		if path.Dir(name) == dir && strings.HasSuffix(name, ".yaml") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		p.addf("%s: no manifests", dir)
		return b
	}
	for _, name := range names {
		if path.Base(name) == "kustomization.yaml" {
			var k kustomization
			if err := decodeStrict(files[name], &k); err != nil {
				p.addf("%s: %v", name, err)
				continue
			}
			b.kustomization = &k
			continue
		}
		docs, err := splitDocuments(files[name])
		if err != nil {
			p.addf("%s: %v", name, err)
			continue
		}
		for i, doc := range docs {
			where := fmt.Sprintf("%s[%d]", name, i)
			var tm metav1.TypeMeta
			if err := parseYAML(doc, &tm); err != nil {
				p.addf("%s: %v", where, err)
				continue
			}
			var obj any
			switch tm.APIVersion + " " + tm.Kind {
			case "apps/v1 Deployment":
				o := &appsv1.Deployment{}
				b.deployments, obj = append(b.deployments, o), o
			case "v1 Service":
				o := &corev1.Service{}
				b.services, obj = append(b.services, o), o
			case "v1 ConfigMap":
				obj = &corev1.ConfigMap{}
			case "v1 ServiceAccount":
				obj = &corev1.ServiceAccount{}
			case "v1 Pod":
				o := &corev1.Pod{}
				b.pods, obj = append(b.pods, o), o
			case "autoscaling/v2 HorizontalPodAutoscaler":
				o := &autoscalingv2.HorizontalPodAutoscaler{}
				b.hpas, obj = append(b.hpas, o), o
			case "policy/v1 PodDisruptionBudget":
				o := &policyv1.PodDisruptionBudget{}
				b.pdbs, obj = append(b.pdbs, o), o
			case "opentelemetry.io/v1beta1 OpenTelemetryCollector":
				o := &otelCollector{}
				b.collectors, obj = append(b.collectors, o), o
			default:
				p.addf("%s: unexpected apiVersion %q kind %q", where, tm.APIVersion, tm.Kind)
				continue
			}
			if err := decodeStrict(doc, obj); err != nil {
				p.addf("%s: %s: %v", where, tm.Kind, err)
				continue
			}
			meta := obj.(metav1.Object)
			for _, msg := range validation.IsDNS1123Subdomain(meta.GetName()) {
				p.addf("%s: %s metadata.name %q: %s", where, tm.Kind, meta.GetName(), msg)
			}
			if meta.GetNamespace() != "" {
				p.addf("%s: %s %q sets metadata.namespace: manifests are namespace-agnostic", where, tm.Kind, meta.GetName())
			}
			switch o := obj.(type) {
			case *corev1.ConfigMap:
				b.configMaps[o.Name] = o
			case *corev1.ServiceAccount:
				b.serviceAccounts[o.Name] = o
			}
		}
	}
	checkKustomization(p, files, b, names)
	return b
}

// checkKustomization: every manifest in the directory is listed (and every
// listed file exists), and an image override keeps our image and version.
func checkKustomization(p *problems, files fileSet, b *bundle, names []string) {
	k := b.kustomization
	if k == nil {
		p.addf("%s: no kustomization.yaml", b.dir)
		return
	}
	if k.APIVersion != "kustomize.config.k8s.io/v1beta1" || k.Kind != "Kustomization" {
		p.addf("%s/kustomization.yaml: apiVersion/kind %q/%q", b.dir, k.APIVersion, k.Kind)
	}
	if k.Namespace != "" {
		p.addf("%s/kustomization.yaml: sets namespace %q: manifests are namespace-agnostic", b.dir, k.Namespace)
	}
	for _, r := range k.Resources {
		if _, ok := files[path.Join(b.dir, r)]; !ok {
			p.addf("%s/kustomization.yaml: resource %q does not exist", b.dir, r)
		}
	}
	for _, name := range names {
		if base := path.Base(name); base != "kustomization.yaml" && !slices.Contains(k.Resources, base) {
			p.addf("%s/kustomization.yaml: %s is not listed in resources", b.dir, base)
		}
	}
	for _, img := range k.Images {
		if img.Name != imageRepository || (img.NewName != "" && img.NewName != imageRepository) {
			p.addf("%s/kustomization.yaml: images entry %q is not our image %q", b.dir, img.Name, imageRepository)
		}
	}
}

// checkImage: our repository, tagged with the distribution's version.
func checkImage(p *problems, where, image string, dist distribution) {
	repo, tag, _ := strings.Cut(image, ":")
	if repo != imageRepository || tag != dist.version {
		p.addf("%s: image %q, want %s:%s (builder-config.yaml dist.version)", where, image, imageRepository, dist.version)
	}
}

// checkSecurity: non-root as the image's user, read-only root file system,
// no privilege escalation, no capabilities.
func checkSecurity(p *problems, where string, pod *corev1.PodSecurityContext, c *corev1.SecurityContext) {
	var nonRoot *bool
	var uid *int64
	if pod != nil {
		nonRoot, uid = pod.RunAsNonRoot, pod.RunAsUser
	}
	if c == nil {
		p.addf("%s: no securityContext", where)
		return
	}
	if c.RunAsNonRoot != nil {
		nonRoot = c.RunAsNonRoot
	}
	if c.RunAsUser != nil {
		uid = c.RunAsUser
	}
	if nonRoot == nil || !*nonRoot {
		p.addf("%s: runAsNonRoot is not true", where)
	}
	if uid == nil || *uid != imageUID {
		p.addf("%s: runAsUser is not %d (the image's user)", where, imageUID)
	}
	if c.ReadOnlyRootFilesystem == nil || !*c.ReadOnlyRootFilesystem {
		p.addf("%s: readOnlyRootFilesystem is not true", where)
	}
	if c.AllowPrivilegeEscalation == nil || *c.AllowPrivilegeEscalation {
		p.addf("%s: allowPrivilegeEscalation is not false", where)
	}
	if c.Capabilities == nil || !slices.Contains(c.Capabilities.Drop, "ALL") || len(c.Capabilities.Add) > 0 {
		p.addf("%s: capabilities must drop ALL and add none", where)
	}
}

// checkEnv: every ${env:NAME} the config needs without a default is set, a
// config that binds OTELCOL_LISTEN_HOST gets the pod IP or 0.0.0.0 there,
// and no container moves a port through a *_PORT variable (the checks of
// probes and Services read the configs' default ports).
func checkEnv(p *problems, where string, env []corev1.EnvVar, cfg collectorConfig) {
	declared := map[string]corev1.EnvVar{}
	for _, e := range env {
		declared[e.Name] = e
		if strings.HasSuffix(e.Name, "_PORT") && strings.Contains(cfg.raw, "${env:"+e.Name+":-") {
			p.addf("%s: sets %s; change the port in the config instead, so probes and Services can be checked against it", where, e.Name)
		}
	}
	for _, name := range cfg.requiredEnv() {
		if _, ok := declared[name]; !ok {
			p.addf("%s: config requires ${env:%s} but the container does not set it", where, name)
		}
	}
	ls, err := cfg.listeners()
	if err != nil {
		p.addf("%s: %v", where, err)
	}
	for _, l := range ls {
		if !strings.Contains(l.host, "OTELCOL_LISTEN_HOST") {
			continue
		}
		e, ok := declared["OTELCOL_LISTEN_HOST"]
		podIP := ok && e.ValueFrom != nil && e.ValueFrom.FieldRef != nil && e.ValueFrom.FieldRef.FieldPath == "status.podIP"
		if !podIP && (!ok || e.Value != "0.0.0.0") {
			p.addf("%s: %s binds ${env:OTELCOL_LISTEN_HOST}: set it from status.podIP (or 0.0.0.0), or it stays on localhost", where, l.what)
		}
		break
	}
}

// checkGOMEMLIMIT: GOMEMLIMIT follows the container's memory limit, through
// a resourceFieldRef, at 70-95% of it.
func checkGOMEMLIMIT(p *problems, where string, c *corev1.Container) {
	idx := slices.IndexFunc(c.Env, func(e corev1.EnvVar) bool { return e.Name == "GOMEMLIMIT" })
	if idx < 0 {
		p.addf("%s: no GOMEMLIMIT", where)
		return
	}
	if _, ok := c.Resources.Limits[corev1.ResourceMemory]; !ok {
		p.addf("%s: GOMEMLIMIT without a memory limit", where)
	}
	gml := c.Env[idx]
	ref := gml.ValueFrom
	fraction := 1.0
	if m := regexp.MustCompile(`^\$\(([A-Za-z_][A-Za-z0-9_]*)\)MiB$`).FindStringSubmatch(gml.Value); m != nil {
		// $(VAR) expands only variables defined earlier in the list.
		j := slices.IndexFunc(c.Env[:idx], func(e corev1.EnvVar) bool { return e.Name == m[1] })
		if j < 0 {
			p.addf("%s: GOMEMLIMIT references $(%s), which is not defined before it", where, m[1])
			return
		}
		ref = c.Env[j].ValueFrom
		if ref != nil && ref.ResourceFieldRef != nil {
			if ref.ResourceFieldRef.Divisor.IsZero() {
				p.addf("%s: $(%s) needs a divisor to be counted in MiB", where, m[1])
				return
			}
			mib := resource.MustParse("1Mi")
			fraction = float64(mib.Value()) / float64(ref.ResourceFieldRef.Divisor.Value())
		}
	}
	if ref == nil || ref.ResourceFieldRef == nil || ref.ResourceFieldRef.Resource != "limits.memory" {
		p.addf("%s: GOMEMLIMIT must derive from limits.memory through a resourceFieldRef", where)
		return
	}
	if n := ref.ResourceFieldRef.ContainerName; n != "" && n != c.Name {
		p.addf("%s: GOMEMLIMIT follows container %q's limit, not its own", where, n)
	}
	if fraction < 0.7 || fraction > 0.95 {
		p.addf("%s: GOMEMLIMIT is %.0f%% of the memory limit, want 70-95%%", where, fraction*100)
	}
}

func mountFor(mounts []corev1.VolumeMount, file string) *corev1.VolumeMount {
	var best *corev1.VolumeMount
	for i := range mounts {
		m := &mounts[i]
		if (file == m.MountPath || strings.HasPrefix(file, strings.TrimSuffix(m.MountPath, "/")+"/")) &&
			(best == nil || len(m.MountPath) > len(best.MountPath)) {
			best = m
		}
	}
	return best
}

func volumeNamed(vols []corev1.Volume, name string) *corev1.Volume {
	for i := range vols {
		if vols[i].Name == name {
			return &vols[i]
		}
	}
	return nil
}

func envValue(env []corev1.EnvVar) map[string]string {
	out := map[string]string{}
	for _, e := range env {
		if e.ValueFrom == nil {
			out[e.Name] = e.Value
		}
	}
	return out
}

// checkStorage: file_storage's directory is on a writable volume (the root
// file system is read-only) with a size bound.
func checkStorage(p *problems, where string, env []corev1.EnvVar, mounts []corev1.VolumeMount, vols []corev1.Volume, cfg collectorConfig) {
	dir, ok := cfg.storageDirectory()
	if !ok {
		p.addf("%s: config has no file_storage directory", where)
		return
	}
	dir = expand(dir, envValue(env))
	m := mountFor(mounts, dir)
	if m == nil || m.ReadOnly {
		p.addf("%s: file_storage directory %q is not on a writable volume mount", where, dir)
		return
	}
	v := volumeNamed(vols, m.Name)
	switch {
	case v == nil:
		p.addf("%s: volume %q for file_storage is not defined", where, m.Name)
	case v.EmptyDir != nil && v.EmptyDir.SizeLimit == nil:
		p.addf("%s: emptyDir %q for file_storage has no sizeLimit", where, v.Name)
	case v.EmptyDir == nil && v.PersistentVolumeClaim == nil && v.Ephemeral == nil:
		p.addf("%s: volume %q for file_storage is neither an emptyDir nor a PersistentVolumeClaim", where, v.Name)
	case v.EmptyDir != nil:
		checkDiskGuard(p, where, env, v, cfg)
	}
}

// checkDiskGuard: on an emptyDir, whose sizeLimit the filesystem's free
// space does not show, disk_guard must refuse data (max_used_mib) before the
// kubelet evicts the pod for exceeding sizeLimit, with at least min_free_mib
// to spare for the queues to drain.
func checkDiskGuard(p *problems, where string, env []corev1.EnvVar, v *corev1.Volume, cfg collectorConfig) {
	for id, raw := range mapAt(cfg.m, "processors") {
		if componentType(id) != "disk_guard" {
			continue
		}
		m, _ := raw.(map[string]any)
		value := func(key string) int64 {
			n, err := strconv.ParseInt(expand(fmt.Sprint(m[key]), envValue(env)), 10, 64)
			if err != nil {
				return 0
			}
			return n
		}
		maxUsed, minFree := value("max_used_mib")<<20, value("min_free_mib")<<20
		limit := v.EmptyDir.SizeLimit.Value()
		switch {
		case maxUsed == 0:
			p.addf("%s: processors.%s has no max_used_mib (set OTELCOL_STORAGE_MAX_USED_MIB) on emptyDir %q: its sizeLimit is invisible to the free-space check", where, id, v.Name)
		case maxUsed+minFree > limit:
			p.addf("%s: processors.%s refuses at %d MiB used, which with min_free_mib %d MiB leaves no room under emptyDir %q's sizeLimit of %d MiB", where, id, maxUsed>>20, minFree>>20, v.Name, limit>>20)
		}
		return
	}
	p.addf("%s: the config has no disk_guard for its file_storage on emptyDir %q", where, v.Name)
}

// configArg is the path after --config.
func configArg(args []string) string {
	for i, a := range args {
		if a == "--config" && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, "--config="); ok {
			return v
		}
	}
	return ""
}

// mountedConfig resolves the container's --config file to a ConfigMap key.
func mountedConfig(p *problems, where string, c *corev1.Container, vols []corev1.Volume, cms map[string]*corev1.ConfigMap) (collectorConfig, bool) {
	file := configArg(c.Args)
	if file == "" {
		p.addf("%s: no --config argument", where)
		return collectorConfig{}, false
	}
	m := mountFor(c.VolumeMounts, file)
	if m == nil {
		p.addf("%s: --config %q is not on a volume mount", where, file)
		return collectorConfig{}, false
	}
	v := volumeNamed(vols, m.Name)
	if v == nil || v.ConfigMap == nil {
		p.addf("%s: --config %q: volume %q is not a ConfigMap volume", where, file, m.Name)
		return collectorConfig{}, false
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(file, m.MountPath), "/")
	key := rel
	if len(v.ConfigMap.Items) > 0 {
		key = ""
		for _, it := range v.ConfigMap.Items {
			if it.Path == rel {
				key = it.Key
			}
		}
	}
	cm := cms[v.ConfigMap.Name]
	if cm == nil {
		p.addf("%s: ConfigMap %q is not in the kustomization", where, v.ConfigMap.Name)
		return collectorConfig{}, false
	}
	data, ok := cm.Data[key]
	if !ok || key == "" {
		p.addf("%s: --config %q: ConfigMap %q has no key for it", where, file, cm.Name)
		return collectorConfig{}, false
	}
	cfg, err := parseCollectorConfig([]byte(data))
	if err != nil {
		p.addf("%s: ConfigMap %q key %q: %v", where, cm.Name, key, err)
		return collectorConfig{}, false
	}
	return cfg, true
}

func containerPort(c *corev1.Container, port intstr.IntOrString) (int32, bool) {
	for _, cp := range c.Ports {
		if (port.Type == intstr.String && cp.Name == port.StrVal) || (port.Type == intstr.Int && cp.ContainerPort == port.IntVal) {
			return cp.ContainerPort, true
		}
	}
	return 0, false
}

// checkProbes: every probe is an HTTP GET on a declared port: liveness and
// startup on the health_check extension's, readiness on health_check/ready's
// where the config has one.
func checkProbes(p *problems, where string, c *corev1.Container, cfg collectorConfig, required ...string) {
	live, ready, ok := cfg.probePorts()
	if !ok {
		p.addf("%s: config has no health_check endpoint for the probes", where)
		return
	}
	probes := map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe}
	want := map[string]int32{"liveness": live, "startup": live, "readiness": ready}
	for _, name := range required {
		if probes[name] == nil {
			p.addf("%s: no %sProbe", where, name)
		}
	}
	for name, pr := range probes {
		if pr == nil {
			continue
		}
		if pr.HTTPGet == nil {
			p.addf("%s: %sProbe is not an httpGet", where, name)
			continue
		}
		port, ok := containerPort(c, pr.HTTPGet.Port)
		switch {
		case !ok:
			p.addf("%s: %sProbe port %s is not a declared container port", where, name, pr.HTTPGet.Port.String())
		case port != want[name] && name == "readiness":
			p.addf("%s: readinessProbe port %d is not health_check/ready's %d", where, port, want[name])
		case port != want[name]:
			p.addf("%s: %sProbe port %d is not health_check's %d", where, name, port, want[name])
		}
	}
}

func selectorMatches(p *problems, where string, sel *metav1.LabelSelector, podLabels map[string]string) {
	if sel == nil || (len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0) {
		p.addf("%s: empty selector", where)
		return
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		p.addf("%s: %v", where, err)
		return
	}
	if !s.Matches(labels.Set(podLabels)) {
		p.addf("%s: selector %s does not match the pod template labels %v", where, s, podLabels)
	}
}

func findContainer(spec *corev1.PodSpec, name string) (*corev1.Container, bool) {
	for i := range spec.Containers {
		if spec.Containers[i].Name == name {
			return &spec.Containers[i], false
		}
	}
	for i := range spec.InitContainers {
		if spec.InitContainers[i].Name == name {
			return &spec.InitContainers[i], true
		}
	}
	return nil, false
}

// checkVolumeMounts: every mount names a volume of the pod (and every port
// name is one the API server accepts).
func checkVolumeMounts(p *problems, where string, spec *corev1.PodSpec) {
	for _, cs := range [][]corev1.Container{spec.InitContainers, spec.Containers} {
		for _, c := range cs {
			for _, cp := range c.Ports {
				for _, msg := range validation.IsValidPortName(cp.Name) {
					p.addf("%s: container %q port name %q: %s", where, c.Name, cp.Name, msg)
				}
			}
			for _, m := range c.VolumeMounts {
				if volumeNamed(spec.Volumes, m.Name) == nil {
					p.addf("%s: container %q mounts undefined volume %q", where, c.Name, m.Name)
				}
			}
		}
	}
}
