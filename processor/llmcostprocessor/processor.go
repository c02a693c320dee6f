// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/estimate"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/rollup"
)

// costProcessor writes gen_ai.usage.cost.* on inference spans and log
// records, and cost totals on the spans and records above them.
type costProcessor struct {
	cfg       *Config
	telemetry *metadata.TelemetryBuilder
	semantics pricing.Semantics
	rates     map[string]pricing.Micros
	exclusive map[string]bool
	// exclusiveReasoning are the scopes whose reasoning counts are read as
	// reported apart from output.
	exclusiveReasoning map[string]bool
	shared             *shared
	released           bool
}

func newCostProcessor(set processor.Settings, cfg *Config) (*costProcessor, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	rates, err := cfg.rates()
	if err != nil {
		return nil, err
	}
	sh, err := acquire(set.ID, cfg, set.TelemetrySettings, tb)
	if err != nil {
		tb.Shutdown()
		return nil, err
	}
	p := &costProcessor{cfg: cfg, telemetry: tb, semantics: cfg.semantics(), rates: rates, shared: sh}
	if len(cfg.ExclusiveScopes) > 0 {
		p.exclusive = make(map[string]bool, len(cfg.ExclusiveScopes))
		for _, s := range cfg.ExclusiveScopes {
			p.exclusive[s] = true
		}
	}
	if len(cfg.ReasoningExclusiveScopes) > 0 {
		p.exclusiveReasoning = make(map[string]bool, len(cfg.ReasoningExclusiveScopes))
		for _, s := range cfg.ReasoningExclusiveScopes {
			p.exclusiveReasoning[s] = true
		}
	}
	return p, nil
}

func (p *costProcessor) start(ctx context.Context, host component.Host) error {
	return p.shared.start(ctx, host)
}

func (p *costProcessor) shutdown(context.Context) error {
	if !p.released {
		p.released = true
		p.shared.release()
		p.telemetry.Shutdown()
	}
	return nil
}

// counts tallies one batch's outcomes, recorded once per batch.
type counts struct {
	priced, estimated, unpriced, reported, invalid, failed, noUsage, aggregated int64
	drift                                                                       []drift
}

type drift struct {
	pricingID, currency string
	reported, computed  float64
}

func (p *costProcessor) record(ctx context.Context, c *counts) {
	tb := p.telemetry
	for _, x := range []struct {
		n int64
		m metric.Int64Counter
	}{
		{c.priced, tb.ProcessorLlmCostPricedItems},
		{c.estimated, tb.ProcessorLlmCostEstimatedItems},
		{c.unpriced, tb.ProcessorLlmCostUnpricedItems},
		{c.reported, tb.ProcessorLlmCostReportedItems},
		{c.invalid, tb.ProcessorLlmCostInvalidItems},
		{c.failed, tb.ProcessorLlmCostFailedItems},
		{c.noUsage, tb.ProcessorLlmCostNoUsageItems},
		{c.aggregated, tb.ProcessorLlmCostAggregatedItems},
	} {
		if x.n > 0 {
			x.m.Add(ctx, x.n)
		}
	}
	for _, d := range c.drift {
		opt := metric.WithAttributeSet(attribute.NewSet(attribute.String("pricing_id", d.pricingID), attribute.String("currency", d.currency)))
		tb.ProcessorLlmCostDriftReportedAmount.Add(ctx, d.reported, opt)
		tb.ProcessorLlmCostDriftComputedAmount.Add(ctx, d.computed, opt)
	}
}

// item is one span or log record as the pricing rules see it.
type item struct {
	attrs    pcommon.Map
	call     genai.Call
	provider string // call.Provider(), computed once
	at       time.Time
	factor   pricing.Micros
	failed   bool
	scopeExc bool
	scopeRsn bool
	// linked is a log record with a span context: it describes its span's
	// call (chat_trace's turn record, an instrumentation's event), whose
	// drift the span counts.
	linked bool
}

// deferred is a span priced after the batch's inference spans: an agent or
// workflow span, or one without an operation name, whose total may be the
// sum of its descendants.
type deferred struct {
	span ptrace.Span
	it   item
}

// scratch is a batch's working memory, pooled so pricing a batch does not
// allocate it.
type scratch struct {
	batch rollup.Batch
	later []deferred
	// it is the span being read and priced: kept here rather than in
	// processTraces' frame, which stays small (the request's goroutine,
	// short lived, then grows its stack less).
	it item
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (p *costProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	m := p.shared.matcher.Load()
	var c counts
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.later) // drop the references into td
		sc.later = sc.later[:0]
		sc.it = item{}
		sc.batch.Reset()
		scratchPool.Put(sc)
	}()
	batch := &sc.batch
	later := sc.later
	agg := p.cfg.AggregateCosts
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		factor := multiplier(m.Table(), rs.Resource().Attributes())
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			exc := p.exclusive != nil && p.exclusive[ss.Scope().Name()]
			rsn := p.exclusiveReasoning != nil && p.exclusiveReasoning[ss.Scope().Name()]
			spans := ss.Spans()
			for k := 0; k < spans.Len(); k++ {
				s := spans.At(k)
				// Priced at the price in effect when the call started.
				at := s.StartTimestamp()
				if at == 0 {
					at = s.EndTimestamp()
				}
				it := &sc.it
				it.attrs, it.at, it.factor = s.Attributes(), at.AsTime(), factor
				it.failed, it.scopeExc, it.scopeRsn = s.Status().Code() == ptrace.StatusCodeError, exc, rsn
				it.provider, it.linked = "", false
				genai.ReadInto(&it.call, s.Attributes())
				if it.call.ErrorType != "" {
					it.failed = true
				}
				kind := it.call.Kind()
				root := s.ParentSpanID().IsEmpty()
				if agg {
					if !root {
						// (A root's link leads nowhere: no total is above it.)
						batch.Link(rollup.TraceID(s.TraceID()), rollup.SpanID(s.SpanID()), rollup.SpanID(s.ParentSpanID()))
					}
					if kind == genai.KindAgent || kind == genai.KindWorkflow || (kind == genai.KindInference && it.call.ImplicitOperation) {
						later = append(later, deferred{span: s})
						later[len(later)-1].it = *it
						continue
					}
				}
				if kind != genai.KindInference {
					continue
				}
				// A root's own cost is in no total (totals are of a span's
				// descendants): lone calls, most traffic, cost the store nothing.
				if own, ok := p.price(m, it, &c); ok && agg && !root {
					batch.Cost(rollup.TraceID(s.TraceID()), rollup.SpanID(s.SpanID()), rollup.SpanID(s.ParentSpanID()), own)
				}
			}
		}
	}
	sc.later = later
	if agg && !batch.Empty() {
		p.shared.store.Apply(batch)
	}
	if len(later) > 0 {
		batch.Reset()
		for i := range later {
			d := &later[i]
			s := d.span
			tid, sid, parent := rollup.TraceID(s.TraceID()), rollup.SpanID(s.SpanID()), rollup.SpanID(s.ParentSpanID())
			if sum, ok := p.shared.store.Sum(tid, sid); ok {
				p.aggregate(d.it.attrs, sum, &c)
				continue
			}
			if d.it.call.Kind() == genai.KindInference {
				// No operation name and no priced child: the call itself.
				if own, ok := p.price(m, &d.it, &c); ok && parent != (rollup.SpanID{}) {
					batch.Cost(tid, sid, parent, own)
				}
				continue
			}
			// An agent or workflow span with a cost of its own and nothing
			// priced below it (OpenInference's llm.cost.total on an AGENT
			// span): the provider's figure, counted once.
			if d.it.call.HasCost && d.it.call.CostSource != genai.CostSourceAggregate {
				own := p.reported(d.it.attrs, &d.it.call, &c)
				if parent != (rollup.SpanID{}) {
					batch.Cost(tid, sid, parent, own)
				}
			}
		}
		if !batch.Empty() {
			p.shared.store.Apply(batch)
		}
	}
	p.record(ctx, &c)
	return td, nil
}

func (p *costProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	m := p.shared.matcher.Load()
	var c counts
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		factor := multiplier(m.Table(), rl.Resource().Attributes())
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			sl := sls.At(j)
			exc := p.exclusive != nil && p.exclusive[sl.Scope().Name()]
			rsn := p.exclusiveReasoning != nil && p.exclusiveReasoning[sl.Scope().Name()]
			recs := sl.LogRecords()
			for k := 0; k < recs.Len(); k++ {
				r := recs.At(k)
				at := r.Timestamp()
				if at == 0 {
					at = r.ObservedTimestamp()
				}
				it := item{
					attrs: r.Attributes(), call: genai.Read(r.Attributes()), at: at.AsTime(), factor: factor,
					failed: r.SeverityNumber() >= plog.SeverityNumberError, scopeExc: exc, scopeRsn: rsn,
					linked: !r.TraceID().IsEmpty() && !r.SpanID().IsEmpty(),
				}
				if it.call.ErrorType != "" {
					it.failed = true
				}
				switch it.call.Kind() {
				case genai.KindInference:
					p.price(m, &it, &c)
				case genai.KindAgent, genai.KindWorkflow:
					// A turn's log record: the total of its spans, priced in
					// the traces pipeline by this component (same trace and
					// span id as the turn's root span).
					if p.cfg.AggregateCosts && !r.TraceID().IsEmpty() && !r.SpanID().IsEmpty() {
						if sum, ok := p.shared.store.Sum(rollup.TraceID(r.TraceID()), rollup.SpanID(r.SpanID())); ok {
							p.aggregate(it.attrs, sum, &c)
							continue
						}
					}
					switch {
					case it.call.HasCost && it.call.CostSource != genai.CostSourceAggregate:
						p.reported(it.attrs, &it.call, &c)
					case it.call.Turn && r.TraceID().IsEmpty() && it.call.Model() != "":
						// A turn recorded as a log record only (its duration
						// unknown, so no spans): the record is the turn's one
						// call and is priced as such.
						p.price(m, &it, &c)
					}
				}
			}
		}
	}
	p.record(ctx, &c)
	return ld, nil
}

// multiplier returns the factor of the first multiplier whose resource
// attribute matches (1 when none does).
func multiplier(t *pricing.Table, res pcommon.Map) pricing.Micros {
	for _, m := range t.Multipliers {
		if v, ok := res.Get(m.Attribute); ok && v.AsString() == m.Value {
			return m.Factor
		}
	}
	return 1_000_000
}

// aggregate writes the sum of the costs below an item, marked so metrics do
// not count it again.
func (p *costProcessor) aggregate(attrs pcommon.Map, sum rollup.Sum, c *counts) {
	status := genai.CostStatusPriced
	switch {
	case sum.Flags&rollup.Missing != 0:
		status = genai.CostStatusPartial
	case sum.Flags&rollup.Estimated != 0:
		status = genai.CostStatusEstimated
	}
	attrs.EnsureCapacity(attrs.Len() + 4 + laterWrites)
	attrs.PutDouble(genai.CostAmount, pricing.PicosAmount(sum.Picos))
	attrs.PutStr(genai.CostCurrency, p.cfg.Currency)
	attrs.PutStr(genai.CostSource, genai.CostSourceAggregate)
	attrs.PutStr(genai.CostStatus, status)
	attrs.Remove(genai.CostPricingID)
	c.aggregated++
}

// reported keeps a cost the app reported (or an earlier llm_cost wrote, e.g.
// in a sidecar) under the GenAI name, and returns it for sums.
func (p *costProcessor) reported(attrs pcommon.Map, call *genai.Call, c *counts) rollup.Cost {
	if _, ok := attrs.Get(genai.CostAmount); !ok {
		attrs.PutDouble(genai.CostAmount, call.CostAmount)
	}
	if _, ok := attrs.Get(genai.CostSource); !ok {
		attrs.PutStr(genai.CostSource, genai.CostSourceProvider)
	}
	if _, ok := attrs.Get(genai.CostStatus); !ok {
		// A cost that arrived with the item: kept, not priced here. An
		// earlier llm_cost's status (priced, estimated) stays as written.
		attrs.PutStr(genai.CostStatus, genai.CostStatusReported)
	}
	cur := call.CostCurrency
	if cur == "" {
		cur = p.cfg.Currency
		attrs.PutStr(genai.CostCurrency, cur)
	}
	c.reported++
	if cur != p.cfg.Currency || call.CostAmount > maxSummable {
		return rollup.Cost{Flags: rollup.Missing}
	}
	return rollup.Cost{Picos: int64(call.CostAmount*1e12 + 0.5), Flags: rollup.Reported}
}

// maxSummable is the largest reported amount converted to exact units for
// a sum (9.2 million currency units fit an int64 of 1e-12 units).
const maxSummable = 9e6

// laterWrites is the room left in an item's attributes, beyond what llm_cost
// writes, for the attributes the pipeline's next processors commonly add
// (redact's pii.redacted.count and pii.redacted.types): EnsureCapacity
// allocates exactly what it is asked for, so without it their first write
// would copy every attribute again.
const laterWrites = 2

// partKeys are the breakdown attributes, indexed by pricing.Part (the two
// cache-write lifetimes share one).
var partKeys = [pricing.NumParts]string{genai.CostInput, genai.CostCacheRead, genai.CostCacheWrite, genai.CostCacheWrite, genai.CostOutput, genai.CostReasoning}

// price writes the cost attributes of one inference item and returns its
// own cost in exact units of the output currency for sums (ok false when it
// costs nothing to sum: a failed call, no usage).
func (p *costProcessor) price(m *pricing.Matcher, it *item, c *counts) (rollup.Cost, bool) {
	call, attrs := &it.call, it.attrs
	it.provider = call.Provider()
	if call.CostSource == genai.CostSourceAggregate && call.HasCost {
		// Already a sum of other items (an earlier llm_cost, e.g. in a
		// sidecar, wrote it): left as is, never summed again.
		return rollup.Cost{}, false
	}
	if call.HasCost && !p.cfg.RecomputeReportedCost {
		own := p.reported(attrs, call, c)
		if !it.linked {
			p.drift(m, it, c)
		}
		return own, true
	}
	if call.Usage.IsInvalid() {
		p.mark(attrs, genai.CostStatusInvalid)
		c.invalid++
		return rollup.Cost{Flags: rollup.Missing}, true
	}
	hasUsage := call.Usage.Has&(genai.HasInput|genai.HasOutput) != 0
	if !hasUsage && it.failed {
		// A failed call that reported no usage is not billed.
		p.mark(attrs, genai.CostStatusFailed)
		c.failed++
		return rollup.Cost{}, false
	}
	match := m.Lookup(it.provider, call.Model())
	if !match.Found() {
		p.mark(attrs, genai.CostStatusUnpriced)
		c.unpriced++
		return rollup.Cost{Flags: rollup.Missing}, true
	}
	entry := match.At(it.at)
	status := genai.CostStatusPriced
	var usage pricing.Usage
	if hasUsage {
		usage = p.usage(call, it)
		if call.Usage.Estimated {
			// Counts an earlier llm_cost estimated (a sidecar): still estimates.
			status = genai.CostStatusEstimated
		}
	} else if p.cfg.EstimateTokens {
		usage.Input = estimate.Input(entry.Tokenizer, str(attrs, genai.InputMessages), str(attrs, genai.SystemInstructions))
		usage.Output = estimate.Output(entry.Tokenizer, str(attrs, genai.OutputMessages))
		status = genai.CostStatusEstimated
	}
	if usage.Input+usage.Output == 0 && !hasUsage {
		p.mark(attrs, genai.CostStatusNoUsage)
		c.noUsage++
		return rollup.Cost{}, false
	}
	sel := entry.Select(it.at, call.ServiceTier)
	cost, err := pricing.Compute(usage, sel.Prices.For(usage.Input))
	if err != nil {
		p.mark(attrs, genai.CostStatusInvalid)
		c.invalid++
		return rollup.Cost{Flags: rollup.Missing}, true
	}
	cost.Factor = it.factor
	currency := entry.Currency
	rate, convert := p.rates[currency]
	convert = convert && currency != p.cfg.Currency
	// Room for every attribute written below, in one allocation.
	n := 5
	if convert {
		n += 2
	}
	if p.cfg.Breakdown {
		n += int(pricing.NumParts)
	}
	if status == genai.CostStatusEstimated {
		n += 4
	}
	attrs.EnsureCapacity(attrs.Len() + n + laterWrites)
	if convert {
		cost.Rate = rate
		attrs.PutStr(genai.CostPriceCurrency, currency)
		attrs.PutDouble(genai.CostExchangeRate, float64(rate)/1e6)
		currency = p.cfg.Currency
	}
	attrs.PutDouble(genai.CostAmount, cost.Amount())
	attrs.PutStr(genai.CostCurrency, currency)
	attrs.PutStr(genai.CostSource, genai.CostSourceLocal)
	attrs.PutStr(genai.CostStatus, status)
	if sel.ServiceTier != "" {
		attrs.PutStr(genai.CostPricingID, entry.PricingID+"/"+sel.ServiceTier)
	} else {
		attrs.PutStr(genai.CostPricingID, entry.PricingID)
	}
	if p.cfg.Breakdown {
		for part := range pricing.NumParts {
			if cost.Tokens[part] == 0 || part == pricing.PartCacheWrite1h {
				continue
			}
			if part == pricing.PartCacheWrite {
				attrs.PutDouble(partKeys[part], cost.CacheWriteAmount())
				continue
			}
			attrs.PutDouble(partKeys[part], cost.PartAmount(part))
		}
		if cost.Tokens[pricing.PartCacheWrite] == 0 && cost.Tokens[pricing.PartCacheWrite1h] > 0 {
			attrs.PutDouble(genai.CostCacheWrite, cost.CacheWriteAmount())
		}
	}
	own := rollup.Cost{Picos: cost.Picos(), Flags: rollup.Priced}
	if status == genai.CostStatusEstimated {
		// Estimated counts are written where token metrics find them,
		// marked so they are never mixed with reported counts.
		if !hasUsage {
			attrs.PutInt(genai.UsageInputTokens, usage.Input)
			attrs.PutInt(genai.UsageOutputTokens, usage.Output)
			attrs.PutBool(genai.UsageEstimated, true)
		}
		attrs.PutStr(genai.CostTokenizer, tokenizerName(entry))
		own.Flags = rollup.Estimated
		c.estimated++
	} else {
		c.priced++
	}
	if currency != p.cfg.Currency {
		own = rollup.Cost{Flags: rollup.Missing}
	}
	return own, true
}

// usage reads a call's reported counts in the inclusive meaning.
func (p *costProcessor) usage(call *genai.Call, it *item) pricing.Usage {
	u := call.Usage
	usage, _ := pricing.Normalize(pricing.Usage{
		Input: u.Input, Output: u.Output, CacheRead: u.CacheRead, CacheWrite: u.CacheWrite,
		CacheWrite1h: u.CacheWrite1h, Reasoning: u.Reasoning, Total: u.Total, HasTotal: u.Has&genai.HasTotal != 0,
	}, p.semantics, pricing.Evidence{Provider: it.provider, Model: call.Model(), ExclusiveScope: it.scopeExc, ReasoningExclusiveScope: it.scopeRsn})
	return usage
}

// drift prices a call whose cost the provider reported, when its tokens
// allow, and records both amounts: a stale price shows as a ratio away
// from 1.
func (p *costProcessor) drift(m *pricing.Matcher, it *item, c *counts) {
	call := &it.call
	if call.Usage.IsInvalid() || call.Usage.Has&(genai.HasInput|genai.HasOutput) == 0 || call.CostInvalid {
		return
	}
	match := m.Lookup(it.provider, call.Model())
	if !match.Found() {
		return
	}
	entry := match.At(it.at)
	usage := p.usage(call, it)
	sel := entry.Select(it.at, call.ServiceTier)
	cost, err := pricing.Compute(usage, sel.Prices.For(usage.Input))
	if err != nil {
		return
	}
	currency := call.CostCurrency
	if currency == "" {
		currency = p.cfg.Currency
	}
	if entry.Currency != currency {
		rate, ok := p.rates[entry.Currency]
		if !ok || currency != p.cfg.Currency {
			return
		}
		cost.Rate = rate
	}
	c.drift = append(c.drift, drift{pricingID: entry.PricingID, currency: currency, reported: call.CostAmount, computed: cost.Amount()})
}

// mark sets a status without an amount: never a silent 0.
func (p *costProcessor) mark(attrs pcommon.Map, status string) {
	attrs.PutStr(genai.CostStatus, status)
	attrs.Remove(genai.CostPricingID)
}

func tokenizerName(e *pricing.Entry) string {
	if e.OwnTokenizer {
		return e.Tokenizer.String()
	}
	return "approx:" + e.Tokenizer.String()
}

// str returns an attribute's text ("" when absent).
func str(attrs pcommon.Map, key string) string {
	v, ok := attrs.Get(key)
	if !ok {
		return ""
	}
	return v.AsString()
}
