// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"
)

const (
	protoContentType = "application/x-protobuf"
	jsonContentType  = "application/json"
	// maxPrealloc caps the buffer a request's Content-Length may reserve.
	maxPrealloc = 32 << 20
)

// GetHTTPHandler wraps the OTLP/HTTP handler. It runs after authentication
// and decompression (confighttp applies max_request_body_size to the
// decompressed body), reads the body of an export request, scans it, and
// either refuses it or hands the same bytes on.
func (g *guard) GetHTTPHandler(context.Context) (func(context.Context, http.Handler) (http.Handler, error), error) {
	paths := map[string]otlpscan.Signal{
		g.cfg.HTTP.TracesURLPath:  otlpscan.Traces,
		g.cfg.HTTP.LogsURLPath:    otlpscan.Logs,
		g.cfg.HTTP.MetricsURLPath: otlpscan.Metrics,
	}
	return func(_ context.Context, next http.Handler) (http.Handler, error) {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sig, ok := paths[r.URL.Path]
			if !ok || r.Method != http.MethodPost {
				next.ServeHTTP(w, r)
				return
			}
			ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if ctype != protoContentType && ctype != jsonContentType {
				next.ServeHTTP(w, r) // the receiver answers 415
				return
			}
			body, err := readBody(r)
			if err != nil {
				// what the receiver answers when it cannot read a body
				writeStatus(w, ctype, http.StatusBadRequest, codes.InvalidArgument, err.Error())
				return
			}
			if ctype == jsonContentType {
				_, err = otlpscan.JSON(sig, body, g.limits)
			} else {
				_, err = otlpscan.Proto(sig, body, g.limits)
			}
			if err != nil {
				g.countRefused(r.Context(), err, "http")
				if errors.Is(err, otlpscan.ErrMalformedJSON) {
					writeStatus(w, ctype, http.StatusBadRequest, codes.InvalidArgument, err.Error())
				} else {
					writeStatus(w, ctype, http.StatusRequestEntityTooLarge, codes.ResourceExhausted, err.Error())
				}
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		}), nil
	}, nil
}

func readBody(r *http.Request) ([]byte, error) {
	defer r.Body.Close()
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(min(r.ContentLength, maxPrealloc)))
	}
	_, err := buf.ReadFrom(r.Body)
	return buf.Bytes(), err
}

// writeStatus answers with a google.rpc.Status in the request's encoding,
// as OTLP/HTTP requires for errors.
func writeStatus(w http.ResponseWriter, ctype string, httpCode int, code codes.Code, msg string) {
	var body []byte
	if ctype == jsonContentType {
		body, _ = json.Marshal(struct {
			Code    int32  `json:"code"`
			Message string `json:"message"`
		}{int32(code), msg}) //nolint:gosec // gRPC codes are small
	} else {
		ctype = protoContentType
		body = protowire.AppendTag(body, 1, protowire.VarintType)
		body = protowire.AppendVarint(body, uint64(code))
		body = protowire.AppendTag(body, 2, protowire.BytesType)
		body = protowire.AppendString(body, msg)
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(httpCode)
	_, _ = w.Write(body)
}
