"""Fitting a learner's own FSRS-6 parameters: on review logs simulated from a learner whose memory
is not the default one, the fit predicts that learner better than the defaults do, and the
parameters it gives are ones the fsrs package schedules with."""

from __future__ import annotations

import math
import random
import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from parla.content.review.optimizer import (
    MIN_REVIEWS,
    NotEnoughReviews,
    fit_parameters,
    fsrs_parameters,
    log_loss,
    training_items,
)

START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

# A learner who keeps a first memory far longer than the defaults expect and forgets along a
# flatter curve: initial stabilities of 0.6, 3, 9 and 20 days instead of 0.2, 1.3, 2.3 and 8.3.
LEARNER = (0.6, 3.0, 9.0, 20.0, *fsrs.scheduler.DEFAULT_PARAMETERS[4:20], 0.3)


@dataclass(frozen=True)
class Row:
    card_id: int
    reviewed_at: datetime
    rating: int


def simulated_log(cards: int, days: int, seed: int, parameters: tuple[float, ...] = LEARNER) -> list[Row]:
    """A learner's log when the app schedules with the default parameters while the learner's
    memory follows ``parameters``: each review is recalled with the learner's own retrievability
    (a seeded draw), and the learner is sometimes a few days late."""
    rng = random.Random(seed)
    app = fsrs.Scheduler(enable_fuzzing=False)
    memory = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    end = START + timedelta(days=days)
    rows: list[Row] = []
    for card_id in range(cards):
        at = START + timedelta(days=card_id // 20, minutes=rng.randrange(600))  # 20 new cards a day
        scheduled, remembered = fsrs.Card(card_id=card_id), fsrs.Card(card_id=card_id)
        while at < end:
            rating = _rating(rng, memory, remembered, at)
            rows.append(Row(card_id, at, rating))
            scheduled, _ = app.review_card(scheduled, fsrs.Rating(rating), review_datetime=at)
            remembered, _ = memory.review_card(remembered, fsrs.Rating(rating), review_datetime=at)
            late = timedelta(days=rng.choice((0, 0, 0, 1, 2, 4))) if scheduled.state == fsrs.State.Review else timedelta()
            at = max(scheduled.due, at + timedelta(minutes=1)) + late + timedelta(minutes=rng.randrange(120))
    return sorted(rows, key=lambda row: row.reviewed_at)


def _rating(rng: random.Random, memory: fsrs.Scheduler, card: fsrs.Card, at: datetime) -> int:
    if card.last_review is None:
        return rng.choices((1, 2, 3, 4), weights=(0.2, 0.1, 0.6, 0.1))[0]
    if rng.random() >= memory.get_card_retrievability(card, at):
        return 1
    return rng.choices((2, 3, 4), weights=(0.15, 0.75, 0.1))[0]


def shape(item) -> list[tuple[int, int]]:
    """An item's reviews as (rating, days since the previous review); the binding shows them only
    in its repr."""
    return [(int(rating), int(days)) for rating, days in re.findall(r"rating: (\d+), delta_t: (\d+)", repr(item))]


@pytest.fixture(scope="module")
def learner_log() -> list[Row]:
    return simulated_log(cards=300, days=120, seed=7)


def test_the_fit_predicts_the_learners_log_better_than_the_default_parameters(learner_log):
    fit = fit_parameters(learner_log)

    assert fit.reviews_used == len(training_items(learner_log)) >= MIN_REVIEWS
    assert fit.log_loss_before == pytest.approx(log_loss(fsrs.scheduler.DEFAULT_PARAMETERS, training_items(learner_log)))
    assert fit.log_loss_after < fit.log_loss_before


def test_the_fit_predicts_the_same_learners_other_reviews_better_than_the_defaults(learner_log):
    """Not only the reviews it was fitted on: the parameters are the learner's, not the log's."""
    fit = fit_parameters(learner_log)
    later = training_items(simulated_log(cards=300, days=120, seed=8))

    assert log_loss(fit.parameters, later) < log_loss(fsrs.scheduler.DEFAULT_PARAMETERS, later)


def test_the_fit_moves_the_first_memory_towards_the_learners(learner_log):
    """The learner keeps a first "good" for 9 days where the defaults expect 2.3."""
    good_first = fit_parameters(learner_log).parameters[2]

    assert abs(good_first - LEARNER[2]) < abs(fsrs.scheduler.DEFAULT_PARAMETERS[2] - LEARNER[2])


def test_the_fitted_parameters_are_21_finite_numbers_the_fsrs_scheduler_accepts(learner_log):
    parameters = fit_parameters(learner_log).parameters

    assert len(parameters) == 21
    assert all(isinstance(value, float) and math.isfinite(value) for value in parameters)
    assert fsrs.Scheduler(parameters=parameters).parameters == tuple(parameters)


def test_parameters_at_a_bound_in_fsrs_rs_32_bits_are_accepted_by_the_fsrs_scheduler():
    """fsrs-rs holds 0.8, the ceiling of parameters 9, 19 and 20, as 0.800000011920929."""
    at_ceiling = struct.unpack("f", struct.pack("f", 0.8))[0]
    fitted = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    fitted[9] = fitted[19] = fitted[20] = at_ceiling
    with pytest.raises(ValueError):
        fsrs.Scheduler(parameters=fitted)

    parameters = fsrs_parameters(fitted)

    assert fsrs.Scheduler(parameters=parameters).parameters[9] == 0.8
    assert parameters[:9] == fitted[:9]


def test_the_same_log_gives_the_same_fit_whatever_the_order_of_its_rows(learner_log):
    shuffled = list(learner_log)
    random.Random(3).shuffle(shuffled)

    assert fit_parameters(learner_log) == fit_parameters(learner_log) == fit_parameters(shuffled)


def test_a_log_too_short_to_trust_a_fit_raises_not_enough_reviews_saying_how_many_it_has_and_needs():
    short = simulated_log(cards=20, days=60, seed=7)

    with pytest.raises(NotEnoughReviews) as raised:
        fit_parameters(short)

    assert raised.value.have == len(training_items(short)) < MIN_REVIEWS
    assert raised.value.need == MIN_REVIEWS
    assert str(MIN_REVIEWS) in str(raised.value)


def test_an_empty_log_raises_not_enough_reviews():
    with pytest.raises(NotEnoughReviews) as raised:
        fit_parameters([])

    assert (raised.value.have, raised.value.need) == (0, MIN_REVIEWS)


def test_only_a_review_on_a_later_day_than_the_cards_previous_one_is_predicted():
    """Same-day learning steps stay in the history, counted as 0 days, but are never a label."""
    day = START.replace(hour=9)
    rows = [
        Row(1, day, 1),
        Row(1, day + timedelta(minutes=1), 3),
        Row(1, day + timedelta(minutes=11), 3),
        Row(1, day + timedelta(days=1, hours=5), 3),
        Row(1, day + timedelta(days=4), 1),
        Row(1, day + timedelta(days=4, minutes=10), 3),
    ]

    items = training_items(rows)

    assert [shape(item) for item in items] == [
        [(1, 0), (3, 0), (3, 0), (3, 1)],
        [(1, 0), (3, 0), (3, 0), (3, 1), (1, 3)],
    ]


def test_days_between_reviews_are_counted_on_the_learners_calendar():
    """23:30 and 00:30 UTC are two days in London in winter, one evening in New York."""
    rows = [Row(1, START.replace(hour=23, minute=30), 3), Row(1, START.replace(hour=23, minute=30) + timedelta(hours=1), 3)]

    assert [shape(item) for item in training_items(rows, time_zone="Europe/London")] == [[(3, 0), (3, 1)]]
    assert training_items(rows, time_zone="America/New_York") == []


def test_items_come_in_the_order_of_the_reviews_they_predict_across_cards():
    """fsrs-rs weighs later items more: a card's late review must not count as an early one."""
    rows = [
        Row(1, START, 3),
        Row(2, START, 4),
        Row(1, START + timedelta(days=5), 3),
        Row(2, START + timedelta(days=2), 1),
    ]

    assert [shape(item)[-1] for item in training_items(rows)] == [(1, 2), (3, 5)]


def test_a_review_time_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        training_items([Row(1, datetime(2026, 1, 5, 8, 0), 3)])
