"""A learner's days, skills and recall, kept from events for the dashboard."""

from __future__ import annotations

from sqlalchemy import Date, Float, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.analytics.db import Base


class LearnerDayRow(Base):
    """What a learner did on one day (UTC): counters summed from events."""

    __tablename__ = "learner_days"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    day = mapped_column(Date, primary_key=True)
    study_seconds: Mapped[int] = mapped_column(Integer, default=0)
    scenarios: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    # Reviews of cards already learned (their recall was predicted), and how many were recalled.
    due_reviews: Mapped[int] = mapped_column(Integer, default=0)
    due_recalled: Mapped[int] = mapped_column(Integer, default=0)
    # XP granted for runs completed that day (corrections land on the run's day too).
    xp: Mapped[int] = mapped_column(Integer, default=0)


class SkillDayRow(Base):
    """One skill's signals on one day: their sum (each 0-100) and how many."""

    __tablename__ = "skill_days"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    skill: Mapped[str] = mapped_column(String(20), primary_key=True)
    day = mapped_column(Date, primary_key=True)
    total: Mapped[float] = mapped_column(Float, default=0.0)
    samples: Mapped[int] = mapped_column(Integer, default=0)


class CalibrationRow(Base):
    """Predicted against actual recall, in tenths of predicted recall (bin 0: 0-10%, ...)."""

    __tablename__ = "calibration"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    bin: Mapped[int] = mapped_column(Integer, primary_key=True)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    recalled: Mapped[int] = mapped_column(Integer, default=0)
    predicted: Mapped[float] = mapped_column(Float, default=0.0)


class WeakSpotRow(Base):
    """A word the learner missed, or a point their mistakes were corrected on, with how often."""

    __tablename__ = "weak_spots"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    # word (a key word of a run not used) | grammar (a mistake's explanation, else its correction)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    times: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_weak_spots_most", "user_id", "kind", "times"),)
