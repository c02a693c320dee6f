// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"fmt"

	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// contribMaskedCount is the attribute contrib's redaction processor adds
// (summary: info) to a span with masked values.
const contribMaskedCount = "redaction.masked.count"

// pipelineCheck is what a collector did to a sample of llm spans: a speed
// comparison only means something when both pipelines do the work.
type pipelineCheck struct {
	Spans, Inference, Priced, Redacted int
}

func (p pipelineCheck) String() string {
	return fmt.Sprintf("%d of %d inference spans priced; %d of %d spans redacted", p.Priced, p.Inference, p.Redacted, p.Spans)
}

// checkSample decodes an export the sink received and counts the inference
// spans that carry a cost and the spans that say something was redacted
// (redact's pii.redacted.count, contrib redaction's redaction.masked.count).
func checkSample(body []byte) (pipelineCheck, error) {
	var pc pipelineCheck
	req := ptraceotlp.NewExportRequest()
	if err := req.UnmarshalProto(body); err != nil {
		return pc, err
	}
	rss := req.Traces().ResourceSpans()
	for i := range rss.Len() {
		sss := rss.At(i).ScopeSpans()
		for j := range sss.Len() {
			spans := sss.At(j).Spans()
			for k := range spans.Len() {
				attrs := spans.At(k).Attributes()
				pc.Spans++
				for _, key := range []string{genai.PIIRedactedCount, contribMaskedCount} {
					if v, ok := attrs.Get(key); ok && v.Int() > 0 {
						pc.Redacted++
						break
					}
				}
				c := genai.Read(attrs)
				if c.Kind() != genai.KindInference || c.Usage.Has&genai.HasOutput == 0 {
					continue
				}
				pc.Inference++
				if c.HasCost {
					pc.Priced++
				}
			}
		}
	}
	return pc, nil
}
