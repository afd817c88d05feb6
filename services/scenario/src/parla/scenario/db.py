"""Tables of the scenario service."""

from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class ScenarioRow(Base):
    __tablename__ = "scenarios"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    owner_id: Mapped[object | None] = mapped_column(Uuid)  # None: a system scenario
    visibility: Mapped[str] = mapped_column(String(10))  # public | private
    category: Mapped[str] = mapped_column(String(20))
    difficulty: Mapped[str] = mapped_column(String(20))
    estimated_minutes: Mapped[int] = mapped_column(Integer)
    spec: Mapped[dict] = mapped_column(JSON)
    created_at = mapped_column(UTCDateTime(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), nullable=False)
    # Deleted scenarios stay for the runs that played them, invisible to everyone else.
    deleted_at = mapped_column(UTCDateTime())
    # Set when an admin edits a system scenario: seeding then leaves it as the admin made it.
    edited_by_admin_at = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_scenarios_owner", "owner_id"),)


class ScenarioLocalizationRow(Base):
    """One row per (scenario, language): everything a catalogue page shows, filters and sorts on,
    so that a listing never decodes a scenario's document. The scenario's own columns (category,
    owner, visibility, deletion...) are copied here by every write (``ScenarioRepository``)."""

    __tablename__ = "scenario_localizations"

    scenario_id: Mapped[str] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(20))
    difficulty: Mapped[str] = mapped_column(String(20))
    estimated_minutes: Mapped[int] = mapped_column(Integer)
    phase_count: Mapped[int] = mapped_column(Integer)
    languages: Mapped[str] = mapped_column(String(40))  # all the scenario's languages: "de,en,es"
    owner_id: Mapped[object | None] = mapped_column(Uuid)
    visibility: Mapped[str] = mapped_column(String(10))
    deleted_at = mapped_column(UTCDateTime())

    __table_args__ = (
        # A page in one language, by title; the filter columns ride along so that filtering the
        # walk and counting the total read the index alone.
        Index(
            "ix_scenario_localizations_catalogue",
            "language",
            "title",
            "scenario_id",
            "category",
            "difficulty",
            "visibility",
            "deleted_at",
            "owner_id",
        ),
        # A page in every language, by title.
        Index("ix_scenario_localizations_titles", "title", "scenario_id", "language"),
        # One author's scenarios (author=me, system or a user id), counted from the index alone.
        Index(
            "ix_scenario_localizations_owner",
            "owner_id",
            "language",
            "title",
            "scenario_id",
            "category",
            "difficulty",
            "visibility",
            "deleted_at",
        ),
    )


class CatalogueCountRow(Base):
    """How many public listing rows each (language, category, difficulty) has; under the language
    ``*``, how many public scenarios. Moved by every write that changes a listing row, so that a
    catalogue page's total never counts rows one by one."""

    __tablename__ = "catalogue_counts"

    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    category: Mapped[str] = mapped_column(String(20), primary_key=True)
    difficulty: Mapped[str] = mapped_column(String(20), primary_key=True)
    scenarios: Mapped[int] = mapped_column(Integer)


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    scenario_id: Mapped[str] = mapped_column(ForeignKey("scenarios.id"))
    language: Mapped[str] = mapped_column(String(5))
    status: Mapped[str] = mapped_column(String(12))  # active | completed | abandoned
    persona: Mapped[str] = mapped_column(String(40), server_default="")
    current_phase: Mapped[int] = mapped_column(Integer)
    progress: Mapped[list] = mapped_column(JSON)  # one PhaseProgress per phase
    # The scenario as it was when the run started (its language only): later edits by the
    # author never change a run in progress.
    scenario_snapshot: Mapped[dict | None] = mapped_column(JSON)
    mistakes: Mapped[list] = mapped_column(JSON, server_default="[]")  # Mistake dicts, in order
    score: Mapped[float | None] = mapped_column(Float)
    started_at = mapped_column(UTCDateTime(), nullable=False)
    completed_at = mapped_column(UTCDateTime())
    # Bumped by every write: a turn judged on version n is stored only if the run is still at n
    # (optimistic concurrency, so no lock is held while the tutor answers).
    version: Mapped[int] = mapped_column(Integer, server_default="0", default=0)

    __table_args__ = (Index("ix_runs_user_started", "user_id", "started_at"),)


class TurnRow(Base):
    __tablename__ = "run_turns"

    run_id: Mapped[object] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(10))  # learner | tutor
    text: Mapped[str] = mapped_column(Text)
    created_at = mapped_column(UTCDateTime(), nullable=False)


# What migrations describe: this service's tables and the outbox/inbox from the chassis.
metadatas = (Base.metadata, messaging_metadata)
