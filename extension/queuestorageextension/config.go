// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package queuestorageextension // import "github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension"

import (
	"errors"

	"go.opentelemetry.io/collector/component"
)

// Config is the configuration of the queue_storage extension.
type Config struct {
	// Storage is the storage extension that holds the data, normally
	// file_storage. Required.
	Storage component.ID `mapstructure:"storage"`
}

// Validate checks the configuration at start-up.
func (cfg *Config) Validate() error {
	if cfg.Storage.Type().String() == "" {
		return errors.New("storage: must name the storage extension that holds the queues, e.g. file_storage")
	}
	return nil
}
