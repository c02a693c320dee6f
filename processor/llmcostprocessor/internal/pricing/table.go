// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package pricing holds the llm_cost price table: loading and validating
// price files, merging overrides over the embedded defaults, matching model
// names as they appear in the wild, and computing exact costs. It has no
// dependency on pdata.
package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/tokens"
)

//go:embed prices.yaml
var defaultPrices []byte

// DefaultFile returns the embedded default price file.
func DefaultFile() []byte { return defaultPrices }

// File is the format of the default table and of user price files.
type File struct {
	Defaults struct {
		Currency string `yaml:"currency"`
	} `yaml:"defaults"`
	Models      []ModelSpec      `yaml:"models"`
	Multipliers []MultiplierSpec `yaml:"multipliers"`
}

// RateSpec is a set of prices per million tokens.
type RateSpec struct {
	Input      *Micros `yaml:"input"`
	Output     *Micros `yaml:"output"`
	CacheRead  *Micros `yaml:"cache_read"`
	CacheWrite *Micros `yaml:"cache_write"`
	Reasoning  *Micros `yaml:"reasoning"`
}

// ModelSpec is one price entry as written in a price file.
type ModelSpec struct {
	ID            string   `yaml:"id"`
	Provider      string   `yaml:"provider"`
	Aliases       []string `yaml:"aliases"`
	Match         string   `yaml:"match"`
	RateSpec      `yaml:",inline"`
	LongContext   *LongContextSpec `yaml:"long_context"`
	EffectiveFrom string           `yaml:"effective_from"`
	Currency      string           `yaml:"currency"`
	// Tokenizer is the model family's own tokenizer (o200k_base,
	// cl100k_base), used to estimate tokens a call did not report.
	Tokenizer string `yaml:"tokenizer"`
	AsOf      string `yaml:"as_of"`
	Source    string `yaml:"source"`
}

// LongContextSpec bills the whole request at its rates above Threshold
// input tokens.
type LongContextSpec struct {
	Threshold int64 `yaml:"threshold"`
	RateSpec  `yaml:",inline"`
}

// MultiplierSpec scales the cost of items whose resource attribute
// Attribute equals Value (a negotiated discount, a per-tenant rate).
type MultiplierSpec struct {
	Attribute string `yaml:"attribute"`
	Value     string `yaml:"value"`
	Factor    Micros `yaml:"factor"`
}

// Rates are resolved prices; a missing cache or reasoning price falls back
// to the input or output price, as providers bill them when they do not list
// a separate one.
type Rates struct {
	Input, Output, CacheRead, CacheWrite, Reasoning Micros
}

// Entry is one validated price entry.
type Entry struct {
	ID            string
	Provider      string
	Currency      string
	EffectiveFrom time.Time
	Rates         Rates
	// LongThreshold > 0 enables LongRates above that many input tokens.
	LongThreshold int64
	LongRates     Rates
	// PricingID names the entry in gen_ai.usage.cost.pricing_id: id@date.
	PricingID string
	// Tokenizer is the model's own tokenizer; OwnTokenizer is false when the
	// entry names none (estimates then use DefaultTokenizer, an
	// approximation).
	Tokenizer    tokens.Encoding
	OwnTokenizer bool

	aliases []string
	match   *regexp.Regexp
}

// Multiplier is a validated MultiplierSpec.
type Multiplier struct {
	Attribute, Value string
	Factor           Micros
}

// Table is an immutable, validated price table.
type Table struct {
	// byName maps a normalised id or alias to its entries, oldest first.
	byName map[string][]*Entry
	// patterns are entries with a match expression, in file order.
	patterns    []*Entry
	Multipliers []Multiplier
	// Models is the number of entries.
	Models int
}

// Parse decodes and validates a price file; errors name the entry.
func Parse(data []byte) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decoding price file: %w", err)
	}
	return &f, nil
}

// Build validates files and merges them in order: an entry of a later file
// replaces the entry with the same id and effective_from of an earlier one,
// and is added otherwise; multipliers accumulate.
func Build(files ...*File) (*Table, error) {
	type key struct{ id, from string }
	var order []key
	specs := map[key]ModelSpec{}
	currency := map[key]string{}
	var errs []error
	var mults []Multiplier
	for _, f := range files {
		def := f.Defaults.Currency
		if def == "" {
			def = "USD"
		}
		for i, m := range f.Models {
			k := key{strings.ToLower(m.ID), m.EffectiveFrom}
			if _, seen := specs[k]; !seen {
				order = append(order, k)
			}
			specs[k] = f.Models[i]
			cur := m.Currency
			if cur == "" {
				cur = def
			}
			currency[k] = cur
		}
		for i, m := range f.Multipliers {
			if m.Attribute == "" || m.Value == "" {
				errs = append(errs, fmt.Errorf("multipliers[%d]: attribute and value are required", i))
			}
			mults = append(mults, Multiplier(m))
		}
	}
	t := &Table{byName: map[string][]*Entry{}, Multipliers: mults}
	for _, k := range order {
		e, err := newEntry(specs[k], currency[k])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Models++
		for _, name := range append([]string{e.ID}, e.aliases...) {
			t.byName[name] = append(t.byName[name], e)
		}
		if e.match != nil {
			t.patterns = append(t.patterns, e)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, list := range t.byName {
		sort.SliceStable(list, func(i, j int) bool { return list[i].EffectiveFrom.Before(list[j].EffectiveFrom) })
		for i := 1; i < len(list); i++ {
			if list[i].EffectiveFrom.Equal(list[i-1].EffectiveFrom) {
				return nil, fmt.Errorf("models: %q and %q both claim the name %q from %s", list[i-1].ID, list[i].ID, list[i].ID, list[i].EffectiveFrom.Format(time.DateOnly))
			}
		}
	}
	return t, nil
}

var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// DefaultTokenizer estimates the tokens of models whose tokenizer is not
// available offline (Claude, Gemini, Llama, Mistral, DeepSeek, Cohere): a
// modern 200k-entry BPE vocabulary, an approximation of theirs.
const DefaultTokenizer = tokens.O200kBase

func newEntry(m ModelSpec, currency string) (*Entry, error) {
	name := fmt.Sprintf("model %q", m.ID)
	if m.ID == "" {
		return nil, errors.New("models: an entry has no id")
	}
	if m.Provider == "" {
		return nil, fmt.Errorf("%s: provider is required", name)
	}
	if !currencyRE.MatchString(currency) {
		return nil, fmt.Errorf("%s: currency %q is not an ISO 4217 code", name, currency)
	}
	from, err := time.Parse(time.DateOnly, m.EffectiveFrom)
	if err != nil {
		return nil, fmt.Errorf("%s: effective_from %q is not a YYYY-MM-DD date", name, m.EffectiveFrom)
	}
	if m.Input == nil || m.Output == nil {
		return nil, fmt.Errorf("%s: input and output prices are required", name)
	}
	e := &Entry{
		ID:            strings.ToLower(m.ID),
		Provider:      m.Provider,
		Currency:      currency,
		EffectiveFrom: from,
		Rates:         resolve(m.RateSpec),
		PricingID:     strings.ToLower(m.ID) + "@" + m.EffectiveFrom,
	}
	e.Tokenizer = DefaultTokenizer
	if m.Tokenizer != "" {
		enc, ok := tokens.ParseEncoding(m.Tokenizer)
		if !ok {
			return nil, fmt.Errorf("%s: tokenizer %q is not one of o200k_base, cl100k_base", name, m.Tokenizer)
		}
		e.Tokenizer, e.OwnTokenizer = enc, true
	}
	for _, a := range m.Aliases {
		e.aliases = append(e.aliases, strings.ToLower(a))
	}
	if m.Match != "" {
		re, err := regexp.Compile("^(?:" + m.Match + ")$")
		if err != nil {
			return nil, fmt.Errorf("%s: match %q: %w", name, m.Match, err)
		}
		e.match = re
	}
	if lc := m.LongContext; lc != nil {
		if lc.Threshold <= 0 {
			return nil, fmt.Errorf("%s: long_context.threshold %d must be positive", name, lc.Threshold)
		}
		if lc.Input == nil || lc.Output == nil {
			return nil, fmt.Errorf("%s: long_context needs input and output prices", name)
		}
		e.LongThreshold = lc.Threshold
		e.LongRates = resolve(lc.RateSpec)
	}
	return e, nil
}

// resolve fills missing cache prices with the input price and a missing
// reasoning price with the output price.
func resolve(s RateSpec) Rates {
	r := Rates{Input: *s.Input, Output: *s.Output}
	r.CacheRead, r.CacheWrite, r.Reasoning = r.Input, r.Input, r.Output
	if s.CacheRead != nil {
		r.CacheRead = *s.CacheRead
	}
	if s.CacheWrite != nil {
		r.CacheWrite = *s.CacheWrite
	}
	if s.Reasoning != nil {
		r.Reasoning = *s.Reasoning
	}
	return r
}
