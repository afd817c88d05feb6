"""What the review tests share: a clock the test moves, learners, and a deck to review."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import fsrs

from parla.chassis.auth import Principal
from parla.content.review.deck import DeckService
from parla.content.review.sessions import ReviewInput, ReviewSessions

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Reviewing:
    deck: DeckService
    sessions: ReviewSessions
    clock: Clock
    learner: Principal = field(default_factory=lambda: learner())

    async def card(self, word: str, *, language: str = "es", caller: Principal | None = None) -> str:
        view = await self.deck.add(caller or self.learner, language=language, front=word, back=f"({word})", tags=[])
        return str(view.card.id)

    async def rate(
        self, card_id: str, rating: str, *, at: datetime | None = None, review_id: str | None = None, session: str = ""
    ):
        item = ReviewInput(review_id or str(uuid.uuid4()), card_id, rating, reviewed_at=at, session_id=session)
        return await self.sessions.record(self.learner, item)


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


def exact_fsrs(desired_retention: float = 0.9) -> fsrs.Scheduler:
    """The fsrs package itself, unfuzzed: what the deck's scheduling must equal."""
    return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=False)
