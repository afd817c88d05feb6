"""What the outbox and the consumers share: the outbox and inbox tables, staging an event in a
use case's transaction (``add_event``), the Kafka producer settings, and decoding events.

- ``parla.chassis.relay.OutboxRelay`` publishes the staged rows.
- ``parla.chassis.consumer.Consumers`` apply events in batches exactly once in effect
  (``parla.chassis.inbox``), and send what they cannot decode or apply to ``<topic>.dlq``.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextvars import ContextVar, Token
from datetime import UTC, datetime

import orjson
from aiokafka import AIOKafkaProducer
from opentelemetry import context as otel_context
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
)
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import EVENTS_ADDED, UTCDateTime
from parla.chassis.logging import get_logger
from parla.chassis.telemetry import (
    current_carrier,
)
from parla.contracts.events import EVENT_MODELS, Event
from parla.contracts.topics import topic_for

log = get_logger(__name__)

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


def utcnow() -> datetime:
    return datetime.now(UTC)


# While a consumer applies a batch: each event's processing context, by event id, so that an
# event staged because of it (``caused_by``) continues its trace.
_processing: ContextVar[Mapping[uuid.UUID, otel_context.Context] | None] = ContextVar("parla_processing_contexts", default=None)


def processing(contexts: Mapping[uuid.UUID, otel_context.Context]) -> Token:
    """Set by the consumer around a batch (reset with the token it returns)."""
    return _processing.set(contexts)


def end_processing(token: Token) -> None:
    _processing.reset(token)


async def add_event(session: AsyncSession, event: Event, *, caused_by: Event | None = None) -> None:
    """Stage ``event`` for publishing; it is sent only if the surrounding transaction commits."""
    await add_events(session, [(event, caused_by)])


async def add_events(session: AsyncSession, events: Sequence[tuple[Event, Event | None]]) -> None:
    """Stage several events in one statement: (event, the consumed event that caused it, if any).
    Each carries the trace of its cause when a consumer is applying it, else the current one."""
    if not events:
        return
    now, current, contexts = utcnow(), current_carrier(), _processing.get() or {}
    # A consumed event often causes several (a card for each word a completed run missed): its
    # trace headers are made once for all of them.
    caused: dict[uuid.UUID, dict[str, str]] = {}
    rows = []
    for event, cause in events:
        headers = current
        if cause is not None and (context := contexts.get(cause.event_id)) is not None:
            if cause.event_id not in caused:
                caused[cause.event_id] = current_carrier(context)
            headers = caused[cause.event_id]
        rows.append(
            {
                "event_id": event.event_id,
                "event_type": event.event_type,
                "topic": topic_for(event.event_type).name,
                "key": event.partition_key(),
                "payload": orjson.dumps(event.envelope()),
                "trace_headers": headers,
                "created_at": now,
                "attempts": 0,
            }
        )
    # One row is one plain INSERT; more are sent as multi-row statements.
    await session.execute(insert(outbox_table), rows[0] if len(rows) == 1 else rows)
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


async def start_with_retry(start: Callable[[], Awaitable[None]], what: str, stop: asyncio.Event) -> bool:
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
