"""XP and levels: the numbers of Parla's gamification, with no I/O.

A completed scenario earns its difficulty's base XP (50 / 75 / 100), a quality bonus of 1% of
the base per point of score above 70 (30% at a perfect run), and a speed bonus when the run took
no longer than its estimated time (10% of the base) or half of it (25%) — only for a run scored
60 or more, so rushing through is not rewarded. The sum is multiplied by the learner's streak on
that day: ×1.10 from 7 days, ×1.25 from 30, ×1.5 from 100. Integer arithmetic throughout, so a
replay computes the very same amounts.

Level L needs Σ_{l=2..L} ⌊100·1.15^(l−2)⌋ XP in total (level 2 at 100 XP, level 3 at 215, ...);
level 100 is the last. 1.15 is 23/20, so each term is computed exactly in integers.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

BASE_XP = {"beginner": 50, "intermediate": 75, "advanced": 100}
DEFAULT_BASE_XP = 50
MAX_LEVEL = 100
# (streak days, multiplier in percent), highest first.
STREAK_MULTIPLIERS = ((100, 150), (30, 125), (7, 110))
QUALITY_FROM_SCORE = 70
SPEED_MIN_SCORE = 60


@dataclass(frozen=True)
class Run:
    """What XP is computed from: a completed run."""

    difficulty: str
    score: float
    duration_seconds: int
    estimated_minutes: int


def streak_multiplier(streak: int) -> int:
    """The multiplier, in percent, of a learner on their ``streak``-th day in a row."""
    return next((percent for days, percent in STREAK_MULTIPLIERS if streak >= days), 100)


def quality_bonus(base: int, score: float) -> int:
    points = max(0, int(score) - QUALITY_FROM_SCORE)
    return base * points // 100


def speed_bonus(base: int, run: Run) -> int:
    if run.estimated_minutes <= 0 or run.score < SPEED_MIN_SCORE:
        return 0
    estimated = run.estimated_minutes * 60
    if 2 * run.duration_seconds <= estimated:
        return base * 25 // 100
    if run.duration_seconds <= estimated:
        return base * 10 // 100
    return 0


def run_xp(run: Run, streak: int) -> tuple[int, int]:
    """(XP, multiplier in percent) of a completed run on the learner's ``streak``-th day."""
    base = BASE_XP.get(run.difficulty, DEFAULT_BASE_XP)
    percent = streak_multiplier(streak)
    return (base + quality_bonus(base, run.score) + speed_bonus(base, run)) * percent // 100, percent


@cache
def level_thresholds() -> tuple[int, ...]:
    """The total XP each level starts at: index 0 is level 1 (0 XP)."""
    totals, total = [0], 0
    for level in range(2, MAX_LEVEL + 1):
        power = level - 2
        total += 100 * 23**power // 20**power
        totals.append(total)
    return tuple(totals)


def xp_for_level(level: int) -> int:
    if not 1 <= level <= MAX_LEVEL:
        raise ValueError(f"levels are 1-{MAX_LEVEL}")
    return level_thresholds()[level - 1]


def level_for(xp: int) -> int:
    return bisect_right(level_thresholds(), max(xp, 0))
