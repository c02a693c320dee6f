// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/aggregate"
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

const scopeName = "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

// Metric indices, in the order of descs.
const (
	mDuration = iota
	mTokenUsage
	mCalls
	mFallbacks
	mTokens
	mCost
	mUnpriced
	mStream
	mKnowledge
	mZeroHit
	mTTFC
)

// GenAI semantic-convention bucket boundaries.
var (
	durationBounds  = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}
	tokenBounds     = []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}
	knowledgeBounds = []float64{0, 1, 2, 5, 10, 20, 50}
)

const (
	attrTokenType = "gen_ai.token.type"
	attrStatus    = "status"
	attrOverflow  = "otel.metric.overflow"
)

var descs = []aggregate.Desc{
	mDuration:   {Name: "gen_ai.client.operation.duration", Unit: "s", Description: "Duration of GenAI operations (inference, agent, tool).", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: []string{genai.ErrorType}},
	mTokenUsage: {Name: "gen_ai.client.token.usage", Unit: "{token}", Description: "Input and output tokens per inference call.", Kind: aggregate.Histogram, Bounds: tokenBounds, Extra: []string{attrTokenType}},
	mCalls:      {Name: "gen_ai.client.calls", Unit: "{call}", Description: "GenAI operations by outcome.", Kind: aggregate.IntSum, Extra: []string{attrStatus, genai.ErrorType}},
	mFallbacks:  {Name: "gen_ai.client.fallbacks", Unit: "{call}", Description: "Operations answered by the fallback path (chat.fallback.used).", Kind: aggregate.IntSum},
	mTokens:     {Name: "gen_ai.client.tokens", Unit: "{token}", Description: "Tokens of inference calls by type.", Kind: aggregate.IntSum, Extra: []string{attrTokenType}},
	mCost:       {Name: "gen_ai.client.cost", Unit: "{cost}", Description: "Cost of inference calls (gen_ai.usage.cost.amount), by currency.", Kind: aggregate.DoubleSum, Extra: []string{genai.CostCurrency}},
	mUnpriced:   {Name: "gen_ai.client.unpriced_calls", Unit: "{call}", Description: "Inference calls that no price matched.", Kind: aggregate.IntSum},
	mStream:     {Name: "gen_ai.client.stream.results", Unit: "{call}", Description: "Streaming outcomes (chat.stream.result).", Kind: aggregate.IntSum, Extra: []string{genai.ChatStreamResult}},
	mKnowledge:  {Name: "gen_ai.client.knowledge.hits", Unit: "{document}", Description: "Knowledge documents retrieved per operation.", Kind: aggregate.Histogram, Bounds: knowledgeBounds},
	mZeroHit:    {Name: "gen_ai.client.knowledge.zero_hit_calls", Unit: "{call}", Description: "Operations whose knowledge retrieval found nothing.", Kind: aggregate.IntSum},
	mTTFC:       {Name: "gen_ai.response.time_to_first_chunk", Unit: "s", Description: "Time to the first streamed chunk.", Kind: aggregate.Histogram, Bounds: durationBounds},
}

type spanMetrics struct {
	cfg       *Config
	next      consumer.Metrics
	logger    *zap.Logger
	telemetry *metadata.TelemetryBuilder
	names     []string // dimension names: defaults then configured

	mu   sync.Mutex
	agg  *aggregate.Aggregator
	dims []string

	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
	started  bool
}

func newConnector(set connector.Settings, cfg *Config, next consumer.Metrics) (*spanMetrics, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	names := append([]string(nil), defaultDimensions...)
	for _, d := range cfg.Dimensions {
		names = append(names, d.Name)
	}
	return &spanMetrics{
		cfg: cfg, next: next, logger: set.Logger, telemetry: tb, names: names,
		agg: aggregate.New(aggregate.Options{
			Limit: cfg.AggregationCardinalityLimit, Expiration: cfg.MetricsExpiration,
			Delta: cfg.AggregationTemporality == "delta",
		}, descs),
		dims: make([]string, len(names)),
		stop: make(chan struct{}), done: make(chan struct{}),
	}, nil
}

func (c *spanMetrics) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

// Start begins flushing every metrics_flush_interval.
func (c *spanMetrics) Start(context.Context, component.Host) error {
	c.started = true
	go c.loop()
	return nil
}

func (c *spanMetrics) loop() {
	defer close(c.done)
	t := time.NewTicker(c.cfg.MetricsFlushInterval)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.flush(context.Background())
		}
	}
}

// Shutdown stops the flush loop and emits what is held.
func (c *spanMetrics) Shutdown(ctx context.Context) error {
	var err error
	c.stopOnce.Do(func() {
		close(c.stop)
		if c.started {
			<-c.done
			err = c.flush(ctx)
		}
		c.telemetry.Shutdown()
	})
	return err
}

func (c *spanMetrics) flush(ctx context.Context) error {
	c.mu.Lock()
	md := c.build(time.Now())
	c.mu.Unlock()
	if md.DataPointCount() == 0 {
		return nil
	}
	if err := c.next.ConsumeMetrics(ctx, md); err != nil {
		c.logger.Warn("Failed to emit LLM span metrics", zap.Error(err))
		return err
	}
	return nil
}

// ConsumeTraces aggregates the GenAI spans of td; other spans are ignored.
func (c *spanMetrics) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	now := time.Now()
	var spans, overflowed int64
	c.mu.Lock()
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		res := rs.Resource().Attributes()
		service := ""
		if v, ok := res.Get(genai.ServiceName); ok {
			service = v.Str()
		}
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j).Spans()
			for k := 0; k < ss.Len(); k++ {
				before := c.agg.OverflowHits
				if c.span(ss.At(k), res, service, now) {
					spans++
				}
				if c.agg.OverflowHits > before {
					overflowed++
				}
			}
		}
	}
	c.mu.Unlock()
	if spans > 0 {
		c.telemetry.ConnectorSpanMetricsLlmSpans.Add(ctx, spans)
	}
	if overflowed > 0 {
		c.telemetry.ConnectorSpanMetricsLlmOverflowSpans.Add(ctx, overflowed)
	}
	return nil
}

// span aggregates one span; it reports whether the span was a GenAI span.
func (c *spanMetrics) span(s ptrace.Span, res pcommon.Map, service string, now time.Time) bool {
	attrs := s.Attributes()
	call := genai.Read(attrs)
	kind := call.Kind()
	if kind == genai.KindNone {
		return false
	}
	model := call.RequestModel
	if model == "" {
		model = call.ResponseModel
	}
	d := c.dims
	d[0], d[1], d[2], d[3], d[4] = service, call.Operation, call.Provider(), model, call.Agent
	for i, dim := range c.cfg.Dimensions {
		v, ok := attrs.Get(dim.Name)
		if !ok {
			v, ok = res.Get(dim.Name)
		}
		if ok {
			d[len(defaultDimensions)+i] = v.AsString()
		} else {
			d[len(defaultDimensions)+i] = dim.Default
		}
	}
	a := c.agg

	status, errType := "ok", ""
	if s.Status().Code() == ptrace.StatusCodeError {
		status, errType = "error", call.ErrorType
		if errType == "" {
			errType = "_OTHER"
		}
	}
	dur := 0.0
	if s.EndTimestamp() > s.StartTimestamp() {
		dur = time.Duration(s.EndTimestamp() - s.StartTimestamp()).Seconds()
	}
	g := a.Bind(d)
	ex := &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: dur, Time: now}
	a.Observe(g, mDuration, now, dur, ex, errType)
	a.Add(g, mCalls, now, 1, status, errType)
	if call.FallbackUsed {
		a.Add(g, mFallbacks, now, 1)
	}
	if call.StreamResult != "" {
		a.Add(g, mStream, now, 1, call.StreamResult)
	}
	if call.HasKnowledgeHits {
		a.Observe(g, mKnowledge, now, float64(call.KnowledgeHits), nil)
		if call.KnowledgeHits == 0 {
			a.Add(g, mZeroHit, now, 1)
		}
	}
	if call.HasTTFC {
		a.Observe(g, mTTFC, now, call.TimeToFirstChunk, &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: call.TimeToFirstChunk, Time: now})
	}
	if kind != genai.KindInference {
		return true
	}
	// Tokens and cost from inference spans only, as llm_cost prices them.
	u := call.Usage
	if u.Has&genai.HasInput != 0 {
		a.Observe(g, mTokenUsage, now, float64(u.Input), nil, "input")
		a.Add(g, mTokens, now, u.Input, "input")
	}
	if u.Has&genai.HasOutput != 0 {
		a.Observe(g, mTokenUsage, now, float64(u.Output), nil, "output")
		a.Add(g, mTokens, now, u.Output, "output")
	}
	if u.Has&genai.HasCacheRead != 0 {
		a.Add(g, mTokens, now, u.CacheRead, "cache_read")
	}
	if u.Has&genai.HasCacheWrite != 0 {
		a.Add(g, mTokens, now, u.CacheWrite, "cache_write")
	}
	if u.Has&genai.HasReasoning != 0 {
		a.Add(g, mTokens, now, u.Reasoning, "reasoning")
	}
	if call.HasCost {
		cur := call.CostCurrency
		if cur == "" {
			cur = "USD"
		}
		a.AddFloat(g, mCost, now, call.CostAmount, cur)
	}
	if call.CostStatus == genai.CostStatusUnpriced {
		a.Add(g, mUnpriced, now, 1)
	}
	return true
}

// build converts the aggregator's series into pmetric, one ResourceMetrics
// per service.name.
func (c *spanMetrics) build(now time.Time) pmetric.Metrics {
	md := pmetric.NewMetrics()
	type key struct {
		service string
		metric  int
	}
	scopes := map[string]pmetric.ScopeMetrics{}
	metrics := map[key]pmetric.Metric{}
	index := map[*aggregate.Metric]int{}
	for i := range descs {
		index[c.agg.Metric(i)] = i
	}
	ts := pcommon.NewTimestampFromTime(now)
	temporality := pmetric.AggregationTemporalityCumulative
	if c.cfg.AggregationTemporality == "delta" {
		temporality = pmetric.AggregationTemporalityDelta
	}
	c.agg.Flush(now, func(m *aggregate.Metric, s *aggregate.Series, overflow bool) {
		service := ""
		if !overflow {
			service = s.Values[0]
		}
		sm, ok := scopes[service]
		if !ok {
			rm := md.ResourceMetrics().AppendEmpty()
			if service != "" {
				rm.Resource().Attributes().PutStr(genai.ServiceName, service)
			}
			sm = rm.ScopeMetrics().AppendEmpty()
			sm.Scope().SetName(scopeName)
			scopes[service] = sm
		}
		k := key{service, index[m]}
		pm, ok := metrics[k]
		if !ok {
			pm = sm.Metrics().AppendEmpty()
			pm.SetName(m.Desc.Name)
			pm.SetUnit(m.Desc.Unit)
			pm.SetDescription(m.Desc.Description)
			switch m.Desc.Kind {
			case aggregate.Histogram:
				pm.SetEmptyHistogram().SetAggregationTemporality(temporality)
			default:
				sum := pm.SetEmptySum()
				sum.SetIsMonotonic(true)
				sum.SetAggregationTemporality(temporality)
			}
			metrics[k] = pm
		}
		var attrs pcommon.Map
		start := pcommon.NewTimestampFromTime(s.Start)
		switch m.Desc.Kind {
		case aggregate.Histogram:
			dp := pm.Histogram().DataPoints().AppendEmpty()
			dp.SetStartTimestamp(start)
			dp.SetTimestamp(ts)
			dp.SetCount(s.Count)
			dp.SetSum(s.Sum)
			dp.ExplicitBounds().FromRaw(m.Desc.Bounds)
			dp.BucketCounts().FromRaw(s.Buckets)
			if s.HasExemplar {
				e := dp.Exemplars().AppendEmpty()
				e.SetTraceID(pcommon.TraceID(s.Exemplar.TraceID))
				e.SetSpanID(pcommon.SpanID(s.Exemplar.SpanID))
				e.SetDoubleValue(s.Exemplar.Value)
				e.SetTimestamp(pcommon.NewTimestampFromTime(s.Exemplar.Time))
			}
			attrs = dp.Attributes()
		case aggregate.IntSum:
			dp := pm.Sum().DataPoints().AppendEmpty()
			dp.SetStartTimestamp(start)
			dp.SetTimestamp(ts)
			dp.SetIntValue(s.Int)
			attrs = dp.Attributes()
		case aggregate.DoubleSum:
			dp := pm.Sum().DataPoints().AppendEmpty()
			dp.SetStartTimestamp(start)
			dp.SetTimestamp(ts)
			dp.SetDoubleValue(s.Sum)
			attrs = dp.Attributes()
		}
		if overflow {
			attrs.PutBool(attrOverflow, true)
			return
		}
		for i, name := range c.names {
			if v := s.Values[i]; v != "" {
				attrs.PutStr(name, v)
			}
		}
		for i, name := range m.Desc.Extra {
			if v := s.Values[len(c.names)+i]; v != "" {
				attrs.PutStr(name, v)
			}
		}
	})
	return md
}
