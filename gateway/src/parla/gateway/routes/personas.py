"""Tutor personas and the learner's choice (persona service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from parla.contracts.rpc.persona.v1 import persona_pb2 as pb
from parla.gateway.deps import Clients, CurrentUser
from parla.gateway.schemas import PersonaOut, PersonaPreferenceIn, PersonaPreferenceOut, PersonasOut, from_message

router = APIRouter(tags=["personas"])


@router.get("/personas")
async def list_personas(caller: CurrentUser, clients: Clients) -> PersonasOut:
    """The tutor personas you can choose from, and which one applies when you have not chosen."""
    answer = await clients.personas.ListPersonas(pb.ListPersonasRequest(), timeout=clients.deadline, metadata=caller.metadata)
    return from_message(PersonasOut, answer)


@router.get("/personas/{persona_type}")
async def get_persona(
    persona_type: Annotated[str, Path(max_length=40, pattern=r"^[a-z_]+$")], caller: CurrentUser, clients: Clients
) -> PersonaOut:
    answer = await clients.personas.GetPersona(
        pb.GetPersonaRequest(type=persona_type), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(PersonaOut, answer)


@router.get("/me/persona")
async def my_persona(caller: CurrentUser, clients: Clients) -> PersonaPreferenceOut:
    answer = await clients.personas.GetMyPersona(pb.GetMyPersonaRequest(), timeout=clients.deadline, metadata=caller.metadata)
    return from_message(PersonaPreferenceOut, answer)


@router.put("/me/persona")
async def choose_persona(body: PersonaPreferenceIn, caller: CurrentUser, clients: Clients) -> PersonaPreferenceOut:
    """Choose the tutor persona for every run (a run can still override it when it starts)."""
    answer = await clients.personas.SetMyPersona(
        pb.SetMyPersonaRequest(persona_type=body.persona_type, subject=body.subject, learner_level=body.learner_level),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    return from_message(PersonaPreferenceOut, answer)


@router.delete("/me/persona")
async def reset_persona(caller: CurrentUser, clients: Clients) -> PersonaPreferenceOut:
    """Back to the default persona."""
    answer = await clients.personas.ResetMyPersona(pb.ResetMyPersonaRequest(), timeout=clients.deadline, metadata=caller.metadata)
    return from_message(PersonaPreferenceOut, answer)
