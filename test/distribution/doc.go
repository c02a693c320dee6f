// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package distribution holds tests that keep the distribution's build files
// consistent with one another: the ocb manifest (builder-config.yaml), the
// module (go.mod) and the container image (Dockerfile), which cannot be built
// on machines without a Docker engine.
package distribution // import "github.com/otelcol-llm/otelcol-llm/test/distribution"
