import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WordStatus(_message.Message):
    __slots__ = ("language", "lemma", "status", "updated_at")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    language: str
    lemma: str
    status: str
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, language: _Optional[str] = ..., lemma: _Optional[str] = ..., status: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SetWordStatusesRequest(_message.Message):
    __slots__ = ("words",)
    WORDS_FIELD_NUMBER: _ClassVar[int]
    words: _containers.RepeatedCompositeFieldContainer[WordStatus]
    def __init__(self, words: _Optional[_Iterable[_Union[WordStatus, _Mapping]]] = ...) -> None: ...

class SetWordStatusesResponse(_message.Message):
    __slots__ = ("words",)
    WORDS_FIELD_NUMBER: _ClassVar[int]
    words: _containers.RepeatedCompositeFieldContainer[WordStatus]
    def __init__(self, words: _Optional[_Iterable[_Union[WordStatus, _Mapping]]] = ...) -> None: ...

class ListWordsRequest(_message.Message):
    __slots__ = ("language", "status", "limit", "offset")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    language: str
    status: str
    limit: int
    offset: int
    def __init__(self, language: _Optional[str] = ..., status: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class WordCount(_message.Message):
    __slots__ = ("language", "status", "count")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    language: str
    status: str
    count: int
    def __init__(self, language: _Optional[str] = ..., status: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class ListWordsResponse(_message.Message):
    __slots__ = ("words", "total", "counts")
    WORDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    words: _containers.RepeatedCompositeFieldContainer[WordStatus]
    total: int
    counts: _containers.RepeatedCompositeFieldContainer[WordCount]
    def __init__(self, words: _Optional[_Iterable[_Union[WordStatus, _Mapping]]] = ..., total: _Optional[int] = ..., counts: _Optional[_Iterable[_Union[WordCount, _Mapping]]] = ...) -> None: ...
