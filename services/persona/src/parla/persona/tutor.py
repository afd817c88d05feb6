"""Tutor replies: the provider interface and the offline engine every learner gets by default.

The offline engine needs no AI server: it answers in role from the scenario's own tutor lines,
reacts to what the judge found in the learner's turn, and speaks its feedback in the persona's
voice (the persona's ``offline_style``), so each persona reads differently. Deterministic: the
same turn always gets the same reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from parla.persona.domain import Persona

OFFLINE = "offline"


@dataclass(frozen=True)
class Mistake:
    said: str
    correction: str
    explanation: str


@dataclass(frozen=True)
class TurnContext:
    """A learner's turn as the scenario service judged it, with the phase it belongs to."""

    run_id: str
    language: str
    learner_text: str
    tutor_lines: list[str]
    next_phase_opening: str
    new_vocabulary: list[str] = field(default_factory=list)
    new_phrases: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    phase_completed: bool = False
    learner_turns_in_phase: int = 0
    mistakes: list[Mistake] = field(default_factory=list)


@dataclass(frozen=True)
class Reply:
    tutor_line: str
    feedback: list[str]
    mistakes: list[Mistake]
    provider: str
    notice: str = ""
    model: str = OFFLINE
    tokens_in: int = 0
    tokens_out: int = 0


class Provider(Protocol):
    name: str
    model: str

    async def reply(self, persona: Persona, prompt: str, turn: TurnContext) -> Reply: ...


def _pick(lines: list[str], turn: TurnContext, salt: int = 0) -> str:
    # Varies with the turn but never at random: the same turn gets the same line.
    return lines[(turn.learner_turns_in_phase + salt) % len(lines)]


class OfflineProvider:
    name = OFFLINE
    model = OFFLINE

    async def reply(self, persona: Persona, prompt: str, turn: TurnContext) -> Reply:
        return Reply(
            tutor_line=self.tutor_line(turn), feedback=self.feedback(persona, turn), mistakes=turn.mistakes, provider=OFFLINE
        )

    @staticmethod
    def tutor_line(turn: TurnContext) -> str:
        if turn.phase_completed and turn.next_phase_opening:
            return turn.next_phase_opening
        lines = turn.tutor_lines or [""]
        # Line 0 opened the phase; follow-ups move the situation on, then hold on the last one.
        return lines[min(turn.learner_turns_in_phase, len(lines) - 1)]

    @staticmethod
    def feedback(persona: Persona, turn: TurnContext) -> list[str]:
        style = persona.offline_style
        notes = []
        if turn.new_vocabulary or turn.new_phrases:
            term = (turn.new_vocabulary or turn.new_phrases)[0]
            notes.append(_pick(style.praise, turn).replace("{term}", term))
        for number, mistake in enumerate(turn.mistakes):
            line = _pick(style.correction, turn, number)
            notes.append(
                line.replace("{said}", mistake.said)
                .replace("{correction}", mistake.correction)
                .replace("{explanation}", mistake.explanation)
            )
        if turn.phase_completed:
            notes.append("Phase complete.")
        elif turn.missing:
            notes.append(_pick(style.nudge, turn).replace("{hint}", turn.missing[0]))
        return notes
