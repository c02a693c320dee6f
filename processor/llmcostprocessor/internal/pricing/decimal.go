// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"fmt"
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
