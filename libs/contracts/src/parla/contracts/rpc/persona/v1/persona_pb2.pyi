from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Persona(_message.Message):
    __slots__ = ("type", "name", "description", "traits", "best_for", "is_default", "version")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    BEST_FOR_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    type: str
    name: str
    description: str
    traits: _containers.RepeatedScalarFieldContainer[str]
    best_for: _containers.RepeatedScalarFieldContainer[str]
    is_default: bool
    version: str
    def __init__(self, type: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., traits: _Optional[_Iterable[str]] = ..., best_for: _Optional[_Iterable[str]] = ..., is_default: _Optional[bool] = ..., version: _Optional[str] = ...) -> None: ...

class ListPersonasRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPersonasResponse(_message.Message):
    __slots__ = ("personas", "default_type")
    PERSONAS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    personas: _containers.RepeatedCompositeFieldContainer[Persona]
    default_type: str
    def __init__(self, personas: _Optional[_Iterable[_Union[Persona, _Mapping]]] = ..., default_type: _Optional[str] = ...) -> None: ...

class GetPersonaRequest(_message.Message):
    __slots__ = ("type",)
    TYPE_FIELD_NUMBER: _ClassVar[int]
    type: str
    def __init__(self, type: _Optional[str] = ...) -> None: ...

class GetMyPersonaRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetMyPersonaRequest(_message.Message):
    __slots__ = ("persona_type", "subject", "learner_level")
    PERSONA_TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LEARNER_LEVEL_FIELD_NUMBER: _ClassVar[int]
    persona_type: str
    subject: str
    learner_level: str
    def __init__(self, persona_type: _Optional[str] = ..., subject: _Optional[str] = ..., learner_level: _Optional[str] = ...) -> None: ...

class ResetMyPersonaRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PersonaPreference(_message.Message):
    __slots__ = ("persona", "subject", "learner_level", "is_default")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LEARNER_LEVEL_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    persona: Persona
    subject: str
    learner_level: str
    is_default: bool
    def __init__(self, persona: _Optional[_Union[Persona, _Mapping]] = ..., subject: _Optional[str] = ..., learner_level: _Optional[str] = ..., is_default: _Optional[bool] = ...) -> None: ...
