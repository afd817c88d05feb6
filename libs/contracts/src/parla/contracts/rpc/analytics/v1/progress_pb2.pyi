import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetProgressRequest(_message.Message):
    __slots__ = ("recent_limit",)
    RECENT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    recent_limit: int
    def __init__(self, recent_limit: _Optional[int] = ...) -> None: ...

class LearningSession(_message.Message):
    __slots__ = ("id", "kind", "subject_id", "run_id", "language", "duration_seconds", "items", "accuracy", "score", "ended_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    ENDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    subject_id: str
    run_id: str
    language: str
    duration_seconds: int
    items: int
    accuracy: float
    score: float
    ended_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., subject_id: _Optional[str] = ..., run_id: _Optional[str] = ..., language: _Optional[str] = ..., duration_seconds: _Optional[int] = ..., items: _Optional[int] = ..., accuracy: _Optional[float] = ..., score: _Optional[float] = ..., ended_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Progress(_message.Message):
    __slots__ = ("scenarios_completed", "scenarios_started", "total_study_seconds", "average_score", "recent_sessions")
    SCENARIOS_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    SCENARIOS_STARTED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_STUDY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_SCORE_FIELD_NUMBER: _ClassVar[int]
    RECENT_SESSIONS_FIELD_NUMBER: _ClassVar[int]
    scenarios_completed: int
    scenarios_started: int
    total_study_seconds: int
    average_score: float
    recent_sessions: _containers.RepeatedCompositeFieldContainer[LearningSession]
    def __init__(self, scenarios_completed: _Optional[int] = ..., scenarios_started: _Optional[int] = ..., total_study_seconds: _Optional[int] = ..., average_score: _Optional[float] = ..., recent_sessions: _Optional[_Iterable[_Union[LearningSession, _Mapping]]] = ...) -> None: ...
