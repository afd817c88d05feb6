"""Deadline mode on SQLite and PostgreSQL: until a language's deadline has passed its cards are
scheduled to be recalled at the target on that day, and setting one brings forward the cards
that would fall below it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import fsrs
import pytest

from parla.chassis.errors import InvalidArgument, NotFound
from parla.content.db import CardRow
from parla.content.review.deadlines import ReviewDeadlines
from parla.content.review.domain import days_until_recall, retention_for, scheduler

from .review_fixtures import START, Reviewing


def deadlines(db, reviewing: Reviewing) -> ReviewDeadlines:
    return ReviewDeadlines(db=db, clock=reviewing.clock)


async def learnt(reviewing: Reviewing, word: str) -> str:
    card_id = await reviewing.card(word)
    await reviewing.rate(card_id, "easy")
    await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=12))
    return card_id


def test_days_until_recall_follows_fsrs_forgetting_curve():
    schedule = scheduler(0.9, fuzz=False)
    for stability, recall in ((3.0, 0.9), (40.0, 0.95), (200.0, 0.8)):
        days = days_until_recall(schedule, stability, recall)
        card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability, last_review=START, due=START)
        at = START + timedelta(days=round(days))
        assert schedule.get_card_retrievability(card, at) == pytest.approx(recall, abs=0.01)
    assert days_until_recall(schedule, 10.0, 0.9) == pytest.approx(10.0), "stability is the time to 90%"


def test_a_deadline_raises_the_retention_to_its_target_and_never_lowers_it():
    assert (retention_for(0.85, None), retention_for(0.85, 0.95), retention_for(0.97, 0.9)) == (0.85, 0.95, 0.97)


async def test_setting_a_deadline_brings_forward_the_cards_that_would_fall_below_the_target_before_their_review(
    db, reviewing: Reviewing
):
    cards = [await learnt(reviewing, word) for word in ("examen", "viaje")]
    async with db.reading() as session:
        before = {card_id: (await session.get(CardRow, uuid.UUID(card_id))).due for card_id in cards}
    on = (reviewing.clock.now + timedelta(days=60)).date().isoformat()
    row, moved = await deadlines(db, reviewing).set(reviewing.learner, language="es", on=on, target=0.97)
    assert (row.on, row.target, moved) == (on, 0.97, 2)
    async with db.reading() as session:
        for card_id in cards:
            card = await session.get(CardRow, uuid.UUID(card_id))
            assert card.due < before[card_id]
            expected = card.last_review + timedelta(days=days_until_recall(scheduler(0.97, fuzz=False), card.stability, 0.97))
            assert card.due == max(expected, reviewing.clock.now)


async def test_while_a_deadline_is_ahead_reviews_are_scheduled_at_its_target_and_after_it_at_the_learners_retention(
    db, reviewing: Reviewing
):
    on = (reviewing.clock.now + timedelta(days=30)).date().isoformat()
    await deadlines(db, reviewing).set(reviewing.learner, language="es", on=on, target=0.97)

    async def interval() -> timedelta:
        card_id = await reviewing.card(f"palabra{uuid.uuid4().hex[:5]}")
        await reviewing.rate(card_id, "easy")
        result = await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=8))
        return result.card.due - result.card.last_review

    during = await interval()
    reviewing.clock.advance(days=40)  # the deadline has passed
    assert await interval() > during


async def test_a_deadline_in_the_past_an_unknown_date_or_target_out_of_range_is_refused(db, reviewing: Reviewing):
    service = deadlines(db, reviewing)
    yesterday = (START - timedelta(days=1)).date().isoformat()
    for kwargs, field in (
        ({"on": yesterday}, "on"),
        ({"on": "next friday"}, "on"),
        ({"on": "2026-12-24", "target": 0.5}, "target"),
        ({"on": "2026-12-24", "language": "nl"}, "language"),
    ):
        with pytest.raises(InvalidArgument) as refused:
            await service.set(reviewing.learner, **{"language": "es", **kwargs})
        assert field in refused.value.details


async def test_deadlines_are_listed_until_they_pass_and_can_be_cleared(db, reviewing: Reviewing):
    service = deadlines(db, reviewing)
    await service.set(reviewing.learner, language="es", on=(START + timedelta(days=3)).date().isoformat())
    await service.set(reviewing.learner, language="fr", on=(START + timedelta(days=9)).date().isoformat())
    assert [row.language for row in await service.deadlines(reviewing.learner)] == ["es", "fr"]
    await service.clear(reviewing.learner, language="fr")
    reviewing.clock.advance(days=5)
    assert await service.deadlines(reviewing.learner) == []
    with pytest.raises(NotFound):
        await service.clear(reviewing.learner, language="fr")


async def test_a_card_that_stays_above_the_target_until_the_deadline_is_not_brought_forward(db, reviewing: Reviewing):
    card_id = await learnt(reviewing, "lejos")
    async with db.reading() as session:
        before = (await session.get(CardRow, uuid.UUID(card_id))).due
    tomorrow = (reviewing.clock.now + timedelta(days=1)).date().isoformat()
    _, moved = await deadlines(db, reviewing).set(reviewing.learner, language="es", on=tomorrow, target=0.8)
    async with db.reading() as session:
        assert (moved, (await session.get(CardRow, uuid.UUID(card_id))).due) == (0, before)
