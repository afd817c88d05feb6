"""Use cases of bookmarks: toggle, move and annotate, list, check in bulk, and folders.

Every write first takes the learner's lock (``BookmarkRepository.lock_learner``): two toggles of
one item at once, or two new folders named alike, then run one after the other, each seeing what
the other wrote, and each write is one short transaction with its event in the outbox.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound, one_of
from parla.chassis.messaging import add_event
from parla.contracts.events import BookmarkAdded, BookmarkRemoved
from parla.organization.bookmarks.db import BookmarkRow, FolderRow
from parla.organization.bookmarks.domain import (
    MAX_CHECKED,
    NO_FOLDER,
    check_fields,
    check_name_free,
    check_room_for_bookmark,
    check_room_for_folder,
    folder_id,
    folder_name,
    folder_not_found,
    note_text,
)
from parla.organization.bookmarks.repository import BookmarkRepository, refs_of
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import KINDS, ItemRef, item_ref, visible_to
from parla.organization.catalogue.repository import CatalogueRepository
from parla.organization.paging import page


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Shown:
    """A bookmark and its item as the read model knows it (None: never known here)."""

    bookmark: BookmarkRow
    item: ItemRow | None

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.bookmark.kind, self.bookmark.item_id)


@dataclass(frozen=True)
class Page:
    bookmarks: list[Shown]
    has_more: bool


@dataclass(frozen=True)
class FolderView:
    folder: FolderRow
    bookmark_count: int


def _required_folder(value: str, field: str) -> uuid.UUID:
    found = folder_id(value, field=field)
    if found is None:
        raise InvalidArgument(f"{field} is required: the folder's id", details={field: "required"})
    return found


def _not_visible(ref: ItemRef) -> NotFound:
    return NotFound(
        f"there is no {ref.kind} {ref.id} you can see; if it was just created or shared, "
        "it may take a moment to be known here: try again shortly"
    )


class BookmarkService:
    def __init__(self, *, db: Database, now: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._now = now

    # --- bookmarks ------------------------------------------------------------------------

    async def toggle(self, caller: Principal, *, kind: str, item_id: str, folder: str = "", note: str = "") -> Shown | None:
        """Bookmarks the item if the caller had not (in ``folder``, with ``note``), removes the
        bookmark if they had; the bookmark made, or None once removed. Removing needs no
        visible item: a bookmark of a deleted scenario can always be let go."""
        user, ref = caller.user_id, item_ref(kind, item_id)
        into, note = folder_id(folder), note_text(note)
        at = self._now()
        async with self._db.transaction() as session:
            bookmarks = BookmarkRepository(session)
            await bookmarks.lock_learner(user)
            existing = await bookmarks.bookmark(user, ref)
            if existing is not None:
                await bookmarks.remove(existing)
                await add_event(session, BookmarkRemoved(user_id=user, item_kind=ref.kind, item_id=ref.id, occurred_at=at))
                return None
            item = await CatalogueRepository(session).item(ref)
            if not visible_to(item, user):
                raise _not_visible(ref)
            if into is not None and await bookmarks.folder(user, into) is None:
                raise folder_not_found(into)
            check_room_for_bookmark(await bookmarks.count(user))
            row = await bookmarks.add(user, ref, folder=into, note=note, at=at)
            await add_event(session, BookmarkAdded(user_id=user, item_kind=ref.kind, item_id=ref.id, occurred_at=at))
        return Shown(row, item)

    async def update(
        self, caller: Principal, *, kind: str, item_id: str, fields: Iterable[str], folder: str = "", note: str = ""
    ) -> Shown:
        """Moves the bookmark to ``folder`` (empty: out of any) and/or changes its note: only
        what ``fields`` names changes."""
        user, ref, chosen = caller.user_id, item_ref(kind, item_id), check_fields(fields)
        values: dict = {}
        if "folder_id" in chosen:
            values["folder_id"] = folder_id(folder)
        if "note" in chosen:
            values["note"] = note_text(note)
        async with self._db.transaction() as session:
            bookmarks = BookmarkRepository(session)
            await bookmarks.lock_learner(user)
            row = await bookmarks.bookmark(user, ref)
            if row is None:
                raise NotFound(f"you have not bookmarked {ref}; bookmark it first")
            into = values.get("folder_id")
            if into is not None and await bookmarks.folder(user, into) is None:
                raise folder_not_found(into)
            await bookmarks.change(row, values)
            item = await CatalogueRepository(session).item(ref)
        return Shown(row, item)

    async def bookmarks(self, caller: Principal, *, folder: str = "", kind: str = "", limit: int = 0, offset: int = 0) -> Page:
        """The caller's bookmarks, newest first: all, in one folder, or in none ("none"), of
        one kind or both. Items no longer visible are listed, as removed."""
        user = caller.user_id
        limit, offset = page(limit, offset, instead="narrow the list by folder or kind instead")
        if kind:
            one_of(kind, KINDS, "kind")
        unfiled = folder == NO_FOLDER
        in_folder = None if unfiled else folder_id(folder)
        async with self._db.reading() as session:
            bookmarks = BookmarkRepository(session)
            if in_folder is not None and await bookmarks.folder(user, in_folder) is None:
                raise folder_not_found(in_folder)
            rows = await bookmarks.page(
                user, folder=in_folder, unfiled=unfiled, kind=kind or None, limit=limit + 1, offset=offset
            )
            # One query for the page's items, not one per bookmark.
            items = await CatalogueRepository(session).items(refs_of(rows[:limit]))
        shown = [Shown(row, items.get(ItemRef(row.kind, row.item_id))) for row in rows[:limit]]
        return Page(shown, has_more=len(rows) > limit)

    async def check(self, caller: Principal, refs: Iterable[tuple[str, str]]) -> list[ItemRef]:
        """Which of these items (at most 100) the caller has bookmarked, in the order asked."""
        asked = list(refs)
        if len(asked) > MAX_CHECKED:
            raise InvalidArgument(
                f"ask about at most {MAX_CHECKED} items at once (a page); ask about the rest in another request",
                details={"items": f"at most {MAX_CHECKED}"},
            )
        wanted = list(dict.fromkeys(item_ref(kind, item_id, field="items") for kind, item_id in asked))
        if not wanted:
            return []
        async with self._db.reading() as session:
            found = await BookmarkRepository(session).bookmarked(caller.user_id, wanted)
        return [ref for ref in wanted if ref in found]

    # --- folders --------------------------------------------------------------------------

    async def create_folder(self, caller: Principal, name: str) -> FolderView:
        user, name = caller.user_id, folder_name(name)
        async with self._db.transaction() as session:
            bookmarks = BookmarkRepository(session)
            await bookmarks.lock_learner(user)
            taken = await bookmarks.folder_names(user)
            check_room_for_folder(len(taken))
            check_name_free(name, taken.values())
            row = await bookmarks.add_folder(user, name, self._now())
        return FolderView(row, 0)

    async def rename_folder(self, caller: Principal, folder: str, name: str) -> FolderView:
        user, which, name = caller.user_id, _required_folder(folder, "id"), folder_name(name)
        async with self._db.transaction() as session:
            bookmarks = BookmarkRepository(session)
            await bookmarks.lock_learner(user)
            row = await bookmarks.folder(user, which)
            if row is None:
                raise folder_not_found(which)
            taken = await bookmarks.folder_names(user)
            # Its own name, in another case, is not taken.
            check_name_free(name, [other for folder_key, other in taken.items() if folder_key != which])
            await bookmarks.rename_folder(row, name)
            count = await bookmarks.count(user, folder=which)
        return FolderView(row, count)

    async def delete_folder(self, caller: Principal, folder: str) -> None:
        """The folder goes; its bookmarks are kept, out of any folder."""
        user, which = caller.user_id, _required_folder(folder, "id")
        async with self._db.transaction() as session:
            bookmarks = BookmarkRepository(session)
            await bookmarks.lock_learner(user)
            if await bookmarks.folder(user, which) is None:
                raise folder_not_found(which)
            await bookmarks.delete_folder(user, which)

    async def folders(self, caller: Principal) -> list[FolderView]:
        """The caller's folders (at most 100) by name, each with how many bookmarks it holds."""
        async with self._db.reading() as session:
            rows = await BookmarkRepository(session).folders(caller.user_id)
        return [FolderView(folder, count) for folder, count in rows]
