"""Tables of reviewing: the review log, each learner's settings, and sessions. The cards
themselves are in ``parla.content.db`` (cards reach the deck from runs and documents too)."""

from __future__ import annotations

from sqlalchemy import JSON, Float, Index, Integer, SmallInteger, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.content.db import Base


class ReviewLogRow(Base):
    """One review, in the shape FSRS's optimizer reads (card, time, rating, state, elapsed days),
    with the memory state before and after and the recall FSRS predicted."""

    __tablename__ = "review_logs"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    # The client's id of the review: a retry or a second sync of it is recognised by it.
    client_review_id: Mapped[object] = mapped_column(Uuid)
    card_id: Mapped[object] = mapped_column(Uuid)
    session_id: Mapped[object | None] = mapped_column(Uuid)
    rating: Mapped[int] = mapped_column(SmallInteger)
    reviewed_at = mapped_column(UTCDateTime(), nullable=False)  # by the client's clock (never later than received)
    recorded_at = mapped_column(UTCDateTime(), nullable=False)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    elapsed_days: Mapped[float | None] = mapped_column(Float)
    retrievability: Mapped[float] = mapped_column(Float)
    state_before: Mapped[int] = mapped_column(SmallInteger)
    stability_before: Mapped[float | None] = mapped_column(Float)
    difficulty_before: Mapped[float | None] = mapped_column(Float)
    state_after: Mapped[int] = mapped_column(SmallInteger)
    stability_after: Mapped[float | None] = mapped_column(Float)
    difficulty_after: Mapped[float | None] = mapped_column(Float)
    due_after = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        UniqueConstraint("user_id", "client_review_id", name="uq_review_logs_client_review"),
        Index("ix_review_logs_card", "card_id", "reviewed_at"),
        # The day's counts for the limits, the learner's numbers and the export.
        Index("ix_review_logs_user_time", "user_id", "reviewed_at"),
    )


class ReviewSettingsRow(Base):
    __tablename__ = "review_settings"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    desired_retention: Mapped[float] = mapped_column(Float)
    new_cards_per_day: Mapped[int] = mapped_column(Integer)
    reviews_per_day: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str] = mapped_column(String(64))
    updated_at = mapped_column(UTCDateTime(), nullable=False)
    # The learner's own FSRS-6 parameters once fitted from their log (None: the defaults), and
    # what the fit reported (reviews used, log loss before and after, when).
    parameters: Mapped[list | None] = mapped_column(JSON)
    fit: Mapped[dict | None] = mapped_column(JSON)


class ReviewDeadlineRow(Base):
    """A date the learner must know a language's cards by (an exam, a trip), and the recall
    they want on it."""

    __tablename__ = "review_deadlines"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    on: Mapped[str] = mapped_column(String(10))  # the learner's date, YYYY-MM-DD
    ends_at = mapped_column(UTCDateTime(), nullable=False)  # the end of that date in their time zone
    target: Mapped[float] = mapped_column(Float)
    created_at = mapped_column(UTCDateTime(), nullable=False)


class ReviewSessionRow(Base):
    __tablename__ = "review_sessions"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    language: Mapped[str | None] = mapped_column(String(5))
    started_at = mapped_column(UTCDateTime(), nullable=False)
    reviewed: Mapped[int] = mapped_column(Integer, default=0)
    # A session of chosen cards (a scenario's words, before playing it); None for the whole deck.
    card_ids: Mapped[list | None] = mapped_column(JSON)
