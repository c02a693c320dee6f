// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
)

// Config is the configuration of the llm_cost processor.
type Config struct {
	// PriceFile is the path of a price file merged over the embedded default
	// table (same format; see README). Default: none, the defaults alone.
	PriceFile string `mapstructure:"price_file"`

	// ReloadInterval is how often PriceFile is checked for changes (size or
	// modification time); a changed file is re-read and swapped in without a
	// restart. Default 30s; 0 disables reloading.
	ReloadInterval time.Duration `mapstructure:"reload_interval"`

	// TokenSemantics says how the instrumentation counts input tokens:
	// "inclusive" (GenAI conventions: input includes cached tokens),
	// "exclusive" (Anthropic API style: cache reads and writes are not in
	// input), or "auto" (inclusive unless cache tokens exceed input tokens,
	// which only exclusive counting produces). Default "auto".
	TokenSemantics string `mapstructure:"token_semantics"`

	// AzureDeployments maps Azure OpenAI deployment names, which appear as
	// the model name, to the model they serve. Default: none.
	AzureDeployments map[string]string `mapstructure:"azure_deployments"`

	// EstimateTokens prices calls that report no token counts by counting
	// the tokens of gen_ai.system_instructions, gen_ai.input.messages and
	// gen_ai.output.messages with the model's tokenizer (an approximation
	// for models whose tokenizer is not public), marked
	// gen_ai.usage.cost.status=estimated. Default true.
	EstimateTokens bool `mapstructure:"estimate_tokens"`

	// Breakdown also writes the cost of each part of the call (uncached
	// input, cache reads, cache writes, output, reasoning) as
	// gen_ai.usage.cost.input / .cache_read / .cache_write / .output /
	// .reasoning. Default false.
	Breakdown bool `mapstructure:"breakdown"`

	// RecomputeReportedCost prices items that already carry a cost
	// (gen_ai.usage.cost.amount, OpenInference llm.cost.total) instead of
	// keeping the reported one. Default false.
	RecomputeReportedCost bool `mapstructure:"recompute_reported_cost"`

	// Currency is the ISO 4217 currency amounts are written in. Default USD.
	Currency string `mapstructure:"currency"`

	// ExchangeRates converts prices in other currencies into Currency:
	// price currency -> units of Currency per unit, as a decimal string
	// (e.g. EUR: "1.08" when Currency is USD). Prices in a currency without
	// a rate keep their own currency. Default none.
	ExchangeRates map[string]string `mapstructure:"exchange_rates"`
}

var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// rates parses ExchangeRates.
func (cfg *Config) rates() (map[string]pricing.Micros, error) {
	out := make(map[string]pricing.Micros, len(cfg.ExchangeRates))
	var errs []error
	for cur, r := range cfg.ExchangeRates {
		if !currencyRE.MatchString(cur) {
			errs = append(errs, fmt.Errorf("exchange_rates: %q is not an ISO 4217 code", cur))
			continue
		}
		m, err := pricing.ParseMicros(r)
		if err != nil || m == 0 {
			errs = append(errs, fmt.Errorf("exchange_rates::%s: %q must be a positive decimal with at most 6 fraction digits", cur, r))
			continue
		}
		out[cur] = m
	}
	return out, errors.Join(errs...)
}

func (cfg *Config) semantics() pricing.Semantics {
	switch cfg.TokenSemantics {
	case "inclusive":
		return pricing.Inclusive
	case "exclusive":
		return pricing.Exclusive
	}
	return pricing.Auto
}

// Validate checks the options and loads the price file, so a bad file fails
// `otelcol-llm validate` instead of the first priced span.
func (cfg *Config) Validate() error {
	var errs []error
	switch cfg.TokenSemantics {
	case "auto", "inclusive", "exclusive":
	default:
		errs = append(errs, fmt.Errorf("token_semantics: %q is not one of auto, inclusive, exclusive", cfg.TokenSemantics))
	}
	if cfg.ReloadInterval < 0 {
		errs = append(errs, fmt.Errorf("reload_interval: %q must not be negative", cfg.ReloadInterval))
	}
	for name, model := range cfg.AzureDeployments {
		if model == "" {
			errs = append(errs, fmt.Errorf("azure_deployments: deployment %q maps to an empty model", name))
		}
	}
	if !currencyRE.MatchString(cfg.Currency) {
		errs = append(errs, fmt.Errorf("currency: %q is not an ISO 4217 code", cfg.Currency))
	}
	if _, err := cfg.rates(); err != nil {
		errs = append(errs, err)
	}
	if _, err := loadTable(cfg.PriceFile); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// loadTable builds the table from the embedded defaults and the price file.
func loadTable(priceFile string) (*pricing.Table, error) {
	def, err := pricing.Parse(pricing.DefaultFile())
	if err != nil {
		return nil, fmt.Errorf("embedded price table: %w", err)
	}
	if priceFile == "" {
		return pricing.Build(def)
	}
	data, err := os.ReadFile(priceFile)
	if err != nil {
		return nil, fmt.Errorf("price_file: %w", err)
	}
	user, err := pricing.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("price_file %q: %w", priceFile, err)
	}
	t, err := pricing.Build(def, user)
	if err != nil {
		return nil, fmt.Errorf("price_file %q: %w", priceFile, err)
	}
	return t, nil
}
