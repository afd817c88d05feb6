"""A review as it arrives (checked and parsed), and what recording it writes: the log row and
the ``review.recorded`` event."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import fsrs

from parla.chassis.errors import InvalidArgument, one_of
from parla.content.db import CardRow
from parla.content.review.db import ReviewLogRow
from parla.content.review.domain import RATING_NAMES, RATINGS, STATE_NAMES, Reviewed
from parla.contracts.events import MemoryState, ReviewRecorded


@dataclass(frozen=True)
class ReviewInput:
    client_review_id: str
    card_id: str
    rating: str
    reviewed_at: datetime | None = None
    duration_ms: int | None = None
    session_id: str = ""


@dataclass(frozen=True)
class ParsedReview:
    source: ReviewInput
    client_review_id: uuid.UUID
    card_id: uuid.UUID
    rating: fsrs.Rating
    session_id: uuid.UUID | None

    def at(self, now: datetime, skew: timedelta = timedelta(0)) -> datetime:
        """When it happened: the client's time less its clock's ``skew`` ahead of ours, and never
        later than now."""
        given = self.source.reviewed_at
        return now if given is None else min(given.astimezone(UTC) - skew, now)


def clock_skew(reviews: list[ParsedReview], now: datetime) -> timedelta:
    """How far ahead of ours a client's clock runs, from the latest time in its batch: taken off
    every review of the batch, so that the time between them is kept (clamping each to now would
    squeeze a fast phone's reviews into one moment)."""
    given = [review.source.reviewed_at.astimezone(UTC) for review in reviews if review.source.reviewed_at is not None]
    return max(timedelta(0), max(given) - now) if given else timedelta(0)


def parse_review(item: ReviewInput) -> ParsedReview:
    def uuid_of(value: str, field: str) -> uuid.UUID:
        try:
            return uuid.UUID(value)
        except ValueError:
            raise InvalidArgument(f"{field} must be a UUID, not {value!r}", details={field: "not a UUID"}) from None

    one_of(item.rating, tuple(RATINGS), "rating")
    return ParsedReview(
        source=item,
        client_review_id=uuid_of(item.client_review_id, "client_review_id"),
        card_id=uuid_of(item.card_id, "card_id"),
        rating=RATINGS[item.rating],
        session_id=uuid_of(item.session_id, "session_id") if item.session_id else None,
    )


def log_row(card: CardRow, item: ParsedReview, done: Reviewed, now: datetime) -> ReviewLogRow:
    return ReviewLogRow(
        id=uuid.uuid4(),
        user_id=card.user_id,
        client_review_id=item.client_review_id,
        card_id=card.id,
        session_id=item.session_id,
        rating=int(item.rating),
        reviewed_at=done.reviewed_at,
        recorded_at=now,
        duration_ms=item.source.duration_ms,
        elapsed_days=done.elapsed_days,
        retrievability=done.retrievability,
        state_before=done.before.state,
        stability_before=done.before.stability,
        difficulty_before=done.before.difficulty,
        state_after=done.after.state,
        stability_after=done.after.stability,
        difficulty_after=done.after.difficulty,
        due_after=done.card.due,
    )


def recorded_event(card: CardRow, log: ReviewLogRow, done: Reviewed) -> ReviewRecorded:
    def memory(state: int, stability: float | None, difficulty: float | None) -> MemoryState:
        return MemoryState(state=STATE_NAMES[state], stability=stability, difficulty=difficulty)

    return ReviewRecorded(
        review_id=log.id,
        user_id=card.user_id,
        card_id=card.id,
        language=card.language,
        rating=RATING_NAMES[done.rating],
        reviewed_at=done.reviewed_at,
        elapsed_days=done.elapsed_days,
        retrievability=done.retrievability,
        before=memory(log.state_before, log.stability_before, log.difficulty_before),
        after=memory(log.state_after, log.stability_after, log.difficulty_after),
        next_due=done.card.due,
        session_id=log.session_id,
        duration_ms=log.duration_ms,
    )
