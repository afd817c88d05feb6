"""Kafka event models: facts that already happened, named in the past tense.

Each event carries the data its consumers need so that they never call back to the producer.
A change within a ``schema_version`` is additive; a breaking change is a new version that
consumers accept side by side (see ``EVENT_MODELS``).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from parla.contracts.event_base import Event, Text

# Other subjects' events live in modules of their own and belong to this catalogue: consumers
# import every event from here.
from parla.contracts.gamification_events import AchievementUnlocked, XpGranted
from parla.contracts.organization_events import (
    BookmarkAdded,
    BookmarkRemoved,
    CollectionChanged,
    CollectionSubscribed,
    RatingDeleted,
    RatingSubmitted,
)
from parla.contracts.organization_events import (
    BookmarkChanged as BookmarkChanged,
)
from parla.contracts.organization_events import (
    RatingDimensions as RatingDimensions,
)


class UserProfile(Event):
    """A learner's profile as it is after the change: every field, so a consumer keeps the newest
    whole profile and never merges partial updates."""

    user_id: uuid.UUID
    display_name: str
    native_language: str | None = None
    target_languages: list[str] = Field(default=[])
    level: str = "beginner"
    timezone: str = Field(default="UTC", description="IANA time zone the learner's days are counted in")
    leaderboard_opt_in: bool = Field(default=False, description="Shown on the weekly leaderboards")

    def partition_key(self) -> str:
        return str(self.user_id)


class UserRegistered(UserProfile):
    event_type: ClassVar[str] = "user.registered"


class UserUpdated(UserProfile):
    """A learner changed their profile (time zone, languages, level, leaderboard choice...)."""

    event_type: ClassVar[str] = "user.updated"


class ScenarioStarted(Event):
    event_type: ClassVar[str] = "scenario.started"
    run_id: uuid.UUID
    user_id: uuid.UUID
    scenario_id: str
    language: str
    category: str
    difficulty: str

    def partition_key(self) -> str:
        return str(self.user_id)


class ScenarioChanged(Event):
    """What the organization and analytics services keep of a scenario, for its own events."""

    scenario_id: str
    owner_id: uuid.UUID | None = None  # None: a system scenario
    visibility: str
    category: str
    difficulty: str
    languages: list[str]
    titles: dict[str, str]
    estimated_minutes: int = Field(default=0, ge=0, le=600)
    # The scenario's own words (titles, descriptions, objectives, vocabulary) for keyword tags.
    text: Annotated[str, Field(max_length=100_000)]
    # The same per language: each localization's title, description, vocabulary and phrases.
    texts: dict[str, Annotated[str, Field(max_length=20_000)]] = Field(default_factory=dict, max_length=8)

    def partition_key(self) -> str:
        return self.scenario_id


class ScenarioPublished(ScenarioChanged):
    event_type: ClassVar[str] = "scenario.published"


class ScenarioUpdated(ScenarioChanged):
    event_type: ClassVar[str] = "scenario.updated"


class ScenarioDeleted(ScenarioChanged):
    event_type: ClassVar[str] = "scenario.deleted"


class ScenarioViewed(Event):
    event_type: ClassVar[str] = "scenario.viewed"
    user_id: uuid.UUID
    scenario_id: str
    language: str
    category: str
    difficulty: str

    def partition_key(self) -> str:
        return self.scenario_id


class VocabularyOutcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: Text
    lemma: Text
    gloss: Text


class Mistake(BaseModel):
    model_config = ConfigDict(frozen=True)

    said: Text
    correction: Text
    explanation: Text = ""


class ScenarioCompleted(Event):
    event_type: ClassVar[str] = "scenario.completed"
    run_id: uuid.UUID
    user_id: uuid.UUID
    scenario_id: str
    title: str
    language: str
    category: str
    difficulty: str
    score: float = Field(ge=0, le=100)
    phases_total: int = Field(ge=0)
    phases_completed: int = Field(ge=0)
    started_at: datetime
    completed_at: datetime
    duration_seconds: int = Field(ge=0)
    estimated_minutes: int = Field(ge=0)
    vocabulary_used: list[VocabularyOutcome] = Field(default=[])
    vocabulary_missed: list[VocabularyOutcome] = Field(default=[])
    mistakes: list[Mistake] = Field(default=[])

    def partition_key(self) -> str:
        return str(self.user_id)


class AiUsageRecorded(Event):
    event_type: ClassVar[str] = "ai.usage_recorded"
    user_id: uuid.UUID
    provider: str
    model: str
    tokens_in: int = Field(ge=0)
    tokens_out: int = Field(ge=0)
    cost_usd: float = Field(ge=0)

    def partition_key(self) -> str:
        return str(self.user_id)


class BudgetThresholdCrossed(Event):
    event_type: ClassVar[str] = "budget.threshold_crossed"
    user_id: uuid.UUID
    threshold: int = Field(ge=1, le=1000)
    level: str
    spent_usd: float = Field(ge=0)
    limit_usd: float = Field(ge=0)
    period_start: datetime

    def partition_key(self) -> str:
        return str(self.user_id)


class CardCreated(Event):
    event_type: ClassVar[str] = "card.created"
    card_id: uuid.UUID
    user_id: uuid.UUID
    language: str
    lemma: str
    source_kind: str
    source_id: str

    def partition_key(self) -> str:
        return str(self.user_id)


class ContentImported(Event):
    """A learner's document was analysed and its study material made."""

    event_type: ClassVar[str] = "content.imported"
    document_id: uuid.UUID
    user_id: uuid.UUID
    title: Annotated[str, Field(max_length=255)]
    kind: str
    language: str
    level: str
    word_count: int = Field(ge=0)
    topics: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list, max_length=20)

    def partition_key(self) -> str:
        return str(self.user_id)


class ContentDeleted(Event):
    """A learner deleted one of their documents (its cards stay in their deck)."""

    event_type: ClassVar[str] = "content.deleted"
    document_id: uuid.UUID
    user_id: uuid.UUID

    def partition_key(self) -> str:
        return str(self.user_id)


class ContentStudied(Event):
    """A learner studied one of their documents for a while."""

    event_type: ClassVar[str] = "content.studied"
    document_id: uuid.UUID
    user_id: uuid.UUID
    language: str
    seconds: int = Field(ge=1, le=4 * 3600)
    progress_percent: int = Field(ge=0, le=100)

    def partition_key(self) -> str:
        return str(self.user_id)


class MemoryState(BaseModel):
    """What FSRS knew of a card at one moment."""

    model_config = ConfigDict(frozen=True)

    state: str = Field(description="new | learning | review | relearning")
    stability: float | None = Field(default=None, description="Days for recall to fall to 90%; none while new")
    difficulty: float | None = Field(default=None, description="1 (easy) to 10 (hard); none while new")


class ReviewRecorded(Event):
    """A learner reviewed a card. Enough to measure true retention and calibration: the recall
    FSRS predicted at the moment of the review, and the rating that followed."""

    event_type: ClassVar[str] = "review.recorded"
    review_id: uuid.UUID
    user_id: uuid.UUID
    card_id: uuid.UUID
    language: str
    rating: str = Field(description="again | hard | good | easy")
    reviewed_at: datetime
    elapsed_days: float | None = Field(default=None, ge=0, description="Since the card's previous review; none for a first")
    retrievability: float = Field(ge=0, le=1, description="Predicted recall at review time; 0 for a new card")
    before: MemoryState
    after: MemoryState
    next_due: datetime
    session_id: uuid.UUID | None = Field(default=None, description="The review session the card was shown in, if any")
    duration_ms: int | None = Field(default=None, ge=0, le=3_600_000, description="How long the answer took, if the client said")

    def partition_key(self) -> str:
        return str(self.user_id)


EventModel = type[Event]

# (event_type, schema_version) -> model. Consumers decode through this table only.
EVENT_MODELS: dict[tuple[str, int], EventModel] = {
    (model.event_type, 1): model
    for model in (
        UserRegistered,
        UserUpdated,
        ScenarioPublished,
        ScenarioUpdated,
        ScenarioDeleted,
        ScenarioViewed,
        ScenarioStarted,
        ScenarioCompleted,
        CardCreated,
        ContentImported,
        ContentStudied,
        ContentDeleted,
        ReviewRecorded,
        AiUsageRecorded,
        BudgetThresholdCrossed,
        RatingSubmitted,
        RatingDeleted,
        BookmarkAdded,
        BookmarkRemoved,
        CollectionChanged,
        CollectionSubscribed,
        XpGranted,
        AchievementUnlocked,
    )
}
