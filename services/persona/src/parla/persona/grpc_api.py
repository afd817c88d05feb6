"""gRPC servicer: translates messages and delegates to ``PersonaService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.contracts.rpc.persona.v1 import persona_pb2 as pb
from parla.contracts.rpc.persona.v1 import persona_pb2_grpc
from parla.persona.domain import Persona
from parla.persona.service import PersonaService, Preference

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["PersonaService"].full_name
add_to_server = persona_pb2_grpc.add_PersonaServiceServicer_to_server


def persona_message(persona: Persona) -> pb.Persona:
    return pb.Persona(
        type=persona.type,
        name=persona.name,
        description=persona.description,
        traits=persona.traits,
        best_for=persona.best_for,
        is_default=persona.default,
        version=persona.version,
    )


def preference_message(preference: Preference) -> pb.PersonaPreference:
    return pb.PersonaPreference(
        persona=persona_message(preference.persona),
        subject=preference.subject,
        learner_level=preference.learner_level,
        is_default=preference.is_default,
    )


class PersonaServicer(persona_pb2_grpc.PersonaServiceServicer):
    def __init__(self, service: PersonaService) -> None:
        self._service = service

    async def ListPersonas(self, request: pb.ListPersonasRequest, context) -> pb.ListPersonasResponse:
        return pb.ListPersonasResponse(
            personas=[persona_message(p) for p in self._service.personas()],
            default_type=self._service.library.default.type,
        )

    async def GetPersona(self, request: pb.GetPersonaRequest, context) -> pb.Persona:
        return persona_message(self._service.persona(request.type))

    async def GetMyPersona(self, request: pb.GetMyPersonaRequest, context) -> pb.PersonaPreference:
        return preference_message(await self._service.preference(principal()))

    async def SetMyPersona(self, request: pb.SetMyPersonaRequest, context) -> pb.PersonaPreference:
        chosen = await self._service.choose(principal(), request.persona_type, request.subject, request.learner_level)
        return preference_message(chosen)

    async def ResetMyPersona(self, request: pb.ResetMyPersonaRequest, context) -> pb.PersonaPreference:
        return preference_message(await self._service.reset(principal()))
