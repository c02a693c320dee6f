// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// TestComponentsMatchREADME: the binary contains every component the README's
// component table promises, under the kind the table names.
func TestComponentsMatchREADME(t *testing.T) {
	out, err := exec.Command(binaryPath(t), "components").Output()
	require.NoError(t, err)
	var listed map[string]any
	require.NoError(t, yaml.Unmarshal(out, &listed))
	built := map[string]map[string]bool{}
	for kind, v := range listed {
		list, ok := v.([]any)
		if !ok {
			continue
		}
		built[kind] = map[string]bool{}
		for _, item := range list {
			if m, ok := item.(map[string]any); ok {
				if name, ok := m["name"].(string); ok {
					built[kind][name] = true
				}
			}
		}
	}

	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	rows := regexp.MustCompile("(?m)^\\| (receiver|processor|exporter|connector|extension) \\| \\[?`([a-z_]+)`(?:\\]\\([^)]*\\))? \\|").FindAllStringSubmatch(string(readme), -1)
	require.GreaterOrEqual(t, len(rows), 22, "README component table not found or incomplete")
	for _, r := range rows {
		assert.True(t, built[r[1]+"s"][r[2]], "README lists %s %q but `otelcol-llm components` does not", r[1], r[2])
	}
}
