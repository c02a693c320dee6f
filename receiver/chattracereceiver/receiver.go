// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componentstatus"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receiverhelper"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/dedup"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/feedback"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

const dataFormat = "halo_json"

// chatReceiver is one chat_trace receiver, shared by its traces and logs
// pipelines.
type chatReceiver struct {
	cfg        *Config
	set        receiver.Settings
	onShutdown func()
	mapper     mapper
	telemetry  *metadata.TelemetryBuilder
	obsFile    *receiverhelper.ObsReport
	obsHTTP    *receiverhelper.ObsReport

	nextTraces consumer.Traces
	nextLogs   consumer.Logs

	startOnce    sync.Once
	shutdownOnce sync.Once
	cancel       context.CancelFunc
	wg           sync.WaitGroup
	server       *http.Server
	files        *filePoller

	// push is the push server's configuration; slots bounds the pushes
	// decoded and delivered at once; dedup
	// remembers which pipelines accepted which pushed turns (nil: off).
	push  *HTTPConfig
	slots chan struct{}
	dedup *dedup.Cache
	// refusing is set while pipelines refuse pushes (logged once).
	refusing atomic.Bool
	// feedback remembers emitted turns for joining feedback to them, and
	// feedbackSeen the feedback delivered; nil when the feedback endpoint
	// is off (http::feedback_turns 0, no HTTP server, or no logs pipeline).
	feedback     *feedback.Table
	feedbackSeen *feedback.Seen
}

func newChatReceiver(set receiver.Settings, cfg *Config, onShutdown func()) (*chatReceiver, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	obsFile, err := receiverhelper.NewObsReport(receiverhelper.ObsReportSettings{
		ReceiverID: set.ID, Transport: "file", ReceiverCreateSettings: set,
	})
	if err != nil {
		return nil, err
	}
	obsHTTP, err := receiverhelper.NewObsReport(receiverhelper.ObsReportSettings{
		ReceiverID: set.ID, Transport: "http", ReceiverCreateSettings: set,
	})
	if err != nil {
		return nil, err
	}
	r := &chatReceiver{
		cfg:        cfg,
		set:        set,
		onShutdown: onShutdown,
		mapper:     mapper{capture: cfg.Capture, service: cfg.ServiceName},
		telemetry:  tb,
		obsFile:    obsFile,
		obsHTTP:    obsHTTP,
	}
	// The push limits (the defaults when the server is off: the handler is
	// then only reached by tests).
	h := cfg.HTTP.Get()
	if h == nil {
		def := createDefaultConfig().(*Config)
		h = def.HTTP.GetOrInsertDefault()
	}
	r.push = h
	r.slots = make(chan struct{}, max(h.MaxConcurrentRequests, 1))
	if h.DedupTurns > 0 {
		r.dedup = dedup.New(h.DedupTurns)
	}
	if cfg.HTTP.HasValue() && h.FeedbackTurns > 0 {
		r.feedback = feedback.NewTable(h.FeedbackTurns)
		r.feedbackSeen = feedback.NewSeen(h.FeedbackTurns)
	}
	return r, nil
}

// Start starts the file poller and the HTTP server once, whichever pipeline
// starts the receiver first.
func (r *chatReceiver) Start(ctx context.Context, host component.Host) error {
	var err error
	r.startOnce.Do(func() { err = r.start(ctx, host) })
	return err
}

func (r *chatReceiver) start(ctx context.Context, host component.Host) error {
	runCtx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	if r.nextLogs == nil {
		// Feedback is emitted as log records: without a logs pipeline the
		// endpoint answers 501 and no turn is remembered for it.
		r.feedback, r.feedbackSeen = nil, nil
	}

	if len(r.cfg.Include) > 0 {
		var client storage.Client
		if r.cfg.Storage != nil {
			var err error
			if client, err = storageClient(ctx, host, *r.cfg.Storage, r.set.ID); err != nil {
				return err
			}
		}
		r.files = newFilePoller(r, client)
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			r.files.run(runCtx)
		}()
	}

	if h := r.cfg.HTTP.Get(); h != nil {
		mux := http.NewServeMux()
		mux.HandleFunc(h.Path, r.handlePush)
		if h.FeedbackTurns > 0 {
			mux.HandleFunc(feedbackPath(h.Path), r.handleFeedback)
		}
		var err error
		r.server, err = h.ServerConfig.ToServer(ctx, host.GetExtensions(), r.set.TelemetrySettings, mux)
		if err != nil {
			return err
		}
		ln, err := h.ServerConfig.ToListener(ctx)
		if err != nil {
			return fmt.Errorf("failed to bind to address %s: %w", h.ServerConfig.NetAddr.Endpoint, err)
		}
		fields := []zap.Field{zap.String("endpoint", ln.Addr().String()), zap.String("path", h.Path)}
		switch {
		case r.feedback != nil:
			fields = append(fields, zap.String("feedback_path", feedbackPath(h.Path)))
		case h.FeedbackTurns > 0:
			fields = append(fields, zap.String("feedback_path", feedbackPath(h.Path)+" (off: no logs pipeline)"))
		}
		r.set.Logger.Info("Starting HTTP server", fields...)
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			if err := r.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				componentstatus.ReportStatus(host, componentstatus.NewFatalErrorEvent(err))
			}
		}()
	}
	return nil
}

func storageClient(ctx context.Context, host component.Host, id, self component.ID) (storage.Client, error) {
	ext, ok := host.GetExtensions()[id]
	if !ok {
		return nil, fmt.Errorf("storage: extension %q not found", id)
	}
	se, ok := ext.(storage.Extension)
	if !ok {
		return nil, fmt.Errorf("storage: extension %q is not a storage extension", id)
	}
	return se.GetClient(ctx, component.KindReceiver, self, "")
}

// Shutdown stops accepting data, waits for the poller and the server and
// closes the checkpoint storage. It is safe without Start and when called
// more than once.
func (r *chatReceiver) Shutdown(ctx context.Context) error {
	var err error
	r.shutdownOnce.Do(func() {
		if r.server != nil {
			err = r.server.Shutdown(ctx)
		}
		if r.cancel != nil {
			r.cancel()
		}
		r.wg.Wait()
		if r.files != nil && r.files.client != nil {
			err = errors.Join(err, r.files.client.Close(ctx))
		}
		r.telemetry.Shutdown()
		r.onShutdown()
	})
	return err
}

// deliver sends views to one signal's pipeline. A nil consumer (the signal
// is not configured) accepts everything.
func (r *chatReceiver) deliver(ctx context.Context, obs *receiverhelper.ObsReport, views []view, sig int) error {
	if len(views) == 0 {
		return nil
	}
	switch sig {
	case tracker.Traces:
		if r.nextTraces == nil {
			return nil
		}
		td := r.mapper.traces(views)
		if td.SpanCount() == 0 {
			return nil // turns without a known duration are log records only
		}
		// Counted before the pipeline takes the data: a processor such as
		// batch moves it out of td.
		n := td.SpanCount()
		ctx = obs.StartTracesOp(ctx)
		err := r.nextTraces.ConsumeTraces(ctx, td)
		obs.EndTracesOp(ctx, dataFormat, n, err)
		return err
	default:
		if r.nextLogs == nil {
			return nil
		}
		ld := r.mapper.logs(views, time.Now())
		n := ld.LogRecordCount()
		ctx = obs.StartLogsOp(ctx)
		err := r.nextLogs.ConsumeLogs(ctx, ld)
		obs.EndLogsOp(ctx, dataFormat, n, err)
		return err
	}
}
