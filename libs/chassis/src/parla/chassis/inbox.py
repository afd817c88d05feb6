"""Applying a batch of events exactly once in effect, with set-based handlers.

A consumer hands a batch of decoded events of one type to ``BatchApplier.apply``:

1. one transaction checks the whole batch against the inbox in one query, gives the events not
   seen before to the subscription's handler at once (it writes them with set-based
   statements), and records them in the inbox in the same transaction;
2. when the handler fails on the batch, the same transaction applies the events one by one,
   each in its own savepoint, so that one bad event does not fail its neighbours;
3. the events that failed are retried alone, each attempt in a new transaction after a pause
   with no transaction open, and the ones that still fail are returned for the dead-letter topic.

A failure that says nothing about the events (the database is away: ``transient``) is not
the events' fault: it leaves ``apply`` and the caller retries the batch, which the inbox makes
harmless.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import Database, database_unavailable
from parla.chassis.logging import get_logger
from parla.chassis.messaging import inbox_table, utcnow
from parla.contracts.events import Event

log = get_logger(__name__)

E = TypeVar("E", bound=Event)


# Failures that say nothing about the events: the database or network is away. The batch is
# retried for as long as they last (the partition waits). An IntegrityError at the batch level
# comes from the inbox: a concurrent duplicate committed first, and a retry skips it.
def transient(error: BaseException) -> bool:
    return database_unavailable(error) or isinstance(error, OSError)


def retry_batch(error: BaseException) -> bool:
    return transient(error) or isinstance(error, IntegrityError)


@dataclass(frozen=True)
class Subscription(Generic[E]):
    """``apply`` writes the effect of a batch of one event type's events, in the order they
    arrived, inside the consumer's transaction; it should use set-based statements (one bulk
    insert or upsert for the batch, not one round trip per event). It is also called with a
    single event when a batch is applied one by one."""

    event: type[E]
    apply: Callable[[AsyncSession, Sequence[E]], Awaitable[None]]


def newest_per_key(events: Iterable[E], key: Callable[[E], Hashable], at: Callable[[E], datetime] | None = None) -> list[E]:
    """The newest event (by ``at``, by default its ``occurred_at``) of each key in a batch, for a
    handler that keeps a row's latest state: one statement may touch a row once, and an older
    change must not overwrite a newer one."""
    when = at or (lambda event: event.occurred_at)
    found: dict[Hashable, E] = {}
    for event in events:
        k = key(event)
        if k not in found or when(event) >= when(found[k]):
            found[k] = event
    return list(found.values())


@dataclass(frozen=True)
class Failed:
    """An event its handler refused on every attempt: it goes to the dead-letter topic."""

    event: Event
    error: Exception


@dataclass
class Applied:
    """What ``apply`` did with a batch."""

    applied: int = 0
    duplicates: int = 0
    retried: int = 0
    failed: list[Failed] = field(default_factory=list)
    duplicate_ids: set[uuid.UUID] = field(default_factory=set)  # skipped: the inbox had them


Pause = Callable[[float], Awaitable[None]]


def _first_of_each(events: Sequence[Event]) -> tuple[list[Event], int]:
    """The batch without repeats of an event (a redelivery inside one batch), in order."""
    seen: set[uuid.UUID] = set()
    unique = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            unique.append(event)
    return unique, len(events) - len(unique)


class BatchApplier:
    def __init__(self, *, name: str, db: Database, subscription: Subscription, pause: Pause, max_attempts: int = 5) -> None:
        self.name = name
        self._db = db
        self._subscription = subscription
        self._pause = pause
        self._max_attempts = max_attempts

    async def apply(self, events: Sequence[Event]) -> Applied:
        """Applies each event of ``events`` this consumer has not applied before. Raises what
        ``retry_batch`` says is worth retrying: then nothing of the batch was committed."""
        unique, repeated = _first_of_each(events)
        outcome = Applied(duplicates=repeated)
        refused = await self._apply_batch(unique, outcome)
        attempt = 1
        while refused and attempt < self._max_attempts:
            attempt += 1
            outcome.retried += len(refused)
            await self._pause(min(0.2 * 2**attempt, 5.0))  # with no transaction open
            refused = await self._apply_one_by_one(refused, outcome)
        outcome.failed = [Failed(event, error) for event, error in refused]
        return outcome

    async def _apply_batch(self, events: list[Event], outcome: Applied) -> list[tuple[Event, Exception]]:
        async with self._db.transaction() as session:
            fresh = await self._not_seen(session, events, outcome)
            if not fresh:
                return []
            try:
                async with session.begin_nested():
                    await self._subscription.apply(session, fresh)
            except Exception as error:  # isolate the event(s) at fault, below
                if transient(error):
                    raise
                log.warning("batch handler failed; applying its events one by one", consumer=self.name, error=str(error))
                return await self._each_in_savepoint(session, fresh, outcome)
            await self._remember(session, fresh)
            outcome.applied += len(fresh)
            return []

    async def _apply_one_by_one(self, events: list[tuple[Event, Exception]], outcome: Applied) -> list[tuple[Event, Exception]]:
        async with self._db.transaction() as session:
            fresh = await self._not_seen(session, [event for event, _ in events], outcome)
            return await self._each_in_savepoint(session, fresh, outcome)

    async def _each_in_savepoint(
        self, session: AsyncSession, events: list[Event], outcome: Applied
    ) -> list[tuple[Event, Exception]]:
        refused: list[tuple[Event, Exception]] = []
        done = []
        for event in events:
            try:
                async with session.begin_nested():
                    await self._subscription.apply(session, [event])
            except Exception as error:  # this event alone: retried, then dead-lettered
                if transient(error):
                    raise
                log.warning("handler failed", consumer=self.name, event_id=str(event.event_id), error=str(error))
                refused.append((event, error))
            else:
                done.append(event)
        await self._remember(session, done)
        outcome.applied += len(done)
        return refused

    async def _not_seen(self, session: AsyncSession, events: list[Event], outcome: Applied) -> list[Event]:
        """``events`` less those the inbox holds: one query for the whole batch."""
        if not events:
            return []
        seen = set(
            await session.scalars(
                select(inbox_table.c.event_id).where(
                    inbox_table.c.consumer == self.name, inbox_table.c.event_id.in_([e.event_id for e in events])
                )
            )
        )
        if seen:
            outcome.duplicates += len(seen)
            outcome.duplicate_ids |= seen
            log.info("duplicate events skipped", consumer=self.name, count=len(seen))
        return [event for event in events if event.event_id not in seen]

    async def _remember(self, session: AsyncSession, events: list[Event]) -> None:
        """The inbox rows of ``events``, in the transaction of their effect. Its primary key on
        (consumer, event_id) also rejects a concurrent duplicate, whose transaction then rolls
        back with its effect."""
        if events:
            now = utcnow()
            await session.execute(
                insert(inbox_table),
                [
                    {"consumer": self.name, "event_id": e.event_id, "event_type": e.event_type, "processed_at": now}
                    for e in events
                ],
            )
