// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// microScale is the number of micro-units in one unit.
const microScale = 1_000_000

// Micros is an exact decimal with six fraction digits, stored as an integer
// number of millionths: prices (currency per million tokens) and multiplier
// factors. Parsing from the decimal string never goes through a float, so
// "0.075" is exactly 75000.
type Micros int64

// ParseMicros parses a non-negative decimal string with at most six fraction
// digits.
func ParseMicros(s string) (Micros, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || strings.ContainsAny(whole, "+-") {
		return 0, fmt.Errorf("%q is not a non-negative decimal", s)
	}
	if hasFrac && (frac == "" || len(frac) > 6) {
		return 0, fmt.Errorf("%q: want 1 to 6 fraction digits", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1_000_000_000 {
		return 0, fmt.Errorf("%q is not a decimal below 1e9", s)
	}
	var f int64
	if hasFrac {
		if strings.ContainsAny(frac, "+-") {
			return 0, fmt.Errorf("%q is not a non-negative decimal", s)
		}
		f, err = strconv.ParseInt(frac+strings.Repeat("0", 6-len(frac)), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a decimal", s)
		}
	}
	return Micros(w*microScale + f), nil
}

// String formats m as a decimal without trailing zeros.
func (m Micros) String() string {
	s := fmt.Sprintf("%d.%06d", int64(m)/microScale, int64(m)%microScale)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// UnmarshalYAML reads a price from a YAML scalar, quoted or not. An unquoted
// number is read from its literal text, not as a float.
func (m *Micros) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a decimal number", n.Line)
	}
	v, err := ParseMicros(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*m = v
	return nil
}

// maxMicros bounds a price: 1e9 currency units per million tokens.
const maxMicros = 1_000_000_000 * microScale

// ParseScaled parses a decimal number literal exactly (optional exponent, as
// JSON writes it: "2.5e-06", "0.15", "3") and returns it times scale, in
// micro-units, rounded half to even to the nearest micro-unit. scale is
// 1_000_000 for a per-token price (LiteLLM) and 1 for a per-million-token
// price (genai-prices). rounded reports whether rounding changed the value:
// LiteLLM's file holds binary-float artifacts such as 1.4999999999999999e-07
// (0.15 per million), which this rounds back to the decimal they came from.
// Never goes through a float.
func ParseScaled(s string, scale int64) (m Micros, rounded bool, err error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || strings.ContainsAny(s, "/") {
		return 0, false, fmt.Errorf("%q is not a decimal number", s)
	}
	if r.Sign() < 0 {
		return 0, false, fmt.Errorf("%q is negative", s)
	}
	r.Mul(r, new(big.Rat).SetInt64(scale*microScale))
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if rem.Sign() != 0 {
		rounded = true
		// Half to even: compare 2·rem with the denominator.
		switch new(big.Int).Lsh(rem, 1).Cmp(r.Denom()) {
		case 1:
			q.Add(q, big.NewInt(1))
		case 0:
			if q.Bit(0) == 1 {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	if !q.IsInt64() || q.Int64() > maxMicros {
		return 0, false, fmt.Errorf("%q is not a price below 1e9 per million tokens", s)
	}
	return Micros(q.Int64()), rounded, nil
}
