"""Rules of tags, without I/O: what a tag is, what can carry one, and how many."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence

from parla.chassis.errors import InvalidArgument
from parla.organization.catalogue.domain import ItemRef, item_ref

KINDS = ("scenario", "document", "collection")
TAG_LENGTH = (2, 50)
MAX_TAGS_PER_REQUEST = 20
MAX_TAGS_PER_ITEM = 50
MAX_TAGS_PER_LEARNER = 5_000
# Besides letters, marks and digits of any script.
SEPARATORS = " -_"
_SPACES = re.compile(r"\s+")


def fold_spaces(value: str) -> str:
    """NFC, lower case (case folding: "Straße" is "strasse"), surrounding space stripped and
    inner runs of white space made one space: how a tag is stored and compared."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _wrong_character(value: str) -> str | None:
    for character in value:
        category = unicodedata.category(character)
        if character not in SEPARATORS and category[0] not in "LM" and category != "Nd":
            return character
    return None


def is_tag(value: str) -> bool:
    """Whether ``value``, already normalised, is a tag as a learner could write it."""
    low, high = TAG_LENGTH
    return low <= len(value) <= high and value == fold_spaces(value) and _wrong_character(value) is None


def normal_tag(value: str, *, field: str = "tag") -> str:
    """The tag as stored; INVALID_ARGUMENT naming ``field`` and what is wrong otherwise."""
    tag = fold_spaces(value)
    low, high = TAG_LENGTH
    if not low <= len(tag) <= high:
        raise InvalidArgument(
            f"a tag is {low}-{high} characters; {value[:60]!r} has {len(tag)}", details={field: f"{low}-{high} characters"}
        )
    wrong = _wrong_character(tag)
    if wrong is not None:
        raise InvalidArgument(
            f"a tag has only letters, digits, spaces, '-' and '_'; {value[:60]!r} has {wrong!r}",
            details={field: f"character {wrong!r} not allowed"},
        )
    return tag


def normal_tags(values: Sequence[str], *, field: str = "tags") -> list[str]:
    """1 to MAX_TAGS_PER_REQUEST tags, normalised, each once, in the order sent."""
    if not values:
        raise InvalidArgument("send at least one tag", details={field: "empty"})
    if len(values) > MAX_TAGS_PER_REQUEST:
        raise InvalidArgument(
            f"at most {MAX_TAGS_PER_REQUEST} tags at once; send the rest in another request",
            details={field: f"at most {MAX_TAGS_PER_REQUEST}"},
        )
    return list(dict.fromkeys(normal_tag(value, field=field) for value in values))


def normal_prefix(value: str, *, field: str = "prefix") -> str:
    """A tag's beginning, normalised as a tag is; empty for none. A trailing space is kept as
    one space: it means "the next word starts here"."""
    prefix = _SPACES.sub(" ", unicodedata.normalize("NFC", value).casefold().lstrip())
    if len(prefix) > TAG_LENGTH[1]:
        raise InvalidArgument(
            f"a prefix is at most {TAG_LENGTH[1]} characters", details={field: f"at most {TAG_LENGTH[1]} characters"}
        )
    wrong = _wrong_character(prefix)
    if wrong is not None:
        raise InvalidArgument(
            f"tags have only letters, digits, spaces, '-' and '_'; the prefix has {wrong!r}",
            details={field: f"character {wrong!r} not allowed"},
        )
    return prefix


def tagged_ref(kind: str, item_id: str, *, field: str = "item") -> ItemRef:
    """A scenario, a document or a collection; INVALID_ARGUMENT naming ``field`` otherwise."""
    ref = item_ref(kind, item_id, field=field, kinds=KINDS)
    if kind == "collection":
        try:
            return ItemRef(kind, str(uuid.UUID(ref.id)))
        except ValueError:
            raise InvalidArgument(
                f"{field}.id must be a collection's id (a UUID)", details={f"{field}.id": "not a UUID"}
            ) from None
    return ref


def kind_filter(kind: str) -> str | None:
    if not kind:
        return None
    if kind not in KINDS:
        raise InvalidArgument(
            f"kind must be one of {', '.join(KINDS)}, or empty for all", details={"kind": f"one of {', '.join(KINDS)}"}
        )
    return kind
