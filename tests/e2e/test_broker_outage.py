"""Kafka down for 20 s while learners keep completing runs: nothing is lost or doubled."""

from __future__ import annotations

import asyncio

import pytest

from parla.devstack.testing import eventually

from .conftest import new_learner, play

OUTAGE_SECONDS = 20
COMPLETIONS = 4


async def test_completions_accepted_during_an_outage_arrive_exactly_once(api, kafka, stack):
    if not kafka.controllable:
        pytest.skip("the broker comes from KAFKA_BOOTSTRAP_SERVERS; this test needs one the suite started")
    learner = await new_learner(api)
    kafka.stop()
    stopped_at = asyncio.get_running_loop().time()
    try:
        runs = [await play(api, learner, "clothes-shopping") for _ in range(COMPLETIONS)]
        assert all(run["status"] == "completed" for run in runs)
        await asyncio.sleep(max(0.0, OUTAGE_SECONDS - (asyncio.get_running_loop().time() - stopped_at)))
    finally:
        kafka.start()
    assert not stack.dead(), f"a process died during the outage: {stack.dead()}"

    async def all_arrived():
        progress = (await api.get("/api/v1/progress", params={"recent": 50}, headers=learner.headers)).json()
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        return (progress, due) if progress["scenarios_completed"] >= COMPLETIONS and due["total_due"] else None

    progress, due = await eventually(all_arrived, timeout=120, interval=0.5)
    assert progress["scenarios_completed"] == COMPLETIONS
    assert progress["scenarios_started"] == COMPLETIONS
    assert sorted(s["run_id"] for s in progress["recent_sessions"]) == sorted(run["id"] for run in runs)
    # One card per lemma, from whichever run first taught it; none twice.
    lemmas = [card["lemma"] for card in due["cards"]]
    assert len(lemmas) == len(set(lemmas)) and due["total_due"] == len(lemmas)
    assert {card["source"]["id"] for card in due["cards"]} <= {run["id"] for run in runs}
