import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetRunXpRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class RunXp(_message.Message):
    __slots__ = ("run_id", "amount", "multiplier_percent", "granted_at")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    MULTIPLIER_PERCENT_FIELD_NUMBER: _ClassVar[int]
    GRANTED_AT_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    amount: int
    multiplier_percent: int
    granted_at: _timestamp_pb2.Timestamp
    def __init__(self, run_id: _Optional[str] = ..., amount: _Optional[int] = ..., multiplier_percent: _Optional[int] = ..., granted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetGamificationRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Streak(_message.Message):
    __slots__ = ("current", "longest", "freezes", "freezes_used", "done_today")
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    LONGEST_FIELD_NUMBER: _ClassVar[int]
    FREEZES_FIELD_NUMBER: _ClassVar[int]
    FREEZES_USED_FIELD_NUMBER: _ClassVar[int]
    DONE_TODAY_FIELD_NUMBER: _ClassVar[int]
    current: int
    longest: int
    freezes: int
    freezes_used: int
    done_today: bool
    def __init__(self, current: _Optional[int] = ..., longest: _Optional[int] = ..., freezes: _Optional[int] = ..., freezes_used: _Optional[int] = ..., done_today: _Optional[bool] = ...) -> None: ...

class Achievement(_message.Message):
    __slots__ = ("code", "title", "description", "unlocked_at")
    CODE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    UNLOCKED_AT_FIELD_NUMBER: _ClassVar[int]
    code: str
    title: str
    description: str
    unlocked_at: _timestamp_pb2.Timestamp
    def __init__(self, code: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., unlocked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Gamification(_message.Message):
    __slots__ = ("xp", "level", "level_xp", "next_level_xp", "streak", "achievements")
    XP_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    LEVEL_XP_FIELD_NUMBER: _ClassVar[int]
    NEXT_LEVEL_XP_FIELD_NUMBER: _ClassVar[int]
    STREAK_FIELD_NUMBER: _ClassVar[int]
    ACHIEVEMENTS_FIELD_NUMBER: _ClassVar[int]
    xp: int
    level: int
    level_xp: int
    next_level_xp: int
    streak: Streak
    achievements: _containers.RepeatedCompositeFieldContainer[Achievement]
    def __init__(self, xp: _Optional[int] = ..., level: _Optional[int] = ..., level_xp: _Optional[int] = ..., next_level_xp: _Optional[int] = ..., streak: _Optional[_Union[Streak, _Mapping]] = ..., achievements: _Optional[_Iterable[_Union[Achievement, _Mapping]]] = ...) -> None: ...

class GetLeaderboardRequest(_message.Message):
    __slots__ = ("language", "week", "limit", "offset")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    WEEK_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    language: str
    week: str
    limit: int
    offset: int
    def __init__(self, language: _Optional[str] = ..., week: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class LeaderboardEntry(_message.Message):
    __slots__ = ("rank", "display_name", "xp", "is_you")
    RANK_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    XP_FIELD_NUMBER: _ClassVar[int]
    IS_YOU_FIELD_NUMBER: _ClassVar[int]
    rank: int
    display_name: str
    xp: int
    is_you: bool
    def __init__(self, rank: _Optional[int] = ..., display_name: _Optional[str] = ..., xp: _Optional[int] = ..., is_you: _Optional[bool] = ...) -> None: ...

class Leaderboard(_message.Message):
    __slots__ = ("week_start", "language", "entries", "has_more", "you")
    WEEK_START_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    YOU_FIELD_NUMBER: _ClassVar[int]
    week_start: str
    language: str
    entries: _containers.RepeatedCompositeFieldContainer[LeaderboardEntry]
    has_more: bool
    you: LeaderboardEntry
    def __init__(self, week_start: _Optional[str] = ..., language: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[LeaderboardEntry, _Mapping]]] = ..., has_more: _Optional[bool] = ..., you: _Optional[_Union[LeaderboardEntry, _Mapping]] = ...) -> None: ...
