"""A service restarted in the middle of a run loses nothing: state lives in its database."""

from __future__ import annotations

from .conftest import new_learner


async def test_a_run_continues_after_the_scenario_service_restarts(api, stack):
    learner = await new_learner(api)
    scenario = (await api.get("/api/v1/scenarios/restaurant-dinner-reservation", headers=learner.headers)).json()
    first_phase = [p["text"] for p in scenario["phases"][0]["phrases"]]
    run = (await api.post("/api/v1/runs", json={"scenario_id": scenario["summary"]["id"]}, headers=learner.headers)).json()
    await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": first_phase[0]}, headers=learner.headers)

    stack.stop_process("scenario")
    assert (await api.get(f"/api/v1/runs/{run['id']}", headers=learner.headers)).status_code == 503
    stack.start_process("scenario")
    stack.wait_healthy(timeout=60)

    before = (await api.get(f"/api/v1/runs/{run['id']}", headers=learner.headers)).json()
    assert len(before["turns"]) == 3 and before["phases"][0]["phrases_used"]
    for text in first_phase[1:]:
        await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": text}, headers=learner.headers)
    after = (await api.get(f"/api/v1/runs/{run['id']}", headers=learner.headers)).json()
    assert after["phases"][0]["completed"] and after["current_phase"] == 1
