import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScenarioRef(_message.Message):
    __slots__ = ("scenario_id",)
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    def __init__(self, scenario_id: _Optional[str] = ...) -> None: ...

class Dimensions(_message.Message):
    __slots__ = ("difficulty_accuracy", "engagement", "learning_effectiveness", "cultural_authenticity")
    DIFFICULTY_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    LEARNING_EFFECTIVENESS_FIELD_NUMBER: _ClassVar[int]
    CULTURAL_AUTHENTICITY_FIELD_NUMBER: _ClassVar[int]
    difficulty_accuracy: int
    engagement: int
    learning_effectiveness: int
    cultural_authenticity: int
    def __init__(self, difficulty_accuracy: _Optional[int] = ..., engagement: _Optional[int] = ..., learning_effectiveness: _Optional[int] = ..., cultural_authenticity: _Optional[int] = ...) -> None: ...

class Rating(_message.Message):
    __slots__ = ("id", "scenario_id", "user_id", "overall", "dimensions", "review", "helpful_count", "voted_helpful", "mine", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    HELPFUL_COUNT_FIELD_NUMBER: _ClassVar[int]
    VOTED_HELPFUL_FIELD_NUMBER: _ClassVar[int]
    MINE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    scenario_id: str
    user_id: str
    overall: int
    dimensions: Dimensions
    review: str
    helpful_count: int
    voted_helpful: bool
    mine: bool
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., scenario_id: _Optional[str] = ..., user_id: _Optional[str] = ..., overall: _Optional[int] = ..., dimensions: _Optional[_Union[Dimensions, _Mapping]] = ..., review: _Optional[str] = ..., helpful_count: _Optional[int] = ..., voted_helpful: _Optional[bool] = ..., mine: _Optional[bool] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RateScenarioRequest(_message.Message):
    __slots__ = ("scenario_id", "overall", "dimensions", "review")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    overall: int
    dimensions: Dimensions
    review: str
    def __init__(self, scenario_id: _Optional[str] = ..., overall: _Optional[int] = ..., dimensions: _Optional[_Union[Dimensions, _Mapping]] = ..., review: _Optional[str] = ...) -> None: ...

class DeleteRatingResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DimensionMeans(_message.Message):
    __slots__ = ("difficulty_accuracy", "engagement", "learning_effectiveness", "cultural_authenticity")
    DIFFICULTY_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    LEARNING_EFFECTIVENESS_FIELD_NUMBER: _ClassVar[int]
    CULTURAL_AUTHENTICITY_FIELD_NUMBER: _ClassVar[int]
    difficulty_accuracy: float
    engagement: float
    learning_effectiveness: float
    cultural_authenticity: float
    def __init__(self, difficulty_accuracy: _Optional[float] = ..., engagement: _Optional[float] = ..., learning_effectiveness: _Optional[float] = ..., cultural_authenticity: _Optional[float] = ...) -> None: ...

class RatingSummary(_message.Message):
    __slots__ = ("scenario_id", "count", "mean", "distribution", "dimensions", "review_count")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    DISTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_COUNT_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    count: int
    mean: float
    distribution: _containers.RepeatedScalarFieldContainer[int]
    dimensions: DimensionMeans
    review_count: int
    def __init__(self, scenario_id: _Optional[str] = ..., count: _Optional[int] = ..., mean: _Optional[float] = ..., distribution: _Optional[_Iterable[int]] = ..., dimensions: _Optional[_Union[DimensionMeans, _Mapping]] = ..., review_count: _Optional[int] = ...) -> None: ...

class ListReviewsRequest(_message.Message):
    __slots__ = ("scenario_id", "sort", "limit", "offset")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    sort: str
    limit: int
    offset: int
    def __init__(self, scenario_id: _Optional[str] = ..., sort: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class ReviewPage(_message.Message):
    __slots__ = ("reviews", "has_more")
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    reviews: _containers.RepeatedCompositeFieldContainer[Rating]
    has_more: bool
    def __init__(self, reviews: _Optional[_Iterable[_Union[Rating, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...

class VoteHelpfulRequest(_message.Message):
    __slots__ = ("rating_id", "helpful", "scenario_id")
    RATING_ID_FIELD_NUMBER: _ClassVar[int]
    HELPFUL_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    rating_id: str
    helpful: bool
    scenario_id: str
    def __init__(self, rating_id: _Optional[str] = ..., helpful: _Optional[bool] = ..., scenario_id: _Optional[str] = ...) -> None: ...
