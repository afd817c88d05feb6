"""The use case behind ``TutorService.Reply``: the tutor's answer to one turn of a run, in the
persona's voice, within the learner's AI budget and the call's deadline.

A paid reply is reserve → call → settle. Reserving and settling are short transactions of their
own (``budgeting.py``); none is open while the provider works, and the provider checks that
before every request. The reply's deadline bounds the provider as a whole, whatever it does
inside. Whatever ends the call — an answer, a failure, the deadline, the caller going away — the
hold on the budget is replaced by what was really spent or given back, and that bookkeeping is
shielded from the cancellation that may have ended the call. When the offline engine answers
instead, ``fallback.fallback_for`` says why.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Coroutine, Mapping
from dataclasses import replace
from typing import Any

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.chassis.logging import get_logger
from parla.persona.budget import FREE, Price, reservation_for
from parla.persona.budgeting import BudgetService, Reservation
from parla.persona.domain import Persona, PhaseContext, PromptRequest, build_prompt
from parla.persona.fallback import Fallback, fallback_for
from parla.persona.metrics import AiMetrics
from parla.persona.service import PersonaService
from parla.persona.tutor import OFFLINE, Deadline, OfflineProvider, Provider, ProviderFailure, Reply, TurnContext, Usage

log = get_logger(__name__)


class ReplyService:
    def __init__(
        self,
        *,
        personas: PersonaService,
        budgets: BudgetService,
        provider: Provider,
        prices: Mapping[str, Price] | None = None,
        metrics: AiMetrics | None = None,
    ) -> None:
        self._metrics = metrics or AiMetrics()
        self._personas = personas
        self._budgets = budgets
        self._provider = provider
        self._price = (prices or {}).get(provider.model, FREE)
        self._offline = OfflineProvider()
        # Bookkeeping that outlives a cancelled reply; kept here so it is not garbage-collected.
        self._unfinished: set[asyncio.Task] = set()

    async def reply(
        self,
        caller: Principal,
        *,
        persona_type: str,
        phase: PhaseContext | None,
        turn: TurnContext,
        call_id: str = "",
        deadline: Deadline | None = None,
    ) -> tuple[Persona, Reply]:
        """The tutor's reply to one turn: the run's persona if it names one, else the learner's.

        Every call is recorded, the offline ones at no cost. ``deadline`` is when the provider
        must have answered; the offline engine answers with a notice when it has not.
        """
        persona, prompt = await self._prompt(caller, persona_type, phase, turn)
        call_id = call_id or f"{turn.run_id}:{uuid.uuid4()}"
        if self._provider.name == OFFLINE:
            return persona, await self._offline_reply(caller.user_id, call_id, persona, prompt, turn)
        return persona, await self._paid_reply(caller.user_id, call_id, persona, prompt, turn, deadline or Deadline.never())

    async def _prompt(
        self, caller: Principal, persona_type: str, phase: PhaseContext | None, turn: TurnContext
    ) -> tuple[Persona, str]:
        library = self._personas.library
        if turn.language not in library.cultural:
            raise InvalidArgument(f"unknown language {turn.language!r}", details={"language": "unknown"})
        named = self._personas.known(persona_type) if persona_type else None
        preference = await self._personas.preference(caller)
        persona = named or preference.persona
        request = PromptRequest(
            persona=persona,
            language=turn.language,
            learner_level=preference.learner_level,
            subject=preference.subject or (phase.scenario_title if phase else ""),
            phase=phase,
        )
        return persona, build_prompt(library, request)

    async def _paid_reply(
        self, user_id: uuid.UUID, call_id: str, persona: Persona, prompt: str, turn: TurnContext, deadline: Deadline
    ) -> Reply:
        provider = self._provider
        if (reason := fallback_for(deadline=deadline)) is not None:
            return await self._offline_reply(user_id, call_id, persona, prompt, turn, reason)
        estimate = reservation_for(self._price, len(prompt))
        reservation = await self._budgets.reserve(user_id, call_id, provider.name, provider.model, estimate)
        if reservation is None:
            return await self._offline_reply(user_id, call_id, persona, prompt, turn, Fallback.OVER_BUDGET)
        usage, outcome, began = Usage(), "answered", time.perf_counter()
        try:
            async with asyncio.timeout(deadline.timeout()):
                reply = await provider.reply(persona, prompt, turn, deadline=deadline, usage=usage)
        except (ProviderFailure, TimeoutError) as failure:
            reason = fallback_for(failure=failure) or Fallback.UNREACHABLE
            outcome = reason.name.lower()
            log.info("the offline tutor answers instead of the AI provider", reason=reason.name)
            offline = await self._offline.reply(persona, prompt, turn)
            # Answers that came back unusable were paid for: they are charged under the model.
            reply = replace(offline, notice=reason.notice, model=provider.model)
        except BaseException:
            # Cancelled (the call's deadline passed, the caller went away) or a bug: the hold
            # must not outlive the call, even though this task is being cancelled.
            await self._finish(self._give_back(reservation, usage))
            self._called(outcome="cancelled", usage=usage, began=began)
            raise
        await self._finish(self._record(reservation, reply, usage))
        self._called(outcome=outcome, usage=usage, began=began)
        return reply

    def _called(self, *, outcome: str, usage: Usage, began: float) -> None:
        provider = self._provider
        self._metrics.called(
            provider.name,
            provider.model,
            outcome,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            cost=self._price.cost(usage.tokens_in, usage.tokens_out),
            seconds=time.perf_counter() - began,
        )

    async def _offline_reply(
        self,
        user_id: uuid.UUID,
        call_id: str,
        persona: Persona,
        prompt: str,
        turn: TurnContext,
        reason: Fallback | None = None,
    ) -> Reply:
        reply = await self._offline.reply(persona, prompt, turn)
        reply = replace(reply, notice=reason.notice) if reason else reply
        await self._finish(
            self._budgets.settle(user_id, call_id, provider=OFFLINE, model=OFFLINE, tokens_in=0, tokens_out=0, cost=0.0)
        )
        self._metrics.called(OFFLINE, OFFLINE, reason.name.lower() if reason else "answered")
        return reply

    async def _record(self, reservation: Reservation, reply: Reply, usage: Usage) -> None:
        """Charge what the provider reported in place of the hold. Only the attempt that made
        the hold records the call: a retried call is recorded once."""
        if not reservation.made:
            return
        await self._budgets.settle(
            reservation.user_id,
            reservation.call_id,
            provider=reply.provider,
            model=reply.model,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            cost=self._price.cost(usage.tokens_in, usage.tokens_out),
        )

    async def _give_back(self, reservation: Reservation, usage: Usage) -> None:
        """After a call that ended without a reply: charge what it reported, release the rest."""
        if usage.reported:
            reply = Reply("", [], [], provider=self._provider.name, model=self._provider.model)
            await self._record(reservation, reply, usage)
        else:
            await self._budgets.release(reservation)

    async def _finish(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` to its end even if this reply is cancelled meanwhile: money spent or
        held must be accounted for whether or not anyone waits for the answer."""
        task = asyncio.ensure_future(work)
        self._unfinished.add(task)
        task.add_done_callback(self._finished)
        await asyncio.shield(task)

    def _finished(self, task: asyncio.Task) -> None:
        self._unfinished.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("recording an AI call's usage failed", error=repr(task.exception()))
