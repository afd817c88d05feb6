"""What operators see of one learner's turn on the running system: the gateway's route, each
service's gRPC method, the AI call, and every process's database pool, on its metrics page."""

from __future__ import annotations

from parla.devstack.stack import SERVICES

from .conftest import metric, new_learner


async def test_a_turn_shows_on_the_gateway_the_scenario_and_the_persona_metrics_pages(api, stack):
    learner = await new_learner(api)
    before = {
        "turns": await metric(stack, "gateway", "parla_http_requests_total", route="/api/v1/runs/{run_id}/turns", status="200"),
        "submit": await metric(stack, "scenario", "parla_grpc_server_handled_total", grpc_method="SubmitTurn", grpc_code="OK"),
        "reply": await metric(stack, "persona", "parla_grpc_server_handled_total", grpc_method="Reply", grpc_code="OK"),
        "ai": await metric(stack, "persona", "parla_ai_calls_total", provider="offline", outcome="answered"),
    }
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    turn = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "Hola, tengo una reserva."}, headers=learner.headers)
    assert turn.status_code == 200

    after = {
        "turns": await metric(stack, "gateway", "parla_http_requests_total", route="/api/v1/runs/{run_id}/turns", status="200"),
        "submit": await metric(stack, "scenario", "parla_grpc_server_handled_total", grpc_method="SubmitTurn", grpc_code="OK"),
        "reply": await metric(stack, "persona", "parla_grpc_server_handled_total", grpc_method="Reply", grpc_code="OK"),
        "ai": await metric(stack, "persona", "parla_ai_calls_total", provider="offline", outcome="answered"),
    }
    # Other tests share the stack: at least this turn, on each page.
    assert all(after[name] - before[name] >= 1 for name in before), (before, after)
    for process in (*SERVICES, "gateway"):
        assert await metric(stack, process, "parla_db_pool_size", pool="write") > 0
