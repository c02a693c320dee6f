// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultTable(t testing.TB) *Table {
	t.Helper()
	f, err := Parse(DefaultFile())
	require.NoError(t, err)
	tab, err := Build(f)
	require.NoError(t, err)
	return tab
}

func lookup(t *Table, name string) Match { return t.Lookup("", name, nil) }

func compute(t testing.TB, e *Entry, u Usage) Cost {
	t.Helper()
	c, err := Compute(u, e.Select(time.Time{}, "").Prices.For(u.Input))
	require.NoError(t, err)
	return c
}

func TestParseMicros(t *testing.T) {
	for in, want := range map[string]Micros{"2.50": 2_500_000, "0.075": 75_000, "0.01875": 18_750, "10": 10_000_000, "0": 0, "0.000001": 1} {
		got, err := ParseMicros(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "-1", "1.", ".5", "0.0000001", "1e3", "abc", "+1"} {
		_, err := ParseMicros(bad)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "0.075", Micros(75_000).String())
	assert.Equal(t, "10", Micros(10_000_000).String())
}

func TestDefaultTableIsValidAndBroad(t *testing.T) {
	tab := defaultTable(t)
	assert.GreaterOrEqual(t, tab.Models, 50)
	providers := map[string]bool{}
	for _, l := range tab.layers {
		for _, fams := range l.byName {
			for _, f := range fams {
				providers[f.provider] = true
			}
		}
	}
	for _, p := range []string{"openai", "anthropic", "gcp.gemini", "mistral_ai", "deepseek", "meta", "cohere"} {
		assert.True(t, providers[p], "default table must cover %s", p)
	}
}

func TestMatchingNamesFromTheWild(t *testing.T) {
	m := NewMatcher(defaultTable(t), map[string]string{"prod-chat-east": "gpt-4o-mini"}, nil)
	for raw, want := range map[string]string{
		"gpt-4o":                                       "gpt-4o",
		"gpt-4o-2024-08-06":                            "gpt-4o",
		"GPT-4o-mini-2024-07-18":                       "gpt-4o-mini",
		"openai/gpt-4o":                                "gpt-4o",
		"chatgpt-4o-latest":                            "chatgpt-4o-latest",
		"gpt-3.5-turbo-0125":                           "gpt-3.5-turbo",
		"o3-2025-04-16":                                "o3",
		"claude-3-5-sonnet-20241022":                   "claude-3-5-sonnet",
		"claude-3-5-sonnet-latest":                     "claude-3-5-sonnet",
		"claude-sonnet-4-20250514":                     "claude-sonnet-4-0",
		"claude-opus-4-1-20250805":                     "claude-opus-4-1",
		"claude-3-5-haiku@20241022":                    "claude-3-5-haiku",
		"anthropic.claude-3-5-sonnet-20241022-v2:0":    "claude-3-5-sonnet",
		"us.anthropic.claude-3-7-sonnet-20250219-v1:0": "claude-3-7-sonnet",
		"publishers/google/models/gemini-1.5-pro":      "gemini-1.5-pro",
		"gemini-1.5-pro-002":                           "gemini-1.5-pro",
		"models/gemini-2.0-flash-001":                  "gemini-2.0-flash",
		"gemini-2.5-pro-preview-06-05":                 "gemini-2.5-pro",
		"mistral-large-2411":                           "mistral-large",
		"mistral-large-latest":                         "mistral-large-2512",
		"deepseek-chat":                                "deepseek-chat",
		"meta-llama/Llama-3.3-70B-Instruct-Turbo":      "llama-3.3-70b-instruct-turbo",
		"command-r-plus-08-2024":                       "command-r-plus",
		"prod-chat-east":                               "gpt-4o-mini",
	} {
		got := m.Lookup("", raw)
		require.True(t, got.Found(), raw)
		assert.Equal(t, want, got.At(time.Now()).ID, raw)
	}
	for _, unknown := range []string{"my-finetune", "gpt-4o-audio-preview-2024-12-17x", "", "llama3"} {
		assert.False(t, m.Lookup("", unknown).Found(), "%q must stay unpriced, not be guessed", unknown)
	}
}

func TestEffectiveFromPricesHistoryAtItsTime(t *testing.T) {
	m := NewMatcher(defaultTable(t), nil, nil)
	o3 := m.Lookup("", "o3")
	before := o3.At(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	after := o3.At(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, Micros(10_000_000), before.Prices.Rates.Input)
	assert.Equal(t, Micros(2_000_000), after.Prices.Rates.Input)
	assert.Equal(t, "default:o3@2025-04-16", before.PricingID)
	assert.Equal(t, "default:o3@2025-06-10", after.PricingID)
	// Before the first known price: the first known price.
	assert.Equal(t, before, o3.At(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)))
}

func TestComputeTokenSemantics(t *testing.T) {
	tab := defaultTable(t)
	now := time.Now()
	gpt4o := lookup(tab, "gpt-4o").At(now)           // 2.50 in, 1.25 cached, 10 out
	sonnet := lookup(tab, "claude-sonnet-4").At(now) // 3 in, 3.75 write, 0.30 read, 15 out

	// 1,000,000 input of which 400,000 cached, 100,000 output:
	// 600k*2.50 + 400k*1.25 + 100k*10 = 1.5 + 0.5 + 1.0 = 3.0 USD.
	c := compute(t, gpt4o, Usage{Input: 1_000_000, CacheRead: 400_000, Output: 100_000})
	assert.Equal(t, 3.0, c.Amount())

	// Anthropic-style exclusive counts: input 1000 uncached, 5000 read,
	// 2000 written, 500 out. Auto detects (cache > input).
	u, rd := Normalize(Usage{Input: 1000, CacheRead: 5000, CacheWrite: 2000, Output: 500}, Auto, Evidence{})
	assert.True(t, rd.InputExclusive)
	assert.Equal(t, int64(8000), u.Input)
	// 1000*3 + 5000*0.30 + 2000*3.75 + 500*15 = 3000+1500+7500+7500 = 19500 µUSD... per million -> 0.0195 USD
	assert.InDelta(t, 0.0195, compute(t, sonnet, u).Amount(), 1e-15)
	assert.Equal(t, int64(19_500_000_000), compute(t, sonnet, u).Units)

	// The same counts read as inclusive would be clamped, never negative.
	inc, rd := Normalize(Usage{Input: 1000, CacheRead: 5000}, Inclusive, Evidence{})
	assert.False(t, rd.InputExclusive)
	assert.Equal(t, int64(1000*300_000), compute(t, sonnet, inc).Units, "clamped: all 1000 input tokens as cache reads")

	// Reasoning billed at output rate when no separate price: no double count.
	o3 := lookup(tab, "o3").At(now) // 2 in, 8 out
	assert.Equal(t, compute(t, o3, Usage{Input: 100, Output: 1000}).Units, compute(t, o3, Usage{Input: 100, Output: 1000, Reasoning: 800}).Units)
}

func TestComputeLongContextTier(t *testing.T) {
	tab := defaultTable(t)
	pro := lookup(tab, "gemini-2.5-pro").At(time.Now()) // <=200k: 1.25/10; >200k: 2.50/15
	at := compute(t, pro, Usage{Input: 200_000, Output: 1000})
	above := compute(t, pro, Usage{Input: 200_001, Output: 1000})
	assert.Equal(t, int64(200_000*1_250_000+1000*10_000_000), at.Units)
	assert.Equal(t, int64(200_001*2_500_000+1000*15_000_000), above.Units, "the whole request is billed at the tier price")
}

func TestAmountIsExactAndMultiplierRoundsOnce(t *testing.T) {
	// 0.1 + 0.2 style drift must not appear: 3 calls of 1000 tokens at 0.10
	// summed in integers.
	c := Cost{Units: 3 * 1000 * 100_000, Factor: microScale}
	assert.Equal(t, 0.0003, c.Amount())
	c.Factor = 850_000 // 15% discount
	assert.Equal(t, 0.000255, c.Amount())
}

func TestBuildMergesOverridesAndRejectsBadFiles(t *testing.T) {
	def, err := Parse(DefaultFile())
	require.NoError(t, err)
	over, err := Parse([]byte(`
models:
  - {id: gpt-4o, provider: openai, input: "2.00", output: "8.00", effective_from: 2024-10-01}
  - {id: acme-llm, provider: acme, match: "acme-llm(-v\\d+)?", input: "1", output: "2", currency: EUR, effective_from: 2025-01-01}
multipliers:
  - {attribute: tenant.id, value: acme, factor: "0.85"}
`))
	require.NoError(t, err)
	tab, err := Build(def, over)
	require.NoError(t, err)
	assert.Equal(t, Micros(2_000_000), lookup(tab, "gpt-4o").At(time.Now()).Prices.Rates.Input, "override replaces the default entry")
	acme := lookup(tab, "acme-llm-v3")
	require.True(t, acme.Found(), "pattern match")
	assert.Equal(t, "EUR", acme.At(time.Now()).Currency)
	assert.Equal(t, []Multiplier{{Attribute: "tenant.id", Value: "acme", Factor: 850_000}}, tab.Multipliers)

	for bad, want := range map[string]string{
		`models: [{id: x, provider: p, input: "1", effective_from: 2025-01-01}]`:                             `model "x": input and output prices are required`,
		`models: [{id: x, provider: p, input: "1", output: "-2", effective_from: 2025-01-01}]`:               `not a non-negative decimal`,
		`models: [{id: x, provider: p, input: "1", output: "2", effective_from: 2025-13-01}]`:                `effective_from "2025-13-01"`,
		`models: [{id: x, provider: p, input: "1", output: "2", effective_from: 2025-01-01, currency: usd}]`: `currency "usd"`,
		`models: [{id: x, provider: p, match: "(", input: "1", output: "2", effective_from: 2025-01-01}]`:    `match "("`,
		`models: [{id: x, provider: p, input: "1", output: "2", effective_from: 2025-01-01, typo: 1}]`:       `field typo not found`,
	} {
		f, err := Parse([]byte(bad))
		if err == nil {
			_, err = Build(f)
		}
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), want, bad)
	}
}

// TestMatcherCache: cached answers equal uncached ones, from many goroutines
// at once (run under -race), and the cache stops growing at maxCached while
// lookups beyond it stay correct.
func TestMatcherCache(t *testing.T) {
	tab := defaultTable(t)
	m := NewMatcher(tab, map[string]string{"Prod-GPT": "gpt-4o"}, nil)
	names := []string{"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "prod-gpt", "my-finetune", "openai/gpt-4o-mini"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				name := names[(i+g)%len(names)]
				got := m.Lookup("openai", name)
				want := tab.Lookup("openai", name, nil)
				if name == "prod-gpt" {
					want = lookup(tab, "gpt-4o")
				}
				assert.Equal(t, want.Found(), got.Found(), name)
				if want.Found() {
					assert.Equal(t, want.At(time.Now()).PricingID, got.At(time.Now()).PricingID, name)
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, len(names), m.cached())

	for i := range maxCached/4 + 500 {
		m.Lookup("openai", fmt.Sprintf("unknown-model-%d", i))
	}
	assert.Equal(t, maxCached/4, m.cached(), "bounded")
	assert.True(t, m.Lookup("openai", "gpt-4o-2024-08-06").Found(), "a cached name still matches")
	assert.True(t, m.Lookup("openai", "gpt-4o-2024-11-20").Found(), "an uncached name is still looked up")
	assert.False(t, m.Lookup("openai", "unknown-model-999999").Found())
	for i := range maxProviders + 10 {
		assert.True(t, m.Lookup(fmt.Sprintf("provider-%d", i), "gpt-4o").Found(), "beyond the provider caches lookups still work")
	}
}

func BenchmarkMatcherLookupCached(b *testing.B) {
	m := NewMatcher(defaultTable(b), nil, nil)
	m.Lookup("openai", "gpt-4o-2024-08-06")
	b.ReportAllocs()
	for b.Loop() {
		e := m.Lookup("openai", "gpt-4o-2024-08-06").At(time.Time{})
		c, _ := Compute(Usage{Input: 1200, Output: 300, CacheRead: 1000}, e.Select(time.Time{}, "").Prices.For(1200))
		_ = c.Amount()
	}
}

// TestZeroFactor: a multiplier of 0 (a tenant that is not charged) prices
// every part at 0, not at the list price.
func TestZeroFactor(t *testing.T) {
	c := Cost{Units: 7_500_000_000, Parts: [NumParts]int64{PartInput: 7_500_000_000}, Factor: 0, Rate: microScale}
	assert.Zero(t, c.Amount())
	assert.Zero(t, c.PartAmount(PartInput))
}

func TestNormalizeReasoningFollowsTheConventions(t *testing.T) {
	gemini := Evidence{Provider: "gcp.gemini", Model: "gemini-2.5-pro"}
	// No total, reasoning below output: inside output, whatever the provider.
	u, rd := Normalize(Usage{Input: 100, Output: 1000, Reasoning: 600}, Auto, gemini)
	assert.False(t, rd.ReasoningExclusive)
	assert.Equal(t, int64(1000), u.Output)
	// Reasoning above output: it cannot be inside.
	u, rd = Normalize(Usage{Input: 100, Output: 200, Reasoning: 600}, Auto, gemini)
	assert.True(t, rd.ReasoningExclusive)
	assert.Equal(t, int64(800), u.Output)
	// A total that counts it apart.
	u, rd = Normalize(Usage{Input: 100, Output: 1000, Reasoning: 600, Total: 1700, HasTotal: true}, Auto, gemini)
	assert.True(t, rd.ReasoningExclusive)
	assert.Equal(t, int64(1600), u.Output)
	// A total that counts it inside.
	_, rd = Normalize(Usage{Input: 100, Output: 1000, Reasoning: 600, Total: 1100, HasTotal: true}, Auto, gemini)
	assert.False(t, rd.ReasoningExclusive)
	// A scope configured as reporting it apart, in every mode; input stays inclusive.
	for _, s := range []Semantics{Auto, Inclusive} {
		u, rd = Normalize(Usage{Input: 1000, CacheRead: 400, Output: 1000, Reasoning: 600}, s, Evidence{ReasoningExclusiveScope: true})
		assert.True(t, rd.ReasoningExclusive)
		assert.False(t, rd.InputExclusive)
		assert.Equal(t, Usage{Input: 1000, CacheRead: 400, Output: 1600, Reasoning: 600}, u)
	}
}

// TestNormalizeGeminiTotalGap: OpenLLMetry's google-generativeai copies
// prompt_token_count, candidates_token_count and total_token_count; a
// thinking model's thoughts are the total's excess, priced as reasoning.
func TestNormalizeGeminiTotalGap(t *testing.T) {
	for _, model := range []string{"gemini-2.5-pro", "models/gemini-2.5-flash", "publishers/google/models/gemini-2.5-pro"} {
		u, rd := Normalize(Usage{Input: 1200, Output: 300, Total: 2300, HasTotal: true}, Auto, Evidence{Provider: "gcp.gemini", Model: model})
		assert.True(t, rd.ReasoningExclusive, model)
		assert.True(t, rd.ReasoningFromTotal, model)
		assert.Equal(t, Usage{Input: 1200, Output: 1100, Reasoning: 800, Total: 2300, HasTotal: true}, u, model)
	}
	// A total that adds up, a reported reasoning count, another model: no gap read.
	for _, c := range []struct {
		u     Usage
		model string
	}{
		{Usage{Input: 1200, Output: 300, Total: 1500, HasTotal: true}, "gemini-2.5-pro"},
		{Usage{Input: 1200, Output: 1100, Reasoning: 800, Total: 2300, HasTotal: true}, "gemini-2.5-pro"},
		{Usage{Input: 1200, Output: 300, Total: 2300, HasTotal: true}, "gpt-5"},
		{Usage{Input: 1200, Output: 300}, "gemini-2.5-pro"},
	} {
		u, rd := Normalize(c.u, Auto, Evidence{Model: c.model})
		assert.False(t, rd.ReasoningFromTotal, "%+v %s", c.u, c.model)
		assert.Equal(t, c.u.Output, u.Output, "%+v %s", c.u, c.model)
	}
	// Cached input read as exclusive is not a gap.
	u, rd := Normalize(Usage{Input: 200, CacheRead: 1000, Output: 300, Total: 1500, HasTotal: true}, Auto, Evidence{Model: "gemini-2.5-pro"})
	assert.False(t, rd.ReasoningFromTotal)
	assert.Equal(t, int64(1200), u.Input)
}

func TestTimeOfDayWindowsByWeekday(t *testing.T) {
	f, err := Parse([]byte(`
models:
  - id: m
    provider: p
    input: "1"
    output: "1"
    time_of_day:
      - {from: "01:00", to: "04:00", days: [mon, tue, wed, thu, fri], input: "2", output: "2"}
      - {from: "22:00", to: "02:00", days: [fri], input: "3", output: "3"}
    effective_from: 2026-01-01
`))
	require.NoError(t, err)
	tab, err := Build(f)
	require.NoError(t, err)
	e := tab.Lookup("", "m", nil).At(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	for at, want := range map[string]Micros{
		"2026-12-02T02:00:00Z": 2_000_000, // Wednesday, in the window
		"2026-12-02T04:00:00Z": 1_000_000, // the end is outside
		"2026-12-05T02:00:00Z": 1_000_000, // Saturday 02:00: Friday's late window has ended
		"2026-12-05T01:59:00Z": 3_000_000, // Saturday 01:59: Friday's window past midnight
		"2026-12-06T01:00:00Z": 1_000_000, // Sunday: neither
		"2026-12-04T23:00:00Z": 3_000_000, // Friday night
		"2026-12-03T23:00:00Z": 1_000_000, // Thursday night: the late window is Fridays only
	} {
		ts, err := time.Parse(time.RFC3339, at)
		require.NoError(t, err)
		assert.Equal(t, want, e.Select(ts, "").Prices.Rates.Input, at)
	}
	one := Micros(1_000_000)
	_, err = Build(&File{Models: []ModelSpec{{
		ID: "x", Provider: "p", RateSpec: RateSpec{Input: &one, Output: &one}, EffectiveFrom: "2026-01-01",
		TimeOfDay: []WindowSpec{{From: "01:00", To: "02:00", Days: []string{"monday"}}},
	}}})
	require.ErrorContains(t, err, `days: "monday" is not one of`)
}
