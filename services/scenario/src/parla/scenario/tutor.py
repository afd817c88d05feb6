"""The tutor behind every reply of a run.

``PersonaTutor`` asks the persona service's ``TutorService.Reply``, which applies the learner's
persona whatever the provider. ``OfflineTutor`` answers in role from the scenario's own tutor
lines; it is what a run falls back to, with a notice, while the persona service is unreachable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import grpc

from parla.chassis.auth import caller_metadata
from parla.chassis.logging import get_logger
from parla.contracts.rpc.persona.v1 import tutor_pb2 as tpb
from parla.contracts.rpc.persona.v1 import tutor_pb2_grpc
from parla.scenario.domain import Mistake, PhaseLocalization, PhaseSpec, ScenarioSpec, TurnJudgement, describe

log = get_logger(__name__)


@dataclass(frozen=True)
class RunContext:
    """Who is playing what: what the persona service needs beyond the phase itself."""

    run_id: str
    language: str
    persona: str
    spec: ScenarioSpec
    phase: PhaseSpec
    learner_text: str
    turn_number: int = 0


@dataclass(frozen=True)
class TutorRequest:
    phase: PhaseLocalization
    next_phase: PhaseLocalization | None
    judgement: TurnJudgement
    learner_turns_in_phase: int
    mistakes: list[Mistake] = field(default_factory=list)
    run: RunContext | None = None


@dataclass(frozen=True)
class TutorReply:
    text: str
    feedback: list[str]
    # Mistakes the tutor found beyond those in the request (e.g. from an AI provider's answer).
    mistakes: list[Mistake] = field(default_factory=list)


class Tutor(Protocol):
    async def reply(self, request: TutorRequest) -> TutorReply: ...


class OfflineTutor:
    async def reply(self, request: TutorRequest) -> TutorReply:
        return TutorReply(text=self._line(request), feedback=self._feedback(request))

    @staticmethod
    def _line(request: TutorRequest) -> str:
        if request.judgement.phase_completed and request.next_phase is not None:
            return request.next_phase.tutor_lines[0]
        lines = request.phase.tutor_lines
        # Line 0 opened the phase; follow-ups move the situation on, then hold on the last one.
        return lines[min(request.learner_turns_in_phase, len(lines) - 1)]

    @staticmethod
    def _feedback(request: TutorRequest) -> list[str]:
        judgement = request.judgement
        notes = []
        if judgement.new_vocabulary:
            notes.append("Good use of: " + ", ".join(item.term for item in judgement.new_vocabulary) + ".")
        if judgement.new_phrases:
            notes.append("Well said: " + "; ".join(f"\u201c{p.text}\u201d" for p in judgement.new_phrases) + ".")
        for mistake in request.mistakes:
            notes.append(f"Fix: \u201c{mistake.said}\u201d \u2192 \u201c{mistake.correction}\u201d ({mistake.explanation}).")
        if judgement.phase_completed:
            notes.append("Phase complete.")
        elif judgement.criteria_missing:
            notes.append("Next: " + describe(judgement.criteria_missing[0], request.phase))
        return notes


UNREACHABLE_NOTICE = "Your tutor persona is unavailable for a moment; the standard tutor answered this turn."


class PersonaTutor:
    """The persona service's tutor over gRPC, as the learner whose turn it is."""

    def __init__(self, *, channel: grpc.aio.Channel, deadline: float, fallback: Tutor) -> None:
        self._stub = tutor_pb2_grpc.TutorServiceStub(channel)
        self._deadline = deadline
        self._fallback = fallback

    async def reply(self, request: TutorRequest) -> TutorReply:
        try:
            answer = await self._stub.Reply(reply_request(request), timeout=self._deadline, metadata=caller_metadata())
        except grpc.aio.AioRpcError as error:
            if error.code() not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise
            log.warning("persona service unreachable; the offline tutor answers", grpc_status=error.code().name)
            reply = await self._fallback.reply(request)
            return TutorReply(reply.text, [*reply.feedback, UNREACHABLE_NOTICE])
        feedback = list(answer.feedback) + ([answer.notice] if answer.notice else [])
        mistakes = [Mistake(m.said, m.correction, m.explanation) for m in answer.mistakes]
        return TutorReply(answer.tutor_line, feedback, mistakes)


def reply_request(request: TutorRequest) -> tpb.ReplyRequest:
    run = request.run
    if run is None:
        raise ValueError("the persona tutor needs the run context")
    local, judgement = request.phase, request.judgement
    return tpb.ReplyRequest(
        run_id=run.run_id,
        call_id=f"{run.run_id}:{run.turn_number}",
        language=run.language,
        persona=run.persona,
        learner_text=run.learner_text,
        phase=tpb.PhaseContext(
            scenario_title=run.spec.localizations[run.language].title,
            learner_role=run.spec.learner_role,
            tutor_role=run.spec.tutor_role,
            setting=run.spec.setting,
            phase_name=local.name,
            objective=run.phase.objective,
            vocabulary=[item.term for item in local.vocabulary],
            phrases=[phrase.text for phrase in local.phrases],
            tutor_lines=local.tutor_lines,
            next_phase_opening=request.next_phase.tutor_lines[0] if request.next_phase else "",
        ),
        judgement=tpb.TurnJudgement(
            new_vocabulary=[item.term for item in judgement.new_vocabulary],
            new_phrases=[phrase.text for phrase in judgement.new_phrases],
            missing=[describe(criterion, local) for criterion in judgement.criteria_missing],
            phase_completed=judgement.phase_completed,
            learner_turns_in_phase=request.learner_turns_in_phase,
            mistakes=[
                tpb.TutorMistake(said=m.said, correction=m.correction, explanation=m.explanation) for m in request.mistakes
            ],
        ),
    )
