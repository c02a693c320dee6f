// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// NewFactory returns the factory of the chat_trace receiver.
func NewFactory() receiver.Factory {
	return receiver.NewFactory(
		metadata.Type,
		createDefaultConfig,
		receiver.WithTraces(createTraces, metadata.TracesStability),
		receiver.WithLogs(createLogs, metadata.LogsStability),
	)
}

func createDefaultConfig() component.Config {
	server := confighttp.NewDefaultServerConfig()
	server.NetAddr.Endpoint = defaultEndpoint
	// One push at the limits holds about five times its body while it is
	// decoded and mapped: 8 MiB (some 3,000 turns, or a history of about as
	// many) and two at a time keep pushes under ~100 MB together.
	server.MaxRequestBodySize = defaultMaxBody
	// A request holds a slot while its body is read: a client that sends
	// slower than this cannot hold one for long.
	server.ReadTimeout = 30 * time.Second
	return &Config{
		PollInterval:    time.Second,
		StartAt:         startAtEnd,
		MaxFileSize:     64 << 20,
		MaxFileMessages: 100_000,
		HTTP: configoptional.Default(HTTPConfig{
			ServerConfig: server, Path: defaultPath,
			MaxItemsPerRequest: 10_000, DedupTurns: 65_536, MaxConcurrentRequests: 2,
			FeedbackTurns: 65_536,
		}),
		Capture:     CaptureConfig{UserRequests: true, AgentResponses: true},
		ServiceName: "halo-core",
	}
}

func createTraces(_ context.Context, set receiver.Settings, cfg component.Config, next consumer.Traces) (receiver.Traces, error) {
	r, err := receivers.get(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	r.nextTraces = next
	return r, nil
}

func createLogs(_ context.Context, set receiver.Settings, cfg component.Config, next consumer.Logs) (receiver.Logs, error) {
	r, err := receivers.get(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	r.nextLogs = next
	return r, nil
}

// receivers shares one receiver between the traces and logs pipelines of
// the same configuration: one set of file checkpoints, one HTTP listener.
var receivers = &sharedReceivers{m: map[*Config]*chatReceiver{}}

type sharedReceivers struct {
	mu sync.Mutex
	m  map[*Config]*chatReceiver
}

func (s *sharedReceivers) get(set receiver.Settings, cfg *Config) (*chatReceiver, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.m[cfg]; ok {
		return r, nil
	}
	r, err := newChatReceiver(set, cfg, func() { s.remove(cfg) })
	if err != nil {
		return nil, err
	}
	s.m[cfg] = r
	return r, nil
}

func (s *sharedReceivers) remove(cfg *Config) {
	s.mu.Lock()
	delete(s.m, cfg)
	s.mu.Unlock()
}
