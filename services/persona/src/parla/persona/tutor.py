"""Tutor replies: the provider interface and the offline engine every learner gets by default.

The offline engine needs no AI server: it answers in role from the scenario's own tutor lines,
reacts to what the judge found in the learner's turn, and speaks its feedback in the persona's
voice (the persona's ``offline_style``), so each persona reads differently. Deterministic: the
same turn always gets the same reply.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Protocol

from parla.persona.domain import Persona

OFFLINE = "offline"
# With less than this left, a request to a provider could not come back in time: none is made.
MIN_ATTEMPT_SECONDS = 0.25


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


@dataclass(frozen=True)
class Deadline:
    """When a provider must have answered, on the monotonic clock. Every request made for one
    reply shares it: each gets what the ones before it left."""

    at: float

    @classmethod
    def within(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + max(0.0, seconds))

    @classmethod
    def never(cls) -> Deadline:
        return cls(math.inf)

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def timeout(self) -> float | None:
        """What is left, for ``asyncio.timeout`` (None: no deadline)."""
        return None if math.isinf(self.at) else self.remaining()

    def too_near(self) -> bool:
        """Too little time is left to ask a provider anything."""
        return self.remaining() < MIN_ATTEMPT_SECONDS


@dataclass
class Usage:
    """Tokens a provider reported for one reply, across all its requests. The caller keeps it,
    so what was spent is charged even when the reply failed or was cut short."""

    tokens_in: int = 0
    tokens_out: int = 0

    def add(self, tokens_in: int, tokens_out: int) -> None:
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out

    @property
    def reported(self) -> bool:
        return bool(self.tokens_in or self.tokens_out)


class ProviderFailure(Exception):
    """The provider gave no reply that can be used; the offline engine answers instead."""


class ProviderUnreachable(ProviderFailure):
    """No answer: the server could not be reached or kept failing."""


class ProviderAnswerUnusable(ProviderFailure):
    """Answers came back but none of them could be used."""


class ProviderOutOfTime(ProviderFailure):
    """The reply's time ran out before a usable answer came back."""


class Provider(Protocol):
    name: str
    model: str

    async def reply(self, persona: Persona, prompt: str, turn: TurnContext, *, deadline: Deadline, usage: Usage) -> Reply:
        """The provider's reply within ``deadline``, adding the tokens it spends to ``usage``.
        Raises ``ProviderFailure`` when it has none."""
        ...


def _pick(lines: list[str], turn: TurnContext, salt: int = 0) -> str:
    # Varies with the turn but never at random: the same turn gets the same line.
    return lines[(turn.learner_turns_in_phase + salt) % len(lines)]


class OfflineProvider:
    name = OFFLINE
    model = OFFLINE

    async def reply(
        self, persona: Persona, prompt: str, turn: TurnContext, *, deadline: Deadline | None = None, usage: Usage | None = None
    ) -> Reply:
        # Instant and free: it needs no deadline and reports no tokens.
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
