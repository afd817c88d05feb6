"""A consumer killed with SIGKILL in the middle of its batches loses nothing and doubles nothing."""

from __future__ import annotations

import asyncio
import signal
import uuid

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from parla.chassis.consumer import kafka_group
from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually, scenario_completed, vocabulary

from .conftest import metric, query

TOPIC = topic_for("scenario.completed").name
EVENTS = 6000
LEARNERS = 300


async def produce(bootstrap: str, learners: list[uuid.UUID]) -> set[str]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=20)
    await producer.start()
    ids, sent = set(), []
    try:
        for n in range(EVENTS):
            user = learners[n % LEARNERS]
            event = scenario_completed(user_id=user, vocabulary_missed=vocabulary(f"palabra{n % 7}"))
            ids.add(str(event.event_id))
            sent.append(await producer.send(TOPIC, value=orjson.dumps(event.envelope()), key=str(user).encode()))
        await asyncio.gather(*sent)
    finally:
        await producer.stop()
    return ids


async def applied(stack, ids: set[str]) -> int:
    rows = await query(stack, "analytics", "SELECT event_id FROM inbox WHERE consumer = 'analytics'")
    return sum(1 for (event_id,) in rows if str(event_id) in ids)


async def committed(bootstrap: str) -> int:
    """How many records of the topic the analytics group has committed, over all partitions."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=kafka_group("analytics", TOPIC), enable_auto_commit=False)
    await reader.start()
    try:
        partitions = range(topic_for("scenario.completed").partitions)
        offsets = [await reader.committed(TopicPartition(TOPIC, p)) for p in partitions]
        return sum(offset or 0 for offset in offsets)
    finally:
        await reader.stop()


async def test_analytics_killed_mid_batch_applies_every_event_exactly_once_after_its_restart(kafka, stack):
    learners = [uuid.uuid4() for _ in range(LEARNERS)]
    committed_before = await committed(kafka.bootstrap)
    # Produced while analytics consumes, and analytics killed at its first effect: the kill lands
    # mid-stream however fast the machine is (the events are not all there to be applied yet).
    producing = asyncio.create_task(produce(kafka.bootstrap, learners))

    async def some_applied():
        rows = await query(stack, "analytics", "SELECT count(*) FROM inbox WHERE consumer = 'analytics'")
        return rows[0][0] if rows[0][0] > inbox_before else None

    [(inbox_before,)] = await query(stack, "analytics", "SELECT count(*) FROM inbox WHERE consumer = 'analytics'")
    await eventually(some_applied, timeout=60, interval=0.02)
    try:
        stack.processes["analytics"].send_signal(signal.SIGKILL)
        stack.processes["analytics"].wait()
        ids = await producing
        at_kill = await applied(stack, ids)
        assert at_kill < EVENTS, "the batches were all applied before the kill; raise EVENTS"
        committed_at_kill = await committed(kafka.bootstrap) - committed_before
        # Offsets never run ahead of effects; what was applied but not committed comes back.
        assert committed_at_kill <= at_kill
    finally:  # the other e2e tests share this stack
        stack.start_process("analytics")
        stack.wait_healthy(timeout=60)

    async def all_applied():
        return True if await applied(stack, ids) == EVENTS else None

    await eventually(all_applied, timeout=120)
    placeholders = ", ".join(f"'{user}'" for user in learners)
    [(sessions,)] = await query(stack, "analytics", f"SELECT count(*) FROM learning_sessions WHERE user_id IN ({placeholders})")
    [(completed,)] = await query(
        stack, "analytics", f"SELECT sum(scenarios_completed) FROM learner_progress WHERE user_id IN ({placeholders})"
    )
    assert (sessions, completed) == (EVENTS, EVENTS)
    # Every redelivered event that had been applied was recognised by the inbox, no more.
    duplicates = await metric(stack, "analytics", "parla_consumer_events_duplicate_total", consumer="analytics", topic=TOPIC)
    assert duplicates == at_kill - committed_at_kill
