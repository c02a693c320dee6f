// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package budget

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const twoTenants = `
budgets:
  - name: acme-monthly
    scope: tenant
    match: acme
    period: month
    amount: 500
    currency: usd
    owner: finops@acme.example
  - name: globex-daily
    scope: tenant
    match: globex
    period: day
    amount: 20
    currency: EUR
  - name: triage-agent
    scope: agent
    match: triage
    period: month
    amount: 50
`

func TestParse(t *testing.T) {
	b, err := Parse([]byte(twoTenants))
	require.NoError(t, err)
	require.Len(t, b, 3)
	assert.Equal(t, Budget{Name: "acme-monthly", Scope: Tenant, Match: "acme", Period: Month, Amount: 500, Currency: "USD", Owner: "finops@acme.example"}, b[0])
	assert.Equal(t, Budget{Name: "globex-daily", Scope: Tenant, Match: "globex", Period: Day, Amount: 20, Currency: "EUR"}, b[1])
	assert.Equal(t, "USD", b[2].Currency, "the default currency")

	empty, err := Parse(nil)
	require.NoError(t, err)
	assert.Empty(t, empty)
}

func TestParseErrors(t *testing.T) {
	_, err := Parse([]byte(`
budgets:
  - name: "a b"
    scope: team
    period: week
    amount: -3
    currency: dollars
  - name: x
    scope: user
    match: u1
    period: day
  - name: x
    scope: model
    match: gpt-4o
    period: month
    amount: .inf
`))
	require.Error(t, err)
	for _, want := range []string{
		`budgets[0]::name: "a b" is not a budget name`,
		`budgets[0]::scope: "team" is not one of tenant, user, agent, model, service`,
		`budgets[0]::match: required`,
		`budgets[0]::period: "week" is not one of day, month`,
		`budgets[0]::amount: -3 must be above 0`,
		`budgets[0]::currency: "dollars" is not an ISO 4217 code`,
		`budgets[1]::amount: required`,
		`budgets[2]::name: "x" is already the name of budgets[1]`,
		`budgets[2]::amount: +Inf must be above 0`,
	} {
		assert.ErrorContains(t, err, want)
	}
	_, err = Parse([]byte("budgets:\n  - name: a\n    limit: 3\n"))
	assert.ErrorContains(t, err, "field limit not found", "unknown keys are refused")
}

func TestPeriods(t *testing.T) {
	// 23:30 on 31 May in UTC-5 is 04:30 on 1 June UTC.
	at := time.Date(2026, 5, 31, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
	assert.Equal(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Day.Start(at))
	assert.Equal(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Month.Start(at))
	assert.Equal(t, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Month.Start(time.Date(2026, 2, 28, 23, 59, 59, 0, time.UTC)))
	assert.Equal(t, "2026-06-01", Label(Month.Start(at)))
}

func TestTracker(t *testing.T) {
	budgets, err := Parse([]byte(twoTenants))
	require.NoError(t, err)
	t0 := time.Date(2026, 5, 30, 22, 0, 0, 0, time.UTC)
	tr := NewTracker(budgets, t0)
	assert.True(t, tr.HasScope(Tenant))
	assert.False(t, tr.HasScope(User))
	assert.Equal(t, 0, tr.Add(Tenant, "acme", 1.5, "USD", t0))
	assert.Equal(t, 1, tr.Add(Tenant, "globex", 1.5, "USD", t0), "a USD cost does not count against a EUR budget")
	assert.Equal(t, 0, tr.Add(Tenant, "globex", 2, "EUR", t0))
	assert.Equal(t, 0, tr.Add(Tenant, "initech", 2, "USD", t0), "no budget")
	got := map[string]Spend{}
	tr.Each(t0, func(s *Spend) { got[s.Name] = *s })
	assert.Equal(t, 1.5, got["acme-monthly"].Total)
	assert.Equal(t, 2.0, got["globex-daily"].Total)
	assert.Equal(t, 0.0, got["triage-agent"].Total, "a budget with no spend is there, at 0")
	assert.Equal(t, t0, got["acme-monthly"].SeriesStart, "the counter starts with the process")

	// Past midnight UTC: the daily budget starts a new counter at 0, the
	// monthly one goes on.
	t1 := t0.Add(3 * time.Hour)
	tr.Add(Tenant, "acme", 1, "USD", t1)
	tr.Each(t1, func(s *Spend) { got[s.Name] = *s })
	assert.Equal(t, 2.5, got["acme-monthly"].Total)
	assert.Equal(t, 0.0, got["globex-daily"].Total)
	assert.Equal(t, time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC), got["globex-daily"].PeriodStart)
	assert.Equal(t, got["globex-daily"].PeriodStart, got["globex-daily"].SeriesStart)

	// A reload keeps unchanged budgets' spend; a changed one restarts.
	budgets[1].Currency = "USD"
	tr.Replace(budgets, t1)
	tr.Each(t1, func(s *Spend) { got[s.Name] = *s })
	assert.Equal(t, 2.5, got["acme-monthly"].Total)
	assert.Equal(t, t0, got["acme-monthly"].SeriesStart)
	assert.Equal(t, t1, got["globex-daily"].SeriesStart)

	// Deltas since the last flush.
	tr.Flushed()
	tr.Add(Tenant, "acme", 0.25, "USD", t1)
	tr.Each(t1, func(s *Spend) { got[s.Name] = *s })
	assert.Equal(t, 0.25, got["acme-monthly"].Delta)
	assert.Equal(t, 2.75, got["acme-monthly"].Total)
}

func TestUpcoming(t *testing.T) {
	budgets, err := Parse([]byte(twoTenants))
	require.NoError(t, err)
	tr := NewTracker(budgets, time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC))
	var got []string
	collect := func(now time.Time) []string {
		got = nil
		tr.Upcoming(now, 10*time.Minute, func(b *Budget, next time.Time) { got = append(got, b.Name+"@"+Label(next)) })
		return got
	}
	assert.Empty(t, collect(time.Date(2026, 5, 31, 23, 49, 0, 0, time.UTC)))
	assert.ElementsMatch(t, []string{"acme-monthly@2026-06-01", "globex-daily@2026-06-01", "triage-agent@2026-06-01"}, collect(time.Date(2026, 5, 31, 23, 51, 0, 0, time.UTC)))
	assert.Equal(t, []string{"globex-daily@2026-06-02"}, collect(time.Date(2026, 6, 1, 23, 55, 0, 0, time.UTC)))
	assert.Equal(t, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Month.Next(time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC)))
}
