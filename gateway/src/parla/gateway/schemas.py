"""Request and response bodies of the public API (and so its OpenAPI document)."""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from parla.gateway.messages import from_message  # noqa: F401  (routes import it from here)

Language = Literal["en", "es", "fr", "de", "it", "pt", "zh", "ja"]
Level = Literal["beginner", "intermediate", "advanced"]


def _storable(text: str) -> str:
    # JSON can carry both, but a service can store neither: PostgreSQL refuses NUL in text, and
    # an unpaired surrogate is not UTF-8, so it cannot even be put in a gRPC message.
    if "\x00" in text:
        raise ValueError("must not contain NUL characters (\\u0000)")
    try:
        text.encode()
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode: it has an unpaired surrogate (\\ud800 to \\udfff)") from None
    return text


def _plain_text(text: str) -> str:
    if "<" in text or ">" in text:
        raise ValueError("must be plain text: remove the < and > characters (HTML is not allowed)")
    return text


# Every free text a request carries is one of these two.
Text = Annotated[str, AfterValidator(_storable)]
PlainText = Annotated[Text, AfterValidator(_plain_text)]


@cache
def _time_zones() -> frozenset[str]:
    # Listing them reads the whole zoneinfo tree (about 10 ms): once per process, not per request.
    return frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in _time_zones():
        raise ValueError("unknown time zone; use an IANA name such as Europe/Madrid")
    return value


TimeZone = Annotated[
    Text, Field(max_length=64, description="An IANA time zone, e.g. Europe/Madrid"), AfterValidator(_known_timezone)
]
DisplayName = Annotated[PlainText, Field(min_length=1, max_length=80)]


class ErrorDetailOut(BaseModel):
    code: str = Field(description='What went wrong, for programs: "invalid_argument", "not_found", ...')
    message: str = Field(description="What went wrong and what to do, for people")
    details: dict[str, Any] = Field(description="Per field, what is wrong with it (for invalid requests)")


class ErrorOut(BaseModel):
    """The body of every error the API answers."""

    error: ErrorDetailOut


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorOut, "description": "The request cannot be served as sent; the message says why"},
    "5XX": {"model": ErrorOut, "description": "A service failed or did not answer in time; try again"},
}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RegisterRequest(_In):
    email: EmailStr = Field(max_length=320)
    password: Text = Field(min_length=8, max_length=128, description="8 to 128 characters")
    display_name: DisplayName
    native_language: Language | None = None
    target_languages: list[Language] = Field(default_factory=list, max_length=8)
    level: Level = "beginner"
    timezone: TimeZone = "UTC"
    leaderboard_opt_in: bool = Field(default=False, description="Appear on the weekly leaderboards")


# The profile fields a PATCH may leave out but not set to null (the account always has them).
_REQUIRED_IF_SENT = ("display_name", "target_languages", "level", "timezone", "leaderboard_opt_in")


class ProfileUpdate(_In):
    """Only the fields sent change; e-mail and roles are not among them."""

    display_name: DisplayName | None = None
    native_language: Language | None = Field(default=None, description="null clears it")
    target_languages: list[Language] | None = Field(default=None, max_length=8)
    level: Level | None = None
    timezone: TimeZone | None = None
    leaderboard_opt_in: bool | None = Field(default=None, description="Appear on the weekly leaderboards")

    @field_validator(*_REQUIRED_IF_SENT)
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("must not be null; leave the field out to keep its value")
        return value

    @model_validator(mode="after")
    def _something_to_change(self) -> ProfileUpdate:
        if not self.model_fields_set:
            raise ValueError(f"send at least one field to change: {', '.join(type(self).model_fields)}")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields sent, and nothing else."""
        return self.model_dump(exclude_unset=True)


class LoginRequest(_In):
    email: EmailStr = Field(max_length=320)
    password: Text = Field(min_length=1, max_length=128)


class RefreshRequest(_In):
    refresh_token: Text = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    display_name: str
    roles: list[str]
    native_language: str | None
    target_languages: list[str]
    level: str
    timezone: str
    leaderboard_opt_in: bool
    created_at: datetime


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")
    user: UserOut


# --- scenarios and runs ---------------------------------------------------------------------


class VocabularyItemOut(BaseModel):
    term: str
    lemma: str
    gloss: str


class PhraseOut(BaseModel):
    id: str
    text: str
    gloss: str


class CriterionOut(BaseModel):
    kind: str
    description: str
    min: int = 0
    phrase_id: str = ""
    concept: str = ""


class PhaseOut(BaseModel):
    id: str
    name: str
    objective: str
    vocabulary: list[VocabularyItemOut]
    phrases: list[PhraseOut]
    success_criteria: list[CriterionOut]
    cultural_notes: list[str]


Category = Literal[
    "travel", "restaurant", "shopping", "business", "healthcare", "social", "emergency", "education", "daily_life", "hobbies"
]
Difficulty = Literal["beginner", "intermediate", "advanced"]


class ScenarioSummaryOut(BaseModel):
    id: str
    author: str = Field(description='"system" or the author\'s user id')
    visibility: str
    title: str
    description: str
    category: str
    difficulty: str
    estimated_minutes: int
    language: str
    languages: list[str]


class ScenarioOut(BaseModel):
    summary: ScenarioSummaryOut
    learner_role: str
    tutor_role: str
    setting: str
    prerequisites: list[str]
    learning_outcomes: list[str]
    cultural_context: str
    phases: list[PhaseOut]


class ScenarioPage(BaseModel):
    items: list[ScenarioSummaryOut]
    total: int
    limit: int
    offset: int


class CategoryOut(BaseModel):
    id: str
    name: str
    scenario_count: int


class CategoriesOut(BaseModel):
    categories: list[CategoryOut]


class StartRunRequest(_In):
    scenario_id: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9-]+$")
    language: Language | None = None
    persona: str | None = Field(default=None, max_length=40, pattern=r"^[a-z_]+$", description="A tutor persona for this run")


class TurnRequest(_In):
    text: Text = Field(min_length=1, max_length=2000)


class TurnOut(BaseModel):
    role: str
    text: str
    at: datetime


class PhaseProgressOut(BaseModel):
    phase_id: str
    completed: bool
    score: float
    vocabulary_used: list[str]
    phrases_used: list[str]
    criteria_met: list[str]


class MistakeOut(BaseModel):
    said: str
    correction: str
    explanation: str


class RunOut(BaseModel):
    id: uuid.UUID
    scenario_id: str
    language: str
    status: str
    current_phase: int
    phases: list[PhaseProgressOut]
    turns: list[TurnOut]
    score: float
    started_at: datetime
    completed_at: datetime | None = None
    persona: str
    mistakes: list[MistakeOut]


class TurnResultOut(BaseModel):
    run: RunOut
    tutor_reply: str
    feedback: list[str]
    phase_completed: bool
    mistakes: list[MistakeOut] = Field(description="Mistakes found in this turn, with corrections")


class RunSummaryOut(BaseModel):
    id: uuid.UUID
    scenario_id: str
    title: str
    language: str
    status: str
    score: float
    phases_completed: int
    phases_total: int
    started_at: datetime
    ended_at: datetime | None = None


class RunPage(BaseModel):
    items: list[RunSummaryOut]
    total: int
    limit: int
    offset: int


# --- progress -------------------------------------------------------------------------------


class LearningSessionOut(BaseModel):
    id: uuid.UUID
    kind: str
    subject_id: str
    run_id: str
    language: str
    duration_seconds: int
    items: int
    accuracy: float
    score: float
    ended_at: datetime


class ProgressOut(BaseModel):
    scenarios_completed: int
    scenarios_started: int
    total_study_seconds: int
    average_score: float
    recent_sessions: list[LearningSessionOut]


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"]
    services: dict[str, str]
