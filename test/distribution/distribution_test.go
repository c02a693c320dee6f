// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package distribution

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/modfile"
)

const root = "../.."

// Releases every upstream module is pinned to (see README, "Versions").
const (
	componentRelease = "v0.161.0"
	stableRelease    = "v1.67.0"
	imageConfigPath  = "/etc/otelcol-llm/config.yaml"
	ourModule        = "github.com/otelcol-llm/otelcol-llm"
)

type module struct {
	GoMod  string `yaml:"gomod"`
	Import string `yaml:"import"`
}

type manifest struct {
	Dist struct {
		Module     string `yaml:"module"`
		Name       string `yaml:"name"`
		OutputPath string `yaml:"output_path"`
	} `yaml:"dist"`
	Receivers  []module `yaml:"receivers"`
	Processors []module `yaml:"processors"`
	Exporters  []module `yaml:"exporters"`
	Connectors []module `yaml:"connectors"`
	Extensions []module `yaml:"extensions"`
	Providers  []module `yaml:"providers"`
	Replaces   []string `yaml:"replaces"`
}

func (m manifest) all() []module {
	var out []module
	for _, l := range [][]module{m.Receivers, m.Processors, m.Exporters, m.Connectors, m.Extensions, m.Providers} {
		out = append(out, l...)
	}
	return out
}

func readFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	require.NoError(t, err)
	return string(b)
}

func loadManifest(t *testing.T) manifest {
	t.Helper()
	var m manifest
	require.NoError(t, yaml.Unmarshal([]byte(readFile(t, "builder-config.yaml")), &m))
	return m
}

// TestManifestPinsOneRelease: every upstream module is pinned to the one
// release, never floated, and our own components resolve to this repository.
func TestManifestPinsOneRelease(t *testing.T) {
	m := loadManifest(t)
	assert.Equal(t, "otelcol-llm", m.Dist.Name)
	assert.Equal(t, "./_build", m.Dist.OutputPath)
	require.NotEmpty(t, m.all())
	for _, c := range m.all() {
		path, version, ok := strings.Cut(c.GoMod, " ")
		if path == ourModule {
			assert.Equal(t, "v0.0.0", version, "our own module is resolved by the replaces entry, at v0.0.0")
			assert.True(t, strings.HasPrefix(c.Import, ourModule+"/"), "%s: our components name their import path", c.GoMod)
			continue
		}
		require.True(t, ok, "%s: upstream module without a version", c.GoMod)
		if strings.Contains(path, "/confmap/provider/") {
			assert.Equal(t, stableRelease, version, path)
		} else {
			assert.Equal(t, componentRelease, version, path)
		}
	}
	assert.Contains(t, m.Replaces, ourModule+" => ../")
}

// TestGoModPinsOneRelease: the root module requires collector modules only at
// the pinned releases (a stray `go get @latest` would drag pdata forward).
func TestGoModPinsOneRelease(t *testing.T) {
	f, err := modfile.Parse("go.mod", []byte(readFile(t, "go.mod")), nil)
	require.NoError(t, err)
	assert.Equal(t, ourModule, f.Module.Mod.Path)
	for _, r := range f.Require {
		p, v := r.Mod.Path, r.Mod.Version
		switch {
		case strings.HasPrefix(p, "go.opentelemetry.io/collector/"),
			strings.HasPrefix(p, "github.com/open-telemetry/opentelemetry-collector-contrib/"):
			assert.Contains(t, []string{componentRelease, stableRelease}, v, p)
		}
	}
}

// TestReferenceInTestModuleOnly: the reference implementations the tokenizer is
// compared with (test/tokens) are required by the test module and not by the
// product's go.mod, which lists only what the distribution and its components'
// unit tests need.
func TestReferenceInTestModuleOnly(t *testing.T) {
	requires := func(name, path string) bool {
		f, err := modfile.Parse(name, []byte(readFile(t, name)), nil)
		require.NoError(t, err)
		for _, r := range f.Require {
			if r.Mod.Path == path {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"github.com/pkoukk/tiktoken-go", "github.com/dlclark/regexp2"} {
		assert.False(t, requires("go.mod", p), "the product module requires %s", p)
		assert.True(t, requires("test/go.mod", p), "the test module does not require %s", p)
	}
}

// TestDockerfileMatchesBuild: the image builds with the module's Go version,
// ships the binary ocb names, and runs the config at the documented path as a
// numeric non-root user.
func TestDockerfileMatchesBuild(t *testing.T) {
	df := readFile(t, "Dockerfile")
	m := loadManifest(t)
	f, err := modfile.Parse("go.mod", []byte(readFile(t, "go.mod")), nil)
	require.NoError(t, err)

	goVersion := regexp.MustCompile(`(?m)^ARG GO_VERSION=(\d+\.\d+)(\.\d+)?$`).FindStringSubmatch(df)
	require.NotNil(t, goVersion, "Dockerfile must declare ARG GO_VERSION")
	modGo := strings.Join(strings.Split(f.Go.Version, ".")[:2], ".")
	assert.Equal(t, modGo, goVersion[1], "Dockerfile Go version must match go.mod's go directive")

	assert.Contains(t, df, "builder --config builder-config.yaml", "build stage must run ocb on the manifest")
	built := filepath.ToSlash(filepath.Join("/src", m.Dist.OutputPath, m.Dist.Name))
	assert.Regexp(t, `(?m)^COPY --from=build `+regexp.QuoteMeta(built)+` /`+regexp.QuoteMeta(m.Dist.Name)+`$`, df)
	assert.Regexp(t, `(?m)^ENTRYPOINT \["/`+regexp.QuoteMeta(m.Dist.Name)+`"\]$`, df)
	assert.Regexp(t, `(?m)^CMD \["--config", "`+regexp.QuoteMeta(imageConfigPath)+`"\]$`, df)
	assert.Regexp(t, `(?m)^COPY config/default\.yaml `+regexp.QuoteMeta(imageConfigPath)+`$`, df)

	stages := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(df, -1)
	require.GreaterOrEqual(t, len(stages), 2, "Dockerfile must be multi-stage")
	final := stages[len(stages)-1][1]
	assert.True(t, strings.HasPrefix(final, "gcr.io/distroless/static") || final == "scratch", "final stage %q must be distroless static or scratch", final)
	assert.Regexp(t, `(?m)^USER [1-9][0-9]*:[1-9][0-9]*$`, df, "final stage must run as a numeric non-root user")
}
