"""Collections, their ordered items and their subscribers."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.organization.db import Base


class CollectionRow(Base):
    __tablename__ = "collections"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[object] = mapped_column(Uuid)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    # Name and description folded (lower case, no accents) for search on either database.
    search_text: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(10))
    learning_path: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str] = mapped_column(String(30), default="")
    difficulty: Mapped[str] = mapped_column(String(20), default="")
    item_count: Mapped[int] = mapped_column(Integer, default=0)
    subscriber_count: Mapped[int] = mapped_column(Integer, default=0)
    # The items' estimated minutes, those removed left out: kept by every change of the items
    # and of the items' own records, so that a page of collections reads no items.
    total_minutes: Mapped[int] = mapped_column(Integer, default=0)
    # Bumped by every change, so that a change made from a stale read can be refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    copied_from: Mapped[object | None] = mapped_column(Uuid)
    created_at = mapped_column(UTCDateTime(), nullable=False)
    updated_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        Index("ix_collections_owner_updated", "owner_id", "updated_at"),
        # Browsing public collections: most subscribed first, or most recently changed first.
        Index("ix_collections_visibility_popular", "visibility", "subscriber_count", "created_at", "id"),
        Index("ix_collections_visibility_updated", "visibility", "updated_at", "id"),
        # A category's list, most subscribed first: its own walk, however rare the category.
        Index("ix_collections_category_popular", "visibility", "category", "subscriber_count", "created_at", "id"),
    )


class CollectionItemRow(Base):
    __tablename__ = "collection_items"

    collection_id: Mapped[object] = mapped_column(Uuid, ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    # 0, 1, 2, ... with no gaps, rewritten in the collection's transaction on every change.
    position: Mapped[int] = mapped_column(Integer)
    added_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        Index("ix_collection_items_position", "collection_id", "position"),
        # The collections an item is in, when the item changes.
        Index("ix_collection_items_item", "kind", "item_id"),
    )


class SubscriptionRow(Base):
    __tablename__ = "collection_subscriptions"

    collection_id: Mapped[object] = mapped_column(Uuid, ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    subscribed_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_collection_subscriptions_user", "user_id", "subscribed_at"),)
