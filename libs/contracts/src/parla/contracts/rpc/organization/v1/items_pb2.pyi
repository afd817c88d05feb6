from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ItemRef(_message.Message):
    __slots__ = ("kind", "id")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    kind: str
    id: str
    def __init__(self, kind: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class ItemSummary(_message.Message):
    __slots__ = ("ref", "titles", "category", "difficulty", "languages", "estimated_minutes", "removed")
    class TitlesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REF_FIELD_NUMBER: _ClassVar[int]
    TITLES_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    ref: ItemRef
    titles: _containers.ScalarMap[str, str]
    category: str
    difficulty: str
    languages: _containers.RepeatedScalarFieldContainer[str]
    estimated_minutes: int
    removed: bool
    def __init__(self, ref: _Optional[_Union[ItemRef, _Mapping]] = ..., titles: _Optional[_Mapping[str, str]] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., languages: _Optional[_Iterable[str]] = ..., estimated_minutes: _Optional[int] = ..., removed: _Optional[bool] = ...) -> None: ...
