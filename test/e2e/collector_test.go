// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/status"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// repoRoot is the repository root, relative to this package.
const repoRoot = "../.."

// binaryPath returns the collector binary under test, skipping the test when
// it is missing and OTELCOL_LLM_E2E is not set.
func binaryPath(t *testing.T) string {
	t.Helper()
	return toolPath(t, "OTELCOL_LLM_BIN", filepath.Join(repoRoot, "_build", "otelcol-llm"), "make build")
}

// toolPath resolves a program the tests run: $env, else def. A missing
// program skips the test, unless OTELCOL_LLM_E2E=1 (as `make test` sets),
// where it fails.
func toolPath(t *testing.T, env, def, how string) string {
	t.Helper()
	bin := os.Getenv(env)
	if bin == "" {
		bin = def
	}
	abs, err := filepath.Abs(bin)
	require.NoError(t, err)
	if _, err := os.Stat(abs); err != nil {
		if os.Getenv("OTELCOL_LLM_E2E") == "1" {
			t.Fatalf("%q not found (run `%s`): %v", abs, how, err)
		}
		t.Skipf("%q not found; run `%s` or `make test`", abs, how)
	}
	return abs
}

// collector is one running otelcol-llm process with its ports.
type collector struct {
	*harness.Process
	t     *testing.T
	ports harness.Ports
}

// startCollector runs the binary with args, the environment that gives it
// ports, and env; it stops the process when the test ends and prints its
// output if the test failed. It runs in the repository root, as `make run`
// does (config/default.yaml reads examples/ by a relative path).
func startCollector(t *testing.T, ports harness.Ports, env []string, args ...string) *collector {
	t.Helper()
	p, err := harness.Start(harness.ProcessOptions{
		Bin:  binaryPath(t),
		Args: args,
		Env:  append(ports.Env(), env...),
		Dir:  repoRoot,
	})
	require.NoError(t, err)
	c := &collector{Process: p, t: t, ports: ports}
	t.Cleanup(func() {
		c.stop(syscall.SIGTERM)
		if t.Failed() {
			t.Logf("collector output:\n%s", c.Output())
		}
	})
	return c
}

// newPorts picks free ports for one collector.
func newPorts(t *testing.T) harness.Ports {
	t.Helper()
	p, err := harness.NewPorts()
	require.NoError(t, err)
	return p
}

// stop sends sig and waits up to 20 s for the process to exit, then kills it.
func (c *collector) stop(sig syscall.Signal) { c.Stop(sig, 20*time.Second) }

// waitHealthy waits up to 60 s for the health_check endpoint to answer 200.
func (c *collector) waitHealthy() {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := c.WaitHTTP(ctx, c.healthURL()); err != nil {
		c.t.Fatalf("collector not healthy: %v\n%s", err, c.Output())
	}
}

func (c *collector) healthURL() string   { return harness.URL(c.ports.Health, "/") }
func (c *collector) selfMetrics() string { return harness.URL(c.ports.Metrics, "/metrics") }
func (c *collector) llmMetrics() string  { return harness.URL(c.ports.Prometheus, "/metrics") }
func (c *collector) otlpGRPC() string    { return harness.Addr(c.ports.OTLPGRPC) }
func (c *collector) otlpTraces() string  { return harness.URL(c.ports.OTLPHTTP, "/v1/traces") }
func (c *collector) chatURL() string     { return harness.URL(c.ports.ChatTrace, "/v1/chat/turns") }

// eventually scrapes url until cond holds or 45 s pass (the connector
// flushes every 15 s) and returns that scrape.
func eventually(t *testing.T, url, what string, cond func(harness.Families) bool) harness.Families {
	t.Helper()
	f, err := harness.ScrapeUntil(url, 45*time.Second, cond)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return f
}

// scrape fetches one /metrics endpoint.
func scrape(t *testing.T, url string) harness.Families {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f, err := harness.Scrape(ctx, url)
	require.NoError(t, err)
	return f
}

// newSink starts an OTLP sink for the test.
func newSink(t *testing.T) *harness.Sink {
	t.Helper()
	s, err := harness.NewSink()
	require.NoError(t, err)
	t.Cleanup(s.Stop)
	return s
}

// restart brings a stopped sink back on its ports.
func restart(t *testing.T, s *harness.Sink) {
	t.Helper()
	require.NoError(t, s.Start())
}

// grpcCode names the gRPC status code of err ("Unavailable", ...).
func grpcCode(err error) string {
	return status.Code(err).String()
}
