// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build linux

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"os"
	"syscall"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

// stampOf is what a stat tells of a file: size, modification and change
// time, inode.
func stampOf(fi os.FileInfo) tracker.Stamp {
	st := tracker.Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	if sys, ok := fi.Sys().(*syscall.Stat_t); ok {
		sec, nsec := sys.Ctim.Unix()
		st.Ctime = sec*1e9 + nsec
		st.Ino = sys.Ino
	}
	return st
}
