"""A learner's review numbers on SQLite and PostgreSQL, from their deck and their review log."""

from __future__ import annotations

from datetime import timedelta

import pytest

from parla.content.review.stats import HISTORY_DAYS, ReviewStatistics

from .review_fixtures import START, Reviewing, learner


def statistics(db, reviewing: Reviewing) -> ReviewStatistics:
    return ReviewStatistics(db=db, clock=reviewing.clock)


async def mature(reviewing: Reviewing, word: str) -> str:
    """A card FSRS expects to be remembered for weeks."""
    card_id = await reviewing.card(word)
    await reviewing.rate(card_id, "easy")
    for days in (10, 30):
        await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=days))
    return card_id


async def test_due_counts_split_today_tomorrow_and_the_week_and_leave_new_and_suspended_cards_out(db, reviewing: Reviewing):
    await reviewing.card("nuevo")  # new: to be started, not due
    stepping = await reviewing.card("paso")
    await reviewing.rate(stepping, "again")  # a learning step due in minutes
    suspended = await reviewing.card("fuera")
    await reviewing.rate(suspended, "again")
    await reviewing.deck.change(reviewing.learner, suspended, "suspend")
    learnt = await reviewing.card("tres")
    await reviewing.rate(learnt, "good")
    await reviewing.rate(learnt, "good", at=reviewing.clock.advance(minutes=10))  # due in a few days
    stats = await statistics(db, reviewing).stats(reviewing.learner)
    assert (stats.due_today, stats.due_tomorrow, stats.due_this_week) == (1, 0, 2)


async def test_reviews_per_day_are_counted_on_the_learners_own_dates(db, reviewing: Reviewing):
    await reviewing.sessions.update_settings(reviewing.learner, time_zone="Asia/Tokyo")
    card_id = await reviewing.card("uno")
    reviewing.clock.now = START.replace(hour=14)  # 23:00 in Tokyo
    await reviewing.rate(card_id, "good")
    reviewing.clock.advance(hours=2)  # 01:00 the next day in Tokyo
    await reviewing.rate(card_id, "good")
    await reviewing.rate(card_id, "good", at=reviewing.clock.advance(minutes=10))
    stats = await statistics(db, reviewing).stats(reviewing.learner)
    assert len(stats.reviews_per_day) == HISTORY_DAYS
    assert [count for _, count in stats.reviews_per_day[-2:]] == [1, 2]
    assert stats.reviews_per_day[-1][0] == (START + timedelta(days=1)).date()


async def test_true_retention_is_the_share_of_mature_reviews_not_forgotten(db, reviewing: Reviewing):
    cards = [await mature(reviewing, word) for word in ("sol", "luna", "mar", "cielo")]
    reviewing.clock.advance(days=60)
    for card_id, rating in zip(cards, ["good", "good", "hard", "again"], strict=True):
        await reviewing.rate(card_id, rating)
    stats = await statistics(db, reviewing).stats(reviewing.learner)
    assert stats.mature_reviews >= 4
    assert stats.true_retention == pytest.approx((stats.mature_reviews - 1) / stats.mature_reviews)
    assert stats.desired_retention == 0.9


async def test_calibration_bins_hold_every_review_of_a_remembered_card_with_its_prediction_and_outcome(db, reviewing: Reviewing):
    cards = [await mature(reviewing, word) for word in ("pan", "vino", "sal")]
    reviewing.clock.advance(days=3000)  # long enough that recall has fallen well below 0.8
    for card_id, rating in zip(cards, ["again", "again", "good"], strict=True):
        await reviewing.rate(card_id, rating)
    stats = await statistics(db, reviewing).stats(reviewing.learner)
    assert len(stats.calibration) == 10
    assert sum(b.reviews for b in stats.calibration) == 3 * 3, "every review but the first of each card"
    for calibration_bin in stats.calibration:
        if calibration_bin.reviews:
            assert calibration_bin.low <= calibration_bin.predicted <= calibration_bin.high
            assert 0 <= calibration_bin.actual <= 1
    late = [b for b in stats.calibration if b.reviews and b.high <= 0.8]
    assert sum(b.reviews for b in late) == 3, "the three reviews years late are predicted as poorly recalled"
    assert sum(b.actual * b.reviews for b in late) == pytest.approx(1), "and one of them was recalled"


async def test_the_stability_distribution_counts_each_remembered_card_once(db, reviewing: Reviewing):
    await mature(reviewing, "árbol")
    young = await reviewing.card("hoja")
    await reviewing.rate(young, "again")
    await reviewing.card("flor")  # new: no memory yet
    stats = await statistics(db, reviewing).stats(reviewing.learner)
    assert sum(count for _, _, count in stats.stability) == 2
    assert stats.stability[0][:2] == (0.0, 1.0) and stats.stability[-1][1] is None
    assert stats.stability[0][2] == 1, "a card just forgotten has a memory of under a day"


async def test_a_learner_with_no_reviews_has_empty_numbers_and_no_retention_yet(db, reviewing: Reviewing):
    stats = await statistics(db, reviewing).stats(learner())
    assert (stats.due_today, stats.mature_reviews, stats.true_retention) == (0, 0, None)
    assert all(b.reviews == 0 for b in stats.calibration)
