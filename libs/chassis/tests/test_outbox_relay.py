"""The relay's bookkeeping with a stand-in producer; the real broker is exercised in tests/e2e."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import select

from parla.chassis import relay as relay_module
from parla.chassis.db import Database
from parla.chassis.messaging import add_event, add_events, end_processing, messaging_metadata, outbox_table, processing
from parla.chassis.relay import OutboxRelay
from parla.contracts.events import ScenarioStarted


def started() -> ScenarioStarted:
    return ScenarioStarted(
        run_id=uuid.uuid4(), user_id=uuid.uuid4(), scenario_id="s", language="es", category="travel", difficulty="beginner"
    )


class FlakyProducer:
    """Acknowledges every send except those whose position is in ``refuse`` (0-based)."""

    def __init__(self, refuse: set[int] = frozenset(), hang: set[int] = frozenset()) -> None:
        self.sent: list[tuple[str, bytes, dict]] = []
        self._refuse, self._hang, self._count = refuse, hang, 0

    async def send(self, topic, value, key, headers):
        position, self._count = self._count, self._count + 1
        if position in self._refuse:
            raise ConnectionError("broker unreachable")
        future = asyncio.get_running_loop().create_future()
        if position not in self._hang:
            self.sent.append((topic, value, dict(headers)))
            future.set_result(None)
        return future


@pytest.fixture
async def db(database_with, empty_database_url) -> Database:
    return await database_with(messaging_metadata, url=empty_database_url)


async def pending_rows(db: Database):
    async with db.reading() as session:
        return (await session.execute(select(outbox_table).where(outbox_table.c.sent_at.is_(None)))).mappings().all()


async def stage(db: Database, count: int) -> None:
    for _ in range(count):
        async with db.transaction() as session:
            await add_event(session, started())


async def test_a_rolled_back_transaction_stages_nothing(db):
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await add_event(session, started())
            raise RuntimeError("the use case failed after writing its event")
    assert await pending_rows(db) == []


@pytest.fixture
def tracer_provider(monkeypatch) -> tuple[TracerProvider, InMemorySpanExporter]:
    """A private provider for the relay's spans; the process-wide one is left alone."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setattr(relay_module, "_tracer", provider.get_tracer("parla.messaging"))
    return provider, exporter


async def test_committed_events_are_sent_in_order_as_children_of_the_staging_trace(db, tracer_provider):
    provider, spans = tracer_provider
    with provider.get_tracer("test").start_as_current_span("use case") as use_case:
        await stage(db, 3)
    trace_id = format(use_case.get_span_context().trace_id, "032x")
    producer = FlakyProducer()
    relay = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    assert await relay.publish_pending(producer) == 3
    assert await pending_rows(db) == []
    assert [topic for topic, _, _ in producer.sent] == ["scenario.started"] * 3
    assert all(headers["event_type"] == b"scenario.started" for _, _, headers in producer.sent)
    assert all(headers["traceparent"].decode().split("-")[1] == trace_id for _, _, headers in producer.sent)
    publish = [s for s in spans.get_finished_spans() if s.name == "scenario.started publish"]
    assert len(publish) == 3 and all(s.parent.span_id == use_case.get_span_context().span_id for s in publish)


async def test_events_staged_while_a_batch_is_applied_carry_the_trace_of_the_event_that_caused_each(db, tracer_provider):
    provider, _ = tracer_provider
    tracer = provider.get_tracer("test")
    first, second = started(), started()
    with tracer.start_as_current_span("first applied") as one, tracer.start_as_current_span("second applied") as two:
        pass
    contexts = {first.event_id: trace.set_span_in_context(one), second.event_id: trace.set_span_in_context(two)}
    token = processing(contexts)
    try:
        with tracer.start_as_current_span("the batch") as batch:
            async with db.transaction() as session:
                staged = [(started(), first), (started(), first), (started(), second), (started(), None)]
                await add_events(session, staged)
    finally:
        end_processing(token)
    parents = {row["event_id"]: row["trace_headers"]["traceparent"].split("-")[2] for row in await pending_rows(db)}
    one_id, two_id, batch_id = (format(span.get_span_context().span_id, "016x") for span in (one, two, batch))
    assert [parents[event.event_id] for event, _ in staged] == [one_id, one_id, two_id, batch_id]


async def test_a_refused_send_keeps_that_row_and_the_rest_pending_with_the_error(db):
    await stage(db, 4)
    relay = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    with pytest.raises(ConnectionError):
        await relay.publish_pending(FlakyProducer(refuse={2}))
    still = await pending_rows(db)
    assert len(still) == 2
    assert all(row["attempts"] == 1 and "broker unreachable" in row["last_error"] for row in still)
    retry = FlakyProducer()
    assert await relay.publish_pending(retry) == 2 and await pending_rows(db) == []


async def test_an_unacknowledged_send_times_out_and_stays_pending(db):
    await stage(db, 2)
    relay = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test", send_timeout_seconds=0.2)
    with pytest.raises(TimeoutError):
        await relay.publish_pending(FlakyProducer(hang={1}))
    [row] = await pending_rows(db)
    assert "no acknowledgement" in row["last_error"]


async def test_a_commit_with_events_wakes_the_relay_and_one_without_does_not(db):
    relay = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    async with db.transaction():
        pass
    assert not relay._wake.is_set()
    await stage(db, 1)
    assert relay._wake.is_set()


class HeldProducer:
    """Accepts sends but acknowledges none until ``release`` is called: a hung broker. Once
    released, it acknowledges every send, those still to come included."""

    def __init__(self) -> None:
        self.enqueued = asyncio.Event()
        self._futures: list[asyncio.Future] = []
        self._released = False

    async def send(self, topic, value, key, headers):
        future = asyncio.get_running_loop().create_future()
        self._futures.append(future)
        self.enqueued.set()
        if self._released:
            future.set_result(None)
        return future

    def release(self) -> None:
        self._released = True
        for future in self._futures:
            if not future.done():
                future.set_result(None)


async def test_learners_write_while_the_relay_waits_on_a_hung_broker(db):
    await stage(db, 2)
    relay = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    producer = HeldProducer()
    publishing = asyncio.create_task(relay.publish_pending(producer))
    await producer.enqueued.wait()
    # The relay is waiting on Kafka: a writer must get through now, not after the broker answers.
    # (On SQLite a held write lock would make this wait and then fail with "database is locked".)
    await stage(db, 1)
    assert not publishing.done()
    producer.release()
    assert await publishing == 2
    assert len(await pending_rows(db)) == 1


async def test_rows_claimed_by_one_relay_are_not_sent_by_another_until_the_claim_expires(db, monkeypatch):
    await stage(db, 3)
    first = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    second = OutboxRelay(db=db, bootstrap_servers="unused:1", service="test")
    producer = HeldProducer()
    publishing = asyncio.create_task(first.publish_pending(producer))
    await producer.enqueued.wait()
    other = FlakyProducer()
    assert await second.publish_pending(other) == 0 and other.sent == []
    # The first relay died mid-send (its claim is left behind): once the claim expires, the rows
    # are sent again by whoever looks next. Consumers' inboxes make the second copy harmless.
    publishing.cancel()
    later = relay_module._utcnow() + timedelta(hours=1)
    monkeypatch.setattr(relay_module, "_utcnow", lambda: later)
    assert await second.publish_pending(other) == 3
    assert await pending_rows(db) == []
