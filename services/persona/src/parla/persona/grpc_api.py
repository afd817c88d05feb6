"""gRPC servicers: translate messages and delegate to the use cases (personas, replies, budgets)."""

from __future__ import annotations

import uuid

from parla.chassis.auth import principal
from parla.chassis.deadlines import budget_for_call
from parla.chassis.errors import InvalidArgument, PermissionDenied
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.persona.v1 import budget_pb2 as bpb
from parla.contracts.rpc.persona.v1 import budget_pb2_grpc, persona_pb2_grpc, tutor_pb2_grpc
from parla.contracts.rpc.persona.v1 import persona_pb2 as pb
from parla.contracts.rpc.persona.v1 import tutor_pb2 as tpb
from parla.persona.budgeting import BudgetService, Status
from parla.persona.domain import Persona, PhaseContext
from parla.persona.replies import ReplyService
from parla.persona.service import PersonaService, Preference
from parla.persona.tutor import Deadline, Mistake, TurnContext

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


def turn_from_request(request: tpb.ReplyRequest) -> tuple[PhaseContext, TurnContext]:
    """The phase and the turn as the persona service reads them from ``TutorService.Reply``."""
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


def provider_deadline(*, longest: float, margin: float) -> Deadline:
    """The provider's share of the call being served: the time its caller allows (the chassis
    records it from the gRPC deadline), at most ``longest``, less ``margin`` kept for recording
    the usage and answering."""
    seconds = budget_for_call(longest - margin, margin=margin)
    return Deadline.within(longest - margin if seconds is None else seconds)


class TutorServicer(tutor_pb2_grpc.TutorServiceServicer):
    def __init__(self, service: ReplyService, *, longest: float, margin: float) -> None:
        self._service = service
        self._longest, self._margin = longest, margin

    async def Reply(self, request: tpb.ReplyRequest, context) -> tpb.ReplyResponse:
        phase, turn = turn_from_request(request)
        persona, reply = await self._service.reply(
            principal(),
            persona_type=request.persona,
            phase=phase,
            turn=turn,
            call_id=request.call_id,
            deadline=provider_deadline(longest=self._longest, margin=self._margin),
        )
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


def status_message(status: Status) -> bpb.BudgetStatus:
    row = status.row
    return bpb.BudgetStatus(
        user_id=str(row.user_id),
        limit_usd=row.limit_usd,
        max_limit_usd=row.max_limit_usd,
        period=row.period,
        custom_days=row.custom_days,
        period_start=timestamp(status.period_start),
        spent_usd=status.spent,
        remaining_usd=status.remaining,
        percent_used=status.percent,
        level=status.level,
        enforce=row.enforce,
        thresholds=row.thresholds,
    )


def _user_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise InvalidArgument(f"{text!r} is not a user id", details={"user_id": "must be a UUID"}) from None


class BudgetServicer(budget_pb2_grpc.BudgetServiceServicer):
    def __init__(self, service: BudgetService) -> None:
        self._service = service

    async def GetMyBudget(self, request: bpb.GetMyBudgetRequest, context) -> bpb.BudgetStatus:
        return status_message(await self._service.status(principal().user_id))

    async def GetMyUsage(self, request: bpb.GetMyUsageRequest, context) -> bpb.UsageReport:
        entries, totals = await self._service.usage(principal().user_id, request.limit)
        return bpb.UsageReport(
            entries=[
                bpb.UsageEntry(
                    provider=e.provider,
                    model=e.model,
                    tokens_in=e.tokens_in,
                    tokens_out=e.tokens_out,
                    cost_usd=e.cost_usd,
                    at=timestamp(e.at),
                )
                for e in entries
            ],
            by_provider=[
                bpb.ProviderTotal(
                    provider=t.provider, calls=t.calls, tokens_in=t.tokens_in, tokens_out=t.tokens_out, cost_usd=t.cost
                )
                for t in totals
            ],
        )

    async def SetMyBudget(self, request: bpb.SetMyBudgetRequest, context) -> bpb.BudgetStatus:
        status = await self._service.set_mine(principal(), request.limit_usd, request.period, request.custom_days)
        return status_message(status)

    async def GetBudget(self, request: bpb.GetBudgetRequest, context) -> bpb.BudgetStatus:
        caller = principal()
        if not caller.is_admin:
            raise PermissionDenied("only an admin can read another learner's budget")
        return status_message(await self._service.status(_user_id(request.user_id)))

    async def ConfigureBudget(self, request: bpb.ConfigureBudgetRequest, context) -> bpb.BudgetStatus:
        status = await self._service.configure(
            principal(),
            _user_id(request.user_id),
            limit_usd=request.limit_usd,
            max_limit_usd=request.max_limit_usd,
            period=request.period,
            custom_days=request.custom_days,
            enforce=request.enforce,
            thresholds=list(request.thresholds),
        )
        return status_message(status)

    async def ResetBudget(self, request: bpb.ResetBudgetRequest, context) -> bpb.BudgetStatus:
        return status_message(await self._service.reset(principal(), _user_id(request.user_id), request.reason))


BUDGET_SERVICE_NAME = bpb.DESCRIPTOR.services_by_name["BudgetService"].full_name
add_budget_to_server = budget_pb2_grpc.add_BudgetServiceServicer_to_server
