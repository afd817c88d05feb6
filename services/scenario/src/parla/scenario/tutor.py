"""The tutor behind every reply of a run.

``Tutor`` is the seam the persona service's ``TutorService.Reply`` plugs into; until then the
offline engine answers, in role, from the scenario's own tutor lines. Deterministic by design.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from parla.scenario.domain import Mistake, PhaseLocalization, TurnJudgement, describe


@dataclass(frozen=True)
class TutorRequest:
    phase: PhaseLocalization
    next_phase: PhaseLocalization | None
    judgement: TurnJudgement
    learner_turns_in_phase: int
    mistakes: list[Mistake] = field(default_factory=list)


@dataclass(frozen=True)
class TutorReply:
    text: str
    feedback: list[str]


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
