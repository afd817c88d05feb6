"""The read model of what can be organised, kept from the scenario and content services' events."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.organization.db import Base


class ItemRow(Base):
    """A scenario or a learner's document, as the organization service knows it."""

    __tablename__ = "items"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    # None: a system scenario. A document's owner is the learner who imported it.
    owner_id: Mapped[object | None] = mapped_column(Uuid)
    visibility: Mapped[str] = mapped_column(String(10))
    titles: Mapped[dict] = mapped_column(JSON)
    category: Mapped[str] = mapped_column(String(30), default="")
    difficulty: Mapped[str] = mapped_column(String(20), default="")
    languages: Mapped[list] = mapped_column(JSON)
    estimated_minutes: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the latest event applied to this row happened: an older event arriving late changes
    # nothing.
    changed_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_items_owner", "owner_id"),)


class FinishedRow(Base):
    """What a learner has finished: a completed run of a scenario, a document studied to the end.
    Ratings are gated on it and a learning path's "next up" skips it."""

    __tablename__ = "finished_items"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    finished_at = mapped_column(UTCDateTime(), nullable=False)
