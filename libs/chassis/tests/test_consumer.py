"""Decoding and the inbox, on a real database; delivery over a real broker is in tests/e2e."""

from __future__ import annotations

import uuid

import orjson
import pytest
from sqlalchemy import func, select

from parla.chassis.consumer import EventConsumer, Subscription
from parla.chassis.db import Database, make_engine
from parla.chassis.messaging import PoisonMessage, decode_event, inbox_table, messaging_metadata
from parla.contracts.events import ScenarioStarted


def started() -> ScenarioStarted:
    return ScenarioStarted(
        run_id=uuid.uuid4(), user_id=uuid.uuid4(), scenario_id="s", language="es", category="travel", difficulty="beginner"
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"\xff\x00", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (orjson.dumps({**started().envelope(), "schema_version": 7}), "unknown event type or schema version"),
        (orjson.dumps({"event_type": "nobody.knows", "schema_version": 1}), "unknown event type"),
        (orjson.dumps({**started().envelope(), "user_id": "not-a-uuid"}), "invalid scenario.started"),
        (None, "not JSON"),
        (orjson.dumps({"event_type": ["a", "list"], "schema_version": 1}), "unknown event type"),
        (orjson.dumps({"event_type": "scenario.started", "schema_version": "1"}), "unknown event type"),
    ],
)
def test_poison_is_recognised_with_a_reason(value, reason):
    with pytest.raises(PoisonMessage, match=reason):
        decode_event(value)


def test_a_valid_message_decodes_to_its_model():
    event = started()
    assert decode_event(orjson.dumps(event.envelope()), topic="scenario.started") == event


def test_an_event_on_another_events_topic_is_poison():
    with pytest.raises(PoisonMessage, match="does not belong on topic"):
        decode_event(orjson.dumps(started().envelope()), topic="scenario.completed")


@pytest.fixture
async def db(tmp_path):
    database = Database(make_engine(f"sqlite+aiosqlite:///{tmp_path / 'inbox.db'}"))
    async with database.engine.begin() as connection:
        await connection.run_sync(messaging_metadata.create_all)
    yield database
    await database.dispose()


async def test_the_inbox_applies_an_event_once_and_a_failed_attempt_leaves_no_trace(db):
    seen: list[uuid.UUID] = []
    fail_next = True

    async def handler(_session, event):
        nonlocal fail_next
        seen.append(event.event_id)
        if fail_next:
            fail_next = False
            raise RuntimeError("database hiccup")

    subscription = Subscription(ScenarioStarted, handler)
    consumer = EventConsumer(name="test", db=db, bootstrap_servers="unused:1", subscriptions=[subscription])
    event = started()
    with pytest.raises(RuntimeError):
        await consumer._handle_once(event, subscription)
    await consumer._handle_once(event, subscription)  # the retry
    await consumer._handle_once(event, subscription)  # a redelivery
    assert seen == [event.event_id, event.event_id]
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(inbox_table)) == 1
