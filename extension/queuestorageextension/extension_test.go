// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package queuestorageextension

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configretry"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"
	"go.opentelemetry.io/collector/exporter/exporterhelper"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension/internal/metadatatest"
)

var errNoSpace = errors.New("write /q/exporter_otlp_traces: no space left on device")

// disk is an in-memory storage extension whose writes can be made to fail
// as on a full disk: a batch with any Set or Delete fails whole, a batch of
// Gets still reads.
type disk struct {
	mu   sync.Mutex
	data map[string][]byte
	full atomic.Bool
}

func newDisk() *disk { return &disk{data: map[string][]byte{}} }

func (*disk) Start(context.Context, component.Host) error { return nil }
func (*disk) Shutdown(context.Context) error              { return nil }

func (d *disk) GetClient(context.Context, component.Kind, component.ID, string) (storage.Client, error) {
	return d, nil
}

func (d *disk) Get(ctx context.Context, k string) ([]byte, error) {
	op := storage.GetOperation(k)
	err := d.Batch(ctx, op)
	return op.Value, err
}

func (d *disk) Set(ctx context.Context, k string, v []byte) error {
	return d.Batch(ctx, storage.SetOperation(k, v))
}

func (d *disk) Delete(ctx context.Context, k string) error {
	return d.Batch(ctx, storage.DeleteOperation(k))
}

func (d *disk) Close(context.Context) error { return nil }

func (d *disk) Batch(_ context.Context, ops ...*storage.Operation) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.full.Load() {
		for _, op := range ops {
			if op.Type != storage.Get {
				return errNoSpace
			}
		}
	}
	for _, op := range ops {
		switch op.Type {
		case storage.Get:
			op.Value = append([]byte(nil), d.data[op.Key]...)
			if _, ok := d.data[op.Key]; !ok {
				op.Value = nil
			}
		case storage.Set:
			d.data[op.Key] = append([]byte(nil), op.Value...)
		case storage.Delete:
			delete(d.data, op.Key)
		}
	}
	return nil
}

type host struct {
	component.Host
	ext map[component.ID]component.Component
}

func (h host) GetExtensions() map[component.ID]component.Component { return h.ext }

// backend receives what the exporter sends; while down it refuses
// (retryably) and counts nothing.
type backend struct {
	down  atomic.Bool
	mu    sync.Mutex
	names map[string]int
}

func (b *backend) push(_ context.Context, td ptrace.Traces) error {
	if b.down.Load() {
		return errors.New("backend unavailable")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	ss := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < ss.Len(); i++ {
		b.names[ss.At(i).Name()]++
	}
	return nil
}

func (b *backend) received() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.names)
}

func span(i int) ptrace.Traces {
	td := ptrace.NewTraces()
	td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty().SetName(string(rune('a' + i)))
	return td
}

// deliverThroughFullDisk runs the upstream persistent queue (exporterhelper)
// on storage storageID: 20 spans are accepted while the backend is down,
// then the disk fills up and the backend returns. It returns how many
// distinct spans the backend got.
func deliverThroughFullDisk(t *testing.T, h host, storageID component.ID) int {
	t.Helper()
	qcfg := exporterhelper.NewDefaultQueueConfig()
	qcfg.StorageID = &storageID
	qcfg.Sizer = exporterhelper.NewDefaultQueueConfig().Sizer
	qcfg.QueueSize = 1000
	qcfg.NumConsumers = 1
	qcfg.Batch = configoptional.None[exporterhelper.BatchConfig]()
	retry := configretry.NewDefaultBackOffConfig()
	retry.InitialInterval, retry.MaxInterval, retry.MaxElapsedTime = 10*time.Millisecond, 20*time.Millisecond, 0
	b := &backend{names: map[string]int{}}
	b.down.Store(true)
	exp, err := exporterhelper.NewTraces(context.Background(), exportertest.NewNopSettings(component.MustNewType("otlp")), &struct{}{}, b.push,
		exporterhelper.WithQueue(configoptional.Some(qcfg)), exporterhelper.WithRetry(retry))
	require.NoError(t, err)
	require.NoError(t, exp.Start(context.Background(), h))
	for i := range 20 {
		require.NoError(t, exp.ConsumeTraces(context.Background(), span(i)), "span %d is acknowledged", i)
	}
	time.Sleep(50 * time.Millisecond) // the consumer holds one span, retrying
	h.ext[diskID].(*disk).full.Store(true)
	b.down.Store(false)
	deadline := time.Now().Add(time.Second)
	for b.received() < 20 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // anything still coming
	require.NoError(t, exp.Shutdown(context.Background()))
	return b.received()
}

var (
	diskID  = component.MustNewID("file_storage")
	queueID = component.NewID(metadata.Type)
)

// TestFullDiskDoesNotCostAcknowledgedItems: on a disk that takes no more
// writes, the upstream persistent queue drops every item it can no longer
// record a read of; through queue_storage each is sent instead.
func TestFullDiskDoesNotCostAcknowledgedItems(t *testing.T) {
	t.Run("directly on the storage, the queue drops them", func(t *testing.T) {
		h := host{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{diskID: newDisk()}}
		got := deliverThroughFullDisk(t, h, diskID)
		t.Logf("delivered %d of 20 acknowledged spans", got)
		assert.Less(t, got, 20, "if upstream stopped dropping items, queue_storage may no longer be needed")
	})
	t.Run("through queue_storage, all are sent", func(t *testing.T) {
		tel := componenttest.NewTelemetry()
		t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
		qs, err := createExtension(context.Background(), metadatatest.NewSettings(tel), &Config{Storage: diskID})
		require.NoError(t, err)
		h := host{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{diskID: newDisk(), queueID: qs}}
		require.NoError(t, qs.Start(context.Background(), h))
		got := deliverThroughFullDisk(t, h, queueID)
		assert.Equal(t, 20, got)
		// the spans read after the disk filled up: all but the one in flight
		metadatatest.AssertEqualExtensionQueueStorageUnrecordedReads(t, tel, []metricdata.DataPoint[int64]{{Value: 19}}, metricdatatest.IgnoreTimestamp())
		require.NoError(t, qs.Shutdown(context.Background()))
	})
}

type notStorage struct{}

func (notStorage) Start(context.Context, component.Host) error { return nil }
func (notStorage) Shutdown(context.Context) error              { return nil }

func TestStartNeedsTheStorage(t *testing.T) {
	qs, err := createExtension(context.Background(), metadatatest.NewSettings(componenttest.NewTelemetry()), &Config{Storage: diskID})
	require.NoError(t, err)
	err = qs.Start(context.Background(), host{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{}})
	require.ErrorContains(t, err, `storage: extension "file_storage" is not configured`)
	err = qs.Start(context.Background(), host{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{diskID: notStorage{}}})
	require.ErrorContains(t, err, "is not a storage extension")
	assert.Equal(t, []component.ID{diskID}, qs.(*queueStorage).Dependencies())
	require.NoError(t, qs.Shutdown(context.Background()))
}

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	cfg := createDefaultConfig()
	sub, err := cm.Sub(queueID.String())
	require.NoError(t, err)
	require.NoError(t, sub.Unmarshal(cfg))
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, &Config{Storage: diskID}, cfg)

	cfg = createDefaultConfig()
	sub, err = cm.Sub(component.NewIDWithName(metadata.Type, "missing").String())
	require.NoError(t, err)
	require.NoError(t, sub.Unmarshal(cfg))
	assert.ErrorContains(t, confmap.Validate(cfg), "storage: must name the storage extension")
}
