import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CardSource(_message.Message):
    __slots__ = ("kind", "id")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    kind: str
    id: str
    def __init__(self, kind: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class Card(_message.Message):
    __slots__ = ("id", "language", "front", "back", "lemma", "source", "due", "state")
    ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FRONT_FIELD_NUMBER: _ClassVar[int]
    BACK_FIELD_NUMBER: _ClassVar[int]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    language: str
    front: str
    back: str
    lemma: str
    source: CardSource
    due: _timestamp_pb2.Timestamp
    state: str
    def __init__(self, id: _Optional[str] = ..., language: _Optional[str] = ..., front: _Optional[str] = ..., back: _Optional[str] = ..., lemma: _Optional[str] = ..., source: _Optional[_Union[CardSource, _Mapping]] = ..., due: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state: _Optional[str] = ...) -> None: ...

class ListDueCardsRequest(_message.Message):
    __slots__ = ("limit", "language")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    limit: int
    language: str
    def __init__(self, limit: _Optional[int] = ..., language: _Optional[str] = ...) -> None: ...

class ListDueCardsResponse(_message.Message):
    __slots__ = ("cards", "total_due")
    CARDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DUE_FIELD_NUMBER: _ClassVar[int]
    cards: _containers.RepeatedCompositeFieldContainer[Card]
    total_due: int
    def __init__(self, cards: _Optional[_Iterable[_Union[Card, _Mapping]]] = ..., total_due: _Optional[int] = ...) -> None: ...
