"""The transactional outbox's relay: pending rows to Kafka, with no transaction open while the
broker is waited on (claim, commit, send, then mark sent)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from aiokafka import AIOKafkaProducer
from opentelemetry import trace
from sqlalchemy import func, or_, select, update

from parla.chassis.db import Database, assert_no_transaction, is_sqlite
from parla.chassis.logging import get_logger
from parla.chassis.messaging import make_producer, outbox_table, start_with_retry
from parla.chassis.metrics import OutboxMetrics
from parla.chassis.telemetry import (
    context_from_carrier,
    current_carrier,
    kafka_headers,
)

log = get_logger(__name__)
_tracer = trace.get_tracer("parla.messaging")


# How often the relay measures its backlog for the metrics.
BACKLOG_EVERY = 5.0


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """An aggregate over a timestamp column comes back without its type: SQLite gives a naive
    datetime (or its text), PostgreSQL an aware one."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


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
        metrics: OutboxMetrics | None = None,
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
        self._metrics = metrics or OutboxMetrics()
        self._backlog_seen_at = 0.0
        db.on_commit(self.wake)

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    async def run(self) -> None:
        producer = make_producer(self._bootstrap, client_id=f"{self._service}-outbox")
        if not await start_with_retry(producer.start, "outbox producer", self._stop):
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
                await self._observe_backlog()
                if sent >= self._batch:
                    continue
                await self._sleep(self._poll)
        finally:
            await producer.stop()

    async def _observe_backlog(self) -> None:
        """The backlog gauges, at most every ``BACKLOG_EVERY`` seconds (one indexed read)."""
        if time.monotonic() - self._backlog_seen_at < BACKLOG_EVERY:
            return
        self._backlog_seen_at = time.monotonic()
        try:
            async with self._db.reading() as session:
                unsent, oldest = (
                    await session.execute(
                        select(func.count(), func.min(outbox_table.c.created_at)).where(outbox_table.c.sent_at.is_(None))
                    )
                ).one()
        except Exception as exc:  # a gauge is not worth stopping the relay for
            log.debug("outbox backlog not measured", error=str(exc))
            return
        age = (_utcnow() - _aware(oldest)).total_seconds() if oldest is not None else 0.0
        self._metrics.backlog_seen(int(unsent), max(age, 0.0))

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
        self._metrics.published.inc(len(sent))
        self._metrics.failed.inc(len(failures))
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
