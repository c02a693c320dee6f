// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package sink

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

// TestSinkCountsWhatIsSent sends through the real gRPC path (the generator's
// raw codec to the sink's) and checks counts, roots and latency.
func TestSinkCountsWhatIsSent(t *testing.T) {
	s, err := Start("127.0.0.1:0")
	require.NoError(t, err)
	defer s.Stop()
	reqs, _, err := load.Prepare(workload.LLM, 7, 4, 20)
	require.NoError(t, err)
	tgt, err := load.NewGRPC(s.Addr())
	require.NoError(t, err)
	defer tgt.Close()

	res := load.Run(context.Background(), tgt, reqs, load.Options{Rate: 400, Duration: 500 * time.Millisecond, Workers: 2, RequestTimeout: 5 * time.Second})
	require.Zero(t, res.FailedRequests, res.FirstError)
	require.Equal(t, int64(200), res.Spans)

	c := s.Counts()
	assert.Equal(t, res.Spans, c.Spans)
	assert.Equal(t, res.Requests, c.Requests)
	assert.Zero(t, c.Malformed)
	assert.Positive(t, c.Roots)
	assert.Less(t, c.Roots, c.Spans, "agent runs carry child spans")
	p99, ok := s.Quantile(0.99)
	require.True(t, ok)
	assert.Less(t, p99, 2*time.Second)
	assert.False(t, c.Last.IsZero())

	sample := ptraceotlp.NewExportRequest()
	require.NoError(t, sample.UnmarshalProto(s.Sample()))
	assert.Equal(t, 20, sample.Traces().SpanCount(), "the first export is kept whole")

	s.Reset()
	assert.Equal(t, Counts{}, s.Counts())
	assert.Nil(t, s.Sample())
	_, ok = s.Quantile(0.99)
	assert.False(t, ok)
}

func TestQuantile(t *testing.T) {
	s := &Sink{hist: make([]int64, numBuckets)}
	s.hist[10] = 98  // 1.0–1.1 ms
	s.hist[500] = 1  // 50 ms
	s.hist[2000] = 1 // 200 ms
	p50, _ := s.Quantile(0.5)
	p99, _ := s.Quantile(0.99)
	p100, _ := s.Quantile(1)
	assert.Equal(t, 1100*time.Microsecond, p50)
	assert.Equal(t, 50100*time.Microsecond, p99)
	assert.Equal(t, 200100*time.Microsecond, p100)
}

func TestMalformedExportIsCounted(t *testing.T) {
	s := &Sink{hist: make([]int64, numBuckets)}
	s.consume([]byte{0x0a, 0xff, 0x01})
	assert.Equal(t, int64(1), s.Counts().Malformed)
}
