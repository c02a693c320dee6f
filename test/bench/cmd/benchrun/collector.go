// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/procfs"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// spec is one collector under test: a binary and the config it runs.
type spec struct {
	name   string // decode, forward, ours, contrib
	bin    string
	config string
	// sink is true when the config exports traces to the benchmark sink, so
	// delivery is checked end to end; the decode ceiling's nop exporter is not.
	sink bool
	// llm is true when the pipeline prices and redacts, so the first export
	// of an llm warm-up is checked for cost attributes.
	llm bool
}

// collector is one running collector process, pinned to the collector core
// with GOMAXPROCS=1.
type collector struct {
	spec     spec
	proc     *harness.Process
	pid      int
	grpcAddr string
	httpAddr string
	vars     map[string]string // BENCH_* endpoints, by env name
	telPort  int
}

// startCollector runs s on collectorCPU with the given extra environment
// (BENCH_* endpoints) and extra config files merged over s.config, and
// waits for its health check. Ports are picked free but released before the
// collector binds them, so a start that loses one to another process is
// retried with fresh ports.
func startCollector(ctx context.Context, s spec, sinkAddr string, env map[string]string, overlays ...string) (*collector, error) {
	var err error
	for range 3 {
		var c *collector
		if c, err = startOnce(ctx, s, sinkAddr, env, overlays); err == nil {
			return c, nil
		}
		if !strings.Contains(err.Error(), "address already in use") {
			return nil, err
		}
	}
	return nil, err
}

func startOnce(ctx context.Context, s spec, sinkAddr string, env map[string]string, overlays []string) (*collector, error) {
	c := &collector{spec: s}
	vars := map[string]string{"BENCH_SINK": sinkAddr}
	for _, name := range []string{"BENCH_OTLP_GRPC", "BENCH_OTLP_HTTP", "BENCH_HEALTH", "BENCH_PROMETHEUS"} {
		a, err := harness.FreeAddr()
		if err != nil {
			return nil, err
		}
		vars[name] = a
	}
	var err error
	if c.telPort, err = harness.FreePort(); err != nil {
		return nil, err
	}
	vars["BENCH_TELEMETRY_PORT"] = strconv.Itoa(c.telPort)
	for k, v := range env {
		vars[k] = v
	}
	c.grpcAddr, c.httpAddr = vars["BENCH_OTLP_GRPC"], vars["BENCH_OTLP_HTTP"]
	c.vars = vars

	args := []string{"-c", strconv.Itoa(collectorCPU), s.bin, "--config", s.config}
	for _, o := range overlays {
		args = append(args, "--config", o)
	}
	environ := []string{"GOMAXPROCS=1"}
	for k, v := range vars {
		environ = append(environ, k+"="+v)
	}
	// taskset execs the collector, so the pid is the collector's.
	c.proc, err = harness.Start(harness.ProcessOptions{Bin: "taskset", Args: args, Env: environ})
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", s.name, err)
	}
	c.pid = c.proc.PID()
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := c.proc.WaitHTTP(wctx, "http://"+vars["BENCH_HEALTH"]+"/"); err != nil {
		c.stop()
		return nil, fmt.Errorf("%s not healthy: %w\n%s", s.name, err, c.Output())
	}
	if err := checkPinned(c.pid, collectorCPU); err != nil {
		c.stop()
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return c, nil
}

// Output is what the collector has logged (its newest megabyte).
func (c *collector) Output() string { return c.proc.Output() }

// checkPinned verifies the process may run on cpu only.
func checkPinned(pid, cpu int) error {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			if strings.TrimSpace(v) != strconv.Itoa(cpu) {
				return fmt.Errorf("runs on CPUs %q, want %d", strings.TrimSpace(v), cpu)
			}
			return nil
		}
	}
	return fmt.Errorf("no Cpus_allowed_list in /proc/%d/status", pid)
}

func (c *collector) alive() bool {
	exited, _ := c.proc.Exited()
	return !exited
}

// stop sends SIGTERM and waits up to 10 s, then kills. It is a no-op on a
// nil or exited collector.
func (c *collector) stop() {
	if c == nil || c.proc == nil {
		return
	}
	c.proc.Stop(syscall.SIGTERM, 10*time.Second)
}

func (c *collector) cpu() (time.Duration, error) { return procfs.CPUTime(c.pid) }

// receiverCounts are the collector's own otelcol_receiver_* span counters,
// summed over receivers and transports.
type receiverCounts struct{ accepted, refused, failed float64 }

// scrape reads the collector's own metrics.
func (c *collector) scrape(ctx context.Context) (receiverCounts, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	f, err := harness.Scrape(ctx, harness.URL(c.telPort, "/metrics"))
	if err != nil {
		return receiverCounts{}, err
	}
	return countsOf(f), nil
}

// countsOf sums the receiver span counters of a scrape, whether the
// endpoint names them with the _total suffix or without.
func countsOf(f harness.Families) receiverCounts {
	sum := func(name string) float64 { return f.Sum(name, nil) + f.Sum(name+"_total", nil) }
	return receiverCounts{
		accepted: sum("otelcol_receiver_accepted_spans"),
		refused:  sum("otelcol_receiver_refused_spans"),
		failed:   sum("otelcol_receiver_failed_spans"),
	}
}

// components lists the component types a binary was built with, by kind.
func components(bin string) (map[string]bool, error) {
	out, err := exec.Command(bin, "components").Output()
	if err != nil {
		return nil, fmt.Errorf("%s components: %w", bin, err)
	}
	have := map[string]bool{}
	kind := ""
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":") {
			kind = strings.TrimSuffix(line, ":")
			continue
		}
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "- name:"); ok {
			have[kind+"/"+strings.TrimSpace(v)] = true
		}
	}
	return have, nil
}

// validate runs `<bin> validate --config <config> [--config <overlay>...]`
// with placeholder endpoints, so a config the binary cannot run fails before
// any measurement.
func validate(s spec, overlays ...string) error {
	args := []string{"validate", "--config", s.config}
	for _, o := range overlays {
		args = append(args, "--config", o)
	}
	cmd := exec.Command(s.bin, args...)
	cmd.Env = os.Environ()
	for _, k := range []string{"BENCH_OTLP_GRPC", "BENCH_OTLP_HTTP", "BENCH_HEALTH", "BENCH_PROMETHEUS", "BENCH_SINK", "BENCH_CHAT_HTTP", "BENCH_PPROF"} {
		cmd.Env = append(cmd.Env, k+"=127.0.0.1:1")
	}
	cmd.Env = append(cmd.Env, "BENCH_TELEMETRY_PORT=1", "BENCH_CHAT_GLOB=/nonexistent/*.json")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", s.bin, strings.Join(args, " "), err, out)
	}
	return nil
}
