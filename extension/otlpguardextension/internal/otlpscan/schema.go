// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpscan // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"

import (
	"strings"

	"google.golang.org/protobuf/encoding/protowire"
)

// kind is an OTLP message type the scanner knows. Fields the scanner does
// not know (scalars, strings, unknown fields) only count their bytes.
type kind uint8

const (
	none kind = iota
	exportTraces
	resourceSpans
	scopeSpans
	span
	spanEvent
	spanLink
	exportLogs
	resourceLogs
	scopeLogs
	logRecord
	exportMetrics
	resourceMetrics
	scopeMetrics
	metric
	numberContainer // gauge, sum
	histogramContainer
	expHistogramContainer
	summaryContainer
	numberPoint
	histogramPoint
	expHistogramPoint
	expBuckets
	summaryPoint
	quantile
	exemplar
	resource
	scope
	keyValue
	anyValue
	arrayValue
	kvList
	entityRef
	kinds
)

// child is a field of a message: the kind of message it holds, or for
// repeated numbers what one element costs once decoded.
type child struct {
	kind kind
	// carrier marks the fields through which items hang below a message
	// (resource_spans, scope_spans, spans, ...); the other fields of such a
	// message are the overhead every item's smallest request repeats.
	carrier bool
	// number marks a repeated number field (histogram buckets and bounds).
	number bool
}

// message describes one kind: its fields by protobuf number and by JSON
// name, what an instance costs in memory once decoded, and what it counts as.
type message struct {
	name   string
	weight int64
	item   bool // a span, log record or metric data point
	value  bool // an AnyValue: nesting depth counts these
	// carries is set when a field carries items: the message's other
	// fields then repeat in every item's smallest request.
	carries bool
	proto   map[protowire.Number]child
	json    map[string]child
}

// Decoded sizes, in bytes per instance, as pdata (v1.67) allocates them
// when it unmarshals OTLP, slice growth included; TestEstimateBoundsPdata
// measures pdata against them. Strings and bytes are counted as their
// encoded length on top.
var schema = func() [kinds]message {
	var s [kinds]message
	def := func(k kind, name string, weight int64, fields ...any) {
		m := message{name: name, weight: weight, proto: map[protowire.Number]child{}, json: map[string]child{}}
		for i := 0; i+2 < len(fields); i += 3 {
			num, jsonName, c := fields[i].(int), fields[i+1].(string), fields[i+2].(child)
			m.proto[protowire.Number(num)] = c
			m.json[jsonName] = c
			m.json[snake(jsonName)] = c
			m.carries = m.carries || c.carrier
		}
		s[k] = m
	}
	msg := func(k kind) child { return child{kind: k} }
	carry := func(k kind) child { return child{kind: k, carrier: true} }
	numbers := child{number: true}

	def(exportTraces, "request", 0, 1, "resourceSpans", carry(resourceSpans))
	def(resourceSpans, "resource spans", 176, 1, "resource", msg(resource), 2, "scopeSpans", carry(scopeSpans), 1000, "deprecatedScopeSpans", carry(scopeSpans))
	def(scopeSpans, "scope spans", 160, 1, "scope", msg(scope), 2, "spans", carry(span))
	def(span, "span", 272, 9, "attributes", msg(keyValue), 11, "events", msg(spanEvent), 13, "links", msg(spanLink))
	def(spanEvent, "span event", 112, 3, "attributes", msg(keyValue))
	def(spanLink, "span link", 128, 4, "attributes", msg(keyValue))

	def(exportLogs, "request", 0, 1, "resourceLogs", carry(resourceLogs))
	def(resourceLogs, "resource logs", 176, 1, "resource", msg(resource), 2, "scopeLogs", carry(scopeLogs), 1000, "deprecatedScopeLogs", carry(scopeLogs))
	def(scopeLogs, "scope logs", 160, 1, "scope", msg(scope), 2, "logRecords", carry(logRecord))
	def(logRecord, "log record", 176, 5, "body", msg(anyValue), 6, "attributes", msg(keyValue))

	def(exportMetrics, "request", 0, 1, "resourceMetrics", carry(resourceMetrics))
	def(resourceMetrics, "resource metrics", 176, 1, "resource", msg(resource), 2, "scopeMetrics", carry(scopeMetrics), 1000, "deprecatedScopeMetrics", carry(scopeMetrics))
	def(scopeMetrics, "scope metrics", 160, 1, "scope", msg(scope), 2, "metrics", carry(metric))
	def(metric, "metric", 144, 5, "gauge", carry(numberContainer), 7, "sum", carry(numberContainer), 9, "histogram", carry(histogramContainer),
		10, "exponentialHistogram", carry(expHistogramContainer), 11, "summary", carry(summaryContainer), 12, "metadata", msg(keyValue))
	def(numberContainer, "gauge or sum", 48, 1, "dataPoints", carry(numberPoint))
	def(histogramContainer, "histogram", 48, 1, "dataPoints", carry(histogramPoint))
	def(expHistogramContainer, "exponential histogram", 48, 1, "dataPoints", carry(expHistogramPoint))
	def(summaryContainer, "summary", 48, 1, "dataPoints", carry(summaryPoint))
	def(numberPoint, "data point", 144, 7, "attributes", msg(keyValue), 5, "exemplars", msg(exemplar))
	def(histogramPoint, "data point", 208, 9, "attributes", msg(keyValue), 8, "exemplars", msg(exemplar), 6, "bucketCounts", numbers, 7, "explicitBounds", numbers)
	def(expHistogramPoint, "data point", 256, 1, "attributes", msg(keyValue), 8, "positive", msg(expBuckets), 9, "negative", msg(expBuckets), 11, "exemplars", msg(exemplar))
	def(expBuckets, "buckets", 32, 2, "bucketCounts", numbers)
	def(summaryPoint, "data point", 144, 7, "attributes", msg(keyValue), 6, "quantileValues", msg(quantile))
	def(quantile, "quantile", 64)
	def(exemplar, "exemplar", 416, 7, "filteredAttributes", msg(keyValue))

	def(resource, "resource", 0, 1, "attributes", msg(keyValue), 3, "entityRefs", msg(entityRef))
	def(scope, "scope", 0, 3, "attributes", msg(keyValue))
	def(keyValue, "attribute", 224, 2, "value", msg(anyValue))
	def(anyValue, "value", 96, 5, "arrayValue", msg(arrayValue), 6, "kvlistValue", msg(kvList))
	def(arrayValue, "array", 32, 1, "values", msg(anyValue))
	def(kvList, "map", 32, 1, "values", msg(keyValue))
	def(entityRef, "entity ref", 96)
	// Embedded (not allocated separately) in their parent: resource, scope;
	// an AnyValue directly in a KeyValue or log body is costed here as its
	// own allocation, which pdata makes for every value.

	for _, k := range []kind{span, logRecord, numberPoint, histogramPoint, expHistogramPoint, summaryPoint} {
		s[k].item = true
	}
	s[anyValue].value = true
	return s
}()

// snake turns a JSON (lowerCamelCase) field name into its proto name, which
// the OTLP JSON decoder also accepts: resourceSpans -> resource_spans.
func snake(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// roots is the request message of each signal.
var roots = [...]kind{Traces: exportTraces, Logs: exportLogs, Metrics: exportMetrics}
