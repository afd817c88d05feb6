"""Transactional outbox, inbox-deduplicated consumers and dead-lettering on Kafka.

- A use case writes its state change and its events in one transaction (``add_event``).
- ``OutboxRelay`` publishes pending rows with an idempotent, ``acks=all`` producer, keeps the
  stored ``traceparent`` and marks rows sent; it is woken by commits and also polls.
- ``EventConsumer`` records ``(consumer, event_id)`` in the same transaction as the handler's
  effect, commits the offset only after that transaction, and sends messages it cannot decode
  or validate (or that keep failing) to ``<topic>.dlq`` with the error in headers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from opentelemetry import trace
from pydantic import ValidationError
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import EVENTS_ADDED, Database, UTCDateTime, assert_no_transaction, is_sqlite
from parla.chassis.logging import get_logger
from parla.chassis.telemetry import (
    carrier_from_kafka_headers,
    context_from_carrier,
    current_carrier,
    kafka_headers,
)
from parla.contracts.events import EVENT_MODELS, Event
from parla.contracts.topics import DLQ_SUFFIX, topic_for

log = get_logger(__name__)
_tracer = trace.get_tracer("parla.messaging")

messaging_metadata = MetaData()

outbox_table = Table(
    "outbox",
    messaging_metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("event_id", Uuid, nullable=False, unique=True),
    Column("event_type", String(100), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("trace_headers", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("sent_at", UTCDateTime()),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    # Set by the relay that is sending the row; another relay leaves it alone until then.
    Column("claimed_until", UTCDateTime()),
    # Pending rows are what the relay scans; a partial index keeps that scan small forever.
    Index("ix_outbox_pending", "id", postgresql_where=Column("sent_at").is_(None), sqlite_where=Column("sent_at").is_(None)),
)

inbox_table = Table(
    "inbox",
    messaging_metadata,
    Column("consumer", String(100), primary_key=True),
    Column("event_id", Uuid, primary_key=True),
    Column("event_type", String(100), nullable=False),
    Column("processed_at", UTCDateTime(), nullable=False),
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


async def add_event(session: AsyncSession, event: Event) -> None:
    """Stage ``event`` for publishing; it is sent only if the surrounding transaction commits."""
    topic = topic_for(event.event_type)
    await session.execute(
        insert(outbox_table).values(
            event_id=event.event_id,
            event_type=event.event_type,
            topic=topic.name,
            key=event.partition_key(),
            payload=orjson.dumps(event.envelope()),
            trace_headers=current_carrier(),
            created_at=_utcnow(),
            attempts=0,
        )
    )
    session.info[EVENTS_ADDED] = True


def make_producer(bootstrap_servers: str, *, client_id: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        request_timeout_ms=15_000,
        retry_backoff_ms=200,
    )


async def _start_with_retry(start: Callable[[], Awaitable[None]], what: str, stop: asyncio.Event) -> bool:
    """Start a Kafka client, retrying while the broker is unreachable. False if asked to stop."""
    delay = 0.5
    while not stop.is_set():
        try:
            await start()
            return True
        except Exception as exc:  # any start failure is retried the same way
            log.warning("kafka client could not start; retrying", client=what, error=str(exc), retry_in=delay)
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
            except TimeoutError:
                pass
            delay = min(delay * 2, 2.0)
    return False


class OutboxRelay:
    def __init__(
        self,
        *,
        db: Database,
        bootstrap_servers: str,
        service: str,
        poll_seconds: float = 1.0,
        batch_size: int = 100,
        send_timeout_seconds: float = 20.0,
    ) -> None:
        self._db = db
        self._bootstrap = bootstrap_servers
        self._service = service
        self._poll = poll_seconds
        self._batch = batch_size
        self._send_timeout = send_timeout_seconds
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._skip_locked = not is_sqlite(str(db.engine.url))
        db.on_commit(self.wake)

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    async def run(self) -> None:
        producer = make_producer(self._bootstrap, client_id=f"{self._service}-outbox")
        if not await _start_with_retry(producer.start, "outbox producer", self._stop):
            return
        log.info("outbox relay started")
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    sent = await self.publish_pending(producer)
                except Exception as exc:  # the relay must outlive broker and DB outages
                    log.warning("outbox publish failed; will retry", error=str(exc))
                    sent = 0
                    await self._sleep(1.0)
                if sent >= self._batch:
                    continue
                await self._sleep(self._poll)
        finally:
            await producer.stop()

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        except TimeoutError:
            pass

    async def publish_pending(self, producer: AIOKafkaProducer) -> int:
        """Send one batch of pending rows; returns how many Kafka acknowledged.

        Three steps, and no transaction is open while Kafka is waited on (a hung broker must not
        hold SQLite's write lock, or PostgreSQL row locks, while learners write):
        1. claim a batch in a short transaction (``claimed_until``: other relays skip it);
        2. hand the rows to the producer in id order (so per-key order holds) and await the
           acknowledgements together: one round trip per batch rather than per event;
        3. mark the acknowledged rows sent, and release the failed ones with their error, in a
           second short transaction. A relay that dies between 1 and 3 leaves its claim to
           expire; the rows are then sent again, which idempotent consumers make harmless.
        """
        rows = await self._claim()
        if not rows:
            return 0
        outcomes = await self._send_all(producer, rows)
        sent = [row["id"] for row, error in zip(rows, outcomes, strict=True) if error is None]
        failures = [(row, error) for row, error in zip(rows, outcomes, strict=True) if error is not None]
        await self._settle(sent, failures)
        if failures:
            raise failures[0][1]
        return len(sent)

    async def _claim(self) -> list[Mapping]:
        now = _utcnow()
        # Long enough for a whole send (enqueue and acknowledgement) to finish or time out.
        until = now + timedelta(seconds=2 * self._send_timeout + 5)
        async with self._db.transaction() as session:
            claimable = or_(outbox_table.c.claimed_until.is_(None), outbox_table.c.claimed_until < now)
            query = (
                select(outbox_table)
                .where(outbox_table.c.sent_at.is_(None), claimable)
                .order_by(outbox_table.c.id)
                .limit(self._batch)
            )
            if self._skip_locked:
                query = query.with_for_update(skip_locked=True)
            rows = (await session.execute(query)).mappings().all()
            if rows:
                ids = [row["id"] for row in rows]
                await session.execute(update(outbox_table).where(outbox_table.c.id.in_(ids)).values(claimed_until=until))
        return list(rows)

    async def _settle(self, sent: list[int], failures: list[tuple[Mapping, Exception]]) -> None:
        async with self._db.transaction() as session:
            if sent:
                await session.execute(
                    update(outbox_table).where(outbox_table.c.id.in_(sent)).values(sent_at=_utcnow(), claimed_until=None)
                )
            for row, error in failures:
                await session.execute(
                    update(outbox_table)
                    .where(outbox_table.c.id == row["id"])
                    .values(
                        attempts=outbox_table.c.attempts + 1,
                        last_error=f"{type(error).__name__}: {error}"[:2000],
                        claimed_until=None,
                    )
                )

    async def _send_all(self, producer: AIOKafkaProducer, rows: list[Mapping]) -> list[Exception | None]:
        assert_no_transaction("Kafka (outbox relay)")
        spans = [self._publish_span(row) for row in rows]
        pending: list[asyncio.Future | Exception] = []
        for row, span in zip(rows, spans, strict=True):
            if pending and isinstance(pending[-1], Exception):
                # The broker refused or is unreachable: do not queue the rest behind it.
                pending.append(pending[-1])
                continue
            with trace.use_span(span, end_on_exit=False):
                headers = [*kafka_headers(current_carrier()), ("event_type", row["event_type"].encode())]
            try:
                enqueue = producer.send(row["topic"], value=row["payload"], key=row["key"].encode(), headers=headers)
                pending.append(await asyncio.wait_for(enqueue, timeout=self._send_timeout))
            except Exception as exc:  # recorded on the row, retried next round
                pending.append(exc)
        futures = [p for p in pending if not isinstance(p, Exception)]
        if futures:
            # asyncio.wait, not wait_for(gather): a timeout must not cancel the sends that did finish.
            await asyncio.wait(futures, timeout=self._send_timeout)
        outcomes: list[Exception | None] = []
        for item, span in zip(pending, spans, strict=True):
            if isinstance(item, Exception):
                error: Exception | None = item
            elif not item.done() or item.cancelled():
                item.cancel()
                error = TimeoutError(f"no acknowledgement from Kafka within {self._send_timeout} s")
            else:
                error = item.exception()  # type: ignore[assignment]
            if error is not None:
                span.record_exception(error)
                span.set_status(trace.StatusCode.ERROR, str(error))
            span.end()
            outcomes.append(error)
        return outcomes

    @staticmethod
    def _publish_span(row: Mapping) -> trace.Span:
        return _tracer.start_span(
            f"{row['topic']} publish",
            context=context_from_carrier(row["trace_headers"] or {}),
            kind=trace.SpanKind.PRODUCER,
            attributes={
                "messaging.system": "kafka",
                "messaging.destination.name": row["topic"],
                "messaging.message.id": str(row["event_id"]),
                "messaging.operation.type": "publish",
            },
        )


class PoisonMessage(Exception):
    """A message no retry can fix: undecodable, unknown schema version, or invalid."""


def decode_event(value: bytes | None, *, topic: str | None = None) -> Event:
    """The event in a Kafka message value; ``PoisonMessage`` when there is none to be had."""
    try:
        data = orjson.loads(value or b"")
    except orjson.JSONDecodeError as exc:
        raise PoisonMessage(f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise PoisonMessage("not a JSON object")
    event_type, version = data.get("event_type"), data.get("schema_version")
    model = EVENT_MODELS.get((event_type, version)) if isinstance(event_type, str) and isinstance(version, int) else None
    if model is None:
        raise PoisonMessage(f"unknown event type or schema version {(event_type, version)!r}")
    if topic is not None and topic_for(event_type).name != topic:
        raise PoisonMessage(f"a {event_type} event does not belong on topic {topic}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise PoisonMessage(f"invalid {event_type}: {exc.errors(include_url=False)}") from exc


E = TypeVar("E", bound=Event)


@dataclass(frozen=True)
class Subscription(Generic[E]):
    """``handler`` applies one event type's effect inside the consumer's transaction."""

    event: type[E]
    handler: Callable[[AsyncSession, E], Awaitable[None]]


# Failures that say nothing about the message: the database or network is away. They are retried
# for as long as they last (the partition waits); anything else is retried a few times and then
# dead-lettered, so one bad event cannot stop a consumer for good.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, OSError, TimeoutError)


class _Stopping(Exception):
    """Raised inside the consume loop when a stop was requested mid-message: commit nothing."""


class EventConsumer:
    """Consumes a set of event types as one consumer group, exactly-once in effect."""

    def __init__(
        self,
        *,
        name: str,
        db: Database,
        bootstrap_servers: str,
        subscriptions: list[Subscription],
        max_attempts: int = 5,
    ) -> None:
        self.name = name
        self._db = db
        self._bootstrap = bootstrap_servers
        self._subscriptions = {s.event.event_type: s for s in subscriptions}
        self._topics = sorted({topic_for(event_type).name for event_type in self._subscriptions})
        self._max_attempts = max_attempts
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            *self._topics,
            bootstrap_servers=self._bootstrap,
            group_id=self.name,
            client_id=self.name,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        dlq = make_producer(self._bootstrap, client_id=f"{self.name}-dlq")
        if not await _start_with_retry(consumer.start, f"consumer {self.name}", self._stop):
            return
        if not await _start_with_retry(dlq.start, f"dlq producer {self.name}", self._stop):
            await consumer.stop()
            return
        log.info("consumer started", consumer=self.name, topics=self._topics)
        try:
            while not self._stop.is_set():
                batch = await consumer.getmany(timeout_ms=500, max_records=100)
                for partition, records in batch.items():
                    for record in records:
                        await self._process(record, dlq)
                        await self._commit(consumer, partition, record.offset + 1)
        except _Stopping:
            log.info("consumer stopped mid-message; it will be redelivered", consumer=self.name)
        finally:
            await consumer.stop()
            await dlq.stop()

    async def _commit(self, consumer: AIOKafkaConsumer, partition, offset: int) -> None:
        try:
            await consumer.commit({partition: offset})
        except Exception as exc:  # the inbox makes the redelivery that follows harmless
            log.warning("offset commit failed; the message may be redelivered", consumer=self.name, error=str(exc))

    async def _pause(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)
        except TimeoutError:
            return
        raise _Stopping

    async def _process(self, record: ConsumerRecord, dlq: AIOKafkaProducer) -> None:
        parent = context_from_carrier(carrier_from_kafka_headers(record.headers))
        with _tracer.start_as_current_span(
            f"{record.topic} process",
            context=parent,
            kind=trace.SpanKind.CONSUMER,
            attributes={
                "messaging.system": "kafka",
                "messaging.destination.name": record.topic,
                "messaging.consumer.group.name": self.name,
                "messaging.kafka.offset": record.offset,
                "messaging.operation.type": "process",
            },
        ):
            try:
                event = decode_event(record.value, topic=record.topic)
                subscription = self._subscriptions.get(event.event_type)
                if subscription is None:
                    raise PoisonMessage(f"consumer {self.name} has no handler for {event.event_type}")
            except PoisonMessage as exc:
                await self._dead_letter(dlq, record, exc)
                return
            failures = 0
            while True:
                try:
                    await self._handle_once(event, subscription)
                    return
                except TRANSIENT_ERRORS as exc:
                    log.warning("handler cannot reach its database; retrying", consumer=self.name, error=str(exc))
                    await self._pause(1.0)
                except Exception as exc:  # retried, then dead-lettered with the error
                    failures += 1
                    log.warning(
                        "handler failed", consumer=self.name, event_id=str(event.event_id), attempt=failures, error=str(exc)
                    )
                    if failures >= self._max_attempts:
                        await self._dead_letter(dlq, record, exc)
                        return
                    await self._pause(min(0.2 * 2**failures, 5.0))

    async def _handle_once(self, event: Event, subscription: Subscription) -> None:
        async with self._db.transaction() as session:
            seen = await session.scalar(
                select(inbox_table.c.event_id).where(
                    inbox_table.c.consumer == self.name, inbox_table.c.event_id == event.event_id
                )
            )
            if seen is not None:
                log.info("duplicate event skipped", consumer=self.name, event_id=str(event.event_id))
                return
            # The primary key on (consumer, event_id) also rejects a concurrent duplicate, whose
            # transaction then rolls back with its effect.
            await session.execute(
                insert(inbox_table).values(
                    consumer=self.name, event_id=event.event_id, event_type=event.event_type, processed_at=_utcnow()
                )
            )
            await subscription.handler(session, event)

    async def _dead_letter(self, dlq: AIOKafkaProducer, record: ConsumerRecord, error: Exception) -> None:
        log.error("message dead-lettered", consumer=self.name, topic=record.topic, offset=record.offset, error=str(error))
        headers = [
            *(record.headers or ()),
            ("dlq.error", str(error)[:4000].encode()),
            ("dlq.error_type", type(error).__name__.encode()),
            ("dlq.consumer", self.name.encode()),
            ("dlq.original_topic", record.topic.encode()),
            ("dlq.original_partition", str(record.partition).encode()),
            ("dlq.original_offset", str(record.offset).encode()),
        ]
        while True:
            try:
                await dlq.send_and_wait(record.topic + DLQ_SUFFIX, value=record.value, key=record.key, headers=headers)
                return
            except Exception as exc:  # never drop a message: hold the partition until the DLQ accepts it
                log.warning("dead-letter publish failed; retrying", error=str(exc))
                await self._pause(1.0)
