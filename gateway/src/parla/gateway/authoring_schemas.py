"""Bodies of the authoring API: a learner's scenario drafts, their assessment, and templates."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from parla.gateway.schemas import Category, Difficulty, Language, PlainText, ScenarioSummaryOut, _In

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Line = Annotated[PlainText, Field(min_length=1, max_length=500)]
Paragraph = Annotated[PlainText, Field(max_length=2000)]


class CriterionIn(_In):
    kind: Literal["uses_vocabulary", "uses_phrase", "mentions", "asks_question"]
    min: int | None = Field(default=None, ge=1, le=20)
    phrase_id: Slug | None = None
    concept: Slug | None = None


class PhaseIn(_In):
    id: Slug
    objective: Line
    success_criteria: list[CriterionIn] = Field(min_length=1, max_length=6)


class VocabularyIn(_In):
    term: Line
    lemma: Line
    gloss: Line


class PhraseIn(_In):
    id: Slug
    text: Line
    gloss: Line


class PhaseLocalizationIn(_In):
    name: Line
    vocabulary: list[VocabularyIn] = Field(min_length=1, max_length=20)
    phrases: list[PhraseIn] = Field(min_length=1, max_length=20)
    concepts: dict[Slug, list[Line]] = Field(default_factory=dict, max_length=10)
    tutor_lines: list[Line] = Field(min_length=1, max_length=10)
    cultural_notes: list[Line] = Field(default_factory=list, max_length=10)


class LocalizationIn(_In):
    title: Annotated[PlainText, Field(min_length=3, max_length=120)]
    description: Annotated[PlainText, Field(min_length=1, max_length=2000)]
    cultural_context: Paragraph = ""
    phases: dict[Slug, PhaseLocalizationIn] = Field(min_length=1, max_length=6)


class ScenarioDraftIn(_In):
    """A scenario as an author writes it: the situation, and one localization per language."""

    category: Category
    difficulty: Difficulty
    estimated_minutes: int = Field(ge=5, le=60)
    learner_role: Line
    tutor_role: Line
    setting: Annotated[PlainText, Field(min_length=1, max_length=2000)]
    prerequisites: list[Line] = Field(default_factory=list, max_length=10)
    learning_outcomes: list[Line] = Field(default_factory=list, max_length=10)
    phases: list[PhaseIn] = Field(min_length=1, max_length=6)
    localizations: dict[Language, LocalizationIn] = Field(min_length=1, max_length=8)

    def document(self) -> dict:
        return self.model_dump(mode="json", exclude_none=True)


class AssessmentOut(BaseModel):
    level: str
    reasons: list[str]


class AuthoredScenarioOut(BaseModel):
    summary: ScenarioSummaryOut
    document: dict = Field(description="The scenario as sent to PUT /api/v1/scenarios/{id}")
    assessment: AssessmentOut = Field(description="A rule-based difficulty estimate, with its reasons")


class TemplateOut(BaseModel):
    category: str
    title: str
    draft: dict


class TemplatesOut(BaseModel):
    templates: list[TemplateOut]


class FromTemplateIn(_In):
    category: Category
    language: Language | None = None
    title: Annotated[PlainText, Field(min_length=3, max_length=120)] | None = None
