// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/aggregate"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// evaluationEvents counts the gen_ai.evaluation.result events of span s
// (group g: the span's dimensions). The span's gen_ai.prompt.name is the
// prompt unless an event names its own.
func (c *spanMetrics) evaluationEvents(g *aggregate.Group, s ptrace.Span, call *genai.Call, service string, now time.Time) {
	events := s.Events()
	for i := 0; i < events.Len(); i++ {
		e := events.At(i)
		if e.Name() != genai.EvaluationResultEvent {
			continue
		}
		c.n.evalSpans++
		c.evaluation(g, e.Attributes(), call.Prompt, s.TraceID(), s.SpanID(), service, now)
	}
}

// evaluation counts one evaluation result: its score in
// otelcol_llm.evaluation.score (with an exemplar of the evaluated span) and
// the result, by score label and error, in otelcol_llm.evaluation.results.
func (c *spanMetrics) evaluation(g *aggregate.Group, ea pcommon.Map, prompt string, tid pcommon.TraceID, sid pcommon.SpanID, service string, now time.Time) {
	name, label, errType := "", "", ""
	var score pcommon.Value
	hasScore := false
	ea.Range(func(k string, v pcommon.Value) bool {
		switch k {
		case genai.EvaluationName:
			name = v.AsString()
		case genai.EvaluationScoreLabel:
			label = v.AsString()
		case genai.EvaluationScoreValue:
			score, hasScore = v, true
		case genai.PromptName:
			prompt = v.AsString()
		case genai.ErrorType:
			errType = v.AsString()
		}
		return true
	})
	if name == "" {
		c.invalid(genai.EvaluationResultEvent+" without "+genai.EvaluationName, service)
		return
	}
	name, prompt, label, errType = c.label(name), c.label(prompt), c.label(label), c.label(errType)
	a := c.agg
	a.Add(g, mEvalResults, now, 1, name, prompt, label, errType)
	if !hasScore {
		return
	}
	f, ok := genai.Number(score)
	if ok {
		ok = a.Observe(g, mEvalScore, now, f, &aggregate.Exemplar{TraceID: tid, SpanID: sid, Value: f, Time: now}, name, prompt)
	}
	if !ok {
		c.invalid(genai.EvaluationScoreValue, service)
	}
}

// isEvaluationRecord reports whether r is a gen_ai.evaluation.result event:
// by its event name, or the event.name attribute of older SDKs.
func isEvaluationRecord(r plog.LogRecord) bool {
	if r.EventName() == genai.EvaluationResultEvent {
		return true
	}
	v, ok := r.Attributes().Get(genai.EventName)
	return ok && v.Type() == pcommon.ValueTypeStr && v.Str() == genai.EvaluationResultEvent
}

// ConsumeLogs counts the gen_ai.evaluation.result events of ld (user
// feedback included); other log records are ignored. A record's dimensions
// come from its own attributes (model, agent, operation, the configured
// dimensions) and its resource; its trace context is the exemplar.
func (c *spanMetrics) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	if !c.cfg.Evaluations.Enabled {
		return nil
	}
	now := time.Now()
	c.mu.Lock()
	c.n = batchCounts{}
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		res := rl.Resource().Attributes()
		service := ""
		if v, ok := res.Get(genai.ServiceName); ok {
			service = v.Str()
		}
		var resCall *genai.Call // read when a record lacks the model or agent
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			recs := sls.At(j).LogRecords()
			for k := 0; k < recs.Len(); k++ {
				r := recs.At(k)
				if !isEvaluationRecord(r) {
					continue
				}
				c.n.evalLogs++
				before := c.agg.OverflowHits
				attrs := r.Attributes()
				call := genai.Read(attrs)
				model, agent, provider := call.Model(), call.Agent, call.Provider()
				if model == "" || agent == "" || provider == "" {
					// A processor may have lifted them to the resource (the
					// gateway's groupbyattrs/loki does, for Loki's labels).
					if resCall == nil {
						rc := genai.Read(res)
						resCall = &rc
					}
					if model == "" {
						model = resCall.Model()
					}
					if agent == "" {
						agent = resCall.Agent
					}
					if provider == "" {
						if provider = resCall.Provider(); provider == "" {
							provider = genai.InferProvider(model)
						}
					}
				}
				d := c.dims
				d[0], d[1], d[2], d[3], d[4] = c.label(service), c.label(call.Operation), c.label(provider), c.label(model), c.label(agent)
				c.configured(d, attrs, res)
				c.evaluation(c.agg.Bind(d), attrs, call.Prompt, r.TraceID(), r.SpanID(), service, now)
				if c.agg.OverflowHits > before {
					c.n.overflowed++
				}
			}
		}
	}
	n := c.n
	c.sinceFlush.invalid += n.invalid
	c.sinceFlush.truncated += n.truncated
	c.mu.Unlock()
	c.record(ctx, n)
	return nil
}
