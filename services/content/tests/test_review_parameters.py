"""A learner's own FSRS parameters on SQLite and PostgreSQL: fitted from their log in a worker
process, refused with what is missing when the log is short, and used for their reviews after."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import fsrs
import pytest
from sqlalchemy import insert

from parla.chassis.errors import Conflict
from parla.content.documents.runner import run_inline
from parla.content.review.db import ReviewLogRow
from parla.content.review.parameters import PersonalParameters

from .review_fixtures import Reviewing


async def simulated_log(db, reviewing: Reviewing, cards: int, days: int, seed: int = 5) -> None:
    """The review log of a learner who remembers better than FSRS's defaults expect: each card
    scheduled by the defaults, recalled with the probability a stronger memory gives."""
    rng = random.Random(seed)
    schedule = fsrs.Scheduler(enable_fuzzing=False)
    strong = fsrs.Scheduler(parameters=[value * (1.6 if n < 4 else 1.0) for n, value in enumerate(schedule.parameters)])
    rows, start = [], reviewing.clock.now
    for n in range(cards):
        card, remembered_card = fsrs.Card(card_id=n, due=start), fsrs.Card(card_id=n, due=start)
        at = start + timedelta(minutes=n)
        while at < start + timedelta(days=days):
            recall = strong.get_card_retrievability(remembered_card, at) if remembered_card.last_review else 1.0
            rating = fsrs.Rating.Good if rng.random() < recall else fsrs.Rating.Again
            card, _ = schedule.review_card(card, rating, review_datetime=at)
            remembered_card, _ = strong.review_card(remembered_card, rating, review_datetime=at)
            rows.append(_log(reviewing.learner.user_id, n, rating, at))
            at = card.due
    async with db.transaction() as session:
        await session.execute(insert(ReviewLogRow), rows)


def _log(user_id: uuid.UUID, card: int, rating: fsrs.Rating, at) -> dict:
    return {
        "id": uuid.uuid4(),
        "user_id": user_id,
        "client_review_id": uuid.uuid4(),
        "card_id": uuid.UUID(int=card + 1),
        "rating": int(rating),
        "reviewed_at": at,
        "recorded_at": at,
        "retrievability": 0.0,
        "state_before": 0,
        "state_after": 2,
        "due_after": at,
    }


async def test_a_short_log_is_refused_with_how_many_reviews_a_fit_needs(db, reviewing: Reviewing):
    card_id = await reviewing.card("uno")
    await reviewing.rate(card_id, "good")
    with pytest.raises(Conflict, match="needs 400"):
        await PersonalParameters(db=db, runner=run_inline, clock=reviewing.clock).optimize(reviewing.learner)


async def test_a_fitted_learner_is_scheduled_with_their_own_parameters(db, reviewing: Reviewing):
    await simulated_log(db, reviewing, cards=300, days=120)
    report = await PersonalParameters(db=db, runner=run_inline, clock=reviewing.clock).optimize(reviewing.learner)
    assert report.reviews_used >= 400 and len(report.parameters) == 21
    assert report.log_loss_after < report.log_loss_before
    preferences = await reviewing.sessions.settings(reviewing.learner)
    assert preferences.parameters == tuple(report.parameters)
    card_id = await reviewing.card("nuevo")
    result = await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=1))
    expected, _ = fsrs.Scheduler(parameters=report.parameters, enable_fuzzing=False).review_card(
        fsrs.Card(card_id=result.card.fsrs_card_id, due=result.card.created_at),
        fsrs.Rating.Good,
        review_datetime=reviewing.clock.now,
    )
    assert result.card.stability == pytest.approx(expected.stability), "the first stability comes from the fitted parameters"
