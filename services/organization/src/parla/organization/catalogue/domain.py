"""What can be organised and who can see it: rules without I/O, shared by every feature."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from parla.chassis.errors import InvalidArgument

KINDS = ("scenario", "document")
MAX_ITEM_ID = 100


@dataclass(frozen=True, order=True)
class ItemRef:
    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.kind} {self.id}"


def item_ref(kind: str, item_id: str, *, field: str = "item", kinds: tuple[str, ...] = KINDS) -> ItemRef:
    """A reference to a scenario or a document; INVALID_ARGUMENT naming ``field`` otherwise."""
    if kind not in kinds:
        raise InvalidArgument(
            f"{field}.kind must be one of {', '.join(kinds)}", details={f"{field}.kind": f"one of {', '.join(kinds)}"}
        )
    if not item_id or len(item_id) > MAX_ITEM_ID or not item_id.isprintable():
        raise InvalidArgument(f"{field}.id must be 1-{MAX_ITEM_ID} printable characters", details={f"{field}.id": "not an id"})
    if kind == "document":
        try:
            item_id = str(uuid.UUID(item_id))
        except ValueError:
            raise InvalidArgument(f"{field}.id must be a document's id (a UUID)", details={f"{field}.id": "not a UUID"}) from None
    return ItemRef(kind, item_id)


class Item(Protocol):
    owner_id: Any
    visibility: str
    deleted: bool


def visible_to(item: Item | None, user_id: uuid.UUID) -> bool:
    """Whether a learner may see an item: a public one, or their own, unless it was deleted."""
    if item is None or item.deleted:
        return False
    return item.visibility == "public" or item.owner_id == user_id


# A document is read at about this many words a minute, for a collection's total time.
READING_WORDS_PER_MINUTE = 150


def reading_minutes(word_count: int) -> int:
    return max(1, round(word_count / READING_WORDS_PER_MINUTE)) if word_count else 0
