"""Rules of discovery, without I/O: decayed engagement, and the popularity of a scenario.

Trending is engagement that fades: each event counts its weight, halved every half-life since it
happened. Keeping that score up to date by decaying every row as time passes would rewrite the
whole table; instead each event adds ``weight × 2^((t − EPOCH) / half_life)``, a value that
grows with the event's time. Every stored sum is then the decayed score multiplied by the same
factor ``2^((now − EPOCH) / half_life)``, so their order is the order of the decayed scores at any
moment: a read walks an index and divides by that factor to show the score. Adding is
order-independent, so a late event counts exactly as if it had come on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
DEFAULT_HALF_LIFE = timedelta(days=3)
# 2^x overflows a double past x = 1023: with a half-life of a day that is 2.8 years after the
# epoch. Half-lives shorter than this are refused (a new epoch needs a rebuild).
MIN_HALF_LIFE = timedelta(days=1)

VIEW, START, COMPLETION, BOOKMARK, RATING = "view", "start", "completion", "bookmark", "rating"
WEIGHTS = {VIEW: 1.0, START: 3.0, COMPLETION: 5.0, BOOKMARK: 4.0, RATING: 4.0}

# Popular: a Bayesian average of the ratings, as if every scenario had PRIOR_RATINGS more ratings
# of PRIOR_MEAN (so that one 5-star rating does not beat a hundred 4.6s), plus up to one more
# point for engagement (completions and bookmarks, a bookmark counting twice), saturating:
# engagement / (engagement + ENGAGEMENT_HALF) is a half point at ENGAGEMENT_HALF.
PRIOR_RATINGS = 5
PRIOR_MEAN = 3.5
ENGAGEMENT_HALF = 20
DEFAULT_TOP_RATED_MINIMUM = 5


def growth(at: datetime, half_life: timedelta) -> float:
    """2^((at − EPOCH) / half_life): what an event at ``at`` adds per unit of weight."""
    return 2.0 ** ((at - EPOCH) / half_life)


def contribution(kind: str, at: datetime, half_life: timedelta) -> float:
    return WEIGHTS[kind] * growth(at, half_life)


def decayed(stored: float, now: datetime, half_life: timedelta) -> float:
    """The trending score now, from a stored sum."""
    return stored / growth(now, half_life)


@dataclass(frozen=True)
class Counts:
    ratings: int = 0
    ratings_sum: int = 0
    completions: int = 0
    bookmarks: int = 0


def bayesian_mean(ratings: int, ratings_sum: int) -> float:
    return (ratings_sum + PRIOR_RATINGS * PRIOR_MEAN) / (ratings + PRIOR_RATINGS)


def popularity(counts: Counts) -> float:
    engagement = counts.completions + 2 * counts.bookmarks
    return bayesian_mean(counts.ratings, counts.ratings_sum) + engagement / (engagement + ENGAGEMENT_HALF)


def mean_rating(ratings: int, ratings_sum: int) -> float:
    return ratings_sum / ratings if ratings else 0.0
