"""Tutor personas through the gateway."""

from __future__ import annotations

from .conftest import new_learner


async def test_a_learner_lists_chooses_and_resets_a_persona(api):
    learner = await new_learner(api)
    listed = (await api.get("/api/v1/personas", headers=learner.headers)).json()
    assert len(listed["personas"]) == 5 and listed["default_type"] == "friendly_conversational"
    scholar = (await api.get("/api/v1/personas/expert_scholar", headers=learner.headers)).json()
    assert scholar["name"] and scholar["traits"]
    assert (await api.get("/api/v1/me/persona", headers=learner.headers)).json()["is_default"]
    body = {"persona_type": "expert_scholar", "subject": "grammar", "learner_level": "advanced"}
    chosen = (await api.put("/api/v1/me/persona", json=body, headers=learner.headers)).json()
    assert (chosen["persona"]["type"], chosen["learner_level"], chosen["is_default"]) == ("expert_scholar", "advanced", False)
    reset = (await api.delete("/api/v1/me/persona", headers=learner.headers)).json()
    assert reset["is_default"] and reset["persona"]["type"] == "friendly_conversational"


async def test_unknown_personas_and_bad_choices_are_4xx(api):
    learner = await new_learner(api)
    assert (await api.get("/api/v1/personas/pirate", headers=learner.headers)).status_code == 404
    unknown = await api.put("/api/v1/me/persona", json={"persona_type": "pirate"}, headers=learner.headers)
    assert unknown.status_code == 422 and "persona_type" in unknown.json()["error"]["details"]
    html = await api.put(
        "/api/v1/me/persona", json={"persona_type": "expert_scholar", "subject": "<b>x</b>"}, headers=learner.headers
    )
    assert html.status_code == 422 and "subject" in html.json()["error"]["details"]
    assert (await api.get("/api/v1/personas")).status_code == 401


async def feedback_for(api, learner, persona: str | None = None) -> list[str]:
    body = {"scenario_id": "hotel-check-in", "language": "es"} | ({"persona": persona} if persona else {})
    run = (await api.post("/api/v1/runs", json=body, headers=learner.headers)).json()
    turn = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "Hola, buenas tardes."}, headers=learner.headers)
    assert turn.status_code == 200, turn.text
    return turn.json()["feedback"]


async def test_every_tutor_reply_speaks_with_the_learners_persona_or_the_runs_override(api):
    learner = await new_learner(api)
    default = await feedback_for(api, learner)
    await api.put("/api/v1/me/persona", json={"persona_type": "guiding_challenger"}, headers=learner.headers)
    challenger = await feedback_for(api, learner)
    scholar = await feedback_for(api, learner, persona="expert_scholar")
    assert len({tuple(default), tuple(challenger), tuple(scholar)}) == 3
    assert any("?" in line for line in challenger)


async def test_with_the_persona_service_down_a_turn_still_gets_an_offline_reply_and_a_notice(api, stack):
    learner = await new_learner(api)
    stack.stop_process("persona")
    try:
        feedback = await feedback_for(api, learner)
    finally:
        stack.start_process("persona")
        stack.wait_healthy(timeout=60)
    assert any("unavailable" in line for line in feedback)
