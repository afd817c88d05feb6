"""SQL of bookmarks and their folders. Every query is scoped to one learner."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import lock_until_commit
from parla.organization.bookmarks.db import BookmarkRow, FolderRow
from parla.organization.catalogue.domain import ItemRef
from parla.organization.catalogue.repository import refs_in

# The first key of the advisory locks taken here, so that they meet no other feature's.
_LOCK_NAMESPACE = 0x0B00C3A2


class BookmarkRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_learner(self, user_id: uuid.UUID) -> None:
        """Make this transaction the only one writing the learner's bookmarks and folders until
        it ends. Their checks (a folder's name is free, there is room for one more, the item is
        bookmarked or not) read rows that may not exist yet, which FOR UPDATE cannot lock; on
        PostgreSQL a transaction-scoped advisory lock per learner does. On SQLite every writing
        transaction already holds the database's write lock (BEGIN IMMEDIATE)."""
        await lock_until_commit(self.session, _LOCK_NAMESPACE, user_id)

    # --- bookmarks ------------------------------------------------------------------------

    async def bookmark(self, user_id: uuid.UUID, ref: ItemRef) -> BookmarkRow | None:
        return await self.session.scalar(
            select(BookmarkRow).where(BookmarkRow.user_id == user_id, BookmarkRow.kind == ref.kind, BookmarkRow.item_id == ref.id)
        )

    async def add(self, user_id: uuid.UUID, ref: ItemRef, *, folder: uuid.UUID | None, note: str, at: datetime) -> BookmarkRow:
        row = BookmarkRow(user_id=user_id, kind=ref.kind, item_id=ref.id, folder_id=folder, note=note, created_at=at)
        self.session.add(row)
        await self.session.flush()
        return row

    async def remove(self, row: BookmarkRow) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def count(self, user_id: uuid.UUID, *, folder: uuid.UUID | None = None) -> int:
        """The learner's bookmarks, or those in ``folder``."""
        where = [BookmarkRow.user_id == user_id]
        if folder is not None:
            where.append(BookmarkRow.folder_id == folder)
        return int(await self.session.scalar(select(func.count()).select_from(BookmarkRow).where(*where)) or 0)

    async def page(
        self, user_id: uuid.UUID, *, folder: uuid.UUID | None, unfiled: bool, kind: str | None, limit: int, offset: int
    ) -> list[BookmarkRow]:
        """Newest first. Served by (user_id, folder_id, created_at) when a folder (or none) is
        asked for, by (user_id, created_at) otherwise."""
        where = [BookmarkRow.user_id == user_id]
        if folder is not None:
            where.append(BookmarkRow.folder_id == folder)
        elif unfiled:
            where.append(BookmarkRow.folder_id.is_(None))
        if kind:
            where.append(BookmarkRow.kind == kind)
        rows = await self.session.scalars(
            select(BookmarkRow)
            .where(*where)
            .order_by(BookmarkRow.created_at.desc(), BookmarkRow.kind, BookmarkRow.item_id)
            .limit(limit)
            .offset(offset)
        )
        return list(rows)

    async def bookmarked(self, user_id: uuid.UUID, refs: Sequence[ItemRef]) -> set[ItemRef]:
        """Which of these (at most a page of) items the learner has bookmarked, in one query."""
        if not refs:
            return set()
        rows = await self.session.execute(
            select(BookmarkRow.kind, BookmarkRow.item_id).where(
                BookmarkRow.user_id == user_id, refs_in(BookmarkRow.kind, BookmarkRow.item_id, refs)
            )
        )
        return {ItemRef(kind, item_id) for kind, item_id in rows}

    # --- folders --------------------------------------------------------------------------

    async def folder(self, user_id: uuid.UUID, folder_id: uuid.UUID) -> FolderRow | None:
        return await self.session.scalar(select(FolderRow).where(FolderRow.id == folder_id, FolderRow.user_id == user_id))

    async def folder_names(self, user_id: uuid.UUID) -> dict[uuid.UUID, str]:
        """Every folder of the learner (at most 100), by id."""
        rows = await self.session.execute(select(FolderRow.id, FolderRow.name).where(FolderRow.user_id == user_id))
        return {folder_id: name for folder_id, name in rows}

    async def add_folder(self, user_id: uuid.UUID, name: str, at: datetime) -> FolderRow:
        row = FolderRow(id=uuid.uuid4(), user_id=user_id, name=name, created_at=at)
        self.session.add(row)
        await self.session.flush()
        return row

    async def rename_folder(self, row: FolderRow, name: str) -> None:
        row.name = name
        await self.session.flush()

    async def delete_folder(self, user_id: uuid.UUID, folder_id: uuid.UUID) -> None:
        """The folder goes; its bookmarks stay, in no folder. They are taken out here rather than
        left to the foreign key's ON DELETE SET NULL, which SQLite applies only with its
        foreign_keys pragma on."""
        await self.session.execute(
            update(BookmarkRow).where(BookmarkRow.user_id == user_id, BookmarkRow.folder_id == folder_id).values(folder_id=None)
        )
        await self.session.execute(delete(FolderRow).where(FolderRow.id == folder_id, FolderRow.user_id == user_id))

    async def folders(self, user_id: uuid.UUID) -> list[tuple[FolderRow, int]]:
        """The learner's folders by name, each with its number of bookmarks, in one grouped query."""
        count = func.count(BookmarkRow.item_id)
        rows = await self.session.execute(
            select(FolderRow, count)
            .outerjoin(BookmarkRow, and_(BookmarkRow.user_id == FolderRow.user_id, BookmarkRow.folder_id == FolderRow.id))
            .where(FolderRow.user_id == user_id)
            .group_by(FolderRow.id)
            .order_by(func.lower(FolderRow.name), FolderRow.id)
        )
        return [(folder, int(n)) for folder, n in rows]

    async def change(self, row: BookmarkRow, values: dict) -> None:
        for name, value in values.items():
            setattr(row, name, value)
        await self.session.flush()


def refs_of(rows: Iterable[BookmarkRow]) -> list[ItemRef]:
    return [ItemRef(row.kind, row.item_id) for row in rows]
