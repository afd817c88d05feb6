from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TutorMistake(_message.Message):
    __slots__ = ("said", "correction", "explanation")
    SAID_FIELD_NUMBER: _ClassVar[int]
    CORRECTION_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    said: str
    correction: str
    explanation: str
    def __init__(self, said: _Optional[str] = ..., correction: _Optional[str] = ..., explanation: _Optional[str] = ...) -> None: ...

class PhaseContext(_message.Message):
    __slots__ = ("scenario_title", "learner_role", "tutor_role", "setting", "phase_name", "objective", "vocabulary", "phrases", "tutor_lines", "next_phase_opening")
    SCENARIO_TITLE_FIELD_NUMBER: _ClassVar[int]
    LEARNER_ROLE_FIELD_NUMBER: _ClassVar[int]
    TUTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    SETTING_FIELD_NUMBER: _ClassVar[int]
    PHASE_NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVE_FIELD_NUMBER: _ClassVar[int]
    VOCABULARY_FIELD_NUMBER: _ClassVar[int]
    PHRASES_FIELD_NUMBER: _ClassVar[int]
    TUTOR_LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PHASE_OPENING_FIELD_NUMBER: _ClassVar[int]
    scenario_title: str
    learner_role: str
    tutor_role: str
    setting: str
    phase_name: str
    objective: str
    vocabulary: _containers.RepeatedScalarFieldContainer[str]
    phrases: _containers.RepeatedScalarFieldContainer[str]
    tutor_lines: _containers.RepeatedScalarFieldContainer[str]
    next_phase_opening: str
    def __init__(self, scenario_title: _Optional[str] = ..., learner_role: _Optional[str] = ..., tutor_role: _Optional[str] = ..., setting: _Optional[str] = ..., phase_name: _Optional[str] = ..., objective: _Optional[str] = ..., vocabulary: _Optional[_Iterable[str]] = ..., phrases: _Optional[_Iterable[str]] = ..., tutor_lines: _Optional[_Iterable[str]] = ..., next_phase_opening: _Optional[str] = ...) -> None: ...

class TurnJudgement(_message.Message):
    __slots__ = ("new_vocabulary", "new_phrases", "missing", "phase_completed", "learner_turns_in_phase", "mistakes")
    NEW_VOCABULARY_FIELD_NUMBER: _ClassVar[int]
    NEW_PHRASES_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    PHASE_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    LEARNER_TURNS_IN_PHASE_FIELD_NUMBER: _ClassVar[int]
    MISTAKES_FIELD_NUMBER: _ClassVar[int]
    new_vocabulary: _containers.RepeatedScalarFieldContainer[str]
    new_phrases: _containers.RepeatedScalarFieldContainer[str]
    missing: _containers.RepeatedScalarFieldContainer[str]
    phase_completed: bool
    learner_turns_in_phase: int
    mistakes: _containers.RepeatedCompositeFieldContainer[TutorMistake]
    def __init__(self, new_vocabulary: _Optional[_Iterable[str]] = ..., new_phrases: _Optional[_Iterable[str]] = ..., missing: _Optional[_Iterable[str]] = ..., phase_completed: _Optional[bool] = ..., learner_turns_in_phase: _Optional[int] = ..., mistakes: _Optional[_Iterable[_Union[TutorMistake, _Mapping]]] = ...) -> None: ...

class ReplyRequest(_message.Message):
    __slots__ = ("run_id", "language", "persona", "phase", "judgement", "learner_text", "call_id")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    JUDGEMENT_FIELD_NUMBER: _ClassVar[int]
    LEARNER_TEXT_FIELD_NUMBER: _ClassVar[int]
    CALL_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    language: str
    persona: str
    phase: PhaseContext
    judgement: TurnJudgement
    learner_text: str
    call_id: str
    def __init__(self, run_id: _Optional[str] = ..., language: _Optional[str] = ..., persona: _Optional[str] = ..., phase: _Optional[_Union[PhaseContext, _Mapping]] = ..., judgement: _Optional[_Union[TurnJudgement, _Mapping]] = ..., learner_text: _Optional[str] = ..., call_id: _Optional[str] = ...) -> None: ...

class ReplyResponse(_message.Message):
    __slots__ = ("tutor_line", "feedback", "mistakes", "persona", "provider", "notice")
    TUTOR_LINE_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    MISTAKES_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    NOTICE_FIELD_NUMBER: _ClassVar[int]
    tutor_line: str
    feedback: _containers.RepeatedScalarFieldContainer[str]
    mistakes: _containers.RepeatedCompositeFieldContainer[TutorMistake]
    persona: str
    provider: str
    notice: str
    def __init__(self, tutor_line: _Optional[str] = ..., feedback: _Optional[_Iterable[str]] = ..., mistakes: _Optional[_Iterable[_Union[TutorMistake, _Mapping]]] = ..., persona: _Optional[str] = ..., provider: _Optional[str] = ..., notice: _Optional[str] = ...) -> None: ...
