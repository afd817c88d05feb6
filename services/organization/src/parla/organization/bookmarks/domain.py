"""Bookmarks and their folders: the rules, without I/O.

Everything here is one learner's alone. A folder's name is unique per learner whatever its case
("Travel" and "travel" are one name), so names are compared by ``name_key``.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable

from parla.chassis.errors import Conflict, InvalidArgument, NotFound

MAX_FOLDER_NAME = 100
MAX_FOLDERS = 100
MAX_NOTE = 1000
MAX_BOOKMARKS = 10_000
# How many items one "is this bookmarked?" may ask about: a page of a listing.
MAX_CHECKED = 100
# The filter of a listing that means "in no folder".
NO_FOLDER = "none"
# What ``UpdateBookmark`` may change, by the names its ``fields`` uses.
UPDATABLE = ("folder_id", "note")

# Line breaks and tabs are text in a note; other control characters are not.
_NOTE_CONTROLS_ALLOWED = frozenset("\n\r\t")


def _has_markup(text: str) -> bool:
    return "<" in text or ">" in text


def _has_controls(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def folder_name(name: str) -> str:
    """A folder's name as stored: NFC, without surrounding spaces; INVALID_ARGUMENT naming
    ``name`` unless it is 1-100 characters of plain text on one line."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name or len(name) > MAX_FOLDER_NAME:
        raise InvalidArgument(
            f"a folder's name must be 1 to {MAX_FOLDER_NAME} characters", details={"name": f"1 to {MAX_FOLDER_NAME} characters"}
        )
    if _has_markup(name) or _has_controls(name):
        raise InvalidArgument(
            "a folder's name must be plain text on one line: remove < > and control characters",
            details={"name": "not plain text"},
        )
    return name


def name_key(name: str) -> str:
    """What two names that differ only in case share."""
    return unicodedata.normalize("NFC", name).casefold()


def check_name_free(name: str, taken: Iterable[str]) -> None:
    """CONFLICT when the learner already has a folder of this name, in any case."""
    key = name_key(name)
    same = next((other for other in taken if name_key(other) == key), None)
    if same is not None:
        raise Conflict(f"you already have a folder named {same!r}; choose another name or use that folder")


def check_room_for_folder(count: int) -> None:
    if count >= MAX_FOLDERS:
        raise Conflict(f"you have {MAX_FOLDERS} folders, the most there may be; delete one you no longer use first")


def check_room_for_bookmark(count: int) -> None:
    if count >= MAX_BOOKMARKS:
        raise Conflict(f"you have {MAX_BOOKMARKS:,} bookmarks, the most there may be; remove some you no longer need first")


def note_text(note: str) -> str:
    """A bookmark's note as stored, without surrounding spaces; INVALID_ARGUMENT naming ``note``
    unless it is plain text of at most 1,000 characters."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InvalidArgument(
            f"a note must be at most {MAX_NOTE:,} characters", details={"note": f"at most {MAX_NOTE} characters"}
        )
    if _has_markup(note) or _has_controls(note, _NOTE_CONTROLS_ALLOWED):
        raise InvalidArgument("a note must be plain text: remove < > and control characters", details={"note": "not plain text"})
    return note


def folder_id(value: str, *, field: str = "folder_id") -> uuid.UUID | None:
    """A folder's id as sent (empty: no folder); INVALID_ARGUMENT naming ``field`` otherwise."""
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidArgument(f"{field} must be a folder's id (a UUID)", details={field: "not a UUID"}) from None


def folder_not_found(folder: uuid.UUID) -> NotFound:
    # Another learner's folder is not found either: whether it exists is theirs to know.
    return NotFound(f"you have no folder {folder}; list your folders to find its id")


def check_fields(fields: Iterable[str]) -> frozenset[str]:
    """The fields an update changes: at least one, each one of ``UPDATABLE``."""
    chosen = frozenset(fields)
    unknown = sorted(chosen - set(UPDATABLE))
    if unknown:
        raise InvalidArgument(
            f"unknown field {unknown[0]!r} to update; use {' or '.join(UPDATABLE)}", details={"fields": "unknown field"}
        )
    if not chosen:
        raise InvalidArgument(f"say what to change: send {' and/or '.join(UPDATABLE)}", details={"fields": "nothing to change"})
    return chosen
