"""Ratings and reviews of scenarios, their helpful votes, and each scenario's summary kept as
counters (moved in SQL by every rating change) so that reading it costs one row."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.organization.db import Base


class RatingRow(Base):
    __tablename__ = "ratings"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[object] = mapped_column(Uuid)
    overall: Mapped[int] = mapped_column(SmallInteger)
    difficulty_accuracy: Mapped[int] = mapped_column(SmallInteger)
    engagement: Mapped[int] = mapped_column(SmallInteger)
    learning_effectiveness: Mapped[int] = mapped_column(SmallInteger)
    cultural_authenticity: Mapped[int] = mapped_column(SmallInteger)
    review: Mapped[str] = mapped_column(Text, default="")
    has_review: Mapped[bool] = mapped_column(Boolean, default=False)
    helpful_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at = mapped_column(UTCDateTime(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        UniqueConstraint("scenario_id", "user_id", name="uq_ratings_scenario_user"),
        Index("ix_ratings_reviews_helpful", "scenario_id", "has_review", "helpful_count", "updated_at"),
        Index("ix_ratings_reviews_recent", "scenario_id", "has_review", "updated_at"),
        Index("ix_ratings_user", "user_id", "updated_at"),
    )


class RatingSummaryRow(Base):
    __tablename__ = "rating_summaries"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    sum_overall: Mapped[int] = mapped_column(Integer, default=0)
    stars_1: Mapped[int] = mapped_column(Integer, default=0)
    stars_2: Mapped[int] = mapped_column(Integer, default=0)
    stars_3: Mapped[int] = mapped_column(Integer, default=0)
    stars_4: Mapped[int] = mapped_column(Integer, default=0)
    stars_5: Mapped[int] = mapped_column(Integer, default=0)
    sum_difficulty_accuracy: Mapped[int] = mapped_column(Integer, default=0)
    sum_engagement: Mapped[int] = mapped_column(Integer, default=0)
    sum_learning_effectiveness: Mapped[int] = mapped_column(Integer, default=0)
    sum_cultural_authenticity: Mapped[int] = mapped_column(Integer, default=0)
    review_count: Mapped[int] = mapped_column(Integer, default=0)


class HelpfulVoteRow(Base):
    __tablename__ = "helpful_votes"

    rating_id: Mapped[object] = mapped_column(Uuid, ForeignKey("ratings.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    voted_at = mapped_column(UTCDateTime(), nullable=False)
