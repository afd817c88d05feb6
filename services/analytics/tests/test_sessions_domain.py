"""Learning sessions derived from scenario.completed, and the average helper (no I/O)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from parla.analytics.domain import average, session_from_completion
from parla.contracts.events import ScenarioCompleted, VocabularyOutcome
from parla.devstack.testing import scenario_completed

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _words(n: int, prefix: str) -> list[VocabularyOutcome]:
    return [VocabularyOutcome(term=f"{prefix}{i}", lemma=f"{prefix}{i}", gloss="g") for i in range(n)]


def _event(used: int = 0, missed: int = 0, **overrides) -> ScenarioCompleted:
    fields = {
        "score": 88.5,
        "completed_at": NOW,
        "minutes": 14,
        "vocabulary_used": _words(used, "u"),
        "vocabulary_missed": _words(missed, "m"),
    }
    return scenario_completed(**(fields | overrides))


def test_session_id_is_deterministic_per_run():
    event = _event(used=2)
    # the same completion redelivered (a new event id, even a different score) is the same session
    again = event.model_copy(update={"event_id": uuid.uuid4(), "score": 10.0})
    assert session_from_completion(event).id == session_from_completion(again).id
    assert session_from_completion(event).id == session_from_completion(_event(run_id=event.run_id)).id


def test_different_runs_give_different_sessions():
    user = uuid.uuid4()
    ids = {session_from_completion(_event(user_id=user)).id for _ in range(50)}
    assert len(ids) == 50


def test_session_id_does_not_depend_on_the_learner():
    run = uuid.uuid4()
    assert session_from_completion(_event(run_id=run)).id == session_from_completion(_event(run_id=run)).id


@pytest.mark.parametrize(
    ("used", "missed", "accuracy"),
    [(3, 1, 0.75), (1, 2, 0.3333), (2, 1, 0.6667), (5, 0, 1.0), (0, 4, 0.0)],
)
def test_accuracy_is_the_share_of_vocabulary_used(used, missed, accuracy):
    session = session_from_completion(_event(used=used, missed=missed))
    assert session.accuracy == accuracy
    assert session.items == used + missed


def test_run_without_vocabulary_has_zero_accuracy_not_a_crash():
    session = session_from_completion(_event(used=0, missed=0))
    assert session.accuracy == 0.0
    assert session.items == 0


def test_session_copies_the_run_facts():
    event = _event(used=1, missed=1, language="fr", score=42.0, duration_seconds=123)
    session = session_from_completion(event)
    assert session.kind == "scenario"
    assert session.subject_id == "hotel-check-in"
    assert session.run_id == event.run_id
    assert session.user_id == event.user_id
    assert session.language == "fr"
    assert session.duration_seconds == 123
    assert session.score == 42.0
    assert session.ended_at == event.completed_at


@pytest.mark.parametrize(("total", "count", "expected"), [(10, 4, 2.5), (1, 3, 0.3), (2, 3, 0.7), (0, 5, 0.0), (250.0, 3, 83.3)])
def test_average_rounds_to_one_decimal(total, count, expected):
    assert average(total, count) == expected


@pytest.mark.parametrize("total", [0, 17.5, -3])
def test_average_of_nothing_is_zero_not_a_crash(total):
    assert average(total, 0) == 0.0
