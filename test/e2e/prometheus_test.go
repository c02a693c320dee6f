// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// prometheusServer is a real Prometheus (`make backends` builds it from the
// Go module proxy) on 127.0.0.1, with its own temporary data directory.
type prometheusServer struct {
	t    *testing.T
	addr string
}

// startPrometheus runs prometheus with the shipped config/prometheus/
// prometheus.yml, rewritten only where a test must: scrape targets (the
// gateway's LLM metrics, and each tier's own metrics keeping the shipped
// `tier` labels), 1 s scrape and evaluation intervals, and absolute
// rule-file paths.
func startPrometheus(t *testing.T, llmTarget string, internalTargets map[string]string) *prometheusServer {
	t.Helper()
	bin := toolPath(t, "PROMETHEUS_BIN", filepath.Join(repoRoot, "_build", "tools", "prometheus"), "make backends")
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "config", "prometheus", "prometheus.yml"))
	require.NoError(t, err)
	var cfg map[string]any
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	cfg["global"] = map[string]any{"scrape_interval": "1s", "evaluation_interval": "1s"}
	cfg["rule_files"] = []string{evaluatedEverySecond(t, dir)}
	jobs, ok := cfg["scrape_configs"].([]any)
	require.True(t, ok, "scrape_configs")
	for _, j := range jobs {
		job := j.(map[string]any)
		statics, ok := job["static_configs"].([]any)
		require.True(t, ok, "job %v: static_configs", job["job_name"])
		switch job["job_name"] {
		case "otelcol-llm":
			job["static_configs"] = []any{map[string]any{"targets": []string{llmTarget}}}
		case "otelcol-llm-internal":
			// One static config per tier in the shipped file: point each at
			// that tier's collector in this test.
			for _, sc := range statics {
				st := sc.(map[string]any)
				tier, _ := st["labels"].(map[string]any)["tier"].(string)
				target, ok := internalTargets[tier]
				require.True(t, ok, "no collector for tier %q", tier)
				st["targets"] = []string{target}
			}
		default:
			t.Fatalf("unexpected scrape job %v", job["job_name"])
		}
	}
	out, err := yaml.Marshal(cfg)
	require.NoError(t, err)
	cfgPath := filepath.Join(dir, "prometheus.yml")
	require.NoError(t, os.WriteFile(cfgPath, out, 0o600))

	addr, err := harness.FreeAddr()
	require.NoError(t, err)
	p := &prometheusServer{t: t, addr: addr}
	proc, err := harness.Start(harness.ProcessOptions{Bin: bin, Args: []string{
		"--config.file=" + cfgPath,
		"--storage.tsdb.path=" + filepath.Join(dir, "data"),
		"--web.listen-address=" + p.addr,
		"--web.enable-lifecycle",
		// As the README asks: exemplars link latency and scores to traces.
		"--enable-feature=exemplar-storage",
	}})
	require.NoError(t, err)
	t.Cleanup(func() {
		proc.Stop(syscall.SIGTERM, 20*time.Second)
		if t.Failed() {
			t.Logf("prometheus output:\n%s", proc.Output())
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	require.NoError(t, proc.WaitHTTP(ctx, "http://"+p.addr+"/-/ready"), proc.Output())
	return p
}

// evaluatedEverySecond copies the shipped rule files into dir without the
// groups' own evaluation intervals (the budget groups run every minute), so
// every rule follows the test's 1 s evaluation; it returns their glob.
func evaluatedEverySecond(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "config", "prometheus", "rules", "*.yml"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "rules"), 0o700))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var rf map[string]any
		require.NoError(t, yaml.Unmarshal(raw, &rf))
		for _, g := range rf["groups"].([]any) {
			delete(g.(map[string]any), "interval")
		}
		out, err := yaml.Marshal(rf)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "rules", filepath.Base(f)), out, 0o600))
	}
	return filepath.Join(dir, "rules", "*.yml")
}

// exemplars returns the trace ids of the exemplars Prometheus holds for
// the series of expr (a selector) over the last 10 minutes.
func (p *prometheusServer) exemplars(expr string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	now := time.Now()
	u := "http://" + p.addr + "/api/v1/query_exemplars?" + url.Values{
		"query": {expr}, "start": {strconv.FormatInt(now.Add(-10*time.Minute).Unix(), 10)}, "end": {strconv.FormatInt(now.Unix(), 10)},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, http.NoBody)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   []struct {
			Exemplars []struct {
				Labels map[string]string `json:"labels"`
			} `json:"exemplars"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	if body.Status != "success" {
		return nil, fmt.Errorf("exemplars %q: %s", expr, body.Error)
	}
	var ids []string
	for _, s := range body.Data {
		for _, e := range s.Exemplars {
			ids = append(ids, e.Labels["trace_id"])
		}
	}
	return ids, nil
}

// promResult is the data part of a Prometheus instant-query answer.
type promResult struct {
	ResultType string `json:"resultType"`
	Result     []struct {
		Metric map[string]string `json:"metric"`
		Value  [2]any            `json:"value"`
	} `json:"result"`
}

// query runs an instant query; an invalid expression is an error.
func (p *prometheusServer) query(expr string) (promResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := "http://" + p.addr + "/api/v1/query?" + url.Values{"query": {expr}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, http.NoBody)
	if err != nil {
		return promResult{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return promResult{}, err
	}
	defer resp.Body.Close()
	var body struct {
		Status string     `json:"status"`
		Error  string     `json:"error"`
		Data   promResult `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return promResult{}, err
	}
	if body.Status != "success" {
		return promResult{}, fmt.Errorf("query %q: %s", expr, body.Error)
	}
	return body.Data, nil
}

// scalar runs expr and returns the single value it yields.
func (p *prometheusServer) scalar(expr string) (float64, error) {
	r, err := p.query(expr)
	if err != nil {
		return 0, err
	}
	if len(r.Result) != 1 {
		return 0, fmt.Errorf("query %q: %d series, want 1", expr, len(r.Result))
	}
	s, ok := r.Result[0].Value[1].(string)
	if !ok {
		return 0, fmt.Errorf("query %q: bad value %v", expr, r.Result[0].Value)
	}
	return strconv.ParseFloat(s, 64)
}

// eventuallyScalar polls expr until check accepts its value or 60 s pass.
func (p *prometheusServer) eventuallyScalar(expr string, check func(float64) bool) float64 {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var v float64
	var err error
	for time.Now().Before(deadline) {
		v, err = p.scalar(expr)
		if err == nil && check(v) {
			return v
		}
		time.Sleep(500 * time.Millisecond)
	}
	p.t.Fatalf("prometheus: %q never satisfied the check within 60s (last value %v, error %v)", expr, v, err)
	return 0
}
