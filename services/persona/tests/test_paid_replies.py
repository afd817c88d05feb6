"""Paid replies within the budget: the persona service charges real usage and never overspends."""

from __future__ import annotations

import uuid

from parla.chassis.auth import Principal
from parla.persona.budget import Price
from parla.persona.budgeting import BudgetService
from parla.persona.library import load_library
from parla.persona.service import OVER_BUDGET, PersonaService
from parla.persona.tutor import Reply, TurnContext

ADMIN = Principal(subject=str(uuid.uuid4()), roles=frozenset({"admin"}))


class PaidProvider:
    """A stand-in for an AI provider: answers every call with fixed token counts."""

    name, model = "openai-compatible", "paid-model"

    def __init__(self) -> None:
        self.calls = 0

    async def reply(self, persona, prompt, turn) -> Reply:
        self.calls += 1
        return Reply("¡Claro!", ["Good."], [], self.name, model=self.model, tokens_in=1000, tokens_out=500)


def turn(number: int) -> TurnContext:
    return TurnContext(run_id="r", language="es", learner_text="Hola", tutor_lines=["Dígame."], next_phase_opening="")


async def test_replies_are_charged_by_the_price_table_until_the_limit_then_the_offline_tutor_answers(db):
    provider = PaidProvider()
    service = PersonaService(db=db, library=load_library(), provider=provider, prices={"paid-model": Price(0.1, 0.2)})
    budgets, caller = BudgetService(db=db), Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))
    await budgets.configure(
        ADMIN, caller.user_id, limit_usd=1.0, max_limit_usd=1.0, period="monthly", custom_days=0, enforce=True, thresholds=[]
    )
    notices = []
    for number in range(6):
        _, reply = await service.reply(caller, persona_type="", phase=None, turn=turn(number), call_id=f"r:{number}")
        notices.append(reply.notice)
    status = await budgets.status(caller.user_id)
    paid = provider.calls
    # Each paid reply costs 1k tokens in at 0.1 and 0.5k out at 0.2: 0.20. A call is let through
    # only while what is spent plus the most it could cost stays within the limit.
    assert 1 <= paid < 6 and status.spent == round(0.2 * paid, 6) and status.spent <= 1.0
    assert notices == [""] * paid + [OVER_BUDGET] * (6 - paid)
    _, totals = await budgets.usage(caller.user_id, 20)
    assert {t.provider: t.calls for t in totals} == {"offline": 6 - paid, "openai-compatible": paid}
