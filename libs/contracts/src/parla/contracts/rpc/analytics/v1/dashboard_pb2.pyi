from google.protobuf import wrappers_pb2 as _wrappers_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetDashboardRequest(_message.Message):
    __slots__ = ("days",)
    DAYS_FIELD_NUMBER: _ClassVar[int]
    days: int
    def __init__(self, days: _Optional[int] = ...) -> None: ...

class Day(_message.Message):
    __slots__ = ("day", "minutes", "scenarios", "documents", "reviews", "xp")
    DAY_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    SCENARIOS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    XP_FIELD_NUMBER: _ClassVar[int]
    day: str
    minutes: int
    scenarios: int
    documents: int
    reviews: int
    xp: int
    def __init__(self, day: _Optional[str] = ..., minutes: _Optional[int] = ..., scenarios: _Optional[int] = ..., documents: _Optional[int] = ..., reviews: _Optional[int] = ..., xp: _Optional[int] = ...) -> None: ...

class SkillLevel(_message.Message):
    __slots__ = ("skill", "level", "trend", "samples", "days")
    SKILL_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TREND_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    skill: str
    level: _wrappers_pb2.DoubleValue
    trend: _wrappers_pb2.DoubleValue
    samples: int
    days: _containers.RepeatedCompositeFieldContainer[SkillDay]
    def __init__(self, skill: _Optional[str] = ..., level: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., trend: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., samples: _Optional[int] = ..., days: _Optional[_Iterable[_Union[SkillDay, _Mapping]]] = ...) -> None: ...

class SkillDay(_message.Message):
    __slots__ = ("day", "mean", "samples")
    DAY_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    day: str
    mean: float
    samples: int
    def __init__(self, day: _Optional[str] = ..., mean: _Optional[float] = ..., samples: _Optional[int] = ...) -> None: ...

class CalibrationBin(_message.Message):
    __slots__ = ("bin", "reviews", "predicted", "actual")
    BIN_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_FIELD_NUMBER: _ClassVar[int]
    bin: int
    reviews: int
    predicted: float
    actual: float
    def __init__(self, bin: _Optional[int] = ..., reviews: _Optional[int] = ..., predicted: _Optional[float] = ..., actual: _Optional[float] = ...) -> None: ...

class Retention(_message.Message):
    __slots__ = ("reviews", "true_retention", "calibration")
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    TRUE_RETENTION_FIELD_NUMBER: _ClassVar[int]
    CALIBRATION_FIELD_NUMBER: _ClassVar[int]
    reviews: int
    true_retention: _wrappers_pb2.DoubleValue
    calibration: _containers.RepeatedCompositeFieldContainer[CalibrationBin]
    def __init__(self, reviews: _Optional[int] = ..., true_retention: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., calibration: _Optional[_Iterable[_Union[CalibrationBin, _Mapping]]] = ...) -> None: ...

class WeakSpot(_message.Message):
    __slots__ = ("key", "language", "times")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    key: str
    language: str
    times: int
    def __init__(self, key: _Optional[str] = ..., language: _Optional[str] = ..., times: _Optional[int] = ...) -> None: ...

class WeakCategory(_message.Message):
    __slots__ = ("category", "mean_score", "scenarios")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MEAN_SCORE_FIELD_NUMBER: _ClassVar[int]
    SCENARIOS_FIELD_NUMBER: _ClassVar[int]
    category: str
    mean_score: float
    scenarios: int
    def __init__(self, category: _Optional[str] = ..., mean_score: _Optional[float] = ..., scenarios: _Optional[int] = ...) -> None: ...

class Effect(_message.Message):
    __slots__ = ("kind", "subject_id", "title", "skill", "sessions", "first", "latest", "gain")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    FIRST_FIELD_NUMBER: _ClassVar[int]
    LATEST_FIELD_NUMBER: _ClassVar[int]
    GAIN_FIELD_NUMBER: _ClassVar[int]
    kind: str
    subject_id: str
    title: str
    skill: str
    sessions: int
    first: float
    latest: float
    gain: float
    def __init__(self, kind: _Optional[str] = ..., subject_id: _Optional[str] = ..., title: _Optional[str] = ..., skill: _Optional[str] = ..., sessions: _Optional[int] = ..., first: _Optional[float] = ..., latest: _Optional[float] = ..., gain: _Optional[float] = ...) -> None: ...

class Dashboard(_message.Message):
    __slots__ = ("days", "skills", "retention", "missed_words", "grammar_points", "weak_categories", "effective")
    DAYS_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    RETENTION_FIELD_NUMBER: _ClassVar[int]
    MISSED_WORDS_FIELD_NUMBER: _ClassVar[int]
    GRAMMAR_POINTS_FIELD_NUMBER: _ClassVar[int]
    WEAK_CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FIELD_NUMBER: _ClassVar[int]
    days: _containers.RepeatedCompositeFieldContainer[Day]
    skills: _containers.RepeatedCompositeFieldContainer[SkillLevel]
    retention: Retention
    missed_words: _containers.RepeatedCompositeFieldContainer[WeakSpot]
    grammar_points: _containers.RepeatedCompositeFieldContainer[WeakSpot]
    weak_categories: _containers.RepeatedCompositeFieldContainer[WeakCategory]
    effective: _containers.RepeatedCompositeFieldContainer[Effect]
    def __init__(self, days: _Optional[_Iterable[_Union[Day, _Mapping]]] = ..., skills: _Optional[_Iterable[_Union[SkillLevel, _Mapping]]] = ..., retention: _Optional[_Union[Retention, _Mapping]] = ..., missed_words: _Optional[_Iterable[_Union[WeakSpot, _Mapping]]] = ..., grammar_points: _Optional[_Iterable[_Union[WeakSpot, _Mapping]]] = ..., weak_categories: _Optional[_Iterable[_Union[WeakCategory, _Mapping]]] = ..., effective: _Optional[_Iterable[_Union[Effect, _Mapping]]] = ...) -> None: ...
