"""Tables of the content service."""

from __future__ import annotations

from sqlalchemy import BigInteger, Float, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class CardRow(Base):
    __tablename__ = "cards"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    language: Mapped[str] = mapped_column(String(5))
    front: Mapped[str] = mapped_column(Text)
    back: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(300))
    source_kind: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[str] = mapped_column(String(100))
    # FSRS-6 state, as the fsrs package models it.
    fsrs_card_id: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due = mapped_column(UTCDateTime(), nullable=False)
    last_review = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        UniqueConstraint("user_id", "language", "key", name="uq_cards_user_language_key"),
        Index("ix_cards_user_due", "user_id", "due"),
        # A document's cards: its mastery, and marking them when it is deleted.
        Index("ix_cards_source", "source_id", "source_kind"),
    )


metadatas = (Base.metadata, messaging_metadata)
