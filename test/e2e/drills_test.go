// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Fault drills: each runs the gateway config against a local OTLP sink that
// stands in for Jaeger and Loki, plays one fault, and prints what the sender
// had acknowledged against what reached the sink.

// drillLog prints a drill's counts on stdout so they show in CI output.
func drillLog(t *testing.T, name string, r deliveryReport, extra string) {
	t.Helper()
	line := fmt.Sprintf("DRILL %s: %s %s", name, r, extra)
	fmt.Println(line)
	t.Log(line)
}

// TestDrillBackendOutage: the backend is down for 30 s while apps keep
// sending; the gateway keeps acknowledging (the file_storage queue absorbs
// the outage) and delivers everything once the backend is back.
func TestDrillBackendOutage(t *testing.T) {
	sink := newSink(t)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))
	s := newOTLPSender(t, gw.otlpGRPC(), testToken)

	stop, done := make(chan struct{}), make(chan struct{})
	go func() { s.run(20, 50*time.Millisecond, stop); close(done) }()
	time.Sleep(3 * time.Second)
	sink.Stop()
	time.Sleep(30 * time.Second)
	restart(t, sink)
	time.Sleep(2 * time.Second)
	close(stop)
	<-done

	r := waitDelivered(t, s.Acked(), sink, 90*time.Second)
	drillLog(t, "backend-down-30s", r, fmt.Sprintf("export errors seen by the app: %v", s.Errors()))
	require.Positive(t, r.Sent)
	require.Zero(t, r.Dropped, "acknowledged spans lost across a backend outage")
	require.Empty(t, s.Errors(), "the app must not see errors while the queue has room")
}

// TestDrillCollectorKilled: with the backend down (so acknowledged data sits
// in the queue), the gateway is killed with SIGKILL mid-stream and restarted
// on the same storage; everything acknowledged before the kill is delivered.
func TestDrillCollectorKilled(t *testing.T) {
	sink := newSink(t)
	storage := t.TempDir()
	env := gatewayEnv(sink, storage)
	ports := newPorts(t)
	first := startGatewayOn(t, ports, env)
	s := newOTLPSender(t, first.otlpGRPC(), testToken)

	stop, done := make(chan struct{}), make(chan struct{})
	go func() { s.run(20, 50*time.Millisecond, stop); close(done) }()
	time.Sleep(2 * time.Second)
	sink.Stop()
	time.Sleep(3 * time.Second)
	first.stop(syscall.SIGKILL)
	close(stop)
	<-done
	ackedBeforeKill := s.Acked()

	startGatewayOn(t, ports, env)
	restart(t, sink)
	r := waitDelivered(t, ackedBeforeKill, sink, 90*time.Second)
	drillLog(t, "sigkill-restart", r, fmt.Sprintf("export errors seen by the app (while it was down): %v", s.Errors()))
	require.Positive(t, r.Sent)
	require.Zero(t, r.Dropped, "spans acknowledged before SIGKILL lost after restart")
}
