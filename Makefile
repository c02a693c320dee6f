# otelcol-llm: build, run and test the distribution.
#
#   make run    build the collector and run it with config/default.yaml
#   make test   unit tests (-race), build, validate every config, end-to-end tests

SHELL       := /usr/bin/env bash -o pipefail
GO          ?= go
TOOLS       := $(GO) tool -modfile=$(CURDIR)/internal/tools/go.mod
BIN         := _build/otelcol-llm
CONFIGS     := $(wildcard config/*.yaml)
# The product module's packages; the test module (test/: end-to-end tests,
# benchmark harness, deploy and config checks, the tokenizer's comparison with
# tiktoken) has its own go.mod.
UNIT_PKGS    = ./...
# The test module's packages except the end-to-end tests, which need the built binary.
TEST_PKGS    = $(shell cd test && $(GO) list ./... | grep -v '/e2e')
# Component folders that carry an mdatagen metadata.yaml.
COMPONENTS  := $(patsubst %/metadata.yaml,%,$(wildcard receiver/*/metadata.yaml processor/*/metadata.yaml connector/*/metadata.yaml extension/*/metadata.yaml))
# What the binary is built from: our non-test sources (Go and embedded data).
BIN_SOURCES := builder-config.yaml go.mod go.sum $(shell find receiver processor connector extension internal -type f -not -name '*_test.go' -not -path '*/testdata/*' 2>/dev/null)

.PHONY: all build run test unit redact-score validate rules e2e backends generate check-generate lint fmt bench bench-micro clean

all: build

## build: compile the distribution with ocb into _build/otelcol-llm
build: $(BIN)

$(BIN): $(BIN_SOURCES)
	$(TOOLS) builder --config builder-config.yaml

## run: build, then run the collector with config/default.yaml
run: build
	./$(BIN) --config config/default.yaml

## test: everything CI checks (what .ci/run runs)
test: check-generate lint unit redact-score build validate rules e2e

# The backends the end-to-end tests run against (Jaeger v2, Prometheus) and
# promtool, built from source through the Go module proxy, each with its own
# module under test/tools/ (their dependency graphs are incompatible with each
# other and with ours); several minutes the first time, cached afterwards.
PROMETHEUS_TOOLS := _build/tools/prometheus _build/tools/promtool
BACKENDS         := _build/tools/jaeger $(PROMETHEUS_TOOLS)

## backends: build Jaeger, Prometheus and promtool into _build/tools
backends: $(BACKENDS)

$(PROMETHEUS_TOOLS) &: test/tools/go.mod test/tools/go.sum
	cd test/tools && $(GO) build -o $(CURDIR)/_build/tools/ \
	  github.com/prometheus/prometheus/cmd/prometheus github.com/prometheus/prometheus/cmd/promtool

_build/tools/jaeger: test/tools/jaeger/go.mod test/tools/jaeger/go.sum
	cd test/tools/jaeger && $(GO) build -o $(CURDIR)/_build/tools/ github.com/jaegertracing/jaeger/cmd/jaeger

unit:
	$(GO) test -race -count=1 $(UNIT_PKGS)
	cd test && $(GO) test -race -count=1 $(TEST_PKGS)

# Secrets without defaults get placeholder values for validation only.
VALIDATE_ENV := OTELCOL_BEARER_TOKEN=validate-only-placeholder-token OTELCOL_TLS_CERT_FILE=/dev/null OTELCOL_TLS_KEY_FILE=/dev/null
# The gateway's readiness endpoint reads component status (a feature gate of
# the health_check extension at this release).
GATES        := --feature-gates=+extension.healthcheck.useComponentStatus

validate: build
	@for f in $(CONFIGS); do echo "validate $$f"; $(VALIDATE_ENV) ./$(BIN) validate --config $$f $(GATES) || exit 1; done
	@for o in config/overlays/*.yaml; do echo "validate config/gateway.yaml + $$o"; \
	  $(VALIDATE_ENV) ./$(BIN) validate --config config/gateway.yaml --config $$o $(GATES) || exit 1; done
	@for o in examples/seed-apps/*/collector.yaml; do echo "validate config/gateway.yaml + $$o"; \
	  $(VALIDATE_ENV) ./$(BIN) validate --config config/gateway.yaml --config $$o $(GATES) || exit 1; done

## redact-score: recall and look-alike survival of every redact detector on both labelled corpora (fails below 0.99), and JSON validity
redact-score:
	$(GO) test -count=1 -run 'TestPrecisionRecall|TestConversationCorpus|TestJSONProperty' -v ./processor/redactprocessor/internal/scan/ \
	  | grep -E '^(corpus.tsv|conversations|json property|--- |ok|FAIL)|(missed|spurious|hit by|left|broke)'
	$(GO) test -count=1 -run 'TestHeldOutCorpora' -v ./processor/redactprocessor/ \
	  | grep -E '^(heldout|--- |ok|FAIL)|(missed|redacted$$|broke|aligned)'

## rules: check the Prometheus config and rules (and the seed apps' rules), run the promtool rule unit tests
rules: _build/tools/promtool
	_build/tools/promtool check config config/prometheus/prometheus.yml
	_build/tools/promtool test rules config/prometheus/tests/*.yml
	_build/tools/promtool check rules examples/seed-apps/*/rules.yml
	_build/tools/promtool test rules examples/seed-apps/*/rules.test.yml

e2e: build $(BACKENDS)
	cd test && OTELCOL_LLM_E2E=1 OTELCOL_LLM_BIN=$(CURDIR)/$(BIN) JAEGER_BIN=$(CURDIR)/_build/tools/jaeger \
	  PROMETHEUS_BIN=$(CURDIR)/_build/tools/prometheus $(GO) test -v -count=1 -timeout 25m ./e2e/...

## generate: regenerate mdatagen output for every component
generate:
	@for d in $(COMPONENTS); do echo "mdatagen $$d"; (cd $$d && $(TOOLS) mdatagen metadata.yaml) || exit 1; done

## check-generate: fail when `make generate` would change committed files
check-generate:
ifneq ($(COMPONENTS),)
	@sums() { find $(COMPONENTS) -type f \( -name 'generated_*' -o -name documentation.md \) -print0 | sort -z | xargs -0r md5sum; }; \
	before=$$(sums); $(MAKE) --no-print-directory generate >/dev/null || exit 1; after=$$(sums); \
	if [ "$$before" != "$$after" ]; then echo "generated files are stale: run 'make generate' and commit the result"; \
	  diff <(echo "$$before") <(echo "$$after"); exit 1; fi
endif

lint:
	@out=$$($(TOOLS) gofumpt -l $$(git ls-files '*.go' | grep -v '/generated_')); if [ -n "$$out" ]; then echo "not gofumpt-formatted:"; echo "$$out"; exit 1; fi
	$(TOOLS) golangci-lint run ./...
	cd test && $(TOOLS) golangci-lint run ./...

fmt:
	$(TOOLS) gofumpt -w $$(git ls-files '*.go')

## bench-micro: component micro-benchmarks (and the tokenizer's reference, tiktoken-go),
## benchstat-comparable output in bench-micro.txt
bench-micro:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 $(UNIT_PKGS) | tee bench-micro.txt
	cd test && $(GO) test -run '^$$' -bench . -benchmem -count 6 ./tokens/ | tee -a $(CURDIR)/bench-micro.txt
	$(TOOLS) benchstat bench-micro.txt

## bench: side-by-side benchmark of otelcol-llm, the tuned contrib pipeline,
## the decode-only and the forwarding ceiling on four LLM workloads (1 KB and
## 4 KB spans, PII in 1% and 80% of texts) and `tiny`, each collector on one
## core, a CPU profile at saturation, then redact beside the contrib regexes;
## writes BENCHMARKS.md. About 20 minutes after the builds (at most about 35), on a quiet
## machine with at least 2 cores (see test/bench/README.md). Not part of `test`.
CONTRIB_BENCH := test/bench/_build-contrib/otelcol-contrib-bench

bench: build $(CONTRIB_BENCH)
	cd test && $(GO) build -o bench/_build/benchrun ./bench/cmd/benchrun
	cd test && GOMAXPROCS=1 BENCH_COMPARE=1 taskset -c 1 $(GO) test -count=1 -run 'TestCompareWithContrib|TestScoreBesideContrib' -v ./bench/compare \
	  | grep -vE '^(=== RUN|--- |PASS$$|ok |FAIL)' > bench/_build/compare.md
	taskset -c 0 test/bench/_build/benchrun -ours $(BIN) -contrib $(CONTRIB_BENCH) -configs test/bench/configs \
	  -include test/bench/_build/compare.md -out BENCHMARKS.md -command 'make bench'

# The contrib equivalent of our pipeline, built with ocb from the same release.
$(CONTRIB_BENCH): test/bench/builder-contrib.yaml
	cd test/bench && $(TOOLS) builder --config builder-contrib.yaml

clean:
	rm -rf _build bench-micro.txt
