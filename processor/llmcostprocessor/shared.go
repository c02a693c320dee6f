// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/rollup"
)

// Bounds of the per-trace cost store that carries a turn's total from its
// spans to its log record.
const (
	rollupTraces = 20_000
	rollupSpans  = 4096
	rollupTTL    = 10 * time.Minute
)

// shared is what the traces and logs instances of one llm_cost component
// share (as otlpreceiver shares its instances): the price sources and their
// reloading, the current matcher, and the per-trace cost store, so a turn's
// log record gets the total of the spans priced in the traces pipeline and
// a price database is fetched once.
type shared struct {
	id        component.ID
	cfg       *Config
	logger    *zap.Logger
	tel       component.TelemetrySettings
	telemetry *metadata.TelemetryBuilder

	matcher atomic.Pointer[pricing.Matcher]
	store   *rollup.Store

	mu       sync.Mutex // guards the sources and rebuilds
	defaults *pricing.File
	user     fileSource
	dbs      []*dbSource

	refs    int
	started bool
	stop    chan struct{}
	wg      sync.WaitGroup
}

type fileStamp struct {
	size    int64
	modTime time.Time
}

type fileSource struct {
	path    string
	file    *pricing.File
	stamp   fileStamp
	failing bool
	failed  fileStamp
}

type dbSource struct {
	cfg    DatabaseConfig
	db     *pricing.Database
	stamp  fileStamp // path databases
	etag   string    // http databases
	errMsg string    // the last failure, logged once
	client *http.Client
}

var (
	registryMu sync.Mutex
	registry   = map[component.ID]*shared{}
)

// acquire returns the shared state of component id, creating it on first
// use; release gives it back.
func acquire(id component.ID, cfg *Config, tel component.TelemetrySettings, tb *metadata.TelemetryBuilder) (*shared, error) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if s, ok := registry[id]; ok {
		s.refs++
		return s, nil
	}
	s, err := newShared(id, cfg, tel, tb)
	if err != nil {
		return nil, err
	}
	s.refs = 1
	registry[id] = s
	return s, nil
}

func (s *shared) release() {
	registryMu.Lock()
	s.refs--
	last := s.refs == 0
	if last {
		delete(registry, s.id)
	}
	registryMu.Unlock()
	if last {
		s.shutdown()
	}
}

func newShared(id component.ID, cfg *Config, tel component.TelemetrySettings, tb *metadata.TelemetryBuilder) (*shared, error) {
	def, err := pricing.Parse(pricing.DefaultFile())
	if err != nil {
		return nil, fmt.Errorf("embedded price table: %w", err)
	}
	s := &shared{
		id: id, cfg: cfg, logger: tel.Logger, tel: tel, telemetry: tb, defaults: def,
		store: rollup.New(rollupTraces, rollupSpans, rollupTTL),
		user:  fileSource{path: cfg.PriceFile},
		stop:  make(chan struct{}),
	}
	if cfg.PriceFile != "" {
		f, stamp, err := readPriceFile(cfg.PriceFile)
		if err != nil {
			return nil, err
		}
		s.user.file, s.user.stamp = f, stamp
	}
	for _, dc := range cfg.PriceDatabases {
		d := &dbSource{cfg: dc}
		s.dbs = append(s.dbs, d)
		if dc.Path != "" {
			// A database file that cannot be read at start-up leaves the
			// other sources in use: it is data refreshed by a job, not
			// configuration.
			s.loadPath(d)
		}
	}
	if err := s.rebuild(); err != nil {
		return nil, err
	}
	return s, nil
}

func readPriceFile(path string) (*pricing.File, fileStamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("price_file: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("price_file: %w", err)
	}
	f, err := pricing.Parse(data)
	if err != nil {
		return nil, fileStamp{}, fmt.Errorf("price_file %q: %w", path, err)
	}
	if _, err := pricing.Build(&pricing.File{}, f); err != nil {
		return nil, fileStamp{}, fmt.Errorf("price_file %q: %w", path, err)
	}
	return f, fileStamp{fi.Size(), fi.ModTime()}, nil
}

// rebuild layers the current sources into a new table and swaps it in.
// Callers hold s.mu (or own s exclusively).
func (s *shared) rebuild() error {
	files := []*pricing.File{s.defaults}
	if s.user.file != nil {
		files = append(files, s.user.file)
	}
	var dbs []*pricing.Database
	for _, d := range s.dbs {
		if d.db != nil {
			dbs = append(dbs, d.db)
		}
	}
	t, err := pricing.BuildLayers(files, dbs)
	if err != nil {
		return err
	}
	s.matcher.Store(pricing.NewMatcher(t, s.cfg.AzureDeployments, genai.InferProvider))
	return nil
}

func (s *shared) start(ctx context.Context, host component.Host) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return nil
	}
	s.started = true
	for _, src := range s.matcher.Load().Table().Sources() {
		s.logger.Info("Price source loaded", zap.String("source", src.Source), zap.Int("models", src.Models))
	}
	if s.cfg.PriceFile != "" && s.cfg.ReloadInterval > 0 {
		s.wg.Add(1)
		go s.every(s.cfg.ReloadInterval, s.reloadUserFile)
	}
	for _, d := range s.dbs {
		if d.cfg.HTTP.Endpoint != "" {
			client, err := d.cfg.HTTP.ToClient(ctx, host.GetExtensions(), s.tel)
			if err != nil {
				return fmt.Errorf("price_databases: %s: %w", d.cfg.HTTP.Endpoint, err)
			}
			d.client = client
			s.wg.Add(1)
			go func() {
				s.refreshHTTP(d)
				s.every(d.cfg.interval(), func() { s.refreshHTTP(d) })
			}()
		} else {
			s.wg.Add(1)
			go s.every(d.cfg.interval(), func() { s.refreshPath(d) })
		}
	}
	return nil
}

func (s *shared) shutdown() {
	close(s.stop)
	s.wg.Wait()
}

// every calls f each interval until the component stops.
func (s *shared) every(interval time.Duration, f func()) {
	defer s.wg.Done()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
			f()
		}
	}
}

func (s *shared) reloads(source string) metric.AddOption {
	return metric.WithAttributeSet(attribute.NewSet(attribute.String("source", source)))
}

// reloadUserFile re-reads the price file when its size or modification
// time changes; a broken version keeps the previous table, counted and
// logged once per version (a missing file is one version).
func (s *shared) reloadUserFile() {
	path := s.user.path
	fi, err := os.Stat(path)
	stamp := fileStamp{}
	if err == nil {
		stamp = fileStamp{fi.Size(), fi.ModTime()}
		if stamp == s.user.stamp {
			return
		}
	}
	var f *pricing.File
	if err == nil {
		f, stamp, err = readPriceFile(path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		prev := s.user.file
		s.user.file = f
		if err = s.rebuild(); err != nil {
			s.user.file = prev
		}
	}
	if err != nil {
		if s.user.failing && stamp == s.user.failed {
			return
		}
		s.user.failing, s.user.failed = true, stamp
		s.telemetry.ProcessorLlmCostPriceReloadFailures.Add(context.Background(), 1, s.reloads(pricing.SourcePriceFile))
		s.logger.Error("Price file reload failed; keeping the previous price table", zap.String("price_file", path), zap.Error(err))
		return
	}
	s.user.stamp, s.user.failing = stamp, false
	s.telemetry.ProcessorLlmCostPriceReloads.Add(context.Background(), 1, s.reloads(pricing.SourcePriceFile))
	s.logger.Info("Price file reloaded", zap.String("price_file", path), zap.Int("models", s.matcher.Load().Table().Models))
}

// loadPath reads a database file (at start-up, or when it changed).
func (s *shared) loadPath(d *dbSource) bool {
	fi, err := os.Stat(d.cfg.Path)
	if err == nil {
		stamp := fileStamp{fi.Size(), fi.ModTime()}
		if stamp == d.stamp && d.db != nil {
			return false
		}
		var data []byte
		if fi.Size() > d.cfg.maxSize() {
			err = fmt.Errorf("%d bytes, above the limit of %d", fi.Size(), d.cfg.maxSize())
		} else if data, err = os.ReadFile(d.cfg.Path); err == nil {
			var db *pricing.Database
			if db, err = d.cfg.parse(data); err == nil {
				d.db, d.stamp = db, stamp
				return s.loaded(d, d.cfg.Path)
			}
		}
		d.stamp = stamp
	}
	s.failedDB(d, d.cfg.Path, err)
	return false
}

func (s *shared) refreshPath(d *dbSource) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := d.db
	if s.loadPath(d) {
		if err := s.rebuild(); err != nil {
			d.db = prev
			s.failedDB(d, d.cfg.Path, err)
		}
	}
}

// refreshHTTP fetches a database (conditionally: an unchanged one answers
// 304 and is not parsed again).
func (s *shared) refreshHTTP(d *dbSource) {
	url := d.cfg.HTTP.Endpoint
	db, etag, err := s.fetch(d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.failedDB(d, url, err)
		return
	}
	if db == nil {
		return // not modified
	}
	prev := d.db
	d.db = db
	if err := s.rebuild(); err != nil {
		d.db = prev
		s.failedDB(d, url, err)
		return
	}
	d.etag = etag
	s.loaded(d, url)
}

func (s *shared) fetch(d *dbSource) (*pricing.Database, string, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-s.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, d.cfg.HTTP.Endpoint, http.NoBody)
	if err != nil {
		return nil, "", err
	}
	s.mu.Lock()
	etag, have := d.etag, d.db != nil
	s.mu.Unlock()
	if etag != "" && have {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && have {
		return nil, etag, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("HTTP %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, d.cfg.maxSize()+1))
	if err != nil {
		return nil, "", err
	}
	if int64(len(data)) > d.cfg.maxSize() {
		return nil, "", fmt.Errorf("more than %d bytes", d.cfg.maxSize())
	}
	db, err := d.cfg.parse(data)
	if err != nil {
		return nil, "", err
	}
	return db, resp.Header.Get("ETag"), nil
}

func (s *shared) loaded(d *dbSource, where string) bool {
	d.errMsg = ""
	s.telemetry.ProcessorLlmCostPriceReloads.Add(context.Background(), 1, s.reloads(d.db.Source))
	s.logger.Info("Price database loaded", zap.String("format", d.cfg.Format), zap.String("from", where),
		zap.Int("models", len(d.db.Entries)), zap.Int("skipped", d.db.Skipped), zap.Int("rounded_prices", d.db.Rounded))
	return true
}

// failedDB counts a failed load and logs it once per distinct error; the
// previous version of the database (or none) stays in use.
func (s *shared) failedDB(d *dbSource, where string, err error) {
	source := pricing.SourceLiteLLM
	if d.cfg.Format == formatGenAIPrices {
		source = pricing.SourceGenAIPrices
	}
	s.telemetry.ProcessorLlmCostPriceReloadFailures.Add(context.Background(), 1, s.reloads(source))
	if msg := err.Error(); msg != d.errMsg {
		d.errMsg = msg
		s.logger.Error("Price database load failed; keeping the previous prices", zap.String("format", d.cfg.Format), zap.String("from", where), zap.Error(err))
	}
}

var errNoSource = errors.New("set exactly one of path and http.endpoint")
