"""The status of each word a learner has met."""

from __future__ import annotations

from sqlalchemy import Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.content.db import Base


class WordStatusRow(Base):
    __tablename__ = "word_statuses"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    lemma: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    updated_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_word_statuses_user_status", "user_id", "language", "status"),)
