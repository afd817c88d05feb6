"""A learner's own FSRS-6 parameters, fitted from their review log. No I/O here.

The fit is FSRS's reference optimizer, fsrs-rs (the one Anki runs), through its Python binding
``fsrs_rs_python``: the ``fsrs`` package's own Optimizer needs torch, whose Linux wheels bring the
CUDA runtime. Both are the same FSRS-6 model with the same 21 parameters, so what fsrs-rs fits is
what ``fsrs.Scheduler(parameters=...)`` schedules with.

fsrs-rs learns from *items*: a card's history up to one review, labelled by whether that review
was recalled (any rating but again). Only a review on a later day than the one before it is a
label (same-day learning steps stay in the history but are never predicted), and the days between
reviews are whole days of the learner's calendar, as Anki counts them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import date, datetime
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

import fsrs
import fsrs_rs_python as fsrs_rs

# Reviews on a later day than the card's previous one: what the fit learns from (same-day steps
# are only history). fsrs-rs returns the default parameters below 8 of them and fits only the four
# initial stabilities below 64; Anki asks for 400 (it once asked for 1,000). Measured on logs
# simulated from 40 learners whose parameters are the defaults scaled by 0.5-2, each fit judged
# on another log of the same learner (not the one it was fitted on): with 200-400 such reviews, a
# fit predicted worse than the defaults for 2 learners in 5, by up to 12% in log loss; with
# 400-800, for 1 in 5, and better by 4% on average (by 14% for learners further from the defaults).
MIN_REVIEWS = 400


class ReviewRow(Protocol):
    """One row of a learner's review log, as much of it as the fit reads."""

    @property
    def card_id(self) -> Hashable: ...
    @property
    def reviewed_at(self) -> datetime: ...  # aware
    @property
    def rating(self) -> int: ...  # 1 again, 2 hard, 3 good, 4 easy


class NotEnoughReviews(Exception):
    """The log is too short for a fit to be trusted over the default parameters."""

    def __init__(self, have: int, need: int) -> None:
        super().__init__(f"{have} reviews on a later day than the card's previous one; a fit needs {need}")
        self.have = have
        self.need = need


class Fit(NamedTuple):
    """Fitted parameters and how well each set predicts the same log (log loss, lower is better)."""

    parameters: list[float]
    log_loss_before: float  # the default FSRS-6 parameters
    log_loss_after: float  # the fitted ones
    reviews_used: int


def fit_parameters(rows: Iterable[ReviewRow], *, time_zone: str = "UTC", min_reviews: int = MIN_REVIEWS) -> Fit:
    """Fit FSRS-6 parameters to a learner's log. Raises NotEnoughReviews when it holds fewer
    than ``min_reviews`` reviews to learn from. Deterministic: the same log gives the same fit."""
    items = training_items(rows, time_zone)
    if len(items) < min_reviews:
        raise NotEnoughReviews(len(items), min_reviews)
    parameters = fsrs_parameters(fsrs_rs.FSRS(fsrs_rs.DEFAULT_PARAMETERS).compute_parameters(items))
    return Fit(
        parameters=parameters,
        log_loss_before=log_loss(fsrs_rs.DEFAULT_PARAMETERS, items),
        log_loss_after=log_loss(parameters, items),
        reviews_used=len(items),
    )


def training_items(rows: Iterable[ReviewRow], time_zone: str = "UTC") -> list[fsrs_rs.FSRSItem]:
    """The log as fsrs-rs items, ordered by the time of the review each one predicts: fsrs-rs
    weighs later items more, so a learner's recent reviews count most. Reviews of two cards at
    the same moment go in card order, so that the fit depends on the log, not on its row order."""
    zone = ZoneInfo(time_zone)
    dated: list[tuple[datetime, str, fsrs_rs.FSRSItem]] = []
    for card_id, history in _by_card(rows).items():
        dated.extend((at, str(card_id), item) for at, item in _card_items(history, zone))
    dated.sort(key=lambda entry: entry[:2])
    return [item for _, _, item in dated]


def fsrs_parameters(values: Iterable[float]) -> list[float]:
    """fsrs-rs's parameters as the fsrs package takes them. fsrs-rs keeps each within the same
    bounds, but in 32 bits: 0.8, the ceiling of three of them, is 0.800000011920929 there, which
    the fsrs package's exact bounds would refuse."""
    bounds = zip(fsrs.scheduler.LOWER_BOUNDS_PARAMETERS, fsrs.scheduler.UPPER_BOUNDS_PARAMETERS, strict=True)
    return [min(max(float(value), low), high) for value, (low, high) in zip(values, bounds, strict=True)]


def log_loss(parameters: Iterable[float], items: list[fsrs_rs.FSRSItem]) -> float:
    """How well ``parameters`` predict the recall of ``items`` (fsrs-rs's weighted log loss)."""
    return float(fsrs_rs.FSRS(list(parameters)).evaluate(items).log_loss)


def _by_card(rows: Iterable[ReviewRow]) -> dict[Hashable, list[ReviewRow]]:
    cards: dict[Hashable, list[ReviewRow]] = defaultdict(list)
    for row in rows:
        cards[row.card_id].append(row)
    for history in cards.values():
        history.sort(key=lambda row: row.reviewed_at)  # a synced offline review may arrive late
    return cards


def _card_items(history: list[ReviewRow], zone: ZoneInfo) -> list[tuple[datetime, fsrs_rs.FSRSItem]]:
    reviews: list[fsrs_rs.FSRSReview] = []
    items: list[tuple[datetime, fsrs_rs.FSRSItem]] = []
    previous: date | None = None
    for row in history:
        day = _local_day(row.reviewed_at, zone)
        delta_t = 0 if previous is None else (day - previous).days
        reviews.append(fsrs_rs.FSRSReview(rating=row.rating, delta_t=delta_t))
        if delta_t > 0:
            items.append((row.reviewed_at, fsrs_rs.FSRSItem(reviews=list(reviews))))
        previous = day
    return items


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    if moment.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return moment.astimezone(zone).date()
