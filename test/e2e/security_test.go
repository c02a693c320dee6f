// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// TestSecurityBearerToken: the gateway refuses OTLP without the token or
// with a wrong one, on gRPC and HTTP, accepts it with the token, and never
// prints the token in its own output.
func TestSecurityBearerToken(t *testing.T) {
	sink := newSink(t)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))

	for _, tc := range []struct {
		name, token, want string
	}{
		{"no token", "", "Unauthenticated"},
		{"wrong token", "not-the-token", "Unauthenticated"},
		{"right token", testToken, "OK"},
	} {
		s := newOTLPSender(t, gw.otlpGRPC(), tc.token)
		assert.Equal(t, tc.want, grpcCode(s.send(1)), "gRPC, %s", tc.name)

		body, err := ptraceotlp.NewExportRequestFromTraces(seqTraces(1000, 1)).MarshalProto()
		require.NoError(t, err)
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, gw.otlpTraces(), bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-protobuf")
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		if tc.want == "OK" {
			assert.Equal(t, http.StatusOK, resp.StatusCode, "HTTP, %s", tc.name)
		} else {
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "HTTP, %s", tc.name)
		}
	}
	gw.stop(syscall.SIGTERM)
	assert.NotContains(t, gw.Output(), testToken, "the bearer token must never appear in the collector's output")
}

// TestSecurityTLSOverlay: with config/overlays/tls.yaml the gateway serves
// OTLP over TLS only: a TLS client that trusts the CA gets through, a
// plaintext client does not.
func TestSecurityTLSOverlay(t *testing.T) {
	dir := t.TempDir()
	caPEM, certFile, keyFile := writeTestCert(t, dir)
	sink := newSink(t)
	env := gatewayEnv(sink, t.TempDir(), "OTELCOL_TLS_CERT_FILE="+certFile, "OTELCOL_TLS_KEY_FILE="+keyFile)
	c := startGateway(t, env, configPath(t, filepath.Join("overlays", "tls.yaml")))

	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM(caPEM))
	creds := credentials.NewTLS(&tls.Config{RootCAs: pool, ServerName: "localhost", MinVersion: tls.VersionTLS12})
	secure := newOTLPSender(t, "localhost:"+strconv.Itoa(c.ports.OTLPGRPC), testToken, grpc.WithTransportCredentials(creds))
	require.NoError(t, secure.send(3), "TLS client with the token must be accepted")

	plain := newOTLPSender(t, c.otlpGRPC(), testToken)
	require.Error(t, plain.send(1), "plaintext must be refused when TLS is on")

	resp, err := http.Post(c.otlpTraces(), "application/x-protobuf", strings.NewReader("")) //nolint:noctx // test
	if err == nil {
		resp.Body.Close()
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "plain HTTP to a TLS port gets Go's 400 'client sent an HTTP request to an HTTPS server'")
	}
	waitSpans(t, sink, 3)
}

// waitSpans waits until the sink holds at least n spans.
func waitSpans(t *testing.T, sink *harness.Sink, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for sink.Counts().Spans < n {
		if time.Now().After(deadline) {
			t.Fatalf("sink has %d spans, want %d", sink.Counts().Spans, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// writeTestCert writes a self-signed CA-less server certificate for
// localhost/127.0.0.1 and returns its PEM (to trust) and the file paths.
func writeTestCert(t *testing.T, dir string) (certPEM []byte, certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "otelcol-llm e2e"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyDER, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, certPEM, 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600))
	return certPEM, certFile, keyFile
}
