// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"math/big"
)

// Usage is a call's token counts in the GenAI (inclusive) meaning: Input
// includes CacheRead and CacheWrite, Output includes Reasoning.
type Usage struct {
	Input, Output, CacheRead, CacheWrite, Reasoning int64
}

// Semantics says how an instrumentation counted input tokens.
type Semantics int

const (
	// Auto treats counts as inclusive unless cache tokens exceed input
	// tokens, which inclusive counting cannot produce; then as exclusive.
	Auto Semantics = iota
	// Inclusive: input_tokens includes cache reads and writes (GenAI
	// conventions, OpenAI).
	Inclusive
	// Exclusive: input_tokens excludes cache reads and writes (Anthropic's
	// API `usage`, and instrumentations that copy it).
	Exclusive
)

// Normalize converts u to inclusive counting. It reports whether the counts
// were read as exclusive.
func Normalize(u Usage, s Semantics) (Usage, bool) {
	exclusive := s == Exclusive || (s == Auto && u.CacheRead+u.CacheWrite > u.Input)
	if exclusive {
		u.Input += u.CacheRead + u.CacheWrite
	}
	return u, exclusive
}

// Part is one separately priced share of a call's tokens.
type Part int

// The parts of a call, each token in exactly one.
const (
	PartInput      Part = iota // uncached input
	PartCacheRead              // input read from the prompt cache
	PartCacheWrite             // input written to the prompt cache
	PartOutput                 // output other than reasoning
	PartReasoning              // reasoning output
	NumParts
)

// Cost is an exact amount: Units millionths of a currency unit per million
// tokens, summed over tokens, i.e. the amount is Units / 1e12 currency units,
// scaled by a multiplier when one applies.
type Cost struct {
	Units int64
	// Parts splits Units by part; they sum to Units.
	Parts [NumParts]int64
	// Tokens counts the tokens of each part.
	Tokens [NumParts]int64
	// Factor is the multiplier in millionths (1_000_000 = none).
	Factor Micros
	// Rate is the exchange rate into the output currency in millionths
	// (1_000_000 = none).
	Rate Micros
}

// Compute prices inclusive usage u with entry e: uncached input, cache
// reads, cache writes, non-reasoning output and reasoning output each at
// their own rate, each token counted once. Above the long-context threshold
// the whole request uses the long-context rates. Inconsistent counts (cache
// tokens above input, reasoning above output) are clamped so no token is
// priced twice.
func (e *Entry) Compute(u Usage) Cost {
	r := e.Rates
	if e.LongThreshold > 0 && u.Input > e.LongThreshold {
		r = e.LongRates
	}
	cacheRead := min(u.CacheRead, u.Input)
	cacheWrite := min(u.CacheWrite, u.Input-cacheRead)
	reasoning := min(u.Reasoning, u.Output)
	c := Cost{
		Tokens: [NumParts]int64{u.Input - cacheRead - cacheWrite, cacheRead, cacheWrite, u.Output - reasoning, reasoning},
		Factor: microScale, Rate: microScale,
	}
	rates := [NumParts]Micros{r.Input, r.CacheRead, r.CacheWrite, r.Output, r.Reasoning}
	for p := range c.Parts {
		c.Parts[p] = c.Tokens[p] * int64(rates[p])
		c.Units += c.Parts[p]
	}
	return c
}

// Amount returns the cost in currency units, rounded once, from the exact
// integer (and rational factor) computation.
func (c Cost) Amount() float64 { return c.amount(c.Units) }

// PartAmount returns the cost of one part, computed and rounded like Amount.
func (c Cost) PartAmount(p Part) float64 { return c.amount(c.Parts[p]) }

func (c Cost) amount(units int64) float64 {
	if c.Rate == 0 {
		c.Rate = microScale
	}
	if c.Factor == microScale && c.Rate == microScale {
		if units < 1<<53 && units > -(1<<53) {
			// Both operands are exact in float64 and IEEE division rounds
			// correctly: one rounding, no allocation.
			return float64(units) / 1e12
		}
		f, _ := new(big.Rat).SetFrac64(units, 1_000_000_000_000).Float64()
		return f
	}
	num := new(big.Int).Mul(big.NewInt(units), big.NewInt(int64(c.Factor)))
	num.Mul(num, big.NewInt(int64(c.Rate)))
	den := new(big.Int).Mul(big.NewInt(1_000_000_000_000), big.NewInt(microScale*microScale))
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}
