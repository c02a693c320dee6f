// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"

import (
	"fmt"
	"net"
	"strconv"
	"sync"
)

// FreePort returns a loopback port number that was free a moment ago (the
// listener is closed again at once, so another process could take it; the
// kernel hands out ephemeral ports in turn, which makes that rare).
func FreePort() (int, error) {
	l, port, err := listenNew()
	if err != nil {
		return 0, err
	}
	_ = l.Close()
	return port, nil
}

// listenNew listens on a loopback port never handed out before in this
// process and returns the listener and its port.
func listenNew() (net.Listener, int, error) {
	var taken []net.Listener // held open so the kernel offers other ports
	defer func() {
		for _, l := range taken {
			_ = l.Close()
		}
	}()
	for {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, 0, err
		}
		port := l.Addr().(*net.TCPAddr).Port
		if handedOut.claim(port) {
			return l, port, nil
		}
		taken = append(taken, l)
	}
}

// FreeAddr returns 127.0.0.1:<a free port>.
func FreeAddr() (string, error) {
	p, err := FreePort()
	if err != nil {
		return "", err
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(p)), nil
}

// Ports are the listeners of one collector running a shipped config
// (config/default.yaml, sidecar.yaml or gateway.yaml), each read from the
// environment variable the configs name, so that several collectors can run
// on one host.
type Ports struct {
	OTLPGRPC, OTLPHTTP, ChatTrace, Health, Ready, Metrics, Prometheus, PProf, ZPages int
}

// NewPorts picks a free port for every listener.
func NewPorts() (Ports, error) {
	var p Ports
	dsts := []*int{&p.OTLPGRPC, &p.OTLPHTTP, &p.ChatTrace, &p.Health, &p.Ready, &p.Metrics, &p.Prometheus, &p.PProf, &p.ZPages}
	// Every listener stays open until all are chosen, so the kernel cannot
	// hand one port out twice; a port handed out before in this process (a
	// collector that may be restarted on it) is not handed out again.
	var open []net.Listener
	defer func() {
		for _, l := range open {
			_ = l.Close()
		}
	}()
	for _, dst := range dsts {
		l, port, err := listenNew()
		if err != nil {
			return Ports{}, err
		}
		open = append(open, l)
		*dst = port
	}
	return p, nil
}

// handedOut remembers the ports NewPorts has given out.
var handedOut = portSet{seen: map[int]bool{}}

type portSet struct {
	mu   sync.Mutex
	seen map[int]bool
}

// claim records port and reports whether it was new.
func (s *portSet) claim(port int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[port] {
		return false
	}
	s.seen[port] = true
	return true
}

// Env is the environment that gives a collector these ports.
func (p Ports) Env() []string {
	return []string{
		"OTELCOL_OTLP_GRPC_PORT=" + strconv.Itoa(p.OTLPGRPC),
		"OTELCOL_OTLP_HTTP_PORT=" + strconv.Itoa(p.OTLPHTTP),
		"OTELCOL_CHAT_TRACE_PORT=" + strconv.Itoa(p.ChatTrace),
		"OTELCOL_HEALTH_PORT=" + strconv.Itoa(p.Health),
		"OTELCOL_READY_PORT=" + strconv.Itoa(p.Ready),
		"OTELCOL_METRICS_PORT=" + strconv.Itoa(p.Metrics),
		"OTELCOL_PROMETHEUS_PORT=" + strconv.Itoa(p.Prometheus),
		"OTELCOL_PPROF_PORT=" + strconv.Itoa(p.PProf),
		"OTELCOL_ZPAGES_PORT=" + strconv.Itoa(p.ZPages),
	}
}

// Addr is host:port on the loopback interface.
func Addr(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }

// URL is http://127.0.0.1:port followed by path.
func URL(port int, path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", port, path) }
