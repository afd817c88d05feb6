"""OpenTelemetry set-up and trace-context propagation.

Spans are exported over OTLP/HTTP when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (the exporter reads
the standard OTEL_* variables itself). Otherwise no span is recorded (unless OTEL_TRACES_SAMPLER
says so), but every span still has its trace and span ids, so log lines keep their trace ids and
trace context still travels over gRPC and Kafka: recording spans nobody exports cost the
consumers about a sixth of their time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased

TRACEPARENT = "traceparent"


def setup_tracing(service_name: str) -> TracerProvider:
    exporting = bool(os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
    # None: the SDK's default (OTEL_TRACES_SAMPLER, else every trace).
    sampler = None if exporting or os.environ.get("OTEL_TRACES_SAMPLER") else ParentBased(ALWAYS_OFF)
    provider = TracerProvider(
        resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", service_name)}), sampler=sampler
    )
    if exporting:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    return provider


def shutdown_tracing() -> None:
    provider = trace.get_tracer_provider()
    if isinstance(provider, TracerProvider):
        provider.shutdown()


def current_carrier(context: otel_context.Context | None = None) -> dict[str, str]:
    """The current context (or ``context``) as W3C headers (``traceparent``, ``tracestate``)."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier, context=context)
    return carrier


def context_from_carrier(carrier: Mapping[str, str]) -> otel_context.Context:
    return propagate.extract(dict(carrier))


def kafka_headers(carrier: Mapping[str, str]) -> list[tuple[str, bytes]]:
    return [(key, value.encode()) for key, value in carrier.items()]


def carrier_from_kafka_headers(headers: Sequence[tuple[str, bytes]] | None) -> dict[str, str]:
    return {key: value.decode(errors="replace") for key, value in headers or () if key in (TRACEPARENT, "tracestate")}
