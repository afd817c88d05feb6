"""Bodies of the bookmarks API (``/api/v1/bookmarks``)."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from parla.gateway.item_schemas import ItemKind, ItemRefOut, ItemSummaryOut
from parla.gateway.schemas import PlainText, Text

MAX_CHECKED = 100
NO_FOLDER = "none"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _one_line(text: str) -> str:
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise ValueError("must be on one line, without control characters")
    return text


def _document_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError("a document's id is a UUID") from None


def _folder_filter(value: str) -> str:
    if value == NO_FOLDER:
        return value
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(f'must be a folder\'s id, or "{NO_FOLDER}" for bookmarks in no folder') from None


def _empty_is_none(value: object) -> object:
    # The service sends an empty folder id for "in no folder".
    return value or None


ItemId = Annotated[Text, Field(min_length=1, max_length=100)]
Note = Annotated[PlainText, Field(max_length=1000, description="Plain text, at most 1,000 characters")]
FolderName = Annotated[PlainText, Field(min_length=1, max_length=100), AfterValidator(_one_line)]
FolderFilter = Annotated[Text, AfterValidator(_folder_filter)]


def document_id_or_error(kind: str, item_id: str) -> str:
    """The id as the service keeps it (a document's as a lower-case UUID); ValueError otherwise."""
    return _document_id(item_id) if kind == "document" else item_id


class BookmarkOut(BaseModel):
    item: ItemSummaryOut
    folder_id: Annotated[uuid.UUID | None, BeforeValidator(_empty_is_none)] = Field(
        default=None, description="The folder it is in; null when in none"
    )
    note: str = ""
    created_at: datetime = Field(description="When it was bookmarked (UTC)")


class ToggleIn(_In):
    kind: ItemKind = Field(description="What is bookmarked: a scenario or one of your documents")
    id: ItemId = Field(description="The scenario's or document's id")
    folder_id: uuid.UUID | None = Field(default=None, description="A folder of yours to put a new bookmark in")
    note: Note = ""

    @field_validator("id")
    @classmethod
    def _id_of_kind(cls, value: str, info: ValidationInfo) -> str:
        return document_id_or_error(info.data.get("kind", ""), value)


class ToggleOut(BaseModel):
    bookmarked: bool = Field(description="Whether the item is bookmarked now")
    bookmark: BookmarkOut | None = Field(default=None, description="The new bookmark; null once removed")


class BookmarkPatchIn(_In):
    """Only the fields sent change."""

    folder_id: uuid.UUID | None = Field(default=None, description="A folder of yours; null takes it out of any folder")
    note: Note | None = Field(default=None, description="The new note; null or empty clears it")

    @model_validator(mode="after")
    def _something_to_change(self) -> BookmarkPatchIn:
        if not self.model_fields_set:
            raise ValueError("send folder_id and/or note: nothing to change")
        return self

    def fields(self) -> list[str]:
        return sorted(self.model_fields_set)


class BookmarkPageOut(BaseModel):
    bookmarks: list[BookmarkOut] = Field(default_factory=list, description="Newest first")
    has_more: bool = False


class CheckOut(BaseModel):
    bookmarked: list[ItemRefOut] = Field(default_factory=list, description="The bookmarked ones among those asked about")


class FolderIn(_In):
    name: FolderName = Field(description="1 to 100 characters of plain text; unique among your folders whatever the case")


class FolderOut(BaseModel):
    id: uuid.UUID
    name: str
    bookmark_count: int = 0


class FoldersOut(BaseModel):
    folders: list[FolderOut] = Field(default_factory=list, description="By name")
