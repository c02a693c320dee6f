// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/aggregate"
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/dedup"
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

const scopeName = "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

// Metric indices, in the order of builtinDescs; configured histograms
// follow.
const (
	// mDuration is gen_ai.client.operation.duration: every operation in
	// v1.41; with semantic_conventions development, the client operations
	// that are not inference (embeddings, retrieval, memory, remote agents).
	mDuration = iota
	// mInferenceDuration, mInvocationDuration and mToolDuration are the
	// durations semantic-conventions-genai splits off (development only).
	mInferenceDuration
	mInvocationDuration
	mToolDuration
	// mTokenUsage is v1.41's token histogram; mInputTokens and
	// mOutputTokens are development's.
	mTokenUsage
	mInputTokens
	mOutputTokens
	mTTFC
	mCalls
	mFallbacks
	mTokens
	mCost
	mUnpriced
	mStream
	mKnowledge
	mZeroHit
	mTurns
	mTurnDuration
	mToolCalls
	mEvalScore
	mEvalResults
	numBuiltin
)

// GenAI semantic-convention bucket boundaries.
var (
	durationBounds  = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}
	tokenBounds     = []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}
	knowledgeBounds = []float64{0, 1, 2, 5, 10, 20, 50}
)

// Metric-specific attributes (beside the dimensions).
const (
	attrTokenType = "gen_ai.token.type"
	attrStatus    = "status"
	attrOverflow  = "otel.metric.overflow"
	// attrKind is the operation's kind: inference, agent, tool, workflow,
	// retrieval, memory (genai.Kind), so per-call rules need no list of
	// operation names.
	attrKind = "kind"
	// attrFallback is "true" for a turn answered by the fallback path.
	attrFallback = "fallback"
	// attrEstimated is "true" for token counts (and their cost) that
	// llm_cost estimated from text, "false" for reported ones.
	attrEstimated = "estimated"
)

// truncationMarker ends every attribute value cut to label_value_max_length.
const truncationMarker = "[truncated]"

// builtinDescs are the metrics of conventions conv. The names of the
// metrics this connector adds beyond the GenAI conventions' live in the
// otelcol_llm namespace (genai/metrics.go says why).
func builtinDescs(conv genai.Conventions) []aggregate.Desc {
	ttfc, tokens := genai.MetricTimeToFirstChunkV141, genai.MetricTokenUsage
	if conv == genai.ConventionsDevelopment {
		ttfc = genai.MetricInferenceTimeToFirstChunk
	}
	durExtra := []string{attrKind, genai.ErrorType}
	return []aggregate.Desc{
		mDuration:           {Name: genai.MetricOperationDuration, Unit: "s", Description: "Duration of GenAI operations, by kind.", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: durExtra},
		mInferenceDuration:  {Name: genai.MetricInferenceDuration, Unit: "s", Description: "Duration of model inference calls.", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: durExtra},
		mInvocationDuration: {Name: genai.MetricInvocationDuration, Unit: "s", Description: "Duration of in-process agent, workflow and conversation-turn invocations.", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: []string{attrKind, genai.ErrorType, genai.InvocationIsNested}},
		mToolDuration:       {Name: genai.MetricExecuteToolDuration, Unit: "s", Description: "Duration of tool executions.", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: durExtra},
		mTokenUsage:         {Name: tokens, Unit: "{token}", Description: "Input and output tokens per inference call; estimated=true for counts estimated from text.", Kind: aggregate.Histogram, Bounds: tokenBounds, Extra: []string{attrTokenType, attrEstimated}},
		mInputTokens:        {Name: genai.MetricInferenceInputTokens, Unit: "{token}", Description: "Input tokens per inference call; estimated=true for counts estimated from text.", Kind: aggregate.Histogram, Bounds: tokenBounds, Extra: []string{attrEstimated}},
		mOutputTokens:       {Name: genai.MetricInferenceOutputTokens, Unit: "{token}", Description: "Output tokens per inference call; estimated=true for counts estimated from text.", Kind: aggregate.Histogram, Bounds: tokenBounds, Extra: []string{attrEstimated}},
		mTTFC:               {Name: ttfc, Unit: "s", Description: "Time to the first chunk of streamed responses.", Kind: aggregate.Histogram, Bounds: durationBounds},
		mCalls:              {Name: genai.MetricCalls, Unit: "{call}", Description: "GenAI operations by kind and outcome.", Kind: aggregate.IntSum, Extra: []string{attrKind, attrStatus, genai.ErrorType}},
		mFallbacks:          {Name: genai.MetricFallbacks, Unit: "{call}", Description: "Operations answered by the fallback path (chat.fallback.used).", Kind: aggregate.IntSum},
		mTokens:             {Name: genai.MetricTokens, Unit: "{token}", Description: "Tokens of inference calls by type; estimated=true for counts estimated from text.", Kind: aggregate.IntSum, Extra: []string{attrTokenType, attrEstimated}},
		mCost:               {Name: genai.MetricCost, Unit: "{cost}", Description: "Cost of GenAI calls (gen_ai.usage.cost.amount), by currency; estimated=true when priced from estimated tokens.", Kind: aggregate.DoubleSum, Extra: []string{genai.CostCurrency, attrEstimated}},
		mUnpriced:           {Name: genai.MetricUnpricedCalls, Unit: "{call}", Description: "Inference calls that no price matched.", Kind: aggregate.IntSum},
		mStream:             {Name: genai.MetricStreamResults, Unit: "{call}", Description: "Streaming outcomes (chat.stream.result).", Kind: aggregate.IntSum, Extra: []string{genai.ChatStreamResult}},
		mKnowledge:          {Name: genai.MetricKnowledgeHits, Unit: "{document}", Description: "Knowledge documents retrieved per operation.", Kind: aggregate.Histogram, Bounds: knowledgeBounds},
		mZeroHit:            {Name: genai.MetricKnowledgeZeroHits, Unit: "{call}", Description: "Operations whose knowledge retrieval found nothing.", Kind: aggregate.IntSum},
		mTurns:              {Name: genai.MetricTurns, Unit: "{turn}", Description: "Chat turns (answers) by outcome and fallback.", Kind: aggregate.IntSum, Extra: []string{attrStatus, genai.ErrorType, attrFallback}},
		mTurnDuration:       {Name: genai.MetricTurnDuration, Unit: "s", Description: "Duration of chat turns (time to the whole answer).", Kind: aggregate.Histogram, Bounds: durationBounds, Extra: []string{genai.ErrorType, attrFallback}},
		mToolCalls:          {Name: genai.MetricToolCalls, Unit: "{call}", Description: "Tool calls made (execute_tool spans and chat.tool.call events), by tool and outcome.", Kind: aggregate.IntSum, Extra: []string{genai.ToolName, attrStatus, genai.ErrorType}},
		mEvalScore:          {Name: genai.MetricEvaluationScore, Unit: "1", Description: "Scores of gen_ai.evaluation.result events (user feedback included), by evaluation and prompt.", Kind: aggregate.Histogram, Extra: []string{genai.EvaluationName, genai.PromptName}},
		mEvalResults:        {Name: genai.MetricEvaluationResults, Unit: "{evaluation}", Description: "gen_ai.evaluation.result events by evaluation, prompt, score label and error.", Kind: aggregate.IntSum, Extra: []string{genai.EvaluationName, genai.PromptName, genai.EvaluationScoreLabel, genai.ErrorType}},
	}
}

// legacyNames are the names the metrics had before the otelcol_llm
// namespace, emitted beside the new ones with legacy_metric_names.
var legacyNames = [numBuiltin]string{
	mTTFC:      genai.LegacyMetricTimeToFirstChunk,
	mCalls:     genai.LegacyMetricCalls,
	mFallbacks: genai.LegacyMetricFallbacks,
	mTokens:    genai.LegacyMetricTokens,
	mCost:      genai.LegacyMetricCost,
	mUnpriced:  genai.LegacyMetricUnpricedCalls,
	mStream:    genai.LegacyMetricStreamResults,
	mKnowledge: genai.LegacyMetricKnowledgeHits,
	mZeroHit:   genai.LegacyMetricKnowledgeZeroHit,
}

type spanMetrics struct {
	cfg       *Config
	conv      genai.Conventions
	next      consumer.Metrics
	logger    *zap.Logger
	telemetry *metadata.TelemetryBuilder
	names     []string // dimension names: defaults then configured
	descs     []aggregate.Desc

	mu    sync.Mutex
	agg   *aggregate.Aggregator
	dedup *dedup.Filter // nil: off
	// prefetched keeps the result of prefetch alive.
	prefetched uint64
	dims       []string
	// hdims holds a configured histogram's own dimension values.
	hdims []string
	// counts of the ConsumeTraces call in progress, and since the last
	// flush (for one warning per flush).
	n, sinceFlush batchCounts
	lastInvalid   string

	budgets  *budgets  // nil: no budgets file
	spenders *spenders // nil: top_spenders off
	// resUser is the user of the resource whose spans are being counted.
	resUser string
	// call is the span being counted (in span, under mu): read in place,
	// not copied through the stack.
	call genai.Call

	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
	started  bool

	// shared: the traces and logs instances of one component (shared.go).
	key  sharedKey
	refs int
}

type batchCounts struct {
	spans, overflowed, duplicates, invalid, truncated, mismatched int64
	evalSpans, evalLogs                                           int64
}

func newConnector(set connector.Settings, cfg *Config, next consumer.Metrics) (*spanMetrics, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	conv, _ := genai.ParseConventions(cfg.SemanticConventions)
	names := append([]string(nil), defaultDimensions...)
	for _, d := range cfg.Dimensions {
		names = append(names, d.Name)
	}
	descs := builtinDescs(conv)
	descs[mEvalScore].Bounds = cfg.Evaluations.ScoreBuckets
	if len(descs[mEvalScore].Bounds) == 0 {
		descs[mEvalScore].Bounds = defaultScoreBuckets()
	}
	maxOwn := 0
	for _, h := range cfg.Histograms {
		unit := h.Unit
		if unit == "" {
			unit = "1"
		}
		descs = append(descs, aggregate.Desc{Name: h.Name, Unit: unit, Description: h.Description, Kind: aggregate.Histogram, Bounds: h.Buckets, Extra: h.Dimensions})
		maxOwn = max(maxOwn, len(h.Dimensions))
	}
	c := &spanMetrics{
		cfg: cfg, conv: conv, next: next, logger: set.Logger, telemetry: tb, names: names, descs: descs,
		agg: aggregate.New(aggregate.Options{
			Limit: cfg.AggregationCardinalityLimit, Expiration: cfg.MetricsExpiration,
			Delta: cfg.AggregationTemporality == "delta", Static: staticValues(),
		}, descs),
		dims:  make([]string, len(names)),
		hdims: make([]string, maxOwn),
		stop:  make(chan struct{}), done: make(chan struct{}),
	}
	if d := cfg.Deduplication; d.Enabled {
		c.dedup = dedup.New(d.Window, d.MaxSpans)
	}
	if cfg.Budgets.File != "" {
		if c.budgets, err = loadBudgets(cfg.Budgets, time.Now()); err != nil {
			return nil, err
		}
	}
	if ts := cfg.TopSpenders; ts.Enabled {
		c.spenders = newSpenders(ts)
	}
	return c, nil
}

// staticValues are the metric-specific attribute values span passes as
// constants (aggregate.Options.Static).
func staticValues() []string {
	v := []string{"ok", "error", "_OTHER", strconv.FormatBool(false), strconv.FormatBool(true), "USD"}
	for k := genai.KindNone; k <= genai.KindMemory; k++ {
		v = append(v, k.String())
	}
	// The token types of usage.
	return append(v, "input", "output", "cache_read", "cache_write", "reasoning")
}

func (c *spanMetrics) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

// Start begins flushing every metrics_flush_interval (and checking the
// budgets file).
func (c *spanMetrics) Start(context.Context, component.Host) error {
	c.started = true
	go c.loop()
	return nil
}

func (c *spanMetrics) loop() {
	defer close(c.done)
	if c.budgets != nil {
		// The budget counters at 0 right away, so the first spend after a
		// start is an increase Prometheus sees.
		c.flush(context.Background())
	}
	t := time.NewTicker(c.cfg.MetricsFlushInterval)
	defer t.Stop()
	var reload <-chan time.Time
	if c.budgets != nil && c.cfg.Budgets.ReloadInterval > 0 {
		r := time.NewTicker(c.cfg.Budgets.ReloadInterval)
		defer r.Stop()
		reload = r.C
	}
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.flush(context.Background())
		case <-reload:
			c.reloadBudgets()
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
	since, example := c.sinceFlush, c.lastInvalid
	c.sinceFlush, c.lastInvalid = batchCounts{}, ""
	c.mu.Unlock()
	if since.invalid > 0 || since.truncated > 0 {
		c.logger.Warn("LLM span metrics skipped invalid values or cut long attribute values",
			zap.Int64("invalid_values", since.invalid), zap.String("last_invalid", example),
			zap.Int64("truncated_values", since.truncated), zap.Int("label_value_max_length", c.cfg.LabelValueMaxLength))
	}
	if md.DataPointCount() == 0 {
		return nil
	}
	if err := c.next.ConsumeMetrics(ctx, md); err != nil {
		c.logger.Warn("Failed to emit LLM span metrics", zap.Error(err))
		return err
	}
	return nil
}

// ConsumeTraces aggregates the GenAI spans of td; other spans are ignored
// (but for their gen_ai.evaluation.result events).
func (c *spanMetrics) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	now := time.Now()
	nowNanos := now.UnixNano()
	c.mu.Lock()
	c.n = batchCounts{}
	rss := td.ResourceSpans()
	if c.dedup != nil {
		c.prefetch(rss)
	}
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		res := rs.Resource().Attributes()
		service := ""
		if v, ok := res.Get(genai.ServiceName); ok {
			service = v.Str()
		}
		c.resUser = c.resourceUser(res)
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j).Spans()
			for k := 0; k < ss.Len(); k++ {
				before := c.agg.OverflowHits
				c.span(ss.At(k), res, service, now, nowNanos)
				if c.agg.OverflowHits > before {
					c.n.overflowed++
				}
			}
		}
	}
	c.call = genai.Call{} // no reference into td kept
	n := c.n
	c.sinceFlush.invalid += n.invalid
	c.sinceFlush.truncated += n.truncated
	c.mu.Unlock()
	c.record(ctx, n)
	return nil
}

var (
	signalSpanEvent = metric.WithAttributeSet(attribute.NewSet(attribute.String("signal", "span_event")))
	signalLogRecord = metric.WithAttributeSet(attribute.NewSet(attribute.String("signal", "log_record")))
)

// record adds a batch's counts to the component telemetry.
func (c *spanMetrics) record(ctx context.Context, n batchCounts) {
	tel := c.telemetry
	for _, x := range []struct {
		n int64
		c metric.Int64Counter
	}{
		{n.spans, tel.ConnectorSpanMetricsLlmSpans},
		{n.overflowed, tel.ConnectorSpanMetricsLlmOverflowSpans},
		{n.duplicates, tel.ConnectorSpanMetricsLlmDuplicateSpans},
		{n.invalid, tel.ConnectorSpanMetricsLlmInvalidValues},
		{n.truncated, tel.ConnectorSpanMetricsLlmTruncatedValues},
		{n.mismatched, tel.ConnectorSpanMetricsLlmBudgetCurrencyMismatches},
	} {
		if x.n > 0 {
			x.c.Add(ctx, x.n)
		}
	}
	if n.evalSpans > 0 {
		tel.ConnectorSpanMetricsLlmEvaluations.Add(ctx, n.evalSpans, signalSpanEvent)
	}
	if n.evalLogs > 0 {
		tel.ConnectorSpanMetricsLlmEvaluations.Add(ctx, n.evalLogs, signalLogRecord)
	}
}

// prefetch touches the deduplication slots of every span of the batch
// first, so that their cache misses overlap (see dedup.Filter.Prefetch).
func (c *spanMetrics) prefetch(rss ptrace.ResourceSpansSlice) {
	var v uint64
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j).Spans()
			for k := 0; k < ss.Len(); k++ {
				s := ss.At(k)
				v ^= c.dedup.Prefetch(s.TraceID(), s.SpanID())
			}
		}
	}
	c.prefetched = v
}

// label returns v cut to label_value_max_length (at a character boundary,
// ending in truncationMarker), counting each cut.
func (c *spanMetrics) label(v string) string {
	maxLen := c.cfg.LabelValueMaxLength
	if len(v) <= maxLen {
		return v
	}
	c.n.truncated++
	cut := maxLen - len(truncationMarker)
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut] + truncationMarker
}

// invalid counts a value that is not counted; what says which (for the
// flush warning).
func (c *spanMetrics) invalid(what, service string) {
	c.n.invalid++
	c.lastInvalid = what + " (service " + c.label(service) + ")"
}

// hasEvaluation reports whether events hold a gen_ai.evaluation.result.
func hasEvaluation(events ptrace.SpanEventSlice) bool {
	for i := 0; i < events.Len(); i++ {
		if events.At(i).Name() == genai.EvaluationResultEvent {
			return true
		}
	}
	return false
}

// span aggregates one span.
func (c *spanMetrics) span(s ptrace.Span, res pcommon.Map, service string, now time.Time, nowNanos int64) {
	attrs := s.Attributes()
	call := &c.call
	genai.ReadInto(call, attrs)
	kind := call.Kind()
	evaluated := c.cfg.Evaluations.Enabled && s.Events().Len() > 0 && hasEvaluation(s.Events())
	if kind == genai.KindNone && !evaluated {
		return
	}
	if c.dedup != nil && c.dedup.Seen(s.TraceID(), s.SpanID(), nowNanos) {
		c.n.duplicates++
		return
	}
	if kind != genai.KindNone {
		c.n.spans++
	}
	model := call.RequestModel
	if model == "" {
		model = call.ResponseModel
	}
	d := c.dims
	d[0], d[1], d[2], d[3], d[4] = c.label(service), c.label(call.Operation), c.label(call.Provider()), c.label(model), c.label(call.Agent)
	c.configured(d, attrs, res)
	a := c.agg
	g := a.Bind(d)
	if evaluated {
		c.evaluationEvents(g, s, call, service, now)
	}
	if kind == genai.KindNone {
		return // a span that is not a GenAI operation but carries evaluations
	}

	status, errType := "ok", ""
	if s.Status().Code() == ptrace.StatusCodeError {
		status, errType = "error", c.label(call.ErrorType)
		if errType == "" {
			errType = "_OTHER"
		}
	}
	start, end := s.StartTimestamp(), s.EndTimestamp()
	dur, hasDur := 0.0, start != 0 && end >= start
	if hasDur {
		dur = time.Duration(end - start).Seconds()
	} else {
		c.invalid("span duration (start or end time missing, or end before start)", service)
	}
	kindName := kind.String()
	turn := isTurn(s, call, kind)
	if hasDur {
		ex := &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: dur, Time: now}
		if m := c.durationMetric(call, kind, s.Kind()); m == mInvocationDuration {
			nested := !turn
			if call.HasNested {
				nested = call.Nested
			}
			a.Observe(g, m, now, dur, ex, kindName, errType, strconv.FormatBool(nested))
		} else {
			a.Observe(g, m, now, dur, ex, kindName, errType)
		}
	}
	a.Add(g, mCalls, now, 1, kindName, status, errType)
	if call.FallbackUsed {
		a.Add(g, mFallbacks, now, 1)
	}
	if call.StreamResult != "" {
		a.Add(g, mStream, now, 1, c.label(call.StreamResult))
	}
	if call.HasKnowledgeHits {
		if call.KnowledgeHits < 0 || call.KnowledgeHits > maxKnowledgeHits {
			c.invalid(genai.ChatKnowledgeHits, service)
		} else {
			a.Observe(g, mKnowledge, now, float64(call.KnowledgeHits), nil)
			if call.KnowledgeHits == 0 {
				a.Add(g, mZeroHit, now, 1)
			}
		}
	}
	if call.HasTTFC {
		switch v := call.TimeToFirstChunk; {
		case call.HasStream && !call.Stream:
			c.invalid(genai.TimeToFirstChunk+" on a call with "+genai.RequestStream+" false", service)
		case v >= 0 && v <= maxSeconds:
			a.Observe(g, mTTFC, now, v, &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: v, Time: now})
		default:
			c.invalid(genai.TimeToFirstChunk, service)
		}
	}
	if turn {
		fallback := strconv.FormatBool(call.FallbackUsed)
		a.Add(g, mTurns, now, 1, status, errType, fallback)
		if hasDur {
			a.Observe(g, mTurnDuration, now, dur, &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: dur, Time: now}, errType, fallback)
		}
	}
	for i := numBuiltin; i < len(c.descs); i++ {
		h := &c.cfg.Histograms[i-numBuiltin]
		if v, ok := attrs.Get(h.Attribute); ok {
			f, ok := genai.Number(v)
			if ok {
				own := c.hdims[:len(h.Dimensions)]
				for j, name := range h.Dimensions {
					own[j] = c.lookup(name, attrs, res)
				}
				ok = a.Observe(g, i, now, f, &aggregate.Exemplar{TraceID: s.TraceID(), SpanID: s.SpanID(), Value: f, Time: now}, own...)
			}
			if !ok {
				c.invalid(h.Attribute, service)
			}
		}
	}
	c.usage(g, kind, call, attrs, res, service, now)
	// Tool calls last: they bind other dimensions.
	if kind == genai.KindTool {
		c.toolCall(g, attrs, status, errType, now)
	} else if s.Events().Len() > 0 {
		c.toolEvents(s, now)
	}
}

// durationMetric is the duration histogram of an operation: one for all in
// v1.41; with semantic_conventions development, inference calls on
// gen_ai.client.inference.duration, in-process agent, workflow and turn
// invocations on gen_ai.invocation.duration, tool executions on
// gen_ai.execute_tool.duration, and the other client operations
// (embeddings, retrieval, memory, create_agent, a remote agent's client
// span, plan) on gen_ai.client.operation.duration.
func (c *spanMetrics) durationMetric(call *genai.Call, kind genai.Kind, sk ptrace.SpanKind) int {
	if c.conv != genai.ConventionsDevelopment {
		return mDuration
	}
	switch kind {
	case genai.KindInference:
		if call.Operation != genai.OpEmbeddings {
			return mInferenceDuration
		}
	case genai.KindTool:
		return mToolDuration
	case genai.KindWorkflow:
		return mInvocationDuration
	case genai.KindAgent:
		if call.Operation == genai.OpInvokeAgent && sk != ptrace.SpanKindClient {
			return mInvocationDuration
		}
	}
	return mDuration
}

// lookup returns attribute name from attrs, else res ("" when neither has
// it), as a label.
func (c *spanMetrics) lookup(name string, attrs, res pcommon.Map) string {
	v, ok := attrs.Get(name)
	if !ok {
		v, ok = res.Get(name)
	}
	if !ok {
		return ""
	}
	return c.label(v.AsString())
}

// Bounds of plausible values: a time to first chunk of a day, a billion
// documents retrieved for one answer.
const (
	maxSeconds       = 86400
	maxKnowledgeHits = 1e9
)

// configured fills the configured dimensions of d from attrs, else res,
// else their defaults.
func (c *spanMetrics) configured(d []string, attrs, res pcommon.Map) {
	for i, dim := range c.cfg.Dimensions {
		v, ok := attrs.Get(dim.Name)
		if !ok {
			v, ok = res.Get(dim.Name)
		}
		if ok {
			d[len(defaultDimensions)+i] = c.label(v.AsString())
		} else {
			d[len(defaultDimensions)+i] = dim.Default
		}
	}
}

// isTurn applies the turn rule: a span marked chat.turn is a turn (and one
// marked chat.turn=false is not); without the mark, a
// handle_conversation_turn span is one, and so is the root span of a trace
// (no parent) that is a GenAI inference, agent or workflow operation.
func isTurn(s ptrace.Span, call *genai.Call, kind genai.Kind) bool {
	if call.TurnMarked {
		return call.Turn
	}
	if call.Operation == genai.OpHandleConversationTurn {
		return true
	}
	return (kind == genai.KindInference || kind == genai.KindAgent || kind == genai.KindWorkflow) && s.ParentSpanID().IsEmpty()
}

// usage counts the tokens and cost of a span, as llm_cost's contract for
// metrics says: tokens of inference spans only, reported and estimated
// apart, invalid ones never; cost with source local or provider once,
// wherever it is (an agent span's reported cost has nothing priced below
// it); an aggregate (the sum of other items, counted where they are)
// neither.
func (c *spanMetrics) usage(g *aggregate.Group, kind genai.Kind, call *genai.Call, attrs, res pcommon.Map, service string, now time.Time) {
	u := call.Usage
	if u.Has == 0 && u.Invalid == 0 && !call.HasCost && !call.CostInvalid && call.CostStatus == "" {
		return
	}
	m := markers(call)
	if m.aggregate {
		return
	}
	a := c.agg
	est := strconv.FormatBool(m.estimated)
	if kind == genai.KindInference {
		for range bits.OnesCount8(u.Invalid) {
			c.invalid("a gen_ai.usage token count", service)
		}
		for _, t := range [...]struct {
			bit  uint8
			n    int64
			typ  string
			hist bool
		}{
			{genai.HasInput, u.Input, "input", true},
			{genai.HasOutput, u.Output, "output", true},
			{genai.HasCacheRead, u.CacheRead, "cache_read", false},
			{genai.HasCacheWrite, u.CacheWrite, "cache_write", false},
			{genai.HasReasoning, u.Reasoning, "reasoning", false},
		} {
			if u.Has&t.bit == 0 {
				continue
			}
			if t.n < 0 || t.n > genai.MaxTokens {
				c.invalid("gen_ai.usage "+t.typ+" tokens", service)
				continue
			}
			if t.hist {
				switch {
				case c.conv != genai.ConventionsDevelopment:
					a.Observe(g, mTokenUsage, now, float64(t.n), nil, t.typ, est)
				case t.bit == genai.HasInput:
					a.Observe(g, mInputTokens, now, float64(t.n), nil, est)
				default:
					a.Observe(g, mOutputTokens, now, float64(t.n), nil, est)
				}
			}
			if !a.Add(g, mTokens, now, t.n, t.typ, est) {
				c.invalid(genai.MetricTokens+" sum ("+t.typ+") at its maximum", service)
			}
		}
		if call.CostStatus == genai.CostStatusUnpriced {
			a.Add(g, mUnpriced, now, 1)
		}
	}
	if call.CostInvalid {
		c.invalid(genai.CostAmount, service)
	}
	if call.HasCost {
		cur := c.label(call.CostCurrency)
		if cur == "" {
			cur = "USD"
		}
		if v := call.CostAmount; !(v >= 0 && v <= maxCost) || !a.AddFloat(g, mCost, now, v, cur, est) {
			c.invalid(genai.CostAmount, service)
		} else if v > 0 {
			c.spend(call, attrs, res, service, v, cur, now)
		}
	}
}

// maxCost bounds one item's cost (in its currency's units): more is a bug
// in the sender, and would drown every later amount in the sum's rounding.
const maxCost = 1e9

// usageMarkers are llm_cost's marks on a span's usage.
type usageMarkers struct{ estimated, aggregate bool }

// markers reads how the token counts and cost of a span were made:
// estimated from text by llm_cost (gen_ai.usage.estimated, or the cost
// status estimated, which an older llm_cost wrote without the counts), or
// an aggregate (gen_ai.usage.cost.source = aggregate). This is the one place
// that knows llm_cost's marks (its README, "Contract for metrics").
func markers(call *genai.Call) usageMarkers {
	return usageMarkers{
		estimated: call.Usage.Estimated || call.CostStatus == genai.CostStatusEstimated,
		aggregate: call.CostSource == genai.CostSourceAggregate,
	}
}

// toolCall counts an execute_tool span (group g) in otelcol_llm.tool.calls.
func (c *spanMetrics) toolCall(g *aggregate.Group, attrs pcommon.Map, status, errType string, now time.Time) {
	name := ""
	if v, ok := attrs.Get(genai.ToolName); ok {
		name = c.label(v.AsString())
	}
	c.agg.Add(g, mToolCalls, now, 1, name, status, errType)
}

// toolEvents counts the chat.tool.call events of a span (tool calls whose
// timing the app did not record) as tool calls of the span's agent: the
// dimensions c.dims holds for the span, with operation execute_tool and no
// provider or model. It must come after every other update of the span.
func (c *spanMetrics) toolEvents(s ptrace.Span, now time.Time) {
	events := s.Events()
	var g *aggregate.Group
	for i := 0; i < events.Len(); i++ {
		e := events.At(i)
		if e.Name() != genai.ChatToolCallEvent {
			continue
		}
		if g == nil {
			d := c.dims
			d[1], d[2], d[3] = genai.OpExecuteTool, "", ""
			g = c.agg.Bind(d)
		}
		ea := e.Attributes()
		name, status, errType := "", "ok", ""
		if v, ok := ea.Get(genai.ToolName); ok {
			name = c.label(v.AsString())
		}
		if v, ok := ea.Get(genai.ErrorType); ok {
			status, errType = "error", c.label(v.AsString())
		}
		c.agg.Add(g, mToolCalls, now, 1, name, status, errType)
	}
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
	for i := range c.descs {
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
	if c.cfg.LegacyMetricNames {
		for k, pm := range metrics {
			if k.metric < numBuiltin && legacyNames[k.metric] != "" {
				old := scopes[k.service].Metrics().AppendEmpty()
				pm.CopyTo(old)
				old.SetName(legacyNames[k.metric])
			}
		}
	}
	if c.budgets != nil || c.spenders != nil {
		sm, ok := scopes[""]
		if !ok {
			sm = md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty()
			sm.Scope().SetName(scopeName)
		}
		delta := c.cfg.AggregationTemporality == "delta"
		if c.budgets != nil {
			c.budgets.build(sm.Metrics(), now, delta, c.label)
		}
		if c.spenders != nil {
			c.spenders.build(sm.Metrics(), now)
		}
	}
	return md
}
