// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpscan // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"

import (
	"bytes"
	"encoding/json"
	"errors"
)

// jsonFrame is an open JSON object or array.
type jsonFrame struct {
	array bool
	// kind is the object's kind, or for an array the kind of its object
	// elements.
	kind kind
	// number marks an array of repeated numbers.
	number bool
	start  int // offset of the object's '{'
	depth  int // enclosing AnyValues
	// next is what the value after the current key holds; wantKey is set
	// where a key comes next.
	next    child
	wantKey bool
}

// ErrMalformedJSON is a body that is not valid JSON, or that has an empty
// object key. The OTLP JSON decoder is lenient: it decodes some invalid
// bodies (`[},},}`) into as many empty items as the body has separators, and
// it takes an empty key for the end of an object and reads what follows as
// more items of the enclosing array. A body the scanner cannot follow the
// way the decoder does is refused instead of counted.
var ErrMalformedJSON = errors.New("the body is not valid OTLP JSON (malformed, or an empty object key)")

// JSON scans a JSON-encoded export request of signal s, like Proto, but
// refuses a body that is not valid JSON with ErrMalformedJSON. An item's
// size here is its JSON text (without its resource and scope), which is
// larger than its protobuf encoding for anything but tiny resources.
func JSON(s Signal, b []byte, l Limits) (Result, error) {
	c := &counter{signal: s, limits: l}
	c.res.DecodedBytes = int64(len(b))
	if c.checkDecoded() {
		// Scan first: a limit the body breaks is the better answer (JSON
		// nested too deeply is also too deep for json.Valid).
		if !c.json(roots[s], b) {
			return c.res, ErrMalformedJSON
		}
		if c.err == nil && !json.Valid(b) {
			return c.res, ErrMalformedJSON
		}
	}
	return c.result()
}

// maxJSONNesting bounds how deeply JSON containers may nest for a value
// depth limit: a request, its resources, scopes, items and attributes take
// about 8 levels, each AnyValue level at most 4 more.
func maxJSONNesting(valueDepth int) int { return 8 + 4*valueDepth + 8 }

// json scans valid JSON b; it returns false when b holds an empty key.
func (c *counter) json(root kind, b []byte) bool {
	var stack []jsonFrame
	maxNesting := 0
	if c.limits.MaxValueDepth > 0 {
		maxNesting = maxJSONNesting(c.limits.MaxValueDepth)
	}
	// what the next value holds, from where it sits
	context := func() (child, int) {
		if len(stack) == 0 {
			return child{kind: root}, 0
		}
		top := &stack[len(stack)-1]
		if top.array {
			return child{kind: top.kind, number: top.number}, top.depth
		}
		return top.next, top.depth
	}
	// element counts an element of a message array that is not an object
	// (the decoder allocates an item for a null, a number or a string too).
	element := func() bool {
		if len(stack) == 0 || !stack[len(stack)-1].array {
			return true
		}
		top := &stack[len(stack)-1]
		if top.number {
			return c.addBytes(appendedNumber)
		}
		if top.kind != none {
			return c.add(top.kind)
		}
		return true
	}
	for i := 0; i < len(b); {
		switch ch := b[i]; ch {
		case '{', '[':
			if ch == '[' && !element() {
				return true
			}
			f, depth := context()
			if maxNesting > 0 && len(stack) >= maxNesting {
				c.err = &LimitError{Reason: ReasonValueDepth, Signal: c.signal, Limit: int64(c.limits.MaxValueDepth)}
				return true
			}
			if ch == '[' {
				stack = append(stack, jsonFrame{array: true, kind: f.kind, number: f.number, depth: depth})
				i++
				continue
			}
			k := f.kind
			if schema[k].value {
				depth++
				if !c.depth(depth) {
					return true
				}
			}
			if k != none && !c.add(k) {
				return true
			}
			stack = append(stack, jsonFrame{kind: k, start: i, depth: depth, wantKey: true})
			i++
		case '}', ']':
			if len(stack) == 0 {
				return true
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !top.array && schema[top.kind].item && !c.item(top.kind, int64(i-top.start+1)) {
				return true
			}
			i++
		case ',':
			if len(stack) > 0 && !stack[len(stack)-1].array {
				stack[len(stack)-1].wantKey = true
			}
			i++
		case '"':
			end := stringEnd(b, i)
			if end < 0 {
				return true
			}
			if len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].wantKey {
				top := &stack[len(stack)-1]
				f, ok := field(schema[top.kind].json, b[i+1:end-1])
				if !ok {
					return false
				}
				top.next = f
				top.wantKey = false
			} else if !element() {
				return true
			}
			i = end
		case ' ', '\t', '\n', '\r', ':':
			i++
		default: // a number, true, false or null
			j := i
			for j < len(b) && !delimiter[b[j]] {
				j++
			}
			if !element() {
				return true
			}
			i = max(j, i+1)
		}
	}
	return true
}

// stringEnd returns the offset just past the string starting at b[i] ('"'),
// or -1 when it does not end.
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// delimiter marks the bytes that end a number or literal.
var delimiter = func() (d [256]bool) {
	for _, c := range []byte(",]} \t\n\r:") {
		d[c] = true
	}
	return d
}()

// field looks an object key up as the decoder reads it: escapes resolved.
// It reports false for an empty key.
func field(fields map[string]child, raw []byte) (child, bool) {
	if len(raw) == 0 {
		return child{}, false
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return fields[string(raw)], true
	}
	var s string
	q := make([]byte, 0, len(raw)+2)
	q = append(append(append(q, '"'), raw...), '"')
	if json.Unmarshal(q, &s) != nil || s == "" {
		return child{}, false
	}
	return fields[s], true
}
