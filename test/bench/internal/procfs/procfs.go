// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package procfs reads a process's CPU time and memory from Linux /proc.
package procfs // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/procfs"

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTick is USER_HZ, 100 on every Linux platform Go supports.
const clockTick = 100

// CPUTime returns the CPU time pid has used, at nanosecond precision: the
// sum of its threads' /proc/<pid>/task/<tid>/schedstat run times (a Go
// process keeps its threads, so none of its time is lost with an exited
// thread). Without schedstat it falls back to StatCPUTime.
func CPUTime(pid int) (time.Duration, error) {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return 0, err
	}
	if _, err := os.Stat(fmt.Sprintf("/proc/%d/task/%d/schedstat", pid, pid)); err != nil {
		return StatCPUTime(pid)
	}
	var sum time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/schedstat", pid, t.Name()))
		if err != nil {
			continue // the thread exited meanwhile
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			continue
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("malformed schedstat %q: %w", b, err)
		}
		sum += time.Duration(ns)
	}
	return sum, nil
}

// StatCPUTime returns user + system CPU time used by pid (all its threads)
// from /proc/<pid>/stat, at clock-tick (10 ms) resolution.
func StatCPUTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseStat(b)
}

// parseStat reads utime and stime (fields 14 and 15) from a /proc/<pid>/stat
// line; the command name in parentheses may itself contain spaces.
func parseStat(b []byte) (time.Duration, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("malformed stat line %q", b)
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state); utime is field 14, stime field 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("malformed stat line %q", b)
	}
	u, err := strconv.ParseUint(f[11], 10, 64)
	if err != nil {
		return 0, err
	}
	s, err := strconv.ParseUint(f[12], 10, 64)
	if err != nil {
		return 0, err
	}
	return time.Duration(u+s) * time.Second / clockTick, nil
}

// Memory is a process's resident set size, now and at its peak.
type Memory struct {
	// RSS is VmRSS; Peak is VmHWM, the high-water mark since the process
	// started or since ResetPeak.
	RSS, Peak uint64
}

// ReadMemory returns pid's VmRSS and VmHWM in bytes.
func ReadMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, err
	}
	return parseStatus(b)
}

func parseStatus(b []byte) (Memory, error) {
	var m Memory
	var haveRSS, havePeak bool
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || (k != "VmRSS" && k != "VmHWM") {
			continue
		}
		f := strings.Fields(v)
		if len(f) != 2 || f[1] != "kB" {
			return m, fmt.Errorf("malformed %s line %q", k, line)
		}
		n, err := strconv.ParseUint(f[0], 10, 64)
		if err != nil {
			return m, err
		}
		if k == "VmRSS" {
			m.RSS, haveRSS = n*1024, true
		} else {
			m.Peak, havePeak = n*1024, true
		}
	}
	if !haveRSS || !havePeak {
		return m, fmt.Errorf("VmRSS or VmHWM missing from /proc status")
	}
	return m, nil
}

// ResetPeak resets pid's VmHWM to its current RSS (Linux >= 4.0), so the
// next ReadMemory reports the peak of the interval that follows.
func ResetPeak(pid int) error {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
}
