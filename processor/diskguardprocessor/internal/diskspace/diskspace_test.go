// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:build unix

package diskspace

import (
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLimitsShort(t *testing.T) {
	l := Limits{MinAvailable: 256 * MiB, MaxUsed: 3072 * MiB}
	for _, tt := range []struct {
		name  string
		u     Usage
		short bool
		why   string
	}{
		{"room", Usage{Available: 10 << 30, Used: 1 << 30}, false, ""},
		{"exactly the minimum free", Usage{Available: 256 * MiB, Used: 0}, false, ""},
		{"one byte below the minimum", Usage{Available: 256*MiB - 1}, true, "256.0 MiB available on the filesystem of /q, below min_free_mib 256"},
		{"exactly the maximum used", Usage{Available: 10 << 30, Used: 3072 * MiB}, false, ""},
		{"above the maximum used", Usage{Available: 10 << 30, Used: 3072*MiB + 4096}, true, "3072.0 MiB used by /q, above max_used_mib 3072"},
		{"both: free space is reported first", Usage{Available: 0, Used: 4 << 30}, true, "0.0 MiB available"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			short, why := l.Short("/q", tt.u)
			assert.Equal(t, tt.short, short)
			if tt.why == "" {
				assert.Empty(t, why)
			} else {
				assert.Contains(t, why, tt.why)
			}
		})
	}
	off, _ := Limits{}.Short("/q", Usage{})
	assert.False(t, off, "zero limits are off")
}

func TestMeasureCountsAllocatedBlocks(t *testing.T) {
	dir := t.TempDir()
	data := make([]byte, 1<<20)
	_, _ = rand.Read(data)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "queue.db"), data, 0o600))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "small"), data[:10], 0o600))
	// A sparse file (as bbolt grows its file with ftruncate) takes almost
	// no disk however large its apparent size.
	f, err := os.Create(filepath.Join(dir, "sparse.db"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(256<<20))
	require.NoError(t, f.Close())

	u, err := Measure(dir, true)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, u.Used, uint64(1<<20), "the 1 MiB file counts")
	assert.Less(t, u.Used, uint64(2<<20), "the sparse 256 MiB file must not count its apparent size")
	assert.Positive(t, u.Available)

	// Compare with du, which the kubelet's emptyDir accounting resembles.
	if out, err := exec.Command("du", "-s", "-B1", dir).Output(); err == nil {
		du, err := strconv.ParseUint(strings.Fields(string(out))[0], 10, 64)
		require.NoError(t, err)
		// du also counts the directories' own blocks.
		assert.InDelta(t, float64(du), float64(u.Used), 64<<10, "du says %d, we say %d", du, u.Used)
	}
	// And the available space with df (the same statfs, read by another program).
	if out, err := exec.Command("df", "--output=avail", "-B1", dir).Output(); err == nil {
		lines := strings.Fields(string(out))
		df, err := strconv.ParseUint(lines[len(lines)-1], 10, 64)
		require.NoError(t, err)
		assert.InDelta(t, float64(df), float64(u.Available), 256<<20, "df says %d, we say %d (other writers move it)", df, u.Available)
	}

	onlyFree, err := Measure(dir, false)
	require.NoError(t, err)
	assert.Zero(t, onlyFree.Used, "no walk unless asked")
}

func TestMeasureMissingDirectory(t *testing.T) {
	_, err := Measure(filepath.Join(t.TempDir(), "nope"), true)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nope")
}
