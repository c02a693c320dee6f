// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package procfs

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseStat(t *testing.T) {
	// The command name may hold spaces and parentheses.
	line := []byte("4242 (otel col (x)) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 12 0 100 0 0")
	d, err := parseStat(line)
	require.NoError(t, err)
	assert.Equal(t, 3250*time.Millisecond, d)

	_, err = parseStat([]byte("4242 otelcol S 1"))
	require.Error(t, err)
}

func TestParseStatus(t *testing.T) {
	m, err := parseStatus([]byte("Name:\totelcol\nVmHWM:\t  65536 kB\nVmRSS:\t  40960 kB\nThreads:\t9\n"))
	require.NoError(t, err)
	assert.Equal(t, Memory{RSS: 40 << 20, Peak: 64 << 20}, m)

	_, err = parseStatus([]byte("Name:\totelcol\nVmRSS:\t  40960 kB\n"))
	require.Error(t, err, "a missing VmHWM must not read as zero")
}

func TestOwnProcess(t *testing.T) {
	pid := os.Getpid()
	before, err := CPUTime(pid)
	require.NoError(t, err)
	// Spin until the kernel's own account (getrusage) shows 50 ms of CPU
	// more, however busy the machine is, then expect /proc to agree.
	start := rusageCPU(t)
	x := 0
	for rusageCPU(t)-start < 50*time.Millisecond {
		for range 10000 {
			x++
		}
	}
	after, err := CPUTime(pid)
	require.NoError(t, err)
	assert.Greater(t, after-before, 30*time.Millisecond, "50 ms of CPU (getrusage) must show as CPU time (%d)", x)

	m, err := ReadMemory(pid)
	require.NoError(t, err)
	assert.Positive(t, m.RSS)
	assert.GreaterOrEqual(t, m.Peak, m.RSS)
	require.NoError(t, ResetPeak(pid))
}

// rusageCPU is this process' user and system CPU time from getrusage.
func rusageCPU(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
