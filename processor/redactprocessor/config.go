// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"
)

// DetectorConfig switches one built-in detector.
type DetectorConfig struct {
	// Enabled turns the detector on. Default true for every detector.
	Enabled bool `mapstructure:"enabled"`
	// Action is mask, hash or drop. Default mask.
	Action string `mapstructure:"action"`
}

// Unmarshal decodes a detector entry over its defaults, so an entry that
// names only some options (`email: {action: drop}`) keeps the others
// (enabled).
func (d *DetectorConfig) Unmarshal(conf *confmap.Conf) error {
	type plain DetectorConfig
	p := plain{Enabled: true, Action: "mask"}
	if err := conf.Unmarshal(&p); err != nil {
		return err
	}
	*d = DetectorConfig(p)
	return nil
}

// CustomDetectorConfig is a user detector: a regular expression or a
// keyword list.
type CustomDetectorConfig struct {
	// Name is the detector's name in placeholders and pii.redacted.types.
	// Required.
	Name string `mapstructure:"name"`
	// Regex is a Go regular expression. Either Regex or Keywords.
	Regex string `mapstructure:"regex"`
	// Validator checks each regex match before it counts: "luhn" or
	// "mod97". Default none.
	Validator string `mapstructure:"validator"`
	// Keywords are matched as whole words. Either Regex or Keywords.
	Keywords []string `mapstructure:"keywords"`
	// CaseSensitive makes keyword matching case sensitive. Default false.
	CaseSensitive bool `mapstructure:"case_sensitive"`
	// Action is mask, hash or drop. Default mask.
	Action string `mapstructure:"action"`
}

// Config is the configuration of the redact processor.
type Config struct {
	// Detectors switches the built-in detectors by name (the README lists
	// them). An entry keeps the defaults of the options it does not name.
	// Default: all enabled, action mask.
	Detectors map[string]DetectorConfig `mapstructure:"detectors"`
	// Custom adds user detectors. Default none.
	Custom []CustomDetectorConfig `mapstructure:"custom"`
	// AllowedKeys are attribute keys never scanned. Default: model,
	// provider, operation and cost attributes, service identity (see README).
	AllowedKeys []string `mapstructure:"allowed_keys"`
	// BlockedKeys are attribute keys whose whole value is always redacted.
	// Default: user.email, user.phone, authorization and cookie headers.
	BlockedKeys []string `mapstructure:"blocked_keys"`
	// BlockedKeyPatterns are regular expressions on attribute keys, treated
	// as BlockedKeys. Default: keys naming passwords, secrets, API keys.
	BlockedKeyPatterns []string `mapstructure:"blocked_key_patterns"`
	// BlockedKeyAction is mask (value becomes "[REDACTED]") or drop (the
	// attribute is removed). Default mask.
	BlockedKeyAction string `mapstructure:"blocked_key_action"`
	// HashKey is the HMAC-SHA256 key of the hash action; required when a
	// detector uses hash. Default none.
	HashKey configopaque.String `mapstructure:"hash_key"`
}

func parseAction(s string) (scan.Action, error) {
	switch s {
	case "", "mask":
		return scan.Mask, nil
	case "hash":
		return scan.Hash, nil
	case "drop":
		return scan.Drop, nil
	}
	return 0, fmt.Errorf("%q is not one of mask, hash, drop", s)
}

// Validate checks every option; a bad regular expression fails
// `otelcol-llm validate`.
func (cfg *Config) Validate() error {
	_, err := cfg.build()
	return err
}

// built is the compiled form of a Config.
type built struct {
	redactor    *scan.Redactor
	allowed     map[string]bool
	blocked     map[string]bool
	blockedRE   []*regexp.Regexp
	dropBlocked bool
}

func (cfg *Config) build() (*built, error) {
	var errs []error
	actions := map[scan.Type]scan.Action{}
	usesHash := false
	names := make([]string, 0, len(cfg.Detectors))
	for name := range cfg.Detectors {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d := cfg.Detectors[name]
		t, ok := scan.TypeByName(name)
		if !ok {
			errs = append(errs, fmt.Errorf("detectors: unknown detector %q (known: %s)", name, strings.Join(scan.Names(), ", ")))
			continue
		}
		a, err := parseAction(d.Action)
		if err != nil {
			errs = append(errs, fmt.Errorf("detectors::%s::action: %w", name, err))
			continue
		}
		if d.Enabled {
			actions[t] = a
			usesHash = usesHash || a == scan.Hash
		}
	}
	var custom []scan.Custom
	seen := map[string]bool{}
	for i, c := range cfg.Custom {
		key := fmt.Sprintf("custom[%d]", i)
		if c.Name == "" {
			errs = append(errs, fmt.Errorf("%s::name: required", key))
		} else if seen[c.Name] {
			errs = append(errs, fmt.Errorf("%s::name: %q is used twice", key, c.Name))
		} else if _, builtin := scan.TypeByName(c.Name); builtin {
			errs = append(errs, fmt.Errorf("%s::name: %q is a built-in detector", key, c.Name))
		}
		seen[c.Name] = true
		if (c.Regex == "") == (len(c.Keywords) == 0) {
			errs = append(errs, fmt.Errorf("%s: set exactly one of regex and keywords", key))
		}
		if c.Regex != "" {
			if _, err := regexp.Compile(c.Regex); err != nil {
				errs = append(errs, fmt.Errorf("%s::regex: %q: %w", key, c.Regex, err))
			}
		}
		switch c.Validator {
		case "", "luhn", "mod97":
		default:
			errs = append(errs, fmt.Errorf("%s::validator: %q is not one of luhn, mod97", key, c.Validator))
		}
		a, err := parseAction(c.Action)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s::action: %w", key, err))
		}
		usesHash = usesHash || a == scan.Hash
		custom = append(custom, scan.Custom{Name: c.Name, Regex: c.Regex, Keywords: c.Keywords, CaseSensitive: c.CaseSensitive, Validator: c.Validator, Action: a})
	}
	if usesHash && cfg.HashKey == "" {
		errs = append(errs, errors.New("hash_key: required when a detector uses the hash action"))
	}
	b := &built{allowed: set(cfg.AllowedKeys), blocked: set(cfg.BlockedKeys)}
	for i, p := range cfg.BlockedKeyPatterns {
		re, err := regexp.Compile(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("blocked_key_patterns[%d]: %q: %w", i, p, err))
			continue
		}
		b.blockedRE = append(b.blockedRE, re)
	}
	switch cfg.BlockedKeyAction {
	case "", "mask":
	case "drop":
		b.dropBlocked = true
	default:
		errs = append(errs, fmt.Errorf("blocked_key_action: %q is not one of mask, drop", cfg.BlockedKeyAction))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	r, err := scan.NewRedactor(actions, custom, []byte(cfg.HashKey))
	if err != nil {
		return nil, err
	}
	b.redactor = r
	return b, nil
}

func set(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
