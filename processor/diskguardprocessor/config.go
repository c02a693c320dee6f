// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package diskguardprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor"

import (
	"errors"
	"fmt"
	"time"
)

// Config is the configuration of the disk_guard processor.
type Config struct {
	// Directory is the directory to watch: the file_storage directory that
	// holds the persistent sending queues. Required.
	Directory string `mapstructure:"directory"`

	// MinFreeMiB refuses data while the filesystem that holds Directory has
	// fewer MiB available than this, counting what it let through since
	// the last check. It must leave room for the queues' own bookkeeping
	// while they drain (every read from a persistent queue writes to it).
	// Default 256; 0 turns the check off.
	MinFreeMiB int64 `mapstructure:"min_free_mib"`

	// MaxUsedMiB refuses data while the files under Directory take more
	// than this many MiB of disk. Use it where a limit is not visible as
	// free space, such as a Kubernetes emptyDir sizeLimit (the kubelet evicts
	// the pod, queue and all, when the volume grows past it): set it below
	// that limit by at least MinFreeMiB. Default 0, off.
	MaxUsedMiB int64 `mapstructure:"max_used_mib"`

	// CheckInterval is how often the directory is measured. Default 100ms.
	CheckInterval time.Duration `mapstructure:"check_interval"`
}

// Validate checks the configuration at start-up.
func (cfg *Config) Validate() error {
	var errs []error
	if cfg.Directory == "" {
		errs = append(errs, errors.New("directory: must be set (the file_storage directory that holds the sending queues)"))
	}
	if cfg.MinFreeMiB < 0 {
		errs = append(errs, fmt.Errorf("min_free_mib: %d must not be negative", cfg.MinFreeMiB))
	}
	if cfg.MaxUsedMiB < 0 {
		errs = append(errs, fmt.Errorf("max_used_mib: %d must not be negative", cfg.MaxUsedMiB))
	}
	if cfg.MinFreeMiB == 0 && cfg.MaxUsedMiB == 0 {
		errs = append(errs, errors.New("min_free_mib and max_used_mib are both 0: the guard would never refuse; set one of them"))
	}
	if cfg.CheckInterval <= 0 {
		errs = append(errs, fmt.Errorf("check_interval: %q must be positive", cfg.CheckInterval))
	}
	return errors.Join(errs...)
}
