"""Read models of the analytics service."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class LearningSessionRow(Base):
    __tablename__ = "learning_sessions"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(100))
    run_id: Mapped[object | None] = mapped_column(Uuid)
    language: Mapped[str] = mapped_column(String(5))
    duration_seconds: Mapped[int] = mapped_column(Integer)
    items: Mapped[int] = mapped_column(Integer)
    accuracy: Mapped[float] = mapped_column(Float)
    # Items got right (words used, cards recalled): accuracy is correct / items.
    correct: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float] = mapped_column(Float)
    ended_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_learning_sessions_user_ended", "user_id", "ended_at"),)


class LearnerProgressRow(Base):
    __tablename__ = "learner_progress"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    scenarios_started: Mapped[int] = mapped_column(Integer, default=0)
    scenarios_completed: Mapped[int] = mapped_column(Integer, default=0)
    total_study_seconds: Mapped[int] = mapped_column(Integer, default=0)
    score_sum: Mapped[float] = mapped_column(Float, default=0.0)


class ScenarioEngagementRow(Base):
    """Per-scenario counters that trending and popularity will be computed from."""

    __tablename__ = "scenario_engagement"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    starts: Mapped[int] = mapped_column(Integer, default=0)
    completions: Mapped[int] = mapped_column(Integer, default=0)
    score_sum: Mapped[float] = mapped_column(Float, default=0.0)
    last_activity_at = mapped_column(UTCDateTime())


metadatas = (Base.metadata, messaging_metadata)
