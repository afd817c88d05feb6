"""Rules of ratings, reviews and helpful votes, without I/O.

A rating is overall 1-5 and four dimensions 1-5, with an optional plain-text review. Each
scenario's summary is kept as counters that every change of a rating moves by a delta
(``summary_delta``), so that reading it costs one row whatever the number of ratings.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parla.chassis.errors import InvalidArgument, one_of

DIMENSIONS = ("difficulty_accuracy", "engagement", "learning_effectiveness", "cultural_authenticity")
STARS = (1, 2, 3, 4, 5)
MAX_REVIEW = 2_000
SORTS = ("helpful", "recent")
MAX_SCENARIO_ID = 100
# Scenario ids are slugs ("at-the-pharmacy", "mi-cena-en-roma-3f9a").
_SCENARIO_ID = re.compile(r"[a-z0-9-]+")
# What the summary keeps per scenario, as the columns of ``rating_summaries``.
COUNTERS = (
    "count",
    "sum_overall",
    *(f"stars_{n}" for n in STARS),
    *(f"sum_{name}" for name in DIMENSIONS),
    "review_count",
)


@dataclass(frozen=True)
class Scores:
    """What a rating counts for in its scenario's summary."""

    overall: int
    dimensions: tuple[int, int, int, int]  # in the order of DIMENSIONS
    has_review: bool


@dataclass(frozen=True)
class Rating:
    """A rating as the caller sees it (``voted_helpful`` and ``mine`` are about the caller)."""

    id: uuid.UUID
    scenario_id: str
    user_id: uuid.UUID
    overall: int
    dimensions: dict[str, int]
    review: str
    helpful_count: int
    voted_helpful: bool
    mine: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Summary:
    scenario_id: str
    count: int
    mean: float
    distribution: tuple[int, int, int, int, int]  # ratings giving 1, 2, 3, 4 and 5 stars
    dimension_means: dict[str, float]
    review_count: int


@dataclass(frozen=True)
class ReviewPage:
    reviews: list[Rating]
    has_more: bool


def scenario_id(value: str) -> str:
    if not value or len(value) > MAX_SCENARIO_ID or not _SCENARIO_ID.fullmatch(value):
        raise InvalidArgument(
            f"scenario_id must be a scenario's id: 1-{MAX_SCENARIO_ID} lower-case letters, digits and hyphens",
            details={"scenario_id": "not a scenario id"},
        )
    return value


def rating_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidArgument("rating_id must be a rating's id (a UUID)", details={"rating_id": "not a UUID"}) from None


def stars(value: int, field: str) -> int:
    if value not in STARS:
        raise InvalidArgument(f"{field} must be 1 to 5 stars (got {value})", details={field: "1 to 5"})
    return value


def dimensions(values: Mapping[str, int]) -> dict[str, int]:
    """The four dimensions, each 1-5; a missing one (0 in a protobuf message) is named."""
    return {name: stars(values.get(name, 0), f"dimensions.{name}") for name in DIMENSIONS}


def review_text(value: str) -> str:
    """The review as stored: stripped plain text (lines and tabs allowed) of at most MAX_REVIEW
    characters; empty for none."""
    value = value.strip()
    if len(value) > MAX_REVIEW:
        raise InvalidArgument(
            f"review is {len(value)} characters; shorten it to at most {MAX_REVIEW}",
            details={"review": f"at most {MAX_REVIEW} characters"},
        )
    if any(not (c.isprintable() or c in "\n\t") for c in value) or "<" in value or ">" in value:
        raise InvalidArgument(
            "review must be plain text: no control characters, and no < or > (HTML is not allowed)",
            details={"review": "not plain text"},
        )
    return value


def sort(value: str) -> str:
    return one_of(value or "helpful", SORTS, "sort")


def scores_of(rating: Any) -> Scores:
    """What a rating (anything with its columns as attributes) counts for in its summary."""
    values = tuple(getattr(rating, name) for name in DIMENSIONS)
    return Scores(rating.overall, values, bool(rating.has_review))  # type: ignore[arg-type]


def summary_delta(old: Scores | None, new: Scores | None) -> dict[str, int]:
    """How a scenario's counters move when a rating goes from ``old`` to ``new`` (None: there is
    none): a creation adds, a deletion subtracts, a change does both."""
    delta = dict.fromkeys(COUNTERS, 0)
    for scores, sign in ((old, -1), (new, 1)):
        if scores is None:
            continue
        delta["count"] += sign
        delta["sum_overall"] += sign * scores.overall
        delta[f"stars_{scores.overall}"] += sign
        for name, value in zip(DIMENSIONS, scores.dimensions, strict=True):
            delta[f"sum_{name}"] += sign * value
        delta["review_count"] += sign * int(scores.has_review)
    return delta


def summary_of(scenario: str, counters: Any | None) -> Summary:
    """The summary shown for a scenario, from its counters (None: nobody rated it)."""
    get = (lambda name: 0) if counters is None else (lambda name: getattr(counters, name))
    count = get("count")

    def mean(total: int) -> float:
        return round(total / count, 2) if count else 0.0

    return Summary(
        scenario_id=scenario,
        count=count,
        mean=mean(get("sum_overall")),
        distribution=tuple(get(f"stars_{n}") for n in STARS),  # type: ignore[arg-type]
        dimension_means={name: mean(get(f"sum_{name}")) for name in DIMENSIONS},
        review_count=get("review_count"),
    )
