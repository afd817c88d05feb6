"""Recommendations for one learner, without I/O: reasons from their own history, candidates from
discovery's lists (so the work is bounded by the learner's history and a few pages of an index,
never by the size of the catalogue)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

# Below this mean score in a category, the learner struggled with it.
STRUGGLED_BELOW = 70.0
# A scenario finished this recently is never recommended.
RECENTLY_FINISHED = timedelta(days=7)
LIKED_FROM = 4
LEVEL_DIFFICULTY = {"beginner": "beginner", "intermediate": "intermediate", "advanced": "advanced"}


@dataclass(frozen=True)
class History:
    """One scenario in the learner's history."""

    scenario_id: str
    category: str
    started_at: datetime | None
    completed_at: datetime | None
    last_score: float | None
    rating: int | None


@dataclass(frozen=True)
class Reason:
    """Why a scenario is recommended: a code and its parameters, so that a client can say it in
    the learner's interface language, and the English sentence for those that cannot."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        params = dict(self.params)
        return REASON_TEXT[self.code].format(**params)


# The codes a client may meet (documented in the API), each with its English sentence.
REASON_TEXT = {
    "unfinished": "because you started it and have not finished it yet",
    "missed_words": "because it practises words you missed ({words})",
    "struggled_category": "because you struggled with {category_name} scenarios",
    "liked_category": "because you liked {category_name} scenarios",
    "popular": "popular with learners of this language",
}


def category_reason(code: str, category: str, category_names: dict[str, str]) -> Reason:
    return Reason(code, (("category", category), ("category_name", category_names.get(category, category))))


@dataclass(frozen=True)
class Wish:
    """A kind of scenario to look for, and why: a category (or any, for ""), best first."""

    category: str
    reason: Reason


def struggled(scores: Iterable[tuple[str, float]]) -> list[tuple[float, str, int]]:
    """(mean score, category, scenarios) of each category whose finished scenarios' latest
    scores average under STRUGGLED_BELOW, lowest first, from (category, latest score) pairs."""
    by_category: dict[str, list[float]] = defaultdict(list)
    for category, score in scores:
        by_category[category].append(score)
    means = ((sum(s) / len(s), category, len(s)) for category, s in by_category.items())
    return sorted(found for found in means if found[0] < STRUGGLED_BELOW)


def wishes(history: Sequence[History], category_names: dict[str, str]) -> list[Wish]:
    """What the learner's history asks for, most telling first: categories they struggled in
    (lowest mean score first), then categories they liked, then what is popular."""
    liked: dict[str, int] = defaultdict(int)
    for item in history:
        if item.rating is not None and item.rating >= LIKED_FROM and item.category:
            liked[item.category] += 1
    found: list[Wish] = []
    scores = [(item.category, item.last_score) for item in history if item.last_score is not None and item.category]
    for _, category, _ in struggled(scores):
        found.append(Wish(category, category_reason("struggled_category", category, category_names)))
    for category, _ in sorted(liked.items(), key=lambda pair: (-pair[1], pair[0])):
        if category not in {w.category for w in found}:
            found.append(Wish(category, category_reason("liked_category", category, category_names)))
    found.append(Wish("", Reason("popular")))
    return found


def missed_words_reason(words: Sequence[str]) -> Reason:
    return Reason("missed_words", (("words", ", ".join(words[:3])),))


def unfinished(history: Iterable[History]) -> list[History]:
    """Scenarios started and never finished, most recent first: worth finishing."""
    started = [h for h in history if h.started_at is not None and h.completed_at is None]
    return sorted(started, key=lambda h: h.started_at, reverse=True)


def excluded(history: Iterable[History], now: datetime) -> set[str]:
    """Never recommended: what the learner finished in the last week."""
    return {h.scenario_id for h in history if h.completed_at is not None and now - h.completed_at < RECENTLY_FINISHED}


def pick(
    candidates: Sequence[tuple[Wish, Sequence[Any]]], *, level: str, skip: set[str], played: set[str], limit: int, scenario_of
) -> list[tuple[Any, Reason]]:
    """The first ``limit`` candidates in wish order, each scenario once; within a wish, those the
    learner has not played first, then those at their level; ``scenario_of`` reads a candidate's
    (scenario_id, difficulty)."""
    chosen: list[tuple[Any, Reason]] = []
    seen = set(skip)
    difficulty = LEVEL_DIFFICULTY.get(level, "")
    for wish, found in candidates:
        ranked = sorted(found, key=lambda c: (scenario_of(c)[0] in played, bool(difficulty) and scenario_of(c)[1] != difficulty))
        for candidate in ranked:
            scenario_id, _ = scenario_of(candidate)
            if scenario_id in seen:
                continue
            seen.add(scenario_id)
            chosen.append((candidate, wish.reason))
            if len(chosen) >= limit:
                return chosen
    return chosen
