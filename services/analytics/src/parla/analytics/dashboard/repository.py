"""SQL of the dashboard: counters added per key in one statement per table; reads by the learner's key."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard.db import CalibrationRow, LearnerDayRow, SkillDayRow, WeakSpotRow
from parla.chassis.db import adding_up, chunked


class DashboardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, table: Table, keys: tuple[str, ...], amounts: Mapping[tuple, Mapping[str, float]]) -> None:
        """Add each key's amounts to its row (made when missing). Amounts are summed per key by
        the caller: one statement may touch a row once."""
        if not amounts:
            return
        columns = sorted({name for values in amounts.values() for name in values})
        upsert = adding_up(self.session, table, keys, tuple(columns))
        rows = [
            dict(zip(keys, key, strict=True)) | {name: values.get(name, 0) for name in columns} for key, values in amounts.items()
        ]
        for chunk in chunked(rows):
            await self.session.execute(upsert, list(chunk))

    async def days(self, user_id: uuid.UUID, since: date) -> list[LearnerDayRow]:
        statement = (
            select(LearnerDayRow).where(LearnerDayRow.user_id == user_id, LearnerDayRow.day >= since).order_by(LearnerDayRow.day)
        )
        return list(await self.session.scalars(statement))

    async def skill_days(self, user_id: uuid.UUID, since: date) -> list[SkillDayRow]:
        statement = select(SkillDayRow).where(SkillDayRow.user_id == user_id, SkillDayRow.day >= since)
        return list(await self.session.scalars(statement))

    async def weakest(self, user_id: uuid.UUID, kind: str, limit: int) -> list[WeakSpotRow]:
        statement = (
            select(WeakSpotRow)
            .where(WeakSpotRow.user_id == user_id, WeakSpotRow.kind == kind)
            .order_by(WeakSpotRow.times.desc(), WeakSpotRow.key)
            .limit(limit)
        )
        return list(await self.session.scalars(statement))

    async def calibration(self, user_id: uuid.UUID) -> list[CalibrationRow]:
        statement = select(CalibrationRow).where(CalibrationRow.user_id == user_id).order_by(CalibrationRow.bin)
        return list(await self.session.scalars(statement))
