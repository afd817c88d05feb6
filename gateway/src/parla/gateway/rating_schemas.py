"""Bodies of the ratings API (``/api/v1/scenarios/{scenario_id}/ratings``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from parla.gateway.schemas import PlainText

Stars = Annotated[int, Field(ge=1, le=5, description="1 to 5 stars")]
ReviewSort = Literal["helpful", "recent"]
MAX_REVIEW = 2_000


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class DimensionsIn(_In):
    """Every dimension is required, 1 to 5 stars."""

    difficulty_accuracy: Stars = Field(description="Was the scenario as hard as its level says?")
    engagement: Stars = Field(description="Was it engaging?")
    learning_effectiveness: Stars = Field(description="Did you learn from it?")
    cultural_authenticity: Stars = Field(description="Does it feel true to the culture?")


class RatingIn(_In):
    overall: Stars
    dimensions: DimensionsIn
    review: Annotated[PlainText, Field(max_length=MAX_REVIEW)] = Field(
        default="", description="Optional plain text, at most 2,000 characters; empty or left out for none"
    )


class DimensionsOut(BaseModel):
    difficulty_accuracy: int
    engagement: int
    learning_effectiveness: int
    cultural_authenticity: int


class RatingOut(BaseModel):
    """A rating and its review. Whose it is shows only as ``mine``: reviews are anonymous."""

    id: uuid.UUID = Field(description="The rating's id (what helpful votes name)")
    scenario_id: str
    overall: int
    dimensions: DimensionsOut
    review: str = Field(default="", description="Empty when the rating has no review")
    helpful_count: int = Field(default=0, description="How many learners found the review helpful")
    voted_helpful: bool = Field(default=False, description="Whether you voted it helpful")
    mine: bool = Field(default=False, description="Whether it is your own rating")
    created_at: datetime
    updated_at: datetime = Field(description="When it was last rated or changed")


class ReviewPageOut(BaseModel):
    reviews: list[RatingOut]
    has_more: bool = Field(default=False, description="Whether another page follows")


class DimensionMeansOut(BaseModel):
    difficulty_accuracy: float = 0.0
    engagement: float = 0.0
    learning_effectiveness: float = 0.0
    cultural_authenticity: float = 0.0


class RatingSummaryOut(BaseModel):
    scenario_id: str
    count: int = Field(description="How many learners rated it")
    mean: float = Field(description="The mean overall rating; 0 when nobody rated it")
    distribution: list[int] = Field(description="How many ratings gave 1, 2, 3, 4 and 5 stars (five numbers)")
    dimensions: DimensionMeansOut = Field(
        default_factory=DimensionMeansOut, description="The mean of each dimension; 0 when nobody rated it"
    )
    review_count: int = Field(description="How many ratings have a review")
