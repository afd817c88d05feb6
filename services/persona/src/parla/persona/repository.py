"""SQL of the persona service: learners' persona choices, and AI budgets with their usage."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from parla.persona.budget import DEFAULT_LIMIT_USD, DEFAULT_THRESHOLDS, RESERVATION_LIFETIME
from parla.persona.db import BudgetAlertRow, BudgetResetRow, BudgetRow, PersonaPreferenceRow, UsageRow

# Spend before the first reset is counted from here: before any period could have started.
_BEGINNING = datetime(2000, 1, 1, tzinfo=UTC)


class PreferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> PersonaPreferenceRow | None:
        return await self.session.get(PersonaPreferenceRow, user_id)

    async def put(self, user_id: uuid.UUID, persona_type: str, subject: str, learner_level: str, now: datetime) -> None:
        row = await self.get(user_id) or PersonaPreferenceRow(user_id=user_id)
        row.persona_type, row.subject, row.learner_level, row.updated_at = persona_type, subject, learner_level, now
        self.session.add(row)
        await self.session.flush()

    async def remove(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(PersonaPreferenceRow).where(PersonaPreferenceRow.user_id == user_id))


def default_budget(user_id: uuid.UUID, now: datetime) -> BudgetRow:
    """The budget of a learner nobody configured: $30 a month, enforced. Not stored by itself."""
    return BudgetRow(
        user_id=user_id,
        limit_usd=DEFAULT_LIMIT_USD,
        max_limit_usd=DEFAULT_LIMIT_USD,
        period="monthly",
        custom_days=0,
        enforce=True,
        thresholds=list(DEFAULT_THRESHOLDS),
        anchor=_BEGINNING,
        updated_at=now,
    )


@dataclass(frozen=True)
class ProviderTotal:
    provider: str
    calls: int
    tokens_in: int
    tokens_out: int
    cost: float


@dataclass(frozen=True)
class Charge:
    """What one call really used."""

    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    cost: float


class BudgetRepository:
    """Budgets, the usage charged against them (and the holds of calls under way), alerts and resets."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- budgets -------------------------------------------------------------------------------

    async def get(self, user_id: uuid.UUID) -> BudgetRow | None:
        return await self.session.scalar(select(BudgetRow).where(BudgetRow.user_id == user_id))

    async def get_or_default(self, user_id: uuid.UUID, now: datetime) -> BudgetRow:
        """For reading: a learner without a row gets the default, and nothing is written."""
        return await self.get(user_id) or default_budget(user_id, now)

    async def lock(self, user_id: uuid.UUID, now: datetime) -> BudgetRow:
        """The learner's budget row, created with the defaults if need be, locked until the
        transaction ends: FOR UPDATE on PostgreSQL; on SQLite the writing transaction already
        holds the database's write lock (BEGIN IMMEDIATE)."""
        query = select(BudgetRow).where(BudgetRow.user_id == user_id)
        if self.session.get_bind().dialect.name != "sqlite":
            query = query.with_for_update()
        row = await self.session.scalar(query)
        if row is not None:
            return row
        row = default_budget(user_id, now)
        self.session.add(row)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError:  # created by a concurrent call: lock theirs
            row = await self.session.scalar(query)
        return row

    async def spent_since(self, user_id: uuid.UUID, start: datetime, now: datetime) -> float:
        """What counts against the budget from ``start``: settled calls, and holds of calls that
        may still be under way (a hold older than ``RESERVATION_LIFETIME`` was abandoned)."""
        live = or_(UsageRow.settled, UsageRow.at >= now - RESERVATION_LIFETIME)
        spent = await self.session.scalar(
            select(func.coalesce(func.sum(UsageRow.cost_usd), 0.0)).where(UsageRow.user_id == user_id, UsageRow.at >= start, live)
        )
        return round(float(spent or 0), 6)

    async def add_reset(self, user_id: uuid.UUID, admin_id: str, reason: str, now: datetime) -> None:
        self.session.add(BudgetResetRow(id=uuid.uuid4(), user_id=user_id, admin_id=admin_id, reason=reason, at=now))

    async def first_alert(self, user_id: uuid.UUID, period_start: datetime, threshold: int) -> bool:
        """Note that ``threshold`` was crossed this period; False if it was noted already."""
        if await self.session.get(BudgetAlertRow, (user_id, period_start, threshold)) is not None:
            return False
        self.session.add(BudgetAlertRow(user_id=user_id, period_start=period_start, threshold=threshold))
        await self.session.flush()
        return True

    # --- usage and holds -------------------------------------------------------------------------

    async def call(self, user_id: uuid.UUID, call_id: str) -> UsageRow | None:
        return await self.session.scalar(select(UsageRow).where(UsageRow.user_id == user_id, UsageRow.call_id == call_id))

    async def hold(self, user_id: uuid.UUID, call_id: str, provider: str, model: str, amount: float, now: datetime) -> None:
        self.session.add(
            UsageRow(
                id=uuid.uuid4(),
                user_id=user_id,
                call_id=call_id,
                provider=provider,
                model=model,
                tokens_in=0,
                tokens_out=0,
                cost_usd=amount,
                settled=False,
                at=now,
            )
        )
        await self.session.flush()

    async def drop_hold(self, user_id: uuid.UUID, call_id: str) -> bool:
        """Remove the call's hold; a call already settled keeps its record."""
        result = await self.session.execute(
            delete(UsageRow).where(UsageRow.user_id == user_id, UsageRow.call_id == call_id, UsageRow.settled.is_(False))
        )
        return bool(result.rowcount)

    async def settle(self, user_id: uuid.UUID, call_id: str, charge: Charge, now: datetime) -> bool:
        """Record what the call used, in place of its hold if it has one. False when the call
        was settled already: a retried call is recorded once."""
        row = await self.call(user_id, call_id)
        if row is not None and row.settled:
            return False
        if row is None:
            row = UsageRow(id=uuid.uuid4(), user_id=user_id, call_id=call_id, at=now)
            self.session.add(row)
        row.provider, row.model, row.tokens_in, row.tokens_out = (
            charge.provider,
            charge.model,
            charge.tokens_in,
            charge.tokens_out,
        )
        row.cost_usd, row.settled = charge.cost, True
        await self.session.flush()
        return True

    async def history(self, user_id: uuid.UUID, limit: int) -> list[UsageRow]:
        """The learner's settled calls, newest first (holds are not usage yet)."""
        query = select(UsageRow).where(UsageRow.user_id == user_id, UsageRow.settled).order_by(UsageRow.at.desc()).limit(limit)
        return list(await self.session.scalars(query))

    async def totals_by_provider(self, user_id: uuid.UUID) -> list[ProviderTotal]:
        rows = await self.session.execute(
            select(
                UsageRow.provider,
                func.count(),
                func.sum(UsageRow.tokens_in),
                func.sum(UsageRow.tokens_out),
                func.sum(UsageRow.cost_usd),
            )
            .where(UsageRow.user_id == user_id, UsageRow.settled)
            .group_by(UsageRow.provider)
            .order_by(UsageRow.provider)
        )
        return [ProviderTotal(p, int(n), int(i or 0), int(o or 0), round(float(c or 0), 6)) for p, n, i, o, c in rows]
