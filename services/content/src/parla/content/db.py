"""Tables of the content service."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint, Uuid
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
    # Which queue the card is in (new 0, learning 1, review 2, suspended -1: see review.domain),
    # so that a session reads each queue as one range of the (user_id, queue, due) index.
    queue: Mapped[int] = mapped_column(SmallInteger, default=0)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[list] = mapped_column(JSON, default=list)
    # Left out of sessions until then (the learner's next day).
    buried_until = mapped_column(UTCDateTime())
    # Reviews before this belong to the card's life before a reset.
    reset_at = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("user_id", "language", "key", name="uq_cards_user_language_key"),
        Index("ix_cards_user_queue_due", "user_id", "queue", "due"),
        # A document's cards: its mastery, and marking them when it is deleted.
        Index("ix_cards_source", "source_id", "source_kind"),
    )


class CardSourceRow(Base):
    """Where a card came from: its first source, and every later one that named the same word
    (a second run, a document) rather than a duplicate card."""

    __tablename__ = "card_sources"

    card_id: Mapped[object] = mapped_column(Uuid, ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    source_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    context: Mapped[str] = mapped_column(Text, default="")
    added_at = mapped_column(UTCDateTime(), nullable=False)

    # The cards one source gave (a run's mistakes, a document's flashcards), in the order added.
    __table_args__ = (Index("ix_card_sources_source", "source_id", "kind", "added_at"),)


metadatas = (Base.metadata, messaging_metadata)
