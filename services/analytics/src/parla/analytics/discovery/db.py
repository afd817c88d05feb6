"""Discovery's read models: what is known of each scenario, its counts, and one row per
language it can be played in, holding the scores lists are ordered by."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Float, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.analytics.db import Base
from parla.chassis.db import UTCDateTime


class DiscoveryScenarioRow(Base):
    """A scenario as its own events describe it (the newest one wins)."""

    __tablename__ = "discovery_scenarios"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner_id: Mapped[object | None] = mapped_column(Uuid)
    visibility: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(30))
    difficulty: Mapped[str] = mapped_column(String(20))
    languages: Mapped[list] = mapped_column(JSON)
    titles: Mapped[dict] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at = mapped_column(UTCDateTime(), nullable=False)
    # When it was first announced public (whatever order its events came in): with the time of
    # its deletion (changed_at of a deleted one), when it was listed, for "all of" achievements.
    public_since = mapped_column(UTCDateTime())


class ScenarioStatsRow(Base):
    """Counts of a scenario over all languages, and the scores computed from them in SQL."""

    __tablename__ = "scenario_stats"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)
    starts: Mapped[int] = mapped_column(Integer, default=0)
    completions: Mapped[int] = mapped_column(Integer, default=0)
    bookmarks: Mapped[int] = mapped_column(Integer, default=0)
    ratings: Mapped[int] = mapped_column(Integer, default=0)
    ratings_sum: Mapped[int] = mapped_column(Integer, default=0)
    # Engagement of no language (ratings, bookmarks), as a trend sum: added to every language row.
    trend: Mapped[float] = mapped_column(Float, default=0.0)


class DiscoveryRow(Base):
    """A scenario in one language: the scores its lists are ordered by, and whether it is listed
    (public and not deleted). Engagement may arrive before the scenario's own event: its row
    then exists, unlisted, until the scenario is known."""

    __tablename__ = "discovery"

    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    listed: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str] = mapped_column(String(30), default="")
    # Σ weight × 2^((t − EPOCH) / half-life) of this language's engagement (see domain), and
    # the trend the lists order by: that plus the scenario's engagement of no language. Kept
    # apart so that a row made after such engagement (its scenario known late) still counts it,
    # whatever order the topics are read in.
    trend_local: Mapped[float] = mapped_column(Float, default=0.0)
    trend: Mapped[float] = mapped_column(Float, default=0.0)
    popular: Mapped[float] = mapped_column(Float, default=0.0)
    mean_rating: Mapped[float] = mapped_column(Float, default=0.0)
    ratings: Mapped[int] = mapped_column(Integer, default=0)
    # The mean rating once the scenario has the configured number of ratings, else -1: the top
    # rated list is then a range of its own index, not a walk past scenarios rated once.
    top_rated: Mapped[float] = mapped_column(Float, default=-1.0)

    __table_args__ = (
        Index("ix_discovery_trending", "language", "listed", "trend", "scenario_id"),
        Index("ix_discovery_category_trending", "language", "category", "listed", "trend", "scenario_id"),
        Index("ix_discovery_popular", "language", "listed", "popular", "scenario_id"),
        # A category's popular list (recommendations read one per reason).
        Index("ix_discovery_category_popular", "language", "category", "listed", "popular", "scenario_id"),
        Index("ix_discovery_top_rated", "language", "listed", "top_rated", "scenario_id"),
    )


class LearnerScenarioRow(Base):
    """What one learner did with one scenario, for their recommendations."""

    __tablename__ = "learner_scenarios"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    category: Mapped[str] = mapped_column(String(30), default="")
    started_at = mapped_column(UTCDateTime())
    # The latest completion, and its score (whatever order completions are read in).
    completed_at = mapped_column(UTCDateTime())
    last_score: Mapped[float | None] = mapped_column(Float)
    completions: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(Integer)


class ScenarioWordRow(Base):
    """A key word of a scenario in one language, as its completed runs list it (words used and
    missed): what "practises words you missed" is matched on."""

    __tablename__ = "scenario_words"

    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    lemma: Mapped[str] = mapped_column(String(100), primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
