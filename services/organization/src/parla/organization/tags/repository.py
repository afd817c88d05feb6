"""SQL of tags: a learner's own (``tags``) and those generated from scenarios (``generated_tags``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import and_, case, delete, false, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked, insert_for, lock_until_commit, upsert
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import ItemRef
from parla.organization.collections.db import CollectionRow
from parla.organization.tags.db import GeneratedTagRow, KeywordQueueRow, PopularTagRow, TagRow

# The first key of the advisory locks taken here, so that they meet no other feature's.
_LOCK_NAMESPACE = 0x7A65_0001


class TagRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_learner(self, user_id: uuid.UUID) -> None:
        """Make this transaction the only one writing the learner's tags until it ends: the limits
        count rows that may not exist yet, which FOR UPDATE cannot lock; on PostgreSQL a
        transaction-scoped advisory lock per learner does. On SQLite every writing transaction
        already holds the database's write lock (BEGIN IMMEDIATE)."""
        await lock_until_commit(self.session, _LOCK_NAMESPACE, user_id)

    # --- what can be tagged ---------------------------------------------------------------

    async def collection(self, collection_id: str) -> tuple[uuid.UUID, str, str] | None:
        """(owner, visibility, name) of a collection, or None when there is none."""
        row = (
            await self.session.execute(
                select(CollectionRow.owner_id, CollectionRow.visibility, CollectionRow.name).where(
                    CollectionRow.id == uuid.UUID(collection_id)
                )
            )
        ).first()
        return None if row is None else (row[0], row[1], row[2])

    async def collection_names(self, user_id: uuid.UUID, collection_ids: Iterable[str]) -> dict[str, str]:
        """The names of those of these collections the learner can see (their own, or public)."""
        wanted = sorted({uuid.UUID(i) for i in collection_ids})
        names: dict[str, str] = {}
        for chunk in chunked(wanted):
            rows = await self.session.execute(
                select(CollectionRow.id, CollectionRow.name).where(
                    CollectionRow.id.in_(list(chunk)),
                    or_(CollectionRow.visibility == "public", CollectionRow.owner_id == user_id),
                )
            )
            names.update({str(collection_id): name for collection_id, name in rows})
        return names

    # --- a learner's tags -------------------------------------------------------------------

    async def tags_on(self, user_id: uuid.UUID, ref: ItemRef) -> list[str]:
        rows = await self.session.scalars(
            select(TagRow.tag)
            .where(TagRow.user_id == user_id, TagRow.kind == ref.kind, TagRow.item_id == ref.id)
            .order_by(TagRow.tag)
        )
        return list(rows)

    async def count(self, user_id: uuid.UUID) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(TagRow).where(TagRow.user_id == user_id)) or 0)

    async def add(self, user_id: uuid.UUID, ref: ItemRef, tags: Sequence[str], at: datetime) -> None:
        if tags:
            rows = [{"user_id": user_id, "kind": ref.kind, "item_id": ref.id, "tag": tag, "tagged_at": at} for tag in tags]
            await self.session.execute(insert_for(self.session, TagRow.__table__).values(rows).on_conflict_do_nothing())

    async def remove(self, user_id: uuid.UUID, ref: ItemRef, tags: Sequence[str]) -> None:
        await self.session.execute(
            delete(TagRow).where(
                TagRow.user_id == user_id, TagRow.kind == ref.kind, TagRow.item_id == ref.id, TagRow.tag.in_(list(tags))
            )
        )

    async def my_counts(self, user_id: uuid.UUID, *, prefix: str, limit: int) -> list[tuple[str, int]]:
        """The learner's tags with how many items carry each, most used first. Walks the
        (user_id, tag) index: at most MAX_TAGS_PER_LEARNER rows."""
        uses = func.count().label("uses")
        statement = select(TagRow.tag, uses).where(TagRow.user_id == user_id)
        if prefix:
            statement = statement.where(TagRow.tag.startswith(prefix, autoescape=True))
        rows = await self.session.execute(statement.group_by(TagRow.tag).order_by(uses.desc(), TagRow.tag).limit(limit))
        return [(tag, count) for tag, count in rows]

    # --- generated tags ---------------------------------------------------------------------

    async def generated_on(self, scenario_id: str) -> list[tuple[str, str]]:
        """(tag, language) of a scenario's generated tags: by language, best first."""
        rows = await self.session.execute(
            select(GeneratedTagRow.tag, GeneratedTagRow.language)
            .where(GeneratedTagRow.scenario_id == scenario_id)
            .order_by(GeneratedTagRow.language, GeneratedTagRow.weight.desc(), GeneratedTagRow.tag)
        )
        return [(tag, language) for tag, language in rows]

    async def popular(self, *, language: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Keyword tags of public scenarios still there, with how many scenarios carry each
        (kept counts: a walk of the language's index)."""
        statement = select(PopularTagRow.tag, PopularTagRow.scenarios).where(PopularTagRow.language == language)
        if prefix:
            statement = statement.where(PopularTagRow.tag.startswith(prefix, autoescape=True))
        statement = statement.order_by(PopularTagRow.scenarios.desc(), PopularTagRow.tag).limit(limit)
        return [(tag, count) for tag, count in await self.session.execute(statement)]

    async def recount_popular_of(self, scenario_ids: Sequence[str]) -> None:
        """Recount the keyword tags these scenarios carry (their visibility may have changed)."""
        await self.recount_popular(await self._generated_tags_of(scenario_ids))

    async def recount_popular(self, tags: set[str]) -> None:
        """Count again, per language and over all of them, the public scenarios that carry each
        of these tags, from the (tag, scenario_id) index."""
        table = PopularTagRow.__table__
        for chunk in chunked(sorted(tags)):
            await self.session.execute(delete(table).where(table.c.tag.in_(list(chunk))))
            carrying = (
                select(GeneratedTagRow.tag, func.count(GeneratedTagRow.scenario_id.distinct()))
                .join(ItemRow, and_(ItemRow.kind == "scenario", ItemRow.item_id == GeneratedTagRow.scenario_id))
                .where(GeneratedTagRow.tag.in_(list(chunk)), ItemRow.visibility == "public", ItemRow.deleted == false())
            )
            per_language = carrying.add_columns(GeneratedTagRow.language).group_by(GeneratedTagRow.language, GeneratedTagRow.tag)
            any_language = carrying.add_columns(literal("")).group_by(GeneratedTagRow.tag)
            for counted in (per_language, any_language):
                statement = insert_for(self.session, table).from_select(["tag", "scenarios", "language"], counted)
                await self.session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["language", "tag"], set_={"scenarios": statement.excluded.scenarios}
                    )
                )

    async def _generated_tags_of(self, scenario_ids: Sequence[str]) -> set[str]:
        tags: set[str] = set()
        for chunk in chunked(sorted(set(scenario_ids))):
            tags.update(
                await self.session.scalars(select(GeneratedTagRow.tag).where(GeneratedTagRow.scenario_id.in_(list(chunk))))
            )
        return tags

    async def carrying(
        self, user_id: uuid.UUID, tag: str, *, kind: str | None, limit: int, offset: int
    ) -> list[tuple[ItemRef, bool]]:
        """(item, tagged by the learner) of what carries ``tag``: the learner's own tagged items
        (the (user_id, tag) index) by kind and id, then the scenarios they can see whose
        generated tags hold it (the (tag, scenario_id) index), those where it weighs most first.
        One query."""
        own = select(TagRow.kind, TagRow.item_id, literal(1).label("mine"), literal(0.0).label("weight")).where(
            TagRow.user_id == user_id, TagRow.tag == tag
        )
        if kind:
            own = own.where(TagRow.kind == kind)
        parts = [own]
        if kind in (None, "scenario"):
            parts.append(
                select(literal("scenario").label("kind"), GeneratedTagRow.scenario_id, literal(0), GeneratedTagRow.weight)
                .join(ItemRow, and_(ItemRow.kind == "scenario", ItemRow.item_id == GeneratedTagRow.scenario_id))
                .where(
                    GeneratedTagRow.tag == tag,
                    ItemRow.deleted == false(),
                    or_(ItemRow.visibility == "public", ItemRow.owner_id == user_id),
                )
            )
        found = union_all(*parts).subquery()
        mine = func.max(found.c.mine).label("mine")
        # The learner's own items in a stable order; the others by how much the tag weighs there.
        weight = case((mine == 1, 0.0), else_=func.max(found.c.weight))
        rows = await self.session.execute(
            select(found.c.kind, found.c.item_id, mine)
            .group_by(found.c.kind, found.c.item_id)
            .order_by(mine.desc(), weight.desc(), found.c.kind, found.c.item_id)
            .limit(limit)
            .offset(offset)
        )
        return [(ItemRef(item_kind, item_id), bool(is_mine)) for item_kind, item_id, is_mine in rows]

    async def changed_at(self, scenario_ids: Iterable[str]) -> dict[str, datetime]:
        """When the read model's row of each scenario last changed, as stored now."""
        wanted = sorted(set(scenario_ids))
        found: dict[str, datetime] = {}
        for chunk in chunked(wanted):
            rows = await self.session.execute(
                select(ItemRow.item_id, ItemRow.changed_at).where(ItemRow.kind == "scenario", ItemRow.item_id.in_(list(chunk)))
            )
            found.update({item_id: at for item_id, at in rows})
        return found

    async def replace_generated(self, scenario_ids: Sequence[str], rows: Sequence[dict]) -> None:
        """The generated tags of these scenarios become ``rows`` (none: they have none), and the
        counts of the tags they lost or gained follow."""
        table = GeneratedTagRow.__table__
        before = await self._generated_tags_of(scenario_ids)
        for chunk in chunked(sorted(set(scenario_ids))):
            await self.session.execute(delete(table).where(table.c.scenario_id.in_(list(chunk))))
        for chunk in chunked(list(rows)):
            await self.session.execute(insert_for(self.session, table).values(list(chunk)))
        await self.recount_popular(before | {row["tag"] for row in rows})

    # --- the keyword queue --------------------------------------------------------------------

    async def stage_keywords(self, rows: Sequence[dict]) -> None:
        """Queue scenarios' texts for keywords; a scenario already queued keeps the newest change."""
        await upsert(self.session, KeywordQueueRow.__table__, list(rows), ["scenario_id"], newest_by="changed_at")

    async def unstage_keywords(self, scenario_ids: Sequence[str]) -> None:
        table = KeywordQueueRow.__table__
        for chunk in chunked(sorted(set(scenario_ids))):
            await self.session.execute(delete(table).where(table.c.scenario_id.in_(list(chunk))))

    async def staged_keywords(self, limit: int) -> list[KeywordQueueRow]:
        """The scenarios waiting for keywords, those waiting longest first."""
        statement = select(KeywordQueueRow).order_by(KeywordQueueRow.changed_at, KeywordQueueRow.scenario_id).limit(limit)
        return list(await self.session.scalars(statement))

    async def still_staged(self, staged: Sequence[tuple[str, datetime]]) -> set[str]:
        """Which of these (scenario, change) are still queued as they were: not changed since."""
        table = KeywordQueueRow.__table__
        found: set[str] = set()
        for chunk in chunked(list(staged)):
            rows = await self.session.execute(
                select(table.c.scenario_id, table.c.changed_at).where(table.c.scenario_id.in_([s for s, _ in chunk]))
            )
            wanted = dict(chunk)
            found.update(scenario_id for scenario_id, at in rows if at == wanted[scenario_id])
        return found
