"""Bodies of the documents API (``/api/v1/content``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from parla.gateway.schemas import Language

# A document may be up to 20 MiB; the request carrying it a little more (its multipart envelope).
MAX_DOCUMENT_BYTES = 20 * 2**20
MAX_UPLOAD_BODY_BYTES = MAX_DOCUMENT_BYTES + 2**20
MAX_PASTED_CHARACTERS = 5_000_000

Stage = Literal["queued", "extracting", "analysing", "generating", "done", "failed"]


class PastedDocumentIn(BaseModel):
    """A document pasted rather than uploaded: its text, or the source of a web page the learner
    copied (``url_text``: HTML or text; Parla never fetches a URL itself)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="", max_length=255)
    description: str = Field(default="", max_length=2000)
    text: str | None = Field(default=None, max_length=MAX_PASTED_CHARACTERS)
    url_text: str | None = Field(default=None, max_length=MAX_PASTED_CHARACTERS)
    gloss_language: Language | None = Field(
        default=None, description="The flashcards' gloss language; by default the learner's native language"
    )

    @model_validator(mode="after")
    def _one_source(self) -> PastedDocumentIn:
        if (self.text is None) == (self.url_text is None):
            raise ValueError("send either text or url_text")
        return self


Kind = Literal["txt", "md", "html", "pdf", "docx", "epub", "srt", "vtt"]
Level = Literal["A1", "A2", "B1", "B2", "C1", "C2"]


class DocumentOut(BaseModel):
    id: uuid.UUID
    title: str
    description: str
    kind: str = Field(description="txt, md, html, pdf, docx, epub, srt or vtt: sniffed from the bytes")
    stage: Stage
    percent: int = Field(ge=0, le=100)
    failure_reason: str = Field(description="When stage is failed: what was wrong and what to do")
    language: str = Field(description="Set once analysed")
    level: str = Field(description="Estimated CEFR level, set once analysed")
    word_count: int
    topics: list[str]
    filename: str
    size_bytes: int
    created_at: datetime
    updated_at: datetime
    views: int = Field(description="Study sessions recorded")
    study_seconds: int
    progress_percent: int = Field(ge=0, le=100, description="How far through it the learner has got")
    gloss_language: str = Field(description="The language its flashcards are glossed in; empty for none")
    mastery: Literal["not_started", "learning", "reviewing", "mastered"] = Field(
        description="From its study and from its flashcards in the review deck"
    )
    last_studied_at: datetime | None = None


class StudyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seconds: int = Field(ge=1, le=14_400, description="How long this stretch of study lasted")
    progress_percent: int = Field(ge=0, le=100, description="How far through the document the learner is now")


class DocumentsOut(BaseModel):
    documents: list[DocumentOut]
    total: int


class DocumentProgressOut(BaseModel):
    """One Server-Sent Event of a document's job."""

    id: uuid.UUID
    stage: Stage
    percent: int
    failure_reason: str


class VocabularyItemOut(BaseModel):
    lemma: str
    surface: str = Field(description="The form the document uses, in its sentence")
    count: int
    band: int = Field(description="1 (the most frequent words) to 6 (rare or unknown)")
    score: float
    sentence: str
    status: Literal["new", "learning", "known", "ignored"] = Field(description="The learner's status now")


class FlashcardOut(BaseModel):
    lemma: str
    front: str
    back: str
    cloze: str = Field(description="The learner's own sentence with the word blanked (____)")
    sentence: str
    gloss: str = Field(description="Empty when no dictionary gloss is installed")


class QuizQuestionOut(BaseModel):
    kind: Literal["cloze", "true_false"]
    prompt: str
    options: list[str]
    answer: str
    explanation: str


class StudyMaterialOut(BaseModel):
    document: DocumentOut
    summary: list[str]
    vocabulary: list[VocabularyItemOut]
    flashcards: list[FlashcardOut]
    quiz: list[QuizQuestionOut]
    key_concepts: list[str]
    notes: str
    sentence_count: int


class NotesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notes: str = Field(max_length=20_000)


class TallyOut(BaseModel):
    name: str = Field(description='A stage, language, level or kind ("" for a document not analysed yet)')
    count: int


class LibraryStatsOut(BaseModel):
    documents: int
    words: int = Field(description="Words in the documents analysed")
    by_stage: list[TallyOut]
    by_language: list[TallyOut]
    by_level: list[TallyOut]
    by_kind: list[TallyOut]
