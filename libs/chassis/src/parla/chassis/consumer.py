"""Inbox-deduplicated consumers: ``(consumer, event_id)`` is recorded in the same transaction as
the handler's effect, the offset is committed only after it, and messages that cannot be decoded
or applied go to ``<topic>.dlq`` with the error in headers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from opentelemetry import trace
from sqlalchemy import (
    insert,
    select,
)
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import Database
from parla.chassis.logging import get_logger
from parla.chassis.messaging import PoisonMessage, decode_event, inbox_table, make_producer, start_with_retry, utcnow
from parla.chassis.telemetry import (
    carrier_from_kafka_headers,
    context_from_carrier,
)
from parla.contracts.events import Event
from parla.contracts.topics import DLQ_SUFFIX, topic_for

log = get_logger(__name__)
_tracer = trace.get_tracer("parla.messaging")


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
        if not await start_with_retry(consumer.start, f"consumer {self.name}", self._stop):
            return
        if not await start_with_retry(dlq.start, f"dlq producer {self.name}", self._stop):
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
                    consumer=self.name, event_id=event.event_id, event_type=event.event_type, processed_at=utcnow()
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
