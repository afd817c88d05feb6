"""Kafka delivery as it really happens: duplicates and poison messages on a real broker."""

from __future__ import annotations

import uuid

import httpx
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from parla.contracts.events import ScenarioCompleted
from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually, scenario_completed, vocabulary

from .conftest import Learner, inbox_count, metric, new_learner

TOPIC = topic_for("scenario.completed")


def completion_for(learner: Learner, lemmas: list[str]) -> ScenarioCompleted:
    return scenario_completed(user_id=uuid.UUID(learner.user_id), vocabulary_missed=vocabulary(*lemmas))


async def send(bootstrap: str, key: str, *values: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(TOPIC.name, value=value, key=key.encode())
    finally:
        await producer.stop()


async def progress_and_deck(api, learner: Learner) -> tuple[int, set[str]]:
    progress = (await api.get("/api/v1/progress", headers=learner.headers)).json()
    due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
    return progress["scenarios_completed"], {card["lemma"] for card in due["cards"]}


async def test_the_same_event_delivered_twice_changes_analytics_and_the_deck_once(api, kafka, stack):
    learner = await new_learner(api)
    event = completion_for(learner, ["pasaporte", "llave"])
    duplicate = orjson.dumps(event.envelope())
    # Same key, same partition: once the sentinel is consumed, both copies before it were too.
    sentinel_event = completion_for(learner, ["ascensor"])
    await send(kafka.bootstrap, learner.user_id, duplicate, duplicate, orjson.dumps(sentinel_event.envelope()))

    async def sentinel_consumed():
        progress = (await api.get("/api/v1/progress", headers=learner.headers)).json()
        _, lemmas = await progress_and_deck(api, learner)
        runs = {s["run_id"] for s in progress["recent_sessions"]}
        return (progress, lemmas) if str(sentinel_event.run_id) in runs and "ascensor" in lemmas else None

    progress, lemmas = await eventually(sentinel_consumed)
    assert progress["scenarios_completed"] == 2
    assert lemmas == {"pasaporte", "llave", "ascensor"}
    # Deduplicated by the inbox, not by luck: one inbox row each, and nothing dead-lettered.
    assert await inbox_count(stack, "analytics", {str(event.event_id)}) == 1
    assert await inbox_count(stack, "content", {str(event.event_id)}) == 1
    assert await dead_letters(kafka.bootstrap, duplicate) == []


async def dead_letters(bootstrap: str, value: bytes) -> list[dict[str, str]]:
    consumer = AIOKafkaConsumer(
        TOPIC.dlq, bootstrap_servers=bootstrap, group_id=f"dlq-reader-{uuid.uuid4()}", auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        batch = await consumer.getmany(timeout_ms=2000)
        records = [record for records in batch.values() for record in records]
    finally:
        await consumer.stop()
    return [{k: v.decode() for k, v in record.headers} for record in records if record.value == value]


async def test_poison_messages_go_to_the_dlq_and_consumers_keep_consuming(api, kafka, stack):
    counted = {"consumer": "analytics", "topic": TOPIC.name}
    dead_before = await metric(stack, "analytics", "parla_consumer_events_dead_lettered_total", **counted)
    learner = await new_learner(api)
    garbage = b"\x00not json at all " + uuid.uuid4().bytes
    future_version = orjson.dumps({**completion_for(learner, ["maleta"]).envelope(), "schema_version": 99})
    good = orjson.dumps(completion_for(learner, ["recepción"]).envelope())
    await send(kafka.bootstrap, learner.user_id, garbage, future_version, good)

    async def good_consumed():
        completions, lemmas = await progress_and_deck(api, learner)
        return (completions, lemmas) if completions == 1 and "recepción" in lemmas else None

    _, lemmas = await eventually(good_consumed)
    assert lemmas == {"recepción"}

    async def both_consumers_dead_lettered(value: bytes):
        headers = await dead_letters(kafka.bootstrap, value)
        return headers if {h["dlq.consumer"] for h in headers} == {"analytics", "content", "organization"} else None

    for value, reason in ((garbage, "not JSON"), (future_version, "schema version")):
        headers = await eventually(lambda value=value: both_consumers_dead_lettered(value))
        assert all(reason in h["dlq.error"] and h["dlq.original_topic"] == TOPIC.name for h in headers)
    # The consumer's metrics count what happened: both poison records, and the good one applied.
    assert await metric(stack, "analytics", "parla_consumer_events_dead_lettered_total", **counted) - dead_before == 2
    assert await metric(stack, "analytics", "parla_consumer_events_processed_total", **counted) >= 1
    assert await metric(stack, "analytics", "parla_consumer_batch_size_count", **counted) >= 1
    # And the producing service's outbox reports its backlog (a gauge, present from the start).
    async with httpx.AsyncClient(timeout=10) as client:
        page = (await client.get(stack.config.metrics_url("scenario"))).text
    assert "parla_outbox_unsent " in page and "parla_outbox_oldest_unsent_age_seconds " in page
