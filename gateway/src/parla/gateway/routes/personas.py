"""Tutor personas and the learner's choice (persona service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from parla.contracts.rpc.persona.v1 import persona_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.persona_schemas import PersonaOut, PersonaPreferenceIn, PersonaPreferenceOut, PersonasOut
from parla.gateway.schemas import from_message

router = APIRouter(tags=["personas"], dependencies=[SignedIn])

PersonaType = Annotated[str, Path(max_length=40, pattern=r"^[a-z_]+$")]


@router.get("/personas")
async def list_personas(clients: Clients) -> PersonasOut:
    """The tutor personas you can choose from, and which one applies when you have not chosen."""
    return from_message(PersonasOut, await clients.personas.ListPersonas(pb.ListPersonasRequest()))


@router.get("/personas/{persona_type}")
async def get_persona(persona_type: PersonaType, clients: Clients) -> PersonaOut:
    return from_message(PersonaOut, await clients.personas.GetPersona(pb.GetPersonaRequest(type=persona_type)))


@router.get("/me/persona")
async def my_persona(clients: Clients) -> PersonaPreferenceOut:
    return from_message(PersonaPreferenceOut, await clients.personas.GetMyPersona(pb.GetMyPersonaRequest()))


@router.put("/me/persona")
async def choose_persona(body: PersonaPreferenceIn, clients: Clients) -> PersonaPreferenceOut:
    """Choose the tutor persona for every run (a run can still override it when it starts)."""
    request = pb.SetMyPersonaRequest(persona_type=body.persona_type, subject=body.subject, learner_level=body.learner_level)
    return from_message(PersonaPreferenceOut, await clients.personas.SetMyPersona(request))


@router.delete("/me/persona")
async def reset_persona(clients: Clients) -> PersonaPreferenceOut:
    """Back to the default persona."""
    return from_message(PersonaPreferenceOut, await clients.personas.ResetMyPersona(pb.ResetMyPersonaRequest()))
