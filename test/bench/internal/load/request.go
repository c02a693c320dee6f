// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package load sends pre-marshaled OTLP trace requests at a fixed rate over
// gRPC or HTTP and reports what was accepted, so the benchmark can tell a
// sustained rate from an overloaded one.
package load // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"

import (
	"encoding/binary"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/otlpwire"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

// Request is one marshaled ExportTraceServiceRequest whose send time and
// trace ids are stamped in place just before each send. A Request is used by
// one sender at a time.
type Request struct {
	Body  []byte
	Spans int
	spans []spanSlot
}

type spanSlot struct {
	traceID, start, end int
	duration            uint64
}

// Prepare generates n distinct requests of spansPerRequest spans each, and
// says what the generator put in them.
func Prepare(p workload.Profile, seed uint64, n, spansPerRequest int) ([]*Request, workload.Stats, error) {
	g := workload.NewGenerator(p, seed)
	reqs, err := marshal(g, n, spansPerRequest)
	return reqs, g.Stats(), err
}

// BytesPerSpan is the average size of a span on the wire: the requests'
// total size over their spans.
func BytesPerSpan(reqs []*Request) float64 {
	var b, n int
	for _, r := range reqs {
		b += len(r.Body)
		n += r.Spans
	}
	if n == 0 {
		return 0
	}
	return float64(b) / float64(n)
}

func marshal(g *workload.Generator, n, spansPerRequest int) ([]*Request, error) {
	out := make([]*Request, 0, n)
	for range n {
		body, err := ptraceotlp.NewExportRequestFromTraces(g.Batch(spansPerRequest)).MarshalProto()
		if err != nil {
			return nil, err
		}
		r := &Request{Body: body}
		err = otlpwire.Walk(body, func(s otlpwire.SpanRef) {
			r.spans = append(r.spans, spanSlot{traceID: s.TraceID, start: s.Start, end: s.End, duration: s.EndNanos - s.StartNanos})
		})
		if err != nil {
			return nil, err
		}
		for _, s := range r.spans {
			if s.traceID < 0 || s.start < 0 || s.end < 0 {
				return nil, fmt.Errorf("generated span lacks trace id or timestamps")
			}
		}
		r.Spans = len(r.spans)
		out = append(out, r)
	}
	return out, nil
}

// Stamp sets every span's end time to now (start = now - its duration), so
// the sink can measure the latency the collector added, and makes trace ids
// unique per send by writing seq into their low 8 bytes.
func (r *Request) Stamp(now time.Time, seq uint64) {
	end := uint64(now.UnixNano())
	for _, s := range r.spans {
		otlpwire.PutTimestamp(r.Body, s.end, end)
		otlpwire.PutTimestamp(r.Body, s.start, end-s.duration)
		binary.BigEndian.PutUint64(r.Body[s.traceID+8:s.traceID+16], seq)
	}
}
