// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm // import "github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"
)

// The traces and logs instances of one span_metrics_llm component are one
// spanMetrics, so an evaluation counted from a span event and one from a
// log record land in the same series, and every series is emitted once.
// They are told apart from another component's by id and configuration.
type sharedKey struct {
	id  component.ID
	cfg *Config
}

var (
	registryMu sync.Mutex
	registry   = map[sharedKey]*spanMetrics{}
)

// instance is one signal's handle on a shared spanMetrics: Start starts
// it once, Shutdown stops it with the last handle.
type instance struct {
	*spanMetrics
	startOnce, shutdownOnce sync.Once
}

func acquire(set connector.Settings, cfg *Config, next consumer.Metrics) (*instance, error) {
	registryMu.Lock()
	defer registryMu.Unlock()
	key := sharedKey{set.ID, cfg}
	c, ok := registry[key]
	if !ok {
		var err error
		if c, err = newConnector(set, cfg, next); err != nil {
			return nil, err
		}
		c.key = key
		registry[key] = c
	}
	c.refs++
	return &instance{spanMetrics: c}, nil
}

// Start starts the shared connector on the first Start of any instance.
func (i *instance) Start(context.Context, component.Host) error {
	i.startOnce.Do(func() {
		registryMu.Lock()
		first := !i.started
		i.started = true
		registryMu.Unlock()
		if first {
			go i.loop()
		}
	})
	return nil
}

// Shutdown stops the shared connector with the last instance.
func (i *instance) Shutdown(ctx context.Context) error {
	var err error
	i.shutdownOnce.Do(func() {
		registryMu.Lock()
		i.refs--
		last := i.refs == 0
		if last {
			delete(registry, i.key)
		}
		registryMu.Unlock()
		if last {
			err = i.spanMetrics.Shutdown(ctx)
		}
	})
	return err
}
