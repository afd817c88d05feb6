"""Every shipped scenario, in every language it ships, played through the gateway by a scripted
learner who says the phrases (and completes it with a high score), and by one who answers off
topic (and completes no phase). The cards each run earns arrive in the learner's deck."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from parla.devstack.testing import eventually

from .conftest import Learner, new_learner

LANGUAGES = ["es", "fr", "de", "it", "pt", "en", "zh", "ja"]
PRODUCTION_LANGUAGES = {"es", "fr", "de", "it", "pt", "en"}
SEEDS = {"restaurant-dinner-reservation", "hotel-check-in", "clothes-shopping"}
CONCURRENCY = 4


async def catalogue(api, learner: Learner, language: str) -> list[dict]:
    page = await api.get(
        "/api/v1/scenarios", params={"language": language, "author": "system", "limit": 100}, headers=learner.headers
    )
    scenarios = []
    for item in page.json()["items"]:
        detail = await api.get(f"/api/v1/scenarios/{item['id']}", params={"language": language}, headers=learner.headers)
        scenarios.append(detail.json())
    return scenarios


async def play(api, learner: Learner, scenario: dict, language: str, lines: list[list[str]]) -> dict:
    """Start a run, say ``lines[i]`` in phase i (one turn each), complete it."""
    run = (
        await api.post(
            "/api/v1/runs", json={"scenario_id": scenario["summary"]["id"], "language": language}, headers=learner.headers
        )
    ).json()
    for phase_lines in lines:
        for text in phase_lines:
            answer = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": text}, headers=learner.headers)
            assert answer.status_code == 200, answer.text
    done = await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)
    assert done.status_code == 200, done.text
    return done.json()


async def bounded(coroutines):
    gate = asyncio.Semaphore(CONCURRENCY)

    async def run(coroutine):
        async with gate:
            return await coroutine

    return await asyncio.gather(*(run(c) for c in coroutines))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_scenario_in_this_language_plays_through(api, language):
    browser = await new_learner(api)
    scenarios = await catalogue(api, browser, language)
    ids = {s["summary"]["id"] for s in scenarios}
    if language in PRODUCTION_LANGUAGES:
        assert len(ids) >= 12, f"{language}: only {sorted(ids)}"
    else:
        assert ids >= SEEDS

    async def scripted(scenario: dict) -> tuple[Learner, dict, dict]:
        learner = await new_learner(api)
        lines = [[phrase["text"] for phrase in phase["phrases"]] for phase in scenario["phases"]]
        return learner, scenario, await play(api, learner, scenario, language, lines)

    results = await bounded([scripted(s) for s in scenarios])
    for _, scenario, run in results:
        sid = scenario["summary"]["id"]
        assert all(phase["completed"] for phase in run["phases"]), f"{sid}/{language}: {run['phases']}"
        assert run["score"] >= 80, f"{sid}/{language} scored {run['score']}"

    for learner, scenario, run in results:
        used = {lemma for phase in run["phases"] for lemma in phase["vocabulary_used"]}
        missed = {item["lemma"] for phase in scenario["phases"] for item in phase["vocabulary"]} - used
        expected = {lemma.lower() for lemma in missed} | {f"mistake:{m['correction'].lower()}" for m in run["mistakes"]}

        async def deck(learner=learner, expected=expected):
            due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
            lemmas = {card["lemma"] for card in due["cards"]}
            return lemmas if lemmas == expected else None

        if expected:
            await eventually(deck, timeout=60)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_answering_off_topic_completes_no_phase(api, language):
    browser = await new_learner(api)
    scenarios = await catalogue(api, browser, language)

    async def off_topic(scenario: dict) -> tuple[dict, dict]:
        other = next(s for s in scenarios if s["summary"]["category"] != scenario["summary"]["category"])
        chatter = [phrase["text"] for phase in other["phases"] for phrase in phase["phrases"]]
        run = await play(api, await new_learner(api), scenario, language, [chatter])
        return scenario, run

    for scenario, run in await bounded([off_topic(s) for s in scenarios]):
        assert not any(phase["completed"] for phase in run["phases"]), scenario["summary"]["id"]
        assert run["current_phase"] == 0 and run["score"] < 50


PERSONAS = ["guiding_challenger", "encouraging_coach", "friendly_conversational", "expert_scholar", "creative_mentor"]


async def test_the_offline_tutor_plays_everything_once_per_persona_and_each_persona_sounds_different(api):
    """Every production scenario in every shipped language, to completion, once per persona,
    with no AI server: the replies' feedback differs from one persona to the next."""
    browser = await new_learner(api)
    everything = [(language, s) for language in LANGUAGES for s in await catalogue(api, browser, language)]
    voices: dict[str, set[str]] = {}

    async def play_as(persona: str, language: str, scenario: dict) -> dict:
        learner = await new_learner(api)
        body = {"scenario_id": scenario["summary"]["id"], "language": language, "persona": persona}
        run = (await api.post("/api/v1/runs", json=body, headers=learner.headers)).json()
        for phase in scenario["phases"]:
            for phrase in phase["phrases"]:
                turn = (
                    await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": phrase["text"]}, headers=learner.headers)
                ).json()
                voices.setdefault(persona, set()).update(turn["feedback"])
        done = (await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)).json()
        assert all(p["completed"] for p in done["phases"]), f"{persona} {scenario['summary']['id']}/{language}"
        return done

    for persona in PERSONAS:
        runs = await bounded([play_as(persona, language, scenario) for language, scenario in everything])
        assert len(runs) == len(everything) and all(run["persona"] == persona for run in runs)
    for first, second in itertools.combinations(PERSONAS, 2):
        assert voices[first] != voices[second], (first, second)
        assert len(voices[first] - voices[second]) >= 3
