"""Bodies of the collections API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from parla.gateway.item_schemas import ItemRefIn, ItemSummaryOut
from parla.gateway.schemas import PlainText, Text

Visibility = Literal["public", "private"]
Category = Literal[
    "travel", "restaurant", "shopping", "business", "healthcare", "social", "emergency", "education", "daily_life", "hobbies"
]
Difficulty = Literal["beginner", "intermediate", "advanced"]
Name = Annotated[PlainText, Field(min_length=3, max_length=255, description="3 to 255 characters")]
Description = Annotated[Text, Field(max_length=2000, description="At most 2,000 characters")]
MAX_ITEMS = 200


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CollectionIn(_In):
    name: Name
    description: Description = ""
    visibility: Visibility = "private"
    learning_path: bool = Field(default=False, description="An ordered path with a next item for each learner")
    category: Category | None = None
    difficulty: Difficulty | None = None
    items: list[ItemRefIn] = Field(default_factory=list, max_length=MAX_ITEMS, description="Items to start with, in order")


class CollectionChangeIn(_In):
    """Only the fields sent change; send null for category or difficulty to clear it."""

    name: Name | None = None
    description: Description | None = None
    visibility: Visibility | None = None
    learning_path: bool | None = None
    category: Category | None = None
    difficulty: Difficulty | None = None


class NewItemIn(ItemRefIn):
    position: int | None = Field(default=None, ge=0, le=MAX_ITEMS, description="0-based; the end when left out")


class ItemOrderIn(_In):
    items: list[ItemRefIn] = Field(max_length=MAX_ITEMS, description="Every item of the collection, once each, in the new order")


class DuplicateIn(_In):
    name: Name | None = Field(default=None, description="The copy's name; the original's with \" (copy)\" when left out")


def _none_if_empty(value: object) -> object:
    return value or None


class CollectionItemOut(BaseModel):
    item: ItemSummaryOut
    position: int = Field(description="0-based, with no gaps")
    added_at: datetime | None = None
    done: bool = Field(default=False, description="For a learning path: you finished it")


class CollectionOut(BaseModel):
    id: uuid.UUID
    owner_id: uuid.UUID
    name: str
    description: str
    visibility: Visibility
    learning_path: bool
    category: str = Field(description="A scenario category, or empty")
    difficulty: str = Field(description="beginner, intermediate or advanced, or empty")
    item_count: int
    total_minutes: int = Field(description="The items' estimated minutes, removed ones left out")
    subscriber_count: int
    subscribed: bool = Field(description="You subscribed to it")
    owned: bool = Field(description="It is yours")
    tags: list[str] = Field(default_factory=list, description="The owner's tags on it")
    items: list[CollectionItemOut] = Field(default_factory=list, description="In order; empty in lists of collections")
    next_up: CollectionItemOut | None = Field(
        default=None, description="For a learning path: your next item; null when all are done"
    )
    copied_from: Annotated[uuid.UUID | None, BeforeValidator(_none_if_empty)] = Field(
        default=None, description="The collection it was duplicated from"
    )
    created_at: datetime
    updated_at: datetime


class CollectionPageOut(BaseModel):
    collections: list[CollectionOut]
    has_more: bool = Field(description="Another page follows this one")
