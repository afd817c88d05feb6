from google.protobuf import struct_pb2 as _struct_pb2
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as _scenario_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateScenarioRequest(_message.Message):
    __slots__ = ("draft",)
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    draft: _struct_pb2.Struct
    def __init__(self, draft: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateScenarioRequest(_message.Message):
    __slots__ = ("scenario_id", "draft")
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    draft: _struct_pb2.Struct
    def __init__(self, scenario_id: _Optional[str] = ..., draft: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ScenarioRef(_message.Message):
    __slots__ = ("scenario_id",)
    SCENARIO_ID_FIELD_NUMBER: _ClassVar[int]
    scenario_id: str
    def __init__(self, scenario_id: _Optional[str] = ...) -> None: ...

class DeleteScenarioResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DifficultyAssessment(_message.Message):
    __slots__ = ("level", "reasons")
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    level: str
    reasons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, level: _Optional[str] = ..., reasons: _Optional[_Iterable[str]] = ...) -> None: ...

class AuthoredScenario(_message.Message):
    __slots__ = ("summary", "document", "assessment")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENT_FIELD_NUMBER: _ClassVar[int]
    summary: _scenario_pb2.ScenarioSummary
    document: _struct_pb2.Struct
    assessment: DifficultyAssessment
    def __init__(self, summary: _Optional[_Union[_scenario_pb2.ScenarioSummary, _Mapping]] = ..., document: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., assessment: _Optional[_Union[DifficultyAssessment, _Mapping]] = ...) -> None: ...

class ListTemplatesRequest(_message.Message):
    __slots__ = ("language",)
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    language: str
    def __init__(self, language: _Optional[str] = ...) -> None: ...

class Template(_message.Message):
    __slots__ = ("category", "title", "draft")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    category: str
    title: str
    draft: _struct_pb2.Struct
    def __init__(self, category: _Optional[str] = ..., title: _Optional[str] = ..., draft: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListTemplatesResponse(_message.Message):
    __slots__ = ("templates",)
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    templates: _containers.RepeatedCompositeFieldContainer[Template]
    def __init__(self, templates: _Optional[_Iterable[_Union[Template, _Mapping]]] = ...) -> None: ...

class CreateFromTemplateRequest(_message.Message):
    __slots__ = ("category", "language", "title")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    category: str
    language: str
    title: str
    def __init__(self, category: _Optional[str] = ..., language: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...
