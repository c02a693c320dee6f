// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadatatest"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
)

const (
	dbV1 = `{"gpt-4o": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "litellm_provider": "openai", "mode": "chat"}}`
	dbV2 = `{"gpt-4o": {"input_cost_per_token": 3e-06, "output_cost_per_token": 2e-06, "litellm_provider": "openai", "mode": "chat"}}`
)

func inputPrice(t *testing.T, p *costProcessor) (pricing.Micros, string) {
	t.Helper()
	e := p.shared.matcher.Load().Lookup("openai", "gpt-4o").At(dec2026)
	return e.Prices.Rates.Input, e.Source
}

var litellmSource = attribute.NewSet(attribute.String("source", "litellm"))

// TestDatabaseFileReload: a database file refreshed by a job is picked up;
// a broken or missing version keeps the previous prices, counted and logged
// once; a file that cannot be read at start-up leaves the embedded table in
// use.
func TestDatabaseFileReload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "prices.json")
	base := time.Now().Add(-time.Hour)
	write := func(content string, at time.Time) {
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		require.NoError(t, os.Chtimes(path, at, at))
	}
	cfg := createDefaultConfig().(*Config)
	cfg.PriceDatabases = []DatabaseConfig{{Format: formatLiteLLM, Path: path}}
	require.NoError(t, cfg.Validate(), "a missing database file is not a configuration error")
	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	p, err := newCostProcessor(metadatatest.NewSettings(tel), cfg)
	require.NoError(t, err)
	defer func() { require.NoError(t, p.shutdown(context.Background())) }()
	in, src := inputPrice(t, p)
	assert.Equal(t, pricing.SourceDefault, src, "no file yet: the embedded table")
	assert.Equal(t, pricing.Micros(2_500_000), in)

	d := p.shared.dbs[0]
	write(dbV1, base)
	p.shared.refreshPath(d)
	in, src = inputPrice(t, p)
	assert.Equal(t, pricing.SourceLiteLLM, src)
	assert.Equal(t, pricing.Micros(1_000_000), in)

	p.shared.refreshPath(d) // unchanged: not read again
	write(`{"gpt-4o": {"input_cost_per_token": `, base.Add(time.Minute))
	p.shared.refreshPath(d)
	p.shared.refreshPath(d) // same broken version: counted once
	in, _ = inputPrice(t, p)
	assert.Equal(t, pricing.Micros(1_000_000), in, "a broken file keeps the previous prices")

	write(dbV2, base.Add(2*time.Minute))
	p.shared.refreshPath(d)
	in, _ = inputPrice(t, p)
	assert.Equal(t, pricing.Micros(3_000_000), in)

	metadatatest.AssertEqualProcessorLlmCostPriceReloads(t, tel, []metricdata.DataPoint[int64]{{Value: 2, Attributes: litellmSource}}, metricdatatest.IgnoreTimestamp())
	// The missing file at start-up and the broken version.
	metadatatest.AssertEqualProcessorLlmCostPriceReloadFailures(t, tel, []metricdata.DataPoint[int64]{{Value: 2, Attributes: litellmSource}}, metricdatatest.IgnoreTimestamp())
}

// TestDatabaseHTTPRefresh: a database served over HTTP (here a test server
// on 127.0.0.1) is fetched at start, then refreshed conditionally: an
// unchanged one answers 304 and is not parsed again; a failed fetch keeps
// the previous prices.
func TestDatabaseHTTPRefresh(t *testing.T) {
	var body atomic.Value
	body.Store(dbV1)
	var fetches, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		b := body.Load().(string)
		if b == "" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		sum := sha256.Sum256([]byte(b))
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		_, _ = w.Write([]byte(b))
	}))
	defer srv.Close()

	cfg := createDefaultConfig().(*Config)
	cfg.PriceDatabases = []DatabaseConfig{{
		Format: formatLiteLLM, HTTP: confighttp.ClientConfig{Endpoint: srv.URL, Timeout: 5 * time.Second},
		RefreshInterval: time.Hour,
	}}
	require.NoError(t, cfg.Validate())
	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	p, err := newCostProcessor(metadatatest.NewSettings(tel), cfg)
	require.NoError(t, err)
	require.NoError(t, p.start(context.Background(), componenttest.NewNopHost()))
	require.Eventually(t, func() bool { _, src := inputPrice(t, p); return src == pricing.SourceLiteLLM }, 10*time.Second, 10*time.Millisecond, "fetched at start")

	d := p.shared.dbs[0]
	p.shared.refreshHTTP(d)
	assert.Equal(t, int32(1), notModified.Load(), "unchanged: 304")
	body.Store(dbV2)
	p.shared.refreshHTTP(d)
	in, _ := inputPrice(t, p)
	assert.Equal(t, pricing.Micros(3_000_000), in)
	body.Store("")
	p.shared.refreshHTTP(d)
	p.shared.refreshHTTP(d)
	in, _ = inputPrice(t, p)
	assert.Equal(t, pricing.Micros(3_000_000), in, "a failed fetch keeps the previous prices")
	require.NoError(t, p.shutdown(context.Background()))
	metadatatest.AssertEqualProcessorLlmCostPriceReloads(t, tel, []metricdata.DataPoint[int64]{{Value: 2, Attributes: litellmSource}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostPriceReloadFailures(t, tel, []metricdata.DataPoint[int64]{{Value: 2, Attributes: litellmSource}}, metricdatatest.IgnoreTimestamp())
	assert.Equal(t, int32(5), fetches.Load())
}
