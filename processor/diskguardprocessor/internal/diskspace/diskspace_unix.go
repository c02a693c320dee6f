// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build unix

package diskspace // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/diskspace"

import (
	"errors"
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

func available(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil //nolint:gosec,unconvert // field types differ by platform; block sizes are positive
}

// allocated is the disk a file takes: its 512-byte blocks (st_blocks).
func allocated(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Blocks) * 512 //nolint:gosec,unconvert // st_blocks is never negative
	}
	return uint64(max(info.Size(), 0))
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
