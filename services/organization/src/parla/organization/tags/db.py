"""Learners' own tags, and the keyword tags generated from a scenario's text."""

from __future__ import annotations

from sqlalchemy import JSON, Float, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.organization.db import Base


class TagRow(Base):
    """One learner's tag on a scenario, a document or a collection."""

    __tablename__ = "tags"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    tag: Mapped[str] = mapped_column(String(50), primary_key=True)
    tagged_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        Index("ix_tags_user_tag", "user_id", "tag"),
        # A public collection's owner tags are shown to everyone who browses it.
        Index("ix_tags_kind_tag_item", "kind", "tag", "item_id"),
    )


class GeneratedTagRow(Base):
    """A keyword of a scenario in one of its languages, made when it is published or changed."""

    __tablename__ = "generated_tags"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    tag: Mapped[str] = mapped_column(String(50), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_generated_tags_tag", "tag", "scenario_id"),)


class KeywordQueueRow(Base):
    """A scenario whose keyword tags are to be (re)made from these texts: staged by the consumer,
    made by the keyword worker outside any transaction (lemmatising is CPU work, and loading a
    language's data takes up to a second)."""

    __tablename__ = "keyword_queue"

    scenario_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    # The scenario change the texts are from: the worker writes its tags only if no newer change
    # was staged meanwhile.
    changed_at = mapped_column(UTCDateTime(), nullable=False)
    texts: Mapped[dict] = mapped_column(JSON)


class PopularTagRow(Base):
    """How many public scenarios carry a keyword tag, per language ("" for any language): kept
    by every change of generated tags or of a scenario's visibility, so that the most used tags
    are an index walk, not an aggregation over every scenario's tags."""

    __tablename__ = "popular_tags"

    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    tag: Mapped[str] = mapped_column(String(50), primary_key=True)
    scenarios: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_popular_tags_language_scenarios", "language", "scenarios", "tag"),)
