"""Bodies of the review deck's API (``/api/v1/cards``, ``/api/v1/review``, ``/api/v1/reviews``)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from parla.gateway.schemas import Language, Text

Rating = Literal["again", "hard", "good", "easy"]
CardState = Literal["new", "learning", "review", "relearning"]
CardChange = Literal["suspend", "unsuspend", "bury", "reset"]

MAX_SYNCED_REVIEWS = 1000


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _time_zone(name: str) -> str:
    # ZoneInfo reads the system's zone files: an unknown name is a KeyError, a path or a file
    # that is not a zone (a folder such as "America") a ValueError or an OSError.
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        raise ValueError("unknown time zone; use an IANA name such as Europe/Madrid") from None
    return name


CardText = Annotated[Text, Field(min_length=1, max_length=2000)]
Tag = Annotated[Text, Field(min_length=1, max_length=50)]
Tags = Annotated[list[Tag], Field(max_length=20)]
# When the learner answered, by the client's clock: a time without a zone is ambiguous, so refused.
ClientTime = Annotated[AwareDatetime, AfterValidator(_utc)]
TimeZone = Annotated[Text, Field(min_length=1, max_length=64), AfterValidator(_time_zone)]


# --- cards ----------------------------------------------------------------------------------


class CardSourceOut(BaseModel):
    kind: str = Field(description="scenario_run, document, deleted_document or manual")
    id: str = Field(description="The run's or document's id; empty for a manual card")
    context: str = Field(default="", description="The sentence or run the card came from; empty when there is none")


class IntervalOut(BaseModel):
    rating: Rating = Field(description="The rating")
    due: datetime = Field(description="When the card would be due again after this rating (before fuzzing)")
    seconds: int = Field(description="The same as seconds from now")


class CardOut(BaseModel):
    id: uuid.UUID = Field(description="The card's id")
    language: str = Field(description="The language the card is about")
    front: str = Field(description="What the learner is asked")
    back: str = Field(description="The answer")
    lemma: str = Field(description="The word the card is about (one card per learner, language and lemma)")
    source: CardSourceOut = Field(description="The card's first source")
    sources: list[CardSourceOut] = Field(default_factory=list, description="Every source of the card, first to last")
    due: datetime | None = Field(default=None, description="When the card is next due (UTC)")
    state: CardState = Field(description="The card's FSRS state")
    stability: float = Field(default=0.0, description="FSRS stability in days; 0 for a new card")
    difficulty: float = Field(default=0.0, description="FSRS difficulty (1 to 10); 0 for a new card")
    reviews: int = Field(default=0, description="Reviews since the card was made or last reset")
    lapses: int = Field(default=0, description="Times the card was forgotten after it was learned")
    suspended: bool = Field(default=False, description="Left out of sessions until unsuspended (leeches are suspended)")
    buried_until: datetime | None = Field(default=None, description="While buried: left out of sessions until then")
    tags: list[str] = Field(default_factory=list, description='The learner\'s tags, and "leech" for a leech')
    last_review: datetime | None = Field(default=None, description="When the card was last reviewed; null if never")
    intervals: list[IntervalOut] = Field(
        default_factory=list,
        description="What each rating would do from now (again, hard, good, easy): only in /review/due?intervals=true",
    )


class DueCardsOut(BaseModel):
    cards: list[CardOut] = Field(description="Cards due now, most overdue first")
    total_due: int = Field(description="How many cards are due now in all")


class CardsPageOut(BaseModel):
    cards: list[CardOut] = Field(description="In the order they were added")
    has_more: bool = Field(default=False, description="More follow: ask again with a larger offset")


class NewCardIn(_In):
    language: Language = Field(description="The language the card is about")
    front: CardText = Field(description="What the learner is asked: 1 to 2,000 characters")
    back: CardText = Field(description="The answer: 1 to 2,000 characters")
    tags: Tags = Field(default_factory=list, description="At most 20 tags of 1 to 50 characters")
    lemma: Annotated[Text, Field(min_length=1, max_length=100)] | None = Field(
        default=None, description="The word the card is about; its front by default"
    )


class CardEditIn(_In):
    front: CardText | None = Field(default=None, description="A new front; left as it is when absent")
    back: CardText | None = Field(default=None, description="A new back; left as it is when absent")
    tags: Tags | None = Field(default=None, description="Replaces every tag when given ([] removes them all)")


# --- reviewing ------------------------------------------------------------------------------


class StartSessionIn(_In):
    language: Language | None = Field(default=None, description="Only this language's cards; every language by default")


class SessionOut(BaseModel):
    id: uuid.UUID = Field(description="The session's id")
    language: str = Field(description="The session's language; empty for every language")
    started_at: datetime = Field(description="When the session started (UTC)")
    learning_due: int = Field(description="Learning and relearning steps due today")
    review_due: int = Field(description="Review cards due today, within the daily review limit")
    new_available: int = Field(description="New cards left today, within the daily new-card limit")
    reviewed: int = Field(description="Reviews recorded in this session")
    cards: int = Field(default=0, description="For a session of chosen words (a preflight): how many of your cards it holds")


class NextCardOut(BaseModel):
    card: CardOut | None = Field(default=None, description="The card to review next; null when nothing is left today")
    intervals: list[IntervalOut] = Field(
        default_factory=list, description="What each rating would do, in the order again, hard, good, easy"
    )
    session: SessionOut = Field(description="The session, with what it may still show today")
    retrievability: float = Field(default=0.0, description="The card's predicted recall now, 0 to 1 (0 for a new card)")


class ReviewIn(_In):
    client_review_id: uuid.UUID = Field(description="The client's own id for this review: sending it again changes nothing")
    card_id: uuid.UUID = Field(description="The card reviewed")
    rating: Rating = Field(description="How well the learner recalled the card")
    reviewed_at: ClientTime | None = Field(
        default=None, description="When the learner answered, with its time zone (kept in UTC); now by default"
    )
    duration_ms: int | None = Field(default=None, ge=0, le=3_600_000, description="How long the answer took, up to an hour")
    session_id: uuid.UUID | None = Field(default=None, description="The session the card was shown in, if any")


class ReviewsIn(_In):
    reviews: list[ReviewIn] = Field(
        min_length=1, max_length=MAX_SYNCED_REVIEWS, description="1 to 1,000 reviews, in any order: they apply in time order"
    )


class ReviewResultOut(BaseModel):
    client_review_id: uuid.UUID = Field(description="The client's id of the review")
    status: Literal["applied", "duplicate", "conflict"] = Field(
        description="applied; duplicate (already recorded: nothing changed); conflict (not applied, see conflict)"
    )
    conflict: str = Field(default="", description="For a conflict: what was wrong and what the client should do")
    card: CardOut | None = Field(default=None, description="The card as it is now; null when it no longer exists")


class ReviewResultsOut(BaseModel):
    results: list[ReviewResultOut] = Field(description="One per review sent, in the order they were sent")


class ReviewSettingsOut(BaseModel):
    desired_retention: float = Field(description="The share of reviews FSRS aims to have recalled, 0.70 to 0.97")
    new_cards_per_day: int = Field(description="At most this many new cards a day")
    reviews_per_day: int = Field(description="At most this many reviews a day")
    time_zone: str = Field(description="The learner's day (for limits and burying) starts at midnight here")


class ReviewSettingsIn(_In):
    desired_retention: float | None = Field(
        default=None,
        ge=0.70,
        le=0.97,
        allow_inf_nan=False,
        description="0.70 to 0.97 (0.90 by default); left as it is when absent",
    )
    new_cards_per_day: int | None = Field(default=None, ge=0, le=9_999, description="0 to 9,999; left as it is when absent")
    reviews_per_day: int | None = Field(default=None, ge=0, le=99_999, description="0 to 99,999; left as it is when absent")
    time_zone: TimeZone | None = Field(
        default=None, description="An IANA time zone, e.g. Europe/Madrid; left as it is when absent"
    )


class DayCountOut(BaseModel):
    date: str = Field(description="A date in the learner's time zone, YYYY-MM-DD")
    reviews: int


class StabilityBinOut(BaseModel):
    from_days: float
    to_days: float = Field(description="0 for the last, open bin")
    cards: int


class CalibrationBinOut(BaseModel):
    low: float = Field(description="Predicted recall from here...")
    high: float = Field(description="...up to here")
    reviews: int
    predicted: float = Field(description="The mean recall FSRS predicted for these reviews")
    actual: float = Field(description='The share of them actually recalled (not "again")')


class ReviewStatsOut(BaseModel):
    due_today: int
    due_tomorrow: int
    due_this_week: int
    reviews_per_day: list[DayCountOut] = Field(description="The last 30 days, oldest first")
    mature_reviews: int = Field(description="Reviews of cards remembered for 21 days or more")
    true_retention: float | None = Field(
        default=None, description="The share of mature reviews not forgotten; null until there is one"
    )
    desired_retention: float
    stability: list[StabilityBinOut] = Field(description="How many cards FSRS expects to be remembered for how long")
    calibration: list[CalibrationBinOut] = Field(description="Predicted against actual recall, in tenths of prediction")


class ImportProblemOut(BaseModel):
    line: int
    reason: str


class ImportReportOut(BaseModel):
    added: int = Field(description="New cards")
    merged: int = Field(description="Lines whose word was already a card: it gained this import as a source")
    problems: list[ImportProblemOut] = Field(description="Lines that made no card, and why")


class PreflightOut(BaseModel):
    """A short review session of a scenario's words, before playing it."""

    scenario_id: str
    language: str
    words: int = Field(description="The scenario's words in this language")
    session: SessionOut = Field(description="Review it with GET /review/sessions/{id}/next")


class DeadlineIn(_In):
    on: date = Field(description="The date (in your time zone) by which you want to know these cards")
    target: float | None = Field(default=None, ge=0.80, le=0.99, description="The recall wanted on that date; 0.90 by default")


class DeadlineOut(BaseModel):
    language: str
    on: str = Field(description="YYYY-MM-DD, in your time zone")
    target: float
    ends_at: datetime = Field(description="The end of that date in your time zone (UTC)")


class DeadlinesOut(BaseModel):
    deadlines: list[DeadlineOut] = Field(description="Those still ahead, soonest first")


class DeadlineSetOut(BaseModel):
    deadline: DeadlineOut
    cards_brought_forward: int = Field(description="Review cards now due earlier, so that they are seen in time")


class OptimizeOut(BaseModel):
    parameters: list[float] = Field(description="Your 21 FSRS-6 parameters, used for your cards from now on")
    log_loss_before: float = Field(description="How well the default parameters predicted your recall (lower is better)")
    log_loss_after: float = Field(description="How well yours do, on the same reviews")
    reviews_used: int = Field(description="Reviews made on a day after the card's previous one, which the fit learns from")
