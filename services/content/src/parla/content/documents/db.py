"""Tables of imported documents. A document's job writes each stage's output and moves the
stage forward in one transaction, so what a stage half-wrote is never seen: a job stopped
mid-stage starts that stage again."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.content.db import Base

STAGES = ("queued", "extracting", "analysing", "generating", "done", "failed")
FINISHED = ("done", "failed")


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    # Title, and title with description and topics, folded (lower case, no accents) for search:
    # the same on SQLite and PostgreSQL, whose lower() differ beyond ASCII.
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(10))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    stage: Mapped[str] = mapped_column(String(20))
    percent: Mapped[int] = mapped_column(Integer)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(5))
    level: Mapped[str | None] = mapped_column(String(2))
    word_count: Mapped[int | None] = mapped_column(Integer)
    topics: Mapped[list] = mapped_column(JSON, default=list)
    # The language its flashcards are glossed in (the learner's native language), if any.
    gloss_language: Mapped[str | None] = mapped_column(String(5))
    # Study: how often and how long the learner studied it, and how far they got.
    views: Mapped[int] = mapped_column(Integer, default=0)
    study_seconds: Mapped[int] = mapped_column(Integer, default=0)
    progress_percent: Mapped[int] = mapped_column(Integer, default=0)
    last_studied_at = mapped_column(UTCDateTime())
    # The job's lease: a worker holds the document until then (renewed while it works); a job
    # whose worker died is taken up again once its lease has run out.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        Index("ix_documents_user_created", "user_id", "created_at"),
        Index("ix_documents_stage", "stage", "created_at"),
    )


class DocumentFileRow(Base):
    """The bytes as uploaded (or the text as pasted, UTF-8): what extraction starts from."""

    __tablename__ = "document_files"

    document_id: Mapped[object] = mapped_column(Uuid, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentTextRow(Base):
    """The extracted plain text: what analysis starts from."""

    __tablename__ = "document_texts"

    document_id: Mapped[object] = mapped_column(Uuid, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class DocumentMaterialRow(Base):
    """What analysis and generation made of the text, and the learner's notes."""

    __tablename__ = "document_materials"

    document_id: Mapped[object] = mapped_column(Uuid, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    analysis: Mapped[dict] = mapped_column(JSON)
    material: Mapped[dict | None] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text, default="")


class DocumentIndexRow(Base):
    """The document's body as a search index: its distinct words in one string (see ``search``)."""

    __tablename__ = "document_index"

    document_id: Mapped[object] = mapped_column(Uuid, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    terms: Mapped[str] = mapped_column(Text)
