"""Deadline mode: a learner who must know a language's cards by a date (an exam, a trip) sets it
with the recall they want on that day. Until the day has passed, every review of those cards is
scheduled at a retention of at least that recall (``domain.retention_for``), and setting the
deadline brings forward each review card whose predicted recall would fall below the target
before it is next due: it becomes due when its recall reaches the target
(``domain.days_until_recall``), so that it is seen in time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound, one_of
from parla.content.review.db import ReviewDeadlineRow
from parla.content.review.domain import DEADLINE_RECALL_RANGE, DEFAULT_DEADLINE_RECALL, days_until_recall, midnight, scheduler
from parla.content.review.repository import ReviewRepository
from parla.language import LANGUAGES

# Cards rescheduled per transaction when a deadline is set: a deck of a million cards is brought
# forward in short transactions, never one that holds every card.
BATCH = 1_000


def _now() -> datetime:
    return datetime.now(UTC)


class ReviewDeadlines:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def deadlines(self, caller: Principal) -> list[ReviewDeadlineRow]:
        async with self._db.reading() as session:
            found = await ReviewRepository(session).deadlines(caller.user_id, self._clock())
        return sorted(found.values(), key=lambda row: row.ends_at)

    async def set(
        self, caller: Principal, *, language: str, on: str, target: float | None = None
    ) -> tuple[ReviewDeadlineRow, int]:
        """The deadline, and how many cards were brought forward for it."""
        one_of(language, LANGUAGES, "language")
        low, high = DEADLINE_RECALL_RANGE
        target = DEFAULT_DEADLINE_RECALL if target is None else target
        if not low <= target <= high:
            raise InvalidArgument(f"the target recall goes from {low} to {high}", details={"target": "out of range"})
        day = _date(on)
        now = self._clock()
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            preferences = await reviews.preferences(caller.user_id)
            ends_at = midnight(day + timedelta(days=1), preferences.time_zone)
            if ends_at <= now:
                raise InvalidArgument(f"{on} has passed; choose a date from today on", details={"on": "in the past"})
            row = ReviewDeadlineRow(
                user_id=caller.user_id, language=language, on=day.isoformat(), ends_at=ends_at, target=target, created_at=now
            )
            await reviews.put_deadline(row)
        moved = await self._bring_forward(caller, language, target, ends_at, preferences.parameters, now)
        return row, moved

    async def clear(self, caller: Principal, *, language: str) -> None:
        one_of(language, LANGUAGES, "language")
        async with self._db.transaction() as session:
            if not await ReviewRepository(session).clear_deadline(caller.user_id, language):
                raise NotFound(f"no deadline for {language}")

    async def _bring_forward(
        self, caller: Principal, language: str, target: float, ends_at: datetime, parameters, now: datetime
    ) -> int:
        """Review cards due after their recall falls below ``target``, where that happens before
        the deadline ends, become due when it reaches the target (now, if it already has). The
        cards are walked in due order on the queue index, a batch per short transaction."""
        schedule, moved, after = scheduler(target, fuzz=False, parameters=parameters), 0, (now, None)
        while True:
            async with self._db.transaction() as session:
                cards = await ReviewRepository(session).review_cards_due_after(caller.user_id, language, after, BATCH)
                for card in cards:
                    if card.stability is None or card.last_review is None:
                        continue
                    in_time = card.last_review + timedelta(days=days_until_recall(schedule, card.stability, target))
                    if in_time < card.due and in_time < ends_at:
                        card.due = max(in_time, now)
                        moved += 1
            if len(cards) < BATCH:
                return moved
            after = (cards[-1].due, cards[-1].id)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"{value!r} is not a date; send YYYY-MM-DD", details={"on": "not a date"}) from None
