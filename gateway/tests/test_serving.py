"""How the gateway serves: probes, bounded bodies, JSON errors and its server options."""

from __future__ import annotations

import orjson

from parla.gateway.config import GatewaySettings
from parla.gateway.main import MAX_BODY_BYTES, server_options


async def test_the_liveness_probe_answers_without_asking_any_service(gateway, services):
    answer = await gateway.get("/livez")
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}
    assert answer.headers["content-type"] == "application/json"
    assert services.calls == []


async def test_the_readiness_probe_is_503_while_a_service_does_not_answer_health_checks(gateway):
    # The fake services serve no health service, and the other addresses have nothing behind them.
    answer = await gateway.get("/healthz")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "degraded" and set(body["services"].values()) <= {"UNREACHABLE", "NOT_SERVING"}


async def test_probes_are_not_part_of_the_api_document(gateway):
    paths = (await gateway.get("/api/v1/openapi.json")).json()["paths"]
    assert "/livez" not in paths and all(path.startswith("/api/v1/") or path == "/healthz" for path in paths)


async def test_a_chunked_body_over_the_limit_is_413_once_it_goes_over(gateway):
    sent = 0

    async def chunks():
        nonlocal sent
        chunk = b" " * 2**20
        while sent <= MAX_BODY_BYTES + 4 * 2**20:
            sent += len(chunk)
            yield chunk

    answer = await gateway.post("/api/v1/auth/login", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "payload_too_large"


async def test_errors_are_json_with_a_code_a_message_and_details(gateway):
    answer = await gateway.post("/api/v1/auth/login", json={"email": "nobody"})
    assert answer.status_code == 422 and answer.headers["content-type"] == "application/json"
    error = orjson.loads(answer.content)["error"]
    assert error["code"] == "invalid_argument" and {"email", "password"} <= set(error["details"])


def test_access_logs_are_off_unless_asked_for(monkeypatch):
    assert server_options(GatewaySettings())["access_log"] is False
    monkeypatch.setenv("PARLA_ACCESS_LOG", "true")
    assert server_options(GatewaySettings())["access_log"] is True
