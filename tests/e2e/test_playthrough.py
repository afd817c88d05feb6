"""One shipped scenario played through the gateway from the catalogue to the deck, in a language
with no spaces between words and with a chosen tutor persona: every phase completes with a high
score and the cards the run earns arrive in the learner's deck.

Every scenario × language × persona is played in-process, against the same use cases, in
``tests/inprocess/test_playthrough_matrix.py``; this is the same path with every process, gRPC
hop and the broker in between."""

from __future__ import annotations

from parla.devstack.testing import eventually

from .conftest import new_learner

SCENARIO, LANGUAGE, PERSONA = "hotel-check-in", "ja", "expert_scholar"


async def test_a_scenario_from_the_catalogue_plays_through_and_its_cards_reach_the_deck(api):
    learner = await new_learner(api)
    page = await api.get(
        "/api/v1/scenarios", params={"language": LANGUAGE, "author": "system", "limit": 100}, headers=learner.headers
    )
    assert SCENARIO in {item["id"] for item in page.json()["items"]}
    scenario = (await api.get(f"/api/v1/scenarios/{SCENARIO}", params={"language": LANGUAGE}, headers=learner.headers)).json()

    body = {"scenario_id": SCENARIO, "language": LANGUAGE, "persona": PERSONA}
    run = (await api.post("/api/v1/runs", json=body, headers=learner.headers)).json()
    for phase in scenario["phases"]:
        for phrase in phase["phrases"]:
            turn = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": phrase["text"]}, headers=learner.headers)
            assert turn.status_code == 200, turn.text
            assert turn.json()["tutor_reply"]
    done = await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)
    assert done.status_code == 200, done.text
    run = done.json()
    assert run["persona"] == PERSONA and run["language"] == LANGUAGE
    assert all(phase["completed"] for phase in run["phases"]), run["phases"]
    assert run["score"] >= 80

    used = {lemma for phase in run["phases"] for lemma in phase["vocabulary_used"]}
    missed = {item["lemma"] for phase in scenario["phases"] for item in phase["vocabulary"]} - used
    expected = {lemma.lower() for lemma in missed} | {f"mistake:{m['correction'].lower()}" for m in run["mistakes"]}
    assert expected, "a run that earns no card shows nothing about the deck; pick another scenario"

    async def deck():
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        return due if {card["lemma"] for card in due["cards"]} == expected else None

    due = await eventually(deck, timeout=60)
    assert {(card["source"]["kind"], card["source"]["id"]) for card in due["cards"]} == {("scenario_run", run["id"])}
