"""SQL of the read model: written from batches of events, read by every feature."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import and_, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked, insert_for, upsert
from parla.organization.catalogue.db import FinishedRow, ItemRow
from parla.organization.catalogue.domain import ItemRef


def refs_in(kind_column, id_column, refs: Iterable[ItemRef]):
    """A condition matching these items: per kind, ``kind = k AND id IN (...)``. A row-value
    ``(kind, id) IN (...)`` would read the same rows, but SQLite plans it as a scan of the whole
    table; this form walks the (kind, id) index on both databases."""
    by_kind: dict[str, list[str]] = {}
    for ref in refs:
        by_kind.setdefault(ref.kind, []).append(ref.id)
    if not by_kind:
        return false()
    return or_(*(and_(kind_column == kind, id_column.in_(ids)) for kind, ids in sorted(by_kind.items())))


class CatalogueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def put_items(self, rows: Sequence[dict]) -> None:
        """Insert or replace items, each only if it is newer than what is stored (events of one
        item may arrive late or again; the newest wins)."""
        await upsert(self.session, ItemRow.__table__, rows, ["kind", "item_id"], newest_by="changed_at")

    async def mark_deleted(self, refs_at: Sequence[tuple[ItemRef, datetime]]) -> None:
        table = ItemRow.__table__
        for ref, at in refs_at:
            await self.session.execute(
                table.update()
                .where(table.c.kind == ref.kind, table.c.item_id == ref.id, table.c.changed_at <= at)
                .values(deleted=True, changed_at=at)
            )

    async def mark_finished(self, rows: Sequence[tuple[uuid.UUID, ItemRef, datetime]]) -> None:
        """Record what learners finished; finishing again keeps the first time."""
        unique = {(user, ref): at for user, ref, at in sorted(rows, key=lambda r: r[2], reverse=True)}
        values = [{"user_id": user, "kind": ref.kind, "item_id": ref.id, "finished_at": at} for (user, ref), at in unique.items()]
        for chunk in chunked(values):
            await self.session.execute(
                insert_for(self.session, FinishedRow.__table__).values(list(chunk)).on_conflict_do_nothing()
            )

    async def items(self, refs: Iterable[ItemRef]) -> dict[ItemRef, ItemRow]:
        """The items known by these references (deleted ones included), by reference."""
        wanted = sorted(set(refs))
        found: dict[ItemRef, ItemRow] = {}
        for chunk in chunked(wanted):
            rows = await self.session.scalars(select(ItemRow).where(refs_in(ItemRow.kind, ItemRow.item_id, chunk)))
            found.update({ItemRef(row.kind, row.item_id): row for row in rows})
        return found

    async def item(self, ref: ItemRef) -> ItemRow | None:
        return await self.session.get(ItemRow, (ref.kind, ref.id))

    async def finished(self, user_id: uuid.UUID, refs: Iterable[ItemRef]) -> set[ItemRef]:
        """Which of these items the learner has finished."""
        wanted = sorted(set(refs))
        done: set[ItemRef] = set()
        for chunk in chunked(wanted):
            rows = await self.session.execute(
                select(FinishedRow.kind, FinishedRow.item_id).where(
                    FinishedRow.user_id == user_id,
                    refs_in(FinishedRow.kind, FinishedRow.item_id, chunk),
                )
            )
            done.update(ItemRef(kind, item_id) for kind, item_id in rows)
        return done

    async def has_finished(self, user_id: uuid.UUID, ref: ItemRef) -> bool:
        return await self.session.get(FinishedRow, (user_id, ref.kind, ref.id)) is not None
