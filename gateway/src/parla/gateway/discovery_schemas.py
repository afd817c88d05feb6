"""Bodies of the discovery API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

ReasonCode = Literal["unfinished", "missed_words", "struggled_category", "liked_category", "popular"]


class DiscoveredOut(BaseModel):
    scenario_id: str
    title: str = Field(description="In the language asked for, or the scenario's first")
    category: str
    difficulty: str
    score: float = Field(
        description="Trending: engagement now, each event halving every half-life; popular: its score; top rated: the mean rating"
    )
    ratings: int = 0
    mean_rating: float = 0.0
    completions: int = 0
    bookmarks: int = 0


class RecommendedOut(BaseModel):
    scenario: DiscoveredOut
    reason: str = Field(description='Why, in one line of English: "because you struggled with restaurant scenarios"')
    reason_code: Annotated[ReasonCode | None, BeforeValidator(lambda code: code or None)] = Field(
        default=None, description="Why, for a client to say in its interface language (the sentence's code)"
    )
    reason_params: dict[str, str] = Field(
        default_factory=dict,
        description='The code\'s parameters: "words" (missed_words: up to three, comma-separated); "category" (the '
        'category id) and "category_name" (struggled_category, liked_category)',
    )


class RecommendationsOut(BaseModel):
    recommended: list[RecommendedOut] = Field(default_factory=list)


class DiscoveryPageOut(BaseModel):
    scenarios: list[DiscoveredOut]
    has_more: bool = False


class CategoryListOut(BaseModel):
    category: str
    scenarios: list[DiscoveredOut]


class HubOut(BaseModel):
    language: str = Field(default="", description="The language the lists are for")
    trending: list[DiscoveredOut] = Field(default_factory=list)
    popular: list[DiscoveredOut] = Field(default_factory=list)
    top_rated: list[DiscoveredOut] = Field(default_factory=list)
    categories: list[CategoryListOut] = Field(
        default_factory=list, description="Trending per category; categories with none are left out"
    )
    recommended: list[RecommendedOut] = Field(default_factory=list, description="For you, each with its reason")
