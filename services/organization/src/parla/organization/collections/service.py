"""Use cases of collections and learning paths: each a short transaction, reads on the reading side."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, NotFound, one_of
from parla.chassis.messaging import add_event
from parla.contracts.events import CollectionChanged, CollectionSubscribed
from parla.language.text import fold
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import ItemRef, visible_to
from parla.organization.catalogue.repository import CatalogueRepository
from parla.organization.collections import domain
from parla.organization.collections.db import CollectionItemRow, CollectionRow
from parla.organization.collections.repository import CollectionRepository
from parla.organization.paging import page
from parla.organization.tags.domain import normal_tag


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Entry:
    row: CollectionItemRow
    item: ItemRow | None
    visible: bool
    done: bool


@dataclass
class CollectionView:
    """A collection as one learner sees it."""

    row: CollectionRow
    subscribed: bool = False
    tags: list[str] = field(default_factory=list)
    # Set when the items were read (one collection, not a page).
    entries: list[Entry] | None = None

    @property
    def next_up(self) -> Entry | None:
        if not self.row.learning_path or self.entries is None:
            return None
        return domain.next_up(self.entries)


@dataclass(frozen=True)
class CollectionPage:
    collections: list[CollectionView]
    has_more: bool


def _id(collection_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(collection_id)
    except ValueError:
        raise NotFound(f"no collection {collection_id!r}") from None


def _changed(row: CollectionRow, change: str) -> CollectionChanged:
    return CollectionChanged(
        collection_id=row.id,
        owner_id=row.owner_id,
        change=change,
        visibility=row.visibility,
        learning_path=row.learning_path,
        category=row.category,
        difficulty=row.difficulty,
        item_count=row.item_count,
        copied_from=row.copied_from,
    )


def _search_text(name: str, description: str) -> str:
    return fold(f"{name} {description}")


class CollectionService:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    # --- one collection -----------------------------------------------------------------------

    async def create(
        self,
        caller: Principal,
        *,
        name: str,
        description: str = "",
        visibility: str = "private",
        learning_path: bool = False,
        category: str = "",
        difficulty: str = "",
        items: Sequence[ItemRef] = (),
        copied_from: uuid.UUID | None = None,
    ) -> CollectionView:
        name, description = domain.name(name), domain.description(description)
        values = {
            "visibility": domain.visibility(visibility),
            "category": domain.category(category),
            "difficulty": domain.difficulty(difficulty),
        }
        order: list[ItemRef] = []
        for ref in items:
            order = domain.with_item(order, ref, None)
        now = self._clock()
        row = CollectionRow(
            id=uuid.uuid4(),
            owner_id=caller.user_id,
            name=name,
            description=description,
            search_text=_search_text(name, description),
            learning_path=learning_path,
            item_count=0,
            subscriber_count=0,
            total_minutes=0,
            version=1,
            copied_from=copied_from,
            created_at=now,
            updated_at=now,
            **values,
        )
        async with self._db.transaction() as session:
            collections = CollectionRepository(session)
            if await collections.count_owned(caller.user_id) >= domain.MAX_COLLECTIONS_PER_LEARNER:
                raise Conflict(
                    f"you have {domain.MAX_COLLECTIONS_PER_LEARNER} collections, the most one learner keeps; delete one first"
                )
            await _check_visible(session, caller.user_id, order)
            collections.add(row)
            await session.flush()
            await self._write_items(session, row, order, now, change="created")
        return await self.get(caller, str(row.id))

    async def get(self, caller: Principal, collection_id: str) -> CollectionView:
        async with self._db.reading() as session:
            row = domain.seen(await CollectionRepository(session).get(_id(collection_id)), caller.user_id, collection_id)
            return await _view(session, caller.user_id, row, with_items=True)

    async def update(self, caller: Principal, collection_id: str, fields: Sequence[str], values: dict) -> CollectionView:
        changes = domain.changes(fields, values)
        async with self._db.transaction() as session:
            collections = CollectionRepository(session)
            row = domain.owned(await collections.get(_id(collection_id), for_update=True), caller.user_id, collection_id)
            for name, value in changes.items():
                setattr(row, name, value)
            row.search_text = _search_text(row.name, row.description)
            row.version += 1
            row.updated_at = self._clock()
            await session.flush()
            await add_event(session, _changed(row, "updated"))
        return await self.get(caller, collection_id)

    async def delete(self, caller: Principal, collection_id: str) -> None:
        async with self._db.transaction() as session:
            collections = CollectionRepository(session)
            row = domain.owned(await collections.get(_id(collection_id), for_update=True), caller.user_id, collection_id)
            await add_event(session, _changed(row, "deleted"))
            await collections.delete(row.id)

    async def duplicate(self, caller: Principal, collection_id: str, name: str = "") -> CollectionView:
        async with self._db.reading() as session:
            collections = CollectionRepository(session)
            original = domain.seen(await collections.get(_id(collection_id)), caller.user_id, collection_id)
            refs = await collections.item_refs(original.id)
            known = await CatalogueRepository(session).items(refs)
        # The copy keeps what the new owner can see; what was removed, or is private to the
        # original's owner, is left out.
        copied = [ref for ref in refs if visible_to(known.get(ref), caller.user_id)]
        view = await self.create(
            caller,
            name=domain.copy_name(original.name, name),
            description=original.description,
            visibility="private",
            learning_path=original.learning_path,
            category=original.category,
            difficulty=original.difficulty,
            items=copied,
            copied_from=original.id,
        )
        return view

    # --- items --------------------------------------------------------------------------------

    async def add_item(self, caller: Principal, collection_id: str, ref: ItemRef, position: int | None = None) -> CollectionView:
        async def change(session: AsyncSession, current: list[ItemRef]) -> list[ItemRef]:
            await _check_visible(session, caller.user_id, [ref])
            return domain.with_item(current, ref, position)

        return await self._change_items(caller, collection_id, change)

    async def remove_item(self, caller: Principal, collection_id: str, ref: ItemRef) -> CollectionView:
        async def change(_session: AsyncSession, current: list[ItemRef]) -> list[ItemRef]:
            return domain.without_item(current, ref)

        return await self._change_items(caller, collection_id, change)

    async def reorder(self, caller: Principal, collection_id: str, refs: Sequence[ItemRef]) -> CollectionView:
        async def change(_session: AsyncSession, current: list[ItemRef]) -> list[ItemRef]:
            return domain.reordered(current, refs)

        return await self._change_items(caller, collection_id, change)

    async def _change_items(self, caller: Principal, collection_id: str, change) -> CollectionView:
        """Read the items under the collection's lock, change them, write the new order: two
        changes of one collection take turns, and positions stay 0, 1, 2, ... whatever the race."""
        async with self._db.transaction() as session:
            collections = CollectionRepository(session)
            row = domain.owned(await collections.get(_id(collection_id), for_update=True), caller.user_id, collection_id)
            order = await change(session, await collections.item_refs(row.id))
            await self._write_items(session, row, order, self._clock(), change="items")
        return await self.get(caller, collection_id)

    async def _write_items(
        self, session: AsyncSession, row: CollectionRow, order: list[ItemRef], now: datetime, *, change: str
    ) -> None:
        collections = CollectionRepository(session)
        await collections.place_items(row.id, order, now)
        await collections.refresh(row.id, now=now)
        await session.refresh(row)
        await add_event(session, _changed(row, change))

    # --- subscribers --------------------------------------------------------------------------

    async def subscribe(self, caller: Principal, collection_id: str) -> CollectionView:
        await self._subscription(caller, collection_id, subscribe=True)
        return await self.get(caller, collection_id)

    async def unsubscribe(self, caller: Principal, collection_id: str) -> CollectionView:
        await self._subscription(caller, collection_id, subscribe=False)
        return await self.get(caller, collection_id)

    async def _subscription(self, caller: Principal, collection_id: str, *, subscribe: bool) -> None:
        async with self._db.transaction() as session:
            collections = CollectionRepository(session)
            row = domain.seen(await collections.get(_id(collection_id)), caller.user_id, collection_id)
            if subscribe and row.visibility != "public":
                raise Conflict("only a public collection can be subscribed to; make it public first")
            if subscribe:
                moved = await collections.subscribe(row.id, caller.user_id, self._clock())
            else:
                moved = await collections.unsubscribe(row.id, caller.user_id)
            if moved:
                await add_event(
                    session,
                    CollectionSubscribed(
                        collection_id=row.id, owner_id=row.owner_id, user_id=caller.user_id, subscribed=subscribe
                    ),
                )

    # --- pages --------------------------------------------------------------------------------

    async def mine(self, caller: Principal, *, limit: int = 0, offset: int = 0) -> CollectionPage:
        limit, offset = page(limit, offset)
        async with self._db.reading() as session:
            rows = await CollectionRepository(session).owned_page(caller.user_id, limit, offset)
            return await _page(session, caller.user_id, rows, limit)

    async def browse(
        self,
        caller: Principal,
        *,
        query: str = "",
        category: str = "",
        difficulty: str = "",
        tag: str = "",
        paths_only: bool = False,
        sort: str = "",
        limit: int = 0,
        offset: int = 0,
    ) -> CollectionPage:
        limit, offset = page(limit, offset)
        filters = {
            "words": domain.query_words(query, fold),
            "category": domain.category(category),
            "difficulty": domain.difficulty(difficulty),
            "tag": normal_tag(tag) if tag.strip() else "",
            "paths_only": paths_only,
            "sort": one_of(sort or "popular", domain.SORTS, "sort"),
        }
        async with self._db.reading() as session:
            rows = await CollectionRepository(session).public_page(**filters, limit=limit, offset=offset)
            return await _page(session, caller.user_id, rows, limit)

    async def subscriptions(self, caller: Principal, *, limit: int = 0, offset: int = 0) -> CollectionPage:
        limit, offset = page(limit, offset)
        async with self._db.reading() as session:
            rows = await CollectionRepository(session).subscriptions_page(caller.user_id, limit, offset)
            return await _page(session, caller.user_id, rows, limit)


async def record_items_changed(session: AsyncSession, refs: Sequence[ItemRef]) -> None:
    """Items changed (deleted, made private, a new duration): the collections holding them recount
    their minutes."""
    await CollectionRepository(session).refresh_minutes_of(refs)


async def _check_visible(session: AsyncSession, user_id: uuid.UUID, refs: Sequence[ItemRef]) -> None:
    known = await CatalogueRepository(session).items(refs)
    for ref in refs:
        if not visible_to(known.get(ref), user_id):
            raise NotFound(
                f"no {ref.kind} {ref.id!r} that you can see; if you have just created or imported it, try again in a moment",
                details={"item": "not found"},
            )


async def _view(session: AsyncSession, user_id: uuid.UUID, row: CollectionRow, *, with_items: bool) -> CollectionView:
    collections = CollectionRepository(session)
    view = CollectionView(
        row,
        subscribed=bool(await collections.subscribed(user_id, [row.id])),
        tags=(await collections.owner_tags([row])).get(row.id, []),
    )
    if with_items:
        rows = await collections.items(row.id)
        refs = [ItemRef(r.kind, r.item_id) for r in rows]
        catalogue = CatalogueRepository(session)
        known = await catalogue.items(refs)
        done = await catalogue.finished(user_id, refs) if row.learning_path else set()
        view.entries = [
            Entry(r, known.get(ref), visible_to(known.get(ref), user_id), ref in done) for r, ref in zip(rows, refs, strict=True)
        ]
    return view


async def _page(session: AsyncSession, user_id: uuid.UUID, rows: list[CollectionRow], limit: int) -> CollectionPage:
    rows, has_more = rows[:limit], len(rows) > limit
    collections = CollectionRepository(session)
    subscribed = await collections.subscribed(user_id, [r.id for r in rows])
    tags = await collections.owner_tags(rows)
    views = [CollectionView(r, subscribed=r.id in subscribed, tags=tags.get(r.id, [])) for r in rows]
    return CollectionPage(views, has_more)
