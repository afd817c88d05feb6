from parla.contracts.rpc.organization.v1 import items_pb2 as _items_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TaggedRef(_message.Message):
    __slots__ = ("kind", "id")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    kind: str
    id: str
    def __init__(self, kind: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class TagItemRequest(_message.Message):
    __slots__ = ("item", "tags")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    item: TaggedRef
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, item: _Optional[_Union[TaggedRef, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class ItemTags(_message.Message):
    __slots__ = ("item", "mine", "generated")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    MINE_FIELD_NUMBER: _ClassVar[int]
    GENERATED_FIELD_NUMBER: _ClassVar[int]
    item: TaggedRef
    mine: _containers.RepeatedScalarFieldContainer[str]
    generated: _containers.RepeatedCompositeFieldContainer[GeneratedTag]
    def __init__(self, item: _Optional[_Union[TaggedRef, _Mapping]] = ..., mine: _Optional[_Iterable[str]] = ..., generated: _Optional[_Iterable[_Union[GeneratedTag, _Mapping]]] = ...) -> None: ...

class GeneratedTag(_message.Message):
    __slots__ = ("tag", "language")
    TAG_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    tag: str
    language: str
    def __init__(self, tag: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class TagCount(_message.Message):
    __slots__ = ("tag", "count")
    TAG_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    tag: str
    count: int
    def __init__(self, tag: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class TagCounts(_message.Message):
    __slots__ = ("tags",)
    TAGS_FIELD_NUMBER: _ClassVar[int]
    tags: _containers.RepeatedCompositeFieldContainer[TagCount]
    def __init__(self, tags: _Optional[_Iterable[_Union[TagCount, _Mapping]]] = ...) -> None: ...

class ListTagsRequest(_message.Message):
    __slots__ = ("prefix", "limit", "language")
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    prefix: str
    limit: int
    language: str
    def __init__(self, prefix: _Optional[str] = ..., limit: _Optional[int] = ..., language: _Optional[str] = ...) -> None: ...

class FindByTagRequest(_message.Message):
    __slots__ = ("tag", "kind", "limit", "offset")
    TAG_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    tag: str
    kind: str
    limit: int
    offset: int
    def __init__(self, tag: _Optional[str] = ..., kind: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class TaggedItem(_message.Message):
    __slots__ = ("ref", "item", "collection_name", "mine", "removed")
    REF_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_NAME_FIELD_NUMBER: _ClassVar[int]
    MINE_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    ref: TaggedRef
    item: _items_pb2.ItemSummary
    collection_name: str
    mine: bool
    removed: bool
    def __init__(self, ref: _Optional[_Union[TaggedRef, _Mapping]] = ..., item: _Optional[_Union[_items_pb2.ItemSummary, _Mapping]] = ..., collection_name: _Optional[str] = ..., mine: _Optional[bool] = ..., removed: _Optional[bool] = ...) -> None: ...

class TaggedPage(_message.Message):
    __slots__ = ("items", "has_more")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[TaggedItem]
    has_more: bool
    def __init__(self, items: _Optional[_Iterable[_Union[TaggedItem, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...
