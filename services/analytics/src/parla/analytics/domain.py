"""Learning sessions and progress figures, derived from events. No I/O here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from parla.contracts.events import ScenarioCompleted


@dataclass(frozen=True)
class LearningSession:
    id: uuid.UUID
    user_id: uuid.UUID
    kind: str
    subject_id: str
    run_id: uuid.UUID | None
    language: str
    duration_seconds: int
    items: int
    accuracy: float
    score: float
    ended_at: datetime


def session_from_completion(event: ScenarioCompleted) -> LearningSession:
    """A scenario run as a learning session: its items are the run's vocabulary, its accuracy
    the share of that vocabulary the learner produced."""
    used, missed = len(event.vocabulary_used), len(event.vocabulary_missed)
    items = used + missed
    return LearningSession(
        # Derived from the run, so the same completion can never become two sessions.
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"parla:scenario-run:{event.run_id}"),
        user_id=event.user_id,
        kind="scenario",
        subject_id=event.scenario_id,
        run_id=event.run_id,
        language=event.language,
        duration_seconds=event.duration_seconds,
        items=items,
        accuracy=round(used / items, 4) if items else 0.0,
        score=event.score,
        ended_at=event.completed_at,
    )


def average(total: float, count: int) -> float:
    return round(total / count, 1) if count else 0.0
