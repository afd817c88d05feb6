"""Progress read models on SQLite and PostgreSQL, kept from events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parla.analytics.repository import AnalyticsRepository
from parla.analytics.service import ProgressService
from parla.analytics.service import record_completed as on_scenario_completed
from parla.analytics.service import record_started as on_scenario_started
from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ScenarioCompleted, ScenarioStarted
from parla.devstack.testing import scenario_completed, vocabulary

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def started(user: uuid.UUID, scenario: str = "hotel-check-in") -> ScenarioStarted:
    return ScenarioStarted(
        run_id=uuid.uuid4(), user_id=user, scenario_id=scenario, language="es", category="travel", difficulty="beginner"
    )


def completed(user: uuid.UUID, score: float, minutes: int, *, ended: datetime = NOW) -> ScenarioCompleted:
    key = vocabulary("llave")
    return scenario_completed(
        user_id=user, score=score, minutes=minutes, completed_at=ended, vocabulary_used=key * 2, vocabulary_missed=key
    )


def caller(user: uuid.UUID) -> Principal:
    return Principal(subject=str(user), roles=frozenset({"learner"}))


async def test_a_new_learner_has_empty_progress(db):
    report = await ProgressService(db=db).progress(caller(uuid.uuid4()), recent_limit=5)
    assert (report.scenarios_started, report.scenarios_completed, report.average_score, report.recent_sessions) == (0, 0, 0.0, [])


async def test_starts_and_completions_add_up_per_learner(db):
    user, other = uuid.uuid4(), uuid.uuid4()
    async with db.transaction() as session:
        for event in (started(user), started(user), started(other)):
            await on_scenario_started(session, event)
        await on_scenario_completed(session, completed(user, 80, 10, ended=NOW))
        await on_scenario_completed(session, completed(user, 60, 5, ended=NOW + timedelta(hours=1)))
    report = await ProgressService(db=db).progress(caller(user), recent_limit=1)
    assert (report.scenarios_started, report.scenarios_completed) == (2, 2)
    assert report.total_study_seconds == 15 * 60
    assert report.average_score == 70.0
    [latest] = report.recent_sessions
    assert latest.score == 60 and latest.accuracy == pytest.approx(2 / 3, abs=1e-3)
    other_report = await ProgressService(db=db).progress(caller(other), recent_limit=5)
    assert (other_report.scenarios_started, other_report.scenarios_completed) == (1, 0)


async def test_scenario_engagement_counts_every_learner(db):
    async with db.transaction() as session:
        await on_scenario_started(session, started(uuid.uuid4()))
        await on_scenario_started(session, started(uuid.uuid4()))
        await on_scenario_completed(session, completed(uuid.uuid4(), 90, 8))
    async with db.reading() as session:
        engagement = await AnalyticsRepository(session).engagement("hotel-check-in")
    assert (engagement.starts, engagement.completions, engagement.score_sum) == (2, 1, 90.0)


async def test_a_negative_recent_limit_is_refused(db):
    with pytest.raises(InvalidArgument):
        await ProgressService(db=db).progress(caller(uuid.uuid4()), recent_limit=-1)


async def test_a_late_older_event_does_not_move_last_activity_back(db):
    async with db.transaction() as session:
        await on_scenario_completed(session, completed(uuid.uuid4(), 90, 8, ended=NOW))
        await on_scenario_completed(session, completed(uuid.uuid4(), 70, 8, ended=NOW - timedelta(days=2)))
    async with db.reading() as session:
        engagement = await AnalyticsRepository(session).engagement("hotel-check-in")
    stored = engagement.last_activity_at
    assert (stored if stored.tzinfo else stored.replace(tzinfo=UTC)) == NOW
