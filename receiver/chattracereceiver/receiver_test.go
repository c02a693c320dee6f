// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

type hostWithExtensions struct {
	component.Host
	ext map[component.ID]component.Component
}

func (h hostWithExtensions) GetExtensions() map[component.ID]component.Component { return h.ext }

// TestFactorySharedAndStorage runs the receiver through the factory for both
// signals with a file_storage extension: one instance, both pipelines fed,
// polling on its own.
func TestFactorySharedAndStorage(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "s.json"), history(2))
	cfg := fileConfig(dir)
	cfg.PollInterval = 10 * time.Millisecond
	storageID := component.MustNewID("file_storage")
	cfg.Storage = &storageID

	f := filestorage.NewFactory()
	scfg := f.CreateDefaultConfig().(*filestorage.Config)
	scfg.Directory, scfg.Compaction.Directory = t.TempDir(), t.TempDir()
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), scfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, ext.Shutdown(context.Background())) })
	host := hostWithExtensions{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{storageID: ext}}

	set := receivertest.NewNopSettings(metadata.Type)
	ts, ls := new(consumertest.TracesSink), new(consumertest.LogsSink)
	tr, err := NewFactory().CreateTraces(context.Background(), set, cfg, ts)
	require.NoError(t, err)
	lr, err := NewFactory().CreateLogs(context.Background(), set, cfg, ls)
	require.NoError(t, err)
	assert.Same(t, tr, lr, "one receiver for both signals")

	require.NoError(t, tr.Start(context.Background(), host))
	require.NoError(t, lr.Start(context.Background(), host))
	assert.Eventually(t, func() bool { return ts.SpanCount() == 4 && ls.LogRecordCount() == 2 }, 5*time.Second, 10*time.Millisecond)
	require.NoError(t, tr.Shutdown(context.Background()))
	require.NoError(t, lr.Shutdown(context.Background()))
}

func TestStartMissingStorage(t *testing.T) {
	cfg := fileConfig(t.TempDir())
	missing := component.MustNewID("file_storage")
	cfg.Storage = &missing
	r, err := NewFactory().CreateTraces(context.Background(), receivertest.NewNopSettings(metadata.Type), cfg, consumertest.NewNop())
	require.NoError(t, err)
	err = r.Start(context.Background(), componenttest.NewNopHost())
	assert.ErrorContains(t, err, `storage: extension "file_storage" not found`)
	require.NoError(t, r.Shutdown(context.Background()))
}
