"""AI budgets through the gateway: a learner's own, admins' configuration, and who may do what."""

from __future__ import annotations

import uuid

import pytest

from .conftest import Learner, new_learner


@pytest.fixture
async def admin(signing_keys) -> Learner:
    user_id = str(uuid.uuid4())
    return Learner(user_id, signing_keys.token(user_id, roles=("learner", "admin")))


async def test_a_learner_reads_their_budget_and_offline_turns_are_recorded_at_no_cost(api):
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "Hola, tengo una reserva."}, headers=learner.headers)
    budget = (await api.get("/api/v1/me/budget", headers=learner.headers)).json()
    assert (budget["limit_usd"], budget["period"], budget["level"], budget["spent_usd"]) == (30.0, "monthly", "green", 0.0)
    usage = (await api.get("/api/v1/me/budget/usage", headers=learner.headers)).json()
    assert [(e["provider"], e["cost_usd"]) for e in usage["entries"]] == [("offline", 0.0)]
    assert usage["by_provider"] == [{"provider": "offline", "calls": 1, "tokens_in": 0, "tokens_out": 0, "cost_usd": 0.0}]


async def test_a_learner_may_lower_their_limit_but_not_raise_it(api):
    learner = await new_learner(api)
    lowered = await api.put("/api/v1/me/budget", json={"limit_usd": 5, "period": "weekly"}, headers=learner.headers)
    assert lowered.status_code == 200 and lowered.json()["limit_usd"] == 5.0
    raised = await api.put("/api/v1/me/budget", json={"limit_usd": 500}, headers=learner.headers)
    assert raised.status_code == 403 and "admin" in raised.json()["error"]["message"]


async def test_only_admins_read_configure_and_reset_anothers_budget(api, admin):
    learner, other = await new_learner(api), await new_learner(api)
    path = f"/api/v1/admin/budgets/{learner.user_id}"
    config = {"limit_usd": 50, "max_limit_usd": 80, "period": "monthly", "enforce": True, "thresholds": [50, 90]}
    assert (await api.get(path, headers=other.headers)).status_code == 403
    assert (await api.put(path, json=config, headers=other.headers)).status_code == 403
    assert (await api.post(f"{path}/reset", json={"reason": "because"}, headers=learner.headers)).status_code == 403
    assert (await api.get(path)).status_code == 401
    configured = (await api.put(path, json=config, headers=admin.headers)).json()
    assert (configured["limit_usd"], configured["max_limit_usd"], configured["thresholds"]) == (50.0, 80.0, [50, 90])
    assert (await api.put("/api/v1/me/budget", json={"limit_usd": 80}, headers=learner.headers)).status_code == 200
    missing_reason = await api.post(f"{path}/reset", json={"reason": ""}, headers=admin.headers)
    assert missing_reason.status_code == 422 and "reason" in missing_reason.json()["error"]["details"]
    reset = await api.post(f"{path}/reset", json={"reason": "new school year"}, headers=admin.headers)
    assert reset.status_code == 200 and reset.json()["spent_usd"] == 0.0
