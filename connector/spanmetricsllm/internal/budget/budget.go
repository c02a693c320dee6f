// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package budget reads a budgets file (an amount per calendar day or month,
// in a currency, for one tenant, user, agent, model or service) and keeps
// what was spent against each budget in the current period. It has no
// dependency on pdata.
//
// Periods are calendar days and months in UTC. Each period's spend is its
// own counter, which starts at 0 when the period (or the budget, or the
// process) starts: Prometheus's increase() over that series, which resets
// on a restart handle, is the spend so far in the period.
package budget // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/budget"

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Scope is what a budget is for.
type Scope uint8

const (
	// Tenant matches the configured tenant attribute (tenant_attribute).
	Tenant Scope = iota
	// User matches user.id (or enduser.id).
	User
	// Agent matches gen_ai.agent.name.
	Agent
	// Model matches the request model (else the response model).
	Model
	// Service matches service.name.
	Service
	numScopes
)

var scopeNames = [numScopes]string{"tenant", "user", "agent", "model", "service"}

func (s Scope) String() string { return scopeNames[s] }

// Period is a budget's calendar period, in UTC.
type Period uint8

const (
	// Day is a calendar day, 00:00 to 24:00 UTC.
	Day Period = iota
	// Month is a calendar month, from the 1st 00:00 UTC.
	Month
)

func (p Period) String() string {
	if p == Month {
		return "month"
	}
	return "day"
}

// Start returns the start of the period that contains t.
func (p Period) Start(t time.Time) time.Time {
	t = t.UTC()
	if p == Month {
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Label is the period_start label of the period that starts at start:
// its date, 2026-05-01.
func Label(start time.Time) string { return start.Format(time.DateOnly) }

// Budget is one entry of the file.
type Budget struct {
	Name     string
	Scope    Scope
	Match    string
	Period   Period
	Amount   float64
	Currency string
	Owner    string
}

// MaxBudgets bounds the file: every budget is two series.
const MaxBudgets = 1000

// MaxAmount bounds an amount (in its currency's units).
const MaxAmount = 1e12

type fileYAML struct {
	Budgets []budgetYAML `yaml:"budgets"`
}

type budgetYAML struct {
	Name     string   `yaml:"name"`
	Scope    string   `yaml:"scope"`
	Match    string   `yaml:"match"`
	Period   string   `yaml:"period"`
	Amount   *float64 `yaml:"amount"`
	Currency string   `yaml:"currency"`
	Owner    string   `yaml:"owner"`
}

var (
	nameRE     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Parse reads a budgets file. Errors name the entry and key
// (budgets[1]::amount) and quote the value.
func Parse(data []byte) ([]Budget, error) {
	var f fileYAML
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty file: no budgets
		}
		return nil, err
	}
	if len(f.Budgets) > MaxBudgets {
		return nil, fmt.Errorf("budgets: %d entries; at most %d", len(f.Budgets), MaxBudgets)
	}
	var errs []error
	out := make([]Budget, 0, len(f.Budgets))
	names := map[string]int{}
	for i, y := range f.Budgets {
		key := fmt.Sprintf("budgets[%d]", i)
		b := Budget{Name: y.Name, Match: y.Match, Currency: strings.ToUpper(y.Currency), Owner: y.Owner}
		switch {
		case !nameRE.MatchString(y.Name):
			errs = append(errs, fmt.Errorf("%s::name: %q is not a budget name (a letter or digit, then up to 127 of letters, digits, _ . : / -)", key, y.Name))
		default:
			if j, dup := names[y.Name]; dup {
				errs = append(errs, fmt.Errorf("%s::name: %q is already the name of budgets[%d]", key, y.Name, j))
			}
			names[y.Name] = i
		}
		scope := -1
		for s, n := range scopeNames {
			if y.Scope == n {
				scope = s
			}
		}
		if scope < 0 {
			errs = append(errs, fmt.Errorf("%s::scope: %q is not one of %s", key, y.Scope, strings.Join(scopeNames[:], ", ")))
		} else {
			b.Scope = Scope(scope)
		}
		if y.Match == "" {
			errs = append(errs, fmt.Errorf("%s::match: required (the %s the budget is for)", key, y.Scope))
		}
		switch y.Period {
		case "day":
			b.Period = Day
		case "month":
			b.Period = Month
		default:
			errs = append(errs, fmt.Errorf("%s::period: %q is not one of day, month", key, y.Period))
		}
		switch {
		case y.Amount == nil:
			errs = append(errs, fmt.Errorf("%s::amount: required", key))
		case !(*y.Amount > 0 && *y.Amount <= MaxAmount) || math.IsInf(*y.Amount, 0):
			errs = append(errs, fmt.Errorf("%s::amount: %v must be above 0 and at most %g", key, *y.Amount, MaxAmount))
		default:
			b.Amount = *y.Amount
		}
		if b.Currency == "" {
			b.Currency = "USD"
		} else if !currencyRE.MatchString(b.Currency) {
			errs = append(errs, fmt.Errorf("%s::currency: %q is not an ISO 4217 code (three letters)", key, y.Currency))
		}
		if len(y.Owner) > 256 {
			errs = append(errs, fmt.Errorf("%s::owner: %d bytes; at most 256", key, len(y.Owner)))
		}
		out = append(out, b)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// Spend is a budget with what was spent against it in its current period.
type Spend struct {
	Budget
	// PeriodStart is the start of the current period; periodEnd the next's.
	PeriodStart, periodEnd time.Time
	// SeriesStart is when the current period's counter started (the
	// period's start, or later: when the process or the budget started).
	SeriesStart time.Time
	// Total is the counter: spent in the period since SeriesStart.
	Total float64
	// Delta is what was added since the last Flushed (delta temporality).
	Delta float64
}

// Tracker holds the spend of a set of budgets. It is not safe for
// concurrent use.
type Tracker struct {
	spends  []Spend
	byScope [numScopes]map[string][]int
}

// NewTracker returns a Tracker of budgets, each at 0 from now.
func NewTracker(budgets []Budget, now time.Time) *Tracker {
	t := &Tracker{}
	t.Replace(budgets, now)
	return t
}

// Replace swaps in a new set of budgets (a reloaded file). A budget whose
// name, scope, match, period and currency are unchanged keeps its spend;
// the others start at 0.
func (t *Tracker) Replace(budgets []Budget, now time.Time) {
	old := map[string]Spend{}
	for _, s := range t.spends {
		old[s.Name] = s
	}
	t.spends = make([]Spend, len(budgets))
	for i := range t.byScope {
		t.byScope[i] = map[string][]int{}
	}
	for i, b := range budgets {
		start := b.Period.Start(now)
		s := Spend{Budget: b, PeriodStart: start, periodEnd: b.Period.Next(now), SeriesStart: now}
		if o, ok := old[b.Name]; ok && o.Scope == b.Scope && o.Match == b.Match && o.Period == b.Period && o.Currency == b.Currency && o.PeriodStart.Equal(start) {
			s.SeriesStart, s.Total, s.Delta = o.SeriesStart, o.Total, o.Delta
		}
		t.spends[i] = s
		m := t.byScope[b.Scope]
		m[b.Match] = append(m[b.Match], i)
	}
}

// Len is the number of budgets.
func (t *Tracker) Len() int { return len(t.spends) }

// HasScope reports whether any budget has scope s.
func (t *Tracker) HasScope(s Scope) bool { return len(t.byScope[s]) > 0 }

// Add adds amount in currency to the budgets of scope s whose match is
// value. It reports how many budgets matched value but not the currency
// (their spend is not changed).
func (t *Tracker) Add(s Scope, value string, amount float64, currency string, now time.Time) (mismatched int) {
	for _, i := range t.byScope[s][value] {
		sp := &t.spends[i]
		if !strings.EqualFold(sp.Currency, currency) {
			mismatched++
			continue
		}
		t.roll(sp, now)
		if math.IsInf(sp.Total+amount, 0) {
			continue
		}
		sp.Total += amount
		sp.Delta += amount
	}
	return mismatched
}

// roll starts a new period's counter at 0 when now is past the current one.
func (t *Tracker) roll(sp *Spend, now time.Time) {
	if now.Before(sp.periodEnd) {
		return
	}
	if start := sp.Period.Start(now); start.After(sp.PeriodStart) {
		sp.PeriodStart, sp.SeriesStart, sp.Total, sp.Delta = start, start, 0, 0
		sp.periodEnd = sp.Period.Next(now)
	}
}

// Each rolls every budget to now's period and calls fn with it.
func (t *Tracker) Each(now time.Time, fn func(s *Spend)) {
	for i := range t.spends {
		t.roll(&t.spends[i], now)
		fn(&t.spends[i])
	}
}

// Next returns the start of the period after the one that contains t.
func (p Period) Next(t time.Time) time.Time {
	start := p.Start(t)
	if p == Month {
		return start.AddDate(0, 1, 0)
	}
	return start.AddDate(0, 0, 1)
}

// Upcoming calls fn with every budget whose next period starts within lead
// of now, and that next period's start: its counter can be shown at 0
// before the period starts, so the first spend of the period is an
// increase Prometheus sees.
func (t *Tracker) Upcoming(now time.Time, lead time.Duration, fn func(b *Budget, next time.Time)) {
	for i := range t.spends {
		sp := &t.spends[i]
		if next := sp.Period.Next(now); next.Sub(now) <= lead {
			fn(&sp.Budget, next)
		}
	}
}

// Flushed clears the deltas (after a delta-temporality flush).
func (t *Tracker) Flushed() {
	for i := range t.spends {
		t.spends[i].Delta = 0
	}
}
