"""Decoding and the inbox, on a real database; delivery over a real broker is in tests/e2e."""

from __future__ import annotations

import uuid
from collections import Counter

import orjson
import pytest
from sqlalchemy import Column, MetaData, Table, Uuid, insert, select
from sqlalchemy.exc import OperationalError

from parla.chassis.db import Database
from parla.chassis.inbox import BatchApplier, Subscription
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


# The handlers' own table, in metadata of its own: the chassis' tables are every service's.
handler_metadata = MetaData()
notes = Table("notes", handler_metadata, Column("event_id", Uuid, primary_key=True), Column("user_id", Uuid))


@pytest.fixture
async def db(database_with, empty_database_url) -> Database:
    """Savepoints and bulk inbox writes behave the same on both databases."""
    return await database_with(messaging_metadata, handler_metadata, url=empty_database_url)


class Handler:
    """Writes a note per event in one statement, refusing the events in ``refuse`` (each for
    ``times`` attempts, or always) and failing with ``transient`` while it is set."""

    def __init__(self, refuse: set[uuid.UUID] = frozenset(), times: int | None = None) -> None:
        self.refuse, self.times = refuse, times
        self.calls: list[int] = []  # batch sizes it was given
        self.refusals: Counter = Counter()
        self.transient: Exception | None = None

    async def __call__(self, session, events) -> None:
        self.calls.append(len(events))
        if self.transient is not None:
            raise self.transient
        await session.execute(insert(notes), [{"event_id": e.event_id, "user_id": e.user_id} for e in events])
        for event in events:
            if event.event_id in self.refuse and (self.times is None or self.refusals[event.event_id] < self.times):
                self.refusals[event.event_id] += 1
                raise ValueError(f"cannot apply {event.event_id}")


def applier(db, handler: Handler, max_attempts: int = 3) -> BatchApplier:
    async def no_pause(_seconds: float) -> None:
        return None

    return BatchApplier(
        name="test", db=db, subscription=Subscription(ScenarioStarted, handler), pause=no_pause, max_attempts=max_attempts
    )


async def stored(db) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(events with a note, events in the inbox)."""
    async with db.reading() as session:
        noted = set(await session.scalars(select(notes.c.event_id)))
        remembered = set(await session.scalars(select(inbox_table.c.event_id)))
    return noted, remembered


async def test_a_batch_is_applied_in_one_call_and_a_redelivery_of_it_changes_nothing(db):
    handler = Handler()
    batch = [started() for _ in range(50)]
    first = await applier(db, handler).apply(batch)
    again = await applier(db, handler).apply(batch)
    assert (first.applied, first.duplicates, again.applied, again.duplicates) == (50, 0, 0, 50)
    assert handler.calls == [50]
    assert await stored(db) == ({e.event_id for e in batch},) * 2


async def test_an_event_repeated_inside_one_batch_is_applied_once(db):
    handler = Handler()
    event, other = started(), started()
    outcome = await applier(db, handler).apply([event, other, event])
    assert (outcome.applied, outcome.duplicates) == (2, 1)
    assert await stored(db) == ({event.event_id, other.event_id},) * 2


async def test_an_event_its_handler_refuses_does_not_fail_its_neighbours_and_is_returned_after_its_attempts(db):
    batch = [started() for _ in range(5)]
    bad = batch[2]
    handler = Handler(refuse={bad.event_id})
    outcome = await applier(db, handler, max_attempts=3).apply(batch)
    assert [f.event.event_id for f in outcome.failed] == [bad.event_id]
    assert "cannot apply" in str(outcome.failed[0].error)
    assert handler.refusals[bad.event_id] == 1 + 3  # in the batch, then alone max_attempts times
    good = {e.event_id for e in batch} - {bad.event_id}
    assert await stored(db) == (good, good)  # nothing of the refused event, not even its note
    assert (outcome.applied, outcome.retried) == (4, 2)


async def test_an_event_refused_once_is_applied_on_its_retry(db):
    batch = [started() for _ in range(3)]
    handler = Handler(refuse={batch[0].event_id}, times=2)
    outcome = await applier(db, handler, max_attempts=3).apply(batch)
    assert outcome.failed == [] and outcome.applied == 3
    assert await stored(db) == ({e.event_id for e in batch},) * 2


async def test_an_unreachable_database_fails_the_whole_batch_and_commits_nothing(db):
    handler = Handler()
    handler.transient = OperationalError("INSERT", {}, Exception("disk I/O error"))
    batch = [started() for _ in range(3)]
    with pytest.raises(OperationalError):
        await applier(db, handler).apply(batch)
    assert await stored(db) == (set(), set())
    handler.transient = None
    assert (await applier(db, handler).apply(batch)).applied == 3
