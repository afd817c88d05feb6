"""Rules of collections and learning paths, without I/O."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from parla.chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied, one_of
from parla.organization.catalogue.domain import ItemRef

VISIBILITIES = ("public", "private")
CATEGORIES = (
    "travel",
    "restaurant",
    "shopping",
    "business",
    "healthcare",
    "social",
    "emergency",
    "education",
    "daily_life",
    "hobbies",
)
DIFFICULTIES = ("beginner", "intermediate", "advanced")
NAME_LENGTH = (3, 255)
MAX_DESCRIPTION = 2_000
MAX_ITEMS = 200
MAX_COLLECTIONS_PER_LEARNER = 500
SORTS = ("popular", "recent")
MAX_QUERY = 200


def _text(value: str, field: str, *, max_length: int, min_length: int = 0, lines: bool = False) -> str:
    value = value.strip()
    allowed = "\n\t" if lines else ""
    if any(not (c.isprintable() or c in allowed) for c in value):
        raise InvalidArgument(f"{field} must be plain text", details={field: "not plain text"})
    if not min_length <= len(value) <= max_length:
        raise InvalidArgument(
            f"{field} must be {min_length}-{max_length} characters", details={field: f"{min_length}-{max_length} characters"}
        )
    return value


def name(value: str) -> str:
    low, high = NAME_LENGTH
    return _text(value, "name", min_length=low, max_length=high)


def description(value: str) -> str:
    return _text(value, "description", max_length=MAX_DESCRIPTION, lines=True)


def visibility(value: str) -> str:
    return one_of(value or "private", VISIBILITIES, "visibility")


def category(value: str) -> str:
    return one_of(value, CATEGORIES, "category") if value else ""


def difficulty(value: str) -> str:
    return one_of(value, DIFFICULTIES, "difficulty") if value else ""


EDITABLE = {"name": name, "description": description, "visibility": visibility, "category": category, "difficulty": difficulty}


def changes(fields: Sequence[str], values: dict[str, Any]) -> dict[str, Any]:
    """The checked values of the fields a change names (``learning_path`` is a flag, kept as sent)."""
    unknown = sorted(set(fields) - set(EDITABLE) - {"learning_path"})
    if unknown:
        allowed = ", ".join([*EDITABLE, "learning_path"])
        raise InvalidArgument(f"cannot change {', '.join(unknown)}; fields are {allowed}", details={"fields": "unknown field"})
    return {f: (EDITABLE[f](values[f]) if f in EDITABLE else bool(values[f])) for f in dict.fromkeys(fields)}


def can_see(collection: Any, user_id: uuid.UUID) -> bool:
    return collection is not None and (collection.visibility == "public" or collection.owner_id == user_id)


def seen(collection: Any, user_id: uuid.UUID, collection_id: str) -> Any:
    """The collection if the learner may see it; a private one of someone else does not exist for them."""
    if not can_see(collection, user_id):
        raise NotFound(f"no collection {collection_id}")
    return collection


def owned(collection: Any, user_id: uuid.UUID, collection_id: str) -> Any:
    """The collection if the learner owns it: only owners change a collection."""
    seen(collection, user_id, collection_id)
    if collection.owner_id != user_id:
        raise PermissionDenied("only the collection's owner can change it; duplicate it to make your own copy")
    return collection


def with_item(current: Sequence[ItemRef], ref: ItemRef, position: int | None) -> list[ItemRef]:
    """The items with ``ref`` inserted at ``position`` (the end when unset or past it)."""
    if ref in current:
        raise Conflict(f"the {ref.kind} is already in this collection", details={"item": "already in the collection"})
    if len(current) >= MAX_ITEMS:
        raise Conflict(f"a collection holds at most {MAX_ITEMS} items; remove one or start another collection")
    if position is not None and position < 0:
        raise InvalidArgument("position must not be negative", details={"position": "0 or more"})
    at = len(current) if position is None else min(position, len(current))
    return [*current[:at], ref, *current[at:]]


def without_item(current: Sequence[ItemRef], ref: ItemRef) -> list[ItemRef]:
    if ref not in current:
        raise NotFound(f"the {ref.kind} {ref.id} is not in this collection")
    return [item for item in current if item != ref]


def reordered(current: Sequence[ItemRef], wanted: Sequence[ItemRef]) -> list[ItemRef]:
    """``wanted`` if it is exactly the current items in another order. A list that is not (an item
    added or removed meanwhile, one twice) is a conflict: the learner reloads and orders again."""
    if len(wanted) != len(set(wanted)):
        raise Conflict("an item is listed twice; send each of the collection's items once", details={"items": "duplicate item"})
    if set(wanted) != set(current):
        raise Conflict(
            "the list does not match the collection's items (it changed meanwhile); reload it and send the new order",
            details={"items": "not the current items"},
        )
    return list(wanted)


class Entry(Protocol):
    """An item of a collection as one learner sees it."""

    visible: bool
    done: bool


E = TypeVar("E", bound=Entry)


def next_up(entries: Sequence[E]) -> E | None:
    """A learning path's next item for a learner: the first they can see and have not finished."""
    return next((e for e in entries if e.visible and not e.done), None)


def copy_name(original: str, requested: str) -> str:
    return name(requested) if requested.strip() else name(f"{original[: NAME_LENGTH[1] - 7]} (copy)")


def query_words(query: str, fold) -> list[str]:
    if len(query) > MAX_QUERY:
        raise InvalidArgument(f"the search is at most {MAX_QUERY} characters", details={"query": "too long"})
    return fold(query).split()[:10]
