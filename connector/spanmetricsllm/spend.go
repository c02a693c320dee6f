// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"fmt"
	"os"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/budget"
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/topk"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// Labels of the budget and top-spender series.
const (
	labelBudget      = "budget"
	labelScope       = "scope"
	labelPeriod      = "period"
	labelPeriodStart = "period_start"
	labelCurrency    = "currency"
	labelOwner       = "owner"
	labelSpender     = "spender"
)

// Top-spender scopes.
const (
	spenderUser    = "user"
	spenderSession = "session"
	// spenderOther is the spender label of what the top k do not hold.
	spenderOther = "_other"
)

// budgets is the budgets file and the spend against it.
type budgets struct {
	cfg     BudgetsConfig
	tracker *budget.Tracker
	stamp   fileStamp
	failed  fileStamp // the broken version last reported
}

type fileStamp struct {
	size    int64
	modTime time.Time
}

func readBudgets(path string) ([]budget.Budget, fileStamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("budgets::file: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("budgets::file: %w", err)
	}
	b, err := budget.Parse(data)
	if err != nil {
		return nil, fileStamp{size: fi.Size(), modTime: fi.ModTime()}, fmt.Errorf("budgets::file %q: %w", path, err)
	}
	return b, fileStamp{size: fi.Size(), modTime: fi.ModTime()}, nil
}

// loadBudgets reads the file at start-up: an error stops the collector.
func loadBudgets(cfg BudgetsConfig, now time.Time) (*budgets, error) {
	b, stamp, err := readBudgets(cfg.File)
	if err != nil {
		return nil, err
	}
	return &budgets{cfg: cfg, tracker: budget.NewTracker(b, now), stamp: stamp}, nil
}

var (
	reloadOK     = metric.WithAttributeSet(attribute.NewSet(attribute.String("outcome", "ok")))
	reloadFailed = metric.WithAttributeSet(attribute.NewSet(attribute.String("outcome", "failed")))
)

// reloadBudgets re-reads the budgets file when its size or modification
// time changed. A broken version keeps the budgets in force, counted and
// logged once per version.
func (c *spanMetrics) reloadBudgets() {
	b := c.budgets
	path := b.cfg.File
	fi, err := os.Stat(path)
	if err == nil && (fileStamp{size: fi.Size(), modTime: fi.ModTime()}) == b.stamp {
		return
	}
	list, stamp, err := readBudgets(path)
	if err != nil {
		if stamp == b.failed && b.failed != (fileStamp{}) {
			return
		}
		b.failed = stamp
		c.telemetry.ConnectorSpanMetricsLlmBudgetReloads.Add(context.Background(), 1, reloadFailed)
		c.logger.Error("Budgets file reload failed; keeping the budgets in force", zap.String("file", path), zap.Error(err))
		return
	}
	c.mu.Lock()
	b.tracker.Replace(list, time.Now())
	b.stamp, b.failed = stamp, fileStamp{}
	c.mu.Unlock()
	c.telemetry.ConnectorSpanMetricsLlmBudgetReloads.Add(context.Background(), 1, reloadOK)
	c.logger.Info("Budgets file reloaded", zap.String("file", path), zap.Int("budgets", len(list)))
}

// spend counts amount (in currency cur, already counted in otelcol_llm.cost)
// against the budgets it matches and in the top spenders.
func (c *spanMetrics) spend(call *genai.Call, attrs, res pcommon.Map, service string, amount float64, cur string, now time.Time) {
	if b := c.budgets; b != nil && b.tracker.Len() > 0 {
		t := b.tracker
		add := func(s budget.Scope, value string) {
			if value != "" {
				c.n.mismatched += int64(t.Add(s, value, amount, cur, now))
			}
		}
		if t.HasScope(budget.Tenant) {
			add(budget.Tenant, attrString(b.cfg.TenantAttribute, attrs, res))
		}
		if t.HasScope(budget.User) {
			add(budget.User, c.user(call))
		}
		if t.HasScope(budget.Agent) {
			add(budget.Agent, call.Agent)
		}
		if t.HasScope(budget.Model) {
			add(budget.Model, call.Model())
			if call.RequestModel != "" && call.ResponseModel != "" && call.RequestModel != call.ResponseModel {
				add(budget.Model, call.RequestModel)
			}
		}
		if t.HasScope(budget.Service) {
			add(budget.Service, service)
		}
	}
	if sp := c.spenders; sp != nil {
		if sp.user {
			if u := c.user(call); u != "" {
				sp.add(&sp.users, c.label(u), cur, amount, now)
			}
		}
		if sp.session && call.Conversation != "" {
			sp.add(&sp.sessions, c.label(call.Conversation), cur, amount, now)
		}
	}
}

// attrString returns attribute name of attrs, else res, as a string.
func attrString(name string, attrs, res pcommon.Map) string {
	v, ok := attrs.Get(name)
	if !ok {
		if v, ok = res.Get(name); !ok {
			return ""
		}
	}
	return v.AsString()
}

// user is the span's user.id (else enduser.id), else its resource's.
func (c *spanMetrics) user(call *genai.Call) string {
	if call.User != "" {
		return call.User
	}
	return c.resUser
}

// resourceUser is a resource's user.id, else enduser.id: looked up once per
// resource, and only when something counts users.
func (c *spanMetrics) resourceUser(res pcommon.Map) string {
	if c.spenders == nil && (c.budgets == nil || !c.budgets.tracker.HasScope(budget.User)) {
		return ""
	}
	for _, k := range []string{genai.UserID, genai.EndUserID} {
		if v, ok := res.Get(k); ok {
			return v.AsString()
		}
	}
	return ""
}

// build appends the budget series: the limit (a gauge) and the spend of the
// current period (a counter that starts at 0 with the period, or with the
// process, so Prometheus's increase() over it is the spend so far).
func (b *budgets) build(ms pmetric.MetricSlice, now time.Time, delta bool, label func(string) string) {
	if b.tracker.Len() == 0 {
		return
	}
	ts := pcommon.NewTimestampFromTime(now)
	limit := ms.AppendEmpty()
	limit.SetName(genai.MetricBudgetLimit)
	limit.SetUnit("{cost}")
	limit.SetDescription("The amount of each budget of the budgets file, per period, in its currency.")
	lg := limit.SetEmptyGauge()
	ps := ms.AppendEmpty()
	ps.SetName(genai.MetricBudgetPeriodStart)
	ps.SetUnit("s")
	ps.SetDescription("The start of each budget's current period (Unix time): the newest period_start of a budget is its current one.")
	pg := ps.SetEmptyGauge()
	spend := ms.AppendEmpty()
	spend.SetName(genai.MetricBudgetSpend)
	spend.SetUnit("{cost}")
	spend.SetDescription("Cost counted against each budget in its current period (period_start), in its currency.")
	sum := spend.SetEmptySum()
	sum.SetIsMonotonic(true)
	if delta {
		sum.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	} else {
		sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	}
	b.tracker.Each(now, func(s *budget.Spend) {
		start := budget.Label(s.PeriodStart)
		put := func(a pcommon.Map) {
			a.PutStr(labelBudget, s.Name)
			a.PutStr(labelScope, s.Scope.String())
			a.PutStr(labelPeriod, s.Period.String())
			a.PutStr(labelPeriodStart, start)
			a.PutStr(labelCurrency, s.Currency)
		}
		dp := lg.DataPoints().AppendEmpty()
		dp.SetTimestamp(ts)
		dp.SetDoubleValue(s.Amount)
		put(dp.Attributes())
		if s.Owner != "" {
			dp.Attributes().PutStr(labelOwner, label(s.Owner))
		}
		pp := pg.DataPoints().AppendEmpty()
		pp.SetTimestamp(ts)
		pp.SetDoubleValue(float64(s.PeriodStart.Unix()))
		put(pp.Attributes())
		sp := sum.DataPoints().AppendEmpty()
		sp.SetTimestamp(ts)
		sp.SetStartTimestamp(pcommon.NewTimestampFromTime(s.SeriesStart))
		if delta {
			sp.SetDoubleValue(s.Delta)
		} else {
			sp.SetDoubleValue(s.Total)
		}
		put(sp.Attributes())
	})
	// The next period's counters, at 0, from upcomingLead before it starts.
	if !delta {
		b.tracker.Upcoming(now, upcomingLead, func(bd *budget.Budget, next time.Time) {
			sp := sum.DataPoints().AppendEmpty()
			sp.SetTimestamp(ts)
			sp.SetStartTimestamp(pcommon.NewTimestampFromTime(next))
			sp.SetDoubleValue(0)
			a := sp.Attributes()
			a.PutStr(labelBudget, bd.Name)
			a.PutStr(labelScope, bd.Scope.String())
			a.PutStr(labelPeriod, bd.Period.String())
			a.PutStr(labelPeriodStart, budget.Label(next))
			a.PutStr(labelCurrency, bd.Currency)
		})
	}
	if delta {
		b.tracker.Flushed()
	}
}

// upcomingLead is how long before a period starts its counter is shown at
// 0: several scrapes at any usual interval.
const upcomingLead = 10 * time.Minute

// maxSpenderCurrencies bounds the summaries per scope: one per currency.
const maxSpenderCurrencies = 4

// spenders ranks users and sessions by cost in the current period.
type spenders struct {
	k, counters     int
	period          budget.Period
	user, session   bool
	periodStart     time.Time
	periodEnd       time.Time
	users, sessions []currencySummary
}

type currencySummary struct {
	currency string
	s        *topk.Summary
}

func newSpenders(cfg TopSpendersConfig) *spenders {
	sp := &spenders{k: cfg.K, counters: cfg.Counters}
	if cfg.Period == "month" {
		sp.period = budget.Month
	}
	for _, s := range cfg.Scopes {
		switch s {
		case spenderUser:
			sp.user = true
		case spenderSession:
			sp.session = true
		}
	}
	return sp
}

// roll empties the summaries when a new period starts.
func (sp *spenders) roll(now time.Time) {
	if now.Before(sp.periodEnd) {
		return
	}
	sp.periodStart, sp.periodEnd = sp.period.Start(now), sp.period.Next(now)
	sp.users, sp.sessions = sp.users[:0], sp.sessions[:0]
}

func (sp *spenders) add(list *[]currencySummary, key, cur string, amount float64, now time.Time) {
	sp.roll(now)
	for i := range *list {
		if (*list)[i].currency == cur {
			(*list)[i].s.Add(key, amount)
			return
		}
	}
	if len(*list) >= maxSpenderCurrencies {
		return
	}
	s := topk.New(sp.counters)
	s.Add(key, amount)
	*list = append(*list, currencySummary{currency: cur, s: s})
}

// build appends the top spenders of each scope and currency, and what the
// others spent as spender="_other": gauges of the estimated spend in the
// current period, with the bound of each estimate's overestimate.
func (sp *spenders) build(ms pmetric.MetricSlice, now time.Time) {
	sp.roll(now)
	if len(sp.users) == 0 && len(sp.sessions) == 0 {
		return
	}
	ts := pcommon.NewTimestampFromTime(now)
	cost := ms.AppendEmpty()
	cost.SetName(genai.MetricSpenderCost)
	cost.SetUnit("{cost}")
	cost.SetDescription("Estimated spend of the top spenders (users, sessions) in the current period, at least their true spend; spender=_other is everyone else.")
	cg := cost.SetEmptyGauge()
	errm := ms.AppendEmpty()
	errm.SetName(genai.MetricSpenderCostError)
	errm.SetUnit("{cost}")
	errm.SetDescription("How much each top-spender estimate may exceed the true spend (its true spend is at least cost - cost_error).")
	eg := errm.SetEmptyGauge()
	start := budget.Label(sp.periodStart)
	for _, scope := range []struct {
		name string
		list []currencySummary
	}{{spenderUser, sp.users}, {spenderSession, sp.sessions}} {
		for _, cs := range scope.list {
			put := func(dp pmetric.NumberDataPoint, spender string, v float64) {
				dp.SetTimestamp(ts)
				dp.SetDoubleValue(v)
				a := dp.Attributes()
				a.PutStr(labelScope, scope.name)
				a.PutStr(labelSpender, spender)
				a.PutStr(labelCurrency, cs.currency)
				a.PutStr(labelPeriod, sp.period.String())
				a.PutStr(labelPeriodStart, start)
			}
			top := cs.s.Top(sp.k)
			held := 0.0
			for _, e := range top {
				put(cg.DataPoints().AppendEmpty(), e.Key, e.Count)
				put(eg.DataPoints().AppendEmpty(), e.Key, e.Err)
				held += e.Count
			}
			put(cg.DataPoints().AppendEmpty(), spenderOther, max(cs.s.Total()-held, 0))
		}
	}
}
