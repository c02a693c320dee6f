// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/estimate"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
)

// costProcessor writes gen_ai.usage.cost.* on inference spans and log records.
type costProcessor struct {
	cfg       *Config
	logger    *zap.Logger
	telemetry *metadata.TelemetryBuilder
	semantics pricing.Semantics
	rates     map[string]pricing.Micros

	matcher atomic.Pointer[pricing.Matcher]

	// Price-file reloading.
	fileSize    int64
	fileModTime time.Time
	failing     bool      // the current file version failed to load
	failedFile  fileStamp // that version, so it is reported once
	stop        chan struct{}
	wg          sync.WaitGroup
	stopOnce    sync.Once
}

type fileStamp struct {
	size    int64
	modTime time.Time
}

func newCostProcessor(set processor.Settings, cfg *Config) (*costProcessor, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	table, err := loadTable(cfg.PriceFile)
	if err != nil {
		return nil, err
	}
	rates, err := cfg.rates()
	if err != nil {
		return nil, err
	}
	p := &costProcessor{cfg: cfg, logger: set.Logger, telemetry: tb, semantics: cfg.semantics(), rates: rates, stop: make(chan struct{})}
	p.matcher.Store(pricing.NewMatcher(table, cfg.AzureDeployments))
	if cfg.PriceFile != "" {
		if fi, err := os.Stat(cfg.PriceFile); err == nil {
			p.fileSize, p.fileModTime = fi.Size(), fi.ModTime()
		}
	}
	return p, nil
}

func (p *costProcessor) start(context.Context, component.Host) error {
	p.logger.Info("Price table loaded", zap.Int("models", p.matcher.Load().Table().Models), zap.String("price_file", p.cfg.PriceFile))
	if p.cfg.PriceFile == "" || p.cfg.ReloadInterval <= 0 {
		return nil
	}
	p.wg.Add(1)
	go p.watch()
	return nil
}

func (p *costProcessor) shutdown(context.Context) error {
	p.stopOnce.Do(func() { close(p.stop) })
	p.wg.Wait()
	if p.telemetry != nil {
		p.telemetry.Shutdown()
	}
	return nil
}

// watch re-reads the price file when its size or modification time changes.
func (p *costProcessor) watch() {
	defer p.wg.Done()
	tick := time.NewTicker(p.cfg.ReloadInterval)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
			p.reloadIfChanged()
		}
	}
}

func (p *costProcessor) reloadIfChanged() {
	fi, err := os.Stat(p.cfg.PriceFile)
	if err != nil {
		p.reloadFailed(fileStamp{}, err)
		return
	}
	stamp := fileStamp{fi.Size(), fi.ModTime()}
	if stamp.size == p.fileSize && stamp.modTime.Equal(p.fileModTime) {
		return
	}
	table, err := loadTable(p.cfg.PriceFile)
	if err != nil {
		p.reloadFailed(stamp, err)
		return
	}
	p.fileSize, p.fileModTime = stamp.size, stamp.modTime
	p.failing = false
	p.matcher.Store(pricing.NewMatcher(table, p.cfg.AzureDeployments))
	p.telemetry.ProcessorLlmCostPriceReloads.Add(context.Background(), 1)
	p.logger.Info("Price file reloaded", zap.String("price_file", p.cfg.PriceFile), zap.Int("models", table.Models))
}

// reloadFailed keeps the current table, counts the failure, and logs it once
// per broken version of the file (a missing file is one version).
func (p *costProcessor) reloadFailed(stamp fileStamp, err error) {
	if p.failing && stamp == p.failedFile {
		return
	}
	p.failing, p.failedFile = true, stamp
	p.telemetry.ProcessorLlmCostPriceReloadFailures.Add(context.Background(), 1)
	p.logger.Error("Price file reload failed; keeping the previous price table", zap.String("price_file", p.cfg.PriceFile), zap.Error(err))
}

// counts tallies one batch's outcomes, recorded once per batch.
type counts struct{ priced, estimated, unpriced, reported int64 }

func (p *costProcessor) record(ctx context.Context, c counts) {
	if c.priced > 0 {
		p.telemetry.ProcessorLlmCostPricedItems.Add(ctx, c.priced)
	}
	if c.estimated > 0 {
		p.telemetry.ProcessorLlmCostEstimatedItems.Add(ctx, c.estimated)
	}
	if c.unpriced > 0 {
		p.telemetry.ProcessorLlmCostUnpricedItems.Add(ctx, c.unpriced)
	}
	if c.reported > 0 {
		p.telemetry.ProcessorLlmCostReportedItems.Add(ctx, c.reported)
	}
}

func (p *costProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	m := p.matcher.Load()
	var c counts
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		factor := multiplier(m.Table(), rs.Resource().Attributes())
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				s := spans.At(k)
				// Priced at the price in effect when the call started.
				at := s.StartTimestamp()
				if at == 0 {
					at = s.EndTimestamp()
				}
				p.price(m, s.Attributes(), at, factor, &c)
			}
		}
	}
	p.record(ctx, c)
	return td, nil
}

func (p *costProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	m := p.matcher.Load()
	var c counts
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		factor := multiplier(m.Table(), rl.Resource().Attributes())
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			recs := sls.At(j).LogRecords()
			for k := 0; k < recs.Len(); k++ {
				r := recs.At(k)
				at := r.Timestamp()
				if at == 0 {
					at = r.ObservedTimestamp()
				}
				p.price(m, r.Attributes(), at, factor, &c)
			}
		}
	}
	p.record(ctx, c)
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

// partKeys are the breakdown attributes, indexed by pricing.Part.
var partKeys = [pricing.NumParts]string{genai.CostInput, genai.CostCacheRead, genai.CostCacheWrite, genai.CostOutput, genai.CostReasoning}

// price writes the cost attributes of one inference item.
func (p *costProcessor) price(m *pricing.Matcher, attrs pcommon.Map, at pcommon.Timestamp, factor pricing.Micros, c *counts) {
	call := genai.Read(attrs)
	if call.Kind() != genai.KindInference {
		return
	}
	if call.HasCost && !p.cfg.RecomputeReportedCost {
		// Reported by the app (or priced by an earlier llm_cost, e.g. in a
		// sidecar): kept as is, under the GenAI name.
		if _, ok := attrs.Get(genai.CostAmount); !ok {
			attrs.PutDouble(genai.CostAmount, call.CostAmount)
		}
		if _, ok := attrs.Get(genai.CostSource); !ok {
			attrs.PutStr(genai.CostSource, genai.CostSourceProvider)
		}
		if call.CostCurrency == "" {
			attrs.PutStr(genai.CostCurrency, p.cfg.Currency)
		}
		c.reported++
		return
	}
	match := m.Lookup(call.Model())
	if !match.Found() {
		p.unpriced(attrs, c)
		return
	}
	entry := match.At(at.AsTime())
	status := genai.CostStatusPriced
	var usage pricing.Usage
	if call.Usage.Has&(genai.HasInput|genai.HasOutput) != 0 {
		usage = pricing.Usage{
			Input: call.Usage.Input, Output: call.Usage.Output,
			CacheRead: call.Usage.CacheRead, CacheWrite: call.Usage.CacheWrite, Reasoning: call.Usage.Reasoning,
		}
		usage, _ = pricing.Normalize(usage, p.semantics)
	} else if p.cfg.EstimateTokens {
		usage.Input = estimate.Input(entry.Tokenizer, str(attrs, genai.InputMessages), str(attrs, genai.SystemInstructions))
		usage.Output = estimate.Output(entry.Tokenizer, str(attrs, genai.OutputMessages))
		status = genai.CostStatusEstimated
	}
	if usage.Input+usage.Output == 0 {
		p.unpriced(attrs, c)
		return
	}
	cost := entry.Compute(usage)
	cost.Factor = factor
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
		n++
	}
	attrs.EnsureCapacity(attrs.Len() + n)
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
	attrs.PutStr(genai.CostPricingID, entry.PricingID)
	if p.cfg.Breakdown {
		for part, key := range partKeys {
			if cost.Tokens[part] > 0 {
				attrs.PutDouble(key, cost.PartAmount(pricing.Part(part)))
			}
		}
	}
	if status == genai.CostStatusEstimated {
		attrs.PutStr(genai.CostTokenizer, tokenizerName(entry))
		c.estimated++
	} else {
		c.priced++
	}
}

// unpriced marks an item no price applies to: a status and no amount, never
// a silent 0.
func (p *costProcessor) unpriced(attrs pcommon.Map, c *counts) {
	attrs.PutStr(genai.CostStatus, genai.CostStatusUnpriced)
	attrs.Remove(genai.CostPricingID)
	c.unpriced++
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
