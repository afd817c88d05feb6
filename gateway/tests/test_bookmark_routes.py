"""What the bookmarks API sends the organization service, what it answers from the service's
messages, and what it refuses before any call."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from parla.contracts.rpc.organization.v1 import bookmarks_pb2 as pb
from parla.contracts.rpc.organization.v1 import items_pb2

from .fakes import signed_in
from .review_helpers import sent, stamp

FOLDER = "5b0c3a2e-0000-4000-8000-000000000001"
DOCUMENT = "5b0c3a2e-0000-4000-8000-000000000002"
AT = datetime(2030, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


def bookmark_message(item_id: str = "ordering-tapas", *, kind: str = "scenario", **fields) -> pb.Bookmark:
    """A bookmark as the organization service sends it."""
    item = items_pb2.ItemSummary(
        ref=items_pb2.ItemRef(kind=kind, id=item_id),
        titles={"es": "Pedir tapas"},
        category="restaurant",
        difficulty="beginner",
        languages=["es"],
        estimated_minutes=15,
    )
    return pb.Bookmark(**{"item": item, "created_at": stamp(AT), **fields})


# --- toggling ---------------------------------------------------------------------------------


async def test_a_toggle_reaches_the_service_with_its_folder_and_trimmed_note_and_answers_the_bookmark(gateway, services, headers):
    services.answer(
        "ToggleBookmark", pb.ToggleBookmarkResponse(bookmarked=True, bookmark=bookmark_message(folder_id=FOLDER, note="mine"))
    )
    body = {"kind": "scenario", "id": "ordering-tapas", "folder_id": FOLDER, "note": "  mine "}
    response = await gateway.post("/api/v1/bookmarks/toggle", headers=headers, json=body)
    assert response.status_code == 200, response.text
    [request] = sent(services, "ToggleBookmark", pb.ToggleBookmarkRequest)
    assert (request.item.kind, request.item.id, request.folder_id, request.note) == ("scenario", "ordering-tapas", FOLDER, "mine")
    answer = response.json()
    assert answer["bookmarked"] is True
    assert (answer["bookmark"]["folder_id"], answer["bookmark"]["note"]) == (FOLDER, "mine")
    assert answer["bookmark"]["item"]["titles"] == {"es": "Pedir tapas"}
    assert datetime.fromisoformat(answer["bookmark"]["created_at"]) == AT


async def test_a_toggle_that_removes_answers_not_bookmarked_and_no_bookmark(gateway, services, headers):
    services.answer("ToggleBookmark", pb.ToggleBookmarkResponse(bookmarked=False))
    response = await gateway.post("/api/v1/bookmarks/toggle", headers=headers, json={"kind": "document", "id": DOCUMENT.upper()})
    assert response.json() == {"bookmarked": False, "bookmark": None}
    [request] = sent(services, "ToggleBookmark", pb.ToggleBookmarkRequest)
    assert (request.item.kind, request.item.id, request.folder_id, request.note) == ("document", DOCUMENT, "", "")


async def test_an_item_the_service_does_not_find_is_a_404(gateway, services, headers):
    response = await gateway.post("/api/v1/bookmarks/toggle", headers=headers, json={"kind": "scenario", "id": "secret"})
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


# --- updating ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fields", "folder_id", "note"),
    [
        ({"note": "later"}, ["note"], "", "later"),
        ({"folder_id": FOLDER}, ["folder_id"], FOLDER, ""),
        ({"folder_id": None}, ["folder_id"], "", ""),
        ({"folder_id": FOLDER, "note": None}, ["folder_id", "note"], FOLDER, ""),
    ],
)
async def test_an_update_sends_only_the_fields_in_the_body(gateway, services, headers, body, fields, folder_id, note):
    services.answer("UpdateBookmark", bookmark_message(folder_id=folder_id, note=note))
    response = await gateway.patch("/api/v1/bookmarks/scenario/ordering-tapas", headers=headers, json=body)
    assert response.status_code == 200, response.text
    [request] = sent(services, "UpdateBookmark", pb.UpdateBookmarkRequest)
    assert (request.item.kind, request.item.id) == ("scenario", "ordering-tapas")
    assert (list(request.fields), request.folder_id, request.note) == (fields, folder_id, note)
    assert response.json()["folder_id"] == (folder_id or None)


async def test_an_update_with_nothing_to_change_is_a_422_before_any_call(gateway, services, headers):
    response = await gateway.patch("/api/v1/bookmarks/scenario/ordering-tapas", headers=headers, json={})
    assert response.status_code == 422
    assert "nothing to change" in response.json()["error"]["message"]
    assert services.calls == []


# --- listing and checking ---------------------------------------------------------------------


async def test_the_list_sends_its_filters_and_answers_the_page(gateway, services, headers):
    removed = pb.Bookmark(
        item=items_pb2.ItemSummary(ref=items_pb2.ItemRef(kind="scenario", id="gone"), removed=True), created_at=stamp(AT)
    )
    services.answer("ListBookmarks", pb.BookmarkPage(bookmarks=[bookmark_message(), removed], has_more=True))
    response = await gateway.get(f"/api/v1/bookmarks?folder={FOLDER}&kind=scenario&limit=2&offset=4", headers=headers)
    assert response.status_code == 200, response.text
    [request] = sent(services, "ListBookmarks", pb.ListBookmarksRequest)
    assert (request.folder_id, request.kind, request.limit, request.offset) == (FOLDER, "scenario", 2, 4)
    page = response.json()
    assert page["has_more"] is True
    assert [(b["item"]["ref"]["id"], b["item"]["removed"], b["folder_id"]) for b in page["bookmarks"]] == [
        ("ordering-tapas", False, None),
        ("gone", True, None),
    ]


async def test_the_list_of_bookmarks_in_no_folder_and_the_defaults(gateway, services, headers):
    await gateway.get("/api/v1/bookmarks?folder=none", headers=headers)
    await gateway.get("/api/v1/bookmarks", headers=headers)
    unfiled, everything = sent(services, "ListBookmarks", pb.ListBookmarksRequest)
    assert (unfiled.folder_id, unfiled.kind, unfiled.limit, unfiled.offset) == ("none", "", 20, 0)
    assert (everything.folder_id, everything.kind) == ("", "")


async def test_a_check_sends_every_scenario_and_document_asked_and_answers_the_bookmarked_ones(gateway, services, headers):
    found = [items_pb2.ItemRef(kind="scenario", id="b")]
    services.answer("CheckBookmarks", pb.CheckBookmarksResponse(bookmarked=found))
    response = await gateway.get(f"/api/v1/bookmarks/check?scenario=a&scenario=b&document={DOCUMENT}", headers=headers)
    assert response.json() == {"bookmarked": [{"kind": "scenario", "id": "b"}]}
    [request] = sent(services, "CheckBookmarks", pb.CheckBookmarksRequest)
    assert [(r.kind, r.id) for r in request.items] == [("scenario", "a"), ("scenario", "b"), ("document", DOCUMENT)]


async def test_a_check_of_more_than_a_hundred_items_in_all_is_a_422_before_any_call(gateway, services, headers):
    query = "&".join([*(f"scenario=s{n}" for n in range(60)), *(f"document={uuid.uuid4()}" for _ in range(41))])
    response = await gateway.get(f"/api/v1/bookmarks/check?{query}", headers=headers)
    assert response.status_code == 422
    assert {"scenario", "document"} <= set(response.json()["error"]["details"])
    assert services.calls == []


# --- folders ----------------------------------------------------------------------------------


async def test_a_new_folder_is_201_with_its_trimmed_name(gateway, services, headers):
    services.answer("CreateFolder", pb.Folder(id=FOLDER, name="Travel"))
    response = await gateway.post("/api/v1/bookmarks/folders", headers=headers, json={"name": "  Travel "})
    assert response.status_code == 201, response.text
    assert response.json() == {"id": FOLDER, "name": "Travel", "bookmark_count": 0}
    [request] = sent(services, "CreateFolder", pb.CreateFolderRequest)
    assert request.name == "Travel"


async def test_folders_are_listed_renamed_and_deleted(gateway, services, headers):
    services.answer("ListFolders", pb.ListFoldersResponse(folders=[pb.Folder(id=FOLDER, name="Travel", bookmark_count=3)]))
    services.answer("RenameFolder", pb.Folder(id=FOLDER, name="Viajes", bookmark_count=3))
    services.answer("DeleteFolder", pb.DeleteFolderResponse())
    listed = await gateway.get("/api/v1/bookmarks/folders", headers=headers)
    assert listed.json() == {"folders": [{"id": FOLDER, "name": "Travel", "bookmark_count": 3}]}
    renamed = await gateway.patch(f"/api/v1/bookmarks/folders/{FOLDER}", headers=headers, json={"name": "Viajes"})
    assert (renamed.status_code, renamed.json()["name"]) == (200, "Viajes")
    deleted = await gateway.delete(f"/api/v1/bookmarks/folders/{FOLDER}", headers=headers)
    assert (deleted.status_code, deleted.content) == (204, b"")
    [rename] = sent(services, "RenameFolder", pb.RenameFolderRequest)
    [delete] = sent(services, "DeleteFolder", pb.FolderRef)
    assert (rename.id, rename.name, delete.id) == (FOLDER, "Viajes", FOLDER)
    assert services.named("UpdateBookmark") == []  # "/folders/{id}" is never taken for "/{kind}/{item_id}"


# --- refused before any call ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "collection", "id": "a"}, "kind"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": ""}, "id"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "x" * 101}, "id"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "document", "id": "not-a-uuid"}, "id"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "a", "folder_id": "box"}, "folder_id"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "a", "note": "n" * 1001}, "note"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "a", "note": "<script>"}, "note"),
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "a", "colour": "red"}, "colour"),
        ("PATCH", "/api/v1/bookmarks/scenario/a", {"note": "a\x00b"}, "note"),
        ("PATCH", "/api/v1/bookmarks/scenario/a", {"folder_id": "box"}, "folder_id"),
        ("PATCH", "/api/v1/bookmarks/collection/a", {"note": "x"}, "kind"),
        ("PATCH", "/api/v1/bookmarks/document/not-a-uuid", {"note": "x"}, "item_id"),
        ("GET", "/api/v1/bookmarks?folder=box", None, "folder"),
        ("GET", "/api/v1/bookmarks?kind=collection", None, "kind"),
        ("GET", "/api/v1/bookmarks?limit=101", None, "limit"),
        ("GET", "/api/v1/bookmarks?offset=10001", None, "offset"),
        ("GET", "/api/v1/bookmarks/check?document=not-a-uuid", None, "document.0"),
        ("POST", "/api/v1/bookmarks/folders", {"name": "   "}, "name"),
        ("POST", "/api/v1/bookmarks/folders", {"name": "n" * 101}, "name"),
        ("POST", "/api/v1/bookmarks/folders", {"name": "<b>Travel</b>"}, "name"),
        ("POST", "/api/v1/bookmarks/folders", {"name": "two\nlines"}, "name"),
        ("PATCH", "/api/v1/bookmarks/folders/not-a-uuid", {"name": "Travel"}, "folder_id"),
        ("DELETE", "/api/v1/bookmarks/folders/not-a-uuid", None, "folder_id"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field_before_any_call(gateway, services, headers, method, path, body, field):
    response = await gateway.request(method, path, headers=headers, json=body)
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["details"], response.json()
    assert services.calls == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/bookmarks/toggle", {"kind": "scenario", "id": "a"}),
        ("PATCH", "/api/v1/bookmarks/scenario/a", {"note": "x"}),
        ("GET", "/api/v1/bookmarks", None),
        ("GET", "/api/v1/bookmarks/check?scenario=a", None),
        ("GET", "/api/v1/bookmarks/folders", None),
        ("POST", "/api/v1/bookmarks/folders", {"name": "Travel"}),
        ("PATCH", f"/api/v1/bookmarks/folders/{FOLDER}", {"name": "Travel"}),
        ("DELETE", f"/api/v1/bookmarks/folders/{FOLDER}", None),
    ],
)
async def test_a_signed_out_caller_gets_401_and_reaches_no_service(gateway, services, method, path, body):
    response = await gateway.request(method, path, json=body)
    assert response.status_code == 401
    assert services.calls == []
