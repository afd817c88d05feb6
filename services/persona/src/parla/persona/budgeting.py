"""Use cases of AI budgets: what a learner may spend, what they spent, and holding the line.

A paid call first reserves its largest likely cost under a lock on the learner's budget row
(FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite), so concurrent calls cannot together
overspend; the real cost replaces the reservation when the call returns. Each call has an id
from its caller, so a retried call is recorded once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database, is_sqlite
from parla.chassis.errors import InvalidArgument, PermissionDenied
from parla.chassis.messaging import add_event
from parla.contracts.events import AiUsageRecorded, BudgetThresholdCrossed
from parla.persona.budget import (
    DEFAULT_LIMIT_USD,
    DEFAULT_THRESHOLDS,
    PERIODS,
    level_for,
    percent_of,
    period_start,
)
from parla.persona.db import BudgetAlertRow, BudgetResetRow, BudgetRow, UsageRow

MAX_LIMIT_USD = 10_000.0
MAX_HISTORY = 200


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Status:
    row: BudgetRow
    period_start: datetime
    spent: float

    @property
    def percent(self) -> float:
        return percent_of(self.spent, self.row.limit_usd)

    @property
    def level(self) -> str:
        return level_for(self.percent, self.row.thresholds)

    @property
    def remaining(self) -> float:
        return round(max(0.0, self.row.limit_usd - self.spent), 6)


@dataclass(frozen=True)
class ProviderTotal:
    provider: str
    calls: int
    tokens_in: int
    tokens_out: int
    cost: float


def _check_settings(limit: float, period: str, custom_days: int) -> None:
    if not 0 <= limit <= MAX_LIMIT_USD:
        raise InvalidArgument(f"limit_usd is between 0 and {MAX_LIMIT_USD:.0f}", details={"limit_usd": "out of range"})
    if period not in PERIODS:
        raise InvalidArgument(f"period is one of {', '.join(PERIODS)}", details={"period": "unknown period"})
    if period == "custom" and not 1 <= custom_days <= 366:
        raise InvalidArgument("a custom period is 1 to 366 days", details={"custom_days": "out of range"})


class BudgetService:
    def __init__(self, *, db: Database) -> None:
        self._db = db
        self._lock_rows = not is_sqlite(str(db.engine.url))

    # --- reading ---------------------------------------------------------------------------

    async def status(self, user_id: uuid.UUID) -> Status:
        async with self._db.transaction() as session:
            return await self._status(session, user_id)

    async def usage(self, user_id: uuid.UUID, limit: int) -> tuple[list[UsageRow], list[ProviderTotal]]:
        limit = min(limit or 50, MAX_HISTORY)
        async with self._db.reading() as session:
            entries = list(
                await session.scalars(
                    select(UsageRow).where(UsageRow.user_id == user_id).order_by(UsageRow.at.desc()).limit(limit)
                )
            )
            totals = await session.execute(
                select(
                    UsageRow.provider,
                    func.count(),
                    func.sum(UsageRow.tokens_in),
                    func.sum(UsageRow.tokens_out),
                    func.sum(UsageRow.cost_usd),
                )
                .where(UsageRow.user_id == user_id)
                .group_by(UsageRow.provider)
                .order_by(UsageRow.provider)
            )
        return entries, [ProviderTotal(p, int(n), int(i or 0), int(o or 0), round(float(c or 0), 6)) for p, n, i, o, c in totals]

    # --- settings --------------------------------------------------------------------------

    async def set_mine(self, caller: Principal, limit: float, period: str, custom_days: int) -> Status:
        """A learner may choose a period and any limit up to the maximum an admin allows them."""
        _check_settings(limit, period, custom_days)
        async with self._db.transaction() as session:
            row = await self._row(session, caller.user_id)
            if limit > row.max_limit_usd:
                raise PermissionDenied(
                    f"your limit can be at most ${row.max_limit_usd:.2f}; ask an admin for more",
                )
            row.limit_usd, row.period, row.custom_days, row.updated_at = limit, period, custom_days, _now()
            return await self._status(session, caller.user_id)

    async def configure(self, caller: Principal, user_id: uuid.UUID, **settings: object) -> Status:
        _admin(caller)
        limit, period, days = float(settings["limit_usd"]), str(settings["period"]), int(settings["custom_days"])
        ceiling = float(settings["max_limit_usd"] or limit)
        thresholds = sorted(int(t) for t in settings["thresholds"] or DEFAULT_THRESHOLDS)
        _check_settings(limit, period, days)
        _check_settings(ceiling, period, days)
        if not all(1 <= t <= 200 for t in thresholds) or len(thresholds) > 10:
            raise InvalidArgument("thresholds are up to 10 percentages from 1 to 200", details={"thresholds": "out of range"})
        async with self._db.transaction() as session:
            row = await self._row(session, user_id)
            row.limit_usd, row.max_limit_usd, row.period, row.custom_days = limit, max(ceiling, limit), period, days
            row.enforce, row.thresholds, row.updated_at = bool(settings["enforce"]), thresholds, _now()
            return await self._status(session, user_id)

    async def reset(self, caller: Principal, user_id: uuid.UUID, reason: str) -> Status:
        """Start a new period now; the reason is kept with who gave it."""
        _admin(caller)
        reason = reason.strip()
        if not 3 <= len(reason) <= 500:
            raise InvalidArgument("give a reason of 3 to 500 characters for the reset", details={"reason": "required"})
        now = _now()
        async with self._db.transaction() as session:
            row = await self._row(session, user_id)
            row.anchor, row.updated_at = now, now
            session.add(BudgetResetRow(id=uuid.uuid4(), user_id=user_id, admin_id=caller.subject, reason=reason, at=now))
            return await self._status(session, user_id)

    # --- spending --------------------------------------------------------------------------

    async def reserve(self, user_id: uuid.UUID, call_id: str, provider: str, model: str, estimate: float) -> bool:
        """Hold ``estimate`` for a paid call. False when it would exceed an enforced limit."""
        async with self._db.transaction() as session:
            row = await self._row(session, user_id, lock=True)
            existing = await session.scalar(select(UsageRow).where(UsageRow.user_id == user_id, UsageRow.call_id == call_id))
            if existing is not None:
                return True  # a retried call: already held
            status = await self._status(session, user_id)
            if row.enforce and status.spent + estimate > row.limit_usd:
                return False
            session.add(
                UsageRow(
                    id=uuid.uuid4(),
                    user_id=user_id,
                    call_id=call_id,
                    provider=provider,
                    model=model,
                    tokens_in=0,
                    tokens_out=0,
                    cost_usd=estimate,
                    at=_now(),
                )
            )
        return True

    async def settle(
        self, user_id: uuid.UUID, call_id: str, *, provider: str, model: str, tokens_in: int, tokens_out: int, cost: float
    ) -> None:
        """Record what the call really used (replacing its reservation, if any), publish it, and
        announce each threshold the spend crossed for the first time this period."""
        async with self._db.transaction() as session:
            row = await self._row(session, user_id, lock=True)
            usage = await session.scalar(select(UsageRow).where(UsageRow.user_id == user_id, UsageRow.call_id == call_id))
            if usage is None:
                usage = UsageRow(id=uuid.uuid4(), user_id=user_id, call_id=call_id, at=_now())
                session.add(usage)
            elif usage.tokens_in or usage.tokens_out:
                return  # settled already: a retry changes nothing
            usage.provider, usage.model, usage.tokens_in, usage.tokens_out, usage.cost_usd = (
                provider,
                model,
                tokens_in,
                tokens_out,
                cost,
            )
            await session.flush()
            await add_event(
                session,
                AiUsageRecorded(
                    user_id=user_id, provider=provider, model=model, tokens_in=tokens_in, tokens_out=tokens_out, cost_usd=cost
                ),
            )
            status = await self._status(session, user_id)
            for threshold in sorted(row.thresholds):
                if status.percent >= threshold and await self._first_alert(session, user_id, status.period_start, threshold):
                    await add_event(
                        session,
                        BudgetThresholdCrossed(
                            user_id=user_id,
                            threshold=threshold,
                            level=level_for(threshold, row.thresholds),
                            spent_usd=status.spent,
                            limit_usd=row.limit_usd,
                            period_start=status.period_start,
                        ),
                    )

    # --- helpers ---------------------------------------------------------------------------

    async def _row(self, session: AsyncSession, user_id: uuid.UUID, *, lock: bool = False) -> BudgetRow:
        query = select(BudgetRow).where(BudgetRow.user_id == user_id)
        if lock and self._lock_rows:
            query = query.with_for_update()
        row = await session.scalar(query)
        if row is None:
            now = _now()
            row = BudgetRow(
                user_id=user_id,
                limit_usd=DEFAULT_LIMIT_USD,
                max_limit_usd=DEFAULT_LIMIT_USD,
                period="monthly",
                custom_days=0,
                enforce=True,
                thresholds=list(DEFAULT_THRESHOLDS),
                anchor=datetime(2000, 1, 1, tzinfo=UTC),
                updated_at=now,
            )
            session.add(row)
            try:
                async with session.begin_nested():
                    await session.flush()
            except IntegrityError:  # created by a concurrent call: use theirs
                row = await session.scalar(query)
        return row

    async def _status(self, session: AsyncSession, user_id: uuid.UUID) -> Status:
        row = await self._row(session, user_id)
        start = period_start(row.period, row.custom_days, row.anchor, _now())
        spent = await session.scalar(
            select(func.coalesce(func.sum(UsageRow.cost_usd), 0.0)).where(UsageRow.user_id == user_id, UsageRow.at >= start)
        )
        return Status(row, start, round(float(spent or 0), 6))

    @staticmethod
    async def _first_alert(session: AsyncSession, user_id: uuid.UUID, start: datetime, threshold: int) -> bool:
        seen = await session.get(BudgetAlertRow, (user_id, start, threshold))
        if seen is not None:
            return False
        session.add(BudgetAlertRow(user_id=user_id, period_start=start, threshold=threshold))
        await session.flush()
        return True


def _admin(caller: Principal) -> None:
    if not caller.is_admin:
        raise PermissionDenied("only an admin can configure or reset another learner's budget")
