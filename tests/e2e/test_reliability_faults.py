"""Reliability: poison messages among good ones, PostgreSQL restarted under load, and a service
stopped while the gateway keeps serving everything else."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid

import httpx
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually, scenario_completed, vocabulary

from .conftest import inbox_count, new_learner, query
from .reliability import SCALE, Load, subscribers

TOPIC = topic_for("scenario.completed")
CONSUMERS = subscribers()["scenario.completed"]  # every group subscribed to the topic


def poison(n: int, user: uuid.UUID) -> bytes:
    """Three kinds, in turn: not JSON, a schema version no consumer knows, and an invalid event."""
    good = scenario_completed(user_id=user).envelope()
    kinds = (
        b"\x00not json " + str(n).encode(),
        orjson.dumps({**good, "schema_version": 99, "poison": n}),
        orjson.dumps({**good, "score": "very good", "poison": n}),
    )
    return kinds[n % 3]


async def test_poison_interleaved_with_good_events_all_goes_to_the_dlq_and_every_good_one_is_applied(api, kafka, stack):
    learner = await new_learner(api)
    user = uuid.UUID(learner.user_id)
    pids = {consumer: stack.processes[consumer].pid for consumer in CONSUMERS}
    bad = [poison(n, user) for n in range(SCALE.poison_messages)]
    good = [
        scenario_completed(user_id=user, vocabulary_missed=vocabulary(f"palabra{n % 5}")) for n in range(SCALE.poison_messages)
    ]
    producer = AIOKafkaProducer(bootstrap_servers=kafka.bootstrap, acks="all", enable_idempotence=True, linger_ms=5)
    await producer.start()
    try:
        for value in (v for pair in zip(bad, (orjson.dumps(e.envelope()) for e in good), strict=True) for v in pair):
            await producer.send(TOPIC.name, value=value, key=learner.user_id.encode())
        await producer.flush()
    finally:
        await producer.stop()

    ids = {str(event.event_id) for event in good}
    for consumer in CONSUMERS:
        await eventually(lambda c=consumer: _all_in(stack, c, ids), timeout=90)
    dead = await eventually(lambda: _dead_lettered(kafka.bootstrap, set(bad), len(bad) * len(CONSUMERS)), timeout=60)
    assert {(value, consumer) for value, consumer in dead} == {(value, c) for value in bad for c in CONSUMERS}
    # No consumer crashed on them: the same processes are running.
    assert {c: stack.processes[c].pid for c in CONSUMERS} == pids and not stack.dead()


async def _all_in(stack, consumer: str, ids: set[str]) -> bool:
    return await inbox_count(stack, consumer, ids) == len(ids)


async def _dead_lettered(bootstrap: str, values: set[bytes], expected: int) -> list[tuple[bytes, str]] | None:
    reader = AIOKafkaConsumer(
        TOPIC.dlq, bootstrap_servers=bootstrap, group_id=f"dlq-{uuid.uuid4()}", auto_offset_reset="earliest"
    )
    await reader.start()
    found = []
    try:
        while batch := await reader.getmany(timeout_ms=1500):
            for records in batch.values():
                found += [(r.value, dict(r.headers)["dlq.consumer"].decode()) for r in records if r.value in values]
    finally:
        await reader.stop()
    return found if len(found) >= expected else None


async def test_postgresql_restarted_under_load_keeps_every_2xx_and_refuses_the_rest_cleanly(stack, postgres):
    load = Load(stack, learners=SCALE.learners, seconds=600)
    with load:
        await asyncio.sleep(4)
        await asyncio.to_thread(postgres.runner.stop)
        await asyncio.sleep(2)
        await asyncio.to_thread(postgres.runner.start)
        await asyncio.sleep(3)  # the pools reconnect; learners carry on
        recorder = await load.finished(now=True)
    # What failed, failed cleanly: 503 with Retry-After, nothing else.
    unclean = {action: dict(counts) for action, counts in recorder.failures.items() if set(counts) - {503}}
    assert not unclean and recorder.unhinted == 0, "\n".join(recorder.lines())
    # Every run the API said it completed (2xx) is stored as completed, and every account signed up.
    completed = load.completed_runs
    assert completed
    rows = await query(
        stack,
        "scenario",
        "SELECT id FROM runs WHERE status = 'completed' AND id = ANY(CAST(:ids AS uuid[]))",
        ids=list(completed),
    )
    assert {str(run_id) for (run_id,) in rows} == completed
    rows = await query(stack, "gateway", "SELECT count(*) FROM users WHERE id = ANY(CAST(:ids AS uuid[]))", ids=load.learners_ids)
    assert rows[0][0] == len(load.learners_ids)


async def test_a_stopped_service_is_a_503_within_the_deadline_and_every_other_route_still_works(api, stack):
    learner = await new_learner(api)
    stack.processes["organization"].send_signal(signal.SIGSTOP)  # hung, the harder case: nothing answers
    try:
        began = time.monotonic()
        answer = await api.get("/api/v1/collections", headers=learner.headers, timeout=httpx.Timeout(15.0))
        waited = time.monotonic() - began
        assert answer.status_code in (503, 504) and int(answer.headers["retry-after"]) >= 1
        assert waited < 8, f"the gateway waited {waited:.1f} s: longer than its own deadline"
        catalogue = await api.get("/api/v1/scenarios", params={"language": "es"}, headers=learner.headers)
        run = await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in", "language": "es"}, headers=learner.headers)
        assert catalogue.status_code == 200 and run.status_code == 201
    finally:
        stack.processes["organization"].send_signal(signal.SIGCONT)
