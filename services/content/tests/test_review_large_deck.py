"""A learner with 100,000 cards on SQLite and PostgreSQL: the next card is still the one most
likely forgotten, the counts stop at the day's limits, and each queue is read from its index."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import fsrs
from sqlalchemy import insert, text

from parla.content.db import CardRow
from parla.content.review.domain import QUEUE_NEW, QUEUE_REVIEW

from .review_fixtures import START, Reviewing

CARDS = 100_000


def rows(user_id: uuid.UUID, count: int, rng: random.Random) -> list[dict]:
    """Review cards overdue by up to a year with stabilities from 1 to 300 days, a quarter new."""
    made = []
    for n in range(count):
        new = n % 4 == 0
        last = START - timedelta(days=rng.uniform(2, 400))
        stability = rng.uniform(1, 300)
        made.append(
            {
                "id": uuid.uuid4(),
                "user_id": user_id,
                "language": "es",
                "front": f"palabra {n}",
                "back": "-",
                "key": f"palabra {n}",
                "source_kind": "manual",
                "source_id": "bench",
                "fsrs_card_id": n,
                "state": int(fsrs.State.Learning if new else fsrs.State.Review),
                "step": 0 if new else None,
                "stability": None if new else stability,
                "difficulty": None if new else 5.0,
                "due": START - timedelta(days=rng.uniform(0, 30)) if new else last + timedelta(days=stability),
                "last_review": None if new else last,
                "created_at": START - timedelta(days=30),
                "queue": QUEUE_NEW if new else QUEUE_REVIEW,
                "reps": 0 if new else 3,
                "lapses": 0,
                "tags": [],
            }
        )
    return made


async def test_a_100000_card_deck_shows_its_most_forgotten_card_first_and_counts_up_to_the_limits(
    db, backend, reviewing: Reviewing
):
    user_id = reviewing.learner.user_id
    deck = rows(user_id, CARDS, random.Random(3))
    # The card most surely forgotten: reviewed long ago with a memory of one day, due earliest.
    forgotten = deck[1]
    forgotten.update(stability=0.5, last_review=START - timedelta(days=500), due=START - timedelta(days=499))
    async with db.transaction() as session:
        for start in range(0, CARDS, 5_000):
            await session.execute(insert(CardRow.__table__), deck[start : start + 5_000])
    session_view = await reviewing.sessions.start(reviewing.learner)
    assert (session_view.review_due, session_view.new_available) == (200, 20), "counted up to the day's limits"
    shown = await reviewing.sessions.next_card(reviewing.learner, str(session_view.session.id))
    assert shown.card.card.id == forgotten["id"]
    assert shown.retrievability < 0.5, "likelier forgotten than remembered"

    explain = "EXPLAIN QUERY PLAN" if backend == "sqlite" else "EXPLAIN"
    async with db.reading() as session:
        if backend == "postgresql":
            await session.execute(text("ANALYZE cards"))
        plan = "\n".join(
            str(row[-1])
            for row in await session.execute(
                text(
                    f"{explain} SELECT id FROM cards WHERE user_id = :user AND queue = 2 AND due <= :now "
                    "AND (buried_until IS NULL OR buried_until <= :now) ORDER BY due, id LIMIT 500"
                ),
                {"user": user_id.hex if backend == "sqlite" else user_id, "now": START},
            )
        )
    assert "ix_cards_user_queue_due" in plan, plan
