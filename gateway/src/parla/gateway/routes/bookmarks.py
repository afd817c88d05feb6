"""Bookmarks and their folders (organization service)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.exceptions import RequestValidationError

from parla.contracts.rpc.organization.v1 import bookmarks_pb2 as pb
from parla.contracts.rpc.organization.v1 import items_pb2
from parla.gateway.bookmark_schemas import (
    MAX_CHECKED,
    BookmarkOut,
    BookmarkPageOut,
    BookmarkPatchIn,
    CheckOut,
    FolderFilter,
    FolderIn,
    FolderOut,
    FoldersOut,
    ItemId,
    ItemKind,
    ToggleIn,
    ToggleOut,
    document_id_or_error,
)
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import ERROR_RESPONSES, from_message

router = APIRouter(prefix="/bookmarks", tags=["bookmarks"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

FolderId = Annotated[uuid.UUID, Path(description="The folder's id")]


# Folder routes come first: "/folders/{folder_id}" must not be taken for "/{kind}/{item_id}".


@router.get("/folders")
async def list_folders(clients: Clients) -> FoldersOut:
    """Your folders (at most 100) by name, each with how many bookmarks it holds."""
    return from_message(FoldersOut, await clients.bookmarks.ListFolders(pb.ListFoldersRequest()))


@router.post("/folders", status_code=201)
async def create_folder(body: FolderIn, clients: Clients) -> FolderOut:
    """A new folder. Its name is unique among yours whatever the case (409 otherwise)."""
    return from_message(FolderOut, await clients.bookmarks.CreateFolder(pb.CreateFolderRequest(name=body.name)))


@router.patch("/folders/{folder_id}")
async def rename_folder(folder_id: FolderId, body: FolderIn, clients: Clients) -> FolderOut:
    """Rename one of your folders."""
    request = pb.RenameFolderRequest(id=str(folder_id), name=body.name)
    return from_message(FolderOut, await clients.bookmarks.RenameFolder(request))


@router.delete("/folders/{folder_id}", status_code=204, response_class=Response)
async def delete_folder(folder_id: FolderId, clients: Clients) -> None:
    """Delete one of your folders. Its bookmarks are kept, in no folder."""
    await clients.bookmarks.DeleteFolder(pb.FolderRef(id=str(folder_id)))


@router.post("/toggle")
async def toggle_bookmark(body: ToggleIn, clients: Clients) -> ToggleOut:
    """Bookmark a scenario or one of your documents (in a folder, with a note), or remove the
    bookmark if you had one. A scenario just published may take a moment to be known here."""
    request = pb.ToggleBookmarkRequest(
        item=items_pb2.ItemRef(kind=body.kind, id=body.id), folder_id=str(body.folder_id or ""), note=body.note
    )
    return from_message(ToggleOut, await clients.bookmarks.ToggleBookmark(request))


@router.get("/check")
async def check_bookmarks(
    clients: Clients,
    scenario: Annotated[list[ItemId], Query(max_length=MAX_CHECKED, description="A scenario's id; repeat for several")] = [],  # noqa: B006
    document: Annotated[list[uuid.UUID], Query(max_length=MAX_CHECKED, description="A document's id; repeat for several")] = [],  # noqa: B006
) -> CheckOut:
    """Which of these scenarios and documents you have bookmarked (at most 100 in all), e.g. for
    a page of a listing."""
    if len(scenario) + len(document) > MAX_CHECKED:
        message = f"ask about at most {MAX_CHECKED} scenarios and documents in all"
        raise RequestValidationError([{"loc": ("query", name), "msg": message} for name in ("scenario", "document")])
    refs = [items_pb2.ItemRef(kind="scenario", id=item_id) for item_id in scenario]
    refs += [items_pb2.ItemRef(kind="document", id=str(item_id)) for item_id in document]
    return from_message(CheckOut, await clients.bookmarks.CheckBookmarks(pb.CheckBookmarksRequest(items=refs)))


@router.get("")
async def list_bookmarks(
    clients: Clients,
    folder: Annotated[FolderFilter | None, Query(description='A folder\'s id, or "none" for bookmarks in no folder')] = None,
    kind: Annotated[ItemKind | None, Query(description="Only scenarios or only documents")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> BookmarkPageOut:
    """Your bookmarks, newest first. An item deleted or made private since is listed as removed."""
    request = pb.ListBookmarksRequest(folder_id=folder or "", kind=kind or "", limit=limit, offset=offset)
    return from_message(BookmarkPageOut, await clients.bookmarks.ListBookmarks(request))


@router.patch("/{kind}/{item_id}")
async def update_bookmark(
    kind: Annotated[ItemKind, Path(description="scenario or document")],
    item_id: Annotated[ItemId, Path(description="The scenario's or document's id")],
    body: BookmarkPatchIn,
    clients: Clients,
) -> BookmarkOut:
    """Move a bookmark to another folder (null: out of any) and/or change its note; what is not
    sent stays as it is."""
    try:
        item_id = document_id_or_error(kind, item_id)
    except ValueError as error:
        raise RequestValidationError([{"loc": ("path", "item_id"), "msg": str(error)}]) from None
    request = pb.UpdateBookmarkRequest(
        item=items_pb2.ItemRef(kind=kind, id=item_id),
        fields=body.fields(),
        folder_id=str(body.folder_id or ""),
        note=body.note or "",
    )
    return from_message(BookmarkOut, await clients.bookmarks.UpdateBookmark(request))
