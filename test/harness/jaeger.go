// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"time"
)

// Jaeger is a real Jaeger v2 (`make backends` builds it) with in-memory
// storage, receiving OTLP/gRPC and answering its query API.
type Jaeger struct {
	*Process
	// OTLPAddr is where it receives OTLP/gRPC (127.0.0.1:port).
	OTLPAddr string
	// QueryURL is the base URL of its HTTP query API.
	QueryURL string
}

// StartJaeger runs bin with the harness' Jaeger config on free ports and
// waits until it is healthy.
func StartJaeger(ctx context.Context, bin string) (*Jaeger, error) {
	ports := make([]int, 5)
	for i := range ports {
		p, err := FreePort()
		if err != nil {
			return nil, err
		}
		ports[i] = p
	}
	otlp, query, queryGRPC, health, metrics := ports[0], ports[1], ports[2], ports[3], ports[4]
	_, self, _, _ := runtime.Caller(0)
	cfg := filepath.Join(filepath.Dir(self), "testdata", "jaeger.yaml")
	p, err := Start(ProcessOptions{
		Bin:  bin,
		Args: []string{"--config", cfg},
		Env: []string{
			"JAEGER_OTLP_GRPC_PORT=" + strconv.Itoa(otlp),
			"JAEGER_QUERY_PORT=" + strconv.Itoa(query),
			"JAEGER_QUERY_GRPC_PORT=" + strconv.Itoa(queryGRPC),
			"JAEGER_HEALTH_PORT=" + strconv.Itoa(health),
			"JAEGER_METRICS_PORT=" + strconv.Itoa(metrics),
		},
	})
	if err != nil {
		return nil, err
	}
	j := &Jaeger{Process: p, OTLPAddr: Addr(otlp), QueryURL: URL(query, "")}
	if err := p.WaitHTTP(ctx, URL(health, "/status")); err != nil {
		p.Stop(9, time.Second)
		return nil, fmt.Errorf("jaeger: %w\n%s", err, p.Output())
	}
	return j, nil
}

// JaegerTrace is one trace as Jaeger's query API returns it.
type JaegerTrace struct {
	TraceID string       `json:"traceID"`
	Spans   []JaegerSpan `json:"spans"`
	// Processes maps a span's processID to its service.
	Processes map[string]struct {
		ServiceName string      `json:"serviceName"`
		Tags        []JaegerTag `json:"tags"`
	} `json:"processes"`
	// Warnings are what Jaeger flags about the trace (clock skew, ...).
	Warnings []string `json:"warnings"`
}

// JaegerSpan is one span of a JaegerTrace.
type JaegerSpan struct {
	TraceID       string      `json:"traceID"`
	SpanID        string      `json:"spanID"`
	OperationName string      `json:"operationName"`
	StartTime     int64       `json:"startTime"` // µs since the epoch
	Duration      int64       `json:"duration"`  // µs
	Tags          []JaegerTag `json:"tags"`
	Logs          []struct {
		Timestamp int64       `json:"timestamp"`
		Fields    []JaegerTag `json:"fields"`
	} `json:"logs"`
	References []struct {
		RefType string `json:"refType"`
		SpanID  string `json:"spanID"`
	} `json:"references"`
	ProcessID string   `json:"processID"`
	Warnings  []string `json:"warnings"`
}

// JaegerTag is a span attribute (tag) or log field.
type JaegerTag struct {
	Key   string `json:"key"`
	Type  string `json:"type"`
	Value any    `json:"value"`
}

// Tag returns the value of the span's tag key and whether it is there.
func (s JaegerSpan) Tag(key string) (any, bool) {
	for _, t := range s.Tags {
		if t.Key == key {
			return t.Value, true
		}
	}
	return nil, false
}

// Traces returns up to limit traces of service from the last hour.
func (j *Jaeger) Traces(ctx context.Context, service string, limit int) ([]JaegerTrace, error) {
	q := url.Values{"service": {service}, "limit": {strconv.Itoa(limit)}, "lookback": {"1h"}}
	var out struct {
		Data   []JaegerTrace `json:"data"`
		Errors []struct {
			Msg string `json:"msg"`
		} `json:"errors"`
	}
	if err := j.get(ctx, "/api/traces?"+q.Encode(), &out); err != nil {
		return nil, err
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("jaeger: %s", out.Errors[0].Msg)
	}
	return out.Data, nil
}

// Services lists the services Jaeger has traces of.
func (j *Jaeger) Services(ctx context.Context) ([]string, error) {
	var out struct {
		Data []string `json:"data"`
	}
	err := j.get(ctx, "/api/services", &out)
	return out.Data, err
}

func (j *Jaeger) get(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, j.QueryURL+path, http.NoBody)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
