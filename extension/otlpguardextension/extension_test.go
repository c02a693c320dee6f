// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configgrpc"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configmiddleware"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/metadatatest"
)

// emptySpans is n empty spans in one request: 2 bytes each on the wire,
// about 270 bytes each once decoded.
func emptySpans(n int) []byte {
	one := protowire.AppendBytes(protowire.AppendTag(nil, 2, protowire.BytesType), nil)
	spans := bytes.Repeat(one, n)
	ss := protowire.AppendBytes(protowire.AppendTag(nil, 2, protowire.BytesType), spans)
	return protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), ss)
}

type host struct {
	component.Host
	ext map[component.ID]component.Component
}

func (h host) GetExtensions() map[component.ID]component.Component { return h.ext }

func startGuard(t *testing.T, cfg *Config) (*guard, *componenttest.Telemetry, host) {
	t.Helper()
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	set := metadatatest.NewSettings(tel)
	ext, err := createExtension(context.Background(), set, cfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, ext.Shutdown(context.Background())) })
	return ext.(*guard), tel, host{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{set.ID: ext}}
}

// traceServer counts the spans it decoded.
type traceServer struct {
	ptraceotlp.UnimplementedGRPCServer
	spans atomic.Int64
}

func (s *traceServer) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	s.spans.Add(int64(req.Traces().SpanCount()))
	return ptraceotlp.NewExportResponse(), nil
}

type logServer struct {
	plogotlp.UnimplementedGRPCServer
}

func (*logServer) Export(context.Context, plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	return plogotlp.NewExportResponse(), nil
}

// rawCodec sends bytes as they are: a client that does not decode what it
// sends (a hostile one would not).
type rawCodec struct{}

func (rawCodec) Marshal(v any) (mem.BufferSlice, error) {
	return mem.BufferSlice{mem.SliceBuffer(*v.(*[]byte))}, nil
}

func (rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	*v.(*[]byte) = data.Materialize()
	return nil
}
func (rawCodec) Name() string { return "proto" }

// startGRPC runs a gRPC server as the otlp receiver builds it (configgrpc,
// with the guard as its middleware).
func startGRPC(t *testing.T, h host, id component.ID) (string, *traceServer) {
	t.Helper()
	cfg := configgrpc.NewDefaultServerConfig()
	cfg.NetAddr.Endpoint = "127.0.0.1:0"
	cfg.Middlewares = []configmiddleware.Config{{ID: id}}
	srv, err := cfg.ToServer(context.Background(), h.GetExtensions(), componenttest.NewNopTelemetrySettings())
	require.NoError(t, err)
	ts := &traceServer{}
	ptraceotlp.RegisterGRPCServer(srv, ts)
	plogotlp.RegisterGRPCServer(srv, &logServer{})
	ln, err := cfg.NetAddr.Listen(context.Background())
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(srv.Stop)
	return ln.Addr().String(), ts
}

func TestGRPCRefusesBeforeDecoding(t *testing.T) {
	g, tel, h := startGuard(t, createDefaultConfig().(*Config))
	addr, ts := startGRPC(t, h, component.NewID(typ))
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()

	// A normal request goes through.
	td := ptrace.NewTraces()
	td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty().SetName("chat")
	_, err = ptraceotlp.NewGRPCClient(conn).Export(context.Background(), ptraceotlp.NewExportRequestFromTraces(td))
	require.NoError(t, err)
	assert.Equal(t, int64(1), ts.spans.Load())

	// 600 KB of empty spans would decode to some 80 MB: refused undecoded.
	body := emptySpans(300000)
	var resp []byte
	err = conn.Invoke(context.Background(), "/opentelemetry.proto.collector.trace.v1.TraceService/Export", &body, &resp, grpc.ForceCodecV2(rawCodec{}))
	st, _ := status.FromError(err)
	assert.Equal(t, "ResourceExhausted", st.Code().String())
	assert.Contains(t, st.Message(), "the traces request would take more than 64 MiB of memory once decoded")
	assert.Equal(t, int64(1), ts.spans.Load(), "the refused request never reached the receiver")

	// Read as logs, 300,000 empty log records take some 53 MB: within the
	// limit; 400,000 are not.
	err = conn.Invoke(context.Background(), "/opentelemetry.proto.collector.logs.v1.LogsService/Export", &body, &resp, grpc.ForceCodecV2(rawCodec{}))
	require.NoError(t, err)
	body = emptySpans(400000)
	err = conn.Invoke(context.Background(), "/opentelemetry.proto.collector.logs.v1.LogsService/Export", &body, &resp, grpc.ForceCodecV2(rawCodec{}))
	st, _ = status.FromError(err)
	assert.Equal(t, "ResourceExhausted", st.Code().String())

	metadatatest.AssertEqualExtensionOtlpGuardRefusedRequests(t, tel, []metricdata.DataPoint[int64]{
		{Value: 2, Attributes: attribute.NewSet(attribute.String("reason", "decoded_size"), attribute.String("transport", "grpc"))},
	}, metricdatatest.IgnoreTimestamp())
	g.refusals.mu.Lock()
	assert.Empty(t, g.refusals.m, "answered refusals are forgotten")
	g.refusals.mu.Unlock()
}

// TestGRPCHandshakeTimeout: a connection that never sends the HTTP/2
// preface is closed after connection_timeout (gRPC's own default: 120 s).
func TestGRPCHandshakeTimeout(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.GRPC.ConnectionTimeout = 300 * time.Millisecond
	_, _, h := startGuard(t, cfg)
	addr, _ := startGRPC(t, h, component.NewID(typ))
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	start := time.Now()
	require.NoError(t, c.SetReadDeadline(time.Now().Add(10*time.Second)))
	_, err = io.ReadAll(c)
	require.NoError(t, err, "the server closes the connection (EOF), before the read deadline")
	assert.Less(t, time.Since(start), 5*time.Second)
}

// startHTTP runs an OTLP/HTTP-like server as confighttp builds it for the
// otlp receiver: decompression, then the guard, then a handler that decodes.
func startHTTP(t *testing.T, h host, id component.ID) (string, *atomic.Int64) {
	t.Helper()
	cfg := confighttp.NewDefaultServerConfig()
	cfg.NetAddr.Endpoint = "127.0.0.1:0"
	cfg.MaxRequestBodySize = 16 << 20
	cfg.Middlewares = []configmiddleware.Config{{ID: id}}
	var decoded atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/traces", func(w http.ResponseWriter, r *http.Request) {
		if ct := r.Header.Get("Content-Type"); ct != protoContentType && ct != jsonContentType {
			w.WriteHeader(http.StatusUnsupportedMediaType)
			return
		}
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req := ptraceotlp.NewExportRequest()
		if r.Header.Get("Content-Type") == jsonContentType {
			err = req.UnmarshalJSON(b)
		} else {
			err = req.UnmarshalProto(b)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		decoded.Add(int64(req.Traces().SpanCount()))
	})
	srv, err := cfg.ToServer(context.Background(), h.GetExtensions(), componenttest.NewNopTelemetrySettings(), mux)
	require.NoError(t, err)
	ln, err := cfg.ToListener(context.Background())
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String(), &decoded
}

func post(t *testing.T, url, ctype, encoding string, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", ctype)
	if encoding != "" {
		req.Header.Set("Content-Encoding", encoding)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestHTTPRefusesBeforeDecoding(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.MaxItemBytes = 1 << 20
	_, tel, h := startGuard(t, cfg)
	base, decoded := startHTTP(t, h, component.NewID(typ))

	td := ptrace.NewTraces()
	td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty().SetName("chat")
	ok, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	code, _ := post(t, base+"/v1/traces", protoContentType, "", ok)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, int64(1), decoded.Load(), "the handler gets the body the guard read")

	// gzip: scanned after decompression
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	_, _ = w.Write(emptySpans(300000))
	require.NoError(t, w.Close())
	code, body := post(t, base+"/v1/traces", protoContentType, "gzip", gz.Bytes())
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Contains(t, body, "max_decoded_mib", "a google.rpc.Status with the reason")

	jsonSpans := `{"resourceSpans":[{"scopeSpans":[{"spans":[` + strings.Repeat("{},", 299999) + `{}]}]}]}`
	code, body = post(t, base+"/v1/traces", jsonContentType, "", []byte(jsonSpans))
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Contains(t, body, `"code":8`)

	big := ptrace.NewTraces()
	big.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty().Attributes().PutStr("gen_ai.input.messages", strings.Repeat("x", 2<<20))
	bigBody, err := ptraceotlp.NewExportRequestFromTraces(big).MarshalProto()
	require.NoError(t, err)
	code, body = post(t, base+"/v1/traces", protoContentType, "", bigBody)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Contains(t, body, "larger than max_item_bytes 1048576")

	code, body = post(t, base+"/v1/traces", jsonContentType, "", []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[},},}]}]}]}`))
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, body, "not valid OTLP JSON")

	// Other paths and media types pass through to the receiver.
	code, _ = post(t, base+"/v1/traces", "text/plain", "", emptySpans(300000))
	assert.Equal(t, http.StatusUnsupportedMediaType, code, "not scanned: the receiver answers")

	assert.Equal(t, int64(1), decoded.Load(), "nothing refused was decoded")
	metadatatest.AssertEqualExtensionOtlpGuardRefusedRequests(t, tel, []metricdata.DataPoint[int64]{
		{Value: 2, Attributes: attribute.NewSet(attribute.String("reason", "decoded_size"), attribute.String("transport", "http"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("reason", "item_size"), attribute.String("transport", "http"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("reason", "malformed_json"), attribute.String("transport", "http"))},
	}, metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreValue())
}

func TestRefusalsAreBounded(t *testing.T) {
	r := newRefusals()
	for i := range maxRefusals {
		require.True(t, r.add(new(int), assert.AnError), "entry %d", i)
	}
	assert.False(t, r.add(new(int), assert.AnError), "full: the codec fails the call itself")
	r.mu.Lock()
	for k, v := range r.m {
		v.at = v.at.Add(-2 * refusalTTL)
		r.m[k] = v
	}
	r.mu.Unlock()
	assert.True(t, r.add(new(int), assert.AnError), "expired entries are swept")
	r.mu.Lock()
	assert.Len(t, r.m, 1)
	r.mu.Unlock()
}
