// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configoptional"
)

const (
	startAtBeginning = "beginning"
	startAtEnd       = "end"

	defaultEndpoint = "localhost:4320"
	defaultPath     = "/v1/chat/turns"
	defaultMaxBody  = 8 << 20
)

// Config is the configuration of the chat_trace receiver.
type Config struct {
	// Include lists glob patterns (filepath.Match syntax, no `**`) of
	// chat-history files to watch, e.g. `data/chat_history/*.json`.
	// Default: none, file reading is off.
	Include []string `mapstructure:"include"`
	// Exclude lists glob patterns of files to leave out, matched against
	// the same paths as Include. Default: none.
	Exclude []string `mapstructure:"exclude"`
	// PollInterval is how often the patterns are matched and files whose
	// size or modification time changed are read. Default: 1s.
	PollInterval time.Duration `mapstructure:"poll_interval"`
	// StartAt says whether turns already on disk before the receiver ever
	// ran are emitted (`beginning`) or skipped (`end`). With storage, "ever"
	// means before the first start with that storage: files new since the
	// last run are read whole at any later start. Without storage every
	// start is a first start. Files with a checkpoint are always read from
	// where they stand. Default: end.
	StartAt string `mapstructure:"start_at"`
	// MaxFileSize is the largest file, in bytes, that is read; larger files
	// are skipped and counted. Default: 67108864 (64 MiB).
	MaxFileSize int64 `mapstructure:"max_file_size"`
	// MaxFileMessages is the most messages a file may hold; a file with
	// more is skipped and counted like an oversize one (its checkpoint
	// keeps 8 bytes per message). Default: 100000.
	MaxFileMessages int `mapstructure:"max_file_messages"`
	// Storage is the ID of a storage extension (e.g. `file_storage`) that
	// keeps per-file checkpoints, so that a restart neither loses nor
	// re-emits turns. Default: none, checkpoints live in memory only.
	Storage *component.ID `mapstructure:"storage"`

	// HTTP enables the push server when present. Default: off; when the
	// `http` key is given, endpoint defaults to localhost:4320 and path to
	// /v1/chat/turns.
	HTTP configoptional.Optional[HTTPConfig] `mapstructure:"http"`

	// Capture selects which content is recorded.
	Capture CaptureConfig `mapstructure:"capture"`

	// ServiceName is the service.name resource attribute of everything the
	// receiver emits. Default: halo-core.
	ServiceName string `mapstructure:"service_name"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// HTTPConfig configures the push server.
type HTTPConfig struct {
	// ServerConfig is the usual collector HTTP server configuration
	// (endpoint, tls, auth, cors, max_request_body_size, ...). Default
	// endpoint: localhost:4320.
	ServerConfig confighttp.ServerConfig `mapstructure:",squash"`
	// Path is the URL path that accepts POSTed turns. Default: /v1/chat/turns.
	Path string `mapstructure:"path"`
	// MaxItemsPerRequest bounds what one request may expand to: every
	// record counts 1, a turn 2 more (its spans) and 1 per tool call.
	// A request beyond it is refused with 413 before it is decoded further.
	// Default: 10000.
	MaxItemsPerRequest int `mapstructure:"max_items_per_request"`
	// DedupTurns is how many pushed turns are remembered with the pipelines
	// that accepted them, so that a retried push (after a 503) re-sends a
	// turn only to the pipelines that refused it. 0 turns this off.
	// Default: 65536.
	DedupTurns int `mapstructure:"dedup_turns"`
	// MaxConcurrentRequests is how many pushes are read, decoded and
	// delivered at once; another waits up to 5 s for a free slot, then is
	// answered 503. Bounds the memory pushes can hold together (about five
	// times max_request_body_size each). Default: 2.
	MaxConcurrentRequests int `mapstructure:"max_concurrent_requests"`
	// FeedbackTurns is how many emitted turns are remembered so that user
	// feedback POSTed to <path>/feedback naming a turn by its request id
	// or its session and turn index is joined to it (about 225 bytes each);
	// also how many feedback keys are remembered so that a retried
	// feedback counts once. 0 turns the feedback endpoint off.
	// Default: 65536.
	FeedbackTurns int `mapstructure:"feedback_turns"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// CaptureConfig selects which message content becomes
// gen_ai.input.messages / gen_ai.output.messages and the log body. The
// defaults are HALO Core's own logging defaults.
type CaptureConfig struct {
	// UserRequests records the user's message that started the turn.
	// Default: true.
	UserRequests bool `mapstructure:"user_requests"`
	// AgentPayloads records the full prompt sent to the agent (instead of
	// the user request) and tool call arguments and results. Default: false.
	AgentPayloads bool `mapstructure:"agent_payloads"`
	// AgentResponses records the agent's response. Default: true.
	AgentResponses bool `mapstructure:"agent_responses"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// Validate checks the configuration.
func (cfg *Config) Validate() error {
	var errs []error
	for _, p := range cfg.Include {
		if _, err := filepath.Match(p, ""); err != nil {
			errs = append(errs, fmt.Errorf("include: pattern %q: %w", p, err))
		}
	}
	for _, p := range cfg.Exclude {
		if _, err := filepath.Match(p, ""); err != nil {
			errs = append(errs, fmt.Errorf("exclude: pattern %q: %w", p, err))
		}
	}
	if cfg.PollInterval <= 0 {
		errs = append(errs, fmt.Errorf("poll_interval: %q must be positive", cfg.PollInterval))
	}
	if cfg.StartAt != startAtBeginning && cfg.StartAt != startAtEnd {
		errs = append(errs, fmt.Errorf("start_at: %q is not one of beginning, end", cfg.StartAt))
	}
	if cfg.MaxFileSize <= 0 {
		errs = append(errs, fmt.Errorf("max_file_size: \"%d\" must be positive", cfg.MaxFileSize))
	}
	if cfg.MaxFileMessages <= 0 {
		errs = append(errs, fmt.Errorf("max_file_messages: \"%d\" must be positive", cfg.MaxFileMessages))
	}
	if h := cfg.HTTP.Get(); h != nil {
		if !strings.HasPrefix(h.Path, "/") {
			errs = append(errs, fmt.Errorf("http::path: %q must start with /", h.Path))
		}
		if h.MaxItemsPerRequest <= 0 {
			errs = append(errs, fmt.Errorf("http::max_items_per_request: \"%d\" must be positive", h.MaxItemsPerRequest))
		}
		if h.DedupTurns < 0 {
			errs = append(errs, fmt.Errorf("http::dedup_turns: \"%d\" must not be negative", h.DedupTurns))
		}
		if h.FeedbackTurns < 0 {
			errs = append(errs, fmt.Errorf("http::feedback_turns: \"%d\" must not be negative", h.FeedbackTurns))
		}
		if h.MaxConcurrentRequests <= 0 {
			errs = append(errs, fmt.Errorf("http::max_concurrent_requests: \"%d\" must be positive", h.MaxConcurrentRequests))
		}
	}
	if len(cfg.Include) == 0 && !cfg.HTTP.HasValue() {
		errs = append(errs, errors.New("include: no file patterns and no http server configured: nothing to receive"))
	}
	return errors.Join(errs...)
}
