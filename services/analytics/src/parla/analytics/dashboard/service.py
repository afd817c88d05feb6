"""The dashboard: handlers that keep a learner's days, skills and recall from events, and the
use case that reads them."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard import domain, effectiveness
from parla.analytics.dashboard.db import CalibrationRow, LearnerDayRow, SkillDayRow, WeakSpotRow
from parla.analytics.dashboard.repository import DashboardRepository
from parla.analytics.domain import answer_seconds
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ContentStudied, ReviewRecorded, ScenarioCompleted

MAX_DAYS = 365
DAY_KEYS = ("user_id", "day")
SKILL_KEYS = ("user_id", "skill", "day")
BIN_KEYS = ("user_id", "bin")
WEAK_KEYS = ("user_id", "kind", "key", "language")
WEAK_SHOWN = 10


def _tally():
    return defaultdict(lambda: defaultdict(float))


def _skills(tally, user_id: uuid.UUID, day: date, signals: dict[str, float]) -> None:
    for skill, value in signals.items():
        tally[(user_id, skill, day)]["total"] += value
        tally[(user_id, skill, day)]["samples"] += 1


async def record_completions(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
    days, skills, weak = _tally(), _tally(), _tally()
    for e in events:
        day = e.completed_at.astimezone(UTC).date()
        days[(e.user_id, day)]["study_seconds"] += e.duration_seconds
        days[(e.user_id, day)]["scenarios"] += 1
        _skills(skills, e.user_id, day, domain.completion_signals(e))
        for kind, key in domain.weak_spots(e):
            weak[(e.user_id, kind, key, e.language)]["times"] += 1
    repository = DashboardRepository(session)
    await repository.add(LearnerDayRow.__table__, DAY_KEYS, days)
    await repository.add(SkillDayRow.__table__, SKILL_KEYS, skills)
    await repository.add(WeakSpotRow.__table__, WEAK_KEYS, weak)


async def record_study(session: AsyncSession, events: Sequence[ContentStudied]) -> None:
    days, skills = _tally(), _tally()
    for e in events:
        day = e.occurred_at.astimezone(UTC).date()
        days[(e.user_id, day)]["study_seconds"] += e.seconds
        days[(e.user_id, day)]["documents"] += 1
        _skills(skills, e.user_id, day, domain.study_signals(e))
    repository = DashboardRepository(session)
    await repository.add(LearnerDayRow.__table__, DAY_KEYS, days)
    await repository.add(SkillDayRow.__table__, SKILL_KEYS, skills)


async def record_reviews(session: AsyncSession, events: Sequence[ReviewRecorded]) -> None:
    days, skills, bins = _tally(), _tally(), _tally()
    for e in events:
        day = e.reviewed_at.astimezone(UTC).date()
        days[(e.user_id, day)]["reviews"] += 1
        days[(e.user_id, day)]["study_seconds"] += answer_seconds(e)
        _skills(skills, e.user_id, day, domain.review_signals(e))
        if domain.was_due(e):
            days[(e.user_id, day)]["due_reviews"] += 1
            days[(e.user_id, day)]["due_recalled"] += domain.recalled(e)
            key = (e.user_id, domain.calibration_bin(e.retrievability))
            bins[key]["reviews"] += 1
            bins[key]["recalled"] += domain.recalled(e)
            bins[key]["predicted"] += e.retrievability
    repository = DashboardRepository(session)
    await repository.add(LearnerDayRow.__table__, DAY_KEYS, days)
    await repository.add(SkillDayRow.__table__, SKILL_KEYS, skills)
    await repository.add(CalibrationRow.__table__, BIN_KEYS, bins)


@dataclass(frozen=True)
class Dashboard:
    days: list[LearnerDayRow]
    skills: list[domain.Skill]
    # skill -> (day, mean of its signals, how many) for each day of the period with a signal
    skill_series: dict[str, list[tuple[date, float, int]]]
    due_reviews: int
    true_retention: float | None
    calibration: list[CalibrationRow]
    missed_words: list[WeakSpotRow]
    grammar_points: list[WeakSpotRow]
    weak_categories: list[effectiveness.WeakCategory]
    effective: list[effectiveness.Effect]


def _now() -> datetime:
    return datetime.now(UTC)


class DashboardService:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def dashboard(self, user_id: uuid.UUID, *, days: int = 0) -> Dashboard:
        if not 0 <= days <= MAX_DAYS:
            raise InvalidArgument(f"days is 1-{MAX_DAYS}", details={"days": "out of range"})
        today = self._clock().astimezone(UTC).date()
        since = today - timedelta(days=(days or 30) - 1)
        skills_since = min(since, today - timedelta(days=domain.LEVEL_DAYS - 1))
        async with self._db.reading() as session:
            repository = DashboardRepository(session)
            rows = await repository.days(user_id, since)
            skill_rows = await repository.skill_days(user_id, skills_since)
            calibration = await repository.calibration(user_id)
            missed = await repository.weakest(user_id, "word", WEAK_SHOWN)
            grammar = await repository.weakest(user_id, "grammar", WEAK_SHOWN)
            weak_categories, effective = await effectiveness.read(session, user_id, self._clock())
        by_skill: dict[str, list[tuple[date, float, int]]] = defaultdict(list)
        for row in skill_rows:
            by_skill[row.skill].append((row.day, row.total, row.samples))
        due = sum(r.due_reviews for r in rows)
        recalled = sum(r.due_recalled for r in rows)
        return Dashboard(
            days=rows,
            skills=[domain.skill(name, by_skill.get(name, []), today) for name in domain.SKILLS],
            skill_series={
                name: [(day, round(total / samples, 1), samples) for day, total, samples in sorted(rows) if day >= since]
                for name, rows in by_skill.items()
            },
            due_reviews=due,
            true_retention=round(recalled / due, 4) if due else None,
            calibration=calibration,
            missed_words=missed,
            grammar_points=grammar,
            weak_categories=weak_categories,
            effective=effective,
        )
