"""A service's event consumers: FastStream batch subscribers, inbox-deduplicated, with a
dead-letter topic.

``Consumers`` owns the service's FastStream ``KafkaBroker``. Each consumed event type gets one
batch subscriber in the consumer group (its topic holds only that type): a poll hands it up to
``max_records`` records, which are

1. decoded; a record that cannot be (not JSON, unknown type or schema version, invalid) goes to
   ``<topic>.dlq`` with the error in headers, and the rest of the batch goes on;
2. applied by ``parla.chassis.inbox.BatchApplier`` (the inbox in the same transaction as the
   effect; an event its handler keeps refusing goes to the dead-letter topic too);
3. committed: the offsets of exactly these records, only after their transaction committed.

Facts of FastStream 0.7 this is built around (see docs/architecture.md):

- Acknowledgement is ``AckPolicy.MANUAL``: the default (``ACK_FIRST``) turns on aiokafka's
  auto-commit, and ``KafkaMessage.ack()`` commits the position of every partition the consumer
  holds. Offsets are committed here, per partition, for the records of the batch.
- The subscriber's decoder hands over the raw records: FastStream's own decoding runs before the
  handler, so one undecodable record would fail its whole batch.
- A handler that raises makes FastStream log and fetch the next batch, skipping this one until
  a restart. The handler here never raises: it retries until the batch is applied, or until the
  service stops, and then seeks back so that nothing is skipped.
- Topics are never created by a subscriber (``allow_auto_create_topics=False``): they are made
  with their partitions by whoever runs Kafka (``parla.devstack.topics`` locally).
- FastStream's telemetry middleware starts one trace per batch, with links. Each event's span
  here is instead a child of the trace that produced it, so a learner's action stays one trace.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from opentelemetry import trace

from parla.chassis.db import Database
from parla.chassis.inbox import Applied, BatchApplier, Subscription, retry_batch
from parla.chassis.logging import get_logger
from parla.chassis.messaging import PoisonMessage, decode_event, end_processing, make_producer, processing, start_with_retry
from parla.chassis.metrics import ConsumerMetrics
from parla.chassis.telemetry import carrier_from_kafka_headers, context_from_carrier
from parla.contracts.events import Event
from parla.contracts.topics import DLQ_SUFFIX, topic_for

__all__ = ["Consumers", "Subscription"]

log = get_logger(__name__)
_tracer = trace.get_tracer("parla.messaging")

MAX_RECORDS = 500
BATCH_TIMEOUT_MS = 200


class _Stopping(Exception):
    """The service is stopping in the middle of a batch: commit nothing; it will be redelivered."""


async def _raw_records(message: Any) -> tuple[ConsumerRecord, ...]:
    """The subscriber's decoder: the batch's records as they came, decoded one by one later."""
    return message.raw_message


# What became of a record, on its processing span: "applied", "duplicate" (the inbox had it) or
# "dead_lettered". Operators filter traces on it; it names no learner.
OUTCOME = "parla.outcome"


def _mark_outcomes(spans: dict[int, trace.Span], by_id: dict, outcome: Applied) -> None:
    failed = {f.event.event_id for f in outcome.failed}
    for event_id, record in by_id.items():
        marked = "dead_lettered" if event_id in failed else "duplicate" if event_id in outcome.duplicate_ids else "applied"
        spans[id(record)].set_attribute(OUTCOME, marked)


def _positions(records: Sequence[ConsumerRecord]) -> dict[TopicPartition, tuple[int, int]]:
    """Per partition, the first and the last offset of ``records``."""
    spans: dict[TopicPartition, tuple[int, int]] = {}
    for record in records:
        partition = TopicPartition(record.topic, record.partition)
        first, last = spans.get(partition, (record.offset, record.offset))
        spans[partition] = (min(first, record.offset), max(last, record.offset))
    return spans


def first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else ""


def kafka_group(consumer: str, topic: str) -> str:
    """The Kafka consumer group of one consumer's subscription to one topic.

    One group per topic, not one per service: the members of a group then all subscribe to the
    same topic. With one group for a service's several topics, the group's leader assigns
    partitions from its own metadata, which may lack the other members' topics after a broker
    outage; a subscriber was then left with no partition until the next metadata refresh (five
    minutes). A rebalance of one topic's consumers also no longer stops the others'."""
    return f"{consumer}.{topic}"


def register_subscriber(
    broker: KafkaBroker,
    group: str,
    subscription: Subscription,
    handle: Callable[..., Awaitable[None]],
    max_records: int = MAX_RECORDS,
) -> str:
    """Subscribe ``handle`` to the subscription's topic as ``group``; returns the topic. The same
    registration serves the running consumers and the AsyncAPI catalogue of events
    (``parla.chassis.events_catalogue``), which reads the payload from ``handle``'s annotation."""
    topic = topic_for(subscription.event.event_type).name
    # The batch's type, on the handler's one parameter: FastStream documents the payload from it.
    [parameter] = inspect.signature(handle).parameters
    handle.__annotations__ = {parameter: list[subscription.event], "return": None}
    handle.__name__ = f"{group}_applies_{subscription.event.event_type.replace('.', '_')}"
    broker.subscriber(
        topic,
        group_id=kafka_group(group, topic),
        batch=True,
        max_records=max_records,
        batch_timeout_ms=BATCH_TIMEOUT_MS,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.MANUAL,
        decoder=_raw_records,
        title=f"{group}:{topic}",
        description=f"Consumer group {kafka_group(group, topic)}. {first_line(subscription.apply.__doc__)}".strip(),
    )(handle)
    return topic


# Where the broker's own records go. Not FastStream's "faststream" logger: its import gives that
# one a handler of its own (coloured text, not propagated), so a service's log got lines in
# another format than its JSON.
BROKER_LOGGER = "parla.chassis.broker"
TOPICS_NOT_CREATED = "Auto create topics is disabled"


class _TopicsAreMadeElsewhere(logging.Filter):
    """Drops FastStream's warning, at each subscriber's start, that it will not create its topic:
    subscribers never do here, by design (see above), so the line said nothing on every start."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith(TOPICS_NOT_CREATED))


def broker_logger() -> logging.Logger:
    logger = logging.getLogger(BROKER_LOGGER)
    if not any(isinstance(existing, _TopicsAreMadeElsewhere) for existing in logger.filters):
        logger.addFilter(_TopicsAreMadeElsewhere())
    return logger


class Consumers:
    """The service's consumers and their broker; a worker (``run`` until ``stop``)."""

    def __init__(
        self,
        *,
        bootstrap_servers: str,
        client_id: str,
        metrics: ConsumerMetrics | None = None,
        commit_pause_seconds: float = 0.0,
    ) -> None:
        self._bootstrap = bootstrap_servers
        self._commit_pause = commit_pause_seconds
        self._client_id = client_id
        self._metrics = metrics or ConsumerMetrics()
        self._stop = asyncio.Event()
        self.broker = KafkaBroker(
            bootstrap_servers,
            client_id=client_id,
            allow_auto_create_topics=False,
            # Handlers take the batch as it is and the message from the context: nothing to inject.
            apply_types=False,
            # FastStream logs a line per batch at INFO; the chassis logs what matters itself.
            logger=broker_logger(),
            log_level=logging.DEBUG,
        )
        self._dead_letters = make_producer(bootstrap_servers, client_id=f"{client_id}-dlq")
        self.groups: list[tuple[str, str]] = []  # (consumer group, topic), for the catalogue of events

    def subscribe(
        self,
        *,
        name: str,
        db: Database,
        subscriptions: Sequence[Subscription],
        max_records: int = MAX_RECORDS,
        max_attempts: int = 5,
    ) -> None:
        """Consume each subscription's event type as consumer group ``name``."""
        for subscription in subscriptions:
            applier = BatchApplier(name=name, db=db, subscription=subscription, pause=self._pause, max_attempts=max_attempts)
            topic = register_subscriber(self.broker, name, subscription, self._handler(name, subscription, applier), max_records)
            self.groups.append((name, topic))

    def _handler(self, group: str, subscription: Subscription, applier: BatchApplier) -> Callable[..., Awaitable[None]]:
        topic = topic_for(subscription.event.event_type).name

        async def handle(records: Any) -> None:
            # The broker does not inject arguments (apply_types=False): the message is in its context.
            consumer = self.broker.context.get_local("message").consumer
            try:
                await self._consume(group, topic, applier, records, consumer)
            except Exception:  # a bug: FastStream would skip the batch, so fetch it again instead
                log.exception("batch failed unexpectedly; it will be fetched again", consumer=group, topic=topic)
                self._rewind(consumer, records)
                await asyncio.sleep(1.0)

        return handle

    # --- the worker --------------------------------------------------------------------------

    async def run(self) -> None:
        if not self.groups:
            await self._stop.wait()
            return
        # The dead-letter producer is started first: once it is, the broker answers.
        if not await start_with_retry(self._dead_letters.start, f"dlq producer {self._client_id}", self._stop):
            return
        try:
            if await start_with_retry(self._start_broker, f"consumers {self._client_id}", self._stop):
                log.info("consumers started", groups=[f"{group}:{topic}" for group, topic in self.groups])
                await self._stop.wait()
        finally:
            await self.broker.stop()
            await self._dead_letters.stop()

    async def _start_broker(self) -> None:
        try:
            await self.broker.start()
        except Exception:
            await self.broker.stop()  # what did start, so that the next attempt starts clean
            raise

    def stop(self) -> None:
        self._stop.set()

    async def _pause(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)
        except TimeoutError:
            return
        raise _Stopping

    # --- one batch ---------------------------------------------------------------------------

    async def _consume(
        self, group: str, topic: str, applier: BatchApplier, records: Sequence[ConsumerRecord], consumer: AIOKafkaConsumer
    ) -> None:
        began = time.perf_counter()
        spans = {id(record): self._span(group, record) for record in records}
        try:
            events, by_id = await self._decode(group, records, spans)
            # Events staged by the handlers because of one of these continue its trace.
            token = processing({event_id: trace.set_span_in_context(spans[id(r)]) for event_id, r in by_id.items()})
            try:
                outcome = await self._apply(group, topic, applier, events)
            finally:
                end_processing(token)
            _mark_outcomes(spans, by_id, outcome)
            for failed in outcome.failed:
                record = by_id[failed.event.event_id]
                spans[id(record)].set_status(trace.Status(trace.StatusCode.ERROR, "dead-lettered"))
                await self._dead_letter(group, record, failed.error)
        except _Stopping:
            self._rewind(consumer, records)
            log.info("consumer stopped mid-batch; it will be redelivered", consumer=group, topic=topic)
            return
        finally:
            for span in spans.values():
                span.end()
        following = {partition: last + 1 for partition, (_, last) in _positions(records).items()}
        if self._commit_pause:  # fault injection only (see ServiceSettings.consumer_commit_pause_seconds)
            await asyncio.sleep(self._commit_pause)
        await self._commit(group, consumer, following)
        self._metrics.batch_done(group, topic, outcome, len(records), time.perf_counter() - began)
        self._metrics.record_lag(group, consumer, following)

    def _span(self, group: str, record: ConsumerRecord) -> trace.Span:
        """The record's processing span, a child of the trace that produced the event."""
        return _tracer.start_span(
            f"{record.topic} process",
            context=context_from_carrier(carrier_from_kafka_headers(record.headers)),
            kind=trace.SpanKind.CONSUMER,
            attributes={
                "messaging.system": "kafka",
                "messaging.destination.name": record.topic,
                "messaging.consumer.group.name": group,
                "messaging.kafka.offset": record.offset,
                "messaging.operation.type": "process",
            },
        )

    async def _decode(
        self, group: str, records: Sequence[ConsumerRecord], spans: dict[int, trace.Span]
    ) -> tuple[list[Event], dict]:
        events: list[Event] = []
        by_id = {}
        for record in records:
            try:
                event = decode_event(record.value, topic=record.topic)
            except PoisonMessage as error:
                spans[id(record)].set_status(trace.Status(trace.StatusCode.ERROR, "poison"))
                spans[id(record)].set_attribute(OUTCOME, "dead_lettered")
                await self._dead_letter(group, record, error)
                continue
            events.append(event)
            if event.event_id in by_id:  # the same event twice in one batch: applied once
                spans[id(record)].set_attribute(OUTCOME, "duplicate")
            by_id.setdefault(event.event_id, record)
        return events, by_id

    async def _apply(self, group: str, topic: str, applier: BatchApplier, events: list[Event]):
        while True:
            try:
                return await applier.apply(events)
            except Exception as error:  # the database is away: the partition waits
                if not retry_batch(error):
                    raise
                log.warning("batch could not be applied; retrying", consumer=group, topic=topic, error=str(error))
                self._metrics.batch_retried(group, topic)
                await self._pause(1.0)

    async def _commit(self, group: str, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) -> None:
        """Commit ``offsets``: per partition, the offset after the batch's last record."""
        try:
            await consumer.commit(offsets)
        except Exception as error:  # a rebalance took the partition: the inbox absorbs the redelivery
            log.warning("offset commit failed; the batch may be redelivered", consumer=group, error=str(error))

    @staticmethod
    def _rewind(consumer: AIOKafkaConsumer, records: Sequence[ConsumerRecord]) -> None:
        for partition, (first, _) in _positions(records).items():
            try:
                consumer.seek(partition, first)
            except Exception:  # the partition is no longer assigned: its next owner reads it
                continue

    async def _dead_letter(self, group: str, record: ConsumerRecord, error: Exception) -> None:
        log.error("message dead-lettered", consumer=group, topic=record.topic, offset=record.offset, error=str(error))
        headers = [
            *(record.headers or ()),
            ("dlq.error", str(error)[:4000].encode()),
            ("dlq.error_type", type(error).__name__.encode()),
            ("dlq.consumer", group.encode()),
            ("dlq.original_topic", record.topic.encode()),
            ("dlq.original_partition", str(record.partition).encode()),
            ("dlq.original_offset", str(record.offset).encode()),
        ]
        while True:
            try:
                await self._dead_letters.send_and_wait(
                    record.topic + DLQ_SUFFIX, value=record.value, key=record.key, headers=headers
                )
                self._metrics.dead_lettered(group, record.topic)
                return
            except Exception as exc:  # never drop a message: hold the partition until the DLQ accepts it
                log.warning("dead-letter publish failed; retrying", error=str(exc))
                await self._pause(1.0)
