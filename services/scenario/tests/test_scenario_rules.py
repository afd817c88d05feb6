"""Rules about scenarios as a whole: who may open one, and the language it opens in (no I/O)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from parla.chassis.auth import Principal
from parla.scenario.domain.scenario import can_open, default_language


@dataclass
class Stored:
    owner_id: uuid.UUID | None
    visibility: str
    deleted_at: datetime | None = None


AUTHOR = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))
OTHER = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))
ADMIN = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner", "admin"}))
SERVICE = Principal(subject="service:analytics", roles=frozenset())


@pytest.mark.parametrize(
    ("caller", "visibility", "deleted", "allowed"),
    [
        (OTHER, "public", False, True),
        (SERVICE, "public", False, True),
        (AUTHOR, "private", False, True),
        (ADMIN, "private", False, True),
        (OTHER, "private", False, False),
        (SERVICE, "private", False, False),
        (AUTHOR, "public", True, False),
        (ADMIN, "public", True, False),
    ],
)
def test_a_scenario_opens_for_everyone_when_public_for_its_author_and_admins_and_for_nobody_once_deleted(
    caller, visibility, deleted, allowed
):
    stored = Stored(AUTHOR.user_id, visibility, datetime(2026, 1, 1, tzinfo=UTC) if deleted else None)
    assert can_open(caller, stored) is allowed


def test_a_private_system_scenario_opens_for_admins_only():
    assert not can_open(OTHER, Stored(None, "private"))
    assert can_open(ADMIN, Stored(None, "private"))


@pytest.mark.parametrize(
    ("languages", "expected"),
    [(["fr", "es", "en"], "es"), (["fr", "de"], "de"), (["ja"], "ja")],
)
def test_a_scenario_opens_in_spanish_when_it_has_it_else_in_its_first_language(languages, expected):
    assert default_language(languages) == expected
