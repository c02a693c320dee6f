// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package otlpwire reads and patches marshaled OTLP trace export requests
// without decoding them into pdata: the load generator stamps send times into
// pre-marshaled requests, and the sink counts spans and measures latency at a
// cost far below the collector's own decoding, so neither the generator nor
// the sink limits what is measured.
package otlpwire // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/otlpwire"

import (
	"encoding/binary"
	"errors"
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

// Field numbers of the OTLP protobuf messages walked here
// (opentelemetry/proto/collector/trace/v1 and trace/v1).
const (
	requestResourceSpans = 1 // ExportTraceServiceRequest.resource_spans
	resourceScopeSpans   = 2 // ResourceSpans.scope_spans
	scopeSpans           = 2 // ScopeSpans.spans
	spanTraceID          = 1 // Span.trace_id (bytes, 16)
	spanParentSpanID     = 4 // Span.parent_span_id (bytes)
	spanStartTime        = 7 // Span.start_time_unix_nano (fixed64)
	spanEndTime          = 8 // Span.end_time_unix_nano (fixed64)
)

// SpanRef locates the patchable fields of one span inside a marshaled request.
type SpanRef struct {
	// TraceID is the offset of the 16 trace-id bytes, -1 when absent or
	// empty.
	TraceID int
	// Start and End are the offsets of the 8 bytes of the start and end
	// timestamps, -1 when absent.
	Start, End int
	// Root is true when the span has no parent span id.
	Root bool
	// StartNanos and EndNanos are the timestamps as marshaled.
	StartNanos, EndNanos uint64
}

// Walk calls fn for every span of the marshaled ExportTraceServiceRequest b,
// in order. It returns an error when b is not a well-formed request.
func Walk(b []byte, fn func(SpanRef)) error {
	return eachMessage(b, 0, requestResourceSpans, func(rs []byte, rsOff int) error {
		return eachMessage(rs, rsOff, resourceScopeSpans, func(ss []byte, ssOff int) error {
			return eachMessage(ss, ssOff, scopeSpans, func(span []byte, spanOff int) error {
				ref, err := readSpan(span, spanOff)
				if err != nil {
					return err
				}
				fn(ref)
				return nil
			})
		})
	})
}

// eachMessage calls fn with the bytes (and their absolute offset) of every
// length-delimited field number num of the message b found at offset base.
func eachMessage(b []byte, base, num int, fn func([]byte, int) error) error {
	for pos := 0; pos < len(b); {
		n, typ, tagLen := protowire.ConsumeTag(b[pos:])
		if tagLen < 0 {
			return fmt.Errorf("bad tag at offset %d: %w", base+pos, protowire.ParseError(tagLen))
		}
		pos += tagLen
		if int(n) == num && typ == protowire.BytesType {
			v, l := protowire.ConsumeBytes(b[pos:])
			if l < 0 {
				return fmt.Errorf("bad field %d at offset %d: %w", n, base+pos, protowire.ParseError(l))
			}
			if err := fn(v, base+pos+l-len(v)); err != nil {
				return err
			}
			pos += l
			continue
		}
		l := protowire.ConsumeFieldValue(n, typ, b[pos:])
		if l < 0 {
			return fmt.Errorf("bad field %d at offset %d: %w", n, base+pos, protowire.ParseError(l))
		}
		pos += l
	}
	return nil
}

var errBadSpan = errors.New("malformed span")

func readSpan(b []byte, base int) (SpanRef, error) {
	ref := SpanRef{TraceID: -1, Start: -1, End: -1, Root: true}
	for pos := 0; pos < len(b); {
		n, typ, tagLen := protowire.ConsumeTag(b[pos:])
		if tagLen < 0 {
			return ref, fmt.Errorf("%w at offset %d: %w", errBadSpan, base+pos, protowire.ParseError(tagLen))
		}
		pos += tagLen
		switch {
		case n == spanTraceID && typ == protowire.BytesType:
			v, l := protowire.ConsumeBytes(b[pos:])
			if l < 0 || (len(v) != 16 && len(v) != 0) {
				return ref, fmt.Errorf("%w: trace id at offset %d", errBadSpan, base+pos)
			}
			if len(v) == 16 {
				ref.TraceID = base + pos + l - 16
			}
			pos += l
			continue
		case n == spanParentSpanID && typ == protowire.BytesType:
			v, l := protowire.ConsumeBytes(b[pos:])
			if l < 0 {
				return ref, fmt.Errorf("%w: parent span id at offset %d", errBadSpan, base+pos)
			}
			ref.Root = len(v) == 0
			pos += l
			continue
		case (n == spanStartTime || n == spanEndTime) && typ == protowire.Fixed64Type:
			if len(b)-pos < 8 {
				return ref, fmt.Errorf("%w: timestamp at offset %d", errBadSpan, base+pos)
			}
			v := binary.LittleEndian.Uint64(b[pos:])
			if n == spanStartTime {
				ref.Start, ref.StartNanos = base+pos, v
			} else {
				ref.End, ref.EndNanos = base+pos, v
			}
			pos += 8
			continue
		}
		l := protowire.ConsumeFieldValue(n, typ, b[pos:])
		if l < 0 {
			return ref, fmt.Errorf("%w: field %d at offset %d: %w", errBadSpan, n, base+pos, protowire.ParseError(l))
		}
		pos += l
	}
	return ref, nil
}

// PutTimestamp overwrites the fixed64 timestamp at offset off of b.
func PutTimestamp(b []byte, off int, nanos uint64) {
	binary.LittleEndian.PutUint64(b[off:off+8], nanos)
}
