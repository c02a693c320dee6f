// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/status"
)

// repoRoot is the repository root, relative to this package.
const repoRoot = "../.."

// binaryPath returns the collector binary under test, skipping the test when
// it is missing and OTELCOL_LLM_E2E is not set.
func binaryPath(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("OTELCOL_LLM_BIN")
	if bin == "" {
		bin = filepath.Join(repoRoot, "_build", "otelcol-llm")
	}
	abs, err := filepath.Abs(bin)
	require.NoError(t, err)
	if _, err := os.Stat(abs); err != nil {
		if os.Getenv("OTELCOL_LLM_E2E") == "1" {
			t.Fatalf("collector binary %q not found (run `make build`): %v", abs, err)
		}
		t.Skipf("collector binary %q not found; run `make build` or `make test`", abs)
	}
	return abs
}

// collector is one running otelcol-llm process.
type collector struct {
	t      *testing.T
	cmd    *exec.Cmd
	mu     sync.Mutex
	output bytes.Buffer
	done   chan struct{}
}

// lockedWriter lets the process write its output while tests read it.
type lockedWriter struct{ c *collector }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	return w.c.output.Write(p)
}

// startCollector runs the binary with the given arguments and extra
// environment, and stops it when the test ends. It
// fails the test at once when one of the ports is already taken, so a stray
// process is not mistaken for the collector under test.
func startCollector(t *testing.T, env []string, ports []int, args ...string) *collector {
	t.Helper()
	for _, p := range ports {
		requirePortFree(t, p)
	}
	bin := binaryPath(t)
	c := &collector{t: t, done: make(chan struct{})}
	c.cmd = exec.Command(bin, args...)
	// From the repository root, as `make run` does (config/default.yaml
	// reads examples/ by a relative path).
	c.cmd.Dir = repoRoot
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stdout = lockedWriter{c}
	c.cmd.Stderr = lockedWriter{c}
	require.NoError(t, c.cmd.Start())
	go func() {
		_ = c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		c.stop(syscall.SIGTERM)
		if t.Failed() {
			t.Logf("collector output:\n%s", c.Output())
		}
	})
	return c
}

// stop sends sig and waits up to 20 s for the process to exit, then kills it.
func (c *collector) stop(sig syscall.Signal) {
	select {
	case <-c.done:
		return
	default:
	}
	_ = c.cmd.Process.Signal(sig)
	select {
	case <-c.done:
	case <-time.After(20 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

// Output returns everything the process has written so far.
func (c *collector) Output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.output.String()
}

// waitHealthy polls the health_check endpoint until it answers 200.
func (c *collector) waitHealthy(url string) {
	c.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-c.done:
			c.t.Fatalf("collector exited before becoming healthy:\n%s", c.Output())
		default:
		}
		resp, err := http.Get(url) //nolint:noctx // test helper
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	c.t.Fatalf("collector not healthy at %s after 60s:\n%s", url, c.Output())
}

func requirePortFree(t *testing.T, port int) {
	t.Helper()
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatalf("port %d is in use; stop whatever listens there before running the e2e tests: %v", port, err)
	}
	require.NoError(t, l.Close())
}

// scrape fetches a Prometheus text endpoint and parses it.
func scrape(ctx context.Context, url string) (map[string]*dto.MetricFamily, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/plain;version=0.0.4")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	return p.TextToMetricFamilies(resp.Body)
}

// sumSamples adds (histograms: their sample counts; family names as parsed: counters without the _total
// suffix their samples carry) the values of every sample of family name whose labels
// include all of want.
func sumSamples(families map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	mf, ok := families[name]
	if !ok {
		return 0
	}
	var sum float64
	for _, m := range mf.GetMetric() {
		if !hasLabels(m, want) {
			continue
		}
		switch {
		case m.GetCounter() != nil:
			sum += m.GetCounter().GetValue()
		case m.GetGauge() != nil:
			sum += m.GetGauge().GetValue()
		case m.GetUntyped() != nil:
			sum += m.GetUntyped().GetValue()
		case m.GetHistogram() != nil:
			sum += float64(m.GetHistogram().GetSampleCount())
		}
	}
	return sum
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	for k, v := range want {
		found := false
		for _, l := range m.GetLabel() {
			if l.GetName() == k && l.GetValue() == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// eventually polls the metrics endpoint until cond holds or 45 s pass (the
// connector flushes every 15 s).
func eventually(t *testing.T, url string, what string, cond func(map[string]*dto.MetricFamily) bool) map[string]*dto.MetricFamily {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	var last map[string]*dto.MetricFamily
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		last, lastErr = scrape(ctx, url)
		cancel()
		if lastErr == nil && cond(last) {
			return last
		}
		time.Sleep(250 * time.Millisecond)
	}
	names := make([]string, 0, len(last))
	for n := range last {
		names = append(names, n)
	}
	t.Fatalf("%s: condition not met at %s within 45s (last error: %v; families: %s)", what, url, lastErr, strings.Join(names, ", "))
	return nil
}

// grpcCode names the gRPC status code of err ("Unavailable", ...).
func grpcCode(err error) string {
	return status.Code(err).String()
}
