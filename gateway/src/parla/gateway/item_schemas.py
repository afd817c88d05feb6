"""What the organization API's resources share: a reference to a scenario or a document, and
the item as the organization service shows it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ItemKind = Literal["scenario", "document"]
# A scenario's slug or a document's UUID: printable, no slashes (ids appear in paths).
ItemId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\s/\x00]+$")]


class ItemRefIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: ItemKind = Field(description="scenario or document")
    id: ItemId = Field(description="The scenario's id (its slug) or the document's id")


class ItemRefOut(BaseModel):
    kind: str
    id: str


class ItemSummaryOut(BaseModel):
    ref: ItemRefOut
    titles: dict[str, str] = Field(default_factory=dict, description="Title per language; empty when removed")
    category: str = ""
    difficulty: str = Field(default="", description="A scenario's difficulty, or a document's estimated CEFR level")
    languages: list[str] = Field(default_factory=list)
    estimated_minutes: int = 0
    removed: bool = Field(
        default=False, description="Deleted, or no longer visible to you: kept where it was organised, shown as removed"
    )
