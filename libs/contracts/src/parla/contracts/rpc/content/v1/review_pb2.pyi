import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CardSource(_message.Message):
    __slots__ = ("kind", "id", "context")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    kind: str
    id: str
    context: str
    def __init__(self, kind: _Optional[str] = ..., id: _Optional[str] = ..., context: _Optional[str] = ...) -> None: ...

class Card(_message.Message):
    __slots__ = ("id", "language", "front", "back", "lemma", "source", "due", "state", "sources", "stability", "difficulty", "reviews", "lapses", "suspended", "buried_until", "tags", "last_review", "intervals")
    ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FRONT_FIELD_NUMBER: _ClassVar[int]
    BACK_FIELD_NUMBER: _ClassVar[int]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    STABILITY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    LAPSES_FIELD_NUMBER: _ClassVar[int]
    SUSPENDED_FIELD_NUMBER: _ClassVar[int]
    BURIED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    LAST_REVIEW_FIELD_NUMBER: _ClassVar[int]
    INTERVALS_FIELD_NUMBER: _ClassVar[int]
    id: str
    language: str
    front: str
    back: str
    lemma: str
    source: CardSource
    due: _timestamp_pb2.Timestamp
    state: str
    sources: _containers.RepeatedCompositeFieldContainer[CardSource]
    stability: float
    difficulty: float
    reviews: int
    lapses: int
    suspended: bool
    buried_until: _timestamp_pb2.Timestamp
    tags: _containers.RepeatedScalarFieldContainer[str]
    last_review: _timestamp_pb2.Timestamp
    intervals: _containers.RepeatedCompositeFieldContainer[Interval]
    def __init__(self, id: _Optional[str] = ..., language: _Optional[str] = ..., front: _Optional[str] = ..., back: _Optional[str] = ..., lemma: _Optional[str] = ..., source: _Optional[_Union[CardSource, _Mapping]] = ..., due: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state: _Optional[str] = ..., sources: _Optional[_Iterable[_Union[CardSource, _Mapping]]] = ..., stability: _Optional[float] = ..., difficulty: _Optional[float] = ..., reviews: _Optional[int] = ..., lapses: _Optional[int] = ..., suspended: _Optional[bool] = ..., buried_until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ..., last_review: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., intervals: _Optional[_Iterable[_Union[Interval, _Mapping]]] = ...) -> None: ...

class ListDueCardsRequest(_message.Message):
    __slots__ = ("limit", "language", "with_intervals")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    WITH_INTERVALS_FIELD_NUMBER: _ClassVar[int]
    limit: int
    language: str
    with_intervals: bool
    def __init__(self, limit: _Optional[int] = ..., language: _Optional[str] = ..., with_intervals: _Optional[bool] = ...) -> None: ...

class ListDueCardsResponse(_message.Message):
    __slots__ = ("cards", "total_due")
    CARDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DUE_FIELD_NUMBER: _ClassVar[int]
    cards: _containers.RepeatedCompositeFieldContainer[Card]
    total_due: int
    def __init__(self, cards: _Optional[_Iterable[_Union[Card, _Mapping]]] = ..., total_due: _Optional[int] = ...) -> None: ...

class AddCardRequest(_message.Message):
    __slots__ = ("language", "front", "back", "tags", "lemma")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FRONT_FIELD_NUMBER: _ClassVar[int]
    BACK_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    language: str
    front: str
    back: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    lemma: str
    def __init__(self, language: _Optional[str] = ..., front: _Optional[str] = ..., back: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., lemma: _Optional[str] = ...) -> None: ...

class ListCardsRequest(_message.Message):
    __slots__ = ("source_kind", "source_id", "limit", "offset")
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    source_kind: str
    source_id: str
    limit: int
    offset: int
    def __init__(self, source_kind: _Optional[str] = ..., source_id: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class ListCardsResponse(_message.Message):
    __slots__ = ("cards", "has_more")
    CARDS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    cards: _containers.RepeatedCompositeFieldContainer[Card]
    has_more: bool
    def __init__(self, cards: _Optional[_Iterable[_Union[Card, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...

class CardRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class EditCardRequest(_message.Message):
    __slots__ = ("id", "front", "back", "tags", "replace_tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    FRONT_FIELD_NUMBER: _ClassVar[int]
    BACK_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    REPLACE_TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    front: str
    back: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    replace_tags: bool
    def __init__(self, id: _Optional[str] = ..., front: _Optional[str] = ..., back: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., replace_tags: _Optional[bool] = ...) -> None: ...

class ChangeCardRequest(_message.Message):
    __slots__ = ("id", "change")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    change: str
    def __init__(self, id: _Optional[str] = ..., change: _Optional[str] = ...) -> None: ...

class DeleteCardResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StartSessionRequest(_message.Message):
    __slots__ = ("language", "lemmas")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LEMMAS_FIELD_NUMBER: _ClassVar[int]
    language: str
    lemmas: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, language: _Optional[str] = ..., lemmas: _Optional[_Iterable[str]] = ...) -> None: ...

class Session(_message.Message):
    __slots__ = ("id", "language", "started_at", "learning_due", "review_due", "new_available", "reviewed", "cards")
    ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    LEARNING_DUE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_DUE_FIELD_NUMBER: _ClassVar[int]
    NEW_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_FIELD_NUMBER: _ClassVar[int]
    CARDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    language: str
    started_at: _timestamp_pb2.Timestamp
    learning_due: int
    review_due: int
    new_available: int
    reviewed: int
    cards: int
    def __init__(self, id: _Optional[str] = ..., language: _Optional[str] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., learning_due: _Optional[int] = ..., review_due: _Optional[int] = ..., new_available: _Optional[int] = ..., reviewed: _Optional[int] = ..., cards: _Optional[int] = ...) -> None: ...

class NextCardRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class Interval(_message.Message):
    __slots__ = ("rating", "due", "seconds")
    RATING_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    rating: str
    due: _timestamp_pb2.Timestamp
    seconds: int
    def __init__(self, rating: _Optional[str] = ..., due: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., seconds: _Optional[int] = ...) -> None: ...

class NextCardResponse(_message.Message):
    __slots__ = ("card", "intervals", "session", "retrievability")
    CARD_FIELD_NUMBER: _ClassVar[int]
    INTERVALS_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    RETRIEVABILITY_FIELD_NUMBER: _ClassVar[int]
    card: Card
    intervals: _containers.RepeatedCompositeFieldContainer[Interval]
    session: Session
    retrievability: float
    def __init__(self, card: _Optional[_Union[Card, _Mapping]] = ..., intervals: _Optional[_Iterable[_Union[Interval, _Mapping]]] = ..., session: _Optional[_Union[Session, _Mapping]] = ..., retrievability: _Optional[float] = ...) -> None: ...

class ReviewRequest(_message.Message):
    __slots__ = ("client_review_id", "card_id", "rating", "reviewed_at", "duration_ms", "session_id")
    CLIENT_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    CARD_ID_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    client_review_id: str
    card_id: str
    rating: str
    reviewed_at: _timestamp_pb2.Timestamp
    duration_ms: int
    session_id: str
    def __init__(self, client_review_id: _Optional[str] = ..., card_id: _Optional[str] = ..., rating: _Optional[str] = ..., reviewed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duration_ms: _Optional[int] = ..., session_id: _Optional[str] = ...) -> None: ...

class ReviewResult(_message.Message):
    __slots__ = ("client_review_id", "status", "conflict", "card")
    CLIENT_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_FIELD_NUMBER: _ClassVar[int]
    CARD_FIELD_NUMBER: _ClassVar[int]
    client_review_id: str
    status: str
    conflict: str
    card: Card
    def __init__(self, client_review_id: _Optional[str] = ..., status: _Optional[str] = ..., conflict: _Optional[str] = ..., card: _Optional[_Union[Card, _Mapping]] = ...) -> None: ...

class SyncReviewsRequest(_message.Message):
    __slots__ = ("reviews",)
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    reviews: _containers.RepeatedCompositeFieldContainer[ReviewRequest]
    def __init__(self, reviews: _Optional[_Iterable[_Union[ReviewRequest, _Mapping]]] = ...) -> None: ...

class SyncReviewsResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[ReviewResult]
    def __init__(self, results: _Optional[_Iterable[_Union[ReviewResult, _Mapping]]] = ...) -> None: ...

class GetSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReviewSettings(_message.Message):
    __slots__ = ("desired_retention", "new_cards_per_day", "reviews_per_day", "time_zone")
    DESIRED_RETENTION_FIELD_NUMBER: _ClassVar[int]
    NEW_CARDS_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    desired_retention: float
    new_cards_per_day: int
    reviews_per_day: int
    time_zone: str
    def __init__(self, desired_retention: _Optional[float] = ..., new_cards_per_day: _Optional[int] = ..., reviews_per_day: _Optional[int] = ..., time_zone: _Optional[str] = ...) -> None: ...

class GetStatsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DayCount(_message.Message):
    __slots__ = ("date", "reviews")
    DATE_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    date: str
    reviews: int
    def __init__(self, date: _Optional[str] = ..., reviews: _Optional[int] = ...) -> None: ...

class StabilityBin(_message.Message):
    __slots__ = ("from_days", "to_days", "cards")
    FROM_DAYS_FIELD_NUMBER: _ClassVar[int]
    TO_DAYS_FIELD_NUMBER: _ClassVar[int]
    CARDS_FIELD_NUMBER: _ClassVar[int]
    from_days: float
    to_days: float
    cards: int
    def __init__(self, from_days: _Optional[float] = ..., to_days: _Optional[float] = ..., cards: _Optional[int] = ...) -> None: ...

class CalibrationBin(_message.Message):
    __slots__ = ("low", "high", "reviews", "predicted", "actual")
    LOW_FIELD_NUMBER: _ClassVar[int]
    HIGH_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_FIELD_NUMBER: _ClassVar[int]
    low: float
    high: float
    reviews: int
    predicted: float
    actual: float
    def __init__(self, low: _Optional[float] = ..., high: _Optional[float] = ..., reviews: _Optional[int] = ..., predicted: _Optional[float] = ..., actual: _Optional[float] = ...) -> None: ...

class ReviewStats(_message.Message):
    __slots__ = ("due_today", "due_tomorrow", "due_this_week", "reviews_per_day", "mature_reviews", "true_retention", "desired_retention", "stability", "calibration")
    DUE_TODAY_FIELD_NUMBER: _ClassVar[int]
    DUE_TOMORROW_FIELD_NUMBER: _ClassVar[int]
    DUE_THIS_WEEK_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    MATURE_REVIEWS_FIELD_NUMBER: _ClassVar[int]
    TRUE_RETENTION_FIELD_NUMBER: _ClassVar[int]
    DESIRED_RETENTION_FIELD_NUMBER: _ClassVar[int]
    STABILITY_FIELD_NUMBER: _ClassVar[int]
    CALIBRATION_FIELD_NUMBER: _ClassVar[int]
    due_today: int
    due_tomorrow: int
    due_this_week: int
    reviews_per_day: _containers.RepeatedCompositeFieldContainer[DayCount]
    mature_reviews: int
    true_retention: float
    desired_retention: float
    stability: _containers.RepeatedCompositeFieldContainer[StabilityBin]
    calibration: _containers.RepeatedCompositeFieldContainer[CalibrationBin]
    def __init__(self, due_today: _Optional[int] = ..., due_tomorrow: _Optional[int] = ..., due_this_week: _Optional[int] = ..., reviews_per_day: _Optional[_Iterable[_Union[DayCount, _Mapping]]] = ..., mature_reviews: _Optional[int] = ..., true_retention: _Optional[float] = ..., desired_retention: _Optional[float] = ..., stability: _Optional[_Iterable[_Union[StabilityBin, _Mapping]]] = ..., calibration: _Optional[_Iterable[_Union[CalibrationBin, _Mapping]]] = ...) -> None: ...

class ListReviewLogRequest(_message.Message):
    __slots__ = ("after", "limit")
    AFTER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    after: str
    limit: int
    def __init__(self, after: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ReviewLogEntry(_message.Message):
    __slots__ = ("review_id", "card_id", "reviewed_at", "rating", "state", "elapsed_days", "duration_ms")
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    CARD_ID_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_DAYS_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    review_id: str
    card_id: str
    reviewed_at: _timestamp_pb2.Timestamp
    rating: int
    state: int
    elapsed_days: float
    duration_ms: int
    def __init__(self, review_id: _Optional[str] = ..., card_id: _Optional[str] = ..., reviewed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., rating: _Optional[int] = ..., state: _Optional[int] = ..., elapsed_days: _Optional[float] = ..., duration_ms: _Optional[int] = ...) -> None: ...

class ListReviewLogResponse(_message.Message):
    __slots__ = ("entries", "next")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[ReviewLogEntry]
    next: str
    def __init__(self, entries: _Optional[_Iterable[_Union[ReviewLogEntry, _Mapping]]] = ..., next: _Optional[str] = ...) -> None: ...

class ImportCardsRequest(_message.Message):
    __slots__ = ("language", "csv")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CSV_FIELD_NUMBER: _ClassVar[int]
    language: str
    csv: str
    def __init__(self, language: _Optional[str] = ..., csv: _Optional[str] = ...) -> None: ...

class ImportProblem(_message.Message):
    __slots__ = ("line", "reason")
    LINE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    line: int
    reason: str
    def __init__(self, line: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ImportCardsResponse(_message.Message):
    __slots__ = ("added", "merged", "problems")
    ADDED_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    added: int
    merged: int
    problems: _containers.RepeatedCompositeFieldContainer[ImportProblem]
    def __init__(self, added: _Optional[int] = ..., merged: _Optional[int] = ..., problems: _Optional[_Iterable[_Union[ImportProblem, _Mapping]]] = ...) -> None: ...

class Deadline(_message.Message):
    __slots__ = ("language", "on", "target", "ends_at")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    ON_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    language: str
    on: str
    target: float
    ends_at: _timestamp_pb2.Timestamp
    def __init__(self, language: _Optional[str] = ..., on: _Optional[str] = ..., target: _Optional[float] = ..., ends_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListDeadlinesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListDeadlinesResponse(_message.Message):
    __slots__ = ("deadlines",)
    DEADLINES_FIELD_NUMBER: _ClassVar[int]
    deadlines: _containers.RepeatedCompositeFieldContainer[Deadline]
    def __init__(self, deadlines: _Optional[_Iterable[_Union[Deadline, _Mapping]]] = ...) -> None: ...

class SetDeadlineRequest(_message.Message):
    __slots__ = ("language", "on", "target")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    ON_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    language: str
    on: str
    target: float
    def __init__(self, language: _Optional[str] = ..., on: _Optional[str] = ..., target: _Optional[float] = ...) -> None: ...

class SetDeadlineResponse(_message.Message):
    __slots__ = ("deadline", "cards_brought_forward")
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    CARDS_BROUGHT_FORWARD_FIELD_NUMBER: _ClassVar[int]
    deadline: Deadline
    cards_brought_forward: int
    def __init__(self, deadline: _Optional[_Union[Deadline, _Mapping]] = ..., cards_brought_forward: _Optional[int] = ...) -> None: ...

class ClearDeadlineRequest(_message.Message):
    __slots__ = ("language",)
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    language: str
    def __init__(self, language: _Optional[str] = ...) -> None: ...

class ClearDeadlineResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class OptimizeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class OptimizeResponse(_message.Message):
    __slots__ = ("parameters", "log_loss_before", "log_loss_after", "reviews_used")
    PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    LOG_LOSS_BEFORE_FIELD_NUMBER: _ClassVar[int]
    LOG_LOSS_AFTER_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_USED_FIELD_NUMBER: _ClassVar[int]
    parameters: _containers.RepeatedScalarFieldContainer[float]
    log_loss_before: float
    log_loss_after: float
    reviews_used: int
    def __init__(self, parameters: _Optional[_Iterable[float]] = ..., log_loss_before: _Optional[float] = ..., log_loss_after: _Optional[float] = ..., reviews_used: _Optional[int] = ...) -> None: ...
