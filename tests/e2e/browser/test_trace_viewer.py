"""`make observe`'s tracing dashboard: spans exported over OTLP reach the real Jaeger, and its UI
(deploy/jaeger/ui, served by Jaeger's query server) finds the trace and draws it as a waterfall.

Jaeger is built once per machine (`make observe` does it); until it is, this test is skipped."""

from __future__ import annotations

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

from parla.devstack.kafka import machine_cache_dir
from parla.devstack.observe import JAEGER_VERSION, JaegerRunner
from parla.devstack.testing import eventually as until
from parla.devstack.testing import free_port

from .conftest import AXE, DESKTOP, SHOTS

JAEGER = machine_cache_dir() / f"jaeger-{JAEGER_VERSION}" / "jaeger"
pytestmark = pytest.mark.skipif(not JAEGER.exists(), reason="Jaeger is not built on this machine: `make observe` builds it once")


@pytest.fixture
def jaeger(tmp_path):
    runner = JaegerRunner(
        tmp_path, ui_port=free_port(), otlp_port=free_port(), health_port=free_port(), query_grpc_port=free_port(), binary=JAEGER
    )
    runner.start()
    yield runner
    runner.stop()


def tracer(jaeger: JaegerRunner, service: str) -> tuple[TracerProvider, trace.Tracer]:
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=f"{jaeger.otlp_endpoint}/v1/traces")))
    return provider, provider.get_tracer("parla.test")


def one_learner_action(jaeger: JaegerRunner) -> str:
    """A completion as the services trace it: gateway → scenario over gRPC → Kafka → analytics."""
    providers = {name: tracer(jaeger, name) for name in ("gateway", "scenario", "analytics")}
    gateway, scenario, analytics = (providers[name][1] for name in ("gateway", "scenario", "analytics"))
    with gateway.start_as_current_span("POST /api/v1/runs/{run_id}/complete", kind=trace.SpanKind.SERVER) as root:
        root.set_attribute("http.route", "/api/v1/runs/{run_id}/complete")
        server = scenario.start_as_current_span("/parla.scenario.v1.ScenarioService/CompleteRun", kind=trace.SpanKind.SERVER)
        with server, scenario.start_as_current_span("scenario.completed publish", kind=trace.SpanKind.PRODUCER) as publish:
            publish.set_attribute("messaging.destination.name", "scenario.completed")
            with analytics.start_as_current_span("scenario.completed process", kind=trace.SpanKind.CONSUMER) as process:
                process.set_attribute("parla.outcome", "applied")
    for provider, _ in providers.values():
        provider.shutdown()
    return format(root.get_span_context().trace_id, "032x")


async def test_a_trace_sent_to_jaeger_is_found_and_drawn_by_its_ui(jaeger, browser):
    trace_id = one_learner_action(jaeger)
    async with httpx.AsyncClient(base_url=jaeger.ui_url, timeout=10) as api:

        async def stored():
            answer = await api.get(f"/api/traces/{trace_id}")
            found = answer.json()["data"] if answer.status_code == 200 else None
            # Jaeger's collector stores spans from a queue: a trace is found before its last span is.
            return found if found and len(found[0]["spans"]) >= 4 else None

        [stored_trace] = await until(stored, timeout=20)
    assert len(stored_trace["spans"]) == 4

    # The UI's content security policy forbids inline scripts; the accessibility checker is one.
    context = await browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = await context.new_page()
    try:
        await page.goto(f"{jaeger.ui_url}/search?service=gateway&lookback=1h")
        result = page.get_by_role("link", name="gateway: POST /api/v1/runs/{run_id}/complete").first
        await result.wait_for(timeout=20_000)
        await result.click()
        await page.wait_for_url(f"**/trace/{trace_id}")
        rows = page.locator(".wf-row")
        await rows.first.wait_for()
        assert await rows.count() == 4
        names = await rows.all_inner_texts()
        assert any("analytics" in name and "scenario.completed process" in name for name in names)
        consumer = rows.filter(has_text="scenario.completed process")
        await consumer.press("Enter")
        assert await consumer.get_attribute("aria-expanded") == "true"
        assert await page.get_by_role("rowheader", name="parla.outcome").count() == 1
        await page.add_script_tag(path=str(AXE))
        serious = await page.evaluate(
            """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                .filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)"""
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=SHOTS / "jaeger-trace.png", full_page=True)
        assert serious == []
    finally:
        await context.close()
