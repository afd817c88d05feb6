"""Learning sessions and progress figures, derived from events. No I/O here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.contracts.events import ContentStudied, ReviewRecorded, ScenarioCompleted


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
    correct: int = 0


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
        correct=used,
    )


def session_from_study(event: ContentStudied) -> LearningSession:
    """A stretch of study of a document: its score is how far through the document the learner is."""
    return LearningSession(
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"parla:content-studied:{event.event_id}"),
        user_id=event.user_id,
        kind="content",
        subject_id=str(event.document_id),
        run_id=None,
        language=event.language,
        duration_seconds=event.seconds,
        items=0,
        accuracy=0.0,
        score=float(event.progress_percent),
        ended_at=event.occurred_at,
    )


def review_sessions(events: Iterable[ReviewRecorded]) -> list[LearningSession]:
    """Reviews as learning sessions: those of one review session together (reviews made outside
    any, those of one learner's UTC day), with the time the learner spent answering, the cards
    reviewed and the share recalled. Each is what this batch adds to its session."""
    grouped: dict[uuid.UUID, list[ReviewRecorded]] = {}
    for event in events:
        grouped.setdefault(review_session_id(event), []).append(event)
    sessions = []
    for key, reviews in grouped.items():
        recalled = sum(1 for r in reviews if r.rating != "again")
        sessions.append(
            LearningSession(
                id=key,
                user_id=reviews[0].user_id,
                kind="review",
                subject_id=str(reviews[0].session_id or reviews[0].reviewed_at.astimezone(UTC).date()),
                run_id=None,
                language=reviews[0].language,
                duration_seconds=sum(answer_seconds(r) for r in reviews),
                items=len(reviews),
                accuracy=round(recalled / len(reviews), 4),
                score=0.0,
                ended_at=max(r.reviewed_at for r in reviews),
                correct=recalled,
            )
        )
    return sessions


def answer_seconds(event: ReviewRecorded) -> int:
    """The time a review took, in whole seconds, rounded per review so that any batching of the
    same reviews adds up to the same total."""
    return round((event.duration_ms or 0) / 1000)


def review_session_id(event: ReviewRecorded) -> uuid.UUID:
    if event.session_id is not None:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"parla:review-session:{event.session_id}")
    return uuid.uuid5(uuid.NAMESPACE_URL, f"parla:reviews:{event.user_id}:{event.reviewed_at.astimezone(UTC).date()}")


def average(total: float, count: int) -> float:
    return round(total / count, 1) if count else 0.0
