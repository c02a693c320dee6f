// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"go.opentelemetry.io/collector/config/configopaque"
)

// Config is the configuration of the otlp_guard extension.
type Config struct {
	// MaxItems is the most spans, log records or metric data points one
	// request may hold. Default 0, no limit (MaxDecodedMiB bounds memory).
	MaxItems int64 `mapstructure:"max_items"`

	// MaxDecodedMiB is the most memory, in MiB, one request may take once
	// decoded, estimated from its encoding before it is decoded (the encoded
	// body included). Size it to the memory limit: several requests are
	// decoded at once. Default 64; 0, no limit.
	MaxDecodedMiB int64 `mapstructure:"max_decoded_mib"`

	// MaxItemBytes is the largest encoded item (with its resource and scope,
	// and a data point with its metric) a request may carry. Set it below
	// the exporters' byte-sized batch limit (sending_queue::batch::max_size
	// with sizer: bytes), which drops an item larger than a batch after the
	// sender was told it was accepted. Default 0, no limit.
	MaxItemBytes int64 `mapstructure:"max_item_bytes"`

	// MaxValueDepth is how deeply attribute values (arrays and maps) may
	// nest. Decoding and every processor walk them recursively. Default 64;
	// 0, no limit.
	MaxValueDepth int `mapstructure:"max_value_depth"`

	// HTTP says which OTLP/HTTP paths the middleware reads.
	HTTP HTTPConfig `mapstructure:"http"`

	// GRPC holds the settings for gRPC servers.
	GRPC GRPCConfig `mapstructure:"grpc"`

	// Tokens are secrets the configuration uses, by the name of the
	// environment variable they come from, e.g.
	// OTELCOL_BEARER_TOKEN: ${env:OTELCOL_BEARER_TOKEN}. Each is checked at
	// start-up: blank values, whitespace, fewer than 16 characters or fewer
	// than 8 distinct ones fail with an error that names the variable (never
	// the value). Default none.
	Tokens map[string]configopaque.String `mapstructure:"tokens"`
}

// HTTPConfig names the OTLP/HTTP paths, as the otlp receiver's
// traces_url_path, logs_url_path and metrics_url_path do. Other paths pass
// through untouched.
type HTTPConfig struct {
	// TracesURLPath is the traces path. Default /v1/traces.
	TracesURLPath string `mapstructure:"traces_url_path"`
	// LogsURLPath is the logs path. Default /v1/logs.
	LogsURLPath string `mapstructure:"logs_url_path"`
	// MetricsURLPath is the metrics path. Default /v1/metrics.
	MetricsURLPath string `mapstructure:"metrics_url_path"`
}

// GRPCConfig holds the settings for gRPC servers.
type GRPCConfig struct {
	// ConnectionTimeout bounds the handshake of a new connection (TLS and
	// the HTTP/2 preface): a client that opens a connection and sends
	// nothing is disconnected after it. Default 10s (gRPC's own default is
	// 120s).
	ConnectionTimeout time.Duration `mapstructure:"connection_timeout"`
}

const (
	minTokenLength   = 16
	minTokenDistinct = 8
)

// Validate checks the configuration at start-up.
func (cfg *Config) Validate() error {
	var errs []error
	for key, v := range map[string]int64{"max_items": cfg.MaxItems, "max_decoded_mib": cfg.MaxDecodedMiB, "max_item_bytes": cfg.MaxItemBytes, "max_value_depth": int64(cfg.MaxValueDepth)} {
		if v < 0 {
			errs = append(errs, fmt.Errorf("%s: %d must not be negative", key, v))
		}
	}
	for key, p := range map[string]string{"http::traces_url_path": cfg.HTTP.TracesURLPath, "http::logs_url_path": cfg.HTTP.LogsURLPath, "http::metrics_url_path": cfg.HTTP.MetricsURLPath} {
		if !strings.HasPrefix(p, "/") {
			errs = append(errs, fmt.Errorf("%s: %q must start with /", key, p))
		}
	}
	if cfg.GRPC.ConnectionTimeout <= 0 {
		errs = append(errs, fmt.Errorf("grpc::connection_timeout: %q must be positive", cfg.GRPC.ConnectionTimeout))
	}
	names := make([]string, 0, len(cfg.Tokens))
	for name := range cfg.Tokens {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if why := weakToken(string(cfg.Tokens[name])); why != "" {
			errs = append(errs, fmt.Errorf("tokens::%s: the token %s", name, why))
		}
	}
	return errors.Join(errs...)
}

// weakToken says why a token is unfit, or "" when it is not. It never
// repeats the token.
func weakToken(tok string) string {
	if strings.TrimSpace(tok) == "" {
		return "is empty or blank: set it to a random secret, e.g. $(openssl rand -hex 32)"
	}
	for _, r := range tok {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return "contains whitespace or control characters, which an HTTP or gRPC header cannot carry intact (a copy-paste with a newline?)"
		}
	}
	if n := len([]rune(tok)); n < minTokenLength {
		return fmt.Sprintf("is %d characters long: use at least %d random characters, e.g. $(openssl rand -hex 32)", n, minTokenLength)
	}
	distinct := map[rune]bool{}
	for _, r := range tok {
		distinct[r] = true
	}
	if len(distinct) < minTokenDistinct {
		return fmt.Sprintf("has only %d distinct characters: use a random secret, e.g. $(openssl rand -hex 32)", len(distinct))
	}
	return ""
}
