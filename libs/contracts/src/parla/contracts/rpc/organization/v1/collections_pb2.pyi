import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from parla.contracts.rpc.organization.v1 import items_pb2 as _items_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CollectionRef(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class CollectionItem(_message.Message):
    __slots__ = ("item", "position", "added_at", "done")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.ItemSummary
    position: int
    added_at: _timestamp_pb2.Timestamp
    done: bool
    def __init__(self, item: _Optional[_Union[_items_pb2.ItemSummary, _Mapping]] = ..., position: _Optional[int] = ..., added_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., done: _Optional[bool] = ...) -> None: ...

class Collection(_message.Message):
    __slots__ = ("id", "owner_id", "name", "description", "visibility", "learning_path", "category", "difficulty", "item_count", "total_minutes", "subscriber_count", "subscribed", "owned", "tags", "items", "next_up", "copied_from", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATH_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_MINUTES_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    OWNED_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_UP_FIELD_NUMBER: _ClassVar[int]
    COPIED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    owner_id: str
    name: str
    description: str
    visibility: str
    learning_path: bool
    category: str
    difficulty: str
    item_count: int
    total_minutes: int
    subscriber_count: int
    subscribed: bool
    owned: bool
    tags: _containers.RepeatedScalarFieldContainer[str]
    items: _containers.RepeatedCompositeFieldContainer[CollectionItem]
    next_up: CollectionItem
    copied_from: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., owner_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., visibility: _Optional[str] = ..., learning_path: _Optional[bool] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., item_count: _Optional[int] = ..., total_minutes: _Optional[int] = ..., subscriber_count: _Optional[int] = ..., subscribed: _Optional[bool] = ..., owned: _Optional[bool] = ..., tags: _Optional[_Iterable[str]] = ..., items: _Optional[_Iterable[_Union[CollectionItem, _Mapping]]] = ..., next_up: _Optional[_Union[CollectionItem, _Mapping]] = ..., copied_from: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CollectionPage(_message.Message):
    __slots__ = ("collections", "has_more")
    COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    collections: _containers.RepeatedCompositeFieldContainer[Collection]
    has_more: bool
    def __init__(self, collections: _Optional[_Iterable[_Union[Collection, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...

class CreateCollectionRequest(_message.Message):
    __slots__ = ("name", "description", "visibility", "learning_path", "category", "difficulty", "items")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATH_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    visibility: str
    learning_path: bool
    category: str
    difficulty: str
    items: _containers.RepeatedCompositeFieldContainer[_items_pb2.ItemRef]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., visibility: _Optional[str] = ..., learning_path: _Optional[bool] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_items_pb2.ItemRef, _Mapping]]] = ...) -> None: ...

class GetCollectionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateCollectionRequest(_message.Message):
    __slots__ = ("id", "fields", "name", "description", "visibility", "learning_path", "category", "difficulty")
    ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATH_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    id: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    name: str
    description: str
    visibility: str
    learning_path: bool
    category: str
    difficulty: str
    def __init__(self, id: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., visibility: _Optional[str] = ..., learning_path: _Optional[bool] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ...) -> None: ...

class DeleteCollectionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListMyCollectionsRequest(_message.Message):
    __slots__ = ("limit", "offset")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    limit: int
    offset: int
    def __init__(self, limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class BrowseCollectionsRequest(_message.Message):
    __slots__ = ("query", "category", "difficulty", "tag", "learning_paths_only", "sort", "limit", "offset")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATHS_ONLY_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    query: str
    category: str
    difficulty: str
    tag: str
    learning_paths_only: bool
    sort: str
    limit: int
    offset: int
    def __init__(self, query: _Optional[str] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., tag: _Optional[str] = ..., learning_paths_only: _Optional[bool] = ..., sort: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class AddItemRequest(_message.Message):
    __slots__ = ("collection_id", "item", "position")
    COLLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    collection_id: str
    item: _items_pb2.ItemRef
    position: int
    def __init__(self, collection_id: _Optional[str] = ..., item: _Optional[_Union[_items_pb2.ItemRef, _Mapping]] = ..., position: _Optional[int] = ...) -> None: ...

class RemoveItemRequest(_message.Message):
    __slots__ = ("collection_id", "item")
    COLLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    collection_id: str
    item: _items_pb2.ItemRef
    def __init__(self, collection_id: _Optional[str] = ..., item: _Optional[_Union[_items_pb2.ItemRef, _Mapping]] = ...) -> None: ...

class ReorderItemsRequest(_message.Message):
    __slots__ = ("collection_id", "items")
    COLLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    collection_id: str
    items: _containers.RepeatedCompositeFieldContainer[_items_pb2.ItemRef]
    def __init__(self, collection_id: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_items_pb2.ItemRef, _Mapping]]] = ...) -> None: ...

class ListSubscriptionsRequest(_message.Message):
    __slots__ = ("limit", "offset")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    limit: int
    offset: int
    def __init__(self, limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class DuplicateCollectionRequest(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...
