"""Use cases of the analytics service: keeping progress from events and reporting it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.db import LearningSessionRow
from parla.analytics.domain import average, review_sessions, session_from_completion, session_from_study
from parla.analytics.repository import AnalyticsRepository
from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ContentStudied, ReviewRecorded, ScenarioCompleted, ScenarioStarted

MAX_RECENT = 50


async def record_started(session: AsyncSession, events: Sequence[ScenarioStarted]) -> None:
    """Runs started, counted per learner and per scenario."""
    await AnalyticsRepository(session).record_starts([(e.user_id, e.scenario_id, e.occurred_at) for e in events])


async def record_completed(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
    """Runs completed, as learning sessions and progress per learner and per scenario."""
    await AnalyticsRepository(session).record_completions([(session_from_completion(e), e.scenario_id) for e in events])


async def record_studied(session: AsyncSession, events: Sequence[ContentStudied]) -> None:
    """Stretches of document study, as learning sessions."""
    await AnalyticsRepository(session).record_study([session_from_study(e) for e in events])


async def record_reviewed(session: AsyncSession, events: Sequence[ReviewRecorded]) -> None:
    """Reviews, as learning sessions: one per review session."""
    await AnalyticsRepository(session).record_review_sessions(review_sessions(events))


@dataclass(frozen=True)
class ProgressReport:
    scenarios_started: int
    scenarios_completed: int
    total_study_seconds: int
    average_score: float
    recent_sessions: list[LearningSessionRow]


class ProgressService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    async def progress(self, caller: Principal, *, recent_limit: int) -> ProgressReport:
        if recent_limit < 0:
            raise InvalidArgument("recent_limit must not be negative", details={"recent_limit": "must be 0 or more"})
        async with self._db.reading() as session:
            repository = AnalyticsRepository(session)
            totals = await repository.progress(caller.user_id)
            recent = await repository.recent_sessions(caller.user_id, min(recent_limit or 10, MAX_RECENT))
        if totals is None:
            return ProgressReport(0, 0, 0, 0.0, recent)
        return ProgressReport(
            scenarios_started=totals.scenarios_started,
            scenarios_completed=totals.scenarios_completed,
            total_study_seconds=totals.total_study_seconds,
            average_score=average(totals.score_sum, totals.scenarios_completed),
            recent_sessions=recent,
        )
