"""Drafts are bounded as a whole, not only field by field, before they reach the service."""

from __future__ import annotations

import pytest

from parla.chassis.errors import InvalidArgument
from parla.gateway.routes.authoring import MAX_DRAFT_BYTES, _struct


def test_a_draft_over_the_size_limit_is_refused_with_its_size():
    with pytest.raises(InvalidArgument, match="KB") as refused:
        _struct({"setting": "x" * (MAX_DRAFT_BYTES + 1)})
    assert refused.value.details == {"draft": "too large"}


def test_a_draft_within_the_limit_becomes_a_struct():
    assert _struct({"setting": "a hotel", "estimated_minutes": 15})["setting"] == "a hotel"
