"""Use cases of AI budgets: what a learner may spend, what they spent, and holding the line.

A paid call goes in three steps, and no transaction is open while the provider works:
``reserve`` holds the call's largest likely cost in a short transaction under a lock on the
learner's budget row (FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite), so concurrent calls
cannot together overspend; the call is made; ``settle`` replaces the hold with the real cost in
a second short transaction and emits ``ai.usage_recorded`` and any ``budget.threshold_crossed``
through the outbox. A call that was cancelled or failed without spending anything is
``release``d. Each call has an id from its caller, so a retried call is recorded once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, PermissionDenied
from parla.chassis.messaging import add_event
from parla.contracts.events import AiUsageRecorded, BudgetThresholdCrossed
from parla.persona.budget import DEFAULT_THRESHOLDS, PERIODS, level_for, percent_of, period_start
from parla.persona.db import BudgetRow, UsageRow
from parla.persona.repository import BudgetRepository, Charge, ProviderTotal

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
class Reservation:
    """A hold on a learner's budget for one call. ``made`` is False when an earlier attempt of
    the same call made the hold: that attempt, not this one, may release it."""

    user_id: uuid.UUID
    call_id: str
    made: bool


def _check_settings(limit: float, period: str, custom_days: int) -> None:
    if not 0 <= limit <= MAX_LIMIT_USD:
        raise InvalidArgument(f"limit_usd is between 0 and {MAX_LIMIT_USD:.0f}", details={"limit_usd": "out of range"})
    if period not in PERIODS:
        raise InvalidArgument(f"period is one of {', '.join(PERIODS)}", details={"period": "unknown period"})
    if period == "custom" and not 1 <= custom_days <= 366:
        raise InvalidArgument("a custom period is 1 to 366 days", details={"custom_days": "out of range"})


async def _status(budgets: BudgetRepository, row: BudgetRow, now: datetime) -> Status:
    start = period_start(row.period, row.custom_days, row.anchor, now)
    return Status(row, start, await budgets.spent_since(row.user_id, start, now))


class BudgetService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    # --- reading ---------------------------------------------------------------------------

    async def status(self, user_id: uuid.UUID) -> Status:
        now = _now()
        async with self._db.reading() as session:
            budgets = BudgetRepository(session)
            return await _status(budgets, await budgets.get_or_default(user_id, now), now)

    async def usage(self, user_id: uuid.UUID, limit: int) -> tuple[list[UsageRow], list[ProviderTotal]]:
        async with self._db.reading() as session:
            budgets = BudgetRepository(session)
            return await budgets.history(user_id, min(limit or 50, MAX_HISTORY)), await budgets.totals_by_provider(user_id)

    # --- settings --------------------------------------------------------------------------

    async def set_mine(self, caller: Principal, limit: float, period: str, custom_days: int) -> Status:
        """A learner may choose a period and any limit up to the maximum an admin allows them."""
        _check_settings(limit, period, custom_days)
        now = _now()
        async with self._db.transaction() as session:
            budgets = BudgetRepository(session)
            row = await budgets.lock(caller.user_id, now)
            if limit > row.max_limit_usd:
                raise PermissionDenied(f"your limit can be at most ${row.max_limit_usd:.2f}; ask an admin for more")
            row.limit_usd, row.period, row.custom_days, row.updated_at = limit, period, custom_days, now
            return await _status(budgets, row, now)

    async def configure(self, caller: Principal, user_id: uuid.UUID, **settings: object) -> Status:
        _admin(caller)
        limit, period, days = float(settings["limit_usd"]), str(settings["period"]), int(settings["custom_days"])
        ceiling = float(settings["max_limit_usd"] or limit)
        thresholds = sorted(int(t) for t in settings["thresholds"] or DEFAULT_THRESHOLDS)
        _check_settings(limit, period, days)
        _check_settings(ceiling, period, days)
        if not all(1 <= t <= 200 for t in thresholds) or len(thresholds) > 10:
            raise InvalidArgument("thresholds are up to 10 percentages from 1 to 200", details={"thresholds": "out of range"})
        now = _now()
        async with self._db.transaction() as session:
            budgets = BudgetRepository(session)
            row = await budgets.lock(user_id, now)
            row.limit_usd, row.max_limit_usd, row.period, row.custom_days = limit, max(ceiling, limit), period, days
            row.enforce, row.thresholds, row.updated_at = bool(settings["enforce"]), thresholds, now
            return await _status(budgets, row, now)

    async def reset(self, caller: Principal, user_id: uuid.UUID, reason: str) -> Status:
        """Start a new period now; the reason is kept with who gave it."""
        _admin(caller)
        reason = reason.strip()
        if not 3 <= len(reason) <= 500:
            raise InvalidArgument("give a reason of 3 to 500 characters for the reset", details={"reason": "required"})
        now = _now()
        async with self._db.transaction() as session:
            budgets = BudgetRepository(session)
            row = await budgets.lock(user_id, now)
            row.anchor, row.updated_at = now, now
            await budgets.add_reset(user_id, caller.subject, reason, now)
            return await _status(budgets, row, now)

    # --- spending --------------------------------------------------------------------------

    async def reserve(self, user_id: uuid.UUID, call_id: str, provider: str, model: str, estimate: float) -> Reservation | None:
        """Hold ``estimate`` for a paid call; None when it would exceed an enforced limit."""
        now = _now()
        async with self._db.transaction() as session:
            budgets = BudgetRepository(session)
            row = await budgets.lock(user_id, now)
            if await budgets.call(user_id, call_id) is not None:
                return Reservation(user_id, call_id, made=False)  # a retried call: already held
            status = await _status(budgets, row, now)
            if row.enforce and status.spent + estimate > row.limit_usd:
                return None
            await budgets.hold(user_id, call_id, provider, model, estimate, now)
        return Reservation(user_id, call_id, made=True)

    async def release(self, reservation: Reservation) -> None:
        """Give back a hold whose call spent nothing (it was cancelled, or failed)."""
        if not reservation.made:
            return
        async with self._db.transaction() as session:
            await BudgetRepository(session).drop_hold(reservation.user_id, reservation.call_id)

    async def settle(
        self, user_id: uuid.UUID, call_id: str, *, provider: str, model: str, tokens_in: int, tokens_out: int, cost: float
    ) -> None:
        """Record what the call really used (replacing its hold, if any), publish it, and
        announce each threshold the spend crossed for the first time this period."""
        now = _now()
        charge = Charge(provider, model, tokens_in, tokens_out, cost)
        async with self._db.transaction() as session:
            budgets = BudgetRepository(session)
            row = await budgets.lock(user_id, now)
            if not await budgets.settle(user_id, call_id, charge, now):
                return  # settled already: a retry changes nothing
            await add_event(
                session,
                AiUsageRecorded(
                    user_id=user_id, provider=provider, model=model, tokens_in=tokens_in, tokens_out=tokens_out, cost_usd=cost
                ),
            )
            status = await _status(budgets, row, now)
            for threshold in sorted(row.thresholds):
                if status.percent >= threshold and await budgets.first_alert(user_id, status.period_start, threshold):
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


def _admin(caller: Principal) -> None:
    if not caller.is_admin:
        raise PermissionDenied("only an admin can configure or reset another learner's budget")
