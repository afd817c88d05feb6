"""Which events feed which skill, and how a skill's level and trend are read; no I/O.

Every signal is a number from 0 to 100, dated by its event:

- vocabulary: a review (100 when the card was recalled, 0 when forgotten), and a completed run
  (the share of its key vocabulary the learner used);
- grammar: a completed run, 100 less 20 per mistake per phase played (never below 0);
- conversation: a completed run's score;
- writing: a completed run, the share of its phases the learner completed in writing;
- comprehension: a stretch of study of a document, how far through it the learner is.

Listening, speaking and pronunciation have no signal yet (Parla's runs are written): they say
"no data yet" rather than show a made-up number. A skill's level is the mean of its signals of the
last 30 days; its trend is the mean of the last 7 days less that of the 23 days before (none when
either is empty).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from parla.contracts.events import ContentStudied, ReviewRecorded, ScenarioCompleted

SKILLS = ("vocabulary", "grammar", "listening", "speaking", "pronunciation", "conversation", "comprehension", "writing")
LEVEL_DAYS = 30
TREND_DAYS = 7
CALIBRATION_BINS = 10


def completion_signals(event: ScenarioCompleted) -> dict[str, float]:
    signals = {"conversation": float(event.score)}
    items = len(event.vocabulary_used) + len(event.vocabulary_missed)
    if items:
        signals["vocabulary"] = 100.0 * len(event.vocabulary_used) / items
    if event.phases_total:
        signals["writing"] = 100.0 * event.phases_completed / event.phases_total
        phases = max(event.phases_completed, 1)
        signals["grammar"] = max(0.0, 100.0 - 20.0 * len(event.mistakes) / phases)
    return signals


MAX_WEAK_KEY = 200


def weak_spots(event: ScenarioCompleted) -> list[tuple[str, str]]:
    """(kind, key) of what the run shows the learner is weak at: each key word they did not use
    (its lemma), and each point a mistake was corrected on (its explanation, else the correction;
    what the learner said is not kept)."""
    spots = [("word", item.lemma.strip().lower()) for item in event.vocabulary_missed]
    spots += [("grammar", (m.explanation or m.correction).strip()) for m in event.mistakes]
    return [(kind, key[:MAX_WEAK_KEY]) for kind, key in spots if key]


def review_signals(event: ReviewRecorded) -> dict[str, float]:
    return {"vocabulary": 0.0 if event.rating == "again" else 100.0}


def study_signals(event: ContentStudied) -> dict[str, float]:
    return {"comprehension": float(event.progress_percent)}


def recalled(event: ReviewRecorded) -> bool:
    return event.rating != "again"


def was_due(event: ReviewRecorded) -> bool:
    """A review whose recall was predicted: of a card already learned."""
    return event.before.state in ("review", "relearning") and event.retrievability > 0


def calibration_bin(retrievability: float) -> int:
    return min(CALIBRATION_BINS - 1, int(retrievability * CALIBRATION_BINS))


@dataclass(frozen=True)
class Skill:
    name: str
    level: float | None
    trend: float | None
    samples: int


def skill(name: str, days: Iterable[tuple[date, float, int]], today: date) -> Skill:
    """A skill from its days (day, total, samples) of the last LEVEL_DAYS."""
    recent = [(d, t, n) for d, t, n in days if today - d < timedelta(days=LEVEL_DAYS)]
    samples = sum(n for _, _, n in recent)
    if not samples:
        return Skill(name, None, None, 0)
    level = sum(t for _, t, _ in recent) / samples
    last = [(t, n) for d, t, n in recent if today - d < timedelta(days=TREND_DAYS)]
    before = [(t, n) for d, t, n in recent if today - d >= timedelta(days=TREND_DAYS)]

    def mean(rows: list[tuple[float, int]]) -> float | None:
        count = sum(n for _, n in rows)
        return sum(t for t, _ in rows) / count if count else None

    now, then = mean(last), mean(before)
    trend = round(now - then, 1) if now is not None and then is not None else None
    return Skill(name, round(level, 1), trend, samples)
