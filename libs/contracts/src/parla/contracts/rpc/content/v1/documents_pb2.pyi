import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportDocumentRequest(_message.Message):
    __slots__ = ("title", "description", "filename", "content", "text", "gloss_language")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GLOSS_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    filename: str
    content: bytes
    text: str
    gloss_language: str
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ..., text: _Optional[str] = ..., gloss_language: _Optional[str] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("id", "title", "kind", "stage", "percent", "failure_reason", "language", "level", "word_count", "topics", "filename", "size_bytes", "created_at", "updated_at", "description", "views", "study_seconds", "progress_percent", "mastery", "last_studied_at", "gloss_language")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    WORD_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VIEWS_FIELD_NUMBER: _ClassVar[int]
    STUDY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_PERCENT_FIELD_NUMBER: _ClassVar[int]
    MASTERY_FIELD_NUMBER: _ClassVar[int]
    LAST_STUDIED_AT_FIELD_NUMBER: _ClassVar[int]
    GLOSS_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    kind: str
    stage: str
    percent: int
    failure_reason: str
    language: str
    level: str
    word_count: int
    topics: _containers.RepeatedScalarFieldContainer[str]
    filename: str
    size_bytes: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    description: str
    views: int
    study_seconds: int
    progress_percent: int
    mastery: str
    last_studied_at: _timestamp_pb2.Timestamp
    gloss_language: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., kind: _Optional[str] = ..., stage: _Optional[str] = ..., percent: _Optional[int] = ..., failure_reason: _Optional[str] = ..., language: _Optional[str] = ..., level: _Optional[str] = ..., word_count: _Optional[int] = ..., topics: _Optional[_Iterable[str]] = ..., filename: _Optional[str] = ..., size_bytes: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., description: _Optional[str] = ..., views: _Optional[int] = ..., study_seconds: _Optional[int] = ..., progress_percent: _Optional[int] = ..., mastery: _Optional[str] = ..., last_studied_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., gloss_language: _Optional[str] = ...) -> None: ...

class GetDocumentRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListDocumentsRequest(_message.Message):
    __slots__ = ("limit", "offset", "q", "kind", "language", "level", "stage", "sort")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    offset: int
    q: str
    kind: str
    language: str
    level: str
    stage: str
    sort: str
    def __init__(self, limit: _Optional[int] = ..., offset: _Optional[int] = ..., q: _Optional[str] = ..., kind: _Optional[str] = ..., language: _Optional[str] = ..., level: _Optional[str] = ..., stage: _Optional[str] = ..., sort: _Optional[str] = ...) -> None: ...

class ListDocumentsResponse(_message.Message):
    __slots__ = ("documents", "total")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    documents: _containers.RepeatedCompositeFieldContainer[Document]
    total: int
    def __init__(self, documents: _Optional[_Iterable[_Union[Document, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class DeleteDocumentRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteDocumentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class VocabularyItem(_message.Message):
    __slots__ = ("lemma", "surface", "count", "band", "score", "sentence", "status")
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    SURFACE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    BAND_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    lemma: str
    surface: str
    count: int
    band: int
    score: float
    sentence: str
    status: str
    def __init__(self, lemma: _Optional[str] = ..., surface: _Optional[str] = ..., count: _Optional[int] = ..., band: _Optional[int] = ..., score: _Optional[float] = ..., sentence: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class Flashcard(_message.Message):
    __slots__ = ("lemma", "front", "back", "cloze", "sentence", "gloss")
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    FRONT_FIELD_NUMBER: _ClassVar[int]
    BACK_FIELD_NUMBER: _ClassVar[int]
    CLOZE_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_FIELD_NUMBER: _ClassVar[int]
    GLOSS_FIELD_NUMBER: _ClassVar[int]
    lemma: str
    front: str
    back: str
    cloze: str
    sentence: str
    gloss: str
    def __init__(self, lemma: _Optional[str] = ..., front: _Optional[str] = ..., back: _Optional[str] = ..., cloze: _Optional[str] = ..., sentence: _Optional[str] = ..., gloss: _Optional[str] = ...) -> None: ...

class QuizQuestion(_message.Message):
    __slots__ = ("kind", "prompt", "options", "answer", "explanation")
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    kind: str
    prompt: str
    options: _containers.RepeatedScalarFieldContainer[str]
    answer: str
    explanation: str
    def __init__(self, kind: _Optional[str] = ..., prompt: _Optional[str] = ..., options: _Optional[_Iterable[str]] = ..., answer: _Optional[str] = ..., explanation: _Optional[str] = ...) -> None: ...

class StudyMaterial(_message.Message):
    __slots__ = ("document", "summary", "vocabulary", "flashcards", "quiz", "key_concepts", "notes", "sentence_count")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    VOCABULARY_FIELD_NUMBER: _ClassVar[int]
    FLASHCARDS_FIELD_NUMBER: _ClassVar[int]
    QUIZ_FIELD_NUMBER: _ClassVar[int]
    KEY_CONCEPTS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SENTENCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    document: Document
    summary: _containers.RepeatedScalarFieldContainer[str]
    vocabulary: _containers.RepeatedCompositeFieldContainer[VocabularyItem]
    flashcards: _containers.RepeatedCompositeFieldContainer[Flashcard]
    quiz: _containers.RepeatedCompositeFieldContainer[QuizQuestion]
    key_concepts: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    sentence_count: int
    def __init__(self, document: _Optional[_Union[Document, _Mapping]] = ..., summary: _Optional[_Iterable[str]] = ..., vocabulary: _Optional[_Iterable[_Union[VocabularyItem, _Mapping]]] = ..., flashcards: _Optional[_Iterable[_Union[Flashcard, _Mapping]]] = ..., quiz: _Optional[_Iterable[_Union[QuizQuestion, _Mapping]]] = ..., key_concepts: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., sentence_count: _Optional[int] = ...) -> None: ...

class GetStudyMaterialRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateNotesRequest(_message.Message):
    __slots__ = ("id", "notes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    notes: str
    def __init__(self, id: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class GetLibraryStatsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Tally(_message.Message):
    __slots__ = ("name", "count")
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    name: str
    count: int
    def __init__(self, name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class LibraryStats(_message.Message):
    __slots__ = ("documents", "words", "by_stage", "by_language", "by_level", "by_kind")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    WORDS_FIELD_NUMBER: _ClassVar[int]
    BY_STAGE_FIELD_NUMBER: _ClassVar[int]
    BY_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    BY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    BY_KIND_FIELD_NUMBER: _ClassVar[int]
    documents: int
    words: int
    by_stage: _containers.RepeatedCompositeFieldContainer[Tally]
    by_language: _containers.RepeatedCompositeFieldContainer[Tally]
    by_level: _containers.RepeatedCompositeFieldContainer[Tally]
    by_kind: _containers.RepeatedCompositeFieldContainer[Tally]
    def __init__(self, documents: _Optional[int] = ..., words: _Optional[int] = ..., by_stage: _Optional[_Iterable[_Union[Tally, _Mapping]]] = ..., by_language: _Optional[_Iterable[_Union[Tally, _Mapping]]] = ..., by_level: _Optional[_Iterable[_Union[Tally, _Mapping]]] = ..., by_kind: _Optional[_Iterable[_Union[Tally, _Mapping]]] = ...) -> None: ...

class DraftScenarioRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ScenarioDraft(_message.Message):
    __slots__ = ("draft",)
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    draft: _struct_pb2.Struct
    def __init__(self, draft: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class RecordStudyRequest(_message.Message):
    __slots__ = ("id", "seconds", "progress_percent")
    ID_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_PERCENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    seconds: int
    progress_percent: int
    def __init__(self, id: _Optional[str] = ..., seconds: _Optional[int] = ..., progress_percent: _Optional[int] = ...) -> None: ...
