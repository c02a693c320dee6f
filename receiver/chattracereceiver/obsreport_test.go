// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// TestAcceptedCountsWhatWasSent: the receiver's accepted-items metrics count
// what it handed to the pipeline even when the pipeline takes the data away
// (as the batch processor does, moving the spans out of the request).
func TestAcceptedCountsWhatWasSent(t *testing.T) {
	tt := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tt.Shutdown(context.Background())) }()
	set := receivertest.NewNopSettings(metadata.Type)
	set.TelemetrySettings = tt.NewTelemetrySettings()
	r, err := newChatReceiver(set, defaultConfig(), func() {})
	require.NoError(t, err)
	var spans, logs int
	r.nextTraces, err = consumer.NewTraces(func(_ context.Context, td ptrace.Traces) error {
		spans += td.SpanCount()
		td.ResourceSpans().RemoveIf(func(ptrace.ResourceSpans) bool { return true })
		return nil
	}, consumer.WithCapabilities(consumer.Capabilities{MutatesData: true}))
	require.NoError(t, err)
	r.nextLogs, err = consumer.NewLogs(func(_ context.Context, ld plog.Logs) error {
		logs += ld.LogRecordCount()
		ld.ResourceLogs().RemoveIf(func(plog.ResourceLogs) bool { return true })
		return nil
	}, consumer.WithCapabilities(consumer.Capabilities{MutatesData: true}))
	require.NoError(t, err)

	body := strings.Replace(strings.Replace(pushedTurn, "%s", "null", 1), "%s", "gpt-4o", 1)
	rec, _ := push(t, r, "application/json", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Positive(t, spans)
	require.Positive(t, logs)

	sum := func(name string) int64 {
		m, err := tt.GetMetric(name)
		require.NoError(t, err, name)
		var n int64
		for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
			n += dp.Value
		}
		return n
	}
	assert.Equal(t, int64(spans), sum("otelcol_receiver_accepted_spans"))
	assert.Equal(t, int64(logs), sum("otelcol_receiver_accepted_log_records"))
}
