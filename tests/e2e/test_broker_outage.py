"""Kafka down for 20 s while learners keep completing runs: nothing is lost or doubled."""

from __future__ import annotations

import asyncio

import pytest

from parla.devstack.testing import eventually

from .conftest import completion_event_ids, inbox_count, new_learner, play

OUTAGE_SECONDS = 20
# Different scenarios, so that every run brings words the deck does not have yet.
SCENARIOS = ["clothes-shopping", "hotel-check-in", "restaurant-dinner-reservation"]
COMPLETIONS = len(SCENARIOS)


async def test_completions_accepted_during_an_outage_arrive_exactly_once(api, kafka, stack):
    if not kafka.controllable:
        pytest.skip("the broker comes from KAFKA_BOOTSTRAP_SERVERS; this test needs one the suite started")
    learner = await new_learner(api)
    kafka.stop()
    stopped_at = asyncio.get_running_loop().time()
    try:
        runs = [await play(api, learner, scenario_id) for scenario_id in SCENARIOS]
        assert all(run["status"] == "completed" for run in runs)
        await asyncio.sleep(max(0.0, OUTAGE_SECONDS - (asyncio.get_running_loop().time() - stopped_at)))
    finally:
        kafka.start()
    assert not stack.dead(), f"a process died during the outage: {stack.dead()}"

    async def all_arrived():
        progress = (await api.get("/api/v1/progress", params={"recent": 50}, headers=learner.headers)).json()
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        taught_by = {card["source"]["id"] for card in due["cards"]}
        # Starts and completions travel on different topics, in no fixed order between them.
        counted = min(progress["scenarios_completed"], progress["scenarios_started"]) >= COMPLETIONS
        everything = counted and taught_by == {run["id"] for run in runs}
        return (progress, due) if everything else None

    progress, due = await eventually(all_arrived, timeout=120, interval=0.5)
    assert progress["scenarios_completed"] == COMPLETIONS
    assert progress["scenarios_started"] == COMPLETIONS
    assert sorted(s["run_id"] for s in progress["recent_sessions"]) == sorted(run["id"] for run in runs)
    # One card per lemma, none twice; every run reached the deck, and each consumer's inbox
    # holds each completion exactly once.
    lemmas = [card["lemma"] for card in due["cards"]]
    assert len(lemmas) == len(set(lemmas)) and due["total_due"] == len(lemmas)
    run_ids = {run["id"] for run in runs}
    assert {card["source"]["id"] for card in due["cards"]} == run_ids
    event_ids = await completion_event_ids(stack, run_ids)
    assert len(event_ids) == COMPLETIONS
    assert await inbox_count(stack, "analytics", event_ids) == COMPLETIONS
    assert await inbox_count(stack, "content", event_ids) == COMPLETIONS
