"""Bookmarks and their folders on SQLite and PostgreSQL: toggling with its events, what may be
bookmarked, folders, notes, listing, checking in bulk, and bad input."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import orjson
import pytest
from sqlalchemy import insert, select

from parla.chassis.auth import current_principal
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.chassis.messaging import outbox_table
from parla.contracts.rpc.organization.v1 import bookmarks_pb2 as pb
from parla.contracts.rpc.organization.v1 import items_pb2
from parla.organization.bookmarks.db import BookmarkRow
from parla.organization.bookmarks.domain import MAX_BOOKMARKS, MAX_FOLDERS
from parla.organization.bookmarks.grpc_api import BookmarkServicer
from parla.organization.bookmarks.service import BookmarkService
from parla.organization.catalogue.domain import ItemRef

from .catalogue_fixtures import T0, delete_document, delete_scenario, import_document, learner, publish_scenario


class Clock:
    """A minute later at every reading, so that bookmarks made one after another sort by time."""

    def __init__(self) -> None:
        self.at = T0

    def __call__(self):
        self.at += timedelta(minutes=1)
        return self.at


@pytest.fixture
def service(db) -> BookmarkService:
    return BookmarkService(db=db, now=Clock())


async def events(db) -> list[tuple[str, dict]]:
    async with db.reading() as session:
        rows = await session.execute(select(outbox_table.c.event_type, outbox_table.c.payload).order_by(outbox_table.c.id))
    return [(event_type, orjson.loads(payload)) for event_type, payload in rows]


class as_caller:
    """The servicer's caller, as the gRPC server's interceptor sets it."""

    def __init__(self, caller) -> None:
        self._caller = caller

    async def __aenter__(self) -> None:
        self._token = current_principal.set(self._caller)

    async def __aexit__(self, *exc) -> None:
        current_principal.reset(self._token)


def listed(page) -> list[str]:
    return [shown.bookmark.item_id for shown in page.bookmarks]


# --- toggling ---------------------------------------------------------------------------------


async def test_a_toggle_bookmarks_a_visible_scenario_and_puts_bookmark_added_in_the_outbox(db, service):
    me = learner()
    await publish_scenario(db, "ordering-tapas", titles={"es": "Pedir tapas"})
    shown = await service.toggle(me, kind="scenario", item_id="ordering-tapas", note=" the good one ")
    assert shown is not None
    assert (shown.bookmark.note, shown.bookmark.folder_id, shown.item.titles) == ("the good one", None, {"es": "Pedir tapas"})
    [(event_type, payload)] = await events(db)
    assert event_type == "bookmark.added"
    assert (payload["user_id"], payload["item_kind"], payload["item_id"]) == (str(me.user_id), "scenario", "ordering-tapas")


async def test_a_second_toggle_removes_the_bookmark_and_puts_bookmark_removed_in_the_outbox(db, service):
    me = learner()
    await publish_scenario(db, "ordering-tapas")
    await service.toggle(me, kind="scenario", item_id="ordering-tapas")
    assert await service.toggle(me, kind="scenario", item_id="ordering-tapas") is None
    assert [event_type for event_type, _ in await events(db)] == ["bookmark.added", "bookmark.removed"]
    assert (await service.bookmarks(me)).bookmarks == []
    assert await service.check(me, [("scenario", "ordering-tapas")]) == []


async def test_a_learner_bookmarks_their_own_document_but_not_another_learners(db, service):
    me, other = learner(), learner()
    mine, theirs = await import_document(db, me, title="Mi carta"), await import_document(db, other)
    assert (await service.toggle(me, kind="document", item_id=mine.upper())).ref == ItemRef("document", mine)
    with pytest.raises(NotFound, match="may take a moment"):
        await service.toggle(me, kind="document", item_id=theirs)


@pytest.mark.parametrize("case", ["unknown", "someone else's private", "deleted"])
async def test_an_item_the_learner_cannot_see_is_not_found_and_nothing_is_written(db, service, case):
    me, author = learner(), learner()
    if case == "someone else's private":
        await publish_scenario(db, "secret", visibility="private", owner=author)
    elif case == "deleted":
        await publish_scenario(db, "secret")
        await delete_scenario(db, "secret")
    with pytest.raises(NotFound, match="it may take a moment to be known here") as refused:
        await service.toggle(me, kind="scenario", item_id="secret")
    assert "secret" in refused.value.message
    assert await events(db) == []
    assert await service.check(me, [("scenario", "secret")]) == []


async def test_a_bookmark_whose_item_is_deleted_or_made_private_stays_listed_as_removed_and_can_be_removed(db, service):
    me, author = learner(), learner()
    await publish_scenario(db, "mine", visibility="private", owner=me)
    await publish_scenario(db, "shared", owner=author)
    document = await import_document(db, me)
    for kind, item_id in (("scenario", "mine"), ("scenario", "shared"), ("document", document)):
        await service.toggle(me, kind=kind, item_id=item_id)
    await publish_scenario(db, "shared", visibility="private", owner=author, at=T0 + timedelta(hours=1))
    await delete_document(db, me, document)
    kept = {shown.ref for shown in (await service.bookmarks(me)).bookmarks}
    assert kept == {ItemRef("scenario", "mine"), ItemRef("scenario", "shared"), ItemRef("document", document)}
    async with as_caller(me):
        listed_messages = await BookmarkServicer(service).ListBookmarks(pb.ListBookmarksRequest(), None)
    removed = {message.item.ref.id: message.item.removed for message in listed_messages.bookmarks}
    assert removed == {"mine": False, "shared": True, document: True}
    assert all(not m.item.titles for m in listed_messages.bookmarks if m.item.removed)
    # Letting go of a removed item needs no visible item.
    assert await service.toggle(me, kind="scenario", item_id="shared") is None
    assert await service.toggle(me, kind="document", item_id=document) is None
    assert listed(await service.bookmarks(me)) == ["mine"]


async def test_bookmarks_are_each_learners_own(db, service):
    me, other = learner(), learner()
    await publish_scenario(db, "ordering-tapas")
    await service.toggle(me, kind="scenario", item_id="ordering-tapas")
    assert (await service.bookmarks(other)).bookmarks == []
    assert await service.check(other, [("scenario", "ordering-tapas")]) == []
    # The other learner's toggle adds their own bookmark: it does not remove mine.
    assert await service.toggle(other, kind="scenario", item_id="ordering-tapas") is not None
    assert listed(await service.bookmarks(me)) == ["ordering-tapas"]
    with pytest.raises(NotFound):
        await service.update(learner(), kind="scenario", item_id="ordering-tapas", fields=["note"], note="mine now")


async def test_a_learner_has_at_most_ten_thousand_bookmarks(db, service):
    me = learner()
    await publish_scenario(db, "one-too-many")
    rows = [
        {"user_id": me.user_id, "kind": "scenario", "item_id": f"s-{n}", "note": "", "created_at": T0, "folder_id": None}
        for n in range(MAX_BOOKMARKS)
    ]
    async with db.transaction() as session:
        for start in range(0, len(rows), 1000):
            await session.execute(insert(BookmarkRow), rows[start : start + 1000])
    with pytest.raises(Conflict, match="10,000 bookmarks"):
        await service.toggle(me, kind="scenario", item_id="one-too-many")
    # Removing one still works, and makes room.
    assert await service.toggle(me, kind="scenario", item_id="s-1") is None
    assert await service.toggle(me, kind="scenario", item_id="one-too-many") is not None


@pytest.mark.concurrent_transactions
async def test_two_toggles_of_one_item_at_once_leave_it_unbookmarked_with_exactly_two_events(db, service):
    me = learner()
    await publish_scenario(db, "ordering-tapas")
    results = await asyncio.gather(
        service.toggle(me, kind="scenario", item_id="ordering-tapas"),
        service.toggle(me, kind="scenario", item_id="ordering-tapas"),
    )
    assert sorted(result is None for result in results) == [False, True]
    assert await service.check(me, [("scenario", "ordering-tapas")]) == []
    assert [event_type for event_type, _ in await events(db)] == ["bookmark.added", "bookmark.removed"]


# --- folders ----------------------------------------------------------------------------------


async def test_folders_are_made_renamed_listed_by_name_with_their_counts_and_deleted(db, service):
    me = learner()
    for scenario in ("a", "b", "c"):
        await publish_scenario(db, scenario)
    travel = await service.create_folder(me, "  Travel ")
    food = await service.create_folder(me, "food")
    await service.toggle(me, kind="scenario", item_id="a", folder=str(travel.folder.id))
    await service.toggle(me, kind="scenario", item_id="b", folder=str(travel.folder.id))
    await service.toggle(me, kind="scenario", item_id="c")
    assert [(v.folder.name, v.bookmark_count) for v in await service.folders(me)] == [("food", 0), ("Travel", 2)]
    renamed = await service.rename_folder(me, str(food.folder.id), "Comida")
    assert (renamed.folder.name, renamed.bookmark_count) == ("Comida", 0)
    assert (await service.rename_folder(me, str(travel.folder.id), "TRAVEL")).bookmark_count == 2  # its own name, in another case
    await service.delete_folder(me, str(food.folder.id))
    assert [v.folder.name for v in await service.folders(me)] == ["TRAVEL"]


async def test_a_folder_name_the_learner_already_has_in_any_case_is_a_conflict(db, service):
    me = learner()
    await service.create_folder(me, "Travel")
    spare = await service.create_folder(me, "Spare")
    with pytest.raises(Conflict, match="you already have a folder named 'Travel'"):
        await service.create_folder(me, "tRAVEL")
    with pytest.raises(Conflict, match="you already have a folder named 'Travel'"):
        await service.rename_folder(me, str(spare.folder.id), " travel ")
    # Another learner may have the same name.
    assert (await service.create_folder(learner(), "Travel")).folder.name == "Travel"


async def test_a_learner_has_at_most_a_hundred_folders(db, service):
    me = learner()
    for n in range(MAX_FOLDERS):
        await service.create_folder(me, f"folder {n}")
    with pytest.raises(Conflict, match="100 folders"):
        await service.create_folder(me, "one more")


async def test_another_learners_folder_is_not_found_everywhere(db, service):
    me, other = learner(), learner()
    await publish_scenario(db, "a")
    theirs = str((await service.create_folder(other, "Theirs")).folder.id)
    await service.toggle(me, kind="scenario", item_id="a")
    attempts = [
        service.rename_folder(me, theirs, "Mine"),
        service.delete_folder(me, theirs),
        service.bookmarks(me, folder=theirs),
        service.update(me, kind="scenario", item_id="a", fields=["folder_id"], folder=theirs),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound, match="you have no folder"):
            await attempt
    await service.toggle(me, kind="scenario", item_id="a")
    with pytest.raises(NotFound, match="you have no folder"):
        await service.toggle(me, kind="scenario", item_id="a", folder=theirs)
    assert [(v.folder.name, v.bookmark_count) for v in await service.folders(other)] == [("Theirs", 0)]


async def test_deleting_a_folder_keeps_its_bookmarks_out_of_any_folder(db, service):
    me = learner()
    await publish_scenario(db, "a")
    await publish_scenario(db, "b")
    folder = str((await service.create_folder(me, "Soon gone")).folder.id)
    await service.toggle(me, kind="scenario", item_id="a", folder=folder, note="keep me")
    await service.toggle(me, kind="scenario", item_id="b", folder=folder)
    await service.delete_folder(me, folder)
    page = await service.bookmarks(me, folder="none")
    assert sorted(listed(page)) == ["a", "b"]
    assert {(s.bookmark.folder_id, s.bookmark.note) for s in page.bookmarks} == {(None, "keep me"), (None, "")}
    with pytest.raises(NotFound):
        await service.bookmarks(me, folder=folder)


# --- updating ---------------------------------------------------------------------------------


async def test_an_update_changes_only_the_fields_it_names(db, service):
    me = learner()
    await publish_scenario(db, "a")
    folder = str((await service.create_folder(me, "Later")).folder.id)
    await service.toggle(me, kind="scenario", item_id="a", folder=folder, note="first")
    shown = await service.update(me, kind="scenario", item_id="a", fields=["note"], note="second", folder="")
    assert (str(shown.bookmark.folder_id), shown.bookmark.note) == (folder, "second")
    shown = await service.update(me, kind="scenario", item_id="a", fields=["folder_id"], folder="", note="ignored")
    assert (shown.bookmark.folder_id, shown.bookmark.note) == (None, "second")
    shown = await service.update(me, kind="scenario", item_id="a", fields=["folder_id", "note"], folder=folder, note="")
    assert (str(shown.bookmark.folder_id), shown.bookmark.note) == (folder, "")
    assert [(v.folder.name, v.bookmark_count) for v in await service.folders(me)] == [("Later", 1)]


async def test_the_servicer_maps_the_fields_of_an_update_request(db, service):
    me = learner()
    await publish_scenario(db, "a")
    await service.toggle(me, kind="scenario", item_id="a", note="kept")
    folder = str((await service.create_folder(me, "Later")).folder.id)
    request = pb.UpdateBookmarkRequest(item=items_pb2.ItemRef(kind="scenario", id="a"), fields=["folder_id"], folder_id=folder)
    async with as_caller(me):
        message = await BookmarkServicer(service).UpdateBookmark(request, None)
    assert (message.folder_id, message.note, message.item.ref.id, message.item.removed) == (folder, "kept", "a", False)


async def test_an_update_of_an_item_not_bookmarked_is_not_found(db, service):
    await publish_scenario(db, "a")
    with pytest.raises(NotFound, match="bookmark it first"):
        await service.update(learner(), kind="scenario", item_id="a", fields=["note"], note="x")


# --- listing ----------------------------------------------------------------------------------


async def test_the_list_is_newest_first_a_page_at_a_time_with_has_more(db, service):
    me = learner()
    names = [f"s{n}" for n in range(5)]
    for name in names:
        await publish_scenario(db, name)
        await service.toggle(me, kind="scenario", item_id=name)
    first = await service.bookmarks(me, limit=2)
    second = await service.bookmarks(me, limit=2, offset=2)
    last = await service.bookmarks(me, limit=2, offset=4)
    assert (listed(first), first.has_more) == (["s4", "s3"], True)
    assert (listed(second), second.has_more) == (["s2", "s1"], True)
    assert (listed(last), last.has_more) == (["s0"], False)
    assert listed(await service.bookmarks(me)) == names[::-1]  # 20 by default


async def test_the_list_is_filtered_by_folder_no_folder_and_kind(db, service):
    me = learner()
    await publish_scenario(db, "filed")
    await publish_scenario(db, "loose")
    document = await import_document(db, me)
    folder = str((await service.create_folder(me, "Box")).folder.id)
    await service.toggle(me, kind="scenario", item_id="filed", folder=folder)
    await service.toggle(me, kind="scenario", item_id="loose")
    await service.toggle(me, kind="document", item_id=document, folder=folder)
    assert listed(await service.bookmarks(me, folder=folder)) == [document, "filed"]
    assert listed(await service.bookmarks(me, folder="none")) == ["loose"]
    assert listed(await service.bookmarks(me, kind="scenario")) == ["loose", "filed"]
    assert listed(await service.bookmarks(me, folder=folder, kind="document")) == [document]


# --- checking in bulk -------------------------------------------------------------------------


async def test_a_check_answers_only_the_bookmarked_items_among_those_asked_in_their_order(db, service):
    me = learner()
    await publish_scenario(db, "a")
    await publish_scenario(db, "b")
    document = await import_document(db, me)
    await service.toggle(me, kind="scenario", item_id="b")
    await service.toggle(me, kind="document", item_id=document)
    asked = [("document", document), ("scenario", "a"), ("scenario", "b"), ("scenario", "b"), ("scenario", "never-heard-of")]
    assert await service.check(me, asked) == [ItemRef("document", document), ItemRef("scenario", "b")]
    assert await service.check(me, []) == []


async def test_a_check_of_more_than_a_hundred_items_is_refused(db, service):
    assert len(await service.check(learner(), [("scenario", f"s{n}") for n in range(100)])) == 0
    with pytest.raises(InvalidArgument, match="at most 100 items") as refused:
        await service.check(learner(), [("scenario", f"s{n}") for n in range(101)])
    assert "items" in refused.value.details


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s, me: s.toggle(me, kind="collection", item_id="a"), "item.kind"),
        (lambda s, me: s.toggle(me, kind="document", item_id="not-a-uuid"), "item.id"),
        (lambda s, me: s.toggle(me, kind="scenario", item_id="x" * 101), "item.id"),
        (lambda s, me: s.toggle(me, kind="scenario", item_id="a", folder="nope"), "folder_id"),
        (lambda s, me: s.toggle(me, kind="scenario", item_id="a", note="n" * 1001), "note"),
        (lambda s, me: s.toggle(me, kind="scenario", item_id="a", note="<b>bold</b>"), "note"),
        (lambda s, me: s.update(me, kind="scenario", item_id="a", fields=[]), "fields"),
        (lambda s, me: s.update(me, kind="scenario", item_id="a", fields=["created_at"]), "fields"),
        (lambda s, me: s.update(me, kind="scenario", item_id="a", fields=["note"], note="\x07"), "note"),
        (lambda s, me: s.bookmarks(me, limit=101), "limit"),
        (lambda s, me: s.bookmarks(me, offset=10_001), "offset"),
        (lambda s, me: s.bookmarks(me, kind="collection"), "kind"),
        (lambda s, me: s.bookmarks(me, folder="somewhere"), "folder_id"),
        (lambda s, me: s.check(me, [("scenario", "a"), ("document", "x")]), "items.id"),
        (lambda s, me: s.create_folder(me, "   "), "name"),
        (lambda s, me: s.create_folder(me, "n" * 101), "name"),
        (lambda s, me: s.create_folder(me, "a<b"), "name"),
        (lambda s, me: s.create_folder(me, "two\nlines"), "name"),
        (lambda s, me: s.rename_folder(me, "", "Name"), "id"),
        (lambda s, me: s.delete_folder(me, "42"), "id"),
    ],
)
async def test_bad_input_is_refused_naming_the_field(db, service, call, field):
    with pytest.raises(InvalidArgument) as refused:
        await call(service, learner())
    assert field in refused.value.details, refused.value.details
    assert await events(db) == []


async def test_a_note_of_a_thousand_characters_on_several_lines_is_kept(db, service):
    me = learner()
    await publish_scenario(db, "a")
    note = ("línea\n" * 200)[:1000]
    shown = await service.toggle(me, kind="scenario", item_id="a", note=note)
    assert shown.bookmark.note == note.strip()
