// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build !unix

package diskspace // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/diskspace"

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
)

func available(string) (uint64, error) {
	return 0, fmt.Errorf("measuring free space is not supported on %s: %w", runtime.GOOS, errors.ErrUnsupported)
}

func allocated(info fs.FileInfo) uint64 { return uint64(max(info.Size(), 0)) }

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
