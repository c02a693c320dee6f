// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"time"

	"go.opentelemetry.io/collector/config/confighttp"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
)

// Config is the configuration of the llm_cost processor.
type Config struct {
	// PriceFile is the path of a price file whose entries take precedence
	// over every price database and the embedded table (same format; see
	// README). Default: none.
	PriceFile string `mapstructure:"price_file"`

	// ReloadInterval is how often PriceFile is checked for changes (size or
	// modification time); a changed file is re-read and swapped in without a
	// restart. Default 30s; 0 disables reloading.
	ReloadInterval time.Duration `mapstructure:"reload_interval"`

	// PriceDatabases are maintained price databases imported as price
	// sources, in precedence order, below PriceFile and above the embedded
	// table. Default: none.
	PriceDatabases []DatabaseConfig `mapstructure:"price_databases"`

	// TokenSemantics says how the instrumentation counts input tokens:
	// "inclusive" (GenAI conventions: input includes cached tokens),
	// "exclusive" (Anthropic API style: cache reads and writes are not in
	// input), or "auto" (decided per call from evidence, see README).
	// Default "auto".
	TokenSemantics string `mapstructure:"token_semantics"`

	// ExclusiveScopes are instrumentation scope names whose input counts
	// are read as exclusive of cache reads and writes in auto mode. Default:
	// none.
	ExclusiveScopes []string `mapstructure:"exclusive_scopes"`

	// ReasoningExclusiveScopes are instrumentation scope names whose
	// reasoning counts (gen_ai.usage.reasoning.output_tokens) are read as
	// reported apart from gen_ai.usage.output_tokens and added to it, in
	// every mode (instrumentations that copy the Gemini API's
	// candidatesTokenCount and thoughtsTokenCount as they are). Default:
	// none: output is read as including reasoning, as the conventions say,
	// unless the counts themselves show otherwise.
	ReasoningExclusiveScopes []string `mapstructure:"reasoning_exclusive_scopes"`

	// AzureDeployments maps Azure OpenAI deployment names, which appear as
	// the model name, to the model they serve. Default: none.
	AzureDeployments map[string]string `mapstructure:"azure_deployments"`

	// EstimateTokens prices calls that report no token counts by counting
	// the tokens of gen_ai.system_instructions, gen_ai.input.messages and
	// gen_ai.output.messages with the model's tokenizer (an approximation
	// for models whose tokenizer is not public), marked
	// gen_ai.usage.cost.status=estimated and gen_ai.usage.estimated=true.
	// Default true.
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

	// AggregateCosts writes on agent and workflow spans, on spans that
	// repeat their children's totals, and on a chat turn's log record, the
	// exact sum of the costs priced below them, marked
	// gen_ai.usage.cost.source=aggregate. Default true.
	AggregateCosts bool `mapstructure:"aggregate_costs"`

	// Currency is the ISO 4217 currency amounts are written in. Default USD.
	Currency string `mapstructure:"currency"`

	// ExchangeRates converts prices in other currencies into Currency:
	// price currency -> units of Currency per unit, as a decimal string
	// (e.g. EUR: "1.08" when Currency is USD). Prices in a currency without
	// a rate keep their own currency. Default none.
	ExchangeRates map[string]string `mapstructure:"exchange_rates"`
}

// Formats of price databases.
const (
	formatLiteLLM     = "litellm"
	formatGenAIPrices = "genai_prices"
)

// DatabaseConfig is one imported price database.
type DatabaseConfig struct {
	// Format is "litellm" (LiteLLM's model_prices_and_context_window.json)
	// or "genai_prices" (pydantic genai-prices' data.json). Required.
	Format string `mapstructure:"format"`

	// Path is a local copy of the database, e.g. refreshed by a cron job.
	// Either Path or HTTP.Endpoint is required.
	Path string `mapstructure:"path"`

	// HTTP fetches the database from HTTP.Endpoint (an http or https URL),
	// with the collector's HTTP client settings (timeout, TLS, headers,
	// proxy).
	HTTP confighttp.ClientConfig `mapstructure:"http"`

	// RefreshInterval is how often the database is fetched again (HTTP,
	// conditionally with its ETag) or its file checked for changes (Path).
	// Default 6h for HTTP, 30s for Path.
	RefreshInterval time.Duration `mapstructure:"refresh_interval"`

	// MaxSize is the largest database accepted, in bytes. Default 64 MiB.
	MaxSize int64 `mapstructure:"max_size"`
}

func (d *DatabaseConfig) interval() time.Duration {
	switch {
	case d.RefreshInterval > 0:
		return d.RefreshInterval
	case d.HTTP.Endpoint != "":
		return 6 * time.Hour
	}
	return 30 * time.Second
}

func (d *DatabaseConfig) maxSize() int64 {
	if d.MaxSize > 0 {
		return d.MaxSize
	}
	return 64 << 20
}

func (d *DatabaseConfig) parse(data []byte) (*pricing.Database, error) {
	if d.Format == formatGenAIPrices {
		return pricing.ParseGenAIPrices(data)
	}
	return pricing.ParseLiteLLM(data)
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
	for i := range cfg.PriceDatabases {
		if err := cfg.PriceDatabases[i].validate(); err != nil {
			errs = append(errs, fmt.Errorf("price_databases[%d]: %w", i, err))
		}
	}
	if cfg.PriceFile != "" {
		if _, _, err := readPriceFile(cfg.PriceFile); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (d *DatabaseConfig) validate() error {
	var errs []error
	switch d.Format {
	case formatLiteLLM, formatGenAIPrices:
	default:
		errs = append(errs, fmt.Errorf("format: %q is not one of litellm, genai_prices", d.Format))
	}
	switch {
	case (d.Path == "") == (d.HTTP.Endpoint == ""):
		errs = append(errs, fmt.Errorf("path %q, http.endpoint %q: %w", d.Path, d.HTTP.Endpoint, errNoSource))
	case d.HTTP.Endpoint != "":
		u, err := url.Parse(d.HTTP.Endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("http.endpoint: %q is not an http or https URL", d.HTTP.Endpoint))
		}
	case d.Path != "":
		if _, err := os.Stat(d.Path); err != nil && !os.IsNotExist(err) {
			errs = append(errs, fmt.Errorf("path: %q: %w", d.Path, err))
		}
	}
	if d.RefreshInterval < 0 {
		errs = append(errs, fmt.Errorf("refresh_interval: %q must not be negative", d.RefreshInterval))
	}
	if d.MaxSize < 0 {
		errs = append(errs, fmt.Errorf("max_size: %d must not be negative", d.MaxSize))
	}
	return errors.Join(errs...)
}
