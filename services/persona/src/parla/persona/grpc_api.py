"""gRPC servicer: translates messages and delegates to ``PersonaService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.contracts.rpc.persona.v1 import persona_pb2 as pb
from parla.contracts.rpc.persona.v1 import persona_pb2_grpc, tutor_pb2_grpc
from parla.contracts.rpc.persona.v1 import tutor_pb2 as tpb
from parla.persona.domain import Persona, PhaseContext
from parla.persona.service import PersonaService, Preference
from parla.persona.tutor import Mistake, TurnContext

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


def _turn(request: tpb.ReplyRequest) -> tuple[PhaseContext, TurnContext]:
    phase, judgement = request.phase, request.judgement
    context = PhaseContext(
        scenario_title=phase.scenario_title,
        learner_role=phase.learner_role,
        tutor_role=phase.tutor_role,
        setting=phase.setting,
        phase_name=phase.phase_name,
        objective=phase.objective,
        vocabulary=list(phase.vocabulary),
        phrases=list(phase.phrases),
    )
    turn = TurnContext(
        run_id=request.run_id,
        language=request.language,
        learner_text=request.learner_text,
        tutor_lines=list(phase.tutor_lines),
        next_phase_opening=phase.next_phase_opening,
        new_vocabulary=list(judgement.new_vocabulary),
        new_phrases=list(judgement.new_phrases),
        missing=list(judgement.missing),
        phase_completed=judgement.phase_completed,
        learner_turns_in_phase=judgement.learner_turns_in_phase,
        mistakes=[Mistake(m.said, m.correction, m.explanation) for m in judgement.mistakes],
    )
    return context, turn


class TutorServicer(tutor_pb2_grpc.TutorServiceServicer):
    def __init__(self, service: PersonaService) -> None:
        self._service = service

    async def Reply(self, request: tpb.ReplyRequest, context) -> tpb.ReplyResponse:
        phase, turn = _turn(request)
        persona, reply = await self._service.reply(principal(), persona_type=request.persona, phase=phase, turn=turn)
        return tpb.ReplyResponse(
            tutor_line=reply.tutor_line,
            feedback=reply.feedback,
            mistakes=[tpb.TutorMistake(said=m.said, correction=m.correction, explanation=m.explanation) for m in reply.mistakes],
            persona=persona.type,
            provider=reply.provider,
            notice=reply.notice,
        )


TUTOR_SERVICE_NAME = tpb.DESCRIPTOR.services_by_name["TutorService"].full_name
add_tutor_to_server = tutor_pb2_grpc.add_TutorServiceServicer_to_server
