"""Tables of the persona service."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Float, Index, Integer, String, Text, UniqueConstraint, Uuid, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class PersonaPreferenceRow(Base):
    """A learner's chosen persona; no row means the default persona applies."""

    __tablename__ = "persona_preferences"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    persona_type: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    learner_level: Mapped[str] = mapped_column(String(20))
    updated_at = mapped_column(UTCDateTime(), nullable=False)


class BudgetRow(Base):
    """A learner's budget settings; no row means the defaults ($30 a month, enforced)."""

    __tablename__ = "budgets"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    limit_usd: Mapped[float] = mapped_column(Float)
    max_limit_usd: Mapped[float] = mapped_column(Float)
    period: Mapped[str] = mapped_column(String(10))
    custom_days: Mapped[int] = mapped_column(Integer)
    enforce: Mapped[bool] = mapped_column(Boolean)
    thresholds: Mapped[list] = mapped_column(JSON)
    # Spend is counted from here (and from the start of the current period): a reset moves it.
    anchor = mapped_column(UTCDateTime(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), nullable=False)


class UsageRow(Base):
    """One AI call: what it cost, or, until it is settled, the most it may cost (a hold)."""

    __tablename__ = "ai_usage"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    # The caller's id for this call: a retried call is recorded once.
    call_id: Mapped[str] = mapped_column(String(100))
    provider: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(100))
    tokens_in: Mapped[int] = mapped_column(Integer)
    tokens_out: Mapped[int] = mapped_column(Integer)
    cost_usd: Mapped[float] = mapped_column(Float)
    # False while the call is under way: cost_usd is then the amount held for it.
    settled: Mapped[bool] = mapped_column(Boolean, server_default=true())
    at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        UniqueConstraint("user_id", "call_id", name="uq_ai_usage_call"),
        Index("ix_ai_usage_user_at", "user_id", "at"),
    )


class BudgetAlertRow(Base):
    """Each threshold is announced once per period."""

    __tablename__ = "budget_alerts"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    period_start = mapped_column(UTCDateTime(), primary_key=True)
    threshold: Mapped[int] = mapped_column(Integer, primary_key=True)


class BudgetResetRow(Base):
    __tablename__ = "budget_resets"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    admin_id: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    at = mapped_column(UTCDateTime(), nullable=False)


metadatas = (Base.metadata, messaging_metadata)
