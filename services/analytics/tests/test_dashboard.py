"""The dashboard kept from scripted events on SQLite and PostgreSQL: days, the eight skills from
their documented signals, true retention and calibration."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parla.analytics.dashboard import domain
from parla.analytics.dashboard.service import DashboardService, record_completions, record_reviews, record_study
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ContentStudied, MemoryState, Mistake, ReviewRecorded
from parla.devstack.testing import scenario_completed, vocabulary

NOW = datetime(2026, 6, 30, 18, tzinfo=UTC)
DAY = timedelta(days=1)


def review(user: uuid.UUID, rating: str, retrievability: float, *, at: datetime = NOW, state: str = "review") -> ReviewRecorded:
    memory = MemoryState(state=state, stability=10.0, difficulty=5.0)
    return ReviewRecorded(
        review_id=uuid.uuid4(), user_id=user, card_id=uuid.uuid4(), language="es", rating=rating, reviewed_at=at,
        retrievability=retrievability, before=memory, after=memory, next_due=at + DAY,
    )  # fmt: skip


async def apply(db, handler, *events) -> None:
    async with db.transaction() as session:
        await handler(session, list(events))


@pytest.fixture
def dashboards(db) -> DashboardService:
    return DashboardService(db=db, clock=lambda: NOW)


def skills(board) -> dict[str, domain.Skill]:
    return {s.name: s for s in board.skills}


async def test_a_new_learner_has_no_days_and_every_skill_says_no_data_yet(dashboards):
    board = await dashboards.dashboard(uuid.uuid4())
    assert board.days == [] and board.true_retention is None and board.calibration == []
    assert [s.name for s in board.skills] == list(domain.SKILLS)
    assert all(s.level is None and s.trend is None for s in board.skills)


async def test_a_completed_run_feeds_its_day_and_four_skills_from_real_signals(db, dashboards):
    learner = uuid.uuid4()
    run = scenario_completed(
        user_id=learner, score=80, minutes=12, completed_at=NOW - DAY, phases_total=4, phases_completed=2,
        vocabulary_used=vocabulary("mesa", "cuenta", "plato"), vocabulary_missed=vocabulary("propina"),
        mistakes=[Mistake(said="un mesa", correction="una mesa")],
    )  # fmt: skip
    await apply(db, record_completions, run)
    board = await dashboards.dashboard(learner)
    [day] = board.days
    assert (day.day, day.study_seconds, day.scenarios) == ((NOW - DAY).date(), run.duration_seconds, 1)
    found = skills(board)
    assert (found["conversation"].level, found["vocabulary"].level, found["writing"].level, found["grammar"].level) == (
        80,
        75,
        50,
        90,
    )
    for silent in ("listening", "speaking", "pronunciation", "comprehension"):
        assert found[silent].level is None, silent


async def test_reviews_make_true_retention_calibration_and_the_vocabulary_skill(db, dashboards):
    learner = uuid.uuid4()
    reviews = [review(learner, "good", 0.93), review(learner, "again", 0.91), review(learner, "easy", 0.42)]
    reviews.append(review(learner, "again", 0.0, state="new"))  # a first review: no prediction to check
    await apply(db, record_reviews, *reviews)
    board = await dashboards.dashboard(learner)
    assert board.days[0].reviews == 4 and board.due_reviews == 3
    assert board.true_retention == pytest.approx(2 / 3, abs=1e-4)
    assert [(b.bin, b.reviews, b.recalled) for b in board.calibration] == [(4, 1, 1), (9, 2, 1)]
    assert skills(board)["vocabulary"].level == 50.0 and skills(board)["vocabulary"].samples == 4


async def test_a_skills_trend_compares_the_last_week_with_the_weeks_before(db, dashboards):
    learner = uuid.uuid4()
    early = [scenario_completed(user_id=learner, score=50, completed_at=NOW - 20 * DAY) for _ in range(2)]
    late = [scenario_completed(user_id=learner, score=90, completed_at=NOW - 2 * DAY) for _ in range(2)]
    await apply(db, record_completions, *early, *late)
    conversation = skills(await dashboards.dashboard(learner))["conversation"]
    assert (conversation.level, conversation.trend) == (70.0, 40.0)
    old = scenario_completed(user_id=learner, score=10, completed_at=NOW - 40 * DAY)
    await apply(db, record_completions, old)
    assert skills(await dashboards.dashboard(learner))["conversation"].level == 70.0, "older than 30 days: not counted"


async def test_study_of_a_document_counts_its_minutes_and_comprehension(db, dashboards):
    learner = uuid.uuid4()
    studied = ContentStudied(
        document_id=uuid.uuid4(), user_id=learner, language="es", seconds=600, progress_percent=60, occurred_at=NOW
    )
    await apply(db, record_study, studied, studied.model_copy(update={"event_id": uuid.uuid4(), "progress_percent": 80}))
    board = await dashboards.dashboard(learner)
    assert (board.days[0].study_seconds, board.days[0].documents) == (1200, 2)
    assert skills(board)["comprehension"].level == 70.0


async def test_the_period_bounds_the_days_and_is_itself_bounded(db, dashboards):
    learner = uuid.uuid4()
    await apply(db, record_reviews, review(learner, "good", 0.9, at=NOW - 10 * DAY), review(learner, "good", 0.9, at=NOW))
    assert len((await dashboards.dashboard(learner, days=7)).days) == 1
    assert len((await dashboards.dashboard(learner, days=30)).days) == 2
    with pytest.raises(InvalidArgument) as refused:
        await dashboards.dashboard(learner, days=366)
    assert "days" in refused.value.details


async def test_weak_areas_are_the_words_missed_and_points_corrected_most_often(db, dashboards):
    learner = uuid.uuid4()
    runs = [
        scenario_completed(
            user_id=learner, vocabulary_missed=vocabulary("propina", "cuenta"), completed_at=NOW - DAY,
            mistakes=[Mistake(said="un mesa", correction="una mesa", explanation="mesa is feminine")],
        ),
        scenario_completed(
            user_id=learner, vocabulary_missed=vocabulary("propina"), completed_at=NOW,
            mistakes=[Mistake(said="yo soy cansado", correction="estoy cansado")],
        ),
    ]  # fmt: skip
    await apply(db, record_completions, *runs)
    board = await dashboards.dashboard(learner)
    assert [(w.key, w.times) for w in board.missed_words] == [("propina", 2), ("cuenta", 1)]
    assert [(w.key, w.times) for w in board.grammar_points] == [("estoy cansado", 1), ("mesa is feminine", 1)]
    assert "yo soy cansado" not in {w.key for w in board.grammar_points}, "what the learner said is not kept"
    assert (await dashboards.dashboard(uuid.uuid4())).missed_words == []


async def test_weak_categories_and_what_moved_the_learners_skills_are_read_from_their_history(db, dashboards):
    from parla.analytics.discovery.service import DiscoveryProjection
    from parla.analytics.service import record_completed, record_studied

    learner, document = uuid.uuid4(), uuid.uuid4()
    runs = [
        scenario_completed(user_id=learner, scenario_id="dinner", category="restaurant", score=40, completed_at=NOW - 3 * DAY),
        scenario_completed(user_id=learner, scenario_id="dinner", category="restaurant", score=65, completed_at=NOW - DAY),
        scenario_completed(user_id=learner, scenario_id="airport", category="travel", score=90, completed_at=NOW - DAY),
    ]
    stretches = [
        ContentStudied(
            document_id=document, user_id=learner, language="es", seconds=600, progress_percent=p, occurred_at=NOW - d * DAY
        )
        for p, d in ((10, 5), (70, 2))
    ]
    async with db.transaction() as session:
        await record_completed(session, runs)
        await DiscoveryProjection().completed(session, runs)
        await record_studied(session, stretches)
    board = await dashboards.dashboard(learner)
    assert [(w.category, w.mean_score, w.scenarios) for w in board.weak_categories] == [("restaurant", 65.0, 1)]
    assert [(e.kind, e.subject_id, e.skill, e.sessions, e.gain) for e in board.effective] == [
        ("content", str(document), "comprehension", 2, 60.0),
        ("scenario", "dinner", "conversation", 2, 25.0),
    ]


async def test_each_skill_comes_with_its_days_for_charts_over_the_period_asked(db, dashboards):
    learner = uuid.uuid4()
    await apply(
        db, record_reviews, review(learner, "good", 0.9, at=NOW - 40 * DAY), review(learner, "again", 0.9, at=NOW - 2 * DAY)
    )
    await apply(db, record_reviews, review(learner, "good", 0.9, at=NOW - 2 * DAY), review(learner, "easy", 0.9, at=NOW))
    vocabulary = skills(await dashboards.dashboard(learner, days=60))["vocabulary"]
    assert [
        (d.isoformat(), mean, n) for d, mean, n in (await dashboards.dashboard(learner, days=60)).skill_series["vocabulary"]
    ] == [
        ((NOW - 40 * DAY).date().isoformat(), 100.0, 1),
        ((NOW - 2 * DAY).date().isoformat(), 50.0, 2),
        (NOW.date().isoformat(), 100.0, 1),
    ]
    assert vocabulary.samples == 3, "the level is still of the last 30 days"
    assert [d for d, _, _ in (await dashboards.dashboard(learner, days=7)).skill_series["vocabulary"]] == [
        (NOW - 2 * DAY).date(),
        NOW.date(),
    ]
