// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package load // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// TraceExportMethod is the OTLP/gRPC trace export method.
const TraceExportMethod = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"

// RawCodec passes already-marshaled protobuf bytes through gRPC unchanged
// (a *[]byte on both sides), so neither the generator nor the sink decodes
// what it does not need to.
type RawCodec struct{}

// Marshal returns the bytes v points to.
func (RawCodec) Marshal(v any) ([]byte, error) {
	b, ok := v.(*[]byte)
	if !ok {
		return nil, fmt.Errorf("raw codec: cannot marshal %T", v)
	}
	return *b, nil
}

// Unmarshal stores data in the *[]byte v.
func (RawCodec) Unmarshal(data []byte, v any) error {
	b, ok := v.(*[]byte)
	if !ok {
		return fmt.Errorf("raw codec: cannot unmarshal into %T", v)
	}
	*b = data
	return nil
}

// Name is the content subtype: the bytes are protobuf.
func (RawCodec) Name() string { return "proto" }

// Target sends one marshaled trace export request.
type Target interface {
	Send(ctx context.Context, body []byte) error
	Close() error
}

type grpcTarget struct{ conn *grpc.ClientConn }

// NewGRPC returns a target sending OTLP/gRPC to endpoint (host:port).
func NewGRPC(endpoint string) (Target, error) {
	conn, err := grpc.NewClient(endpoint,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(RawCodec{})))
	if err != nil {
		return nil, err
	}
	return &grpcTarget{conn: conn}, nil
}

func (t *grpcTarget) Send(ctx context.Context, body []byte) error {
	var resp []byte
	return t.conn.Invoke(ctx, TraceExportMethod, &body, &resp)
}

func (t *grpcTarget) Close() error { return t.conn.Close() }

type httpTarget struct {
	url    string
	client *http.Client
}

// NewHTTP returns a target POSTing OTLP/HTTP protobuf to url
// (http://host:port/v1/traces).
func NewHTTP(url string, conns int) Target {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, IdleConnTimeout: time.Minute}
	return &httpTarget{url: url, client: &http.Client{Transport: tr}}
}

func (t *httpTarget) Send(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: %s", t.url, resp.Status)
	}
	return nil
}

func (t *httpTarget) Close() error {
	t.client.CloseIdleConnections()
	return nil
}
