// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// postOTLP sends raw bytes to the gateway's OTLP/HTTP traces endpoint.
func postOTLP(t *testing.T, url string, body []byte, contentType, encoding string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+testToken)
	if encoding != "" {
		req.Header.Set("Content-Encoding", encoding)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// TestDrillBadOTLPInput feeds the gateway's OTLP ingress malformed and
// hostile input. Each request is answered with a client error, the process
// stays up and healthy, and valid data is still accepted afterwards.
func TestDrillBadOTLPInput(t *testing.T) {
	sink := newSink(t)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))

	rejected := map[string]int{}
	nested := strings.Repeat(`{"kvlistValue":{"values":[{"key":"k","value":`, 5000) + `{"stringValue":"x"}` + strings.Repeat(`}]}}`, 5000)
	deepJSON := `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"x","attributes":[{"key":"deep","value":` + nested + `}]}]}]}]}`
	bomb := gzipped(t, bytes.Repeat([]byte{0}, 256<<20)) // 256 MiB of zeros in ~250 KiB
	huge := bytes.Repeat([]byte("a"), 17<<20)            // over max_request_body_size (16 MiB)
	invalidUTF8 := `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"` + "\xff\xfe" + `"}]}]}]}`

	for _, tc := range []struct {
		name, ctype, enc string
		body             []byte
		// acceptable: valid OTLP that is merely hostile; the upstream
		// receiver may accept it, and then it must flow through safely.
		acceptable bool
	}{
		{"garbage protobuf", "application/x-protobuf", "", []byte{0xff, 0xff, 0xff, 0x01, 0x02}, false},
		{"malformed JSON", "application/json", "", []byte(`{"resourceSpans": [`), false},
		{"wrong JSON types", "application/json", "", []byte(`{"resourceSpans": "nope"}`), false},
		{"deeply nested JSON", "application/json", "", []byte(deepJSON), true},
		{"invalid UTF-8 in JSON", "application/json", "", []byte(invalidUTF8), true},
		{"body over the size limit", "application/x-protobuf", "", huge, false},
		{"gzip bomb", "application/x-protobuf", "gzip", bomb, false},
		{"bad gzip", "application/x-protobuf", "gzip", []byte("not gzip at all"), false},
	} {
		code := postOTLP(t, gw.otlpTraces(), tc.body, tc.ctype, tc.enc)
		if code != http.StatusOK {
			rejected[strconv.Itoa(code)]++
		}
		fmt.Printf("DRILL bad-input otlp-http %-24s -> HTTP %d\n", tc.name, code)
		if tc.acceptable {
			assert.True(t, code == http.StatusOK || (code >= 400 && code < 500), "%s: want 200 or a 4xx, got %d", tc.name, code)
		} else {
			assert.True(t, code >= 400 && code < 500, "%s: want a 4xx, got %d", tc.name, code)
		}
		gw.waitHealthy()
	}

	// Every rejected request is counted by the OTLP server's own metrics.
	httpPort := strconv.Itoa(gw.ports.OTLPHTTP)
	eventually(t, gw.selfMetrics(), "rejected OTLP/HTTP requests counted by status code", func(m harness.Families) bool {
		for code, n := range rejected {
			if m.Sum("http_server_request_duration", map[string]string{"http_response_status_code": code, "server_port": httpPort}) != float64(n) {
				return false
			}
		}
		return true
	})
	fmt.Printf("DRILL bad-input otlp-http rejected and counted by status code: %v\n", rejected)

	// gRPC: a message over max_recv_msg_size_mib is refused, not read.
	conn := newOTLPSender(t, gw.otlpGRPC(), testToken)
	big := seqTraces(0, 1)
	big.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().PutStr("blob", strings.Repeat("x", 17<<20))
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken)
	_, err := conn.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(big), grpc.MaxCallSendMsgSize(64<<20))
	fmt.Printf("DRILL bad-input otlp-grpc %-24s -> %s\n", "message over the limit", grpcCode(err))
	assert.Equal(t, "ResourceExhausted", grpcCode(err))

	// Still serving: valid data goes through.
	require.NoError(t, conn.send(5))
	waitSpans(t, sink, 5)
	gw.waitHealthy()
}

// TestDrillFlood sends far more than a small gateway can hold while its
// backend is down. memory_limiter refuses with retryable errors, the process
// stays under its memory bound, and it recovers once the flood stops.
func TestDrillFlood(t *testing.T) {
	sink := newSink(t)
	sink.Stop() // backend down: nothing drains
	dir := t.TempDir()
	overlay := filepath.Join(dir, "small.yaml")
	require.NoError(t, os.WriteFile(overlay, []byte(`
processors:
  memory_limiter:
    check_interval: 100ms
    limit_percentage: 0
    spike_limit_percentage: 0
    limit_mib: 200
    spike_limit_mib: 50
`), 0o600))
	const limitMiB, allowanceMiB = 200, 150 // GC and buffers above the limiter's threshold
	gw := startGateway(t, gatewayEnv(sink, t.TempDir(), "OTELCOL_QUEUE_BYTES=104857600", "GOMEMLIMIT=180MiB"), overlay)

	// 8 senders, 2 MiB requests, for 15 s.
	payload := seqTraces(0, 200)
	spans := payload.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < spans.Len(); i++ {
		spans.At(i).Attributes().PutStr(genai.InputMessages, strings.Repeat("lorem ipsum dolor sit amet ", 380))
	}
	var accepted, refused, other atomic.Int64
	codes := sync.Map{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newOTLPSender(t, gw.otlpGRPC(), testToken)
			ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken)
			for {
				select {
				case <-stop:
					return
				default:
				}
				cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
				_, err := s.client.Export(cctx, ptraceotlp.NewExportRequestFromTraces(payload))
				cancel()
				code := grpcCode(err)
				n, _ := codes.LoadOrStore(code, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				switch code {
				case "OK":
					accepted.Add(1)
				case "Unavailable", "ResourceExhausted":
					refused.Add(1)
					time.Sleep(50 * time.Millisecond) // a client backs off
				default:
					other.Add(1)
				}
			}
		}()
	}
	peak := 0
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if rss := rssMiB(t, gw.PID()); rss > peak {
			peak = rss
		}
		time.Sleep(200 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	summary := map[string]int64{}
	codes.Range(func(k, v any) bool { summary[k.(string)] = v.(*atomic.Int64).Load(); return true })
	fmt.Printf("DRILL flood: requests accepted=%d refused(retryable)=%d other=%d codes=%v peak RSS=%d MiB (limit %d MiB)\n",
		accepted.Load(), refused.Load(), other.Load(), summary, peak, limitMiB)

	assert.Positive(t, refused.Load(), "the flood must be refused with retryable errors")
	assert.Zero(t, other.Load(), "only OK or retryable errors: %v", summary)
	assert.Less(t, peak, limitMiB+allowanceMiB, "RSS must stay bounded")

	// Recovery: the backend returns, the queue drains, new data is accepted.
	restart(t, sink)
	gw.waitHealthy()
	s := newOTLPSender(t, gw.otlpGRPC(), testToken)
	require.Eventually(t, func() bool { return s.send(10) == nil }, 60*time.Second, 500*time.Millisecond, "the gateway must accept data again")
}

// rssMiB reads a process's resident set size.
func rssMiB(t *testing.T, pid int) int {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}
