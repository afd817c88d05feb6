"""Paid replies on SQLite and PostgreSQL: reserve, call with no transaction open, settle; the
real usage is charged, the limit holds, and a call that ends without a reply gives its hold back."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import func, select

from parla.chassis.auth import Principal
from parla.chassis.db import open_transaction
from parla.devstack.testing import eventually
from parla.persona.budget import Price
from parla.persona.budgeting import BudgetService
from parla.persona.db import UsageRow
from parla.persona.fallback import Fallback
from parla.persona.library import load_library
from parla.persona.metrics import AiMetrics
from parla.persona.replies import ReplyService
from parla.persona.service import PersonaService
from parla.persona.tutor import ProviderUnreachable, Reply, TurnContext

ADMIN = Principal(subject=str(uuid.uuid4()), roles=frozenset({"admin"}))
PRICES = {"paid-model": Price(0.1, 0.2)}


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


class PaidProvider:
    """A stand-in for an AI provider: answers every call with fixed token counts. It notes what
    it saw when called: an open database block, and the learner's budget held for the call."""

    name, model = "openai-compatible", "paid-model"

    def __init__(self, db=None, user_id: uuid.UUID | None = None) -> None:
        self.calls = 0
        self.open_blocks: list[str | None] = []
        self.held: list[float] = []
        self._db, self._user_id = db, user_id

    async def reply(self, persona, prompt, turn, *, deadline, usage) -> Reply:
        self.calls += 1
        self.open_blocks.append(open_transaction())
        if self._db is not None:
            self.held.append(await held(self._db, self._user_id))
        usage.add(1000, 500)
        return Reply("¡Claro!", ["Good."], [], self.name, model=self.model)


class WaitingProvider:
    """Never answers on its own: it reports some tokens, says it started, and waits."""

    name, model = "openai-compatible", "paid-model"

    def __init__(self, reported: tuple[int, int]) -> None:
        self.started = asyncio.Event()
        self._reported = reported

    async def reply(self, persona, prompt, turn, *, deadline, usage) -> Reply:
        usage.add(*self._reported)
        self.started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def held(db, user_id: uuid.UUID) -> float:
    """What is held for calls under way (not yet settled)."""
    async with db.reading() as session:
        query = select(func.coalesce(func.sum(UsageRow.cost_usd), 0.0)).where(
            UsageRow.user_id == user_id, UsageRow.settled.is_(False)
        )
        return float(await session.scalar(query))


def turn() -> TurnContext:
    return TurnContext(run_id="r", language="es", learner_text="Hola", tutor_lines=["Dígame."], next_phase_opening="")


def replies(db, provider) -> ReplyService:
    personas = PersonaService(db=db, library=load_library())
    return ReplyService(personas=personas, budgets=BudgetService(db=db), provider=provider, prices=PRICES)


async def test_replies_are_charged_by_the_price_table_until_the_limit_then_the_offline_tutor_answers(db):
    provider, budgets, caller = PaidProvider(), BudgetService(db=db), learner()
    service = replies(db, provider)
    await budgets.configure(
        ADMIN, caller.user_id, limit_usd=1.0, max_limit_usd=1.0, period="monthly", custom_days=0, enforce=True, thresholds=[]
    )
    notices = []
    for number in range(6):
        _, reply = await service.reply(caller, persona_type="", phase=None, turn=turn(), call_id=f"r:{number}")
        notices.append(reply.notice)
    status = await budgets.status(caller.user_id)
    paid = provider.calls
    # Each paid reply costs 1k tokens in at 0.1 and 0.5k out at 0.2: 0.20. A call is let through
    # only while what is spent plus the most it could cost stays within the limit.
    assert 1 <= paid < 6 and status.spent == round(0.2 * paid, 6) and status.spent <= 1.0
    assert notices == [""] * paid + [Fallback.OVER_BUDGET.notice] * (6 - paid)
    _, totals = await budgets.usage(caller.user_id, 20)
    assert {t.provider: t.calls for t in totals} == {"offline": 6 - paid, "openai-compatible": paid}


async def test_the_provider_is_called_with_no_transaction_open_after_its_cost_is_held(db):
    caller = learner()
    provider = PaidProvider(db, caller.user_id)
    await replies(db, provider).reply(caller, persona_type="", phase=None, turn=turn(), call_id="r:1")
    assert provider.open_blocks == [None]
    assert provider.held[0] > 0  # the hold was committed before the call began
    assert await held(db, caller.user_id) == 0.0  # and replaced by the real cost after it
    assert (await BudgetService(db=db).status(caller.user_id)).spent == pytest.approx(0.2)


@pytest.mark.concurrent_transactions
@pytest.mark.parametrize(("reported", "charged"), [((0, 0), 0.0), ((1000, 500), 0.2)])
async def test_a_reply_cancelled_while_the_provider_works_gives_its_hold_back(db, reported, charged):
    # The call's deadline passed or the caller went away: gRPC cancels the handler's task.
    caller, provider = learner(), WaitingProvider(reported)
    call = asyncio.create_task(replies(db, provider).reply(caller, persona_type="", phase=None, turn=turn(), call_id="r:1"))
    await provider.started.wait()
    assert await held(db, caller.user_id) > 0
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    # Only what the provider reported before the cancellation is charged; the rest is given back.
    await eventually(lambda: _nothing_held(db, caller.user_id))
    assert (await BudgetService(db=db).status(caller.user_id)).spent == pytest.approx(charged)


async def _nothing_held(db, user_id: uuid.UUID) -> bool:
    return await held(db, user_id) == 0.0


class UnreachableProvider(PaidProvider):
    async def reply(self, persona, prompt, turn, *, deadline, usage) -> Reply:
        raise ProviderUnreachable("connection refused")


def sample(metrics: AiMetrics, name: str, **labels: str) -> float:
    samples = (s for collector in metrics.collectors() for family in collector.collect() for s in family.samples)
    return next((s.value for s in samples if s.name == name and s.labels == labels), 0.0)


async def test_ai_calls_tokens_and_cost_are_counted_by_provider_and_outcome(db):
    caller, metrics, budgets = learner(), AiMetrics(), BudgetService(db=db)
    await budgets.configure(
        ADMIN, caller.user_id, limit_usd=1.0, max_limit_usd=1.0, period="monthly", custom_days=0, enforce=True, thresholds=[]
    )
    personas = PersonaService(db=db, library=load_library())
    service = ReplyService(personas=personas, budgets=budgets, provider=PaidProvider(), prices=PRICES, metrics=metrics)
    for number in range(6):
        await service.reply(caller, persona_type="", phase=None, turn=turn(), call_id=f"r:{number}")
    failing = ReplyService(personas=personas, budgets=BudgetService(db=db), provider=UnreachableProvider(), metrics=metrics)
    await failing.reply(learner(), persona_type="", phase=None, turn=turn(), call_id="f:1")

    paid = {"provider": "openai-compatible", "model": "paid-model"}
    answered = sample(metrics, "parla_ai_calls_total", **paid, outcome="answered")
    assert 1 <= answered < 6
    assert sample(metrics, "parla_ai_calls_total", provider="offline", model="offline", outcome="over_budget") == 6 - answered
    assert sample(metrics, "parla_ai_calls_total", **paid, outcome="unreachable") == 1
    assert sample(metrics, "parla_ai_tokens_total", **paid, direction="in") == 1000 * answered
    assert sample(metrics, "parla_ai_tokens_total", **paid, direction="out") == 500 * answered
    assert sample(metrics, "parla_ai_cost_usd_total", **paid) == pytest.approx(0.2 * answered)
    assert sample(metrics, "parla_ai_provider_seconds_count", **paid) == answered + 1
