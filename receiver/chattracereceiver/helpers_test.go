// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// newTestReceiver returns a receiver (not started) wired to sinks.
func newTestReceiver(t testing.TB, cfg *Config) (*chatReceiver, *consumertest.TracesSink, *consumertest.LogsSink) {
	t.Helper()
	r, err := newChatReceiver(receivertest.NewNopSettings(metadata.Type), cfg, func() {})
	require.NoError(t, err)
	ts, ls := new(consumertest.TracesSink), new(consumertest.LogsSink)
	r.nextTraces, r.nextLogs = ts, ls
	return r, ts, ls
}

func defaultConfig() *Config {
	return createDefaultConfig().(*Config)
}
