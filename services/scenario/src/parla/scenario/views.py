"""``scenario.viewed``, recorded off the reader's path.

Opening a scenario is a read; the view it records is telemetry. Written in the reader's own
transaction, every view would take the database's write lock (all of it, on SQLite) and make
readers queue behind one another and behind every writer. Instead a view goes into a bounded
in-process buffer, and a background worker writes the buffer to the outbox in one short
transaction about once a second.

The trade-off: a view is staged up to a second after the response, and the views still in the
buffer are lost if the process dies without stopping (a clean stop writes them). When the
buffer is full, for example while the database is unreachable, further views are dropped and
counted in the log. Analytics can afford both; a reader waiting on a lock cannot.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass

from opentelemetry import context as otel_context

from parla.chassis.db import Database
from parla.chassis.logging import get_logger
from parla.chassis.messaging import add_event
from parla.contracts.events import ScenarioViewed

log = get_logger(__name__)

FLUSH_SECONDS = 1.0
MAX_PENDING = 10_000
# Written at once when this many wait, without waiting for the next tick.
FLUSH_AT = 500


@dataclass(frozen=True)
class _Pending:
    event: ScenarioViewed
    # The request's trace context, so the outbox row continues the learner's trace.
    trace: otel_context.Context


class ViewRecorder:
    """Buffers ``scenario.viewed`` events and writes them in batches; a ``Worker`` of the
    service's process (``parla.chassis.runtime``)."""

    def __init__(
        self, *, db: Database, flush_seconds: float = FLUSH_SECONDS, max_pending: int = MAX_PENDING, flush_at: int = FLUSH_AT
    ) -> None:
        self._db = db
        self._flush_seconds = flush_seconds
        self._max_pending = max_pending
        self._flush_at = flush_at
        self._pending: deque[_Pending] = deque()
        self._dropped = 0
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def record(self, event: ScenarioViewed) -> None:
        """Queue a view; never waits. A full buffer drops the view (and counts it)."""
        if len(self._pending) >= self._max_pending:
            self._dropped += 1
            return
        self._pending.append(_Pending(event, otel_context.get_current()))
        if len(self._pending) >= self._flush_at:
            self._wake.set()

    async def flush(self) -> int:
        """Write the waiting views to the outbox in one transaction; returns how many."""
        batch = list(self._pending)
        self._pending.clear()
        if self._dropped:
            log.warning("scenario views dropped: the buffer was full", dropped=self._dropped)
            self._dropped = 0
        if not batch:
            return 0
        try:
            async with self._db.transaction() as session:
                for item in batch:
                    token = otel_context.attach(item.trace)
                    try:
                        await add_event(session, item.event)
                    finally:
                        otel_context.detach(token)
        except Exception:
            # Kept for the next tick, within the bound: the database may be back by then.
            room = self._max_pending - len(self._pending)
            self._pending.extendleft(reversed(batch[:room]))
            self._dropped += max(0, len(batch) - room)
            raise
        return len(batch)

    async def run(self) -> None:
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self._flush_seconds)
            except TimeoutError:
                pass
            self._wake.clear()
            try:
                await self.flush()
            except Exception as error:  # the worker outlives a database outage
                log.warning("scenario views not written; retrying", error=repr(error), pending=len(self._pending))
        await self._final_flush()

    async def _final_flush(self) -> None:
        try:
            await self.flush()
        except Exception as error:
            log.warning("scenario views lost at shutdown", error=repr(error), lost=len(self._pending))

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
