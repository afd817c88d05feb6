"""SQL of the dashboard: counters added per key in one statement per table; reads by the learner's key."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from datetime import date

from sqlalchemy import Insert, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard.db import CalibrationRow, LearnerDayRow, SkillDayRow, WeakSpotRow
from parla.chassis.db import chunked, dialect_insert, dialect_of


class DashboardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, table: Table, keys: tuple[str, ...], amounts: Mapping[tuple, Mapping[str, float]]) -> None:
        """Add each key's amounts to its row (made when missing). Amounts are summed per key by
        the caller: one statement may touch a row once."""
        if not amounts:
            return
        columns = sorted({name for values in amounts.values() for name in values})
        upsert = _adding(dialect_of(self.session), table, keys, tuple(columns))
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


@functools.cache
def _adding(dialect: str, table: Table, keys: tuple[str, ...], columns: tuple[str, ...]) -> Insert:
    """Each column's amount added to the row's (built once per dialect: see ``parla.chassis.db.dialect_insert``)."""
    statement = dialect_insert(dialect, table)
    return statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: table.c[name] + statement.excluded[name] for name in columns}
    )
