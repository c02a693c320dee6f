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
		name     string
		u        Usage
		pending  uint64
		refusing bool
		short    bool
		why      string
	}{
		{"room", Usage{Available: 10 << 30, Used: 1 << 30}, 0, false, false, ""},
		{"exactly the minimum free", Usage{Available: 256 * MiB, Used: 0}, 0, false, false, ""},
		{"one byte below the minimum", Usage{Available: 256*MiB - 1}, 0, false, true, "256.0 MiB available on the filesystem of /q, below min_free_mib 256"},
		{"exactly the maximum used", Usage{Available: 10 << 30, Used: 3072 * MiB}, 0, false, false, ""},
		{"above the maximum used", Usage{Available: 10 << 30, Used: 3072*MiB + 4096}, 0, false, true, "3072.0 MiB used by /q, above max_used_mib 3072"},
		{"both: free space is reported first", Usage{Available: 0, Used: 4 << 30}, 0, false, true, "0.0 MiB available"},
		{"room once what was accepted is written", Usage{Available: 300 * MiB}, 44 * MiB, false, false, ""},
		{
			"accepted since the check takes free space below the minimum",
			Usage{Available: 300 * MiB},
			44*MiB + 1, false, true,
			"256.0 MiB available on the filesystem of /q once the 44.0 MiB accepted since the last check are written, below min_free_mib 256",
		},
		{"more accepted than is free", Usage{Available: 1 * MiB}, 2 * MiB, false, true, "0.0 MiB available on the filesystem of /q once the 2.0 MiB"},
		{
			"accepted since the check takes the files above the maximum",
			Usage{Available: 10 << 30, Used: 3000 * MiB},
			100 * MiB, false, true,
			"3100.0 MiB used by /q once the 100.0 MiB accepted since the last check are written, above max_used_mib 3072",
		},
		// After a refusal, an eighth of the limit must be clear of it.
		{"refusing, at the minimum free", Usage{Available: 256 * MiB}, 0, true, true, "256.0 MiB available on the filesystem of /q, under the 288.0 MiB that must be free again after falling below min_free_mib 256"},
		{"refusing, just short of an eighth above", Usage{Available: 288*MiB - 1}, 0, true, true, "under the 288.0 MiB"},
		{"refusing, an eighth above the minimum", Usage{Available: 288 * MiB, Used: 2688 * MiB}, 0, true, false, ""},
		{"refusing, below the minimum still", Usage{Available: 100 * MiB}, 0, true, true, "100.0 MiB available on the filesystem of /q, below min_free_mib 256"},
		{"refusing, at the maximum used", Usage{Available: 10 << 30, Used: 3072 * MiB}, 0, true, true, "3072.0 MiB used by /q, over the 2688.0 MiB it must shrink to again after exceeding max_used_mib 3072"},
		{"refusing, what was accepted counts too", Usage{Available: 290 * MiB}, 4 * MiB, true, true, "286.0 MiB available on the filesystem of /q once the 4.0 MiB accepted"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			short, why := l.Short("/q", tt.u, tt.pending, tt.refusing)
			assert.Equal(t, tt.short, short)
			if tt.why == "" {
				assert.Empty(t, why)
			} else {
				assert.Contains(t, why, tt.why)
			}
		})
	}
	off, _ := Limits{}.Short("/q", Usage{}, 1<<40, true)
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
