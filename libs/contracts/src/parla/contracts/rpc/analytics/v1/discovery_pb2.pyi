from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RecommendRequest(_message.Message):
    __slots__ = ("language", "level", "limit")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    language: str
    level: str
    limit: int
    def __init__(self, language: _Optional[str] = ..., level: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class Recommended(_message.Message):
    __slots__ = ("scenario", "reason", "reason_code", "reason_params")
    class ReasonParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SCENARIO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_PARAMS_FIELD_NUMBER: _ClassVar[int]
    scenario: DiscoveredScenario
    reason: str
    reason_code: str
    reason_params: _containers.ScalarMap[str, str]
    def __init__(self, scenario: _Optional[_Union[DiscoveredScenario, _Mapping]] = ..., reason: _Optional[str] = ..., reason_code: _Optional[str] = ..., reason_params: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Recommendations(_message.Message):
    __slots__ = ("recommended",)
    RECOMMENDED_FIELD_NUMBER: _ClassVar[int]
    recommended: _containers.RepeatedCompositeFieldContainer[Recommended]
    def __init__(self, recommended: _Optional[_Iterable[_Union[Recommended, _Mapping]]] = ...) -> None: ...

class DiscoveryRequest(_message.Message):
    __slots__ = ("language", "category", "limit", "offset")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    language: str
    category: str
    limit: int
    offset: int
    def __init__(self, language: _Optional[str] = ..., category: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ...) -> None: ...

class DiscoveredScenario(_message.Message):
    __slots__ = ("scenario_id", "title", "category", "difficulty", "score", "ratings", "mean_rating", "completions", "bookmarks")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    MEAN_RATING_FIELD_NUMBER: _ClassVar[int]
    COMPLETIONS_FIELD_NUMBER: _ClassVar[int]
    BOOKMARKS_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    title: str
    category: str
    difficulty: str
    score: float
    ratings: int
    mean_rating: float
    completions: int
    bookmarks: int
    def __init__(self, scenario_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., score: _Optional[float] = ..., ratings: _Optional[int] = ..., mean_rating: _Optional[float] = ..., completions: _Optional[int] = ..., bookmarks: _Optional[int] = ...) -> None: ...

class DiscoveryPage(_message.Message):
    __slots__ = ("scenarios", "has_more")
    SCENARIOS_FIELD_NUMBER: _ClassVar[int]
    HAS_MORE_FIELD_NUMBER: _ClassVar[int]
    scenarios: _containers.RepeatedCompositeFieldContainer[DiscoveredScenario]
    has_more: bool
    def __init__(self, scenarios: _Optional[_Iterable[_Union[DiscoveredScenario, _Mapping]]] = ..., has_more: _Optional[bool] = ...) -> None: ...

class HubRequest(_message.Message):
    __slots__ = ("language", "limit", "level")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    language: str
    limit: int
    level: str
    def __init__(self, language: _Optional[str] = ..., limit: _Optional[int] = ..., level: _Optional[str] = ...) -> None: ...

class CategoryList(_message.Message):
    __slots__ = ("category", "scenarios")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SCENARIOS_FIELD_NUMBER: _ClassVar[int]
    category: str
    scenarios: _containers.RepeatedCompositeFieldContainer[DiscoveredScenario]
    def __init__(self, category: _Optional[str] = ..., scenarios: _Optional[_Iterable[_Union[DiscoveredScenario, _Mapping]]] = ...) -> None: ...

class Hub(_message.Message):
    __slots__ = ("trending", "popular", "top_rated", "categories", "recommended")
    TRENDING_FIELD_NUMBER: _ClassVar[int]
    POPULAR_FIELD_NUMBER: _ClassVar[int]
    TOP_RATED_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_FIELD_NUMBER: _ClassVar[int]
    trending: _containers.RepeatedCompositeFieldContainer[DiscoveredScenario]
    popular: _containers.RepeatedCompositeFieldContainer[DiscoveredScenario]
    top_rated: _containers.RepeatedCompositeFieldContainer[DiscoveredScenario]
    categories: _containers.RepeatedCompositeFieldContainer[CategoryList]
    recommended: _containers.RepeatedCompositeFieldContainer[Recommended]
    def __init__(self, trending: _Optional[_Iterable[_Union[DiscoveredScenario, _Mapping]]] = ..., popular: _Optional[_Iterable[_Union[DiscoveredScenario, _Mapping]]] = ..., top_rated: _Optional[_Iterable[_Union[DiscoveredScenario, _Mapping]]] = ..., categories: _Optional[_Iterable[_Union[CategoryList, _Mapping]]] = ..., recommended: _Optional[_Iterable[_Union[Recommended, _Mapping]]] = ...) -> None: ...
