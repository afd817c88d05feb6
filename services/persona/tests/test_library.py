"""The shipped persona texts and guidelines: complete, filled in, and different from each other."""

from __future__ import annotations

import itertools

import pytest

from parla.persona.domain import DYNAMIC_FIELDS, LANGUAGES, SECTIONS
from parla.persona.library import load_library

LIBRARY = load_library()
EXPECTED = {"guiding_challenger", "encouraging_coach", "friendly_conversational", "expert_scholar", "creative_mentor"}


def test_the_five_personas_ship_with_friendly_conversational_as_the_default():
    assert set(LIBRARY.personas) == EXPECTED
    assert LIBRARY.default.type == "friendly_conversational"


@pytest.mark.parametrize("persona", LIBRARY.personas.values(), ids=lambda p: p.type)
def test_every_section_is_written_and_the_dynamic_context_uses_every_field(persona):
    for section in SECTIONS:
        assert len(getattr(persona.sections, section).split()) >= 20, section
    for field in DYNAMIC_FIELDS:
        assert "{" + field + "}" in persona.sections.dynamic_context


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(sorted(EXPECTED), 2)))
def test_personas_read_differently(first, second):
    a, b = LIBRARY.personas[first], LIBRARY.personas[second]
    shared = [s for s in SECTIONS if getattr(a.sections, s) == getattr(b.sections, s)]
    assert shared == []
    assert set(a.offline_style.praise).isdisjoint(b.offline_style.praise)


def test_global_guidelines_rank_above_personas_above_runtime():
    assert LIBRARY.global_guidelines.precedence == ["global", "persona", "runtime"]
    assert LIBRARY.global_guidelines.clarification_policy


def test_every_language_has_cultural_guidelines():
    assert set(LIBRARY.cultural) == set(LANGUAGES)
    for guidelines in LIBRARY.cultural.values():
        assert guidelines.avoid and guidelines.analogies_that_travel
