// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The snapshots in ../../testdata are our own files in each database's
// schema: a subset of real entries whose values were checked against
// BerriAI/litellm model_prices_and_context_window.json at 00035b69 and
// pydantic/genai-prices prices/new_data/v2/data.json at 47df840a
// (2026-08-21); see ../../testdata/README.md.
func loadDB(t *testing.T, name string, parse func([]byte) (*Database, error)) *Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	db, err := parse(data)
	require.NoError(t, err)
	def, err := Parse(DefaultFile())
	require.NoError(t, err)
	tab, err := BuildLayers([]*File{def}, []*Database{db})
	require.NoError(t, err)
	return tab
}

func mtok(s string) Micros {
	m, err := ParseMicros(s)
	if err != nil {
		panic(err)
	}
	return m
}

func TestParseScaled(t *testing.T) {
	for in, want := range map[string]Micros{
		"2.5e-06": 2_500_000, "1.5e-05": 15_000_000, "0.00018": 180_000_000, "3e-07": 300_000,
		"1.875e-08": 18_750, "5.46875e-07": 546_875,
		// Float artifacts: the decimal they came from.
		"2.9999900000000002e-06": 2_999_990, "1.4999999999999999e-07": 150_000,
	} {
		got, _, err := ParseScaled(in, 1_000_000)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, rounded, _ := ParseScaled("2.9999900000000002e-06", 1_000_000)
	assert.True(t, rounded)
	_, rounded, _ = ParseScaled("2.5e-06", 1_000_000)
	assert.False(t, rounded)
	// Half to even at the sixth fraction digit per million tokens.
	got, _, _ := ParseScaled("0.0000005", 1)
	assert.Equal(t, Micros(0), got)
	got, _, _ = ParseScaled("0.0000015", 1)
	assert.Equal(t, Micros(2), got)
	for _, bad := range []string{"-1e-06", "abc", "1/3", "1e300", ""} {
		_, _, err := ParseScaled(bad, 1_000_000)
		assert.Error(t, err, bad)
	}
}

func TestImportLiteLLM(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "litellm-prices.json"))
	require.NoError(t, err)
	db, err := ParseLiteLLM(data)
	require.NoError(t, err)
	assert.Equal(t, SourceLiteLLM, db.Source)
	assert.Equal(t, 1, db.Skipped, "the image entry")
	assert.GreaterOrEqual(t, db.Rounded, 2, "databricks' float artifacts")
	tab := loadDB(t, "litellm-prices.json", ParseLiteLLM)
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

	g := tab.Lookup("openai", "gpt-5.4", nil).At(at)
	require.NotNil(t, g)
	assert.Equal(t, "litellm:gpt-5.4", g.PricingID)
	assert.Equal(t, Rates{Input: mtok("2.5"), Output: mtok("15"), CacheRead: mtok("0.25"), CacheWrite: mtok("2.5"), CacheWrite1h: mtok("2.5"), Reasoning: mtok("15")}, g.Prices.Rates)
	require.Len(t, g.Prices.Tiers, 1)
	assert.Equal(t, int64(272_000), g.Prices.Tiers[0].Above)
	assert.Equal(t, mtok("5"), g.Prices.Tiers[0].Rates.Input)
	assert.Equal(t, mtok("0.5"), g.Prices.Tiers[0].Rates.CacheRead)
	assert.Equal(t, mtok("22.5"), g.Prices.Tiers[0].Rates.Output)
	flex := g.Select(at, "flex").Prices
	assert.Equal(t, mtok("1.25"), flex.Rates.Input)
	assert.Equal(t, mtok("0.13"), flex.Rates.CacheRead)
	assert.Equal(t, mtok("7.5"), flex.Rates.Output)
	batch := g.Select(at, "batch")
	assert.Equal(t, "batch", batch.ServiceTier)
	assert.Equal(t, mtok("1.25"), batch.Prices.Rates.Input)
	assert.Equal(t, mtok("0.25"), batch.Prices.Rates.CacheRead, "no batch cache price: the standard one")
	pri := g.Select(at, "priority").Prices
	assert.Equal(t, mtok("30"), pri.Rates.Output)
	assert.Equal(t, "", g.Select(at, "default").ServiceTier, "a tier without prices is the standard one")

	s := tab.Lookup("anthropic", "claude-sonnet-4-5", nil).At(at)
	assert.Equal(t, mtok("6"), s.Prices.Rates.CacheWrite1h)
	require.Len(t, s.Prices.Tiers, 1)
	assert.Equal(t, Rates{Input: mtok("6"), Output: mtok("22.5"), CacheRead: mtok("0.6"), CacheWrite: mtok("7.5"), CacheWrite1h: mtok("12"), Reasoning: mtok("22.5")}, s.Prices.Tiers[0].Rates)

	q := tab.Lookup("", "dashscope/qwen-plus-latest", nil).At(at)
	assert.Equal(t, Rates{Input: mtok("0.4"), Output: mtok("1.2"), CacheRead: mtok("0.4"), CacheWrite: mtok("0.4"), CacheWrite1h: mtok("0.4"), Reasoning: mtok("4")}, q.Prices.Rates)
	require.Len(t, q.Prices.Tiers, 1)
	assert.Equal(t, int64(256_000), q.Prices.Tiers[0].Above)
	assert.Equal(t, mtok("12"), q.Prices.Tiers[0].Rates.Reasoning)
	coder := tab.Lookup("", "dashscope/qwen3-coder-flash", nil).At(at)
	require.Len(t, coder.Prices.Tiers, 3)
	assert.Equal(t, []int64{32_000, 128_000, 256_000}, []int64{coder.Prices.Tiers[0].Above, coder.Prices.Tiers[1].Above, coder.Prices.Tiers[2].Above})
	assert.Equal(t, mtok("0.2"), coder.Prices.For(128_001).CacheRead)
	assert.Equal(t, mtok("0.08"), coder.Prices.For(32_000).CacheRead, "32,000 is not above 32,000")

	// Route prefixes: gemini/gemini-2.5-flash is the Gemini API's price.
	assert.Equal(t, "litellm:gemini/gemini-2.5-flash", tab.Lookup("gcp.gemini", "gemini-2.5-flash", nil).At(at).PricingID)
	// Regional Bedrock ids keep their regional price.
	assert.Equal(t, mtok("1.05"), tab.Lookup("aws.bedrock", "eu.amazon.nova-pro-v1:0", nil).At(at).Prices.Rates.Input)
	assert.Equal(t, mtok("0.8"), tab.Lookup("aws.bedrock", "amazon.nova-pro-v1:0", nil).At(at).Prices.Rates.Input)
	// A snapshot with its own price keeps it.
	assert.Equal(t, mtok("5"), tab.Lookup("openai", "gpt-4o-2024-05-13", nil).At(at).Prices.Rates.Input)
	d := tab.Lookup("", "databricks/databricks-claude-sonnet-4-5", nil).At(at)
	assert.Equal(t, mtok("2.99999"), d.Prices.Rates.Input)
	assert.Equal(t, mtok("15.00002"), d.Prices.Rates.Output)
	// Not in the database: the embedded table answers.
	assert.Equal(t, SourceDefault, tab.Lookup("openai", "o3", nil).At(at).Source)
}

func TestImportLiteLLMRejectsGarbage(t *testing.T) {
	for _, bad := range []string{``, `[]`, `{"x": {"mode": "image_generation", "output_cost_per_image": 0.1}}`, `{"x": {"input_cost_per_token": "abc"}}`} {
		_, err := ParseLiteLLM([]byte(bad))
		assert.Error(t, err, bad)
	}
	db, err := ParseLiteLLM([]byte(`{"a": {"input_cost_per_token": -1e-06, "output_cost_per_token": 1e-06}, "b": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}`))
	require.NoError(t, err)
	assert.Len(t, db.Entries, 1, "a negative price skips its entry only")
	assert.Equal(t, 1, db.Skipped)
}

func TestImportGenAIPrices(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "genai-prices-data.json"))
	require.NoError(t, err)
	db, err := ParseGenAIPrices(data)
	require.NoError(t, err)
	assert.Zero(t, db.Skipped)
	tab := loadDB(t, "genai-prices-data.json", ParseGenAIPrices)

	// A price history: claude-opus-4-6 lost its long-context tier on
	// 2026-03-13.
	opus := tab.Lookup("anthropic", "claude-opus-4-6-20260205", nil)
	before := opus.At(time.Date(2026, 3, 12, 23, 0, 0, 0, time.UTC))
	after := opus.At(time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC))
	require.Len(t, before.Prices.Tiers, 1)
	assert.Equal(t, mtok("37.5"), before.Prices.Tiers[0].Rates.Output)
	assert.Empty(t, after.Prices.Tiers)
	assert.Equal(t, "genai_prices:anthropic/claude-opus-4-6@2026-03-13", after.PricingID)
	assert.Equal(t, mtok("10"), after.Prices.Rates.CacheWrite1h)

	// Time of day: DeepSeek's window 00:30-16:30 UTC (peak) and the rest.
	ds := tab.Lookup("deepseek", "deepseek-chat", nil).At(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	peak := ds.Select(time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC), "")
	off := ds.Select(time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC), "")
	edge := ds.Select(time.Date(2026, 1, 1, 16, 30, 0, 0, time.UTC), "")
	assert.Equal(t, mtok("0.27"), peak.Prices.Rates.Input)
	assert.Equal(t, mtok("0.135"), off.Prices.Rates.Input)
	assert.Equal(t, mtok("0.135"), edge.Prices.Rates.Input, "the window ends at 16:30")

	// Tiers per key merged into long-context tiers.
	g3 := tab.Lookup("gcp.gemini", "gemini-3-pro-preview", nil).At(time.Now())
	require.Len(t, g3.Prices.Tiers, 1)
	assert.Equal(t, Rates{Input: mtok("4"), Output: mtok("18"), CacheRead: mtok("0.4"), CacheWrite: mtok("4"), CacheWrite1h: mtok("4"), Reasoning: mtok("18")}, g3.Prices.Tiers[0].Rates)
	// Match clauses: equals names and contains.
	assert.Equal(t, "genai_prices:openai/gpt-4o", tab.Lookup("openai", "gpt-4o-2024-08-06", nil).At(time.Now()).PricingID)
	nova := tab.Lookup("aws.bedrock", "us.amazon.nova-pro-v1:0", nil).At(time.Now())
	assert.Equal(t, mtok("0.2"), nova.Prices.Rates.CacheRead)
	regional := tab.Lookup("aws.bedrock", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", nil).At(time.Now())
	assert.Equal(t, mtok("3.3"), regional.Prices.Rates.Input)
	// The call's provider picks among providers pricing the same name.
	assert.Equal(t, "genai_prices:anthropic/claude-sonnet-4-5", tab.Lookup("anthropic", "claude-sonnet-4-5", nil).At(time.Now()).PricingID)
}

func TestImportGenAIPricesRejectsGarbage(t *testing.T) {
	for _, bad := range []string{``, `{}`, `[]`, `[{"id": "p", "models": [{"id": "m", "match": {"bogus": "x"}, "prices": {"input_mtok": 1}}]}]`} {
		_, err := ParseGenAIPrices([]byte(bad))
		assert.Error(t, err, bad)
	}
}
