// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/procfs"
)

// spec is one collector under test: a binary and the config it runs.
type spec struct {
	name   string // ceiling, contrib, ours
	bin    string
	config string
	// sink is true when the config exports traces to the benchmark sink, so
	// delivery is checked end to end; the ceiling's nop exporter is not.
	sink bool
}

// collector is one running collector process, pinned to the collector core
// with GOMAXPROCS=1.
type collector struct {
	spec     spec
	cmd      *exec.Cmd
	pid      int
	grpcAddr string
	httpAddr string
	extra    map[string]string // other endpoints, by env name
	telPort  int
	done     chan struct{}
	mu       sync.Mutex
	output   bytes.Buffer
}

type lockedWriter struct{ c *collector }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	// Keep the tail only: a collector logging errors under overload must
	// not grow the harness without bound.
	if w.c.output.Len() > 1<<20 {
		tail := append([]byte(nil), w.c.output.Bytes()[w.c.output.Len()-(256<<10):]...)
		w.c.output.Reset()
		w.c.output.Write(tail)
	}
	return w.c.output.Write(p)
}

func (c *collector) Output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.output.String()
}

// freePort reserves a loopback port number (released again at once).
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func freeAddr() (string, error) {
	p, err := freePort()
	return fmt.Sprintf("127.0.0.1:%d", p), err
}

// startCollector runs s on collectorCPU with the given extra
// environment (BENCH_* endpoints) and waits for its health check. Ports are
// picked free but released before the collector binds them, so a start that
// loses one to another process is retried with fresh ports.
func startCollector(ctx context.Context, s spec, sinkAddr string, env map[string]string) (*collector, error) {
	var err error
	for range 3 {
		var c *collector
		if c, err = startOnce(ctx, s, sinkAddr, env); err == nil {
			return c, nil
		}
		if !strings.Contains(err.Error(), "address already in use") {
			return nil, err
		}
	}
	return nil, err
}

func startOnce(ctx context.Context, s spec, sinkAddr string, env map[string]string) (*collector, error) {
	c := &collector{spec: s, done: make(chan struct{}), extra: map[string]string{}}
	vars := map[string]string{"BENCH_SINK": sinkAddr}
	for _, name := range []string{"BENCH_OTLP_GRPC", "BENCH_OTLP_HTTP", "BENCH_HEALTH", "BENCH_PROMETHEUS"} {
		a, err := freeAddr()
		if err != nil {
			return nil, err
		}
		vars[name] = a
	}
	var err error
	if c.telPort, err = freePort(); err != nil {
		return nil, err
	}
	vars["BENCH_TELEMETRY_PORT"] = strconv.Itoa(c.telPort)
	for k, v := range env {
		vars[k] = v
	}
	c.grpcAddr, c.httpAddr = vars["BENCH_OTLP_GRPC"], vars["BENCH_OTLP_HTTP"]
	c.extra = vars

	c.cmd = exec.Command("taskset", "-c", strconv.Itoa(collectorCPU), s.bin, "--config", s.config)
	c.cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	for k, v := range vars {
		c.cmd.Env = append(c.cmd.Env, k+"="+v)
	}
	c.cmd.Stdout, c.cmd.Stderr = lockedWriter{c}, lockedWriter{c}
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", s.name, err)
	}
	// taskset execs the collector, so the pid is the collector's.
	c.pid = c.cmd.Process.Pid
	go func() {
		_ = c.cmd.Wait()
		close(c.done)
	}()
	if err := c.waitHealthy(ctx, "http://"+vars["BENCH_HEALTH"]+"/"); err != nil {
		c.stop()
		return nil, err
	}
	if err := c.checkPinned(collectorCPU); err != nil {
		c.stop()
		return nil, err
	}
	return c, nil
}

func (c *collector) waitHealthy(ctx context.Context, url string) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-c.done:
			return fmt.Errorf("%s exited before becoming healthy:\n%s", c.spec.name, c.Output())
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s not healthy at %s after 60s:\n%s", c.spec.name, url, c.Output())
}

// checkPinned verifies the process may run on cpu only.
func (c *collector) checkPinned(cpu int) error {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.pid))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			if strings.TrimSpace(v) != strconv.Itoa(cpu) {
				return fmt.Errorf("%s runs on CPUs %q, want %d", c.spec.name, strings.TrimSpace(v), cpu)
			}
			return nil
		}
	}
	return errors.New("no Cpus_allowed_list in /proc status")
}

func (c *collector) alive() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// stop sends SIGTERM and waits up to 10 s, then kills. It is a no-op on a
// nil or exited collector.
func (c *collector) stop() {
	if c == nil || !c.alive() {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

func (c *collector) cpu() (time.Duration, error) { return procfs.CPUTime(c.pid) }

// receiverCounts are the collector's own otelcol_receiver_* span counters,
// summed over receivers and transports.
type receiverCounts struct{ accepted, refused, failed float64 }

// scrape reads the collector's own metrics.
func (c *collector) scrape(ctx context.Context) (receiverCounts, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	url := fmt.Sprintf("http://127.0.0.1:%d/metrics", c.telPort)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
	if err != nil {
		return receiverCounts{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return receiverCounts{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return receiverCounts{}, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return parseReceiverCounts(bufio.NewScanner(resp.Body))
}

// parseReceiverCounts sums the samples of the receiver span counters in
// Prometheus text format.
func parseReceiverCounts(sc *bufio.Scanner) (receiverCounts, error) {
	var rc receiverCounts
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, rest := line, ""
		if i := strings.IndexAny(line, "{ "); i >= 0 {
			name, rest = line[:i], line[i:]
		}
		var dst *float64
		switch strings.TrimSuffix(name, "_total") {
		case "otelcol_receiver_accepted_spans":
			dst = &rc.accepted
		case "otelcol_receiver_refused_spans":
			dst = &rc.refused
		case "otelcol_receiver_failed_spans":
			dst = &rc.failed
		default:
			continue
		}
		if i := strings.LastIndexByte(rest, '}'); i >= 0 {
			rest = rest[i+1:]
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return rc, fmt.Errorf("malformed sample %q", line)
		}
		v, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			return rc, fmt.Errorf("malformed sample %q: %w", line, err)
		}
		*dst += v
	}
	return rc, sc.Err()
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

// validate runs `<bin> validate --config <config>` with placeholder
// endpoints, so a config our binary cannot run fails before any measurement.
func validate(s spec) error {
	cmd := exec.Command(s.bin, "validate", "--config", s.config)
	cmd.Env = os.Environ()
	for _, k := range []string{"BENCH_OTLP_GRPC", "BENCH_OTLP_HTTP", "BENCH_HEALTH", "BENCH_PROMETHEUS", "BENCH_SINK", "BENCH_CHAT_HTTP"} {
		cmd.Env = append(cmd.Env, k+"=127.0.0.1:1")
	}
	cmd.Env = append(cmd.Env, "BENCH_TELEMETRY_PORT=1", "BENCH_CHAT_GLOB=/nonexistent/*.json")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s validate --config %s: %w\n%s", s.bin, s.config, err, out)
	}
	return nil
}
