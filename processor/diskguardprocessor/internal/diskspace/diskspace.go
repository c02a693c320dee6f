// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package diskspace measures how much room a storage directory has left and
// decides, against configured limits, whether new data still fits.
package diskspace // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/diskspace"

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// MiB is one mebibyte.
const MiB = 1 << 20

// Usage is one measurement of a directory.
type Usage struct {
	// Available is what the filesystem holding the directory still lets an
	// unprivileged process write (statfs f_bavail × f_bsize).
	Available uint64
	// Used is the disk the files under the directory take: their allocated
	// blocks, as du counts them (and the kubelet, for an emptyDir), not
	// their apparent size (bbolt files are sparse).
	Used uint64
}

// Limits say when a directory is short of space. A zero limit is off.
type Limits struct {
	// MinAvailable: short when fewer bytes than this are available.
	MinAvailable uint64
	// MaxUsed: short when the directory's files take more than this.
	MaxUsed uint64
}

// Short reports whether u breaks a limit once pending more bytes are
// written: what was accepted since u was measured and is on its way to the
// queues (its encoded size; a persistent queue stores the request encoded).
// After a refusal (refusing set) a limit is only met again with an eighth
// of it to spare: queues hovering at the limit would otherwise flip the
// verdict, the readiness and the log with every batch. The reason names the
// directory and the configuration key.
func (l Limits) Short(dir string, u Usage, pending uint64, refusing bool) (bool, string) {
	avail, used := u.Available-min(pending, u.Available), u.Used+pending
	since := ""
	if pending > 0 {
		since = fmt.Sprintf(" once the %s accepted since the last check are written", formatMiB(pending))
	}
	minAvail, maxUsed := l.MinAvailable, l.MaxUsed
	if refusing {
		minAvail, maxUsed = minAvail+minAvail/8, maxUsed-maxUsed/8
	}
	switch {
	case l.MinAvailable > 0 && avail < l.MinAvailable:
		return true, fmt.Sprintf("%s available on the filesystem of %s%s, below min_free_mib %d",
			formatMiB(avail), dir, since, l.MinAvailable/MiB)
	case l.MaxUsed > 0 && used > l.MaxUsed:
		return true, fmt.Sprintf("%s used by %s%s, above max_used_mib %d",
			formatMiB(used), dir, since, l.MaxUsed/MiB)
	case l.MinAvailable > 0 && avail < minAvail:
		return true, fmt.Sprintf("%s available on the filesystem of %s%s, under the %s that must be free again after falling below min_free_mib %d",
			formatMiB(avail), dir, since, formatMiB(minAvail), l.MinAvailable/MiB)
	case l.MaxUsed > 0 && used > maxUsed:
		return true, fmt.Sprintf("%s used by %s%s, over the %s it must shrink to again after exceeding max_used_mib %d",
			formatMiB(used), dir, since, formatMiB(maxUsed), l.MaxUsed/MiB)
	}
	return false, ""
}

func formatMiB(b uint64) string {
	return fmt.Sprintf("%.1f MiB", float64(b)/MiB)
}

// Measure measures dir: the filesystem's available space always, and the
// disk used by its files when withUsed is set (a walk of the directory).
func Measure(dir string, withUsed bool) (Usage, error) {
	avail, err := available(dir)
	if err != nil {
		return Usage{}, fmt.Errorf("statfs %s: %w", dir, err)
	}
	u := Usage{Available: avail}
	if withUsed {
		if u.Used, err = used(dir); err != nil {
			return Usage{}, err
		}
	}
	return u, nil
}

// used sums the allocated size of every regular file under dir. Files that
// vanish during the walk (a compaction's temporary file) are skipped.
func used(dir string) (uint64, error) {
	var total uint64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path != dir && isNotExist(err) {
				return nil
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			if isNotExist(err) {
				return nil
			}
			return err
		}
		total += allocated(info)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("walk %s: %w", dir, err)
	}
	return total, nil
}
