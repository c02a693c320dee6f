// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build !linux

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"os"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

// stampOf is what a stat tells of a file: size and modification time (no
// change time or inode on this platform).
func stampOf(fi os.FileInfo) tracker.Stamp {
	return tracker.Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}
