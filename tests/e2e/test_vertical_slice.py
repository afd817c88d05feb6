"""A learner's first path through real parts: catalogue -> run -> completion -> Kafka ->
progress (analytics) and review cards (content)."""

from __future__ import annotations

from parla.devstack.testing import eventually

from .conftest import new_learner, play, vocabulary_count

SEEDS = {"restaurant-dinner-reservation", "hotel-check-in", "clothes-shopping"}


async def test_the_catalogue_lists_the_three_seed_scenarios_in_spanish_with_full_structure(api):
    learner = await new_learner(api)
    page = (await api.get("/api/v1/scenarios", params={"language": "es"}, headers=learner.headers)).json()
    assert {item["id"] for item in page["items"]} >= SEEDS and page["total"] >= 3
    for scenario_id in SEEDS:
        scenario = (await api.get(f"/api/v1/scenarios/{scenario_id}", headers=learner.headers)).json()
        phases = scenario["phases"]
        assert scenario["summary"]["language"] == "es" and 3 <= len(phases) <= 4
        assert 10 <= vocabulary_count(scenario) <= 15
        assert 8 <= sum(len(p["phrases"]) for p in phases) <= 12
        assert all(p["objective"] and p["success_criteria"] for p in phases)


async def test_a_completed_run_reaches_progress_and_the_deck_gets_the_missed_words(api):
    learner = await new_learner(api)
    scenario = (await api.get("/api/v1/scenarios/restaurant-dinner-reservation", headers=learner.headers)).json()
    run = await play(api, learner, "restaurant-dinner-reservation", phases=2)
    assert run["status"] == "completed" and run["score"] > 0
    assert [p["completed"] for p in run["phases"]][:2] == [True, True]

    async def progress_recorded():
        progress = (await api.get("/api/v1/progress", headers=learner.headers)).json()
        return progress if progress["scenarios_completed"] == 1 else None

    progress = await eventually(progress_recorded)
    [session] = progress["recent_sessions"]
    assert session["run_id"] == run["id"] and session["kind"] == "scenario"
    assert session["score"] == run["score"] and progress["scenarios_started"] == 1

    used = {lemma for phase in run["phases"] for lemma in phase["vocabulary_used"]}
    expected = vocabulary_count(scenario) - len(used)
    assert 0 < len(used) < vocabulary_count(scenario)

    async def cards_created():
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        return due if due["total_due"] == expected else None

    due = await eventually(cards_created)
    assert {card["source"]["id"] for card in due["cards"]} == {run["id"]}
    assert used.isdisjoint(card["lemma"] for card in due["cards"])
    assert {card["source"]["kind"] for card in due["cards"]} == {"scenario_run"}


async def test_a_learner_who_answers_off_topic_completes_no_phase(api):
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    for text in ["Me gusta el fútbol.", "El cielo es azul.", "No sé nada."]:
        turn = (await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": text}, headers=learner.headers)).json()
        assert not turn["phase_completed"] and turn["tutor_reply"]
    assert turn["run"]["current_phase"] == 0


async def test_bad_input_gets_a_4xx_with_a_message(api):
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    too_long = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "a" * 2001}, headers=learner.headers)
    unknown = await api.post("/api/v1/runs", json={"scenario_id": "no-such-thing"}, headers=learner.headers)
    wrong_language = await api.post(
        "/api/v1/runs", json={"scenario_id": "job-interview", "language": "ja"}, headers=learner.headers
    )
    assert too_long.status_code == 422 and "text" in too_long.json()["error"]["details"]
    assert unknown.status_code == 404 and "GET /api/v1/scenarios" in unknown.json()["error"]["message"]
    assert wrong_language.status_code == 422 and "not available" in wrong_language.json()["error"]["message"]
    after = (await api.get(f"/api/v1/runs/{run['id']}", headers=learner.headers)).json()
    assert len(after["turns"]) == 1
