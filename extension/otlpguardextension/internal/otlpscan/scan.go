// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package otlpscan reads an encoded OTLP export request (protobuf or JSON)
// without decoding it, and tells how many items it holds and how much memory
// decoding it would take, so that a request that would expand beyond what
// the collector can hold is refused before it is decoded.
//
// The scanner follows the wire format only as far as it must: it stops at
// the first malformed byte and lets the decoder report the error, and it
// stops at the first limit exceeded.
package otlpscan // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"

import (
	"fmt"
)

// Signal is the kind of export request.
type Signal uint8

// The signals.
const (
	Traces Signal = iota + 1
	Logs
	Metrics
)

func (s Signal) String() string {
	switch s {
	case Traces:
		return "traces"
	case Logs:
		return "logs"
	case Metrics:
		return "metrics"
	}
	return "unknown"
}

// Limits bound one request. A zero field is no limit.
type Limits struct {
	// MaxItems bounds the spans, log records and metric data points.
	MaxItems int64
	// MaxDecodedBytes bounds the estimated memory the decoded request takes.
	MaxDecodedBytes int64
	// MaxItemBytes bounds the encoded size of the smallest request that
	// carries one item (the item with its resource and scope, and for a data
	// point its metric): what an exporter batching by bytes must send at once.
	MaxItemBytes int64
	// MaxValueDepth bounds how deeply attribute values (AnyValue) nest.
	MaxValueDepth int
}

// Result is what a scan found (up to where it stopped).
type Result struct {
	// Items counts spans, log records and metric data points.
	Items int64
	// DecodedBytes estimates the memory the decoded request takes.
	DecodedBytes int64
	// LargestItemBytes is the largest item's smallest-request size.
	LargestItemBytes int64
	// MaxValueDepth is the deepest AnyValue nesting seen.
	MaxValueDepth int
}

// Reason says which limit a request broke.
type Reason string

// The reasons.
const (
	ReasonItems       Reason = "items"
	ReasonDecodedSize Reason = "decoded_size"
	ReasonItemSize    Reason = "item_size"
	ReasonValueDepth  Reason = "value_depth"
)

// LimitError is a request that breaks a limit.
type LimitError struct {
	Reason Reason
	Signal Signal
	Limit  int64
	// Item names the item kind for ReasonItemSize (span, log record, ...).
	Item string
	// Got is the size of the item for ReasonItemSize.
	Got int64
}

func (e *LimitError) Error() string {
	switch e.Reason {
	case ReasonItems:
		return fmt.Sprintf("the %s request holds more than %d items (spans, log records or metric data points), the limit per request (max_items): send smaller batches", e.Signal, e.Limit)
	case ReasonDecodedSize:
		return fmt.Sprintf("the %s request would take more than %d MiB of memory once decoded, the limit per request (max_decoded_mib): send smaller batches", e.Signal, e.Limit>>20)
	case ReasonItemSize:
		return fmt.Sprintf("a %s of %d bytes (with its resource and scope) is larger than max_item_bytes %d: the collector could not export it in one batch", e.Item, e.Got, e.Limit)
	case ReasonValueDepth:
		return fmt.Sprintf("attribute values in the %s request are nested more than %d levels deep (max_value_depth)", e.Signal, e.Limit)
	}
	return "request over a limit"
}

// counter accumulates a scan and checks the limits as it goes.
type counter struct {
	signal Signal
	limits Limits
	res    Result
	err    *LimitError
}

func (c *counter) add(k kind) bool {
	m := &schema[k]
	c.res.DecodedBytes += m.weight
	if m.item {
		c.res.Items++
		if c.limits.MaxItems > 0 && c.res.Items > c.limits.MaxItems {
			c.err = &LimitError{Reason: ReasonItems, Signal: c.signal, Limit: c.limits.MaxItems}
			return false
		}
	}
	return c.checkDecoded()
}

func (c *counter) addBytes(n int64) bool {
	c.res.DecodedBytes += n
	return c.checkDecoded()
}

func (c *counter) checkDecoded() bool {
	if c.limits.MaxDecodedBytes > 0 && c.res.DecodedBytes > c.limits.MaxDecodedBytes {
		c.err = &LimitError{Reason: ReasonDecodedSize, Signal: c.signal, Limit: c.limits.MaxDecodedBytes}
		return false
	}
	return true
}

func (c *counter) item(k kind, size int64) bool {
	c.res.LargestItemBytes = max(c.res.LargestItemBytes, size)
	if c.limits.MaxItemBytes > 0 && size > c.limits.MaxItemBytes {
		c.err = &LimitError{Reason: ReasonItemSize, Signal: c.signal, Limit: c.limits.MaxItemBytes, Item: schema[k].name, Got: size}
		return false
	}
	return true
}

func (c *counter) depth(d int) bool {
	c.res.MaxValueDepth = max(c.res.MaxValueDepth, d)
	if c.limits.MaxValueDepth > 0 && d > c.limits.MaxValueDepth {
		c.err = &LimitError{Reason: ReasonValueDepth, Signal: c.signal, Limit: int64(c.limits.MaxValueDepth)}
		return false
	}
	return true
}

func (c *counter) result() (Result, error) {
	if c.err != nil {
		return c.res, c.err
	}
	return c.res, nil
}
