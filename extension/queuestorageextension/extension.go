// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package queuestorageextension // import "github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension"

import (
	"context"
	"fmt"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensioncapabilities"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension/internal/metadata"
)

// queueStorage is the queue_storage extension.
type queueStorage struct {
	cfg    *Config
	logger *zap.Logger
	tb     *metadata.TelemetryBuilder
	inner  storage.Extension

	mu     sync.Mutex
	warned time.Time // when a failed write was last logged
}

var (
	_ storage.Extension               = (*queueStorage)(nil)
	_ extensioncapabilities.Dependent = (*queueStorage)(nil)
)

func newQueueStorage(set extension.Settings, cfg *Config) (*queueStorage, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	return &queueStorage{cfg: cfg, logger: set.Logger, tb: tb}, nil
}

// Dependencies makes the collector start the wrapped storage first.
func (q *queueStorage) Dependencies() []component.ID { return []component.ID{q.cfg.Storage} }

func (q *queueStorage) Start(_ context.Context, host component.Host) error {
	ext, ok := host.GetExtensions()[q.cfg.Storage]
	if !ok {
		return fmt.Errorf("queue_storage: storage: extension %q is not configured (add it to service::extensions)", q.cfg.Storage)
	}
	inner, ok := ext.(storage.Extension)
	if !ok {
		return fmt.Errorf("queue_storage: storage: extension %q is not a storage extension", q.cfg.Storage)
	}
	q.inner = inner
	return nil
}

func (q *queueStorage) Shutdown(context.Context) error {
	q.tb.Shutdown()
	return nil
}

// GetClient returns the wrapped storage's client for the component, under
// the same name, so existing queue files are found as they were.
func (q *queueStorage) GetClient(ctx context.Context, kind component.Kind, id component.ID, name string) (storage.Client, error) {
	if q.inner == nil {
		return nil, fmt.Errorf("queue_storage: not started")
	}
	c, err := q.inner.GetClient(ctx, kind, id, name)
	if err != nil {
		return nil, err
	}
	return &client{Client: c, q: q, owner: id}, nil
}

// client passes everything to the wrapped client except the one batch the
// persistent queue issues to take its next item: a Set of its bookkeeping
// followed by a Get of the item.
type client struct {
	storage.Client
	q     *queueStorage
	owner component.ID
}

func (c *client) Batch(ctx context.Context, ops ...*storage.Operation) error {
	err := c.Client.Batch(ctx, ops...)
	if err == nil || !isRecordedRead(ops) {
		return err
	}
	// The write failed, and with it the read. Read the item alone (a
	// transaction without changes) and let the queue send it; its
	// bookkeeping stays in memory and reaches the disk with the next write
	// that succeeds.
	get := ops[1]
	if gerr := c.Client.Batch(ctx, get); gerr != nil || get.Value == nil {
		return err
	}
	c.q.tb.ExtensionQueueStorageUnrecordedReads.Add(ctx, 1)
	c.q.warn(c.owner, err)
	return nil
}

// isRecordedRead matches the persistent queue's read of its next item: it
// records the new read position and takes the item in one batch.
func isRecordedRead(ops []*storage.Operation) bool {
	return len(ops) == 2 && ops[0].Type == storage.Set && ops[1].Type == storage.Get
}

// warn logs a failed write at most once a minute.
func (q *queueStorage) warn(owner component.ID, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if time.Since(q.warned) < time.Minute {
		return
	}
	q.warned = time.Now()
	q.logger.Warn("A persistent queue could not record a read (is its disk full?); the item is sent anyway and may be sent again after a restart",
		zap.String("queue_of", owner.String()), zap.Error(err))
}
