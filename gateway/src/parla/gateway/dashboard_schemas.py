"""Bodies of the dashboard API."""

from __future__ import annotations

from pydantic import BaseModel, Field


class DayOut(BaseModel):
    day: str = Field(description="YYYY-MM-DD (UTC)")
    minutes: int = 0
    scenarios: int = 0
    documents: int = 0
    reviews: int = 0
    xp: int = Field(default=0, description="XP granted for runs completed that day")


class SkillDayOut(BaseModel):
    day: str = Field(description="YYYY-MM-DD (UTC)")
    mean: float = Field(default=0.0, description="The mean of the skill's signals that day, 0-100")
    samples: int = 0


class SkillOut(BaseModel):
    skill: str
    level: float | None = Field(default=None, description="0-100, the last 30 days' mean; null: no data yet")
    trend: float | None = Field(default=None, description="The last 7 days against the 23 before; null when either has no data")
    samples: int = 0
    days: list[SkillDayOut] = Field(default_factory=list, description="The skill over the period: each day with a signal")


class CalibrationBinOut(BaseModel):
    bin: int = Field(description="Predicted recall from bin/10 to (bin+1)/10")
    reviews: int = 0
    predicted: float = 0.0
    actual: float = 0.0


class RetentionOut(BaseModel):
    reviews: int = Field(default=0, description="Reviews of learned cards in the period")
    true_retention: float | None = Field(default=None, description="The share of them recalled; null with none")
    calibration: list[CalibrationBinOut] = Field(default_factory=list, description="All time, predicted against actual recall")


class WeakSpotOut(BaseModel):
    key: str = Field(description="A key word's lemma, or the point a mistake was corrected on")
    language: str
    times: int


class WeakCategoryOut(BaseModel):
    category: str
    mean_score: float = Field(default=0.0, description="Mean latest score of its scenarios you finished (under 70)")
    scenarios: int = 0


class EffectOut(BaseModel):
    kind: str = Field(description="scenario | content")
    subject_id: str
    title: str = Field(default="", description="A scenario's title; empty for a document")
    skill: str = Field(description="The skill it feeds: conversation (score) or comprehension (progress)")
    sessions: int = 0
    first: float = 0.0
    latest: float = 0.0
    gain: float = Field(default=0.0, description="latest - first")


class DashboardOut(BaseModel):
    days: list[DayOut] = Field(default_factory=list, description="Days with activity in the period, oldest first")
    skills: list[SkillOut] = Field(default_factory=list, description="The eight skills, in a fixed order")
    retention: RetentionOut = Field(default_factory=RetentionOut)
    missed_words: list[WeakSpotOut] = Field(default_factory=list, description="Key words you did not use, most often first")
    grammar_points: list[WeakSpotOut] = Field(default_factory=list, description="Points you were corrected on, most often first")
    weak_categories: list[WeakCategoryOut] = Field(default_factory=list, description="Categories that went worst, lowest first")
    effective: list[EffectOut] = Field(
        default_factory=list, description="Scenarios and documents you came back to that moved your skills most (90 days)"
    )
