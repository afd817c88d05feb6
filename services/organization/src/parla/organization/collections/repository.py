"""SQL of collections: rows, ordered items, subscribers, and the pages that list them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import String, and_, bindparam, cast, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked, insert_for
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import ItemRef
from parla.organization.catalogue.repository import refs_in
from parla.organization.collections.db import CollectionItemRow, CollectionRow, SubscriptionRow
from parla.organization.tags.db import TagRow


class CollectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- one collection -----------------------------------------------------------------------

    async def get(self, collection_id: uuid.UUID, *, for_update: bool = False) -> CollectionRow | None:
        """The collection; ``for_update`` locks it (PostgreSQL) for a read-check-write of its items.
        On SQLite the write transaction holds the database's write lock already."""
        statement = select(CollectionRow).where(CollectionRow.id == collection_id)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    def add(self, row: CollectionRow) -> None:
        self.session.add(row)

    async def delete(self, collection_id: uuid.UUID) -> None:
        # Items and subscriptions go with it (ON DELETE CASCADE), and every learner's tags on it:
        # unlike a deleted scenario, kept where it was organised, a deleted collection is gone.
        await self.session.execute(delete(TagRow).where(TagRow.kind == "collection", TagRow.item_id == str(collection_id)))
        await self.session.execute(delete(CollectionRow).where(CollectionRow.id == collection_id))

    async def count_owned(self, owner_id: uuid.UUID) -> int:
        return await self.session.scalar(
            select(func.count()).select_from(CollectionRow).where(CollectionRow.owner_id == owner_id)
        )

    async def item_refs(self, collection_id: uuid.UUID) -> list[ItemRef]:
        rows = await self.session.execute(
            select(CollectionItemRow.kind, CollectionItemRow.item_id)
            .where(CollectionItemRow.collection_id == collection_id)
            .order_by(CollectionItemRow.position)
        )
        return [ItemRef(kind, item_id) for kind, item_id in rows]

    async def items(self, collection_id: uuid.UUID) -> list[CollectionItemRow]:
        return list(
            await self.session.scalars(
                select(CollectionItemRow)
                .where(CollectionItemRow.collection_id == collection_id)
                .order_by(CollectionItemRow.position)
            )
        )

    async def place_items(self, collection_id: uuid.UUID, order: Sequence[ItemRef], now: datetime) -> None:
        """Make the collection's items exactly ``order``, at positions 0, 1, 2, ...: rows no longer
        listed are deleted, new ones inserted, and every kept one gets its new position."""
        table = CollectionItemRow.__table__
        current = set(await self.item_refs(collection_id))
        gone = current - set(order)
        for chunk in chunked(sorted(gone)):
            await self.session.execute(
                delete(table).where(
                    table.c.collection_id == collection_id,
                    refs_in(table.c.kind, table.c.item_id, chunk),
                )
            )
        fresh = [
            {"collection_id": collection_id, "kind": r.kind, "item_id": r.id, "position": i, "added_at": now}
            for i, r in enumerate(order)
            if r not in current
        ]
        if fresh:
            await self.session.execute(table.insert(), fresh)
        kept = [{"k": r.kind, "i": r.id, "p": i} for i, r in enumerate(order) if r in current]
        if kept:
            await self.session.execute(
                update(table)
                .where(table.c.collection_id == collection_id, table.c.kind == bindparam("k"), table.c.item_id == bindparam("i"))
                .values(position=bindparam("p"))
                .execution_options(synchronize_session=False),
                kept,
            )

    async def refresh(self, collection_id: uuid.UUID, *, now: datetime | None = None) -> None:
        """Recount the collection's items and minutes, and bump its version."""
        values = {"item_count": self._item_count(), "total_minutes": self._total_minutes(), "version": CollectionRow.version + 1}
        if now is not None:
            values["updated_at"] = now
        await self.session.execute(update(CollectionRow).where(CollectionRow.id == collection_id).values(**values))

    async def refresh_minutes_of(self, refs: Iterable[ItemRef]) -> None:
        """Recount the minutes of every collection holding one of these items (which changed)."""
        table = CollectionItemRow.__table__
        for chunk in chunked(sorted(set(refs))):
            holding = select(table.c.collection_id).where(refs_in(table.c.kind, table.c.item_id, chunk))
            await self.session.execute(
                update(CollectionRow).where(CollectionRow.id.in_(holding)).values(total_minutes=self._total_minutes())
            )

    @staticmethod
    def _item_count():
        return (
            select(func.count())
            .select_from(CollectionItemRow)
            .where(CollectionItemRow.collection_id == CollectionRow.id)
            .scalar_subquery()
        )

    @staticmethod
    def _total_minutes():
        """The minutes of the items the collection's owner can see: not deleted, public or theirs."""
        return func.coalesce(
            select(func.sum(ItemRow.estimated_minutes))
            .select_from(CollectionItemRow)
            .join(ItemRow, and_(ItemRow.kind == CollectionItemRow.kind, ItemRow.item_id == CollectionItemRow.item_id))
            .where(
                CollectionItemRow.collection_id == CollectionRow.id,
                ItemRow.deleted.is_(False),
                or_(ItemRow.visibility == "public", ItemRow.owner_id == CollectionRow.owner_id),
            )
            .scalar_subquery(),
            0,
        )

    # --- subscribers --------------------------------------------------------------------------

    async def subscribe(self, collection_id: uuid.UUID, user_id: uuid.UUID, now: datetime) -> bool:
        """True if this made a new subscription (a repeat changes nothing)."""
        statement = (
            insert_for(self.session, SubscriptionRow.__table__)
            .values(collection_id=collection_id, user_id=user_id, subscribed_at=now)
            .on_conflict_do_nothing()
        )
        if (await self.session.execute(statement)).rowcount != 1:
            return False
        await self._move_subscribers(collection_id, +1)
        return True

    async def unsubscribe(self, collection_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        statement = delete(SubscriptionRow).where(
            SubscriptionRow.collection_id == collection_id, SubscriptionRow.user_id == user_id
        )
        if (await self.session.execute(statement)).rowcount != 1:
            return False
        await self._move_subscribers(collection_id, -1)
        return True

    async def _move_subscribers(self, collection_id: uuid.UUID, by: int) -> None:
        await self.session.execute(
            update(CollectionRow)
            .where(CollectionRow.id == collection_id)
            .values(subscriber_count=CollectionRow.subscriber_count + by)
        )

    async def subscribed(self, user_id: uuid.UUID, collection_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        if not collection_ids:
            return set()
        rows = await self.session.scalars(
            select(SubscriptionRow.collection_id).where(
                SubscriptionRow.user_id == user_id, SubscriptionRow.collection_id.in_(collection_ids)
            )
        )
        return set(rows)

    async def owner_tags(self, collections: Sequence[CollectionRow]) -> dict[uuid.UUID, list[str]]:
        """Each collection's tags by its owner, for a page in one query."""
        if not collections:
            return {}
        # Owners x ids on the tag table's key (user_id, kind, item_id, tag): index lookups, then
        # only each collection's own owner's rows are kept.
        owners = {str(c.id): c.owner_id for c in collections}
        rows = await self.session.execute(
            select(TagRow.item_id, TagRow.user_id, TagRow.tag)
            .where(TagRow.user_id.in_(set(owners.values())), TagRow.kind == "collection", TagRow.item_id.in_(list(owners)))
            .order_by(TagRow.tag)
        )
        tags: dict[uuid.UUID, list[str]] = {}
        for item_id, user_id, tag in rows:
            if owners[item_id] == user_id:
                tags.setdefault(uuid.UUID(item_id), []).append(tag)
        return tags

    # --- pages --------------------------------------------------------------------------------

    async def owned_page(self, owner_id: uuid.UUID, limit: int, offset: int) -> list[CollectionRow]:
        statement = (
            select(CollectionRow)
            .where(CollectionRow.owner_id == owner_id)
            .order_by(CollectionRow.updated_at.desc(), CollectionRow.id)
            .limit(limit + 1)
            .offset(offset)
        )
        return list(await self.session.scalars(statement))

    async def public_page(
        self,
        *,
        words: Sequence[str],
        category: str,
        difficulty: str,
        tag: str,
        paths_only: bool,
        sort: str,
        limit: int,
        offset: int,
    ) -> list[CollectionRow]:
        """A page of public collections (one more than asked, to tell whether more follow). It
        walks the index of its order and stops when the page is full; filters are checked on the
        way."""
        statement = select(CollectionRow).where(CollectionRow.visibility == "public")
        for word in words:
            statement = statement.where(CollectionRow.search_text.contains(word, autoescape=True))
        if category:
            statement = statement.where(CollectionRow.category == category)
        if difficulty:
            statement = statement.where(CollectionRow.difficulty == difficulty)
        if paths_only:
            statement = statement.where(CollectionRow.learning_path.is_(True))
        if tag:
            statement = statement.where(
                exists().where(
                    TagRow.kind == "collection",
                    TagRow.tag == tag,
                    TagRow.item_id == self._id_text(CollectionRow.id),
                    TagRow.user_id == CollectionRow.owner_id,
                )
            )
        if sort == "recent":
            order = (CollectionRow.updated_at.desc(), CollectionRow.id.desc())
        else:
            order = (CollectionRow.subscriber_count.desc(), CollectionRow.created_at.desc(), CollectionRow.id.desc())
        return list(await self.session.scalars(statement.order_by(*order).limit(limit + 1).offset(offset)))

    def _id_text(self, column):
        """A UUID column as the text a tag's ``item_id`` holds (``str(uuid)``), so that a tag can
        be looked up from a collection row in its index: PostgreSQL stores a ``uuid``, SQLite its
        32 hex digits."""
        text = cast(column, String)
        if self.session.bind.dialect.name == "postgresql":
            return text
        parts = [func.substr(text, start, length) for start, length in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))]
        joined = parts[0]
        for part in parts[1:]:
            joined = joined.op("||")("-").op("||")(part)
        return joined

    async def subscriptions_page(self, user_id: uuid.UUID, limit: int, offset: int) -> list[CollectionRow]:
        """Collections the learner subscribed to that they can still see, latest subscription first."""
        statement = (
            select(CollectionRow)
            .join(SubscriptionRow, SubscriptionRow.collection_id == CollectionRow.id)
            .where(
                SubscriptionRow.user_id == user_id, or_(CollectionRow.visibility == "public", CollectionRow.owner_id == user_id)
            )
            .order_by(SubscriptionRow.subscribed_at.desc(), CollectionRow.id)
            .limit(limit + 1)
            .offset(offset)
        )
        return list(await self.session.scalars(statement))
