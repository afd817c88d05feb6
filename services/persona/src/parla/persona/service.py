"""Use cases of the persona service: the personas and each learner's choice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound
from parla.persona.budget import FREE, RESERVED_OUTPUT_TOKENS, Price
from parla.persona.budgeting import BudgetService
from parla.persona.domain import LEVELS, Library, Persona, PhaseContext, PromptRequest, build_prompt
from parla.persona.repository import PreferenceRepository
from parla.persona.tutor import OFFLINE, OfflineProvider, Provider, Reply, TurnContext

DEFAULT_LEVEL = "beginner"
OVER_BUDGET = "You have reached your AI budget for this period, so the built-in tutor answered this turn."
MAX_SUBJECT_CHARS = 200


@dataclass(frozen=True)
class Preference:
    persona: Persona
    subject: str
    learner_level: str
    is_default: bool


class PersonaService:
    def __init__(
        self,
        *,
        db: Database,
        library: Library,
        provider: Provider | None = None,
        prices: dict[str, Price] | None = None,
    ) -> None:
        self._db = db
        self.library = library
        self._offline = OfflineProvider()
        self._provider = provider or self._offline
        self._prices = prices or {}
        self._budget = BudgetService(db=db)

    def personas(self) -> list[Persona]:
        return list(self.library.personas.values())

    def persona(self, persona_type: str) -> Persona:
        found = self.library.personas.get(persona_type)
        if found is None:
            known = ", ".join(self.library.personas)
            raise NotFound(f"no persona {persona_type!r}; the personas are {known}")
        return found

    async def preference(self, caller: Principal) -> Preference:
        async with self._db.reading() as session:
            row = await PreferenceRepository(session).get(caller.user_id)
        if row is None or row.persona_type not in self.library.personas:
            return Preference(self.library.default, "", DEFAULT_LEVEL, is_default=True)
        return Preference(self.library.personas[row.persona_type], row.subject, row.learner_level, is_default=False)

    async def choose(self, caller: Principal, persona_type: str, subject: str, learner_level: str) -> Preference:
        persona = self._known(persona_type)
        subject = subject.strip()
        if len(subject) > MAX_SUBJECT_CHARS or "<" in subject or ">" in subject:
            raise InvalidArgument(
                f"subject is plain text of at most {MAX_SUBJECT_CHARS} characters",
                details={"subject": "too long or not plain text"},
            )
        level = learner_level or DEFAULT_LEVEL
        if level not in LEVELS:
            raise InvalidArgument(f"learner_level is one of {', '.join(LEVELS)}", details={"learner_level": "unknown level"})
        async with self._db.transaction() as session:
            await PreferenceRepository(session).put(caller.user_id, persona.type, subject, level, datetime.now(UTC))
        return Preference(persona, subject, level, is_default=False)

    async def reset(self, caller: Principal) -> Preference:
        async with self._db.transaction() as session:
            await PreferenceRepository(session).remove(caller.user_id)
        return Preference(self.library.default, "", DEFAULT_LEVEL, is_default=True)

    async def reply(
        self, caller: Principal, *, persona_type: str, phase: PhaseContext | None, turn: TurnContext, call_id: str = ""
    ) -> tuple[Persona, Reply]:
        """The tutor's reply to one turn: the run's persona if it names one, else the learner's.

        A paid provider answers only within the learner's budget; over it (when enforced) the
        offline engine answers and says so. Every call is recorded, the offline ones at no cost.
        """
        preference = await self.preference(caller)
        persona = self._known(persona_type) if persona_type else preference.persona
        if turn.language not in self.library.cultural:
            raise InvalidArgument(f"unknown language {turn.language!r}", details={"language": "unknown"})
        prompt = build_prompt(
            self.library,
            PromptRequest(
                persona=persona,
                language=turn.language,
                learner_level=preference.learner_level,
                subject=preference.subject or (phase.scenario_title if phase else ""),
                phase=phase,
            ),
        )
        call_id = call_id or f"{turn.run_id}:{uuid.uuid4()}"
        provider, price = self._provider, self._prices.get(self._provider.model, FREE)
        if provider.name != OFFLINE:
            # An upper bound: a token is rarely shorter than two characters, and output is capped.
            estimate = price.cost(len(prompt) // 2 + 200, RESERVED_OUTPUT_TOKENS)
            if not await self._budget.reserve(caller.user_id, call_id, provider.name, provider.model, estimate):
                reply = await self._offline.reply(persona, prompt, turn)
                reply = replace(reply, notice=OVER_BUDGET)
                await self._budget.settle(
                    caller.user_id, call_id, provider=OFFLINE, model=OFFLINE, tokens_in=0, tokens_out=0, cost=0.0
                )
                return persona, reply
        reply = await provider.reply(persona, prompt, turn)
        await self._budget.settle(
            caller.user_id,
            call_id,
            provider=provider.name,
            model=provider.model,
            tokens_in=reply.tokens_in,
            tokens_out=reply.tokens_out,
            cost=price.cost(reply.tokens_in, reply.tokens_out),
        )
        return persona, reply

    def _known(self, persona_type: str) -> Persona:
        if persona_type not in self.library.personas:
            known = ", ".join(self.library.personas)
            raise InvalidArgument(f"unknown persona {persona_type!r}; choose one of {known}", details={"persona_type": "unknown"})
        return self.library.personas[persona_type]
