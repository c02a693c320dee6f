// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpscan // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"

import (
	"google.golang.org/protobuf/encoding/protowire"
)

// levelOverhead bounds the tag and length prefix one level of nesting adds
// to an item's smallest request (a one-byte tag and a length below 32 GiB).
const levelOverhead = 6

// appendedNumber is what one number appended to a repeated field costs once
// decoded: 8 bytes, times the reallocations of a growing slice.
const appendedNumber = 48

// Proto scans a protobuf-encoded export request of signal s. It returns a
// *LimitError when the request breaks a limit; a malformed request is not an
// error here (the scan stops where it breaks and the decoder rejects it).
func Proto(s Signal, b []byte, l Limits) (Result, error) {
	c := &counter{signal: s, limits: l}
	c.res.DecodedBytes = int64(len(b))
	if c.checkDecoded() {
		c.proto(roots[s], b, 0, 0)
	}
	return c.result()
}

// proto scans message b of kind k. overhead is what the item's enclosing
// messages add to its smallest request; depth counts enclosing AnyValues.
// It returns false to stop the scan (a limit broke or b is malformed).
func (c *counter) proto(k kind, b []byte, overhead int64, depth int) bool {
	m := &schema[k]
	if m.value {
		depth++
		if !c.depth(depth) {
			return false
		}
	}
	if m.item && !c.item(k, overhead+int64(len(b))) {
		return false
	}
	if !c.add(k) {
		return false
	}
	own := overhead
	if m.carries {
		own += ownBytes(m, b) + levelOverhead
	}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return false
		}
		b = b[n:]
		f, known := m.proto[num]
		switch {
		case known && f.number && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return false
			}
			b = b[n:]
			// Packed: fixed-width numbers are copied into a slice of their
			// exact size; varints (bucket counts of exponential
			// histograms) are appended one by one.
			extra := int64(len(v))
			if k == expBuckets {
				extra = 0
				for _, x := range v {
					if x < 0x80 {
						extra += appendedNumber
					}
				}
			}
			if !c.addBytes(extra) {
				return false
			}
		case known && f.number:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return false
			}
			b = b[n:]
			if !c.addBytes(appendedNumber) {
				return false
			}
		case known && f.kind != none && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return false
			}
			b = b[n:]
			if !c.proto(f.kind, v, own, depth) {
				return false
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return false
			}
			b = b[n:]
		}
	}
	return true
}

// ownBytes is the encoded size of message b's fields other than those that
// carry items: what every item below it repeats in its smallest request.
func ownBytes(m *message, b []byte) int64 {
	own := int64(len(b))
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return own
		}
		l := protowire.ConsumeFieldValue(num, typ, b[n:])
		if l < 0 {
			return own
		}
		if m.proto[num].carrier {
			own -= int64(n + l)
		}
		b = b[n+l:]
	}
	return own
}
