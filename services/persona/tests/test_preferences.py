"""A learner's persona choice on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument, NotFound
from parla.persona.library import load_library
from parla.persona.service import PersonaService


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


@pytest.fixture
def service(db) -> PersonaService:
    return PersonaService(db=db, library=load_library())


async def test_a_learner_who_has_not_chosen_gets_the_default(service):
    preference = await service.preference(learner())
    assert preference.is_default and preference.persona.type == "friendly_conversational"


async def test_a_choice_is_kept_per_learner_and_reset_goes_back_to_the_default(service):
    ana, ben = learner(), learner()
    await service.choose(ana, "expert_scholar", "business Spanish", "advanced")
    chosen = await service.preference(ana)
    assert (chosen.persona.type, chosen.subject, chosen.learner_level, chosen.is_default) == (
        "expert_scholar",
        "business Spanish",
        "advanced",
        False,
    )
    assert (await service.preference(ben)).is_default
    await service.choose(ana, "creative_mentor", "", "")
    assert (await service.preference(ana)).persona.type == "creative_mentor"
    await service.reset(ana)
    assert (await service.preference(ana)).is_default


@pytest.mark.parametrize(
    ("persona", "subject", "level", "field"),
    [
        ("pirate", "", "", "persona_type"),
        ("expert_scholar", "x" * 201, "", "subject"),
        ("expert_scholar", "", "expert", "learner_level"),
    ],
)
async def test_a_bad_choice_is_refused_and_changes_nothing(service, persona, subject, level, field):
    caller = learner()
    with pytest.raises(InvalidArgument) as refused:
        await service.choose(caller, persona, subject, level)
    assert field in refused.value.details
    assert (await service.preference(caller)).is_default


def test_an_unknown_persona_is_not_found(service):
    with pytest.raises(NotFound, match="guiding_challenger"):
        service.persona("pirate")
