import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class VocabularyItem(_message.Message):
    __slots__ = ("term", "lemma", "gloss")
    TERM_FIELD_NUMBER: _ClassVar[int]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    GLOSS_FIELD_NUMBER: _ClassVar[int]
    term: str
    lemma: str
    gloss: str
    def __init__(self, term: _Optional[str] = ..., lemma: _Optional[str] = ..., gloss: _Optional[str] = ...) -> None: ...

class Phrase(_message.Message):
    __slots__ = ("id", "text", "gloss")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GLOSS_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    gloss: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., gloss: _Optional[str] = ...) -> None: ...

class SuccessCriterion(_message.Message):
    __slots__ = ("kind", "min", "phrase_id", "concept", "description")
    KIND_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    PHRASE_ID_FIELD_NUMBER: _ClassVar[int]
    CONCEPT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    kind: str
    min: int
    phrase_id: str
    concept: str
    description: str
    def __init__(self, kind: _Optional[str] = ..., min: _Optional[int] = ..., phrase_id: _Optional[str] = ..., concept: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Phase(_message.Message):
    __slots__ = ("id", "name", "objective", "vocabulary", "phrases", "success_criteria", "cultural_notes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVE_FIELD_NUMBER: _ClassVar[int]
    VOCABULARY_FIELD_NUMBER: _ClassVar[int]
    PHRASES_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_CRITERIA_FIELD_NUMBER: _ClassVar[int]
    CULTURAL_NOTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    objective: str
    vocabulary: _containers.RepeatedCompositeFieldContainer[VocabularyItem]
    phrases: _containers.RepeatedCompositeFieldContainer[Phrase]
    success_criteria: _containers.RepeatedCompositeFieldContainer[SuccessCriterion]
    cultural_notes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., objective: _Optional[str] = ..., vocabulary: _Optional[_Iterable[_Union[VocabularyItem, _Mapping]]] = ..., phrases: _Optional[_Iterable[_Union[Phrase, _Mapping]]] = ..., success_criteria: _Optional[_Iterable[_Union[SuccessCriterion, _Mapping]]] = ..., cultural_notes: _Optional[_Iterable[str]] = ...) -> None: ...

class ScenarioSummary(_message.Message):
    __slots__ = ("author", "visibility", "id", "title", "description", "category", "difficulty", "estimated_minutes", "language", "languages")
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    author: str
    visibility: str
    id: str
    title: str
    description: str
    category: str
    difficulty: str
    estimated_minutes: int
    language: str
    languages: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, author: _Optional[str] = ..., visibility: _Optional[str] = ..., id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., estimated_minutes: _Optional[int] = ..., language: _Optional[str] = ..., languages: _Optional[_Iterable[str]] = ...) -> None: ...

class Scenario(_message.Message):
    __slots__ = ("summary", "learner_role", "tutor_role", "setting", "prerequisites", "learning_outcomes", "cultural_context", "phases")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    LEARNER_ROLE_FIELD_NUMBER: _ClassVar[int]
    TUTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    SETTING_FIELD_NUMBER: _ClassVar[int]
    PREREQUISITES_FIELD_NUMBER: _ClassVar[int]
    LEARNING_OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    CULTURAL_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    PHASES_FIELD_NUMBER: _ClassVar[int]
    summary: ScenarioSummary
    learner_role: str
    tutor_role: str
    setting: str
    prerequisites: _containers.RepeatedScalarFieldContainer[str]
    learning_outcomes: _containers.RepeatedScalarFieldContainer[str]
    cultural_context: str
    phases: _containers.RepeatedCompositeFieldContainer[Phase]
    def __init__(self, summary: _Optional[_Union[ScenarioSummary, _Mapping]] = ..., learner_role: _Optional[str] = ..., tutor_role: _Optional[str] = ..., setting: _Optional[str] = ..., prerequisites: _Optional[_Iterable[str]] = ..., learning_outcomes: _Optional[_Iterable[str]] = ..., cultural_context: _Optional[str] = ..., phases: _Optional[_Iterable[_Union[Phase, _Mapping]]] = ...) -> None: ...

class ListScenariosRequest(_message.Message):
    __slots__ = ("language", "limit", "offset", "category", "difficulty", "query", "author")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    language: str
    limit: int
    offset: int
    category: str
    difficulty: str
    query: str
    author: str
    def __init__(self, language: _Optional[str] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ..., category: _Optional[str] = ..., difficulty: _Optional[str] = ..., query: _Optional[str] = ..., author: _Optional[str] = ...) -> None: ...

class ListScenariosResponse(_message.Message):
    __slots__ = ("scenarios", "total")
    SCENARIOS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    scenarios: _containers.RepeatedCompositeFieldContainer[ScenarioSummary]
    total: int
    def __init__(self, scenarios: _Optional[_Iterable[_Union[ScenarioSummary, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class GetScenarioRequest(_message.Message):
    __slots__ = ("scenario_id", "language")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    language: str
    def __init__(self, scenario_id: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class StartRunRequest(_message.Message):
    __slots__ = ("scenario_id", "language", "persona")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    language: str
    persona: str
    def __init__(self, scenario_id: _Optional[str] = ..., language: _Optional[str] = ..., persona: _Optional[str] = ...) -> None: ...

class AbandonRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("limit", "offset", "status")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    limit: int
    offset: int
    status: str
    def __init__(self, limit: _Optional[int] = ..., offset: _Optional[int] = ..., status: _Optional[str] = ...) -> None: ...

class RunSummary(_message.Message):
    __slots__ = ("id", "scenario_id", "title", "language", "status", "score", "phases_completed", "phases_total", "started_at", "ended_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    PHASES_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    PHASES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    ENDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    scenario_id: str
    title: str
    language: str
    status: str
    score: float
    phases_completed: int
    phases_total: int
    started_at: _timestamp_pb2.Timestamp
    ended_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., scenario_id: _Optional[str] = ..., title: _Optional[str] = ..., language: _Optional[str] = ..., status: _Optional[str] = ..., score: _Optional[float] = ..., phases_completed: _Optional[int] = ..., phases_total: _Optional[int] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., ended_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("runs", "total")
    RUNS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[RunSummary]
    total: int
    def __init__(self, runs: _Optional[_Iterable[_Union[RunSummary, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class ListCategoriesRequest(_message.Message):
    __slots__ = ("language",)
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    language: str
    def __init__(self, language: _Optional[str] = ...) -> None: ...

class Category(_message.Message):
    __slots__ = ("id", "name", "scenario_count")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_COUNT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    scenario_count: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., scenario_count: _Optional[int] = ...) -> None: ...

class ListCategoriesResponse(_message.Message):
    __slots__ = ("categories",)
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[Category]
    def __init__(self, categories: _Optional[_Iterable[_Union[Category, _Mapping]]] = ...) -> None: ...

class SubmitTurnRequest(_message.Message):
    __slots__ = ("run_id", "text")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    text: str
    def __init__(self, run_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class CompleteRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class Turn(_message.Message):
    __slots__ = ("role", "text", "at")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    role: str
    text: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, role: _Optional[str] = ..., text: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PhaseProgress(_message.Message):
    __slots__ = ("phase_id", "completed", "score", "vocabulary_used", "phrases_used", "criteria_met")
    PHASE_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    VOCABULARY_USED_FIELD_NUMBER: _ClassVar[int]
    PHRASES_USED_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_MET_FIELD_NUMBER: _ClassVar[int]
    phase_id: str
    completed: bool
    score: float
    vocabulary_used: _containers.RepeatedScalarFieldContainer[str]
    phrases_used: _containers.RepeatedScalarFieldContainer[str]
    criteria_met: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, phase_id: _Optional[str] = ..., completed: _Optional[bool] = ..., score: _Optional[float] = ..., vocabulary_used: _Optional[_Iterable[str]] = ..., phrases_used: _Optional[_Iterable[str]] = ..., criteria_met: _Optional[_Iterable[str]] = ...) -> None: ...

class Mistake(_message.Message):
    __slots__ = ("said", "correction", "explanation")
    SAID_FIELD_NUMBER: _ClassVar[int]
    CORRECTION_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    said: str
    correction: str
    explanation: str
    def __init__(self, said: _Optional[str] = ..., correction: _Optional[str] = ..., explanation: _Optional[str] = ...) -> None: ...

class Run(_message.Message):
    __slots__ = ("id", "scenario_id", "language", "status", "current_phase", "phases", "turns", "score", "started_at", "completed_at", "persona", "mistakes")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PHASE_FIELD_NUMBER: _ClassVar[int]
    PHASES_FIELD_NUMBER: _ClassVar[int]
    TURNS_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    MISTAKES_FIELD_NUMBER: _ClassVar[int]
    id: str
    scenario_id: str
    language: str
    status: str
    current_phase: int
    phases: _containers.RepeatedCompositeFieldContainer[PhaseProgress]
    turns: _containers.RepeatedCompositeFieldContainer[Turn]
    score: float
    started_at: _timestamp_pb2.Timestamp
    completed_at: _timestamp_pb2.Timestamp
    persona: str
    mistakes: _containers.RepeatedCompositeFieldContainer[Mistake]
    def __init__(self, id: _Optional[str] = ..., scenario_id: _Optional[str] = ..., language: _Optional[str] = ..., status: _Optional[str] = ..., current_phase: _Optional[int] = ..., phases: _Optional[_Iterable[_Union[PhaseProgress, _Mapping]]] = ..., turns: _Optional[_Iterable[_Union[Turn, _Mapping]]] = ..., score: _Optional[float] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., persona: _Optional[str] = ..., mistakes: _Optional[_Iterable[_Union[Mistake, _Mapping]]] = ...) -> None: ...

class TurnResult(_message.Message):
    __slots__ = ("run", "tutor_reply", "feedback", "phase_completed", "mistakes")
    RUN_FIELD_NUMBER: _ClassVar[int]
    TUTOR_REPLY_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    PHASE_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    MISTAKES_FIELD_NUMBER: _ClassVar[int]
    run: Run
    tutor_reply: str
    feedback: _containers.RepeatedScalarFieldContainer[str]
    phase_completed: bool
    mistakes: _containers.RepeatedCompositeFieldContainer[Mistake]
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ..., tutor_reply: _Optional[str] = ..., feedback: _Optional[_Iterable[str]] = ..., phase_completed: _Optional[bool] = ..., mistakes: _Optional[_Iterable[_Union[Mistake, _Mapping]]] = ...) -> None: ...
