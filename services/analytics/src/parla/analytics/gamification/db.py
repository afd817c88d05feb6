"""Gamification's tables: the facts kept from events, and what the fold makes of them."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Date, Float, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.analytics.db import Base
from parla.chassis.db import UTCDateTime

# --- facts: sets keyed by what they are, so a duplicate event adds nothing ---------------------


class LearnerProfileRow(Base):
    """A learner's profile as their newest user event gives it."""

    __tablename__ = "learner_profiles"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(80))
    timezone: Mapped[str] = mapped_column(String(64))
    leaderboard_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at = mapped_column(UTCDateTime(), nullable=False)


class TimezoneChangeRow(Base):
    """The time zone a learner had from a moment on (their registration, then each profile change)."""

    __tablename__ = "timezone_changes"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    effective_at = mapped_column(UTCDateTime(), primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))


class ActivitySlotRow(Base):
    """A 15-minute slot (UTC) in which the learner learned: what streaks are counted from."""

    __tablename__ = "activity_slots"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    slot = mapped_column(UTCDateTime(), primary_key=True)


class CompletionFactRow(Base):
    """A completed run, with what its XP is computed from."""

    __tablename__ = "completion_facts"

    run_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    scenario_id: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(5))
    difficulty: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    duration_seconds: Mapped[int] = mapped_column(Integer)
    estimated_minutes: Mapped[int] = mapped_column(Integer)
    completed_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_completion_facts_user", "user_id", "completed_at"),)


class MilestoneRow(Base):
    """The first time a learner did a countable thing to a subject: rated a scenario, bookmarked
    an item, made or shared a collection, published a scenario, learned a word."""

    __tablename__ = "milestones"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    subject: Mapped[str] = mapped_column(String(150), primary_key=True)
    at = mapped_column(UTCDateTime(), nullable=False)


# --- derived: what the fold made of the facts --------------------------------------------------


class LearnerGameRow(Base):
    """A learner's XP, level and streak, and the fold's state to go on from."""

    __tablename__ = "learner_game"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    xp: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer, default=1)
    streak: Mapped[int] = mapped_column(Integer, default=0)
    longest_streak: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[dict] = mapped_column(JSON)


class XpGrantRow(Base):
    """The XP a completed run earned (the run is the grant's identity: one grant per run)."""

    __tablename__ = "xp_grants"

    run_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    language: Mapped[str] = mapped_column(String(5))
    amount: Mapped[int] = mapped_column(Integer)
    multiplier_percent: Mapped[int] = mapped_column(Integer)
    granted_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_xp_grants_user", "user_id", "granted_at"),)


class AchievementRow(Base):
    __tablename__ = "achievements"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    unlocked_at = mapped_column(UTCDateTime(), nullable=False)


class WeeklyXpRow(Base):
    """XP a learner earned in one language in one week (from Monday, UTC): the leaderboards.
    ``listed`` copies the learner's choice to appear, so a board is one index range."""

    __tablename__ = "weekly_xp"

    week = mapped_column(Date, primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    xp: Mapped[int] = mapped_column(Integer, default=0)
    listed: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_weekly_xp_board", "week", "language", "listed", "xp", "user_id"),
        Index("ix_weekly_xp_user", "user_id"),
    )
