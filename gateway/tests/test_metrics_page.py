"""The gateway's request metrics (RED per route) and the page Prometheus scrapes them from."""

from __future__ import annotations

import uuid

import httpx
from prometheus_client import CollectorRegistry

from parla.devstack.testing import free_port

from .conftest import _client_of


def requests(client: httpx.AsyncClient, route: str, status: int, method: str = "GET") -> float:
    registry: CollectorRegistry = client.app.state.metrics  # type: ignore[attr-defined]
    labels = {"method": method, "route": route, "status": str(status)}
    return registry.get_sample_value("parla_http_requests_total", labels) or 0.0


def routes_seen(client: httpx.AsyncClient) -> set[str]:
    registry: CollectorRegistry = client.app.state.metrics  # type: ignore[attr-defined]
    return {s.labels["route"] for f in registry.collect() for s in f.samples if s.name == "parla_http_requests_total"}


async def test_requests_are_counted_under_their_route_template_not_their_path(gateway):
    before = requests(gateway, "/api/v1/runs/{run_id}", 401)
    for _ in range(3):
        assert (await gateway.get(f"/api/v1/runs/{uuid.uuid4()}")).status_code == 401
    assert requests(gateway, "/api/v1/runs/{run_id}", 401) - before == 3
    scenario = uuid.uuid4().hex
    await gateway.get(f"/api/v1/scenarios/{scenario}/ratings")  # a parameter in a router's prefix
    assert requests(gateway, "/api/v1/scenarios/{scenario_id}/ratings", 401) >= 1
    assert not any(route.count("-") >= 4 for route in routes_seen(gateway))  # no run id made a series


async def test_made_up_paths_make_no_series_of_their_own(gateway):
    for _ in range(3):
        await gateway.get(f"/api/v1/{uuid.uuid4().hex}")
        await gateway.get(f"/wp-admin/{uuid.uuid4().hex}.php")
    made_up = [route for route in routes_seen(gateway) if route.startswith(("/api/v1/", "/wp-admin")) and len(route) > 20]
    assert all("{" in route for route in made_up)


async def test_a_body_refused_before_routing_is_counted_as_unmatched_with_its_status(gateway):
    before = requests(gateway, "unmatched", 413, "POST")
    answer = await gateway.post("/api/v1/auth/login", content=b"x" * (17 * 2**20), headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert requests(gateway, "unmatched", 413, "POST") - before == 1


async def test_request_durations_are_recorded_per_route(gateway):
    registry: CollectorRegistry = gateway.app.state.metrics
    labels = {"method": "GET", "route": "/livez"}
    before = registry.get_sample_value("parla_http_request_seconds_count", labels) or 0.0
    await gateway.get("/livez")
    assert registry.get_sample_value("parla_http_request_seconds_count", labels) - before == 1


async def test_the_metrics_page_is_served_on_its_own_port_with_the_pool_and_the_outbox(gateway_settings):
    port = free_port()
    async for client in _client_of(gateway_settings.model_copy(update={"metrics_port": port})):
        await client.get("/livez")
        async with httpx.AsyncClient() as scraper:
            page = (await scraper.get(f"http://127.0.0.1:{port}/metrics")).text
        assert 'parla_http_requests_total{method="GET",route="/livez",status="200"} 1.0' in page
        for family in ("parla_db_pool_connections_in_use", "parla_outbox_unsent", "parla_outbox_oldest_unsent_age_seconds"):
            assert f"# TYPE {family} gauge" in page
        # ... and not on the public port (where /metrics is only one of the web client's pages).
        assert "parla_http_requests_total" not in (await client.get("/metrics")).text
