// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Usage is a call's token counts. After Normalize they are in the GenAI
// (inclusive) meaning: Input includes CacheRead and CacheWrite, CacheWrite
// includes CacheWrite1h, Output includes Reasoning.
type Usage struct {
	Input, Output, CacheRead, CacheWrite, CacheWrite1h, Reasoning int64
	// Total is a reported total, when HasTotal: evidence for how the other
	// counts were meant, never priced.
	Total    int64
	HasTotal bool
}

// Semantics says how an instrumentation counted input tokens.
type Semantics int

const (
	// Auto decides from evidence, see Normalize.
	Auto Semantics = iota
	// Inclusive: input_tokens includes cache reads and writes (GenAI
	// conventions, OpenAI).
	Inclusive
	// Exclusive: input_tokens excludes cache reads and writes (Anthropic's
	// API `usage`, and instrumentations that copy it).
	Exclusive
)

// Evidence is what else is known about a call when its counts are read.
type Evidence struct {
	// Provider is the normalised gen_ai.provider.name (or inferred).
	Provider string
	// Model is the model name.
	Model string
	// ExclusiveScope: the instrumentation scope is configured as one that
	// reports Anthropic-style exclusive input counts.
	ExclusiveScope bool
	// ReasoningExclusiveScope: the instrumentation scope is configured as
	// one that reports reasoning tokens apart from output (a copy of the
	// Gemini API's thoughtsTokenCount beside candidatesTokenCount).
	ReasoningExclusiveScope bool
}

// Reading says how Normalize read a call's counts.
type Reading struct {
	// InputExclusive: cache reads and writes were added to input.
	InputExclusive bool
	// ReasoningExclusive: reasoning tokens were added to output.
	ReasoningExclusive bool
	// ReasoningFromTotal: the reasoning tokens are a Gemini total's excess
	// over input and output (none were reported).
	ReasoningFromTotal bool
}

// geminiModel reports whether model is one of Google's Gemini models, under
// any of the names instrumentations write (gemini-2.5-pro,
// models/gemini-2.5-flash, publishers/google/models/gemini-1.5-pro).
func geminiModel(model string) bool {
	return strings.Contains(strings.ToLower(model), "gemini")
}

// Normalize converts u to inclusive counting.
//
// Input: Inclusive and Exclusive are taken as configured. Auto reads the
// counts as exclusive when cache reads + writes exceed input (inclusive
// counting cannot produce that), when a reported total equals input + cache
// + output (+ reasoning), or when the scope is configured as exclusive; else
// as inclusive.
//
// Output: reasoning is read as reported apart from output (and added to it)
// when it exceeds output, when a reported total counts it apart, or when
// the scope is configured as one that reports it apart; else as included in
// output, as the GenAI conventions say (output SHOULD include reasoning).
// A Gemini model's total above input + output, with no reasoning count,
// holds the thoughts (the API's total adds thoughtsTokenCount, which an
// instrumentation copying only prompt and candidates counts leaves out):
// the excess is read as reasoning reported apart.
//
// The provider or model alone is no evidence: the Gemini API reports
// thoughtsTokenCount apart from candidatesTokenCount, but the
// instrumentations that follow the conventions (OpenTelemetry's and
// OpenInference's google-genai, OpenInference's google-adk) add the two
// before they write gen_ai.usage.output_tokens.
func Normalize(u Usage, s Semantics, ev Evidence) (Usage, Reading) {
	var rd Reading
	cache := u.CacheRead + u.CacheWrite
	// The input a reported total counts, when the counts read as
	// exclusive before the total is consulted.
	totalInput := u.Input
	if s == Exclusive || (s == Auto && (cache > u.Input || ev.ExclusiveScope)) {
		totalInput += cache
	}
	// Reasoning first: the input test against a total needs it.
	switch {
	case u.Reasoning == 0:
	case u.Reasoning > u.Output:
		rd.ReasoningExclusive = true
	case u.HasTotal:
		switch u.Total {
		case totalInput + u.Output + u.Reasoning, totalInput + cache + u.Output + u.Reasoning:
			rd.ReasoningExclusive = true
		}
	case ev.ReasoningExclusiveScope:
		rd.ReasoningExclusive = true
	}
	if u.Reasoning == 0 && u.HasTotal && geminiModel(ev.Model) {
		// The Gemini API's total is prompt + candidates + thoughts +
		// tool-use prompt tokens; an instrumentation that copies the
		// first two and the total (OpenLLMetry's google-generativeai)
		// leaves the thoughts in the gap. Priced as reasoning output:
		// thinking models' gap is their thoughts (a tool-use prompt,
		// from built-in tools only, is priced at the output rate too).
		if gap := u.Total - totalInput - u.Output; gap > 0 {
			u.Reasoning = gap
			rd.ReasoningExclusive, rd.ReasoningFromTotal = true, true
		}
	}
	reasoning := int64(0)
	if rd.ReasoningExclusive {
		reasoning = u.Reasoning
	}
	switch s {
	case Exclusive:
		rd.InputExclusive = true
	case Auto:
		rd.InputExclusive = cache > u.Input || ev.ExclusiveScope ||
			(u.HasTotal && cache > 0 && u.Total == u.Input+cache+u.Output+reasoning)
	}
	if rd.InputExclusive {
		u.Input += cache
	}
	if rd.ReasoningExclusive {
		u.Output += u.Reasoning
	}
	return u, rd
}

// Part is one separately priced share of a call's tokens.
type Part int

// The parts of a call, each token in exactly one.
const (
	PartInput        Part = iota // uncached input
	PartCacheRead                // input read from the prompt cache
	PartCacheWrite               // input written to the prompt cache (5-minute or unspecified lifetime)
	PartCacheWrite1h             // input written to the prompt cache for 1 hour
	PartOutput                   // output other than reasoning
	PartReasoning                // reasoning output
	NumParts
)

// ErrOverflow is returned when a cost does not fit the exact integer
// arithmetic (above about 9.2 million currency units for one call).
var ErrOverflow = errors.New("the cost of the call does not fit: token counts out of any real range")

// Cost is an exact amount: Units millionths of a currency unit per million
// tokens, summed over tokens, i.e. the amount is Units / 1e12 currency units,
// scaled by a multiplier and an exchange rate when they apply.
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

// Compute prices inclusive usage u at rates r: uncached input, cache
// reads, cache writes (5-minute and 1-hour), non-reasoning output and
// reasoning output each at their own rate, each token counted once.
// Inconsistent counts (cache tokens above input, 1-hour writes above writes,
// reasoning above output) are clamped so no token is priced twice. Counts
// must be non-negative (genai.Read guarantees it); a product or sum that
// does not fit an int64 is ErrOverflow, never a wrapped amount.
func Compute(u Usage, r *Rates) (Cost, error) {
	if u.Input < 0 || u.Output < 0 || u.CacheRead < 0 || u.CacheWrite < 0 || u.CacheWrite1h < 0 || u.Reasoning < 0 {
		return Cost{}, ErrOverflow
	}
	cacheRead := min(u.CacheRead, u.Input)
	cacheWrite := min(u.CacheWrite, u.Input-cacheRead)
	write1h := min(u.CacheWrite1h, cacheWrite)
	reasoning := min(u.Reasoning, u.Output)
	c := Cost{
		Tokens: [NumParts]int64{u.Input - cacheRead - cacheWrite, cacheRead, cacheWrite - write1h, write1h, u.Output - reasoning, reasoning},
		Factor: microScale, Rate: microScale,
	}
	rates := [NumParts]Micros{r.Input, r.CacheRead, r.CacheWrite, r.CacheWrite1h, r.Output, r.Reasoning}
	for p := range c.Parts {
		hi, lo := bits.Mul64(uint64(c.Tokens[p]), uint64(rates[p]))
		if hi != 0 || lo > math.MaxInt64 {
			return Cost{}, ErrOverflow
		}
		c.Parts[p] = int64(lo)
		sum, carry := bits.Add64(uint64(c.Units), lo, 0)
		if carry != 0 || sum > math.MaxInt64 {
			return Cost{}, ErrOverflow
		}
		c.Units = int64(sum)
	}
	return c, nil
}

// Amount returns the cost in currency units, rounded once, from the exact
// integer (and rational factor) computation.
func (c Cost) Amount() float64 { return c.amount(c.Units) }

// PartAmount returns the cost of one part, computed and rounded like Amount.
func (c Cost) PartAmount(p Part) float64 { return c.amount(c.Parts[p]) }

// CacheWriteAmount returns the cost of all cache writes, both lifetimes.
func (c Cost) CacheWriteAmount() float64 {
	return c.amount(c.Parts[PartCacheWrite] + c.Parts[PartCacheWrite1h])
}

// Picos returns the amount in 1e-12 currency units (exact for the unscaled
// cost, rounded half away from zero once when a multiplier or rate applies),
// the unit sums of several costs are kept in.
func (c Cost) Picos() int64 {
	if c.Rate == 0 {
		c.Rate = microScale
	}
	if c.Factor == microScale && c.Rate == microScale {
		return c.Units
	}
	num := new(big.Int).Mul(big.NewInt(c.Units), big.NewInt(int64(c.Factor)))
	num.Mul(num, big.NewInt(int64(c.Rate)))
	den := big.NewInt(microScale * microScale)
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Lsh(rem, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return math.MaxInt64
	}
	return q.Int64()
}

// PicosAmount converts a sum of Picos to currency units, rounded once.
func PicosAmount(p int64) float64 { return Cost{Factor: microScale, Rate: microScale}.amount(p) }

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
