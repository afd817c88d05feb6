import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from parla.contracts.rpc.organization.v1 import items_pb2 as _items_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Bookmark(_message.Message):
    __slots__ = ("item", "folder_id", "note", "created_at")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.ItemSummary
    folder_id: str
    note: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, item: _Optional[_Union[_items_pb2.ItemSummary, _Mapping]] = ..., folder_id: _Optional[str] = ..., note: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ToggleBookmarkRequest(_message.Message):
    __slots__ = ("item", "folder_id", "note")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.ItemRef
    folder_id: str
    note: str
    def __init__(self, item: _Optional[_Union[_items_pb2.ItemRef, _Mapping]] = ..., folder_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ToggleBookmarkResponse(_message.Message):
    __slots__ = ("bookmarked", "bookmark")
    BOOKMARKED_FIELD_NUMBER: _ClassVar[int]
    BOOKMARK_FIELD_NUMBER: _ClassVar[int]
    bookmarked: bool
    bookmark: Bookmark
    def __init__(self, bookmarked: _Optional[bool] = ..., bookmark: _Optional[_Union[Bookmark, _Mapping]] = ...) -> None: ...

class UpdateBookmarkRequest(_message.Message):
    __slots__ = ("item", "fields", "folder_id", "note")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.ItemRef
    fields: _containers.RepeatedScalarFieldContainer[str]
    folder_id: str
    note: str
    def __init__(self, item: _Optional[_Union[_items_pb2.ItemRef, _Mapping]] = ..., fields: _Optional[_Iterable[str]] = ..., folder_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ListBookmarksRequest(_message.Message):
    __slots__ = ("folder_id", "kind", "limit", "offset")
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    kind: str
    limit: int
    offset: int
    def __init__(self, folder_id: _Optional[str] = ..., kind: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class BookmarkPage(_message.Message):
    __slots__ = ("bookmarks", "has_more")
    BOOKMARKS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    bookmarks: _containers.RepeatedCompositeFieldContainer[Bookmark]
    has_more: bool
    def __init__(self, bookmarks: _Optional[_Iterable[_Union[Bookmark, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...

class CheckBookmarksRequest(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[_items_pb2.ItemRef]
    def __init__(self, items: _Optional[_Iterable[_Union[_items_pb2.ItemRef, _Mapping]]] = ...) -> None: ...

class CheckBookmarksResponse(_message.Message):
    __slots__ = ("bookmarked",)
    BOOKMARKED_FIELD_NUMBER: _ClassVar[int]
    bookmarked: _containers.RepeatedCompositeFieldContainer[_items_pb2.ItemRef]
    def __init__(self, bookmarked: _Optional[_Iterable[_Union[_items_pb2.ItemRef, _Mapping]]] = ...) -> None: ...

class Folder(_message.Message):
    __slots__ = ("id", "name", "bookmark_count")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BOOKMARK_COUNT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    bookmark_count: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., bookmark_count: _Optional[int] = ...) -> None: ...

class FolderRef(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class CreateFolderRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class RenameFolderRequest(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class DeleteFolderResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListFoldersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListFoldersResponse(_message.Message):
    __slots__ = ("folders",)
    FOLDERS_FIELD_NUMBER: _ClassVar[int]
    folders: _containers.RepeatedCompositeFieldContainer[Folder]
    def __init__(self, folders: _Optional[_Iterable[_Union[Folder, _Mapping]]] = ...) -> None: ...
