"""AI budgets on SQLite and PostgreSQL: thresholds once, no overspend, retries counted once."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from sqlalchemy import select

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument, PermissionDenied
from parla.chassis.messaging import outbox_table
from parla.persona.budget import RESERVATION_LIFETIME, level_for, period_start
from parla.persona.budgeting import BudgetService
from parla.persona.repository import BudgetRepository, Charge

ADMIN = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner", "admin"}))


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


async def spend(budgets: BudgetService, user: uuid.UUID, cost: float, call: str | None = None) -> None:
    call = call or str(uuid.uuid4())
    await budgets.settle(user, call, provider="openai-compatible", model="m", tokens_in=100, tokens_out=50, cost=cost)


async def staged(db, event_type: str) -> list[dict]:
    async with db.reading() as session:
        rows = (await session.execute(select(outbox_table.c.payload).where(outbox_table.c.event_type == event_type))).scalars()
        return [orjson.loads(row) for row in rows]


@pytest.mark.parametrize(
    ("percent", "level"),
    [(0, "green"), (49.9, "green"), (50, "yellow"), (75, "orange"), (90, "red"), (100, "critical"), (140, "critical")],
)
def test_alert_levels(percent, level):
    assert level_for(percent, [50, 75, 90, 100]) == level


def test_periods_start_where_a_learner_expects():
    now = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)  # a Wednesday
    anchor = datetime(2000, 1, 1, tzinfo=UTC)
    assert period_start("monthly", 0, anchor, now) == datetime(2026, 11, 1, tzinfo=UTC)
    assert period_start("weekly", 0, anchor, now) == datetime(2026, 11, 23, tzinfo=UTC)
    assert period_start("daily", 0, anchor, now) == datetime(2026, 11, 25, tzinfo=UTC)
    reset = datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert period_start("custom", 3, reset, now) == reset + timedelta(days=3)
    assert period_start("monthly", 0, reset, now) == reset  # a reset starts a new count


async def test_a_new_learner_has_thirty_dollars_a_month(db):
    status = await BudgetService(db=db).status(uuid.uuid4())
    assert (status.row.limit_usd, status.row.period, status.spent, status.level) == (30.0, "monthly", 0.0, "green")


async def test_each_threshold_is_announced_exactly_once_per_period(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    for cost in (10, 6, 1, 8, 3, 5, 2):  # 10, 16, 17, 25, 28, 33, 35 of 30
        await spend(budgets, user, cost)
    crossed = [e["threshold"] for e in await staged(db, "budget.threshold_crossed")]
    assert crossed == [50, 75, 90, 100]
    assert len(await staged(db, "ai.usage_recorded")) == 7
    await budgets.reset(ADMIN, user, "a new term started")
    await spend(budgets, user, 16)
    assert [e["threshold"] for e in await staged(db, "budget.threshold_crossed")] == [50, 75, 90, 100, 50]


@pytest.mark.concurrent_transactions
async def test_concurrent_calls_cannot_overspend_an_enforced_limit(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    await budgets.configure(
        ADMIN, user, limit_usd=1.0, max_limit_usd=1.0, period="monthly", custom_days=0, enforce=True, thresholds=[]
    )
    granted = await asyncio.gather(*(budgets.reserve(user, f"call-{i}", "p", "m", 0.3) for i in range(8)))
    assert sum(reservation is not None for reservation in granted) == 3
    assert (await budgets.status(user)).spent <= 1.0


async def test_a_retried_call_is_held_and_counted_once(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    first, again = await budgets.reserve(user, "run-1:3", "p", "m", 0.5), await budgets.reserve(user, "run-1:3", "p", "m", 0.5)
    assert first.made and not again.made
    assert (await budgets.status(user)).spent == pytest.approx(0.5)
    await spend(budgets, user, 0.2, call="run-1:3")
    await spend(budgets, user, 0.2, call="run-1:3")
    assert (await budgets.status(user)).spent == pytest.approx(0.2)
    entries, totals = await budgets.usage(user, 10)
    assert len(entries) == 1 and totals[0].calls == 1


async def test_a_released_hold_is_given_back_and_a_settled_call_cannot_be_released(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    cancelled, answered = await budgets.reserve(user, "c", "p", "m", 0.5), await budgets.reserve(user, "a", "p", "m", 0.5)
    await budgets.release(cancelled)
    await spend(budgets, user, 0.2, call="a")
    await budgets.release(answered)
    assert (await budgets.status(user)).spent == pytest.approx(0.2)
    entries, _ = await budgets.usage(user, 10)
    assert [e.call_id for e in entries] == ["a"]


async def test_reading_a_budget_writes_nothing(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    await budgets.status(user)
    async with db.reading() as session:
        assert await BudgetRepository(session).get(user) is None


async def test_holds_count_until_settled_or_released_and_an_abandoned_one_stops_counting(db):
    user, now = uuid.uuid4(), datetime(2026, 11, 25, 12, tzinfo=UTC)
    async with db.transaction() as session:
        budgets = BudgetRepository(session)
        await budgets.hold(user, "live", "p", "m", 0.5, now - timedelta(minutes=1))
        await budgets.hold(user, "abandoned", "p", "m", 0.7, now - RESERVATION_LIFETIME - timedelta(minutes=1))
        await budgets.hold(user, "released", "p", "m", 0.9, now)
        await budgets.settle(user, "yesterday", Charge("p", "m", 10, 10, 0.25), now - timedelta(days=1))
    async with db.transaction() as session:
        budgets = BudgetRepository(session)
        assert await budgets.drop_hold(user, "released")
        assert not await budgets.drop_hold(user, "yesterday")  # settled: it stays on the record
        assert await budgets.spent_since(user, now - timedelta(days=5), now) == pytest.approx(0.75)
        assert await budgets.spent_since(user, now - timedelta(hours=1), now) == pytest.approx(0.5)
        assert not await budgets.settle(user, "yesterday", Charge("p", "m", 99, 99, 9.0), now)


async def test_an_unenforced_budget_alerts_but_does_not_block(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    await budgets.configure(
        ADMIN, user, limit_usd=1.0, max_limit_usd=1.0, period="daily", custom_days=0, enforce=False, thresholds=[100]
    )
    await spend(budgets, user, 1.5)
    assert await budgets.reserve(user, "next", "p", "m", 0.5)


async def test_learners_set_their_own_limit_only_up_to_what_the_admin_allows(db):
    budgets, caller = BudgetService(db=db), learner()
    lowered = await budgets.set_mine(caller, 10.0, "weekly", 0)
    assert (lowered.row.limit_usd, lowered.row.period) == (10.0, "weekly")
    with pytest.raises(PermissionDenied, match="at most"):
        await budgets.set_mine(caller, 31.0, "weekly", 0)
    with pytest.raises(InvalidArgument):
        await budgets.set_mine(caller, 5.0, "fortnightly", 0)


async def test_only_admins_configure_or_reset_and_a_reset_needs_a_reason(db):
    budgets, user = BudgetService(db=db), uuid.uuid4()
    with pytest.raises(PermissionDenied):
        await budgets.configure(
            learner(), user, limit_usd=99, max_limit_usd=99, period="monthly", custom_days=0, enforce=True, thresholds=[]
        )
    with pytest.raises(PermissionDenied):
        await budgets.reset(learner(), user, "because")
    with pytest.raises(InvalidArgument):
        await budgets.reset(ADMIN, user, "")
    await spend(budgets, user, 5)
    assert (await budgets.reset(ADMIN, user, "billing error")).spent == 0.0
