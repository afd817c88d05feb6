"""Bodies of the tags API (``/api/v1/tags``)."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from parla.gateway.item_schemas import ItemSummaryOut
from parla.gateway.schemas import Text

TaggedKind = Literal["scenario", "document", "collection"]
TAG_LENGTH = (2, 50)
MAX_TAGS = 20
_SPACES = re.compile(r"\s+")


def _wrong_character(value: str) -> str | None:
    """The first character a tag may not have: tags are letters, marks and digits of any
    script, spaces, '-' and '_' (as the organization service checks them too)."""
    for character in value:
        category = unicodedata.category(character)
        if character not in " -_" and category[0] not in "LM" and category != "Nd":
            return character
    return None


def _tag(value: str) -> str:
    tag = " ".join(unicodedata.normalize("NFC", value).casefold().split())
    low, high = TAG_LENGTH
    if not low <= len(tag) <= high:
        raise ValueError(f"a tag is {low}-{high} characters (after trimming spaces); this one has {len(tag)}")
    wrong = _wrong_character(tag)
    if wrong is not None:
        raise ValueError(f"a tag has only letters, digits, spaces, '-' and '_'; remove {wrong!r}")
    return tag


def _prefix(value: str) -> str:
    prefix = _SPACES.sub(" ", unicodedata.normalize("NFC", value).casefold().lstrip())
    wrong = _wrong_character(prefix)
    if wrong is not None:
        raise ValueError(f"tags have only letters, digits, spaces, '-' and '_'; remove {wrong!r}")
    return prefix


# A tag as sent: normalised here as the service stores it (NFC, lower case, one space between
# words), so "  Comida  Rápida" is "comida rápida".
Tag = Annotated[Text, Field(max_length=200), AfterValidator(_tag)]
TagPrefix = Annotated[Text, Field(max_length=50), AfterValidator(_prefix)]


class TagsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tags: list[Tag] = Field(
        min_length=1, max_length=MAX_TAGS, description="1 to 20 tags of 2-50 characters: letters, digits, spaces, '-' and '_'"
    )


class TaggedRefOut(BaseModel):
    kind: str = Field(description="scenario, document or collection")
    id: str


class GeneratedTagOut(BaseModel):
    tag: str
    language: str = Field(description='The scenario language it was found in; "" for a public collection\'s owner tag')


class ItemTagsOut(BaseModel):
    item: TaggedRefOut
    mine: list[str] = Field(description="Your tags on the item, alphabetically")
    generated: list[GeneratedTagOut] = Field(
        description="A scenario's keywords (per language, best first); for someone else's public collection, its owner's tags"
    )


class TagCountOut(BaseModel):
    tag: str
    count: int = Field(description="Your items with the tag; for popular tags, the public scenarios with it")


class TagCountsOut(BaseModel):
    tags: list[TagCountOut] = Field(description="Most used first")


class TaggedItemOut(BaseModel):
    ref: TaggedRefOut
    item: ItemSummaryOut | None = Field(default=None, description="For a scenario or a document")
    collection_name: str = Field(default="", description="For a collection you can see")
    mine: bool = Field(description="You tagged it; false when only a scenario's generated tag matched")
    removed: bool = Field(default=False, description="You tagged it but it was deleted or is no longer visible to you")


class TaggedPageOut(BaseModel):
    items: list[TaggedItemOut] = Field(description="Your items first, then public scenarios whose keywords match")
    has_more: bool
