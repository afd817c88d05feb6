"""Events of the organization service: ratings, bookmarks, collections."""

from __future__ import annotations

import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from parla.contracts.event_base import Event


class RatingDimensions(BaseModel):
    """The four dimensions of a rating, each 1-5."""

    model_config = ConfigDict(frozen=True)

    difficulty_accuracy: int = Field(ge=1, le=5)
    engagement: int = Field(ge=1, le=5)
    learning_effectiveness: int = Field(ge=1, le=5)
    cultural_authenticity: int = Field(ge=1, le=5)


class RatingSubmitted(Event):
    """A learner rated a scenario, or changed their rating (``previous_overall`` is then set)."""

    event_type: ClassVar[str] = "rating.submitted"
    rating_id: uuid.UUID
    user_id: uuid.UUID
    scenario_id: str
    overall: int = Field(ge=1, le=5)
    dimensions: RatingDimensions
    has_review: bool = False
    previous_overall: int | None = Field(default=None, ge=1, le=5)

    def partition_key(self) -> str:
        return str(self.user_id)


class RatingDeleted(Event):
    """A learner took back their rating of a scenario; ``overall`` is what it was."""

    event_type: ClassVar[str] = "rating.deleted"
    rating_id: uuid.UUID
    user_id: uuid.UUID
    scenario_id: str
    overall: int = Field(ge=1, le=5)

    def partition_key(self) -> str:
        return str(self.user_id)


class BookmarkChanged(Event):
    user_id: uuid.UUID
    item_kind: str = Field(description="scenario | document")
    item_id: str

    def partition_key(self) -> str:
        return str(self.user_id)


class BookmarkAdded(BookmarkChanged):
    event_type: ClassVar[str] = "bookmark.added"


class BookmarkRemoved(BookmarkChanged):
    event_type: ClassVar[str] = "bookmark.removed"


class CollectionChanged(Event):
    """A collection was created, changed (its fields or its items) or deleted."""

    event_type: ClassVar[str] = "collection.changed"
    collection_id: uuid.UUID
    owner_id: uuid.UUID
    change: str = Field(description="created | updated | items | deleted")
    visibility: str = Field(description="public | private")
    learning_path: bool = False
    category: str = ""
    difficulty: str = ""
    item_count: int = Field(ge=0)
    copied_from: uuid.UUID | None = None

    def partition_key(self) -> str:
        return str(self.collection_id)


class CollectionSubscribed(Event):
    """A learner subscribed to a public collection (``subscribed``), or unsubscribed."""

    event_type: ClassVar[str] = "collection.subscribed"
    collection_id: uuid.UUID
    owner_id: uuid.UUID
    user_id: uuid.UUID
    subscribed: bool = True

    def partition_key(self) -> str:
        return str(self.collection_id)
