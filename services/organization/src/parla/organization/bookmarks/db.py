"""Learners' bookmarks and their folders."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.organization.db import Base


class FolderRow(Base):
    __tablename__ = "bookmark_folders"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(Uuid)
    name: Mapped[str] = mapped_column(String(100))
    created_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_bookmark_folders_user_name"),)


class BookmarkRow(Base):
    __tablename__ = "bookmarks"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    folder_id: Mapped[object | None] = mapped_column(Uuid, ForeignKey("bookmark_folders.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (
        Index("ix_bookmarks_user_created", "user_id", "created_at"),
        Index("ix_bookmarks_user_folder_created", "user_id", "folder_id", "created_at"),
    )
