"""A learner's numbers: what is due, how much they review, how much they truly retain against what
they asked for, how strong their memories are, and how well FSRS's predictions match what they
actually recalled (calibration, the view other apps do not show their learners).

All read from the deck and the review log with a few grouped queries on the learner's indexes.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.content.db import CardRow
from parla.content.review.db import ReviewLogRow
from parla.content.review.domain import QUEUE_LEARNING, QUEUE_REVIEW, STATE_REVIEW, day_start, local_date, midnight
from parla.content.review.repository import ReviewRepository

# A card counts as mature, for true retention, once FSRS expects it remembered for three weeks
# (Anki calls a card mature from a 21-day interval).
MATURE_DAYS = 21.0
HISTORY_DAYS = 30
STABILITY_BINS = (1.0, 7.0, 21.0, 90.0, 365.0)  # upper bounds in days; the last bin is open
CALIBRATION_BINS = 10  # predicted recall in tenths
AGAIN = 1


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CalibrationBin:
    low: float
    high: float
    reviews: int
    predicted: float  # mean predicted recall of its reviews
    actual: float  # share of its reviews not rated "again"


@dataclass(frozen=True)
class ReviewStats:
    due_today: int
    due_tomorrow: int
    due_this_week: int
    reviews_per_day: list[tuple[date, int]]  # the learner's last HISTORY_DAYS days (their dates), oldest first
    mature_reviews: int
    true_retention: float | None  # None until a mature card has been reviewed
    desired_retention: float
    stability: list[tuple[float, float | None, int]]  # (from days, to days or None, cards)
    calibration: list[CalibrationBin]


class ReviewStatistics:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def stats(self, caller: Principal) -> ReviewStats:
        now, user_id = self._clock(), caller.user_id
        async with self._db.reading() as session:
            preferences = await ReviewRepository(session).preferences(user_id)
            today = day_start(now, preferences.time_zone)
            due = await _due_counts(session, user_id, _day_ends(now, preferences.time_zone, (1, 2, 7)))
            per_day = await _reviews_per_day(session, user_id, today - timedelta(days=HISTORY_DAYS), preferences.time_zone)
            mature, kept = await _true_retention(session, user_id)
            stability = await _stability(session, user_id)
            calibration = await _calibration(session, user_id)
        local_today = local_date(now, preferences.time_zone)
        days = [local_today - timedelta(days=HISTORY_DAYS - 1 - n) for n in range(HISTORY_DAYS)]
        return ReviewStats(
            due_today=due[0],
            due_tomorrow=due[1] - due[0],
            due_this_week=due[2],
            reviews_per_day=[(day, per_day.get(day, 0)) for day in days],
            mature_reviews=mature,
            true_retention=kept / mature if mature else None,
            desired_retention=preferences.desired_retention,
            stability=stability,
            calibration=calibration,
        )


def _day_ends(now: datetime, time_zone: str, days: tuple[int, ...]) -> list[datetime]:
    """The ends (UTC) of the learner's day and the following ones."""
    today = local_date(now, time_zone)
    return [midnight(today + timedelta(days=n), time_zone) for n in days]


async def _due_counts(session, user_id: uuid.UUID, ends: list[datetime]) -> list[int]:
    """Learning and review cards due before each of ``ends`` (new cards wait to be started, not
    to be reviewed; suspended ones are out): two ranges of the queue index."""
    columns = [func.sum(case((CardRow.due < end, 1), else_=0)) for end in ends]
    row = (
        await session.execute(
            select(*columns).where(
                CardRow.user_id == user_id, CardRow.queue.in_((QUEUE_LEARNING, QUEUE_REVIEW)), CardRow.due < ends[-1]
            )
        )
    ).one()
    return [int(value or 0) for value in row]


async def _reviews_per_day(session, user_id: uuid.UUID, since: datetime, time_zone: str) -> dict[date, int]:
    """Reviews per date in the learner's time zone, since ``since`` (days are counted here: SQLite
    and PostgreSQL share no function for a date in a time zone)."""
    zone = ZoneInfo(time_zone)
    rows = await session.scalars(
        select(ReviewLogRow.reviewed_at).where(ReviewLogRow.user_id == user_id, ReviewLogRow.reviewed_at >= since)
    )
    return dict(Counter(reviewed_at.astimezone(zone).date() for reviewed_at in rows))


async def _true_retention(session, user_id: uuid.UUID) -> tuple[int, int]:
    """(reviews of mature cards, those not rated "again")."""
    row = (
        await session.execute(
            select(func.count(), func.sum(case((ReviewLogRow.rating != AGAIN, 1), else_=0))).where(
                ReviewLogRow.user_id == user_id,
                ReviewLogRow.state_before == STATE_REVIEW,
                ReviewLogRow.stability_before >= MATURE_DAYS,
            )
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


async def _stability(session, user_id: uuid.UUID) -> list[tuple[float, float | None, int]]:
    bounds = [0.0, *STABILITY_BINS]
    which = case(*[(CardRow.stability < high, n) for n, high in enumerate(STABILITY_BINS)], else_=len(STABILITY_BINS))
    rows = await session.execute(
        select(which, func.count()).where(CardRow.user_id == user_id, CardRow.stability.is_not(None)).group_by(which)
    )
    counts = {int(n): int(count) for n, count in rows}
    return [(bounds[n], STABILITY_BINS[n] if n < len(STABILITY_BINS) else None, counts.get(n, 0)) for n in range(len(bounds))]


async def _calibration(session, user_id: uuid.UUID) -> list[CalibrationBin]:
    """Reviews of cards FSRS had a memory of, a day or more after the card's previous review
    (within a day fsrs predicts a recall of 1: learning steps would crowd the top tenth), binned
    by the recall it predicted (tenths), with the mean prediction and the share actually recalled
    in each. The bin is a CASE of bounds: casting to an integer truncates on SQLite and rounds
    on PostgreSQL."""
    which = case(
        *[(ReviewLogRow.retrievability < (n + 1) / CALIBRATION_BINS, n) for n in range(CALIBRATION_BINS - 1)],
        else_=CALIBRATION_BINS - 1,
    )
    rows = await session.execute(
        select(
            which,
            func.count(),
            func.avg(ReviewLogRow.retrievability),
            func.sum(case((ReviewLogRow.rating != AGAIN, 1), else_=0)),
        )
        .where(
            ReviewLogRow.user_id == user_id,
            ReviewLogRow.state_before != 0,
            ReviewLogRow.stability_before.is_not(None),
            ReviewLogRow.elapsed_days >= 1,
        )
        .group_by(which)
    )
    found: dict[int, tuple[int, float, int]] = {}
    for n, count, mean, kept in rows:
        n = min(int(n), CALIBRATION_BINS - 1)  # a recall of exactly 1 joins the top tenth
        have = found.get(n, (0, 0.0, 0))
        found[n] = (have[0] + count, have[1] + float(mean) * count, have[2] + int(kept))
    bins = []
    for n in range(CALIBRATION_BINS):
        count, total, kept = found.get(n, (0, 0.0, 0))
        mean, actual = (total / count, kept / count) if count else (0.0, 0.0)
        bins.append(CalibrationBin(n / CALIBRATION_BINS, (n + 1) / CALIBRATION_BINS, count, mean, actual))
    return bins
