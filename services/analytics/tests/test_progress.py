"""Progress read models on SQLite and PostgreSQL, kept from events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parla.analytics.repository import AnalyticsRepository
from parla.analytics.service import ProgressService, record_completed, record_reviewed, record_started, record_studied
from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ContentStudied, MemoryState, ReviewRecorded, ScenarioCompleted, ScenarioStarted
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


# One event at a time, as the consumer applies them when it isolates a failing batch.
async def on_scenario_started(session, event: ScenarioStarted) -> None:
    await record_started(session, [event])


async def on_scenario_completed(session, event: ScenarioCompleted) -> None:
    await record_completed(session, [event])


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


async def progress_of(db, users) -> list[tuple]:
    reports = [await ProgressService(db=db).progress(caller(user), recent_limit=50) for user in users]
    return [
        (r.scenarios_started, r.scenarios_completed, r.total_study_seconds, r.average_score, len(r.recent_sessions))
        for r in reports
    ]


async def test_a_batch_adds_up_to_what_its_events_add_one_by_one(db, tmp_path):
    users = [uuid.uuid4() for _ in range(3)]
    starts = [started(users[n % 3], scenario=f"s-{n % 2}") for n in range(10)]
    completions = [completed(users[n % 3], 50 + n, 5 + n, ended=NOW + timedelta(minutes=n)) for n in range(7)]
    async with db.transaction() as session:
        await record_started(session, starts)
        await record_completed(session, completions)
    batched = await progress_of(db, users)
    async with db.reading() as session:
        batched_engagement = [await AnalyticsRepository(session).engagement(f"s-{n}") for n in range(2)]
    assert [e.starts for e in batched_engagement] == [5, 5]
    assert sum(row[0] for row in batched) == 10 and sum(row[1] for row in batched) == 7

    # The same events one by one, for other learners: the same figures.
    others = [uuid.uuid4() for _ in range(3)]
    renamed = dict(zip(users, others, strict=True))
    async with db.transaction() as session:
        for event in starts:
            await on_scenario_started(session, event.model_copy(update={"user_id": renamed[event.user_id]}))
        for event in completions:
            await on_scenario_completed(
                session, event.model_copy(update={"user_id": renamed[event.user_id], "run_id": uuid.uuid4()})
            )
    assert await progress_of(db, others) == batched


async def test_a_run_completed_twice_is_counted_once_in_one_batch_or_across_batches(db):
    user = uuid.uuid4()
    first = completed(user, 80, 10)
    again = first.model_copy(update={"event_id": uuid.uuid4()})  # the same run, another event
    async with db.transaction() as session:
        await record_completed(session, [first, again])
    async with db.transaction() as session:
        await record_completed(session, [again.model_copy(update={"event_id": uuid.uuid4()})])
    assert await progress_of(db, [user]) == [(0, 1, 600, 80.0, 1)]


def studied(user: uuid.UUID, seconds: int, progress: int, at: datetime) -> ContentStudied:
    return ContentStudied(
        document_id=uuid.uuid4(), user_id=user, language="es", seconds=seconds, progress_percent=progress, occurred_at=at
    )


def reviewed(user: uuid.UUID, rating: str, at: datetime, *, session: uuid.UUID | None = None, ms: int | None = 4000):
    memory = MemoryState(state="review", stability=5.0, difficulty=5.0)
    return ReviewRecorded(
        review_id=uuid.uuid4(), user_id=user, card_id=uuid.uuid4(), language="es", rating=rating, reviewed_at=at,
        retrievability=0.8, before=memory, after=memory, next_due=at + timedelta(days=3), session_id=session, duration_ms=ms,
    )  # fmt: skip


async def test_document_study_is_a_learning_session_whose_time_counts_as_study(db):
    user = uuid.uuid4()
    stretch = studied(user, 600, 40, NOW)
    async with db.transaction() as session:
        await record_studied(session, [stretch, stretch])  # the same stretch twice counts once
    report = await ProgressService(db=db).progress(caller(user), recent_limit=5)
    [learning] = report.recent_sessions
    assert (learning.kind, learning.subject_id, learning.duration_seconds, learning.score) == (
        "content",
        str(stretch.document_id),
        600,
        40,
    )
    assert report.total_study_seconds == 600 and report.scenarios_completed == 0


async def test_reviews_of_one_session_are_one_learning_session_with_time_items_and_accuracy_across_batches(db):
    user, review_session = uuid.uuid4(), uuid.uuid4()
    first = [
        reviewed(user, "good", NOW, session=review_session),
        reviewed(user, "again", NOW + timedelta(seconds=5), session=review_session),
    ]
    later = [reviewed(user, "easy", NOW + timedelta(seconds=9), session=review_session, ms=None)]
    loose = [reviewed(user, "good", NOW - timedelta(hours=3)), reviewed(user, "hard", NOW - timedelta(hours=2))]
    for batch in (later, first, loose):  # out of order: the later batch first
        async with db.transaction() as session:
            await record_reviewed(session, batch)
    report = await ProgressService(db=db).progress(caller(user), recent_limit=5)
    by_kind = [(s.items, s.accuracy, s.duration_seconds, s.ended_at) for s in report.recent_sessions]
    assert by_kind == [(3, pytest.approx(0.6667, abs=1e-4), 8, NOW + timedelta(seconds=9)), (2, 1.0, 8, NOW - timedelta(hours=2))]
    assert report.total_study_seconds == 16
