# syntax=docker/dockerfile:1
#
# otelcol-llm container image.
#
#   docker build -t otelcol-llm:dev .
#   docker run --rm -p 4317:4317 -p 4318:4318 -p 13133:13133 \
#     -v $PWD/config/gateway.yaml:/etc/otelcol-llm/config.yaml:ro otelcol-llm:dev
#
# The build stage runs ocb from builder-config.yaml exactly as `make build`
# does; the final stage holds only the static binary and the default config,
# and runs as a numeric non-root user. test/distribution's tests keep this
# file consistent with go.mod and builder-config.yaml.

ARG GO_VERSION=1.26.8

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-buildvcs=false
# Module downloads first, so they are cached across source changes.
COPY internal/tools/go.mod internal/tools/go.sum internal/tools/
RUN cd internal/tools && go mod download
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go tool -modfile=internal/tools/go.mod builder --config builder-config.yaml \
    && ./_build/otelcol-llm components >/dev/null

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/_build/otelcol-llm /otelcol-llm
COPY config/default.yaml /etc/otelcol-llm/config.yaml
USER 65532:65532
# OTLP gRPC, OTLP HTTP, own metrics, Prometheus exporter, health check.
EXPOSE 4317 4318 8888 8889 13133
ENTRYPOINT ["/otelcol-llm"]
CMD ["--config", "/etc/otelcol-llm/config.yaml"]
