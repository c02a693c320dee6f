// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package queuestorageextension // import "github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension"

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"

	"github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension/internal/metadata"
)

// NewFactory returns the factory of the queue_storage extension.
func NewFactory() extension.Factory {
	return extension.NewFactory(metadata.Type, createDefaultConfig, createExtension, metadata.ExtensionStability)
}

func createDefaultConfig() component.Config { return &Config{} }

func createExtension(_ context.Context, set extension.Settings, cfg component.Config) (extension.Extension, error) {
	return newQueueStorage(set, cfg.(*Config))
}
