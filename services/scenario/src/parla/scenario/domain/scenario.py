"""The scenario model: a language-independent situation plus one localization per language,
and the rules about scenarios as a whole (who may open one, which language it opens in)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Protocol

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

CATEGORIES = (
    "travel",
    "restaurant",
    "shopping",
    "business",
    "healthcare",
    "social",
    "emergency",
    "education",
    "daily_life",
    "hobbies",
)
DIFFICULTIES = ("beginner", "intermediate", "advanced")
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")
# The language a scenario opens in when the caller names none: Spanish, the language most
# learners study, when the scenario has it; otherwise its first language in alphabetical order.
DEFAULT_LANGUAGE = "es"


def _plain(text: str) -> str:
    if "<" in text or ">" in text:
        raise ValueError("must be plain text: remove the < and > characters (HTML is not allowed)")
    return text


Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ShortText = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_plain)]
LongText = Annotated[str, Field(max_length=2000), AfterValidator(_plain)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UsesVocabulary(_Model):
    kind: Literal["uses_vocabulary"]
    min: int = Field(ge=1, le=20)


class UsesPhrase(_Model):
    kind: Literal["uses_phrase"]
    phrase_id: Slug


class Mentions(_Model):
    kind: Literal["mentions"]
    concept: Slug


class AsksQuestion(_Model):
    kind: Literal["asks_question"]


Criterion = Annotated[UsesVocabulary | UsesPhrase | Mentions | AsksQuestion, Field(discriminator="kind")]


class PhaseSpec(_Model):
    id: Slug
    objective: ShortText
    success_criteria: list[Criterion] = Field(min_length=1, max_length=6)


class VocabularyItem(_Model):
    term: ShortText
    lemma: ShortText
    gloss: ShortText


class PhraseSpec(_Model):
    id: Slug
    text: ShortText
    gloss: ShortText


class PhaseLocalization(_Model):
    name: ShortText
    vocabulary: list[VocabularyItem] = Field(min_length=1, max_length=20)
    phrases: list[PhraseSpec] = Field(min_length=1, max_length=20)
    concepts: dict[Slug, Annotated[list[ShortText], Field(min_length=1, max_length=30)]] = Field(default={}, max_length=10)
    tutor_lines: list[ShortText] = Field(min_length=1, max_length=10)
    cultural_notes: list[ShortText] = Field(default=[], max_length=10)


class Localization(_Model):
    title: Annotated[str, Field(min_length=3, max_length=120), AfterValidator(_plain)]
    description: Annotated[LongText, Field(min_length=1)]
    cultural_context: LongText = ""
    phases: dict[Slug, PhaseLocalization]


class ScenarioSpec(_Model):
    """A language-independent situation plus one localization per target language."""

    id: Slug
    schema_version: Literal[1] = 1
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    difficulty: Literal[DIFFICULTIES]  # type: ignore[valid-type]
    estimated_minutes: int = Field(ge=5, le=60)
    learner_role: ShortText
    tutor_role: ShortText
    setting: Annotated[LongText, Field(min_length=1)]
    prerequisites: list[ShortText] = Field(default=[], max_length=10)
    learning_outcomes: list[ShortText] = Field(default=[], max_length=10)
    phases: list[PhaseSpec] = Field(min_length=1, max_length=6)
    localizations: dict[Literal[LANGUAGES], Localization] = Field(min_length=1)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _localizations_cover_phases(self) -> ScenarioSpec:
        # Messages start with the path of the field at fault ("phases.0.success_criteria.1: ..."),
        # which the authoring API turns into one message per field.
        phase_ids = [p.id for p in self.phases]
        if len(set(phase_ids)) != len(phase_ids):
            raise ValueError("phases: phase ids must be unique")
        for language, loc in self.localizations.items():
            if set(loc.phases) != set(phase_ids):
                raise ValueError(f"localizations.{language}.phases: must localize exactly the phases {phase_ids}")
            for index, phase in enumerate(self.phases):
                local = loc.phases[phase.id]
                phrase_ids = {p.id for p in local.phrases}
                for number, criterion in enumerate(phase.success_criteria):
                    where = f"phases.{index}.success_criteria.{number}"
                    if isinstance(criterion, UsesPhrase) and criterion.phrase_id not in phrase_ids:
                        raise ValueError(
                            f"{where}.phrase_id: the {language} localization has no phrase {criterion.phrase_id!r} here"
                        )
                    if isinstance(criterion, Mentions) and criterion.concept not in local.concepts:
                        raise ValueError(
                            f"{where}.concept: the {language} localization has no words for concept {criterion.concept!r}"
                        )
                    if isinstance(criterion, UsesVocabulary) and criterion.min > len(local.vocabulary):
                        raise ValueError(
                            f"{where}.min: more than the {len(local.vocabulary)} key words the {language} localization has here"
                        )
        return self

    @property
    def languages(self) -> list[str]:
        return sorted(self.localizations)

    @property
    def default_language(self) -> str:
        return default_language(self.localizations)


def default_language(languages: Iterable[str]) -> str:
    available = sorted(languages)
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else available[0]


def describe(criterion: Criterion, local: PhaseLocalization) -> str:
    """The criterion as a sentence a learner can act on."""
    match criterion:
        case UsesVocabulary(min=n):
            return f"Use at least {n} of this phase's key words."
        case UsesPhrase(phrase_id=pid):
            phrase = next(p for p in local.phrases if p.id == pid)
            return f"Say something like: \u201c{phrase.text}\u201d ({phrase.gloss})."
        case Mentions(concept=concept):
            return f"Mention the {concept.replace('-', ' ')}."
        case AsksQuestion():
            return "Ask a question."
    raise AssertionError(criterion)


# --- who may open a scenario ------------------------------------------------------------------


class Caller(Protocol):
    """Who asks: a learner (maybe an admin) or another service acting for no learner."""

    @property
    def is_service(self) -> bool: ...

    @property
    def is_admin(self) -> bool: ...

    @property
    def user_id(self) -> uuid.UUID: ...


class Shelved(Protocol):
    """What a stored scenario says about who may see it."""

    owner_id: Any
    visibility: str
    deleted_at: Any


def viewer_of(caller: Caller) -> uuid.UUID | None:
    """The learner behind a call, or None for a service (which sees public scenarios only)."""
    return None if caller.is_service else caller.user_id


def can_open(caller: Caller, scenario: Shelved) -> bool:
    """Who may open a scenario: anyone if public, its author, and admins; nobody once deleted."""
    if scenario.deleted_at is not None:
        return False
    if scenario.visibility == "public" or caller.is_admin:
        return True
    return scenario.owner_id is not None and scenario.owner_id == viewer_of(caller)
