"""Use cases of tags: a learner tags what they can see, lists and finds by their tags; keyword
tags are generated from each scenario's own words when it is published or changed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, NotFound, one_of
from parla.chassis.inbox import newest_per_key
from parla.contracts.events import ScenarioChanged, ScenarioDeleted
from parla.language import LANGUAGES
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import ItemRef, visible_to
from parla.organization.catalogue.repository import CatalogueRepository
from parla.organization.paging import page
from parla.organization.tags.domain import (
    MAX_TAGS_PER_ITEM,
    MAX_TAGS_PER_LEARNER,
    kind_filter,
    normal_prefix,
    normal_tag,
    normal_tags,
    tagged_ref,
)
from parla.organization.tags.keywords import texts_by_language
from parla.organization.tags.repository import TagRepository


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ItemTags:
    ref: ItemRef
    mine: list[str]
    # (tag, language): a scenario's keywords; a public collection's owner tags with language "".
    generated: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    """An item carrying a tag: ``item`` for a scenario or a document (None if unknown here),
    ``collection_name`` for a collection; ``removed`` when the learner can no longer see it."""

    ref: ItemRef
    mine: bool
    removed: bool
    item: ItemRow | None = None
    collection_name: str = ""


@dataclass(frozen=True)
class FoundPage:
    items: list[Found]
    has_more: bool


@dataclass(frozen=True)
class _Sight:
    """What a learner sees of an item: whether they may, and a collection's owner."""

    visible: bool
    owner_id: uuid.UUID | None = None


class TagService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    async def tag(self, caller: Principal, *, kind: str, item_id: str, tags: Sequence[str]) -> ItemTags:
        """Adds the caller's tags to an item they can see; tags it has already are kept once."""
        user = caller.user_id
        wanted, ref = normal_tags(tags), tagged_ref(kind, item_id)
        async with self._db.transaction() as session:
            repository = TagRepository(session)
            await repository.lock_learner(user)
            sight = await _sight(session, user, ref)
            if not sight.visible:
                raise NotFound(f"there is no {ref.kind} {ref.id} you can see")
            existing = await repository.tags_on(user, ref)
            new = [tag for tag in wanted if tag not in existing]
            if len(existing) + len(new) > MAX_TAGS_PER_ITEM:
                raise Conflict(
                    f"an item carries at most {MAX_TAGS_PER_ITEM} of your tags; it has {len(existing)}: remove some first",
                    details={"tags": f"at most {MAX_TAGS_PER_ITEM} per item"},
                )
            held = await repository.count(user) if new else 0
            if held + len(new) > MAX_TAGS_PER_LEARNER:
                raise Conflict(
                    f"you may have at most {MAX_TAGS_PER_LEARNER:,} tags in all; you have {held:,}: remove some first",
                    details={"tags": f"at most {MAX_TAGS_PER_LEARNER} in all"},
                )
            await repository.add(user, ref, new, _now())
            return await _item_tags(session, user, ref, sight)

    async def untag(self, caller: Principal, *, kind: str, item_id: str, tags: Sequence[str]) -> ItemTags:
        """Removes the caller's tags from an item, seen or not (a deleted item's tags can still
        go); a tag it does not carry changes nothing."""
        user = caller.user_id
        unwanted, ref = normal_tags(tags), tagged_ref(kind, item_id)
        async with self._db.transaction() as session:
            await TagRepository(session).remove(user, ref, unwanted)
            return await _item_tags(session, user, ref, await _sight(session, user, ref))

    async def item_tags(self, caller: Principal, *, kind: str, item_id: str) -> ItemTags:
        """The caller's tags on an item and, when they can see it, its generated ones. An item
        they cannot see is not found, unless they tagged it before it went (then: their tags)."""
        user, ref = caller.user_id, tagged_ref(kind, item_id)
        async with self._db.reading() as session:
            sight = await _sight(session, user, ref)
            shown = await _item_tags(session, user, ref, sight)
        if not sight.visible and not shown.mine:
            raise NotFound(f"there is no {ref.kind} {ref.id} you can see")
        return shown

    async def my_tags(self, caller: Principal, *, prefix: str = "", limit: int = 0) -> list[tuple[str, int]]:
        """The caller's tags with how many of their items carry each, most used first."""
        user, prefix, (limit, _) = caller.user_id, normal_prefix(prefix), page(limit, 0)
        async with self._db.reading() as session:
            return await TagRepository(session).my_counts(user, prefix=prefix, limit=limit)

    async def popular(self, caller: Principal, *, language: str = "", prefix: str = "", limit: int = 0) -> list[tuple[str, int]]:
        """Generated tags of public scenarios, with how many scenarios carry each, most first."""
        if language:
            one_of(language, LANGUAGES, "language")
        prefix, (limit, _) = normal_prefix(prefix), page(limit, 0)
        async with self._db.reading() as session:
            return await TagRepository(session).popular(language=language, prefix=prefix, limit=limit)

    async def find(self, caller: Principal, *, tag: str, kind: str = "", limit: int = 0, offset: int = 0) -> FoundPage:
        """What carries the tag: the caller's own tagged items first, then the scenarios they can
        see whose generated tags hold it, strongest first."""
        user, tag, only = caller.user_id, normal_tag(tag, field="tag"), kind_filter(kind)
        limit, offset = page(limit, offset)
        async with self._db.reading() as session:
            repository = TagRepository(session)
            rows = await repository.carrying(user, tag, kind=only, limit=limit + 1, offset=offset)
            shown = rows[:limit]
            items = await CatalogueRepository(session).items(ref for ref, _ in shown if ref.kind != "collection")
            names = await repository.collection_names(user, (ref.id for ref, _ in shown if ref.kind == "collection"))
        found = [_found(ref, mine, user, items, names) for ref, mine in shown]
        return FoundPage(found, has_more=len(rows) > limit)


def _found(ref: ItemRef, mine: bool, user_id: uuid.UUID, items: dict[ItemRef, ItemRow], names: dict[str, str]) -> Found:
    if ref.kind == "collection":
        return Found(ref, mine, removed=ref.id not in names, collection_name=names.get(ref.id, ""))
    item = items.get(ref)
    return Found(ref, mine, removed=not visible_to(item, user_id), item=item)


async def _sight(session: AsyncSession, user_id: uuid.UUID, ref: ItemRef) -> _Sight:
    if ref.kind == "collection":
        collection = await TagRepository(session).collection(ref.id)
        if collection is None:
            return _Sight(False)
        owner, visibility, _ = collection
        return _Sight(visibility == "public" or owner == user_id, owner)
    return _Sight(visible_to(await CatalogueRepository(session).item(ref), user_id))


async def _item_tags(session: AsyncSession, user_id: uuid.UUID, ref: ItemRef, sight: _Sight) -> ItemTags:
    repository = TagRepository(session)
    mine = await repository.tags_on(user_id, ref)
    generated: list[tuple[str, str]] = []
    if sight.visible and ref.kind == "scenario":
        generated = await repository.generated_on(ref.id)
    elif sight.visible and ref.kind == "collection" and sight.owner_id != user_id:
        # A public collection's owner tags describe it to everyone who browses it.
        generated = [(tag, "") for tag in await repository.tags_on(sight.owner_id, ref)]
    return ItemTags(ref, mine, generated)


# --- generated tags, from the scenario service's events -------------------------------------


async def record_generated(session: AsyncSession, events: Sequence[ScenarioChanged]) -> None:
    """Keyword tags of scenarios published, updated or deleted, in the consumer's transaction
    (after the read model took the same events). The newest event of each scenario counts, and
    only if the read model holds no newer change: a late event changes nothing. A deleted
    scenario loses its generated tags at once; the others' texts are queued for the keyword
    worker, which makes their tags outside any transaction (``tags.worker``). A private
    scenario's tags are kept, shown only to who sees it."""
    latest = newest_per_key(events, lambda event: event.scenario_id)
    repository = TagRepository(session)
    stored = await repository.changed_at(event.scenario_id for event in latest)
    current = [e for e in latest if e.scenario_id not in stored or stored[e.scenario_id] <= e.occurred_at]
    deleted = [e.scenario_id for e in current if isinstance(e, ScenarioDeleted)]
    await repository.replace_generated(deleted, [])
    # Published, made private, or public again: the counts of the tags they carry follow now;
    # new texts' tags are counted when the worker makes them.
    await repository.recount_popular_of([e.scenario_id for e in current if not isinstance(e, ScenarioDeleted)])
    await repository.unstage_keywords(deleted)
    await repository.stage_keywords(
        [
            {
                "scenario_id": e.scenario_id,
                "changed_at": e.occurred_at,
                "texts": texts_by_language(e.texts, e.text, e.languages),
            }
            for e in current
            if not isinstance(e, ScenarioDeleted)
        ]
    )
