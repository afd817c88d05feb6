"""gRPC servicer: translates messages and delegates to ``BookmarkService``."""

from __future__ import annotations

import uuid

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.organization.v1 import bookmarks_pb2 as pb
from parla.contracts.rpc.organization.v1 import bookmarks_pb2_grpc, items_pb2
from parla.organization.bookmarks.service import BookmarkService, FolderView, Shown
from parla.organization.catalogue.service import item_message

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["BookmarkService"].full_name
add_to_server = bookmarks_pb2_grpc.add_BookmarkServiceServicer_to_server


def bookmark_message(shown: Shown, user_id: uuid.UUID) -> pb.Bookmark:
    row = shown.bookmark
    return pb.Bookmark(
        item=item_message(shown.ref, shown.item, user_id),
        folder_id=str(row.folder_id) if row.folder_id is not None else "",
        note=row.note,
        created_at=timestamp(row.created_at),
    )


def folder_message(view: FolderView) -> pb.Folder:
    return pb.Folder(id=str(view.folder.id), name=view.folder.name, bookmark_count=view.bookmark_count)


class BookmarkServicer(bookmarks_pb2_grpc.BookmarkServiceServicer):
    def __init__(self, service: BookmarkService) -> None:
        self._service = service

    async def ToggleBookmark(self, request: pb.ToggleBookmarkRequest, context) -> pb.ToggleBookmarkResponse:
        caller = principal()
        shown = await self._service.toggle(
            caller, kind=request.item.kind, item_id=request.item.id, folder=request.folder_id, note=request.note
        )
        if shown is None:
            return pb.ToggleBookmarkResponse(bookmarked=False)
        return pb.ToggleBookmarkResponse(bookmarked=True, bookmark=bookmark_message(shown, caller.user_id))

    async def UpdateBookmark(self, request: pb.UpdateBookmarkRequest, context) -> pb.Bookmark:
        caller = principal()
        shown = await self._service.update(
            caller,
            kind=request.item.kind,
            item_id=request.item.id,
            fields=list(request.fields),
            folder=request.folder_id,
            note=request.note,
        )
        return bookmark_message(shown, caller.user_id)

    async def ListBookmarks(self, request: pb.ListBookmarksRequest, context) -> pb.BookmarkPage:
        caller = principal()
        page = await self._service.bookmarks(
            caller, folder=request.folder_id, kind=request.kind, limit=request.limit, offset=request.offset
        )
        return pb.BookmarkPage(
            bookmarks=[bookmark_message(shown, caller.user_id) for shown in page.bookmarks], has_more=page.has_more
        )

    async def CheckBookmarks(self, request: pb.CheckBookmarksRequest, context) -> pb.CheckBookmarksResponse:
        found = await self._service.check(principal(), [(ref.kind, ref.id) for ref in request.items])
        return pb.CheckBookmarksResponse(bookmarked=[items_pb2.ItemRef(kind=ref.kind, id=ref.id) for ref in found])

    async def CreateFolder(self, request: pb.CreateFolderRequest, context) -> pb.Folder:
        return folder_message(await self._service.create_folder(principal(), request.name))

    async def RenameFolder(self, request: pb.RenameFolderRequest, context) -> pb.Folder:
        return folder_message(await self._service.rename_folder(principal(), request.id, request.name))

    async def DeleteFolder(self, request: pb.FolderRef, context) -> pb.DeleteFolderResponse:
        await self._service.delete_folder(principal(), request.id)
        return pb.DeleteFolderResponse()

    async def ListFolders(self, request: pb.ListFoldersRequest, context) -> pb.ListFoldersResponse:
        return pb.ListFoldersResponse(folders=[folder_message(view) for view in await self._service.folders(principal())])
